import ParallaxKit
import ParallaxTestSupport
import Testing

@Suite("Render: the summary of parallax check")
struct CheckSummaryTests {
    /// The June 2021 pair checked under `gate`, and its summary's lines.
    static func check(
        _ gate: Gate, a: Document, b: Document, baseline: Verdict.BaselineFile? = nil, config: String? = nil, notes: [String] = []
    ) -> (verdict: Verdict, checked: [Verdict.Checked], lines: [String]) {
        let report = Comparison(a: a, b: b).report
        let identity = Config().pairIdentity(a: a.source.path, b: b.source.path, baseline: nil)
        let checked = [Verdict.Checked(identity: identity, result: gate.evaluate(report, pair: identity.key, baseline: Baseline()))]
        let verdict = Verdict(checked, gate: gate, config: config, baseline: baseline, notes: notes)
        let lines = CheckSummary.render(verdict, checked).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (verdict, checked, lines)
    }

    static func june() throws -> (Document, Document) {
        (try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A"), try TestPaths.document(TestPaths.june2021Readout, id: "B"))
    }

    @Test("A failing pair: the verdict, the setting, FAIL, each rule with five findings at FILE:LINE:COLUMN and the count of the rest")
    func failing() throws {
        let (a, b) = try Self.june()
        let (verdict, checked, lines) = Self.check(Gate(failOn: .info), a: a, b: b)
        let result = try #require(checked.first?.result)
        #expect(!result.passed)
        #expect(lines[0] == "parallax check: 1 pair, 1 failed (failing on info and above)")
        #expect(lines[1] == "configuration: none (defaults); baseline: none")
        #expect(lines[2] == "FAIL \(verdict.pairs[0].name)")
        #expect(lines.last == "")

        let severity = try #require(result.violations.first { $0.rule == "severity" })
        let at = try #require(lines.firstIndex(of: "  severity: \(severity.message)"))
        let shown = min(severity.findings.count, 5)
        try #require(severity.findings.count > 5, "the June pair has more than five findings at info and above")
        for (n, finding) in severity.findings.prefix(5).enumerated() {
            // B's first sentence when the finding has a B side, else A's.
            let (path, document, index) =
                finding.b.map { (b.source.path, result.report.documents[1], $0.sentences.first) }
                ?? (a.source.path, result.report.documents[0], finding.a?.sentences.first)
            let place = index.map { "\(path):\(document.sentences[$0].line):\(document.sentences[$0].column)" } ?? path
            #expect(lines[at + 1 + n] == "    \(finding.category.rawValue) at \(place): \(finding.message)")
        }
        #expect(lines[at + 1 + shown] == "    … and \(severity.findings.count - 5) more")
    }

    @Test("A passing pair: PASS, the configuration and the baseline named, with its count or that it does not exist")
    func passing() throws {
        let a = try TestPaths.document(text: "The ministers met in Geneva on Monday. They agreed to talk again.\n", path: "a.txt", id: "A")
        let b = try TestPaths.document(text: "The ministers met in Geneva on Monday. They agreed to talk again.\n", path: "b.txt", id: "B")
        for (file, line) in [
            (Verdict.BaselineFile(path: "base.json", exists: true, entries: 1), "base.json (1 accepted finding)"),
            (Verdict.BaselineFile(path: "base.json", exists: true, entries: 3), "base.json (3 accepted findings)"),
            (Verdict.BaselineFile(path: "new.json", exists: false, entries: 0), "new.json (does not exist)"),
        ] {
            let (verdict, _, lines) = Self.check(Gate(), a: a, b: b, baseline: file, config: "parallax.yml")
            #expect(verdict.exitStatus == 0)
            #expect(lines[0] == "parallax check: 1 pair, 0 failed (failing on error and above)")
            #expect(lines[1] == "configuration: parallax.yml; baseline: \(line)")
            #expect(lines.contains("PASS \(verdict.pairs[0].name)"))
            #expect(!lines.contains { $0.hasPrefix("FAIL") || $0.hasPrefix("  severity") })
        }
    }

    @Test("Names, notes and messages reach the summary escaped")
    func escaped() throws {
        let text = "The ministers met in Geneva on Monday. They agreed to talk again.\n"
        let a = try TestPaths.document(text: text, path: "a\u{1B}[2J.txt", id: "A")
        let b = try TestPaths.document(text: text + "A new \u{1B}]0;x\u{7} sentence was added at the end.\n", path: "b.txt", id: "B")
        let (_, _, lines) = Self.check(Gate(failOn: .info), a: a, b: b, config: "c\u{1B}[31m.yml", notes: ["note \u{1B}[1m"])
        let summary = lines.joined(separator: "\n")
        #expect(!summary.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(lines.contains("notice: \(TerminalText.escape("note \u{1B}[1m"))"))
        #expect(lines[1].hasPrefix("configuration: \(TerminalText.escape("c\u{1B}[31m.yml"))"))
    }
}
