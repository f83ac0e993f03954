/// The report for a person at a terminal: a header with the verdict and the counts by
/// severity, then the findings grouped by sentence pair (each pair printed once, its findings
/// listed under it), errors first unless ``Sort/document`` is asked for, and a closing
/// summary line.
///
/// Every piece of input text (sentences, messages, paths) goes through ``TerminalText/escape(_:)``,
/// so no input can drive the terminal. Colour and bold mark the changed words when
/// ``Options/color`` is on; without colour they are marked `[-…-]` (A, the earlier or left-out
/// wording) and `{+…+}` (B). Accepted findings are dimmed and labelled; a finding on an
/// uncertain link says why it is uncertain.
public enum TerminalRenderer {
    /// The order of the sentence pairs.
    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Pairs with errors first, then warnings, then the rest; the accounts' order within each.
        case severity
        /// The accounts' order (A's, with B's additions where B tells them).
        case document
    }

    public struct Options: Sendable, Hashable {
        /// Columns available (at least 20 are used).
        public var width: Int
        /// ANSI colour and bold.
        public var color: Bool
        public var sort: Sort
        /// Show only findings of this severity or higher (nil: all).
        public var minimumSeverity: Severity?
        /// Show only findings of these categories (empty: all).
        public var categories: Set<FindingCategory>

        public init(
            width: Int = 100, color: Bool = false, sort: Sort = .severity, minimumSeverity: Severity? = nil,
            categories: Set<FindingCategory> = []
        ) {
            self.width = width
            self.color = color
            self.sort = sort
            self.minimumSeverity = minimumSeverity
            self.categories = categories
        }

        /// Whether the filters let `finding` through.
        func shows(_ finding: Finding) -> Bool {
            (minimumSeverity.map { finding.severity >= $0 } ?? true) && (categories.isEmpty || categories.contains(finding.category))
        }

        var isFiltered: Bool { minimumSeverity != nil || !categories.isEmpty }
    }

    /// Two columns from this width on.
    public static let sideBySideWidth = 100
    /// Sentences shown per side of a sentence pair; the rest are counted.
    static let sentenceLimit = 5
    /// Words of context around the changed words of a finding's excerpt.
    static let contextWords = 4

    public static func render(_ report: Report, options: Options = Options()) -> String {
        let layout = ReportLayout(report)
        let width = max(options.width, 20)
        var out: [String] = []
        func emit(_ text: StyledText, indent: String = "", hanging: String? = nil) {
            let first = DisplayWidth.of(indent)
            let rest = DisplayWidth.of(hanging ?? indent)
            // Wrap to the narrower of the two indents, so every line fits.
            for (i, line) in text.wrapped(width: width - max(first, rest)).enumerated() {
                out.append((i == 0 ? indent : hanging ?? indent) + line.rendered(color: options.color))
            }
        }

        // Header: the verdict and the counts by severity, then by category, then the accounts.
        let summary = report.summary
        var headline = verdictText(summary.verdict)
        headline.append(" · ")
        headline.append(countsText(report.findings))
        headline.append(" · coverage A→B \(ReportLayout.percent(summary.coverageA)), B→A \(ReportLayout.percent(summary.coverageB))")
        emit(headline)
        let counts = layout.counts()
        if !counts.isEmpty {
            var line = StyledText("By category: ", style: "2")
            for (i, entry) in counts.enumerated() {
                if i > 0 { line.append(", ") }
                line.append("\(entry.count) ")
                line.append(entry.category.rawValue, style: categoryStyle(entry.category))
            }
            emit(line)
        }
        for side in ReportLayout.Side.allCases {
            guard let document = layout.document(side) else { continue }
            var line = StyledText(side.label, style: "1")
            line.append(" " + TerminalText.escape(document.path))
            let boilerplate = document.sentences.filter(\.boilerplate).count
            let duplicates = document.sentences.filter { $0.duplicateOf != nil }.count
            var notes = [plural(document.sentences.count, "sentence")]
            if boilerplate > 0 { notes.append("\(boilerplate) boilerplate") }
            if duplicates > 0 { notes.append(plural(duplicates, "duplicate")) }
            line.append(" (" + notes.joined(separator: ", ") + ")", style: "2")
            emit(line)
        }
        for note in summary.limits ?? [] { emit(StyledText("Limit: " + TerminalText.escape(note.message), style: "2")) }
        if let event = summary.event, summary.verdict != .same || !event.conflicting.isEmpty {
            for line in Self.evidence(event) { emit(StyledText(TerminalText.escape(line), style: "2")) }
            if summary.verdict != .same && !report.findings.isEmpty {
                emit(StyledText("The findings below compare accounts that may not tell one event: read them with that in mind."))
            }
        }

        // The findings, a sentence pair at a time.
        let shown = report.findings.indices.filter { options.shows(report.findings[$0]) }
        if options.isFiltered {
            emit(StyledText("Showing \(shown.count) of \(plural(report.findings.count, "finding")) (\(filterText(options))).", style: "1"))
        }
        let groups = layout.pairGroups(of: shown, sort: options.sort)
        let sideBySide = width >= sideBySideWidth
        var number = 0
        for group in groups {
            out.append("")
            var rule = StyledText("── ", style: "2")
            rule.append(pairName(group, layout: layout), style: "1")
            rule.append(" ")
            let rest = width - rule.width
            if rest > 0 { rule.append(String(repeating: "─", count: rest), style: "2") }
            out.append(rule.rendered(color: options.color))

            // The pair, once: marked with its finding's words when it has one finding; with
            // several, each finding shows its own words below.
            let single = group.findings.count == 1 ? report.findings[group.findings[0]] : nil
            let sides = ReportLayout.Side.allCases.map { side in
                block(
                    side: side, span: group.span(side, in: report), marking: single.flatMap { side == .a ? $0.a : $0.b }, layout: layout,
                    options: options)
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
            for index in group.findings {
                number += 1
                let finding = report.findings[index]
                emit(findingLine(finding, number: number, options: options), indent: "", hanging: "    ")
                if single == nil {
                    for side in ReportLayout.Side.allCases {
                        guard let span = side == .a ? finding.a : finding.b, let document = layout.document(side),
                            let line = excerptLine(span, side: side, in: document, options: options)
                        else { continue }
                        emit(line, indent: "    ", hanging: "      ")
                    }
                }
                if let reason = finding.uncertainReason {
                    emit(StyledText("uncertain link: " + TerminalText.escape(reason), style: "2"), indent: "    ")
                }
            }
        }

        // Closing summary.
        out.append("")
        var closing = StyledText("── ", style: "2")
        closing.append(countsText(shown.map { report.findings[$0] }))
        closing.append(" in \(plural(groups.count, "sentence pair"))")
        if options.isFiltered { closing.append(" (of \(report.findings.count); \(filterText(options)))") }
        closing.append(" · ")
        closing.append(verdictText(summary.verdict, short: true))
        emit(closing)
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Pieces

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// `Same event`, or the warning that the accounts may not tell one event.
    static func verdictText(_ verdict: EventVerdict, short: Bool = false) -> StyledText {
        var text = StyledText()
        switch verdict {
        case .same:
            text.append("Same event", style: "1")
        case .unsure:
            text.append("SAME EVENT UNSURE" + (short ? "" : ":"), style: "1;7;33")
            if !short { text.append(" the accounts share few of the event's names, numbers and dates", style: "1;33") }
        case .different:
            text.append("NOT THE SAME EVENT" + (short ? "" : ":"), style: "1;7;31")
            if !short { text.append(" these accounts do not appear to describe the same event", style: "1;31") }
        }
        return text
    }

    /// `56 findings: 2 errors, 30 warnings, 24 info (3 accepted, 1 uncertain)`.
    static func countsText(_ findings: [Finding]) -> StyledText {
        guard !findings.isEmpty else { return StyledText("no findings") }
        var text = StyledText(plural(findings.count, "finding") + ": ")
        var parts: [StyledText] = []
        for severity in Severity.allCases {
            let n = findings.filter { $0.severity == severity }.count
            guard n > 0 else { continue }
            parts.append(StyledText(severity == .info ? "\(n) info" : plural(n, severity.rawValue), style: severityStyle(severity)))
        }
        for (i, part) in parts.enumerated() {
            if i > 0 { text.append(", ") }
            text.append(part)
        }
        let accepted = findings.filter(\.accepted).count
        let uncertain = findings.filter { $0.uncertainReason != nil }.count
        var notes: [String] = []
        if accepted > 0 { notes.append("\(accepted) accepted") }
        if uncertain > 0 { notes.append("\(uncertain) uncertain") }
        if !notes.isEmpty { text.append(" (" + notes.joined(separator: ", ") + ")") }
        return text
    }

    static func filterText(_ options: Options) -> String {
        var parts: [String] = []
        if let level = options.minimumSeverity {
            parts.append(level == .info ? "any severity" : "\(level.rawValue)s\(level == .error ? "" : " and above")")
        }
        if !options.categories.isEmpty { parts.append(options.categories.sorted().map(\.rawValue).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// `A 3:117 ↔ B 1:137`, `A 4:1 (only in A)`, `A (the whole account)`.
    static func pairName(_ group: ReportLayout.PairGroup, layout: ReportLayout) -> String {
        var parts: [String] = []
        for side in ReportLayout.Side.allCases {
            let sentences = side == .a ? group.a : group.b
            guard let document = layout.document(side) else { continue }
            if let first = sentences.first, let s = ReportLayout.sentence(first, in: document) {
                parts.append("\(side.label) \(s.line):\(s.column)" + (sentences.count > 1 ? " (+\(sentences.count - 1))" : ""))
            } else if side == .a ? group.wholeA : group.wholeB {
                parts.append("\(side.label) (the whole account)")
            }
        }
        if parts.count == 1, group.a.isEmpty != group.b.isEmpty {
            parts[0] += group.a.isEmpty ? " (only in B)" : " (only in A)"
        }
        return parts.joined(separator: " ↔ ")
    }

    /// `3 ✖ error · entity · message`, dimmed when accepted.
    static func findingLine(_ finding: Finding, number: Int, options: Options) -> StyledText {
        let dim = finding.accepted
        var line = StyledText("\(number) ", style: "2")
        line.append(severityMark(finding.severity) + " " + finding.severity.rawValue, style: dim ? "2" : severityStyle(finding.severity))
        line.append(" · ", style: dim ? "2" : nil)
        line.append(finding.category.rawValue, style: dim ? "2" : categoryStyle(finding.category))
        if finding.accepted { line.append(" · accepted", style: "2;3") }
        if finding.uncertainReason != nil { line.append(" · uncertain", style: dim ? "2" : "1;33") }
        line.append(" · ", style: dim ? "2" : nil)
        line.append(TerminalText.escape(finding.message), style: dim ? "2" : nil)
        return line
    }

    /// A shape per severity, so that it does not rest on colour alone.
    static func severityMark(_ severity: Severity) -> String {
        switch severity {
        case .error: "✖"
        case .warning: "▲"
        case .info: "·"
        }
    }

    /// `A …of key [-ChinaRussia treaty-] during video…`: a finding's changed words in one side,
    /// with a few words around them; nil when it marks no words (whole sentences).
    static func excerptLine(_ span: Span, side: ReportLayout.Side, in document: DocumentRecord, options: Options) -> StyledText? {
        guard let first = span.sentences.first, let sentence = ReportLayout.sentence(first, in: document),
            let range = ReportLayout.markedRange(of: span, in: sentence)
        else { return nil }
        let utf8 = Array(sentence.text.utf8)
        let before = String(decoding: utf8[..<range.lowerBound], as: UTF8.self)
        let marked = String(decoding: utf8[range], as: UTF8.self)
        let after = String(decoding: utf8[range.upperBound...], as: UTF8.self)
        var line = StyledText(side.label, style: "1")
        line.append(" ")
        line.append(TerminalText.escape(ReportLayout.context(before, words: contextWords, keepEnd: true)))
        let shortened = TerminalText.escape(ShortenedText.shortened(marked))
        if options.color {
            line.append(shortened, style: side == .a ? "1;31" : "1;32")
        } else {
            line.append(side == .a ? "[-" + shortened + "-]" : "{+" + shortened + "+}")
        }
        line.append(TerminalText.escape(ReportLayout.context(after, words: contextWords, keepEnd: false)))
        return line
    }

    /// One side of a sentence pair: a heading with its location, then its sentences (each a
    /// paragraph), with `marking`'s words marked.
    static func block(side: ReportLayout.Side, span: Span?, marking: Span?, layout: ReportLayout, options: Options) -> [StyledText] {
        var heading = StyledText(side.label, style: "1")
        guard let span, let document = layout.document(side) else {
            heading.append(" —", style: "2")
            heading.append(" (nothing in \(side.label))", style: "2")
            return [heading]
        }
        heading.append(" " + TerminalText.escape(ReportLayout.location(span, in: document)), style: "2")
        var paragraphs = [heading]
        var shownSpan = span
        if let marking {
            shownSpan.start = marking.start
            shownSpan.end = marking.end
        } else {
            shownSpan.start = 0
            shownSpan.end = 0
        }
        let excerpt = ReportLayout.excerpt(shownSpan, in: document, limit: sentenceLimit)
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
        lines.append(
            event.agreeing.isEmpty
                ? "Shared anchors: none (\(score))" : "Shared anchors (\(score)): " + event.agreeing.joined(separator: ", "))
        for conflict in event.conflicting { lines.append("Conflict: " + conflict) }
        return lines
    }

    package static func categoryStyle(_ category: FindingCategory) -> String { category.info.terminalStyle }

    package static func severityStyle(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "33"
        case .info: "36"
        }
    }
}
