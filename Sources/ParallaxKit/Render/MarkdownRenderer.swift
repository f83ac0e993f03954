/// The report as GitHub-flavoured Markdown, for a pull-request comment: a summary table, then
/// the findings in document order with the changed words marked (`~~A's words~~`,
/// `**B's words**`). Findings the baseline accepts are listed apart, after the others, under
/// their own heading; a finding on an uncertain link says why the link is uncertain.
///
/// Input text is escaped: control characters as ``TerminalText`` shows them, Markdown's inline
/// metacharacters with a backslash, and `<`, `>`, `&` as entities, so no input becomes markup,
/// a link or raw HTML. A long report stops at ``Options/maxFindings`` findings or
/// ``Options/maxCharacters`` characters (GitHub refuses comments over 65,536) and says how many
/// it left out.
public enum MarkdownRenderer {
    public struct Options: Sendable, Hashable {
        public var maxFindings: Int
        public var maxCharacters: Int
        /// Longer sentences are shortened around their marked words.
        public var maxSentenceCharacters: Int

        public init(maxFindings: Int = 100, maxCharacters: Int = 60_000, maxSentenceCharacters: Int = 600) {
            self.maxFindings = maxFindings
            self.maxCharacters = maxCharacters
            self.maxSentenceCharacters = maxSentenceCharacters
        }
    }

    public static func render(_ report: Report, options: Options = Options()) -> String {
        let layout = ReportLayout(report)
        let summary = report.summary
        let a = layout.document(.a)
        let b = layout.document(.b)
        var head = "### Parallax: \(a.map { escape(fileName($0.path)) } ?? "A") ↔ \(b.map { escape(fileName($0.path)) } ?? "B")\n\n"
        if summary.verdict != .same {
            let what =
                summary.verdict == .unsure
                ? "It is unsure whether these accounts describe the same event" : "These accounts do not appear to describe the same event"
            head +=
                "> [!WARNING]\n> **\(what)** (coverage A→B "
                + "\(ReportLayout.percent(summary.coverageA)), B→A \(ReportLayout.percent(summary.coverageB))).\n"
            if let event = summary.event {
                for line in TerminalRenderer.evidence(event) { head += "> \(escape(line))\n" }
            }
            head += "\n"
        }
        head += "| | |\n|---|---|\n"
        if let a { head += "| A | \(escape(a.path)) |\n" }
        if let b { head += "| B | \(escape(b.path)) |\n" }
        head += "| Coverage A→B | \(ReportLayout.percent(summary.coverageA)) |\n"
        head += "| Coverage B→A | \(ReportLayout.percent(summary.coverageB)) |\n"
        head += "| Same event | \(summary.verdict == .same ? "yes" : summary.verdict == .unsure ? "**unsure**" : "**no**") |\n"
        let counts = layout.counts()
        for entry in counts { head += "| \(entry.category.rawValue) | \(entry.count) |\n" }
        let total = counts.reduce(0) { $0 + $1.count }
        head += "| **Findings** | **\(total)** |\n"
        for note in summary.limits ?? [] { head += "\n> [!NOTE]\n> Limit: \(escape(note.message))\n" }

        // The open findings, then those the baseline accepts, apart.
        let all = layout.findingOrder()
        let order = all.filter { !report.findings[$0].accepted } + all.filter { report.findings[$0].accepted }
        let acceptedCount = order.count - all.filter { !report.findings[$0].accepted }.count
        if acceptedCount > 0 { head += "| Accepted in the baseline | \(acceptedCount) |\n" }
        guard !order.isEmpty else { return head }
        var body = acceptedCount == order.count ? "" : "\n#### Findings\n\n"
        var shown = 0
        var budget = options.maxCharacters - head.count - body.count - 300  // room for the note and heading
        for index in order {
            guard shown < options.maxFindings else { break }
            let finding = report.findings[index]
            let heading =
                finding.accepted && (shown == 0 || !report.findings[order[shown - 1]].accepted)
                ? "\n#### Accepted in the baseline (\(acceptedCount))\n\n" : ""
            let entry = heading + findingEntry(finding, number: shown + 1, layout: layout, options: options)
            guard entry.count <= budget else { break }
            budget -= entry.count
            body += entry
            shown += 1
        }
        if shown < order.count {
            body +=
                "\n_\(order.count - shown) more finding\(order.count - shown == 1 ? "" : "s") not shown; "
                + "the JSON or HTML report has all \(order.count)._\n"
        }
        return head + body
    }

    static func findingEntry(_ finding: Finding, number: Int, layout: ReportLayout, options: Options) -> String {
        let marks = finding.severity.rawValue + (finding.accepted ? ", accepted" : "")
        var entry = "\(number). **\(finding.category.rawValue)** (\(marks)): \(escape(finding.message))\n"
        if let reason = finding.uncertainReason { entry += "   - _Uncertain link, for review: \(escape(reason))._\n" }
        for side in ReportLayout.Side.allCases {
            let span = side == .a ? finding.a : finding.b
            guard let span, let document = layout.document(side) else {
                entry += "   - \(side.label): _nothing_\n"
                continue
            }
            let location =
                escape(fileName(document.path)) + escape(String(ReportLayout.location(span, in: document).dropFirst(document.path.count)))
            let excerpt = ReportLayout.excerpt(span, in: document)
            let sentences = excerpt.sentences.map { render($0, side: side, limit: options.maxSentenceCharacters) }
            var line = "   - \(side.label) \(location)" + (sentences.isEmpty ? "" : ": " + sentences.joined(separator: " "))
            if excerpt.more > 0 { line += " _(and \(excerpt.more) more)_" }
            entry += line + "\n"
        }
        return entry
    }

    /// A sentence's pieces, marked words wrapped in `~~…~~` (A) or `**…**` (B), the spaces at a
    /// mark's ends kept outside it (Markdown ignores emphasis that starts or ends with a space).
    static func render(_ pieces: [ReportLayout.Piece], side: ReportLayout.Side, limit: Int) -> String {
        let marker = side == .a ? "~~" : "**"
        var out = ""
        let pieces = shortened(pieces, limit: limit)
        for piece in pieces {
            guard !piece.tags.isEmpty else {
                out += escape(piece.text)
                continue
            }
            let core = piece.text.trimmingSpaces()
            guard !core.text.isEmpty else {
                out += escape(piece.text)
                continue
            }
            out += core.leading + marker + escape(core.text) + marker + core.trailing
        }
        return out
    }

    /// Shortens unmarked pieces of a long sentence, keeping the words next to the marks.
    static func shortened(_ pieces: [ReportLayout.Piece], limit: Int) -> [ReportLayout.Piece] {
        let total = pieces.reduce(0) { $0 + $1.text.count }
        guard total > limit, limit > 20 else { return pieces }
        let keep = max(limit / max(2 * pieces.count, 1), 40)
        return pieces.enumerated().map { i, piece in
            guard piece.tags.isEmpty, piece.text.count > 2 * keep else { return piece }
            var text = piece.text
            if i == 0 {
                text = "… " + String(text.suffix(keep))
            } else if i == pieces.count - 1 {
                text = String(text.prefix(keep)) + " …"
            } else {
                text = String(text.prefix(keep)) + " … " + String(text.suffix(keep))
            }
            return ReportLayout.Piece(text: text, tags: piece.tags)
        }
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Text safe inside a Markdown paragraph or table cell: controls escaped as on a terminal,
    /// line breaks as spaces, inline metacharacters backslash-escaped, `<`, `>`, `&` as entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in TerminalText.escape(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$":
                // Input always follows other text on its line, so only inline syntax matters:
                // emphasis, code, links, table cells, strikethrough and math.
                out += "\\"
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// The text without spaces at its ends, and those spaces.
    fileprivate func trimmingSpaces() -> (leading: String, text: String, trailing: String) {
        let leading = prefix { $0 == " " }
        let rest = dropFirst(leading.count)
        let trailing = String(rest.reversed().prefix { $0 == " " })
        return (String(leading), String(rest.dropLast(trailing.count)), trailing)
    }
}
