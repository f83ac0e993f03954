/// A word or number of a sentence with its final fold key: spelling variants applied, an open
/// compound joined ("high level" → "highlevel"), and a glossary variant replaced by its class.
struct FoldedWord: Sendable {
    /// The final key (for a glossary variant, the class's term).
    var key: String
    /// UTF-8 byte range in the input.
    var span: Range<Int>
    /// Indices into the document's tokens.
    var tokens: Range<Int>
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
    private let folded: [[[FoldedWord]]]

    init(documents: [Document], glossary: Glossary) {
        let context = FoldContext(keys: documents.flatMap(\.vocabulary))
        self.context = context
        self.glossary = glossary
        self.documentIDs = documents.map(\.id)
        self.folded = Concurrently.map(documents.count) { range in
            range.map { k in
                var folding = Folding(document: documents[k], context: context, glossary: glossary)
                return documents[k].sentences.map { folding.fold($0) }
            }
        }
    }

    func words(of sentence: Sentence, in document: Document) -> [FoldedWord] {
        if let k = documentIDs.firstIndex(of: document.id), sentence.index < folded[k].count {
            return folded[k][sentence.index]
        }
        var folding = Folding(document: document, context: context, glossary: glossary)
        return folding.fold(sentence)
    }

    /// Folds the sentences of one document: each vocabulary entry's key is looked up once, and
    /// whether two entries side by side spell a closed compound is asked once per pair.
    private struct Folding {
        let document: Document
        let context: FoldContext
        let glossary: Glossary
        /// The key of each vocabulary entry after the spelling step.
        let keys: [String]
        /// Pairs of vocabulary entries (first << 32 | second) already asked about.
        var compounds: [UInt64: Bool] = [:]

        init(document: Document, context: FoldContext, glossary: Glossary) {
            self.document = document
            self.context = context
            self.glossary = glossary
            self.keys = document.vocabulary.map(context.key)
        }

        mutating func fold(_ sentence: Sentence) -> [FoldedWord] {
            var words: [FoldedWord] = []
            let tokens = document.tokens
            let utf8 = document.source.utf8
            var i = sentence.tokenRange.lowerBound
            let end = sentence.tokenRange.upperBound
            while i < end {
                let token = tokens[i]
                let first = i
                i += 1
                guard token.kind != .punctuation else { continue }
                var key = keys[Int(token.key)]
                if token.kind == .word, i < end, tokens[i].kind == .word, tokens[i].start > token.end {
                    let next = keys[Int(tokens[i].key)]
                    let pair = UInt64(UInt32(bitPattern: token.key)) << 32 | UInt64(UInt32(bitPattern: tokens[i].key))
                    let isCompound: Bool
                    if let known = compounds[pair] {
                        isCompound = known
                    } else {
                        isCompound = context.isOpenCompound(key, next)
                        compounds[pair] = isCompound
                    }
                    if isCompound {
                        key += next
                        i += 1
                    }
                }
                let capitalized = WordFolder.looksLikeName(utf8[token.range])
                words.append(
                    FoldedWord(
                        key: key, span: token.range.lowerBound..<Int(tokens[i - 1].end), tokens: first..<i,
                        isNumber: token.kind == .number || utf8[token.range].contains { $0 >= 0x30 && $0 <= 0x39 },
                        isName: !words.isEmpty && capitalized, isCapitalized: capitalized, glossaryEntry: nil, variant: key))
            }
            guard !glossary.isEmpty else { return words }
            // Glossary variants, longest first at each position, become one word of their class.
            var result: [FoldedWord] = []
            let keys = words.map(\.key)
            var k = 0
            while k < words.count {
                if let (entry, length) = glossary.match(keys, at: k) {
                    let last = words[k + length - 1]
                    result.append(
                        FoldedWord(
                            key: glossary.term(ofEntry: entry), span: words[k].span.lowerBound..<last.span.upperBound,
                            tokens: words[k].tokens.lowerBound..<last.tokens.upperBound, isNumber: false,
                            isName: words[k..<(k + length)].contains(where: \.isName),
                            isCapitalized: words[k..<(k + length)].contains(where: \.isCapitalized), glossaryEntry: entry,
                            variant: keys[k..<(k + length)].joined(separator: " ")))
                    k += length
                } else {
                    result.append(words[k])
                    k += 1
                }
            }
            return result
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

/// Each sentence's folded words, by sentence index, taken once from the ``WordFolder``.
struct FoldedSentences: Sendable {
    let words: [[FoldedWord]]

    init(_ document: Document, folder: WordFolder) {
        words = document.sentences.map { folder.words(of: $0, in: document) }
    }
}
