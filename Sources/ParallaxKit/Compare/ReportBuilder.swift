/// Turns the aligner's result into the report: the alignments, the findings of each group (by
/// the ``Classifier``), the one-sided and moved sentences, and the summary with the same-event
/// verdict.
struct ReportBuilder {
    let a: Document
    let b: Document
    let folder: WordFolder
    /// The aligner's finished result: groups in sentence indices, unlinked sentences, coverage.
    let alignment: AlignmentResult
    let options: ComparisonOptions

    func build() -> Report {
        let digitLoss = self.digitLoss()
        let groupSentences = alignment.groups.map { (a: $0.a, b: $0.b) }
        let words = Concurrently.both { [a, b, folder] forA in FoldedSentences(forA ? a : b, folder: folder) }
        // The same-event verdict first: its anchors (each account's terms and names, judged) are
        // let go before the findings are made, instead of adding to their peak.
        let (coverageA, coverageB) = alignment.coverage
        let event = judgeEvent(words: words, coverage: (coverageA, coverageB))
        // The findings move out of the classifier's result: one copy of them at a time.
        var classified = classify(groupSentences, digitLoss: digitLoss, words: words)
        var findingsOfGroups = classified.findings
        classified.findings = []
        let driftOfGroups = classified.drift
        var alignments: [Alignment] = []
        for (g, group) in alignment.groups.enumerated() {
            alignments.append(
                Alignment(
                    a: group.a, b: group.b, score: Double.reportFigure(group.score), coverageA: Double.reportFigure(group.coverageA),
                    coverageB: Double.reportFigure(group.coverageB), moved: group.moved, uncertain: group.uncertain,
                    drift: Double.reportFigure(driftOfGroups[g])))
        }
        for sentence in alignment.omitted {
            alignments.append(Alignment(a: [sentence], b: [], score: 0, coverageA: 0, coverageB: 0, moved: false, uncertain: false))
        }
        for sentence in alignment.added {
            alignments.append(Alignment(a: [], b: [sentence], score: 0, coverageA: 0, coverageB: 0, moved: false, uncertain: false))
        }
        alignments.sort { x, y in
            let kx = (x.a.first ?? Int.max, x.b.first ?? Int.max)
            let ky = (y.a.first ?? Int.max, y.b.first ?? Int.max)
            return kx < ky
        }

        // One array of the findings, made at its size: a long pair has tens of thousands.
        let oneSided = oneSidedFindings()
        let notes = digitLossNotes(digitLoss)
        let moved = alignments.filter(\.moved).map(movedFinding)
        var findings: [Finding] = []
        findings.reserveCapacity(oneSided.count + findingsOfGroups.reduce(0) { $0 + $1.count } + notes.count + moved.count)
        findings += oneSided
        // Each group's findings are let go once copied: one copy of them at a time.
        for g in findingsOfGroups.indices {
            findings += findingsOfGroups[g]
            findingsOfGroups[g] = []
        }
        findings += notes
        findings += moved
        // In reading order: the findings' indices sorted (stably, on all cores), then the findings
        // put in their order in place. A finding is large: sorting them moved each one many
        // times, and a sorted copy would hold them twice.
        let order = ReadingOrder(alignments, sentencesOfB: b.sentences.count)
        var reading: [Int] = []
        do {
            // A second reference for the sort's threads, let go before the findings move (or
            // moving them would copy them all first).
            let unsorted = findings
            reading = Concurrently.sorted(Array(unsorted.indices)) { i, j in
                let (x, y) = (unsorted[i], unsorted[j])
                let kx = order.key(x)
                let ky = order.key(y)
                return (kx.position, kx.b, kx.start, x.category, x.storedID) < (ky.position, ky.b, ky.start, y.category, y.storedID)
            }
        }
        findings.permute(to: reading)
        markUncertain(&findings)

        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.category.rawValue, default: 0] += 1 }
        let limits = [a, b].compactMap(LimitNote.sentenceTokens)
        let summary = Summary(
            coverageA: Double.reportFigure(coverageA), coverageB: Double.reportFigure(coverageB), sameEvent: event.verdict == .same,
            counts: counts,
            event: event, limits: limits.isEmpty ? nil : limits)
        return Report(documents: [DocumentRecord(a), DocumentRecord(b)], alignments: alignments, findings: findings, summary: summary)
    }

    /// Whether the accounts tell the same event: each account's anchors (``EventAnchors``) and
    /// the alignment's coverage.
    private func judgeEvent(words: (a: FoldedSentences, b: FoldedSentences), coverage: (a: Double, b: Double)) -> EventEvidence {
        let stop = options.alignment.language.hasPrefix("en") ? StopWords.english : []
        let language = options.alignment.language
        let anchors = Concurrently.both { [a, b, words] forA in
            EventAnchors(forA ? a : b, words: forA ? words.a : words.b, stemmer: Stemmer(language: language, remembers: false), stop: stop)
        }
        return EventJudge.judge(anchors.a, anchors.b, coverage: coverage, coverageThreshold: options.alignment.sameEventCoverage)
    }

    /// Gives each finding between sentences of both accounts that sit in a group the aligner is
    /// unsure of the reason it is unsure (the first such group's, A's side first).
    private func markUncertain(_ findings: inout [Finding]) {
        var reasonA: [Int: String] = [:]
        var reasonB: [Int: String] = [:]
        for group in alignment.groups {
            guard let reason = group.uncertainReason else { continue }
            for sentence in group.a where reasonA[sentence] == nil { reasonA[sentence] = reason }
            for sentence in group.b where reasonB[sentence] == nil { reasonB[sentence] = reason }
        }
        guard !reasonA.isEmpty || !reasonB.isEmpty else { return }
        for i in findings.indices {
            guard let a = findings[i].a?.sentenceList, let b = findings[i].b?.sentenceList, !a.isEmpty, !b.isEmpty else { continue }
            let fromA = a.lazy.compactMap { reasonA[$0] }.first
            findings[i].uncertainReason = fromA ?? b.lazy.compactMap { reasonB[$0] }.first
        }
    }

    // MARK: - Word findings

    /// The ``Classifier``'s findings of every group (given by sentence indices), group by group,
    /// and each group's drift. The groups are independent: they are classified on all cores, each
    /// task with a classifier (and stemmer) of its own.
    private func classify(
        _ groups: [(a: [Int], b: [Int])], digitLoss: (a: (Int, Int)?, b: (Int, Int)?), words: (a: FoldedSentences, b: FoldedSentences)
    ) -> (findings: [[Finding]], drift: [Double]) {
        let (a, b, options) = (a, b, options)
        let language = options.alignment.language
        let stop = language.hasPrefix("en") ? StopWords.english : []
        let keys = KeyTable(a: words.a, b: words.b, language: language, stop: stop)
        // Each account's vocabulary, a task each.
        let vocabularies = Concurrently.both { forA in
            Classifier.vocabulary(
                of: forA ? a : b, words: forA ? words.a : words.b, numbers: forA ? keys.numbersOfA : keys.numbersOfB, table: keys,
                stemmer: Stemmer(language: language), stripDigits: (forA ? digitLoss.b : digitLoss.a) != nil)
        }
        let datelines = (a: Dateline.of(a), b: Dateline.of(b))
        let names = NameMatcher(documents: [(a, words.a), (b, words.b)])
        var linked = (a: [[Int]](repeating: [], count: a.sentences.count), b: [[Int]](repeating: [], count: b.sentences.count))
        for group in groups {
            for x in group.a { linked.a[x] += group.b }
            for y in group.b { linked.b[y] += group.a }
        }
        let links = linked
        let classified = Concurrently.map(groups.count) { range in
            let context = ClassifierContext(
                a: a, b: b, words: words, options: options, stop: stop,
                digitLoss: (digitLoss.a != nil, digitLoss.b != nil), datelines: datelines, fingerprint: Fingerprinter(a: a, b: b),
                vocabulary: vocabularies, stemmer: Stemmer(language: language), names: names, links: links, keys: keys)
            let classifier = Classifier(context: context)
            return range.map { classifier.classify(aSentences: groups[$0].a, bSentences: groups[$0].b) }
        }
        return (classified.map(\.findings), classified.map(\.drift))
    }

    // MARK: - Findings

    private func span(_ document: Document, _ sentence: Int) -> Span {
        let s = document.sentences[sentence]
        return Span(sentence: sentence, start: s.start, end: s.end, text: s.text)
    }

    func fingerprint(_ category: FindingCategory, a aSentences: SentenceList, b bSentences: SentenceList, detail: String = "") -> FindingID
    {
        Fingerprinter(a: a, b: b)(category, aSentences, bSentences, detail)
    }

    private func oneSidedFindings() -> [Finding] {
        var out: [Finding] = []
        for sentence in alignment.omitted {
            out.append(
                Finding(
                    id: fingerprint(.omission, a: SentenceList(sentence: sentence), b: .none), category: .omission,
                    severity: options.severity(.omission),
                    message: OmissionRule.wholeSentenceMessage, a: span(a, sentence), b: nil, weight: contentWeight(a, sentence)))
        }
        for sentence in alignment.added {
            out.append(
                Finding(
                    id: fingerprint(.addition, a: .none, b: SentenceList(sentence: sentence)), category: .addition,
                    severity: options.severity(.addition),
                    message: AdditionRule.wholeSentenceMessage, a: nil, b: span(b, sentence), weight: contentWeight(b, sentence)))
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
        if utf8.contains(0x22)
            || utf8.indices.contains(where: { utf8[$0] == 0xE2 && $0 + 2 < utf8.endIndex && utf8[$0 + 1] == 0x80 && utf8[$0 + 2] == 0x9C })
        {
            weight += 3
        }
        if words.contains(where: { Lexicon.speechVerbs.contains($0.key) }) { weight += 3 }
        return Double.reportFigure(weight)
    }

    // MARK: - Lost digits

    /// How many numbers each account's content sentences hold.
    private static func numberCount(_ document: Document, folder: WordFolder) -> Int {
        // The stored words' flags: no ``FoldedWord`` is made.
        let rows = folder.sentences(of: document).words
        return document.sentences.lazy.filter(\.isContent).reduce(0) { count, sentence in
            count + rows.stored(sentence.index).reduce(0) { $0 + ($1.isNumber ? 1 : 0) }
        }
    }

    /// An account with no numbers at all where the other has several has lost its digits (a
    /// scraper stripped them): say so once rather than at every number.
    func digitLoss() -> (a: (Int, Int)?, b: (Int, Int)?) {
        let (na, nb) = Concurrently.both { [a, b, folder] forA in Self.numberCount(forA ? a : b, folder: folder) }
        return (na == 0 && nb >= 5 ? (na, nb) : nil, nb == 0 && na >= 5 ? (nb, na) : nil)
    }

    private func digitLossNotes(_ loss: (a: (Int, Int)?, b: (Int, Int)?)) -> [Finding] {
        var out: [Finding] = []
        for (document, other, counts) in [(a, b, loss.a), (b, a, loss.b)] {
            guard let (_, theirs) = counts else { continue }
            let span = Span(sentences: [], start: 0, end: document.source.utf8.count, text: "")
            let message =
                "\(document.id) has lost its digits: none of its sentences has a number, where \(other.id) has \(theirs). Numbers missing from \(document.id) are not reported one by one."
            out.append(
                Finding(
                    id: fingerprint(.number, a: .none, b: .none, detail: "digits lost in \(document.id)"), category: .number,
                    severity: options.severity(.number), message: message,
                    a: document.id == a.id ? span : nil, b: document.id == b.id ? span : nil, weight: Double(theirs)))
        }
        return out
    }

    private func movedFinding(_ alignment: Alignment) -> Finding {
        let first = alignment.a.first ?? 0
        let firstB = alignment.b.first ?? 0
        return Finding(
            id: fingerprint(.moved, a: SentenceList(alignment.a), b: SentenceList(alignment.b)), category: .moved,
            severity: options.severity(.moved),
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

    /// The first 64 bits of the SHA-256 of the category, the normalized text of each side's
    /// sentences and the detail, each after a NUL but the first.
    func callAsFunction(_ category: FindingCategory, _ aSentences: SentenceList, _ bSentences: SentenceList, _ detail: String) -> FindingID
    {
        callAsFunction(category, normalizedA: Self.normalized(a, aSentences), normalizedB: Self.normalized(b, bSentences), detail)
    }

    /// The same, from the sentences' normalized texts (``normalized(_:_:)``), for a caller that
    /// gives many findings on the same sentences.
    func callAsFunction(_ category: FindingCategory, normalizedA: [UInt8], normalizedB: [UInt8], _ detail: String) -> FindingID {
        var bytes = Array(category.rawValue.utf8)
        bytes.reserveCapacity(bytes.count + normalizedA.count + normalizedB.count + detail.utf8.count + 3)
        bytes.append(0)
        bytes += normalizedA
        bytes.append(0)
        bytes += normalizedB
        bytes.append(0)
        bytes += detail.utf8
        return .fingerprint(SHA256.prefix64(bytes))
    }

    /// The normalized text of sentences: their fold keys, sentence by sentence, joined by " | ".
    static func normalized(_ document: Document, _ sentences: SentenceList) -> [UInt8] {
        var bytes: [UInt8] = []
        for (n, sentence) in sentences.enumerated() {
            if n > 0 { bytes += " | ".utf8 }
            document.appendNormalizedText(ofSentence: sentence, to: &bytes)
        }
        return bytes
    }
}
