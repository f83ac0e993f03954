import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// `parallax check` from the real binary: exit statuses, the baseline, thresholds, config errors.
@Suite("parallax check")
struct CheckTests {
    /// A scratch copy of the June 2021 pair with a configuration; `readout` may be edited.
    static func project(readout: (String) -> String = { $0 }, config: String) throws -> Scratch {
        let scratch = try Scratch()
        let chinaDaily = try String(contentsOfFile: TestPaths.june2021ChinaDaily, encoding: .utf8)
        let official = try String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8)
        try scratch.file("a.txt", chinaDaily)
        try scratch.file("b.txt", readout(official))
        let glossary = """
            glossary:
              - [CPC, CCP, Communist Party of China, Chinese Communist Party]
              - [US, United States]
            """
        try scratch.file(
            "parallax.yml", "pairs:\n  - name: june\n    a: a.txt\n    b: b.txt\nbaseline: baseline.json\n" + glossary + "\n" + config)
        return scratch
    }

    @discardableResult
    static func check(_ scratch: Scratch, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> CommandResult
    {
        try ParallaxCommand.run(["check"] + arguments, currentDirectory: scratch.folder, sourceLocation: sourceLocation)
    }

    @Test("Exit 1 when a finding at error level is open; 0 once the baseline accepts today's findings")
    func baselineMakesItPass() throws {
        let scratch = try Self.project(config: "failOn: error\n")
        let before = try Self.check(scratch)
        #expect(before.status == 1, "\(before.stdout)")
        #expect(before.stdout.contains("FAIL june"))
        #expect(before.stdout.contains("severity:"))
        let update = try Self.check(scratch, ["--update-baseline"])
        #expect(update.status == 0, "\(update.stderr)")
        let baseline = try Baseline.load(path: scratch.path("baseline.json"))
        #expect(!baseline.accepted.isEmpty)
        #expect(baseline.accepted == baseline.accepted.sorted { ($0.pair, $0.id) < ($1.pair, $1.id) })
        // Writing it again gives the same bytes.
        let first = try Data(contentsOf: URL(fileURLWithPath: scratch.path("baseline.json")))
        try Self.check(scratch, ["--update-baseline"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("baseline.json"))) == first)
        let after = try Self.check(scratch)
        #expect(after.status == 0, "\(after.stdout)")
        #expect(after.stdout.contains("PASS june"))
    }

    @Test("Editing one number in a copy of the readout fails with exactly that finding")
    func editedNumber() throws {
        let scratch = try Self.project(config: "failOn: error\n")
        try Self.check(scratch, ["--update-baseline"])
        // The readout's first congratulation, where the China Daily story keeps a trace of the
        // number ("the th anniversary"; its digits were stripped).
        let official = try String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8)
        let target = "congratulations on the 100th anniversary of the founding of the Chinese Communist Party"
        #expect(official.contains(target))
        try scratch.file(
            "b.txt",
            official.replacingOccurrences(
                of: target, with: "congratulations on the 101st anniversary of the founding of the Chinese Communist Party"))
        let result = try Self.check(scratch, ["--format", "json", "--output", scratch.path("report.json")])
        #expect(result.status == 1, "\(result.stdout)")
        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path("report.json"))))
        let baseline = try Baseline.load(path: scratch.path("baseline.json"))
        let open = verdict.pairs[0].report.findings.filter { !baseline.ids(for: "june").contains($0.id) && $0.severity == .error }
        #expect(open.map(\.id) == verdict.pairs[0].violations.first { $0.rule == "severity" }?.findings)
        #expect(verdict.verdict == "fail" && verdict.exitStatus == 1 && verdict.pairs[0].counts.stale > 0)
        #expect(open.count == 1, "\(open.map(\.message))")
        #expect(open.first?.category == .number)
        #expect(open.first?.b?.text.contains("101st") == true)
        #expect(result.stdout.contains("1 finding at error or above: 1 number"))
        // The stale entry of the old number is reported for pruning.
        #expect(result.stdout.contains("stale baseline entr"))
    }

    @Test(
        "Each threshold fails on its own",
        arguments: [
            ("thresholds:\n  minCoverageA: 0.99\n", "minCoverageA"),
            ("thresholds:\n  minCoverageB: 0.99\n", "minCoverageB"),
            ("thresholds:\n  maxCount:\n    addition: 0\n", "maxCount.addition"),
            ("thresholds:\n  maxDrift: 0.1\n", "maxDrift"),
            ("failOn: info\n", "severity"),
        ])
    func thresholds(_ config: String, _ rule: String) throws {
        let scratch = try Self.project(config: "failOn: error\n")
        try Self.check(scratch, ["--update-baseline"])
        // With everything accepted, only the threshold under test can fail.
        try scratch.file("baseline.json", "{\"schemaVersion\": 1, \"accepted\": []}\n")
        let strict = try Self.project(config: config.hasPrefix("failOn") ? config : config + "failOn: error\n")
        try Self.check(strict, ["--update-baseline"])
        if rule == "severity" || rule == "maxCount.addition" || rule == "maxDrift" {
            // Open findings are needed: empty the baseline.
            try strict.file("baseline.json", "{\"schemaVersion\": 1, \"accepted\": []}\n")
        }
        let result = try Self.check(strict, rule == "severity" ? [] : ["--fail-on", "error"])
        #expect(result.status == 1, "\(result.stdout)")
        let rules = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") }.compactMap {
            $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces)
        }
        #expect(rules.contains(rule), "\(result.stdout)")
        if rule != "severity" {
            #expect(!rules.contains("severity") || rule == "maxCount.addition" || rule == "maxDrift", "\(result.stdout)")
        }
    }

    @Test("CI formats go to --output while standard output keeps the summary; accepted findings are SARIF suppressions")
    func ciFormats() throws {
        let scratch = try Self.project(config: "failOn: error\n")
        try Self.check(scratch, ["--update-baseline"])
        let sarif = try Self.check(scratch, ["--format", "sarif", "--output", scratch.path("out.sarif")])
        #expect(sarif.status == 0)
        #expect(sarif.stdout.hasPrefix("parallax check: 1 pair, 0 failed"))
        // Standard error says what was written where, in one line; --quiet leaves it out.
        #expect(sarif.stderrLines.count == 1, "\(sarif.stderr)")
        #expect(sarif.stderr.hasPrefix("parallax: wrote the sarif output ("), "\(sarif.stderr)")
        #expect(sarif.stderr.contains(" findings in 1 pair) to \(scratch.path("out.sarif"))"), "\(sarif.stderr)")
        let quiet = try Self.check(scratch, ["--format", "sarif", "--output", scratch.path("quiet.sarif"), "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("quiet.sarif"))).isEmpty == false)
        let log =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("out.sarif")))) as? [String: Any]
        let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { ($0["suppressions"] as? [Any])?.isEmpty == false })
        let junit = try ParallaxCommand.run(
            ["check", "--format", "junit", "--output", scratch.path("out.xml")],
            environment: ["SOURCE_DATE_EPOCH": "1624838400"], currentDirectory: scratch.folder)
        #expect(junit.status == 0)
        let xml = try String(contentsOfFile: scratch.path("out.xml"), encoding: .utf8)
        #expect(xml.contains("timestamp=\"2021-06-28T00:00:00\""))
        // With an empty baseline the GitHub annotations carry the error findings.
        try scratch.file("baseline.json", "{\"schemaVersion\": 1, \"accepted\": []}\n")
        let github = try Self.check(scratch, ["--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.split(separator: "\n").contains { $0.hasPrefix("::error file=b.txt,") || $0.hasPrefix("::error file=a.txt") })
    }

    @Test("Two files on the command line are checked without a configuration's pairs")
    func filesGiven() throws {
        let scratch = try Scratch()
        let result = try ParallaxCommand.run(
            ["check", "--fail-on", "error", TestPaths.june2021ChinaDaily, TestPaths.june2021ChinaDaily], currentDirectory: scratch.folder)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("Usage and input errors exit 2")
    func trouble() throws {
        let scratch = try Scratch()
        let none = try ParallaxCommand.run(["check"], currentDirectory: scratch.folder)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no files") || none.stderr.contains("No files"))
        let one = try ParallaxCommand.run(["check", TestPaths.june2021ChinaDaily], currentDirectory: scratch.folder)
        #expect(one.status == 2)
        let missing = try ParallaxCommand.run(
            ["check", scratch.path("nope.txt"), TestPaths.june2021ChinaDaily], currentDirectory: scratch.folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.txt: no such file"))
        let badLevel = try ParallaxCommand.run(["check", "--fail-on", "fatal"], currentDirectory: scratch.folder)
        #expect(badLevel.status == 2)
    }

    @Test(
        "Configuration errors name the file, the line and the key",
        arguments: [
            ("language: en\nunknownKey: 3\n", 2, "unknownKey", "unknown key"),
            ("thresholds:\n  minCoverageA: high\n", 2, "thresholds.minCoverageA", "expected a number from 0 to 1"),
            ("thresholds:\n  maxDrift: 1.5\n", 2, "thresholds.maxDrift", "expected a number from 0 to 1"),
            ("thresholds:\n  maxCount:\n    additions: 3\n", 3, "thresholds.maxCount.additions", "unknown finding category"),
            ("severity:\n  omission: fatal\n", 2, "severity.omission", "expected error, warning or info"),
            ("glossary:\n  - [CPC]\n", 2, "glossary[0]", "at least two variants"),
            ("pairs:\n  - a: x.txt\n", 2, "pairs[0]", "needs both a and b"),
            ("pairs: yes\n", 1, "pairs", "expected a list"),
            ("failOn: sometimes\n", 1, "failOn", "expected error, warning or info"),
            ("language: [en\n", 2, nil, "is not valid YAML"),
        ] as [(String, Int, String?, String)])
    func configErrors(_ yaml: String, _ line: Int, _ key: String?, _ problem: String) throws {
        let scratch = try Scratch()
        let path = try scratch.file("parallax.yml", yaml)
        let result = try ParallaxCommand.run(
            ["check", "--config", path, TestPaths.june2021ChinaDaily, TestPaths.june2021Readout], currentDirectory: scratch.folder)
        #expect(result.status == 2)
        let message = result.stderr
        #expect(message.contains("\(path):\(line)"), "\(message)")
        if let key { #expect(message.contains(key), "\(message)") }
        #expect(message.contains(problem), "\(message)")
        #expect(result.stderrLines.count == 1, "\(message)")
    }

    @Test("A baseline that is not one is an input error")
    func badBaseline() throws {
        let scratch = try Scratch()
        let baseline = try scratch.file("baseline.json", "[1, 2]")
        let result = try ParallaxCommand.run(
            ["check", "--baseline", baseline, TestPaths.june2021ChinaDaily, TestPaths.june2021Readout], currentDirectory: scratch.folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("baseline.json: is not a Parallax baseline"))
    }
}

@Suite("Output files")
struct OutputFileTests {
    @Test("-o onto a device writes to it and leaves it a device (no rename over /dev/null)")
    func device() throws {
        let result = try ParallaxCommand.run([
            "compare", "--no-config", "--format", "json", "-o", "/dev/null", TestPaths.june2021ChinaDaily, TestPaths.june2021Readout,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("-o onto a directory is an input error")
    func directory() throws {
        let scratch = try Scratch()
        let result = try ParallaxCommand.run([
            "compare", "--no-config", "-o", scratch.folder.path, TestPaths.june2021ChinaDaily, TestPaths.june2021Readout,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a directory"))
    }
}

@Suite("Exit status 3")
struct InternalErrorTests {
    @Test("An internal error exits 3 with a one-line message", arguments: [["check", "a.txt", "b.txt"], ["compare", "a.txt", "b.txt"]])
    func internalError(_ arguments: [String]) throws {
        let result = try ParallaxCommand.run(arguments, environment: ["PARALLAX_FAULT": "internal"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("parallax: internal error:"))
        #expect(result.stderrLines.count == 1)
    }
}
