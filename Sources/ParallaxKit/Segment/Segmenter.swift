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

    /// Sentence ranges (UTF-8, trimmed, never empty) and tokens of `clean`.
    func segment(_ clean: [UInt8]) throws(ICUError) -> (sentences: [Range<Int>], tokens: [(range: Range<Int>, kind: TokenKind)]) {
        let utf16 = Array(String(decoding: clean, as: UTF8.self).utf16)
        // Sentences: one ICU pass over the whole text. Block boundaries are line feeds, after
        // which ICU always breaks, so no sentence crosses a block.
        var walker = UTF16ToUTF8Walker(utf16)
        var raw: [Range<Int>] = []
        var previous = 0
        for boundary in try BreakIterator.boundaries(of: utf16, kind: .sentence, locale: sentenceLocale) {
            let end = walker.utf8Offset(of: Int(boundary.offset))
            if let trimmed = Self.trim(previous..<end, in: clean) { raw.append(trimmed) }
            previous = end
        }
        let sentences = rules.apply(raw, text: clean)
        // Tokens: ICU word boundaries with their rule status.
        var tokens: [(range: Range<Int>, kind: TokenKind)] = []
        tokens.reserveCapacity(clean.count / 5)
        walker = UTF16ToUTF8Walker(utf16)
        var start16 = 0
        var start8 = 0
        for boundary in try BreakIterator.boundaries(of: utf16, kind: .word, locale: wordLocale) {
            let end16 = Int(boundary.offset)
            let end8 = walker.utf8Offset(of: end16)
            defer { start16 = end16; start8 = end8 }
            let kind: TokenKind
            if WordStatus.isNumber(boundary.status) {
                kind = .number
            } else if !WordStatus.isNone(boundary.status) {
                kind = .word
            } else {
                // Status "none": white space or punctuation.
                if Self.isWhitespace(utf16, start16..<end16) { continue }
                kind = .punctuation
            }
            tokens.append((start8..<end8, kind))
        }
        return (sentences, Self.joinCompounds(tokens, text: clean))
    }

    static func isWhitespace(_ utf16: [UInt16], _ range: Range<Int>) -> Bool {
        for i in range {
            let u = utf16[i]
            if u == 0x20 || (u >= 0x09 && u <= 0x0D) || u == 0xA0 || u == 0x85 || u == 0x1680 || (u >= 0x2000 && u <= 0x200A)
                || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F || u == 0x3000 || u == 0xFEFF {
                continue
            }
            return false
        }
        return true
    }

    static func trim(_ range: Range<Int>, in text: [UInt8]) -> Range<Int>? {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, Cleaner.isSpaceOrNBSP(text, a) { a += Cleaner.isSpace(text[a]) ? 1 : 2 }
        while b > a, Cleaner.isSpace(text[b - 1]) || (b - a >= 2 && text[b - 2] == 0xC2 && text[b - 1] == 0xA0) {
            b -= Cleaner.isSpace(text[b - 1]) ? 1 : 2
        }
        return a < b ? a..<b : nil
    }

    /// Hyphens that join the parts of a compound ("China-Russia", "high-level", "COVID-19").
    static func isJoiningHyphen(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        if range.count == 1 { return text[range.lowerBound] == 0x2D }
        // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
        return range.count == 3 && text[range.lowerBound] == 0xE2 && text[range.lowerBound + 1] == 0x80
            && (text[range.lowerBound + 2] == 0x90 || text[range.lowerBound + 2] == 0x91)
    }

    /// Joins word, hyphen, word (with nothing between them) into one word token.
    static func joinCompounds(_ tokens: [(range: Range<Int>, kind: TokenKind)], text: [UInt8]) -> [(range: Range<Int>, kind: TokenKind)] {
        var out: [(range: Range<Int>, kind: TokenKind)] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            var current = tokens[i]
            i += 1
            while current.kind != .punctuation, i + 1 < tokens.count,
                  tokens[i].range.lowerBound == current.range.upperBound, isJoiningHyphen(text, tokens[i].range),
                  tokens[i + 1].kind != .punctuation, tokens[i + 1].range.lowerBound == tokens[i].range.upperBound {
                current = (current.range.lowerBound..<tokens[i + 1].range.upperBound, current.kind == .word || tokens[i + 1].kind == .word ? .word : .number)
                i += 2
            }
            out.append(current)
        }
        return out
    }
}
