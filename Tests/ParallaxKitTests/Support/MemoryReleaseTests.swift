import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// What the pipeline does so that memory it is done with does not swell its peak.
@Suite("Releasing memory")
struct MemoryReleaseTests {
    #if canImport(Glibc)
        @Test("With the policy set, a large block allocated after a larger one was freed has its own mapping")
        func largeBlocksMapped() throws {
            #expect(AllocatorPolicy.returnLargeBlocksWhenFreed() == AllocatorPolicy.isAvailable)
            // Under a sanitizer, whose allocator has no such setting, there is nothing to check.
            guard AllocatorPolicy.isAvailable else { return }
            // In this process, memory other tests freed can serve any block; a fresh process that
            // runs CAllocator's own source shows what the setting does. glibc, left to itself,
            // raises its threshold to 24 MB when a block of 24 MB is freed, and serves a block of
            // 16 MB after it from the heap, where it stays when freed.
            let probe = """
                #include <stdio.h>
                #include <stdlib.h>
                #include "CAllocator.h"
                int main(int argc, char **argv) {
                    if (argc > 1 && !parallax_allocator_map_large_blocks((size_t)atol(argv[1]))) return 3;
                    void *big = malloc(24 << 20);
                    free(big);
                    void *block = malloc(16 << 20);
                    /* glibc keeps a chunk's size in the word before it, IS_MMAPPED (0x2) among its low bits. */
                    printf("%d\\n", (((size_t *)block)[-1] & 0x2) != 0);
                    free(block);
                    return 0;
                }
                """
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-allocator-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try probe.write(to: folder.appendingPathComponent("probe.c"), atomically: true, encoding: .utf8)
            let source = TestPaths.root.appendingPathComponent("Sources/CAllocator")
            let compiler = try #require(Self.clang, "no clang beside swift or on PATH")
            let build = try Tool.run(
                compiler,
                [
                    "-O0", "-I", source.appendingPathComponent("include").path, folder.appendingPathComponent("probe.c").path,
                    source.appendingPathComponent("allocator.c").path, "-o", folder.appendingPathComponent("probe").path,
                ])
            try #require(build.status == 0, "\(build.output)")
            let executable = folder.appendingPathComponent("probe").path
            #expect(try Tool.run(executable, []).output == "0\n")
            #expect(try Tool.run(executable, [String(AllocatorPolicy.largeBlock)]).output == "1\n")
        }

        /// The C compiler that comes with the Swift toolchain (or any on PATH).
        static var clang: String? {
            let beside =
                ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":").map(String.init) + ["/opt/swift/usr/bin"]
            return beside.map { $0 + "/clang" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
    #endif

    @Test("An array with more than an eighth unused is copied at its size; the elements are kept", arguments: [0, 1, 7, 100, 5_000])
    func excessCapacity(_ count: Int) {
        var grown: [Int] = []
        for i in 0..<count { grown.append(i * 3) }
        grown.reserveCapacity(count * 2 + 16)
        let released = grown.withExcessCapacityReleased()
        #expect(released == grown)
        #expect(released.capacity <= released.count + released.count / 8 + 4)
        // An array already at its size is the same storage, not a copy.
        if count >= 100 {
            let again = released.withExcessCapacityReleased()
            #expect(again.withUnsafeBufferPointer { $0.baseAddress } == released.withUnsafeBufferPointer { $0.baseAddress })
        }
    }

    @Test("permute(to:) puts each element where the order says, in place, for any permutation", arguments: [0, 1, 2, 7, 1_000])
    func permute(_ count: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let order = Array(0..<count).shuffled(using: &generator)
            var values = (0..<count).map { "v\($0)" }
            let expected = order.map { "v\($0)" }
            values.permute(to: order)
            #expect(values == expected)
        }
        // The identity and a reversal, whose cycles are of one and two elements.
        var values = Array(0..<count)
        values.permute(to: Array(0..<count))
        #expect(values == Array(0..<count))
        values.permute(to: Array((0..<count).reversed()))
        #expect(values == Array((0..<count).reversed()))
    }
}
