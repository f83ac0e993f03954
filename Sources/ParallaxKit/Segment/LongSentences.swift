/// Cuts sentences too long to be sentences into pieces, so that aligning, diffing and
/// classifying them costs time in proportion to the text (issue 15).
///
/// A "sentence" of thousands of words is text without sentence punctuation (a list, a page of
/// lines, a dump): every stage that works sentence by sentence or on a sentence's word diff
/// would cost its length squared. A sentence of more than ``maxTokens`` tokens is cut into
/// pieces of ``minPiece`` to ``maxTokens`` tokens, each then a sentence of the document (with
/// its own span, line and column), and ``Document/splitSentences`` counts the sentences cut, so
/// that the report can say so.
///
/// Where to cut is chosen by content, not by position, so that two accounts of the same long
/// text are cut at the same words even when one has lost or gained words before them (as a
/// content-defined chunker does): after clause punctuation (`,` `;` `:` dashes) once the piece
/// has ``minPiece`` tokens, when a fixed hash of the fold key of the word before it is 0 modulo
/// ``punctuationOdds``; after a word once the piece has three times ``minPiece`` tokens, when the
/// hash of the word's own key is 0 modulo ``wordOdds``; and after ``maxTokens`` tokens in any
/// case. Ordinary sentences are never touched: the longest in the fixtures and the WMT21 and
/// news_synth texts has under 150 tokens.
enum LongSentences {
    /// A sentence with more tokens (words, numbers and punctuation) than this is cut, and no
    /// piece is longer.
    static let maxTokens = 200
    /// The fewest tokens of a piece before a cut is looked for.
    static let minPiece = 50
    /// A cut after clause punctuation when the previous word's key hash is 0 modulo this.
    static let punctuationOdds: UInt64 = 2
    /// A cut after a word when its key hash is 0 modulo this.
    static let wordOdds: UInt64 = 16

    /// The sentence ranges with every over-long one cut into pieces, and how many were cut.
    /// `tokens` are in order, `vocabulary` their keys; `text` the document's bytes.
    static func split(_ ranges: [Range<Int>], tokens: [Token], vocabulary: [String], text: [UInt8])
        -> (ranges: [Range<Int>], split: Int)
    {
        var out: [Range<Int>] = []
        var split = 0
        var tokenIndex = 0
        for (r, range) in ranges.enumerated() {
            while tokenIndex < tokens.count, Int(tokens[tokenIndex].start) < range.lowerBound { tokenIndex += 1 }
            let first = tokenIndex
            while tokenIndex < tokens.count, Int(tokens[tokenIndex].end) <= range.upperBound { tokenIndex += 1 }
            guard tokenIndex - first > maxTokens else {
                if split > 0 { out.append(range) }
                continue
            }
            // The first long sentence: copy the ones before it.
            if split == 0 { out = Array(ranges[..<r]) }
            split += 1
            var start = range.lowerBound
            var pieceStart = first
            for t in first..<(tokenIndex - 1) {
                let length = t - pieceStart + 1
                // Not so near the end that the last piece would be a stub.
                guard tokenIndex - 1 - t >= minPiece || length >= maxTokens else { continue }
                if length >= maxTokens || isCut(after: t, length: length, tokens: tokens, vocabulary: vocabulary, text: text) {
                    out.append(start..<Int(tokens[t].end))
                    start = Int(tokens[t + 1].start)
                    pieceStart = t + 1
                }
            }
            out.append(start..<range.upperBound)
        }
        return split == 0 ? (ranges, 0) : (out, split)
    }

    private static func isCut(after t: Int, length: Int, tokens: [Token], vocabulary: [String], text: [UInt8]) -> Bool {
        let token = tokens[t]
        if token.kind == .punctuation {
            guard length >= minPiece, t > 0, isClausePunctuation(text, token.range) else { return false }
            return hash(vocabulary[Int(tokens[t - 1].key)]) % punctuationOdds == 0
        }
        guard length >= 3 * minPiece else { return false }
        return hash(vocabulary[Int(token.key)]) % wordOdds == 0
    }

    /// `,` `;` `:` or an en or em dash.
    static func isClausePunctuation(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        if range.count == 1 { return text[range.lowerBound] == 0x2C || text[range.lowerBound] == 0x3B || text[range.lowerBound] == 0x3A }
        return range.count == 3 && text[range.lowerBound] == 0xE2 && text[range.lowerBound + 1] == 0x80
            && (text[range.lowerBound + 2] == 0x93 || text[range.lowerBound + 2] == 0x94)
    }

    /// FNV-1a over the key's UTF-8 bytes, then mixed: the same on every run and every machine
    /// (Swift's `Hasher` is seeded per process).
    static func hash(_ key: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h &*= 0x100_0000_01B3
        }
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }
}
