internal import CDigest

/// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex. Used for the `sha256` of each input
/// in the report, so that a report can be tied to the exact bytes it was made from, and for
/// short fingerprints. The work is done in C (`CDigest`), on the processor's SHA extensions
/// where it has them.
enum SHA256 {
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        hex(bytes, pxdigest_sha256)
    }

    /// The digest computed by the portable C code only, for tests that compare the two paths.
    static func portableHex(_ bytes: [UInt8]) -> String {
        hex(bytes, pxdigest_sha256_portable)
    }

    /// Whether this machine's digests come from the processor's SHA extensions.
    static var usesCPUExtensions: Bool { pxdigest_sha256_uses_cpu_extensions() }

    private typealias DigestFunction = (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>) -> Void

    private static func hex<C: Collection>(_ bytes: C, _ function: DigestFunction) -> String where C.Element == UInt8 {
        var digest = [UInt8](repeating: 0, count: 32)
        func run(_ buffer: UnsafeBufferPointer<UInt8>) {
            digest.withUnsafeMutableBufferPointer { out in
                if let base = out.baseAddress { function(buffer.baseAddress, buffer.count, base) }
            }
        }
        if bytes.withContiguousStorageIfAvailable(run) == nil {
            Array(bytes).withUnsafeBufferPointer(run)
        }
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
