/// A one-pass UTF-8 validity check (RFC 3629: no overlongs, no surrogates, nothing above
/// U+10FFFF) over the whole input: the first invalid byte, and how many valid multi-byte
/// sequences and invalid bytes there are (an invalid byte is skipped and the scan goes on).
struct UTF8Check {
    var firstInvalidOffset: Int?
    var validMultibyteSequences = 0
    var invalidBytes = 0
    /// NUL bytes, and control characters other than tab, line breaks, form feed and escape.
    var nulBytes = 0
    var controlBytes = 0

    /// The scalar of the well-formed multi-byte sequence (RFC 3629: no overlongs, no
    /// surrogates, nothing above U+10FFFF) that starts at `i` and ends by `end`, and its length;
    /// nil when the bytes there are not one.
    @inline(__always)
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (value: UInt32, length: Int)? {
        let c = b[i]
        var value: UInt32
        var length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(c & 0x1F)
        case 0xE0:
            length = 3
            low = 0xA0
            value = UInt32(c & 0x0F)
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
            value = UInt32(c & 0x0F)
        case 0xED:
            length = 3
            high = 0x9F
            value = UInt32(c & 0x0F)
        case 0xF0:
            length = 4
            low = 0x90
            value = UInt32(c & 0x07)
        case 0xF1...0xF3:
            length = 4
            value = UInt32(c & 0x07)
        case 0xF4:
            length = 4
            high = 0x8F
            value = UInt32(c & 0x07)
        default: return nil
        }
        guard i + length <= end, b[i + 1] >= low, b[i + 1] <= high else { return nil }
        for j in 1..<length {
            let next = b[i + j]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (value, length)
    }

    private mutating func invalid(at offset: Int) {
        if firstInvalidOffset == nil { firstInvalidOffset = offset }
        invalidBytes += 1
    }

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            // Printable ASCII, most of any text, is skipped eight bytes at a time.
            ByteText.forEachUnprintable(b) { c, i in
                if c < 0x80 {
                    if c == 0 { nulBytes += 1 }
                    if Characters.isBinaryControl(c) { controlBytes += 1 }
                    return 1
                }
                if let sequence = Self.scalar(in: b, at: i, end: n) {
                    validMultibyteSequences += 1
                    return sequence.length
                }
                invalid(at: i)
                return 1
            }
        }
    }
}
