/// One side of an aligned group: its words, and the sentence each word is in.
///
/// A class: the rules hand sides around (`let side = fromA ? group.a : group.b`), and a copy
/// of a structure of arrays retains each of them.
final class GroupSide {
    let document: Document
    /// The words of every sentence of the document.
    let folded: FoldedSentences
    let words: [FoldedWord]
    /// The fold key of each word (`words[k].key`), kept as an array: the rules read it by index
    /// in loops, where a computed copy of every key would cost the group's length each time.
    let keys: [String]
    /// Each word's key number in ``table``: the same for a key of A and of B.
    let ids: [Int32]
    let table: KeyTable
    /// The side's account's key numbers in ``table`` (``KeyTable/numbersOfA`` or `numbersOfB`).
    private let numbers: [Int32]
    let sentenceOfWord: [Int]
    let sentences: [Int]

    init(_ document: Document, _ sentences: [Int], words folded: FoldedSentences, table: KeyTable, numbers: [Int32]) {
        self.document = document
        self.folded = folded
        self.sentences = sentences
        self.table = table
        self.numbers = numbers
        var words: [FoldedWord] = []
        var sentenceOfWord: [Int] = []
        if sentences.count == 1 {
            // Most sides are one sentence: its words as made, not copied into a second array.
            words = folded.words[sentences[0]]
            sentenceOfWord = Array(repeating: sentences[0], count: words.count)
        } else {
            for index in sentences {
                let w = folded.words[index]
                words += w
                sentenceOfWord += Array(repeating: index, count: w.count)
            }
        }
        self.words = words
        self.sentenceOfWord = sentenceOfWord
        keys = words.map(\.key)
        ids = words.map { numbers[Int($0.number)] }
    }

    /// Other sentences of the same account.
    func side(of sentences: [Int]) -> GroupSide {
        GroupSide(document, sentences, words: folded, table: table, numbers: numbers)
    }

    /// The stem number of word `k` (``KeyTable/stems``).
    func stem(_ k: Int) -> Int32 { table.stems[Int(ids[k])] }
    /// Whether word `k` is a function word.
    func isStop(_ k: Int) -> Bool { table.isStop(ids[k]) }
    /// Whether word `k` is a content word: not a function word, with a letter or a digit.
    func isContent(_ k: Int) -> Bool { table.isContent(ids[k]) }
    /// The stem numbers of every word (made when first asked: several rules ask).
    private(set) lazy var stemSet = IntSet(ids.lazy.map { self.table.stems[Int($0)] })

    /// The words of `range` that are in the same sentence as its first word: a span never
    /// runs over text between two sentences of a group.
    func clipped(_ range: Range<Int>) -> Range<Int> {
        guard let first = range.first else { return range }
        var end = first + 1
        while end < range.upperBound, sentenceOfWord[end] == sentenceOfWord[first] { end += 1 }
        return first..<end
    }

    /// The words of `range` as written (clipped to the first word's sentence).
    func surface(_ range: Range<Int>) -> String {
        let range = clipped(range)
        guard let first = range.first, let last = range.last else { return "" }
        return Document.displayText(document.source.utf8[words[first].span.lowerBound..<words[last].span.upperBound])
    }

    /// One word as written.
    func surface(_ word: Int) -> String { surface(word..<(word + 1)) }

    /// The span of some words (clipped to the first one's sentence; `sentences` lists every
    /// sentence the words are in); for no words, an empty span where they would be.
    func span(_ range: Range<Int>) -> Span {
        if let first = range.first {
            let last = clipped(range).upperBound - 1
            // Words in one sentence (nearly always): no set or array of their sentences.
            let sentences =
                last == range.upperBound - 1
                ? SentenceList(sentence: sentenceOfWord[first]) : SentenceList(Array(Set(sentenceOfWord[range])).sorted())
            return Span(sentences, start: words[first].span.lowerBound, end: words[last].span.upperBound, text: surface(range))
        }
        let at =
            range.lowerBound < words.count
            ? words[range.lowerBound].span.lowerBound
            : words.last?.span.upperBound ?? document.sentences[sentences[0]].start
        let sentence = range.lowerBound < words.count ? sentenceOfWord[range.lowerBound] : sentenceOfWord.last ?? sentences[0]
        return Span(sentence: sentence, start: at, end: at, text: "")
    }

    /// The smallest range that holds every word of `indices` (empty for none).
    static func cover(_ indices: some Collection<Int>) -> Range<Int> {
        guard let low = indices.min(), let high = indices.max() else { return 0..<0 }
        return low..<(high + 1)
    }

    /// The input's bytes between word `k - 1` and word `k` (punctuation and spaces), or nothing
    /// at a sentence boundary.
    func gap(before k: Int) -> ArraySlice<UInt8> {
        guard k > 0, k < words.count, sentenceOfWord[k] == sentenceOfWord[k - 1] else { return [] }
        let utf8 = document.source.utf8
        let from = words[k - 1].span.upperBound
        let to = words[k].span.lowerBound
        return from < to ? utf8[from..<to] : []
    }

    /// Whether the text between word `k - 1` and word `k` holds any of `scalars` (compared as
    /// scalars, not bytes: a UTF-8 continuation byte of a dash is also one of a letter's).
    func gap(before k: Int, contains scalars: Set<Unicode.Scalar>) -> Bool {
        let gap = self.gap(before: k)
        if gap.allSatisfy({ $0 < 0x80 }) { return gap.contains { scalars.contains(Unicode.Scalar($0)) } }
        return String(decoding: gap, as: UTF8.self).unicodeScalars.contains(where: scalars.contains)
    }

    /// Clauses: runs of words between sentence boundaries, clause punctuation (, ; : ( ) and
    /// spaced dashes) and the conjunctions that open a contrasting clause.
    func clauses() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        let utf8 = document.source.utf8
        for k in words.indices.dropFirst() {
            var breaks = sentenceOfWord[k] != sentenceOfWord[k - 1] || table.opensClause(ids[k])
            // The common gap, one space, holds no clause punctuation and no spaced dash (read
            // without making a slice of the text).
            let (from, to) = (words[k - 1].span.upperBound, words[k].span.lowerBound)
            if !breaks && !(to == from + 1 && utf8[from] == 0x20) {
                let gap = self.gap(before: k)
                breaks =
                    self.gap(before: k, contains: Self.clausePunctuation)
                    || (gap.count >= 3 && gap.first == 0x20 && gap.last == 0x20 && self.gap(before: k, contains: Self.dashes))
            }
            if breaks {
                out.append(start..<k)
                start = k
            }
        }
        if start < words.count { out.append(start..<words.count) }
        return out
    }

    static let clausePunctuation: Set<Unicode.Scalar> = [",", ";", ":", "(", ")"]
    static let dashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}"]
    static let clauseOpeners: Set<String> = ["but", "while", "whereas", "although", "though", "yet", "however", "because"]
}

/// Everything the rules share that does not change from group to group: the documents, the
/// options and what is known of each document as a whole.
final class ClassifierContext {
    let a: Document
    let b: Document
    /// Each sentence's words, of A and of B.
    let words: (a: FoldedSentences, b: FoldedSentences)
    let options: ComparisonOptions
    let stop: Set<String>
    /// Which account has lost its digits throughout (numbers missing from it are told once, in
    /// a document-level note).
    let digitLoss: (a: Bool, b: Bool)
    let datelines: (a: CalendarDate?, b: CalendarDate?)
    let fingerprint: Fingerprinter
    /// Every word of each account's content sentences, as ``Classifier/nameKey(_:digitsLostElsewhere:stemmer:)``
    /// gives it: a name is only an `entity` finding when the other account never uses it.
    let vocabulary: (a: Set<String>, b: Set<String>)
    let stemmer: Stemmer
    let names: NameMatcher
    /// For each sentence of A, the sentences of B that some group links it to, and for each of
    /// B, those of A: a sentence the aligner links twice is in two groups.
    let links: (a: [[Int]], b: [[Int]])
    /// Both accounts' keys in one numbering, with their stems and classes.
    let keys: KeyTable

    init(
        a: Document, b: Document, words: (a: FoldedSentences, b: FoldedSentences), options: ComparisonOptions, stop: Set<String>,
        digitLoss: (a: Bool, b: Bool), datelines: (a: CalendarDate?, b: CalendarDate?), fingerprint: Fingerprinter,
        vocabulary: (a: Set<String>, b: Set<String>), stemmer: Stemmer, names: NameMatcher, links: (a: [[Int]], b: [[Int]]),
        keys: KeyTable
    ) {
        self.a = a
        self.b = b
        self.words = words
        self.options = options
        self.stop = stop
        self.digitLoss = digitLoss
        self.datelines = datelines
        self.fingerprint = fingerprint
        self.vocabulary = vocabulary
        self.stemmer = stemmer
        self.names = names
        self.links = links
        self.keys = keys
    }

    /// The spelling of key number `key`, for comparing names (made once for a capitalised key).
    func spelling(_ key: Int32) -> NameMatcher.Spelling {
        keys.spelling(key) ?? NameMatcher.Spelling(keys.keys[Int(key)])
    }

    /// One side of a group: `sentences` of A or of B.
    func side(_ sentences: [Int], ofA: Bool) -> GroupSide {
        ofA
            ? GroupSide(a, sentences, words: words.a, table: keys, numbers: keys.numbersOfA)
            : GroupSide(b, sentences, words: words.b, table: keys, numbers: keys.numbersOfB)
    }
}

/// A change of form that a rule found equal in meaning ("3300" / "3,300", "did not" /
/// "didn't", "UN" / "United Nations"): reported together as one `formatting` finding.
struct FormChange {
    var a: Range<Int>
    var b: Range<Int>
}

/// One aligned group while the rules classify it: both sides, their word diff, the words the
/// rules have accounted for, and the findings so far.
struct GroupAnalysis {
    let context: ClassifierContext
    let a: GroupSide
    let b: GroupSide
    let hunks: [Hunk]
    /// Pairs of words the diff keeps as equal.
    let equal: [(Int, Int)]
    /// Words a rule has accounted for, on each side.
    private(set) var explainedA = IntSet()
    private(set) var explainedB = IntSet()
    private(set) var forms: [FormChange] = []
    private(set) var findings: [Finding] = []
    /// The normalized texts of the sentence lists findings were given on, of A and of B: a
    /// group's findings mostly share their sentences, and a long sentence's text is costly.
    private var normalized: (a: [SentenceList: [UInt8]], b: [SentenceList: [UInt8]]) = ([:], [:])

    init(context: ClassifierContext, a: GroupSide, b: GroupSide, hunks: [Hunk], equal: [(Int, Int)]) {
        self.context = context
        self.a = a
        self.b = b
        self.hunks = hunks
        self.equal = equal
    }

    var options: ComparisonOptions { context.options }

    /// Marks words as accounted for.
    mutating func explain(a wordsA: some Sequence<Int>, b wordsB: some Sequence<Int>) {
        explainedA.formUnion(wordsA)
        explainedB.formUnion(wordsB)
    }

    /// Records a change of form (and marks its words as accounted for).
    mutating func addForm(a rangeA: Range<Int>, b rangeB: Range<Int>) {
        explain(a: rangeA, b: rangeB)
        forms.append(FormChange(a: rangeA, b: rangeB))
    }

    /// Adds a finding of `category` on two spans. The fingerprint covers the sentences the
    /// finding is in, not the whole group: an edit to another sentence of the group leaves it
    /// alone.
    mutating func add(
        _ category: FindingCategory, _ message: String, _ spanA: Span?, _ spanB: Span?, detail: String, weight: Double = 1,
        severity: Severity? = nil
    ) {
        add(category, .text(message), spanA, spanB, detail: detail, weight: weight, severity: severity)
    }

    /// ``add(_:_:_:_:detail:weight:severity:)`` with a message as stored.
    mutating func add(
        _ category: FindingCategory, _ message: FindingMessage, _ spanA: Span?, _ spanB: Span?, detail: String, weight: Double = 1,
        severity: Severity? = nil
    ) {
        let normalizedA = Self.normalized(spanA?.sentenceList ?? .none, of: context.a, in: &normalized.a)
        let normalizedB = Self.normalized(spanB?.sentenceList ?? .none, of: context.b, in: &normalized.b)
        findings.append(
            Finding(
                id: context.fingerprint(category, normalizedA: normalizedA, normalizedB: normalizedB, detail), category: category,
                severity: severity ?? options.severity(category), message: message, a: spanA, b: spanB, weight: weight))
    }

    /// The normalized text of `sentences` (``Fingerprinter/normalized(_:_:)``), made once and
    /// kept in `cache`.
    private static func normalized(_ sentences: SentenceList, of document: Document, in cache: inout [SentenceList: [UInt8]]) -> [UInt8] {
        if let known = cache[sentences] { return known }
        let text = Fingerprinter.normalized(document, sentences)
        cache[sentences] = text
        return text
    }

    /// The hunk words not yet accounted for, of each side.
    func open(_ hunk: Hunk) -> (a: [Int], b: [Int]) {
        (hunk.a.filter { !explainedA.contains($0) }, hunk.b.filter { !explainedB.contains($0) })
    }

    /// Words of a message, quoted (``FindingMessage/quote(_:empty:)``).
    func quote(_ text: String, empty: String = "nothing") -> String { FindingMessage.quote(text, empty: empty) }
}
