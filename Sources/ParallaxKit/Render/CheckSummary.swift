/// The text `parallax check` prints: the verdict, the configuration and baseline it was reached
/// under, and per pair PASS or FAIL with what failed, by how much and where (up to five
/// findings a rule), then what was set aside. Every piece of input text in it is escaped
/// (``TerminalText/escape(_:)``).
public enum CheckSummary {
    /// The most findings listed under one violated rule; the rest are counted.
    static let findingsShown = 5

    /// The summary of `verdict`, made from it and the pairs it was made from (for the findings
    /// behind each violation and their places).
    public static func render(_ verdict: Verdict, _ checked: [Verdict.Checked]) -> String {
        let failed = verdict.pairs.filter { $0.verdict != "pass" }.count
        let count = verdict.pairs.count
        var out =
            "parallax check: \(count) pair\(count == 1 ? "" : "s"), \(failed) failed (failing on \(verdict.failOn.rawValue) and above)\n"
        out += TerminalText.escape(setting(verdict)) + "\n"
        for note in verdict.notes { out += "notice: \(TerminalText.escape(note))\n" }
        for (pair, checked) in zip(verdict.pairs, checked) {
            let result = checked.result
            let a = pair.a.isEmpty ? "A" : pair.a
            let b = pair.b.isEmpty ? "B" : pair.b
            out += "\(pair.verdict == "pass" ? "PASS" : "FAIL") \(TerminalText.escape(pair.name))\n"
            for violation in result.violations {
                out += "  \(violation.rule): \(TerminalText.escape(violation.message))\n"
                for finding in violation.findings.prefix(findingsShown) {
                    let location = TerminalText.escape(place(finding, result.report, a: a, b: b))
                    out += "    \(finding.category.rawValue) at \(location): \(TerminalText.escape(finding.message))\n"
                }
                if violation.findings.count > findingsShown { out += "    … and \(violation.findings.count - findingsShown) more\n" }
            }
            var notes: [String] = []
            let counts = pair.counts
            if counts.accepted > 0 { notes.append("\(counts.accepted) accepted by the baseline") }
            if counts.uncertain > 0 { notes.append("\(counts.uncertain) on uncertain links, for review") }
            if counts.stale > 0 {
                notes.append("\(counts.stale) stale baseline entr\(counts.stale == 1 ? "y" : "ies") (prune with --update-baseline)")
            }
            if !notes.isEmpty { out += "  " + notes.joined(separator: "; ") + "\n" }
            for note in pair.notes { out += "  notice: \(TerminalText.escape(note))\n" }
        }
        return out
    }

    /// One line naming the configuration file and the baseline the verdict was reached under
    /// (not escaped).
    static func setting(_ verdict: Verdict) -> String {
        var line = "configuration: " + (verdict.config ?? "none (defaults)")
        if let baseline = verdict.baseline {
            let count = baseline.entries
            line +=
                "; baseline: \(baseline.path) "
                + (baseline.exists ? "(\(count) accepted finding\(count == 1 ? "" : "s"))" : "(does not exist)")
        } else {
            line += "; baseline: none"
        }
        return line
    }

    /// FILE:LINE:COLUMN of a finding's first sentence (B's when it has one), the files named
    /// `a` and `b`; the file alone when the report does not hold the sentence (not escaped).
    static func place(_ finding: Finding, _ report: Report, a: String, b: String) -> String {
        let (span, document, path) = finding.b.map { ($0, report.documents.last, b) } ?? (finding.a, report.documents.first, a)
        guard let span, let index = span.sentences.first, let document, index < document.sentences.count else { return path }
        let sentence = document.sentences[index]
        return "\(path):\(sentence.line):\(sentence.column)"
    }
}
