import Foundation

/// Helpers that let the cleaner look at lines as UTF-8 bytes instead of `String`s: most lines
/// of a document are prose that no rule applies to, and ruling them out must cost about one pass
/// over their bytes, with no allocation per rule.
enum ByteText {
    static func isASCII<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// Whether two byte buffers hold the same bytes.
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    static func lowercaseASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// `bytes` with each run of white space as one space and none at the ends. Only non-ASCII
    /// characters are decoded, to ask whether they are white space.
    static func collapsingSpaces(_ bytes: ArraySlice<UInt8>, lowercaseASCII: Bool = false) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input in
            // The result is never longer than the input.
            [UInt8](unsafeUninitializedCapacity: input.count) { out, count in
                var n = 0
                var pendingSpace = false
                var i = 0
                let end = input.count
                while i < end {
                    let b = input[i]
                    if b > 0x20 && b < 0x80 {
                        // Printable ASCII, the common case.
                        if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                        out[n] = lowercaseASCII && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                        n += 1
                        i += 1
                        continue
                    }
                    if b < 0x80 {
                        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                            pendingSpace = n > 0
                        } else {
                            if pendingSpace { out[n] = 0x20; n += 1 }
                            pendingSpace = false
                            out[n] = lowercaseASCII ? Self.lowercaseASCII(b) : b
                            n += 1
                        }
                        i += 1
                        continue
                    }
                    let length = min(b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2, end - i)
                    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for j in 1..<max(length, 1) { value = value << 6 | UInt32(input[i + j] & 0x3F) }
                    if Unicode.Scalar(value)?.properties.isWhitespace ?? false {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace { out[n] = 0x20; n += 1 }
                        pendingSpace = false
                        for j in 0..<length { out[n + j] = input[i + j] }
                        n += length
                    }
                    i += length
                }
                count = n
            }
        }
    }

    /// `bytes` with spaces collapsed and then lowercased as `String.lowercased()` does it.
    static func collapsedLowercase(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let out = collapsingSpaces(bytes, lowercaseASCII: true)
        if isASCII(out) { return out }
        return Array(String(decoding: out, as: UTF8.self).lowercased().utf8)
    }

    /// The number of `Character`s in `bytes` is at least `n`.
    static func hasAtLeastCharacters(_ bytes: ArraySlice<UInt8>, _ n: Int) -> Bool {
        if bytes.count < n { return false }
        if isASCII(bytes) && !bytes.contains(0x0D) { return true }
        return String(decoding: bytes, as: UTF8.self).count >= n
    }

    /// The words of `bytes` as `split(whereSeparator: { !$0.isLetter && !$0.isNumber })` cuts
    /// them from a `String`: runs of characters whose first scalar is alphabetic or numeric. A
    /// scalar that extends a grapheme (a combining mark) belongs to the character before it.
    static func wordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int? = nil
        var i = 0
        var inWord = false
        while i < bytes.count {
            let b = bytes[i]
            var length = 1
            if b < 0x80 {
                inWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            } else {
                let (scalar, n) = decodeScalar(bytes, at: i)
                length = n
                if let scalar {
                    let properties = scalar.properties
                    let extends = properties.isGraphemeExtend || properties.generalCategory == .spacingMark || scalar.value == 0x200D
                    if !extends || i == 0 {
                        inWord = properties.isAlphabetic || properties.numericType != nil
                    }
                } else {
                    inWord = false
                }
            }
            if inWord {
                if start == nil { start = i }
            } else if let s = start {
                words.append(s..<i)
                start = nil
            }
            i += length
        }
        if let s = start { words.append(s..<bytes.count) }
        return words
    }

    /// The scalar that starts at `i` and its length in bytes; nil (length 1) for a byte that
    /// does not start a well-formed sequence.
    static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let b = bytes[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for j in 1..<length {
            let next = bytes[i + j]
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}

/// A run of bytes as a dictionary key, hashed and compared byte for byte, so that texts can be
/// counted and looked up without making `String`s of them.
struct ByteKey: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.bytes.withUnsafeBytes { a in rhs.bytes.withUnsafeBytes { b in ByteText.equal(a, b) } }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// A word of at most 16 ASCII letters and digits, lowercased and packed into two integers: a set member
/// that is looked up without making a `String`.
struct ShortWord: Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The packed lowercase form of `bytes`, or nil when it is empty, longer than 16 bytes, or
    /// holds anything but ASCII letters and digits.
    init?<C: Collection<UInt8>>(_ bytes: C) {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        for (k, byte) in bytes.enumerated() {
            guard Cleaner.isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) else { return nil }
            let value = UInt64(ByteText.lowercaseASCII(byte))
            if k < 8 { low |= value << UInt64(8 * k) } else { high |= value << UInt64(8 * (k - 8)) }
        }
    }

    init?(_ word: String) {
        self.init(Array(word.utf8))
    }
}
