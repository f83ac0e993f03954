import Foundation

/// Helpers that let the cleaner look at lines as UTF-8 bytes instead of `String`s: most lines
/// of a document are prose that no rule applies to, and ruling them out must cost about one pass
/// over their bytes, with no allocation per rule.
enum ByteText {
    static func isASCII<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// A fast hash of `bytes`, eight at a time, each step a multiply and a shift. The seed is
    /// random per process (``seed``) unless given, so that no input can be built to collide on
    /// every run; nothing Parallax outputs depends on a hash value.
    static func fastHash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = ByteText.seed) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    static let seed = UInt64.random(in: .min ... .max)

    /// Whether two byte buffers hold the same bytes.
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        if a.count <= 16 {
            // Tokens, mostly: a loop is cheaper than a call.
            for k in 0..<a.count where a[k] != b[k] { return false }
            return true
        }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    static func lowercaseASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// `bytes` with each run of white space (Unicode's White_Space, known by its UTF-8 bytes:
    /// ``Characters/isWhitespace(_:at:length:)``) as one space and none at the ends; with
    /// `lowercaseASCII`, A-Z as a-z.
    static func collapsingSpaces(_ bytes: ArraySlice<UInt8>, lowercaseASCII: Bool = false) -> [UInt8] {
        let caseBit: UInt8 = lowercaseASCII ? 0x20 : 0
        return bytes.withUnsafeBufferPointer { input in
            // The result is never longer than the input. Every byte read is written at `n`; `n`
            // moves on unless the byte is white space after white space. An ASCII byte takes
            // no branch (spaces come every few bytes and would be mispredicted).
            [UInt8](unsafeUninitializedCapacity: input.count) { out, count in
                let inBase = input.baseAddress
                let outBase = out.baseAddress
                var n = 0
                var previousSpace = true  // no space before the first character
                var i = 0
                let end = input.count
                while i < end {
                    // Eight bytes at a time while they are printable ASCII with single spaces.
                    if i + 8 <= end, let inBase, let outBase, let word = Self.plainWord(inBase + i, afterSpace: previousSpace) {
                        let lowered = caseBit == 0 ? word : word | (Self.upperMask(word) >> 2)
                        UnsafeMutableRawPointer(outBase + n).storeBytes(of: lowered.littleEndian, as: UInt64.self)
                        n += 8
                        i += 8
                        previousSpace = word >> 56 == 0x20
                        continue
                    }
                    let b = input[i]
                    if b < 0x80 {
                        let isSpace = b == 0x20 || b &- 0x09 < 5
                        let isUpper = b &- 0x41 < 26
                        out[n] = isSpace ? 0x20 : (isUpper ? b | caseBit : b)
                        n &+= isSpace && previousSpace ? 0 : 1
                        previousSpace = isSpace
                        i += 1
                        continue
                    }
                    let length = min(b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2, end - i)
                    if Characters.isWhitespace(input, at: i, length: length) {
                        out[n] = 0x20
                        n &+= previousSpace ? 0 : 1
                        previousSpace = true
                    } else {
                        for j in 0..<length { out[n + j] = input[i + j] }
                        n += length
                        previousSpace = false
                    }
                    i += length
                }
                // A run of white space at the end left one space.
                if previousSpace && n > 0 { n -= 1 }
                count = n
            }
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `bytes` as a little-endian word, when collapsing spaces leaves them as they
    /// are: printable ASCII or single spaces, no other white space, no space first when white
    /// space came before them.
    @inline(__always)
    static func plainWord(_ bytes: UnsafePointer<UInt8>, afterSpace: Bool) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        // Bytes below 0x20 (control characters, tabs, line breaks): none may be there.
        if !isPrintableASCII(word) { return nil }
        // Spaces: flagged at their high bit (a flag may also appear above a real space, which
        // only sends a word to the byte loop). No two spaces side by side.
        let x = word ^ (0x20 &* ones)
        let spaces = (x &- ones) & ~x & highBits
        if spaces & (spaces << 8) != 0 { return nil }
        if afterSpace && word & 0xFF == 0x20 { return nil }
        return word
    }

    /// Where in `range` the first space followed by a space or a tab is. Looks at eight bytes at
    /// a time (windows overlapping by one, so that no pair falls between two).
    static func firstBlankPair(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            // Flags at the high bit of spaces and tabs; a flag may also appear above a real one
            // (a borrow), which only costs a look at the bytes.
            let s = word ^ (0x20 &* ones)
            let t = word ^ (0x09 &* ones)
            let spaces = (s &- ones) & ~s & highBits
            let blanks = spaces | ((t &- ones) & ~t & highBits)
            if spaces & (blanks >> 8) != 0 {
                for k in i..<(i + 7) where base[k] == 0x20 && (base[k + 1] == 0x20 || base[k + 1] == 0x09) { return k }
            }
            i += 7
        }
        while i + 1 < range.upperBound {
            if base[i] == 0x20 && (base[i + 1] == 0x20 || base[i + 1] == 0x09) { return i }
            i += 1
        }
        return nil
    }

    /// Whether all eight bytes of `word` are ASCII at 0x20 or above (no control characters, no
    /// line breaks, nothing outside ASCII).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        // With no high bits set, `(x - 0x20…) & ~x & 0x80…` is zero exactly when no byte is below 0x20.
        word & highBits == 0 && (word &- 0x20 &* ones) & ~word & highBits == 0
    }

    /// Calls `body` with each byte of `bytes[range]` that is not printable ASCII (below 0x20 or
    /// 0x80 and above), and its offset; `body` returns how many bytes it consumed (at least 1).
    /// Runs of printable ASCII are skipped eight bytes at a time.
    @inline(__always)
    static func forEachUnprintable(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8, Int) -> Int) {
        guard let base = bytes.baseAddress else { return }
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n, isPrintableASCII(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))) {
                i += 8
                continue
            }
            let c = base[i]
            if c >= 0x20 && c < 0x80 {
                i += 1
                continue
            }
            i += max(1, body(c, i))
        }
    }

    /// The high bit of every byte of `word` (ASCII) that is an uppercase letter A–Z.
    @inline(__always)
    static func upperMask(_ word: UInt64) -> UInt64 {
        // Adding 0x80 - 0x41 sets a byte's high bit when it is at least 0x41; adding 0x80 - 0x5B,
        // when it is at least 0x5B. No carries: every byte is below 0x80.
        ((word &+ 0x3F &* ones) ^ (word &+ 0x25 &* ones)) & highBits
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
                let sequence = bytes.withUnsafeBufferPointer { UTF8Check.scalar(in: $0, at: i, end: $0.count) }
                length = sequence?.length ?? 1
                if let scalar = sequence.flatMap({ Unicode.Scalar($0.value) }) {
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

    /// The hasher gets one word: a fast multiply-and-shift hash of the bytes (SipHash over every
    /// byte of every short line costs more than the rest of the cleaner's rules).
    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.withUnsafeBytes { ByteText.fastHash($0) })
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
            guard Characters.isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) else { return nil }
            let value = UInt64(ByteText.lowercaseASCII(byte))
            if k < 8 { low |= value << UInt64(8 * k) } else { high |= value << UInt64(8 * (k - 8)) }
        }
    }

    init?(_ word: String) {
        self.init(Array(word.utf8))
    }
}
