/// What the renderers share: findings in document order, where each side of a finding sits, and
/// which words of a sentence a finding marks. Pure functions of a ``Report``.
struct ReportLayout {
    let report: Report

    init(_ report: Report) {
        self.report = report
    }

    // MARK: - Documents and sentences

    /// Which account a span belongs to.
    enum Side: Sendable, Hashable, CaseIterable {
        case a, b

        var label: String { self == .a ? "A" : "B" }
    }

    func document(_ side: Side) -> DocumentRecord? {
        let i = side == .a ? 0 : 1
        return i < report.documents.count ? report.documents[i] : nil
    }

    /// The sentence with `index` in `document`, or nil when the report does not hold it.
    static func sentence(_ index: Int, in document: DocumentRecord) -> SentenceRecord? {
        if index >= 0, index < document.sentences.count, document.sentences[index].index == index {
            return document.sentences[index]
        }
        return document.sentences.first { $0.index == index }
    }

    /// `path:line:column` of a span (the first sentence it names), or the path alone for a note
    /// about the whole document. Not escaped.
    static func location(_ span: Span?, in document: DocumentRecord) -> String {
        guard let first = span?.sentences.first, let s = sentence(first, in: document) else { return document.path }
        return "\(document.path):\(s.line):\(s.column)"
    }

    // MARK: - Order

    /// Indices into `report.findings`, in document order: by the first A sentence a finding
    /// names; a finding with only a B side goes after the A sentence that the B sentences before
    /// it are aligned with (so an addition shows where B tells it); notes about a whole document
    /// come first. Ties keep the report's order.
    func findingOrder() -> [Int] {
        // For each B sentence aligned with A, the first A sentence of its group.
        var anchor: [Int: Int] = [:]
        for alignment in report.alignments where !alignment.a.isEmpty && !alignment.b.isEmpty {
            let first = alignment.a.min() ?? 0
            for k in alignment.b { anchor[k] = min(anchor[k] ?? first, first) }
        }
        let anchoredB = anchor.keys.sorted()
        func anchorFor(b k: Int) -> Double {
            // The closest aligned B sentence at or before k (binary search over sorted keys).
            var lo = 0
            var hi = anchoredB.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if anchoredB[mid] <= k { lo = mid + 1 } else { hi = mid }
            }
            guard lo > 0, let a = anchor[anchoredB[lo - 1]] else { return -0.5 }
            return Double(a) + 0.5
        }
        func key(_ f: Finding) -> (Double, Int) {
            let firstB = f.b?.sentences.min() ?? -1
            if let firstA = f.a?.sentences.min() { return (Double(firstA), firstB) }
            if firstB >= 0 { return (anchorFor(b: firstB), firstB) }
            return (-1, -1)
        }
        let keys = report.findings.map(key)
        return report.findings.indices.sorted { x, y in
            if keys[x].0 != keys[y].0 { return keys[x].0 < keys[y].0 }
            if keys[x].1 != keys[y].1 { return keys[x].1 < keys[y].1 }
            return x < y
        }
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
    static func markedRange(of span: Span, in sentence: SentenceRecord) -> Range<Int>? {
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
    struct Piece: Hashable {
        var text: String
        /// Tags of the marks that cover it, ascending; empty for unmarked text.
        var tags: [Int]
    }

    /// Cuts `text` at the marks' bounds (byte ranges of the text, on scalar boundaries) into
    /// pieces, each with the tags of the marks that cover it. Marks may overlap.
    static func pieces(of text: String, marks: [(range: Range<Int>, tag: Int)]) -> [Piece] {
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
