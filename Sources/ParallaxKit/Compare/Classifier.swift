/// Classifies the wording changes inside an aligned group: runs each ``GroupRule`` in turn on
/// the group's word diff, most specific first, so that what one rule accounts for (a number
/// written another way, a contraction, a changed speaker) is not reported again as drift.
///
/// A classifier is for one thread (its stemmer is not thread-safe); what it is made of is
/// `Sendable`, so that each task can make its own.
struct Classifier {
    let context: ClassifierContext

    /// The rules, in the order they run: terminology and facts (numbers and dates, negation and
    /// modality, speakers, names) before content that one side lacks, drift after them, and
    /// formatting last, gathering every change of form the others found.
    static let rules: [any GroupRule.Type] = [
        TerminologyRule.self, NumberRule.self, NegationRule.self, AttributionRule.self, EntityRule.self,
        OmissionRule.self, AdditionRule.self, DriftRule.self, FormattingRule.self,
    ]

    /// The findings of one group and its drift score (0 same words, 1 none in common).
    func classify(aSentences: [Int], bSentences: [Int]) -> (findings: [Finding], drift: Double) {
        let sa = context.side(aSentences, ofA: true)
        let sb = context.side(bSentences, ofA: false)
        let (hunks, equal) = groupDiff(sa, sb)
        var group = GroupAnalysis(context: context, a: sa, b: sb, hunks: hunks, equal: equal)
        for rule in Self.rules { rule.apply(to: &group) }
        // The findings wait for every other group's before the report is made: kept at their size.
        return (group.findings.withExcessCapacityReleased(), DriftRule.score(group))
    }

    // MARK: - The diff

    /// The word diff of a group. When one side is a single sentence and the other several (a
    /// 1:n group, whose sentences may repeat each other or stand far apart), the single sentence
    /// is diffed against each of the others on its own; a word of it that none of them carries is
    /// reported once, in the first hunk it falls in.
    func groupDiff(_ sa: GroupSide, _ sb: GroupSide) -> (hunks: [Hunk], equal: [(Int, Int)]) {
        let table = context.keys
        let weak: (Int32) -> Bool = { table.isStop($0) }
        let keysA = sa.ids
        let keysB = sb.ids
        let singleA = sa.sentences.count == 1 && sb.sentences.count > 1
        let singleB = sb.sentences.count == 1 && sa.sentences.count > 1
        guard singleA || singleB else { return WordDiff.diff(keysA, keysB, isWeak: weak) }
        let many = singleA ? sb : sa
        let oneKeys = singleA ? keysA : keysB
        // Word ranges of each sentence on the "many" side.
        var parts: [Range<Int>] = []
        var start = 0
        for k in 1...many.words.count where k == many.words.count || many.sentenceOfWord[k] != many.sentenceOfWord[k - 1] {
            parts.append(start..<k)
            start = k
        }
        var diffs: [(offset: Int, hunks: [Hunk], equal: [(Int, Int)])] = []
        var matched = Set<Int>()
        for part in parts {
            let manyKeys = Array(many.ids[part])
            let (h, e) = singleA ? WordDiff.diff(oneKeys, manyKeys, isWeak: weak) : WordDiff.diff(manyKeys, oneKeys, isWeak: weak)
            diffs.append((part.lowerBound, h, e))
            for pair in e { matched.insert(singleA ? pair.0 : pair.1) }
        }
        // Each word of the single sentence that no diff keeps goes to the smallest hunk it falls
        // in: there its change reads best ("real" → "genuine", not "… real …" → "—").
        var home: [Int: (diff: Int, hunk: Int, size: Int)] = [:]
        for (d, diff) in diffs.enumerated() {
            for (h, hunk) in diff.hunks.enumerated() {
                let oneRange = singleA ? hunk.a : hunk.b
                let size = hunk.a.count + hunk.b.count
                for w in oneRange where !matched.contains(w) {
                    if home[w].map({ size < $0.size }) ?? true { home[w] = (d, h, size) }
                }
            }
        }
        var hunks: [Hunk] = []
        var equal: [(Int, Int)] = []
        var seenEqual = Set<Int>()
        for (d, diff) in diffs.enumerated() {
            for pair in diff.equal {
                let one = singleA ? pair.0 : pair.1
                let other = (singleA ? pair.1 : pair.0) + diff.offset
                if seenEqual.insert(one).inserted { equal.append(singleA ? (one, other) : (other, one)) }
            }
            for (h, hunk) in diff.hunks.enumerated() {
                let oneRange = singleA ? hunk.a : hunk.b
                let manyRange = (singleA ? hunk.b : hunk.a)
                let shifted = (manyRange.lowerBound + diff.offset)..<(manyRange.upperBound + diff.offset)
                let mine = oneRange.filter { home[$0].map { $0.diff == d && $0.hunk == h } ?? false }
                let kept = mine.isEmpty ? oneRange.lowerBound..<oneRange.lowerBound : mine[0]..<((mine.last ?? mine[0]) + 1)
                if kept.isEmpty && shifted.isEmpty { continue }
                hunks.append(singleA ? Hunk(a: kept, b: shifted) : Hunk(a: shifted, b: kept))
            }
        }
        return (hunks, equal)
    }

    // MARK: - Names across the accounts

    /// A key for comparing names across the accounts: stemmed ("CPCs" = "CPC"), and without
    /// digits when the other account has lost its digits ("COVID-19" = "COVID").
    static func nameKey(_ key: String, digitsLostElsewhere: Bool, stemmer: Stemmer) -> String {
        stemmer.stem(digitsLostElsewhere ? withoutDigits(key) : key)
    }

    /// Whether the other account uses a name: its key, or the key without a final "s" (a
    /// possessive that lost its apostrophe: "CPCs").
    static func otherUses(_ key: String, _ vocabulary: Set<String>, digitsLost: Bool, stemmer: Stemmer) -> Bool {
        if vocabulary.contains(nameKey(key, digitsLostElsewhere: digitsLost, stemmer: stemmer)) { return true }
        return key.count > 3 && key.hasSuffix("s")
            && vocabulary.contains(nameKey(String(key.dropLast()), digitsLostElsewhere: digitsLost, stemmer: stemmer))
    }

    /// The name keys of every content word of a document (`numbers`: its key numbers in
    /// `table`). Each distinct key is stemmed once, through the table.
    static func vocabulary(
        of document: Document, words: FoldedSentences, numbers: [Int32], table: KeyTable, stemmer: Stemmer, stripDigits: Bool
    ) -> Set<String> {
        var seen = [Bool](repeating: false, count: table.keys.count)
        var stems = Set<String>()
        func insert(key: String, parts: String) {
            stems.insert(stemmer.stem(stripDigits ? withoutDigits(key) : key))
            for part in parts.split(separator: " ") { stems.insert(stemmer.stem(String(part))) }
        }
        for sentence in document.sentences where sentence.isContent {
            var hasVariant = false
            words.words.forEachKey(of: sentence.index) { number, isVariant in
                let id = Int(numbers[Int(number)])
                if isVariant { hasVariant = true }
                guard !isVariant, !seen[id] else { return }
                seen[id] = true
                let key = table.keys[id]
                if key.utf8.contains(0x20) {
                    insert(key: key, parts: key)
                } else {
                    if stripDigits { stems.insert(stemmer.stem(withoutDigits(key))) }
                    stems.insert(table.stemTexts[Int(table.stems[id])])
                }
            }
            // A glossary variant: its class's term, and the words of the variant as written.
            guard hasVariant else { continue }
            for word in words.words[sentence.index] where word.glossaryEntry != nil { insert(key: word.key, parts: word.variant) }
        }
        return stems
    }

    static func withoutDigits(_ key: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in key.unicodeScalars where scalar.properties.numericType == nil { scalars.append(scalar) }
        return String(scalars)
    }

    static func isCalendarWord(_ key: String) -> Bool { CalendarWords.weekdays.contains(key) || CalendarWords.months.contains(key) }
}
