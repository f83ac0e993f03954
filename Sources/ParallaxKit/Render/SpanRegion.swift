import Algorithms

/// Where a span sits in its input, as the CI formats (SARIF, GitHub annotations, JUnit) state
/// it: 1-based lines and columns, and 0-based character offsets.
///
/// Units: a column, ``charOffset`` and ``charLength`` count Unicode scalars (code points), the
/// report's own column unit (SARIF's `columnKind` `unicodeCodePoints`). Offsets count from the
/// start of the decoded text, so a byte order mark is not counted (SARIF §3.30.2: text
/// properties "SHALL NOT depend on the presence or absence of a byte order mark"). A line ends
/// at LF, CRLF or a lone CR, as in ``LineIndex``.
struct SpanRegion: Sendable, Hashable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    /// One past the column of the last scalar in the region (equal to ``startColumn`` for an
    /// empty region).
    var endColumn: Int
    /// Scalars before the region; nil when the input text was not at hand.
    var charOffset: Int?
    /// Scalars in the region; nil when the input text was not at hand.
    var charLength: Int?
    /// The region's text: the input's bytes when at hand, else the span's text (line breaks as
    /// spaces).
    var snippet: String
    /// Whether lines and columns come from the input text (exact), rather than from the
    /// sentence the span starts in (see ``SpanLocator``).
    var exact: Bool
}

/// Computes ``SpanRegion``s for the spans of one document of a report.
///
/// A span's offsets are UTF-8 byte offsets into the decoded input. With the input's text
/// (a ``SourceText`` whose SHA-256 matches the document's), lines, columns and character
/// offsets are exact: one pass over the bytes resolves all the spans of a document.
///
/// Without it, the report alone says where each *sentence* starts (line and column), and a
/// sentence's text keeps the input's bytes but shows line breaks as spaces; so a position is
/// placed on its sentence's first line, at the sentence's column plus the scalars of the text
/// before it. That is exact unless the sentence was hard-wrapped before the position; character
/// offsets are then left out (the bytes between sentences are not in the report).
struct SpanLocator {
    let document: DocumentRecord
    /// The decoded input, when given and matching.
    let source: [UInt8]?
    /// The document's sentences in byte order.
    private let sentences: [SentenceRecord]

    init(document: DocumentRecord, sources: [SourceText]) {
        self.document = document
        let sentences = document.sentences.sorted { $0.start < $1.start }
        self.sentences = sentences
        let longest = sentences.last?.end ?? 0
        self.source = sources.first { $0.sha256 == document.sha256 && $0.utf8.count >= longest }?.utf8
    }

    /// The region of each span, in order; nil for a note about the whole document (a span with
    /// no sentences) and for a missing span.
    func regions(_ spans: [Span?]) -> [SpanRegion?] {
        let bounds: [(start: Int, end: Int)?] = spans.map { span in
            guard let span, !span.sentences.isEmpty else { return nil }
            return scalarBounds(start: span.start, end: span.end)
        }
        guard let source else {
            return zip(spans, bounds).map { span, bound in
                guard let span, let bound else { return nil }
                let start = estimatedPosition(bound.start)
                let end = estimatedPosition(bound.end)
                return SpanRegion(
                    startLine: start.line, startColumn: start.column, endLine: end.line,
                    endColumn: end.column, charOffset: nil, charLength: nil, snippet: span.text, exact: false)
            }
        }
        let offsets = bounds.flatMap { $0.map { [$0.start, $0.end] } ?? [] }
        let positions = Self.positions(of: offsets, in: source)
        return bounds.map { bound in
            guard let bound, let start = positions[bound.start], let end = positions[bound.end] else { return nil }
            return SpanRegion(
                startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column,
                charOffset: start.scalars, charLength: end.scalars - start.scalars,
                snippet: String(decoding: source[bound.start..<bound.end], as: UTF8.self), exact: true)
        }
    }

    // MARK: - Exact positions

    struct Position: Hashable {
        var line: Int
        var column: Int
        /// Scalars before the position.
        var scalars: Int
    }

    /// Line, column and scalar offset of each byte offset, in one pass over `utf8`.
    static func positions(of offsets: [Int], in utf8: [UInt8]) -> [Int: Position] {
        var result: [Int: Position] = [:]
        let n = utf8.count
        var i = 0
        var position = Position(line: 1, column: 1, scalars: 0)
        for target in Set(offsets).sorted() {
            let target = min(max(target, 0), n)
            while i < target {
                let byte = utf8[i]
                let isScalarStart = byte & 0xC0 != 0x80
                if byte == 0x0A || (byte == 0x0D && !(i + 1 < n && utf8[i + 1] == 0x0A)) {
                    position.line += 1
                    position.column = 1
                } else if isScalarStart {
                    position.column += 1
                }
                if isScalarStart { position.scalars += 1 }
                i += 1
            }
            result[target] = position
        }
        return result
    }

    // MARK: - Estimated positions

    /// Line and column of a byte offset from the sentence it falls in (see the type's notes).
    private func estimatedPosition(_ offset: Int) -> (line: Int, column: Int) {
        // The last sentence starting at or before the offset.
        let lo = sentences.partitioningIndex { $0.start > offset }
        guard lo > 0 else { return sentences.first.map { ($0.line, $0.column) } ?? (1, 1) }
        let sentence = sentences[lo - 1]
        let prefix = sentence.text.utf8.prefix(max(0, offset - sentence.start))
        let scalars = prefix.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return (sentence.line, sentence.column + scalars)
    }

    // MARK: - Bounds

    /// The span's byte range clamped to the text and widened to whole scalars.
    private func scalarBounds(start: Int, end: Int) -> (start: Int, end: Int) {
        if let source {
            let n = source.count
            var lo = min(max(start, 0), n)
            var hi = min(max(end, lo), n)
            while lo > 0 && lo < n && source[lo] & 0xC0 == 0x80 { lo -= 1 }
            while hi < n && source[hi] & 0xC0 == 0x80 { hi += 1 }
            return (lo, hi)
        }
        // Without the text, sentences' bytes tell where scalars start.
        func isContinuation(_ offset: Int) -> Bool {
            guard let s = sentences.last(where: { $0.start <= offset }), offset < s.end else { return false }
            let utf8 = Array(s.text.utf8)
            let k = offset - s.start
            return k > 0 && k < utf8.count && utf8[k] & 0xC0 == 0x80
        }
        var lo = max(start, 0)
        var hi = max(end, lo)
        var steps = 0
        while steps < 3 && isContinuation(lo) {
            lo -= 1
            steps += 1
        }
        steps = 0
        while steps < 3 && isContinuation(hi) {
            hi += 1
            steps += 1
        }
        return (lo, hi)
    }
}

// MARK: - The side a finding is about

extension ReportLayout.Side {
    /// The side a CI annotation of `finding` points at: an omission at A (the words B lacks),
    /// an addition at B; any other finding at B, the account under review (typically the rewrite
    /// or translation), when B has words to point at (sentences and a non-empty byte range),
    /// else at A. Whichever side is chosen, a missing span falls back to the other side.
    static func primary(of finding: Finding) -> ReportLayout.Side {
        let preferred: ReportLayout.Side
        switch finding.category {
        case .omission: preferred = .a
        case .addition: preferred = .b
        default:
            if let b = finding.b, !b.sentences.isEmpty, b.end > b.start {
                preferred = .b
            } else {
                preferred = finding.a == nil ? .b : .a
            }
        }
        let span = preferred == .a ? finding.a : finding.b
        return span == nil ? preferred.other : preferred
    }

    var other: ReportLayout.Side { self == .a ? .b : .a }
}

extension Finding {
    func span(_ side: ReportLayout.Side) -> Span? { side == .a ? a : b }
}
