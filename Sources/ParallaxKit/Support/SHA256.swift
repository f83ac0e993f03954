import Crypto

/// SHA-256 of a byte buffer, as lowercase hex, from swift-crypto (BoringSSL's implementation on
/// Linux, on the processor's SHA extensions where it has them). Used for the `sha256` of each
/// input in the report, so that a report can be tied to the exact bytes it was made from, and for
/// short fingerprints.
enum SHA256 {
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest(bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digest's first 64 bits, big-endian: the number whose 16 hex digits begin ``hex(_:)``.
    static func prefix64<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        digest(bytes).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func digest<C: Collection>(_ bytes: C) -> Crypto.SHA256.Digest where C.Element == UInt8 {
        var hasher = Crypto.SHA256()
        if bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return hasher.finalize()
    }
}
