/// The one set of character predicates every stage uses, so that the reader, the cleaner, the
/// segmenter and the fact parser agree on what white space is.
///
/// White space is Unicode's `White_Space` property: ASCII's six (space, tab, line feed, vertical
/// tab, form feed, carriage return), U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F,
/// U+205F and U+3000. The invisible format characters (soft hyphen, zero-width space and joiners,
/// word joiner, U+FEFF) are not white space: they are ``isIgnorable(_:)``, and a caller that
/// treats them like space says so by asking both.
enum Characters {
    /// Space, tab, line feed, vertical tab, form feed or carriage return.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// A–Z or a–z.
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// 0–9.
    @inline(__always)
    static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// Unicode's `White_Space`, for a scalar value.
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIISpace(UInt8(scalar)) }
        return scalar == 0x85 || scalar == 0xA0 || scalar == 0x1680 || (scalar >= 0x2000 && scalar <= 0x200A)
            || scalar == 0x2028 || scalar == 0x2029 || scalar == 0x202F || scalar == 0x205F || scalar == 0x3000
    }

    /// Unicode's `White_Space` for the `length` bytes at `i` (one well-formed UTF-8 sequence of a
    /// scalar at or above U+0080), without decoding it: the same answer as ``isWhitespace(_:)``.
    @inline(__always)
    static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Bool {
        switch (bytes[i], length) {
        case (0xC2, 2): return bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0
        case (0xE1, 3): return bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80
        case (0xE2, 3):
            let (x, y) = (bytes[i + 1], bytes[i + 2])
            return (x == 0x80 && ((0x80...0x8A).contains(y) || y == 0xA8 || y == 0xA9 || y == 0xAF)) || (x == 0x81 && y == 0x9F)
        case (0xE3, 3): return bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80
        default: return false
        }
    }

    /// ASCII white space or a no-break space (C2 A0) at byte `i`.
    static func isSpaceOrNoBreakSpace(_ utf8: [UInt8], _ i: Int) -> Bool {
        isASCIISpace(utf8[i]) || (utf8[i] == 0xC2 && i + 1 < utf8.count && utf8[i + 1] == 0xA0)
    }

    /// `range` of `utf8` without the ASCII white space and no-break spaces at its ends.
    static func trimmingSpaces(_ range: Range<Int>, in utf8: [UInt8]) -> Range<Int> {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, isSpaceOrNoBreakSpace(utf8, a) { a += isASCIISpace(utf8[a]) ? 1 : 2 }
        while b > a, isASCIISpace(utf8[b - 1]) || (b - a >= 2 && utf8[b - 2] == 0xC2 && utf8[b - 1] == 0xA0) {
            b -= isASCIISpace(utf8[b - 1]) ? 1 : 2
        }
        return a..<b
    }

    /// A control character that marks binary data: below 0x20, and not tab, a line break, form
    /// feed or escape (ANSI sequences are shown escaped).
    static func isBinaryControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B
    }

    /// A character that could drive or deceive a terminal or a reader: C0 and C1 controls, DEL, and
    /// the bidirectional controls. Every output format writes it escaped, never raw.
    static func isUnsafeForDisplay(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Invisible format characters that are neither space nor text: the soft hyphen, zero-width
    /// space, non-joiner and joiner, the word joiner, and U+FEFF (a byte order mark inside text).
    static func isIgnorable(_ scalar: UInt32) -> Bool {
        scalar == 0xAD || (scalar >= 0x200B && scalar <= 0x200D) || scalar == 0x2060 || scalar == 0xFEFF
    }
}

extension Double {
    /// `x` to three decimals: how the report writes its figures (scores, coverage, weights), so
    /// that they read the same on every machine.
    static func reportFigure(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
