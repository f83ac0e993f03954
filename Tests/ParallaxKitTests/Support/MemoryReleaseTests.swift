import Testing

@testable import ParallaxKit

/// What the pipeline does so that memory it is done with does not swell its peak.
@Suite("Releasing memory")
struct MemoryReleaseTests {
    #if canImport(Glibc)
        @Test("With the policy set, a large block allocated after a larger one was freed has its own mapping")
        func largeBlocksMapped() {
            #expect(AllocatorPolicy.returnLargeBlocksWhenFreed() == AllocatorPolicy.isAvailable)
            // Under a sanitizer, whose allocator has no such setting, there is nothing to check.
            guard AllocatorPolicy.isAvailable else { return }
            // glibc, left to itself, raises its threshold to 24 MB when a block of 24 MB is freed, and
            // serves a block of 16 MB after it from the heap, where it stays when freed. (The
            // threshold says when the allocator maps instead of growing its heap: a smaller block
            // that fits in space the heap already has is served from there.)
            let big = UnsafeMutableRawPointer.allocate(byteCount: 24 << 20, alignment: 16)
            big.deallocate()
            #expect(AllocatorPolicy.isMapped(byteCount: 16 << 20))
            // Small blocks stay in the heap.
            #expect(!AllocatorPolicy.isMapped(byteCount: 4096))
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
}
