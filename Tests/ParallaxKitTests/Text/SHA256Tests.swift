import ParallaxTestSupport
import Testing

@testable import ParallaxKit

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-4 examples and well-known digests.
    @Test(
        "Known digests",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
        ])
    func known(_ text: String, _ digest: String) {
        #expect(SHA256.hex(Array(text.utf8)) == digest)
    }

    @Test("A million times 'a'")
    func million() {
        let bytes = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(SHA256.hex(bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length around the padding's block boundaries (55, 56, 63, 64 bytes …): a slice, a
    /// contiguous array and a non-contiguous collection of the same bytes give the same digest,
    /// and two inputs that differ in one byte never do.
    @Test("Every length up to 300 bytes, by any collection")
    func lengths() {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        var seen = Set<String>()
        for length in 0...bytes.count {
            let prefix = Array(bytes[..<length])
            let digest = SHA256.hex(prefix)
            #expect(SHA256.hex(bytes[..<length]) == digest, "length \(length)")
            #expect(SHA256.hex(prefix.lazy.map { $0 }) == digest, "length \(length)")
            #expect(seen.insert(digest).inserted, "length \(length)")
        }
    }
}
