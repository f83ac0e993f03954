/// A word or number of a sentence with its final fold key: spelling variants applied, an open
/// compound joined ("high level" → "highlevel"), and a glossary variant replaced by its class.
///
/// What ``FoldedSentences`` hands out, one sentence at a time: it keeps the words of a whole
/// document in a compact form (``FoldedSentences/Rows``).
struct FoldedWord: Sendable {
    /// The final key (for a glossary variant, the class's term).
    var key: String
    /// The key's number in its document's table of keys (``FoldedSentences/Rows/keyTexts``).
    var number: Int32
    /// UTF-8 byte range in the input.
    var span: Range<Int>
    var isNumber: Bool
    /// Capitalised and not the sentence's first word: a name or an acronym.
    var isName: Bool
    /// Capitalised, wherever it stands (a name may open a sentence: "Xi Jinping stressed").
    var isCapitalized: Bool
    /// The glossary class, when the word is a glossary variant.
    var glossaryEntry: Int?
    /// The key before the glossary: for a variant, its words' keys joined by spaces.
    var variant: String
}

/// The words of sentences under one ``FoldContext`` and ``Glossary``: what both the aligner and
/// the word diff see.
struct WordFolder: Sendable {
    let context: FoldContext
    let glossary: Glossary
    /// The documents given at the start, and each one's sentences' words, folded once (the
    /// documents on as many cores as there are): the aligner, the classifier and the report
    /// builder all ask for them.
    private let documentIDs: [String]
    private let folded: [FoldedSentences]

    init(documents: [Document], glossary: Glossary) {
        let context = FoldContext(keys: documents.flatMap(\.vocabulary))
        self.context = context
        self.glossary = glossary
        self.documentIDs = documents.map(\.id)
        self.folded = Concurrently.map(documents.count) { range in
            range.map { k in
                FoldedSentences(folding: documents[k], sentences: documents[k].sentences, context: context, glossary: glossary)
            }
        }
    }

    /// The words of every sentence of `document`: folded at the start when it is one of the
    /// documents given, else now.
    func sentences(of document: Document) -> FoldedSentences {
        if let k = documentIDs.firstIndex(of: document.id), folded[k].words.count == document.sentences.count { return folded[k] }
        return FoldedSentences(folding: document, sentences: document.sentences, context: context, glossary: glossary)
    }

    func words(of sentence: Sentence, in document: Document) -> [FoldedWord] {
        if let k = documentIDs.firstIndex(of: document.id), sentence.index < folded[k].words.count {
            return folded[k].words[sentence.index]
        }
        return FoldedSentences(folding: document, sentences: [sentence], context: context, glossary: glossary).words[0]
    }

    /// Folds the sentences of one document into ``FoldedSentences/Rows``: each vocabulary
    /// entry's key is looked up once, and whether two entries side by side spell a closed
    /// compound is asked once per pair.
    fileprivate struct Folding {
        let document: Document
        let context: FoldContext
        let glossary: Glossary
        /// Every final key a word points to: first the key of each vocabulary entry after the
        /// spelling step (so a plain word's key number is its token's), then compounds and
        /// glossary terms and variants as they come.
        var keys: [String]
        /// The numbers of the keys after the vocabulary's.
        var added: [String: Int32] = [:]
        /// Pairs of vocabulary entries (first << 32 | second) already asked about: the number of
        /// their closed compound's key, or -1.
        var compounds: [UInt64: Int32] = [:]
        /// ``FoldContext/compoundParts(_:)`` of each vocabulary entry, when asked (nil before).
        var parts: [CompoundParts?]
        var rows: FoldedSentences.Rows

        init(document: Document, context: FoldContext, glossary: Glossary) {
            self.document = document
            self.context = context
            self.glossary = glossary
            self.keys = document.vocabulary.map(context.key)
            self.parts = Array(repeating: nil, count: document.vocabulary.count)
            self.rows = FoldedSentences.Rows(tokens: document.tokens)
        }

        /// The number of a key that is not a vocabulary entry's.
        mutating func number(of key: String) -> Int32 {
            if let known = added[key] { return known }
            let id = Int32(keys.count)
            keys.append(key)
            added[key] = id
            return id
        }

        /// The compound parts of vocabulary entry `entry`.
        mutating func compoundParts(_ entry: Int32) -> CompoundParts {
            if let known = parts[Int(entry)] { return known }
            let found = context.compoundParts(keys[Int(entry)])
            parts[Int(entry)] = found
            return found
        }

        /// Appends the words of `sentence` to ``rows``.
        mutating func fold(_ sentence: Sentence) {
            let firstWord = rows.words.count
            rows.starts.append(Int32(firstWord))
            let tokens = document.tokens
            let utf8 = document.source.utf8
            var i = sentence.tokenRange.lowerBound
            let end = sentence.tokenRange.upperBound
            while i < end {
                let token = tokens[i]
                let first = i
                i += 1
                guard token.kind != .punctuation else { continue }
                var key = token.key
                if token.kind == .word, i < end, tokens[i].kind == .word, tokens[i].start > token.end,
                    FoldContext.mayBeOpenCompound(compoundParts(token.key), compoundParts(tokens[i].key))
                {
                    let pair = UInt64(UInt32(bitPattern: token.key)) << 32 | UInt64(UInt32(bitPattern: tokens[i].key))
                    let compound: Int32
                    if let known = compounds[pair] {
                        compound = known
                    } else {
                        let (x, y) = (keys[Int(token.key)], keys[Int(tokens[i].key)])
                        compound = context.isOpenCompound(x, y) ? number(of: x + y) : -1
                        compounds[pair] = compound
                    }
                    if compound >= 0 {
                        key = compound
                        i += 1
                    }
                }
                let capitalized = WordFolder.looksLikeName(utf8[token.range])
                let isNumber = token.kind == .number || utf8[token.range].contains { $0 >= 0x30 && $0 <= 0x39 }
                rows.words.append(
                    FoldedSentences.StoredWord(
                        key: key, token: Int32(first), twoTokens: i - first == 2, isNumber: isNumber,
                        isName: rows.words.count > firstWord && capitalized, isCapitalized: capitalized, glossaryIndex: 0))
            }
            guard !glossary.isEmpty, rows.words.count > firstWord else { return }
            // Glossary variants, longest first at each position, become one word of their class.
            let words = Array(rows.words[firstWord...])
            rows.words.removeSubrange(firstWord...)
            let wordKeys = words.map { keys[Int($0.key)] }
            var k = 0
            while k < words.count {
                if let (entry, length) = glossary.match(wordKeys, at: k) {
                    let run = words[k..<(k + length)]
                    rows.glossaryWords.append(
                        (
                            Int32(entry), number(of: wordKeys[k..<(k + length)].joined(separator: " ")),
                            Int32(rows.end(of: words[k + length - 1]))
                        ))
                    rows.words.append(
                        FoldedSentences.StoredWord(
                            key: number(of: glossary.term(ofEntry: entry)), token: words[k].token, twoTokens: false, isNumber: false,
                            isName: run.contains(where: \.isName), isCapitalized: run.contains(where: \.isCapitalized),
                            glossaryIndex: rows.glossaryWords.count))
                    k += length
                } else {
                    rows.words.append(words[k])
                    k += 1
                }
            }
        }
    }

    /// A capitalised word (not an all-lowercase one): a name or an acronym.
    static func looksLikeName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first >= 0x41 && first <= 0x5A { return true }
        if first >= 0xC0, let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first {
            return scalar.properties.isUppercase
        }
        return false
    }
}

/// Each sentence's folded words, by sentence index.
///
/// A document has a folded word for nearly every token, so they are kept in 12 bytes each in
/// one array for the whole document, their keys as numbers into one table of key strings
/// (``Rows``), and made into ``FoldedWord`` values a sentence at a time when asked for.
struct FoldedSentences: Sendable {
    let words: Rows

    init(_ document: Document, folder: WordFolder) {
        self = folder.sentences(of: document)
    }

    /// Folds `sentences` of `document` (row `k` is the words of `sentences[k]`).
    fileprivate init(folding document: Document, sentences: [Sentence], context: FoldContext, glossary: Glossary) {
        var folding = WordFolder.Folding(document: document, context: context, glossary: glossary)
        // At most one word a word or number token.
        var wordTokens = 0
        for sentence in sentences {
            for token in document.tokens[sentence.tokenRange] where token.kind != .punctuation { wordTokens += 1 }
        }
        folding.rows.words.reserveCapacity(wordTokens)
        folding.rows.starts.reserveCapacity(sentences.count + 1)
        for sentence in sentences { folding.fold(sentence) }
        folding.rows.starts.append(Int32(folding.rows.words.count))
        folding.rows.keys = folding.keys
        words = folding.rows
    }

    /// A folded word as kept: its key's number, its first token (the span is that token's, or
    /// runs to the end of the next one for an open compound, or to the end of the glossary
    /// match), and its flags with the number of its glossary match.
    struct StoredWord: Sendable {
        var key: Int32
        /// Index into the document's tokens.
        var token: Int32
        /// Bit 0 a number, bit 1 a name, bit 2 capitalised, bit 3 two tokens (an open compound);
        /// above them, 1 + the index of the word's entry in ``Rows/glossaryWords``, or 0.
        private var bits: UInt32

        init(key: Int32, token: Int32, twoTokens: Bool, isNumber: Bool, isName: Bool, isCapitalized: Bool, glossaryIndex: Int) {
            precondition(glossaryIndex < 1 << 28, "too many glossary variants in one document")
            self.key = key
            self.token = token
            self.bits =
                (isNumber ? 1 : 0) | (isName ? 2 : 0) | (isCapitalized ? 4 : 0) | (twoTokens ? 8 : 0) | UInt32(glossaryIndex) << 4
        }

        var isNumber: Bool { bits & 1 != 0 }
        var isName: Bool { bits & 2 != 0 }
        var isCapitalized: Bool { bits & 4 != 0 }
        var twoTokens: Bool { bits & 8 != 0 }
        /// 1 + the index into ``Rows/glossaryWords``, or 0.
        var glossaryIndex: Int { Int(bits >> 4) }
    }

    /// The words of every sentence, sentence after sentence.
    struct Rows: Sendable {
        fileprivate var words: [StoredWord] = []
        /// The document's tokens, which the words' spans come from (shared, not copied).
        fileprivate let tokens: [Token]
        /// Where each sentence's words begin in `words`, and a last entry for the end.
        fileprivate var starts: [Int32] = []
        /// The key strings the words' numbers point to.
        fileprivate var keys: [String] = []
        /// Each glossary match: its entry, the number of its variant's key, and where its span ends.
        fileprivate var glossaryWords: [(entry: Int32, variant: Int32, end: Int32)] = []

        fileprivate init(tokens: [Token]) { self.tokens = tokens }

        /// Where a word's span ends.
        func end(of word: StoredWord) -> Int {
            if word.glossaryIndex > 0 { return Int(glossaryWords[word.glossaryIndex - 1].end) }
            return Int(tokens[Int(word.token) + (word.twoTokens ? 1 : 0)].end)
        }

        /// How many sentences.
        var count: Int { max(starts.count - 1, 0) }

        /// The stored words of a sentence, for a pass over every word that needs only their key
        /// numbers and flags (``key(of:)`` and ``span(of:)`` give the rest when wanted): no
        /// ``FoldedWord`` is made.
        func stored(_ sentence: Int) -> ArraySlice<StoredWord> { words[Int(starts[sentence])..<Int(starts[sentence + 1])] }

        /// A stored word's key (``FoldedWord/key``).
        func key(of word: StoredWord) -> String { keys[Int(word.key)] }

        /// A stored word's span (``FoldedWord/span``).
        func span(of word: StoredWord) -> Range<Int> { Int(tokens[Int(word.token)].start)..<end(of: word) }

        /// The key strings the words' numbers (``FoldedWord/number``) point to.
        var keyTexts: [String] { keys }

        /// Calls `body` with the key number of each word of a sentence, and whether the word is
        /// a glossary variant: the words without making ``FoldedWord`` values.
        func forEachKey(of sentence: Int, _ body: (_ key: Int32, _ isGlossaryVariant: Bool) -> Void) {
            for word in words[Int(starts[sentence])..<Int(starts[sentence + 1])] { body(word.key, word.glossaryIndex > 0) }
        }

        /// For each key number, whether some word of that key is capitalised.
        func capitalizedKeys() -> [Bool] {
            var out = [Bool](repeating: false, count: keys.count)
            for word in words where word.isCapitalized { out[Int(word.key)] = true }
            return out
        }

        /// The words of a sentence.
        subscript(sentence: Int) -> [FoldedWord] {
            words[Int(starts[sentence])..<Int(starts[sentence + 1])].map { word in
                let key = keys[Int(word.key)]
                let glossary = word.glossaryIndex > 0 ? glossaryWords[word.glossaryIndex - 1] : nil
                return FoldedWord(
                    key: key, number: word.key, span: span(of: word), isNumber: word.isNumber,
                    isName: word.isName,
                    isCapitalized: word.isCapitalized, glossaryEntry: glossary.map { Int($0.entry) },
                    variant: glossary.map { keys[Int($0.variant)] } ?? key)
            }
        }
    }
}
