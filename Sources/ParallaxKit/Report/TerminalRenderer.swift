/// The report for a person at a terminal: a summary line, then each finding in document order
/// with the changed words marked, the two sides side by side when the width allows.
///
/// Every piece of input text (sentences, messages, paths) goes through ``TerminalText/escape(_:)``,
/// so no input can drive the terminal. Colour and bold mark the changed words when
/// ``Options/color`` is on; without colour they are marked `[-…-]` (A, the earlier or left-out
/// wording) and `{+…+}` (B).
public enum TerminalRenderer {
    public struct Options: Sendable, Hashable {
        /// Columns available (at least 20 are used).
        public var width: Int
        /// ANSI colour and bold.
        public var color: Bool

        public init(width: Int = 100, color: Bool = false) {
            self.width = width
            self.color = color
        }
    }

    /// Two columns from this width on.
    public static let sideBySideWidth = 100
    /// Sentences shown per side of a finding; the rest are counted.
    static let sentenceLimit = 5

    public static func render(_ report: Report, options: Options = Options()) -> String {
        let layout = ReportLayout(report)
        let width = max(options.width, 20)
        var out: [String] = []
        func emit(_ text: StyledText, indent: String = "") {
            for line in text.wrapped(width: width - DisplayWidth.of(indent)) {
                out.append(indent + line.rendered(color: options.color))
            }
        }

        // Summary.
        let summary = report.summary
        var headline = StyledText()
        switch summary.verdict {
        case .same:
            headline.append("Same event", style: "1")
        case .unsure:
            headline.append("SAME EVENT UNSURE:", style: "1;7;33")
            headline.append(" the accounts share few of the event's names, numbers and dates", style: "1;33")
        case .different:
            headline.append("NOT THE SAME EVENT:", style: "1;7;31")
            headline.append(" these accounts do not appear to describe the same event", style: "1;31")
        }
        headline.append(" · coverage A→B \(ReportLayout.percent(summary.coverageA)), B→A \(ReportLayout.percent(summary.coverageB))")
        let counts = layout.counts()
        let total = counts.reduce(0) { $0 + $1.count }
        if counts.isEmpty {
            headline.append(" · no findings")
        } else {
            headline.append(" · \(total) finding\(total == 1 ? "" : "s"): ")
            for (i, entry) in counts.enumerated() {
                if i > 0 { headline.append(", ") }
                headline.append("\(entry.count) ")
                headline.append(entry.category.rawValue, style: categoryStyle(entry.category))
            }
        }
        emit(headline)
        for side in ReportLayout.Side.allCases {
            guard let document = layout.document(side) else { continue }
            var line = StyledText(side.label, style: "1")
            line.append(" " + TerminalText.escape(document.path))
            let boilerplate = document.sentences.filter(\.boilerplate).count
            let duplicates = document.sentences.filter { $0.duplicateOf != nil }.count
            var notes = ["\(document.sentences.count) sentence\(document.sentences.count == 1 ? "" : "s")"]
            if boilerplate > 0 { notes.append("\(boilerplate) boilerplate") }
            if duplicates > 0 { notes.append("\(duplicates) duplicate\(duplicates == 1 ? "" : "s")") }
            line.append(" (" + notes.joined(separator: ", ") + ")", style: "2")
            emit(line)
        }
        for note in summary.limits ?? [] { emit(StyledText("Limit: " + TerminalText.escape(note.message), style: "2")) }
        if let event = summary.event, summary.verdict != .same || !event.conflicting.isEmpty {
            for line in Self.evidence(event) { emit(StyledText(TerminalText.escape(line), style: "2")) }
            if summary.verdict != .same && total > 0 {
                emit(StyledText("The findings below compare accounts that may not tell one event: read them with that in mind."))
            }
        }

        // Findings.
        let order = layout.findingOrder()
        let sideBySide = width >= sideBySideWidth
        for (n, index) in order.enumerated() {
            let finding = report.findings[index]
            out.append("")
            var rule = StyledText("── \(n + 1)/\(order.count) ", style: "2")
            rule.append(finding.category.rawValue, style: categoryStyle(finding.category))
            rule.append(" · ")
            rule.append(finding.severity.rawValue, style: severityStyle(finding.severity))
            rule.append(" ")
            let rest = width - rule.width
            if rest > 0 { rule.append(String(repeating: "─", count: rest), style: "2") }
            out.append(rule.rendered(color: options.color))
            emit(StyledText(TerminalText.escape(finding.message)))

            let sides = ReportLayout.Side.allCases.map { side in
                block(side: side, span: side == .a ? finding.a : finding.b, layout: layout, options: options)
            }
            if sideBySide {
                let column = (width - 3) / 2
                let left = sides[0].flatMap { $0.wrapped(width: column) }
                let right = sides[1].flatMap { $0.wrapped(width: column) }
                for row in 0..<max(left.count, right.count) {
                    let l = row < left.count ? left[row].rendered(color: options.color, pad: column) : String(repeating: " ", count: column)
                    let r = row < right.count ? right[row].rendered(color: options.color) : ""
                    out.append((l + (options.color ? "\u{1B}[2m │\u{1B}[0m " : " │ ") + r).trimmingTrailingSpaces())
                }
            } else {
                for paragraphs in sides {
                    for (p, paragraph) in paragraphs.enumerated() {
                        emit(paragraph, indent: p == 0 ? "" : "  ")
                    }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One side of a finding: a heading with its location, then its sentences (each a paragraph).
    static func block(side: ReportLayout.Side, span: Span?, layout: ReportLayout, options: Options) -> [StyledText] {
        var heading = StyledText(side.label, style: "1")
        guard let span, let document = layout.document(side) else {
            heading.append(" —", style: "2")
            heading.append(" (nothing in \(side.label))", style: "2")
            return [heading]
        }
        heading.append(" " + TerminalText.escape(ReportLayout.location(span, in: document)), style: "2")
        var paragraphs = [heading]
        let excerpt = ReportLayout.excerpt(span, in: document, limit: sentenceLimit)
        let markStyle = side == .a ? "1;31" : "1;32"
        for pieces in excerpt.sentences {
            var text = StyledText()
            for piece in pieces {
                let escaped = TerminalText.escape(piece.text)
                if piece.tags.isEmpty {
                    text.append(escaped)
                } else if options.color {
                    text.append(escaped, style: markStyle)
                } else {
                    text.append(side == .a ? "[-" + escaped + "-]" : "{+" + escaped + "+}")
                }
            }
            paragraphs.append(text)
        }
        if excerpt.more > 0 {
            paragraphs.append(StyledText("… and \(excerpt.more) more sentence\(excerpt.more == 1 ? "" : "s")", style: "2"))
        }
        return paragraphs
    }

    /// The evidence for the same-event verdict, a line each: what agrees and what conflicts.
    static func evidence(_ event: EventEvidence) -> [String] {
        var lines: [String] = []
        let score = "anchor agreement \(ReportLayout.percent(event.score))"
        lines.append(event.agreeing.isEmpty ? "Shared anchors: none (\(score))" : "Shared anchors (\(score)): " + event.agreeing.joined(separator: ", "))
        for conflict in event.conflicting { lines.append("Conflict: " + conflict) }
        return lines
    }

    static func categoryStyle(_ category: FindingCategory) -> String { category.info.terminalStyle }

    static func severityStyle(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "33"
        case .info: "36"
        }
    }

}
