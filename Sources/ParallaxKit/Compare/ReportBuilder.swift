/// Turns the aligner's links into the report: alignment groups, moves, coverage, and the first
/// findings (additions, omissions, partial ones).
struct ReportBuilder {
    let a: Document
    let b: Document
    let model: TermModel
    let folder: WordFolder
    let links: [Link]
    let options: ComparisonOptions
    /// The accounts keep one order (the aligner did not take them as a rewrite): links off the
    /// heaviest chain are moves. In a rewrite the order means little and nothing is a move.
    var ordered = true

    func build() -> Report {
        let chain = Set(Aligner.heaviestChain(links).map { Pair($0) })
        var degreeA: [Int: Int] = [:]
        var degreeB: [Int: Int] = [:]
        for link in links {
            degreeA[link.a, default: 0] += 1
            degreeB[link.b, default: 0] += 1
        }
        // Groups: each sentence with several partners that have no other partner forms a 1:n
        // (or n:1) group; every other link stands alone.
        var groups: [[Link]] = []
        var starOfA: [Int: Int] = [:]
        var starOfB: [Int: Int] = [:]
        for link in links {
            let da = degreeA[link.a] ?? 0
            let db = degreeB[link.b] ?? 0
            if da > 1 && db == 1 {
                if let g = starOfA[link.a] { groups[g].append(link) } else { starOfA[link.a] = groups.count; groups.append([link]) }
            } else if db > 1 && da == 1 {
                if let g = starOfB[link.b] { groups[g].append(link) } else { starOfB[link.b] = groups.count; groups.append([link]) }
            } else {
                groups.append([link])
            }
        }
        let digitLoss = self.digitLoss()
        let groupUnits = groups.map { group in (a: Array(Set(group.map(\.a))).sorted(), b: Array(Set(group.map(\.b))).sorted()) }
        let groupSentences = groupUnits.map { units in (a: units.a.map { model.a[$0].sentence }, b: units.b.map { model.b[$0].sentence }) }
        let words = Concurrently.both { [a, b, folder] forA in FoldedSentences(forA ? a : b, folder: folder) }
        let (findingsOfGroups, driftOfGroups) = classify(groupSentences, digitLoss: digitLoss, words: words)
        var alignments: [Alignment] = []
        for (g, group) in groups.enumerated() {
            let (aUnits, bUnits) = groupUnits[g]
            let (aSentences, bSentences) = groupSentences[g]
            let ta = aUnits.reduce([Int32]()) { CoverageState.union($0, model.a[$1].terms) }
            let tb = bUnits.reduce([Int32]()) { CoverageState.union($0, model.b[$1].terms) }
            let shared = model.sharedWeight(ta, tb)
            let wa = model.weight(of: ta)
            let wb = model.weight(of: tb)
            let score = wa > 0 && wb > 0 ? shared / (wa * wb).squareRoot() : 0
            let strongest = group.max { $0.cosine != $1.cosine ? $0.cosine < $1.cosine : ($0.a, $0.b) > ($1.a, $1.b) }
            let moved = ordered && (strongest.map { !chain.contains(Pair($0)) } ?? false)
            let drift = driftOfGroups[g]
            alignments.append(Alignment(
                a: aSentences, b: bSentences,
                score: Self.round(score), coverageA: Self.round(wa > 0 ? shared / wa : 0), coverageB: Self.round(wb > 0 ? shared / wb : 0),
                moved: moved, uncertain: score < options.alignment.uncertainBelow || group.allSatisfy(\.byOrder),
                drift: Self.round(drift)))
        }
        let linkedA = Set(links.map(\.a))
        let linkedB = Set(links.map(\.b))
        for (i, unit) in model.a.enumerated() where !linkedA.contains(i) {
            alignments.append(Alignment(a: [unit.sentence], b: [], score: 0, coverageA: 0, coverageB: 0, moved: false, uncertain: false))
        }
        for (j, unit) in model.b.enumerated() where !linkedB.contains(j) {
            alignments.append(Alignment(a: [], b: [unit.sentence], score: 0, coverageA: 0, coverageB: 0, moved: false, uncertain: false))
        }
        alignments.sort { x, y in
            let kx = (x.a.first ?? Int.max, x.b.first ?? Int.max)
            let ky = (y.a.first ?? Int.max, y.b.first ?? Int.max)
            return kx < ky
        }

        var findings = oneSidedFindings(linkedA: linkedA, linkedB: linkedB)
        findings += findingsOfGroups
        findings += digitLossNotes(digitLoss)
        findings += alignments.filter(\.moved).map(movedFinding)
        findings.sort { x, y in
            let kx = (x.a?.start ?? x.b?.start ?? 0, x.b?.start ?? 0, x.category, x.id)
            let ky = (y.a?.start ?? y.b?.start ?? 0, y.b?.start ?? 0, y.category, y.id)
            return kx < ky
        }

        let (coverageA, coverageB) = documentCoverage()
        let threshold = options.alignment.sameEventCoverage
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.category.rawValue, default: 0] += 1 }
        let stop = options.alignment.language.hasPrefix("en") ? StopWords.english : []
        let language = options.alignment.language
        let anchors = Concurrently.both { [a, b, words] forA in
            EventAnchors(forA ? a : b, words: forA ? words.a : words.b, stemmer: Stemmer(language: language), stop: stop)
        }
        let event = EventJudge.judge(anchors.a, anchors.b, coverage: (coverageA, coverageB), coverageThreshold: threshold)
        let summary = Summary(
            coverageA: Self.round(coverageA), coverageB: Self.round(coverageB), sameEvent: event.verdict == .same, counts: counts,
            event: event)
        return Report(documents: [DocumentRecord(a), DocumentRecord(b)], alignments: alignments, findings: findings, summary: summary)
    }

    struct Pair: Hashable {
        var a: Int
        var b: Int
        init(_ link: Link) { a = link.a; b = link.b }
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    // MARK: - Word findings

    /// The ``Classifier``'s findings of every group (given by sentence indices), in group order,
    /// and each group's drift. The groups are independent: they are classified on all cores, each
    /// task with a classifier (and stemmer) of its own.
    private func classify(
        _ groups: [(a: [Int], b: [Int])], digitLoss: (a: (Int, Int)?, b: (Int, Int)?), words: (a: FoldedSentences, b: FoldedSentences)
    ) -> (findings: [Finding], drift: [Double]) {
        let (a, b, options) = (a, b, options)
        let language = options.alignment.language
        // Each account's vocabulary, a task each.
        let vocabularies = Concurrently.both { forA in
            Classifier.vocabulary(of: forA ? a : b, words: forA ? words.a : words.b, stemmer: Stemmer(language: language),
                                  stripDigits: (forA ? digitLoss.b : digitLoss.a) != nil)
        }
        let datelines = (a: Dateline.of(a), b: Dateline.of(b))
        let names = NameMatcher(documents: [(a, words.a), (b, words.b)])
        let classified = Concurrently.map(groups.count) { range in
            let context = ClassifierContext(
                a: a, b: b, words: words, options: options, stop: language.hasPrefix("en") ? StopWords.english : [],
                digitLoss: (digitLoss.a != nil, digitLoss.b != nil), datelines: datelines, fingerprint: Fingerprinter(a: a, b: b),
                vocabulary: vocabularies, stemmer: Stemmer(language: language), names: names)
            let classifier = Classifier(context: context)
            return range.map { classifier.classify(aSentences: groups[$0].a, bSentences: groups[$0].b) }
        }
        return (classified.flatMap(\.findings), classified.map(\.drift))
    }

    // MARK: - Coverage

    /// Per sentence, the terms its partners carry.
    private func carried() -> (a: [[Int32]], b: [[Int32]]) {
        var ca = [[Int32]](repeating: [], count: model.a.count)
        var cb = [[Int32]](repeating: [], count: model.b.count)
        for link in links {
            let shared = TermModel.intersection(model.a[link.a].terms, model.b[link.b].terms)
            ca[link.a] = CoverageState.union(ca[link.a], shared)
            cb[link.b] = CoverageState.union(cb[link.b], shared)
        }
        return (ca, cb)
    }

    func documentCoverage() -> (Double, Double) {
        let (ca, cb) = carried()
        let totalA = model.a.reduce(0) { $0 + $1.weight }
        let totalB = model.b.reduce(0) { $0 + $1.weight }
        let coveredA = ca.reduce(0) { $0 + model.weight(of: $1) }
        let coveredB = cb.reduce(0) { $0 + model.weight(of: $1) }
        return (totalA > 0 ? coveredA / totalA : 0, totalB > 0 ? coveredB / totalB : 0)
    }

    // MARK: - Findings

    private func span(_ document: Document, _ sentence: Int) -> Span {
        let s = document.sentences[sentence]
        return Span(sentences: [sentence], start: s.start, end: s.end, text: s.text)
    }

    func fingerprint(_ category: FindingCategory, a aSentences: [Int], b bSentences: [Int], detail: String = "") -> String {
        Fingerprinter(a: a, b: b)(category, aSentences, bSentences, detail)
    }

    private func oneSidedFindings(linkedA: Set<Int>, linkedB: Set<Int>) -> [Finding] {
        var out: [Finding] = []
        for (i, unit) in model.a.enumerated() where !linkedA.contains(i) {
            out.append(Finding(
                id: fingerprint(.omission, a: [unit.sentence], b: []), category: .omission, severity: options.severity(.omission),
                message: OmissionRule.wholeSentenceMessage, a: span(a, unit.sentence), b: nil,
                weight: contentWeight(a, unit.sentence)))
        }
        for (j, unit) in model.b.enumerated() where !linkedB.contains(j) {
            out.append(Finding(
                id: fingerprint(.addition, a: [], b: [unit.sentence]), category: .addition, severity: options.severity(.addition),
                message: AdditionRule.wholeSentenceMessage, a: nil, b: span(b, unit.sentence),
                weight: contentWeight(b, unit.sentence)))
        }
        return out
    }

    /// What a sentence holds, for ranking additions and omissions: each content word counts 1,
    /// each number 3 more, each name 1 more, a quotation 3, a claim credited to a speaker 3.
    func contentWeight(_ document: Document, _ sentence: Int) -> Double {
        let words = folder.words(of: document.sentences[sentence], in: document)
        let stop = options.alignment.language.hasPrefix("en") ? StopWords.english : []
        var weight = 0.0
        for word in words where !stop.contains(word.key) {
            weight += 1 + (word.isNumber ? 3 : 0) + (word.isName ? 1 : 0)
        }
        // A quotation: a straight or an opening curly double quote (E2 80 9C).
        let utf8 = document.source.utf8[document.sentences[sentence].start..<document.sentences[sentence].end]
        if utf8.contains(0x22) || utf8.indices.contains(where: { utf8[$0] == 0xE2 && $0 + 2 < utf8.endIndex && utf8[$0 + 1] == 0x80 && utf8[$0 + 2] == 0x9C }) {
            weight += 3
        }
        if words.contains(where: { Lexicon.speechVerbs.contains($0.key) }) { weight += 3 }
        return Self.round(weight)
    }

    // MARK: - Lost digits

    /// How many numbers each account's content sentences hold.
    private func numberCount(_ document: Document) -> Int {
        document.sentences.filter(\.isContent).reduce(0) { count, sentence in
            count + folder.words(of: sentence, in: document).filter(\.isNumber).count
        }
    }

    /// An account with no numbers at all where the other has several has lost its digits (a
    /// scraper stripped them): say so once rather than at every number.
    func digitLoss() -> (a: (Int, Int)?, b: (Int, Int)?) {
        let na = numberCount(a)
        let nb = numberCount(b)
        return (na == 0 && nb >= 5 ? (na, nb) : nil, nb == 0 && na >= 5 ? (nb, na) : nil)
    }

    private func digitLossNotes(_ loss: (a: (Int, Int)?, b: (Int, Int)?)) -> [Finding] {
        var out: [Finding] = []
        for (document, other, counts) in [(a, b, loss.a), (b, a, loss.b)] {
            guard let (_, theirs) = counts else { continue }
            let span = Span(sentences: [], start: 0, end: document.source.utf8.count, text: "")
            let message = "\(document.id) has lost its digits: none of its sentences has a number, where \(other.id) has \(theirs). Numbers missing from \(document.id) are not reported one by one."
            out.append(Finding(
                id: fingerprint(.number, a: [], b: [], detail: "digits lost in \(document.id)"), category: .number,
                severity: options.severity(.number), message: message,
                a: document.id == a.id ? span : nil, b: document.id == b.id ? span : nil, weight: Double(theirs)))
        }
        return out
    }

    private func movedFinding(_ alignment: Alignment) -> Finding {
        let first = alignment.a.first ?? 0
        let firstB = alignment.b.first ?? 0
        return Finding(
            id: fingerprint(.moved, a: alignment.a, b: alignment.b), category: .moved, severity: options.severity(.moved),
            message: MovedRule.message,
            a: Span(sentences: alignment.a, start: a.sentences[first].start, end: a.sentences[first].end, text: a.sentences[first].text),
            b: Span(sentences: alignment.b, start: b.sentences[firstB].start, end: b.sentences[firstB].end, text: b.sentences[firstB].text))
    }
}

/// A finding's id: a fingerprint of its category, the normalized text of its sentences on both
/// sides, and a detail.
struct Fingerprinter: Sendable {
    let a: Document
    let b: Document

    func callAsFunction(_ category: FindingCategory, _ aSentences: [Int], _ bSentences: [Int], _ detail: String) -> String {
        let text = [category.rawValue, Self.normalized(a, aSentences), Self.normalized(b, bSentences), detail].joined(separator: "\u{0}")
        return String(SHA256.hex(Array(text.utf8)).prefix(16))
    }

    /// The normalized text of sentences: fold keys joined by spaces.
    private static func normalized(_ document: Document, _ sentences: [Int]) -> String {
        sentences.map { document.normalizedText(ofSentence: $0) }.joined(separator: " | ")
    }
}
