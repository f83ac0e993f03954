internal import CICU

/// Splits cleaned text into sentences and tokens with ICU's break iterators.
struct Segmenter: Sendable {
    /// The ICU locale of the sentence break iterator. Not `@ss=standard`: its suppression list
    /// wrongly keeps "the CPC. He said" together; ``SentenceRules`` handles abbreviations.
    var sentenceLocale: String
    var wordLocale: String
    var rules: SentenceRules

    init(language: String) {
        self.sentenceLocale = language
        self.wordLocale = language
        self.rules = SentenceRules(language: language)
    }

    /// The size of the pieces the text is segmented in. A piece ends at a line break, where both
    /// ICU iterators always break, so the boundaries are those of the whole text; working piece by
    /// piece keeps the UTF-16 copy small and in cache however long the document is.
    static let pieceSize = 1 << 16

    /// Sentence ranges (UTF-8, trimmed, never empty) and tokens of `clean` (with key 0).
    func segment(_ clean: [UInt8]) throws(ICUError) -> (sentences: [Range<Int>], tokens: [Token]) {
        guard clean.count <= Int(Int32.max) else { throw ICUError(code: PXICU_BUFFER_OVERFLOW, operation: "segmenting") }
        let sentenceCursor = try BreakCursor(kind: .sentence, locale: sentenceLocale)
        let wordCursor = try BreakCursor(kind: .word, locale: wordLocale)
        var raw: [Range<Int>] = []
        var tokens = TokenJoiner(text: clean)
        tokens.reserve(clean.count / 6)
        var units: [UInt16] = []
        var offsets: [Int32] = []
        var pieceStart = 0
        while pieceStart < clean.count {
            let pieceEnd = Self.pieceEnd(clean, from: pieceStart)
            let unitCount = Self.utf16(of: clean, pieceStart..<pieceEnd, into: &units, offsets: &offsets)
            try offsets.withUnsafeBufferPointer { (offsets) throws(ICUError) in
                try units.withUnsafeBufferPointer { (allUnits) throws(ICUError) in
                    let utf16 = UnsafeBufferPointer(rebasing: allUnits[..<unitCount])
                    // Sentences. Block boundaries are line feeds, after which ICU always breaks, so
                    // no sentence crosses a block.
                    var previous = pieceStart
                    try sentenceCursor.forEachBoundary(in: utf16) { offset, _ in
                        let end = pieceStart + Int(offsets[Int(offset)])
                        if let trimmed = Self.trim(previous..<end, in: clean) { raw.append(trimmed) }
                        previous = end
                    }
                    // Tokens: ICU word boundaries with their rule status.
                    var start16 = 0
                    var start8 = pieceStart
                    try wordCursor.forEachBoundary(in: utf16) { offset, status in
                        let end16 = Int(offset)
                        let end8 = pieceStart + Int(offsets[end16])
                        defer {
                            start16 = end16
                            start8 = end8
                        }
                        let kind: TokenKind
                        if WordStatus.isNumber(status) {
                            kind = .number
                        } else if !WordStatus.isNone(status) {
                            kind = .word
                        } else {
                            // Status "none": white space or punctuation.
                            if Self.isWhitespace(utf16, start16..<end16) { return }
                            kind = .punctuation
                        }
                        tokens.append(Token(start: Int32(start8), end: Int32(end8), kind: kind, key: 0))
                    }
                }
            }
            pieceStart = pieceEnd
        }
        return (rules.apply(raw, text: clean), tokens.tokens)
    }

    /// Where the piece that starts at `start` ends: just after the first line break (LF, or a CR
    /// not followed by LF) at or after `start + pieceSize`, or at the end of the text.
    static func pieceEnd(_ text: [UInt8], from start: Int) -> Int {
        var i = start + pieceSize
        while i < text.count {
            let b = text[i - 1]
            if b == 0x0A || (b == 0x0D && text[i] != 0x0A) { return i }
            i += 1
        }
        return text.count
    }

    /// The UTF-16 form of `text[range]`, as `Array(String(decoding:as:).utf16)` gives it, and
    /// for each unit (and the end) its UTF-8 offset from `range.lowerBound`, so that ICU's
    /// UTF-16 boundaries become byte offsets by a lookup. The buffers are reused from piece to
    /// piece: their first `count` (and `count + 1`) elements are the result.
    static func utf16(of text: [UInt8], _ range: Range<Int>, into units: inout [UInt16], offsets: inout [Int32]) -> Int {
        // UTF-16 never needs more units than UTF-8 has bytes.
        if units.count < range.count { units = [UInt16](repeating: 0, count: range.count) }
        if offsets.count < range.count + 1 { offsets = [Int32](repeating: 0, count: range.count + 1) }
        let count = text.withUnsafeBufferPointer { b in
            units.withUnsafeMutableBufferPointer { out in
                offsets.withUnsafeMutableBufferPointer { at -> Int? in
                    var n = 0
                    var i = range.lowerBound
                    let end = range.upperBound
                    let origin = range.lowerBound
                    while i < end {
                        let c = b[i]
                        if c < 0x80 {
                            out[n] = UInt16(c)
                            at[n] = Int32(truncatingIfNeeded: i - origin)
                            n += 1
                            i += 1
                            continue
                        }
                        // Well-formed sequences only (as UTF8Check accepts them); anything else
                        // is left to the standard library's repairing decoder below.
                        guard let (scalar, length) = UTF8Check.scalar(in: b, at: i, end: end) else { return nil }
                        let offset = Int32(truncatingIfNeeded: i - origin)
                        if scalar < 0x10000 {
                            out[n] = UInt16(scalar)
                            at[n] = offset
                            n += 1
                        } else {
                            let v = scalar - 0x10000
                            out[n] = UInt16(0xD800 | (v >> 10))
                            out[n + 1] = UInt16(0xDC00 | (v & 0x3FF))
                            at[n] = offset
                            at[n + 1] = offset
                            n += 2
                        }
                        i += length
                    }
                    at[n] = Int32(truncatingIfNeeded: end - origin)
                    return n
                }
            }
        }
        if let count { return count }
        // Not well-formed: the repaired text, each unit's offset as its UTF-8 lengths add up.
        units = Array(String(decoding: text[range], as: UTF8.self).utf16)
        offsets = units.withUnsafeBufferPointer { utf16 in
            var walker = UTF16ToUTF8Walker(utf16)
            return (0...utf16.count).map { Int32(walker.utf8Offset(of: $0)) }
        }
        return units.count
    }

    static func isWhitespace(_ utf16: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        // Ignorable format characters (a stray byte order mark) make no sentence either.
        range.allSatisfy { Characters.isWhitespace(UInt32(utf16[$0])) || Characters.isIgnorable(UInt32(utf16[$0])) }
    }

    static func trim(_ range: Range<Int>, in text: [UInt8]) -> Range<Int>? {
        let trimmed = Characters.trimmingSpaces(range, in: text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An en dash between two words with nothing around it ("Sino–Russian") joins them as a
    /// hyphen does; between numbers it is a range ("1990–2000") and does not.
    static func isEnDash(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        range.count == 3 && text[range.lowerBound] == 0xE2 && text[range.lowerBound + 1] == 0x80 && text[range.lowerBound + 2] == 0x93
    }

    /// Hyphens that join the parts of a compound ("China-Russia", "high-level", "COVID-19").
    static func isJoiningHyphen(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        if range.count == 1 { return text[range.lowerBound] == 0x2D }
        // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
        return range.count == 3 && text[range.lowerBound] == 0xE2 && text[range.lowerBound + 1] == 0x80
            && (text[range.lowerBound + 2] == 0x90 || text[range.lowerBound + 2] == 0x91)
    }
}

/// Collects tokens in order, joining word, hyphen, word (with nothing between them) into one word
/// token as they arrive ("China-Russia", "high-level", "COVID-19").
struct TokenJoiner {
    let text: [UInt8]
    private(set) var tokens: [Token] = []

    init(text: [UInt8]) {
        self.text = text
    }

    mutating func reserve(_ count: Int) { tokens.reserveCapacity(count) }

    /// Appends `token`, or extends the token two places back when the one between is a joining
    /// hyphen and all three touch. Left to right, like reading: "a-b-c" is one token.
    @inline(__always)
    mutating func append(_ token: Token) {
        let n = tokens.count
        if token.kind != .punctuation, n >= 2 {
            let hyphen = tokens[n - 1]
            let left = tokens[n - 2]
            if left.kind != .punctuation, hyphen.start == left.end, token.start == hyphen.end,
                Segmenter.isJoiningHyphen(text, hyphen.range)
                    || (Segmenter.isEnDash(text, hyphen.range) && left.kind == .word && token.kind == .word)
            {
                tokens.removeLast()
                tokens[n - 2] = Token(
                    start: left.start, end: token.end,
                    kind: left.kind == .word || token.kind == .word ? .word : .number, key: 0)
                return
            }
        }
        tokens.append(token)
    }
}
