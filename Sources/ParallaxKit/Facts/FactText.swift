/// A lowercase ASCII word as 64 bits, so the fact parsers look words up without building
/// strings: five bits a letter for words of up to twelve letters (exact), a hash marked by the top
/// bit for longer ones ("approximately"). 0 means "not plain ASCII letters" and matches no
/// lexicon entry.
enum WordKey {
    /// The key of `word` ("Hundred" and "hundred" alike), or 0.
    static func of(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        var length = 0
        for byte in word.utf8 {
            guard let next = append(key, byte, length: length) else { return 0 }
            key = next
            length += 1
        }
        return key
    }

    /// `key` with one more letter at position `length`, or nil when `byte` is not an ASCII letter.
    @inline(__always)
    static func append(_ key: UInt64, _ byte: UInt8, length: Int) -> UInt64? {
        let lower = byte | 0x20
        guard lower >= 0x61, lower <= 0x7A else { return nil }
        if length < 12 { return key | (UInt64(lower - 0x60) << UInt64(5 * length)) }
        return (((key & ~(1 << 63)) &* 0x100_0000_01B3) ^ UInt64(lower)) | (1 << 63)
    }
}

/// Two word keys in a row ("more than").
struct WordPair: Hashable, Sendable {
    var first: UInt64
    var second: UInt64
}

/// White space between two tokens.
enum FactSpace: UInt8, Sendable {
    /// The tokens touch ("3,300", "5bn").
    case none
    /// ASCII white space.
    case plain
    /// A no-break, narrow no-break, thin or other Unicode space (used between digit groups).
    case unicode
}

/// One token of a text read for facts: a run of letters, a run of ASCII digits, or one other
/// character. Offsets are UTF-8 byte offsets into the text.
struct FactToken: Sendable {
    /// What a token is made of.
    enum Kind: UInt8, Sendable {
        case word, number, symbol
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// White space between the previous token and this one.
    var space: FactSpace
    /// Words: the ``WordKey`` of the lowercase word (0 when it has non-ASCII letters). Symbols: the Unicode
    /// scalar value. Numbers: 0.
    var key: UInt64
    /// Words: the first letter is an ASCII capital.
    var isCapitalized: Bool
    /// Words: every letter is an ASCII capital.
    var isUppercase: Bool

    var length: Int { end - start }
}

/// A text cut into ``FactToken``s for the quantity and date parsers.
struct FactText: Sendable {
    /// Which parsers a text needs, found by one scan of its bytes.
    struct Needs: OptionSet, Sendable {
        let rawValue: UInt8
        static let quantities = Needs(rawValue: 1)
        static let dates = Needs(rawValue: 2)
    }

    let bytes: [UInt8]
    let tokens: [FactToken]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        self.tokens = Self.tokenize(bytes)
    }

    /// The text of a byte range as written.
    func surface(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    // MARK: - The first scan

    /// Which parsers `text` needs, in one pass over its bytes: quantities when it has an ASCII
    /// digit or a word that can be a number ("twelve", "noon", a stray "th"); dates when it has a
    /// digit, a month or a weekday. A sentence with neither costs this one scan.
    static func needs(_ text: String) -> Needs {
        if let found = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return found }
        return scan(Array(text.utf8))
    }

    /// Bytes of non-ASCII characters end a word here: a fragment that looks like a number word
    /// only costs a tokenization, and number words are ASCII.
    private static func scan<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Needs {
        var needs: Needs = []
        var key: UInt64 = 0
        var length = 0
        // Read once: a global's every read checks that it is made.
        let triggers = FactLexicon.triggers
        @inline(__always) func endWord() {
            if length > 1, let trigger = triggers[key] { needs.formUnion(trigger) }
            key = 0
            length = 0
        }
        for byte in bytes {
            if byte &- 0x30 < 10 { return [.quantities, .dates] }
            if (byte | 0x20) &- 0x61 < 26 {
                if let packed = WordKey.append(key, byte, length: length) { key = packed }
                length += 1
            } else if length > 0 {
                endWord()
            }
        }
        if length > 0 { endWord() }
        return needs
    }

    // MARK: - Tokens

    private static func tokenize(_ bytes: [UInt8]) -> [FactToken] {
        var tokens: [FactToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        var space = FactSpace.none
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if space == .none { space = .plain }
                i += 1
                continue
            }
            if byte &- 0x30 < 10 {
                var j = i + 1
                while j < count, bytes[j] &- 0x30 < 10 { j += 1 }
                tokens.append(FactToken(kind: .number, start: i, end: j, space: space, key: 0, isCapitalized: false, isUppercase: false))
                space = .none
                i = j
                continue
            }
            if byte < 0x80 && (byte | 0x20) &- 0x61 >= 26 {
                tokens.append(
                    FactToken(
                        kind: .symbol, start: i, end: i + 1, space: space, key: UInt64(byte), isCapitalized: false, isUppercase: false))
                space = .none
                i += 1
                continue
            }
            if byte >= 0x80 {
                let (scalar, width) = decode(bytes, at: i)
                if Characters.isWhitespace(scalar) {
                    space = .unicode
                    i += width
                    continue
                }
                if Characters.isIgnorable(scalar) {
                    i += width
                    continue
                }
                if !isLetter(scalar) {
                    tokens.append(
                        FactToken(
                            kind: .symbol, start: i, end: i + width, space: space, key: UInt64(scalar), isCapitalized: false,
                            isUppercase: false))
                    space = .none
                    i += width
                    continue
                }
            }
            // A word: ASCII letters and other alphabetic characters.
            var key: UInt64 = 0
            var ascii = true
            var letters = 0
            var uppercase = true
            let capitalized = byte &- 0x41 < 26
            var j = i
            while j < count {
                let b = bytes[j]
                if b < 0x80 {
                    guard (b | 0x20) &- 0x61 < 26 else { break }
                    if b &- 0x41 >= 26 { uppercase = false }
                    if let packed = WordKey.append(key, b, length: letters) { key = packed }
                    letters += 1
                    j += 1
                } else {
                    let (scalar, width) = decode(bytes, at: j)
                    guard isLetter(scalar) else { break }
                    ascii = false
                    uppercase = false
                    j += width
                }
            }
            tokens.append(
                FactToken(
                    kind: .word, start: i, end: j, space: space, key: ascii ? key : 0,
                    isCapitalized: capitalized, isUppercase: uppercase && capitalized))
            space = .none
            i = j
        }
        return tokens
    }

    /// The scalar starting at byte `i` of well-formed UTF-8, and its length in bytes.
    private static func decode(_ bytes: [UInt8], at i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        func continuation(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k] & 0x3F) : 0 }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | continuation(1), 2) }
        if lead < 0xF0 { return (((lead & 0x0F) << 12) | (continuation(1) << 6) | continuation(2), 3) }
        return (((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3), 4)
    }

    private static func isLetter(_ scalar: UInt32) -> Bool {
        guard let value = Unicode.Scalar(scalar) else { return false }
        return value.properties.isAlphabetic
    }
}

// MARK: - Reading tokens

extension FactText {
    var count: Int { tokens.count }

    /// The word key of token `i`, or 0 when it is not a word (or out of range).
    @inline(__always)
    func key(_ i: Int) -> UInt64 {
        i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].key : 0
    }

    @inline(__always)
    func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }

    @inline(__always)
    func isNumber(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .number }

    /// Whether token `i` is the symbol `scalar`.
    @inline(__always)
    func isSymbol(_ i: Int, _ scalar: UInt32) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .symbol && tokens[i].key == UInt64(scalar)
    }

    /// Whether token `i` is a hyphen or a dash (-, ‐, ‑, –, —).
    func isDash(_ i: Int) -> Bool {
        isSymbol(i, 0x2D) || isSymbol(i, 0x2010) || isSymbol(i, 0x2011) || isSymbol(i, 0x2013) || isSymbol(i, 0x2014)
    }

    /// Whether token `i` is an apostrophe (' or ’).
    func isApostrophe(_ i: Int) -> Bool { isSymbol(i, 0x27) || isSymbol(i, 0x2019) }

    /// Whether token `i` exists and touches the token before it (no space between).
    @inline(__always)
    func touches(_ i: Int) -> Bool { i > 0 && i < tokens.count && tokens[i].space == .none }

    /// The number of digits of token `i` when it is a number, else 0.
    @inline(__always)
    func digitCount(_ i: Int) -> Int { isNumber(i) ? tokens[i].length : 0 }

    /// The value of number token `i` when it has at most 15 digits.
    func integer(_ i: Int) -> Int? {
        guard isNumber(i), tokens[i].length <= 15 else { return nil }
        var value = 0
        for k in tokens[i].start..<tokens[i].end { value = value * 10 + Int(bytes[k] &- 0x30) }
        return value
    }

    /// The value of number token `i` as a Double (any length).
    func number(_ i: Int) -> Double {
        if let value = integer(i) { return Double(value) }
        var value = 0.0
        for k in tokens[i].start..<tokens[i].end { value = value * 10 + Double(bytes[k] &- 0x30) }
        return value
    }

    /// The byte range from the start of token `first` to the end of token `last`.
    func byteRange(_ first: Int, _ last: Int) -> Range<Int> { tokens[first].start..<tokens[last].end }

    /// The lowercase text of word token `i`.
    func lowercaseWord(_ i: Int) -> String {
        String(decoding: bytes[tokens[i].start..<tokens[i].end].map { $0 < 0x80 ? $0 | ($0 &- 0x41 < 26 ? 0x20 : 0) : $0 }, as: UTF8.self)
    }
}
