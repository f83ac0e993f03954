import Crypto

/// SHA-256 of a byte buffer, as lowercase hex, from swift-crypto (BoringSSL's implementation on
/// Linux, on the processor's SHA extensions where it has them). Used for the `sha256` of each
/// input in the report, so that a report can be tied to the exact bytes it was made from, and for
/// short fingerprints.
enum SHA256 {
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hasher = Crypto.SHA256()
        if bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return hex(of: hasher)
    }

    /// The SHA-256 of `parts` joined by `separator`, hashed part by part without joining them.
    static func hex(joining parts: [String], separator: UInt8) -> String {
        var hasher = Crypto.SHA256()
        for (k, part) in parts.enumerated() {
            if k > 0 { withUnsafeBytes(of: separator) { hasher.update(bufferPointer: $0) } }
            var part = part
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(of: hasher)
    }

    private static func hex(of hasher: Crypto.SHA256) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in hasher.finalize() {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
