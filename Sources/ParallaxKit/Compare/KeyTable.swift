/// The fold keys of both accounts numbered in one space, with what the classification rules ask
/// of a key worked out once per distinct key: its stem, whether it is a function word, whether
/// it is a content word, whether it can carry a negation or a modal.
///
/// The rules ask these things of every word of every group, and a long pair has tens of
/// thousands of groups over a vocabulary of a few thousand keys: asked of strings, each question
/// hashed the word again (and the stemmer's memo is per task). Asked of a key's number, it is an
/// array read, and two words compare by their numbers, A's and B's alike.
final class KeyTable: Sendable {
    /// For each key number of A's table (``FoldedSentences/Rows/keyTexts``), its number here.
    let numbersOfA: [Int32]
    /// For each key number of B's table, its number here.
    let numbersOfB: [Int32]
    /// The keys, by number.
    let keys: [String]
    /// The number of each key's stem: keys with one stem ("agreed", "agrees") share it.
    let stems: [Int32]
    /// The stems, by stem number.
    let stemTexts: [String]
    private let flags: [UInt8]
    /// For each key, the index of its spelling in `spellingList` if some word of A or B writes it
    /// capitalised (a name), or -1: a long text of numbers has tens of thousands of keys and
    /// few names, and a spelling is 80 bytes.
    private let spellingIndex: [Int32]
    private let spellingList: [NameMatcher.Spelling]

    private static let stopFlag: UInt8 = 1
    private static let contentFlag: UInt8 = 2
    private static let negationFlag: UInt8 = 4
    private static let lexicalNegativeFlag: UInt8 = 8
    private static let lexicalCandidateFlag: UInt8 = 16
    private static let clauseOpenerFlag: UInt8 = 32
    private static let speechVerbFlag: UInt8 = 64

    /// The keys of two accounts' folded words, with stems in `language` and `stop` as the
    /// function words.
    init(a: FoldedSentences, b: FoldedSentences, language: String, stop: Set<String>) {
        var numbers: [String: Int32] = [:]
        var keys: [String] = []
        func number(_ key: String) -> Int32 {
            if let known = numbers[key] { return known }
            let n = Int32(keys.count)
            keys.append(key)
            numbers[key] = n
            return n
        }
        numbersOfA = a.words.keyTexts.map(number)
        numbersOfB = b.words.keyTexts.map(number)
        let stemmer = Stemmer(language: language, remembers: false)
        var stemNumbers: [String: Int32] = [:]
        var stemTexts: [String] = []
        var stems: [Int32] = []
        var flags: [UInt8] = []
        stems.reserveCapacity(keys.count)
        flags.reserveCapacity(keys.count)
        for key in keys {
            let stem = stemmer.stem(key)
            if let known = stemNumbers[stem] {
                stems.append(known)
            } else {
                stemNumbers[stem] = Int32(stemTexts.count)
                stems.append(Int32(stemTexts.count))
                stemTexts.append(stem)
            }
            let isStop = stop.contains(key)
            let hasContent = key.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            var f: UInt8 = isStop ? Self.stopFlag : 0
            if !isStop && hasContent { f |= Self.contentFlag }
            if NegationRule.mayCarry(key) { f |= Self.negationFlag }
            let negativeStem = NegationRule.lexicalNegativeStems.contains(stem)
            if negativeStem { f |= Self.lexicalNegativeFlag }
            if NegationRule.mayBeLexicalNegative(key, hasNegativeStem: negativeStem) { f |= Self.lexicalCandidateFlag }
            if GroupSide.clauseOpeners.contains(key) { f |= Self.clauseOpenerFlag }
            if Lexicon.speechVerbs.contains(key) { f |= Self.speechVerbFlag }
            flags.append(f)
        }
        var spellingIndex = [Int32](repeating: -1, count: keys.count)
        var spellingList: [NameMatcher.Spelling] = []
        for (numbers, capitalized) in [(numbersOfA, a.words.capitalizedKeys()), (numbersOfB, b.words.capitalizedKeys())] {
            for (local, isCapitalized) in capitalized.enumerated() where isCapitalized {
                let n = Int(numbers[local])
                guard spellingIndex[n] < 0 else { continue }
                spellingIndex[n] = Int32(spellingList.count)
                spellingList.append(NameMatcher.Spelling(keys[n]))
            }
        }
        self.spellingIndex = spellingIndex
        self.spellingList = spellingList
        self.keys = keys
        self.stems = stems
        self.stemTexts = stemTexts
        self.flags = flags
    }

    /// The spelling of a key that some word of A or B writes capitalised (a name), for
    /// ``NameMatcher/isSpellingVariant(_:_:stemmer:)``; nil for the others.
    func spelling(_ key: Int32) -> NameMatcher.Spelling? {
        let index = spellingIndex[Int(key)]
        return index < 0 ? nil : spellingList[Int(index)]
    }

    /// A function word (one of the stop words).
    func isStop(_ key: Int32) -> Bool { flags[Int(key)] & Self.stopFlag != 0 }
    /// Not a function word, and with a letter or a digit.
    func isContent(_ key: Int32) -> Bool { flags[Int(key)] & Self.contentFlag != 0 }
    /// A word that can negate its clause or be a modal (``NegationRule/mayCarry(_:)``).
    func mayCarryNegation(_ key: Int32) -> Bool { flags[Int(key)] & Self.negationFlag != 0 }
    /// A word whose stem is one of a negative predicate's (``NegationRule/lexicalNegatives``).
    func hasLexicalNegativeStem(_ key: Int32) -> Bool { flags[Int(key)] & Self.lexicalNegativeFlag != 0 }
    /// A word that may be negative by its meaning, or open such a phrase
    /// (``NegationRule/mayBeLexicalNegative(_:hasNegativeStem:)``).
    func mayBeLexicalNegative(_ key: Int32) -> Bool { flags[Int(key)] & Self.lexicalCandidateFlag != 0 }
    /// Whether a key is one of ``GroupSide/clauseOpeners``.
    func opensClause(_ key: Int32) -> Bool { flags[Int(key)] & Self.clauseOpenerFlag != 0 }
    /// Whether a key is a verb of speech (``Lexicon/speechVerbs``).
    func isSpeechVerb(_ key: Int32) -> Bool { flags[Int(key)] & Self.speechVerbFlag != 0 }
}
