/// What the renderers share: findings in document order, where each side of a finding sits, and
/// which words of a sentence a finding marks. Pure functions of a ``Report``.
package struct ReportLayout {
    let report: Report

    package init(_ report: Report) {
        self.report = report
    }

    // MARK: - Documents and sentences

    /// Which account a span belongs to.
    package enum Side: Sendable, Hashable, CaseIterable {
        case a, b

        package var label: String { self == .a ? "A" : "B" }
    }

    /// Whether a finding of `category` is about `side`'s words: an omission is A's, an addition
    /// B's (their other side only says where); the other categories are about both.
    static func belongs(_ category: FindingCategory, to side: Side) -> Bool {
        switch category {
        case .omission: side == .a
        case .addition: side == .b
        default: true
        }
    }

    package func document(_ side: Side) -> DocumentRecord? {
        let i = side == .a ? 0 : 1
        return i < report.documents.count ? report.documents[i] : nil
    }

    /// The sentence with `index` in `document`, or nil when the report does not hold it.
    package static func sentence(_ index: Int, in document: DocumentRecord) -> SentenceRecord? {
        if index >= 0, index < document.sentences.count, document.sentences[index].index == index {
            return document.sentences[index]
        }
        return document.sentences.first { $0.index == index }
    }

    /// `path:line:column` of a span (the first sentence it names), or the path alone for a note
    /// about the whole document. Not escaped.
    package static func location(_ span: Span?, in document: DocumentRecord) -> String {
        guard let first = span?.sentences.first, let s = sentence(first, in: document) else { return document.path }
        return "\(document.path):\(s.line):\(s.column)"
    }

    // MARK: - Order

    /// Indices into `report.findings`, in reading order along A (``ReadingOrder``): a finding
    /// with only a B side goes after the A sentence that the B sentences before it are aligned
    /// with (so an addition shows where B tells it); notes about a whole document come first.
    /// Ties keep the report's order.
    package func findingOrder() -> [Int] {
        let order = ReadingOrder(report)
        let keys = report.findings.map(order.key)
        return report.findings.indices.sorted { x, y in
            (keys[x].position, keys[x].b, x) < (keys[y].position, keys[y].b, y)
        }
    }

    // MARK: - Sentence pairs

    /// Findings about the same sentences of A and of B: the pair is shown once, its findings
    /// under it.
    struct PairGroup: Hashable {
        /// Sentence indices of A and of B, ascending (empty for a side the findings lack).
        var a: [Int]
        var b: [Int]
        /// A side the findings have without naming sentences: a note about the whole account.
        var wholeA = false
        var wholeB = false
        /// Indices into `report.findings`, in the order shown.
        var findings: [Int]

        /// The span of `side` the pair shows (its first finding's, which names the same
        /// sentences as the others').
        func span(_ side: Side, in report: Report) -> Span? {
            findings.lazy.compactMap { side == .a ? report.findings[$0].a : report.findings[$0].b }.first
        }
    }

    /// The findings `indices` (into `report.findings`) grouped by the sentences they are about.
    /// By ``TerminalRenderer/Sort/severity``: groups holding errors first, then warnings, then
    /// the rest, each in document order, and in a group its findings by severity; by
    /// ``TerminalRenderer/Sort/document``: groups and their findings in document order.
    func pairGroups(of indices: [Int], sort: TerminalRenderer.Sort) -> [PairGroup] {
        let order = findingOrder()
        var rank = Array(repeating: 0, count: report.findings.count)
        for (n, i) in order.enumerated() { rank[i] = n }
        let wanted = Set(indices)
        var groups: [PairGroup] = []
        var slot: [PairGroup: Int] = [:]
        for i in order where wanted.contains(i) {
            let f = report.findings[i]
            let key = PairGroup(
                a: (f.a?.sentences ?? []).sorted(), b: (f.b?.sentences ?? []).sorted(),
                wholeA: f.a != nil && f.a?.sentences.isEmpty == true, wholeB: f.b != nil && f.b?.sentences.isEmpty == true, findings: [])
            if let at = slot[key] {
                groups[at].findings.append(i)
            } else {
                slot[key] = groups.count
                var group = key
                group.findings = [i]
                groups.append(group)
            }
        }
        guard sort == .severity else { return groups }
        func top(_ g: PairGroup) -> Int { g.findings.map { report.findings[$0].severity.rank }.max() ?? 0 }
        for g in groups.indices {
            groups[g].findings.sort { x, y in
                let (sx, sy) = (report.findings[x].severity.rank, report.findings[y].severity.rank)
                return sx != sy ? sx > sy : rank[x] < rank[y]
            }
        }
        let tops = groups.map(top)
        return groups.indices.sorted { x, y in tops[x] != tops[y] ? tops[x] > tops[y] : x < y }.map { groups[$0] }
    }

    // MARK: - Quotes

    /// The `words` words of `text` nearest its end (`keepEnd`) or its start, with `…` where
    /// text was left out; spaces at the cut edge kept.
    static func context(_ text: String, words: Int, keepEnd: Bool) -> String {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count > words else { return text }
        if keepEnd {
            return "…" + parts.suffix(words).joined(separator: " ") + (text.hasSuffix(" ") ? " " : "")
        }
        return (text.hasPrefix(" ") ? " " : "") + parts.prefix(words).joined(separator: " ") + "…"
    }

    // MARK: - Counts

    /// Categories with findings, in the category order, with their counts (from the summary,
    /// falling back to counting the findings).
    func counts() -> [(category: FindingCategory, count: Int)] {
        var counted: [FindingCategory: Int] = [:]
        for f in report.findings { counted[f.category, default: 0] += 1 }
        return FindingCategory.allCases.compactMap { c in
            let n = report.summary.counts[c.rawValue] ?? counted[c] ?? 0
            return n > 0 ? (c, n) : nil
        }
    }

    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return "\(Int((min(max(x, 0), 1) * 100).rounded()))%"
    }

    // MARK: - Marked words

    /// The bytes of `sentence.text` that `span` marks, clamped to the sentence and to whole
    /// Unicode scalars; nil when the span marks nothing in it or the whole sentence (a finding
    /// about whole sentences marks no words).
    package static func markedRange(of span: Span, in sentence: SentenceRecord) -> Range<Int>? {
        let utf8 = Array(sentence.text.utf8)
        let n = utf8.count
        var lo = min(max(span.start - sentence.start, 0), n)
        var hi = min(max(span.end - sentence.start, lo), n)
        func isContinuation(_ i: Int) -> Bool { i < n && utf8[i] & 0xC0 == 0x80 }
        while lo > 0 && isContinuation(lo) { lo -= 1 }
        while hi < n && isContinuation(hi) { hi += 1 }
        guard lo < hi, !(lo == 0 && hi == n) else { return nil }
        return lo..<hi
    }

    /// A piece of a sentence's text and the marks covering it.
    package struct Piece: Hashable {
        package var text: String
        /// Tags of the marks that cover it, ascending; empty for unmarked text.
        package var tags: [Int]
    }

    /// Cuts `text` at the marks' bounds (byte ranges of the text, on scalar boundaries) into
    /// pieces, each with the tags of the marks that cover it. Marks may overlap.
    package static func pieces(of text: String, marks: [(range: Range<Int>, tag: Int)]) -> [Piece] {
        let utf8 = Array(text.utf8)
        guard !marks.isEmpty else { return utf8.isEmpty ? [] : [Piece(text: text, tags: [])] }
        var bounds = Set([0, utf8.count])
        for m in marks {
            bounds.insert(min(max(m.range.lowerBound, 0), utf8.count))
            bounds.insert(min(max(m.range.upperBound, 0), utf8.count))
        }
        let sorted = bounds.sorted()
        var out: [Piece] = []
        for (lo, hi) in zip(sorted, sorted.dropFirst()) where lo < hi {
            let tags = marks.filter { $0.range.lowerBound <= lo && hi <= $0.range.upperBound }.map(\.tag).sorted()
            let piece = String(decoding: utf8[lo..<hi], as: UTF8.self)
            if let last = out.last, last.tags == tags {
                out[out.count - 1].text += piece
            } else {
                out.append(Piece(text: piece, tags: tags))
            }
        }
        return out
    }

    /// The sentences one side of a finding shows, each cut into unmarked and marked pieces
    /// (tag 0 marks the finding's words). A note about the whole document, or a span naming
    /// sentences the report lacks, shows its `text` unmarked.
    static func excerpt(_ span: Span, in document: DocumentRecord?, limit: Int = 5) -> (sentences: [[Piece]], more: Int) {
        let found = document.map { doc in span.sentences.compactMap { sentence($0, in: doc) } } ?? []
        guard !found.isEmpty else {
            // A note about the whole document: its text may be the whole document; show a start.
            guard !span.text.isEmpty else { return ([], 0) }
            let text = span.text.count > 200 ? String(span.text.prefix(200)) + " …" : span.text
            return ([[Piece(text: text, tags: [])]], 0)
        }
        let shown = found.prefix(limit).map { s in
            pieces(of: s.text, marks: markedRange(of: span, in: s).map { [($0, 0)] } ?? [])
        }
        return (Array(shown), found.count - shown.count)
    }
}
