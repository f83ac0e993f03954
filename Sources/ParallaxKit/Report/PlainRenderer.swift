/// A plain, readable text rendering of a report (the terminal format until the full terminal
/// renderer lands). All input text is escaped for the terminal.
public enum PlainRenderer {
    public static func render(_ report: Report) -> String {
        guard report.documents.count == 2 else { return "" }
        let a = report.documents[0]
        let b = report.documents[1]
        let s = report.summary
        var out = "A: \(TerminalText.escape(a.path))\nB: \(TerminalText.escape(b.path))\n"
        out += "coverage A→B \(percent(s.coverageA)), B→A \(percent(s.coverageB)); "
        out += s.sameEvent ? "same event\n" : "these accounts do not appear to describe the same event\n"
        let counts = FindingCategory.allCases.compactMap { c in s.counts[c.rawValue].map { "\($0) \(c.rawValue)" } }
        out += counts.isEmpty ? "no findings\n" : counts.joined(separator: ", ") + "\n"
        for finding in report.findings {
            out += "\n[\(finding.severity.rawValue)] \(finding.category.rawValue): \(TerminalText.escape(finding.message))\n"
            if let span = finding.a { out += "  A \(location(span, a)): \(TerminalText.escape(span.text))\n" }
            if let span = finding.b { out += "  B \(location(span, b)): \(TerminalText.escape(span.text))\n" }
        }
        return out
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    static func location(_ span: Span, _ document: DocumentRecord) -> String {
        guard let first = span.sentences.first, first < document.sentences.count else { return "" }
        let s = document.sentences[first]
        return "\(s.line):\(s.column)"
    }
}
