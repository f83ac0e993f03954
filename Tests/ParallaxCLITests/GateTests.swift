import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// The gate a team relies on, from the real binary: one baseline whatever the spelling of the
/// paths and the working folder, the verdict document, accepted and uncertain findings marked in
/// every format, paths a CI service resolves, the configuration named.
@Suite("The gate: pair identity, verdict, marks, CI paths")
struct GateTests {
    /// A scratch repository-like tree: `texts/a.txt` and `texts/b.txt` (the June 2021 pair; B may
    /// be edited) and `gate/parallax.yml` naming no pairs, with `gate/baseline.json`: explicit
    /// pairs, keyed by their paths.
    static func project(readout: (String) -> String = { $0 }, config: String = "") throws -> Scratch {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("texts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.path("gate"), withIntermediateDirectories: true)
        try scratch.file("texts/a.txt", String(contentsOfFile: TestPaths.june2021ChinaDaily, encoding: .utf8))
        try scratch.file("texts/b.txt", readout(String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8)))
        try scratch.file(
            "gate/parallax.yml",
            """
            baseline: baseline.json
            glossary:
              - [CPC, CCP, Communist Party of China, Chinese Communist Party]
            \(config)
            """)
        return scratch
    }

    static func run(
        _ arguments: [String], in folder: String, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        try ParallaxCommand.run(
            arguments, environment: environment, currentDirectory: URL(fileURLWithPath: folder), sourceLocation: sourceLocation)
    }

    static func verdict(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> Verdict {
        do {
            return try JSONDecoder().decode(Verdict.self, from: Data(result.stdoutBytes))
        } catch {
            Issue.record("not a verdict document (\(error)): \(result.stdout.prefix(300)) \(result.stderr)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Four spellings of the two files in `folder` as seen from `here`: relative, `./`-relative,
    /// absolute with a `..` in it, and through a symbolic link `link` to `folder`.
    static func spellings(_ names: [String], folder: String, here: String, link: String) -> [[String]] {
        let relative = FilePaths.relative(FilePaths.real(folder), to: FilePaths.real(here))
        let plain = names.map { relative == "." ? $0 : relative + "/" + $0 }
        let last = URL(fileURLWithPath: folder).lastPathComponent
        return [plain, plain.map { "./" + $0 }, names.map { folder + "/../" + last + "/" + $0 }, names.map { link + "/" + $0 }]
    }

    /// The outcome that must not depend on the spelling: verdict, exit status, key, accepted count.
    static func outcome(_ result: CommandResult) throws -> String {
        let verdict = try verdict(result)
        let pair = verdict.pairs.first
        return
            "\(verdict.verdict) exit \(result.status) key \(pair?.key ?? "-") accepted \(pair?.counts.accepted ?? -1) stale \(pair?.counts.stale ?? -1)"
    }

    @Test(
        "The fixtures' pair, from the repository root, Fixtures/ and the pair's folder, under four spellings: the verdict of `cd Fixtures && parallax check`"
    )
    func configuredPairSpellings() throws {
        let fixtures = TestPaths.fixtures.path
        let june = fixtures + "/2021-06-28-xi-putin-video-call"
        let reference = try Self.outcome(Self.run(["check", "--format", "json"], in: fixtures))
        #expect(reference.hasPrefix("pass exit 0 key june-2021 accepted "), "\(reference)")
        #expect(!reference.contains("accepted 0 "), "\(reference)")
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("june"), withDestinationPath: june)
        for here in [TestPaths.root.path, fixtures, june] {
            let config = FilePaths.relative(fixtures + "/parallax.yml", to: here)
            for files in Self.spellings(["china-daily.txt", "official-readout.txt"], folder: june, here: here, link: scratch.path("june")) {
                for extra in [
                    ["--config", config],
                    ["--baseline", FilePaths.relative(fixtures + "/parallax-baseline.json", to: here), "--config", config],
                ] {
                    let result = try Self.run(["check", "--format", "json"] + extra + files, in: here)
                    #expect(try Self.outcome(result) == reference, "from \(here): check \(files) \(extra)")
                }
            }
        }
    }

    @Test(
        "An explicit pair, keyed by its paths from the baseline's folder: three folders, four spellings, one verdict; --update-baseline under other spellings keeps one entry per finding"
    )
    func explicitPairSpellings() throws {
        let scratch = try Self.project()
        let root = scratch.folder.path
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: scratch.path("texts"))
        let update = try Self.run(["check", "--config", "gate/parallax.yml", "--update-baseline", "texts/a.txt", "texts/b.txt"], in: root)
        #expect(update.status == 0, "\(update.stdout)\(update.stderr)")
        #expect(update.stdout.contains("created gate/baseline.json"), "\(update.stdout)")
        let first = try Baseline.load(path: scratch.path("gate/baseline.json"))
        #expect(Set(first.accepted.map(\.pair)) == ["../texts/a.txt ↔ ../texts/b.txt"])
        // Again under two other spellings, from other folders: the same entries, not twice as many.
        _ = try Self.run(
            ["check", "--config", "parallax.yml", "--update-baseline", "../texts/a.txt", root + "/texts/b.txt"], in: root + "/gate")
        _ = try Self.run(
            ["check", "--config", "../gate/parallax.yml", "--update-baseline", "./a.txt", "../link/b.txt"], in: root + "/texts")
        let after = try Baseline.load(path: scratch.path("gate/baseline.json"))
        #expect(after == first)
        #expect(Set(after.accepted.map(\.id)).count == after.accepted.count)

        var outcomes: Set<String> = []
        for here in [root, root + "/gate", root + "/texts"] {
            let config = FilePaths.relative(scratch.path("gate/parallax.yml"), to: FilePaths.real(here))
            for files in Self.spellings(["a.txt", "b.txt"], folder: root + "/texts", here: here, link: scratch.path("link")) {
                outcomes.insert(try Self.outcome(Self.run(["check", "--format", "json", "--config", config] + files, in: here)))
            }
        }
        #expect(outcomes == ["pass exit 0 key ../texts/a.txt ↔ ../texts/b.txt accepted \(first.accepted.count) stale 0"], "\(outcomes)")
    }

    @Test("An old baseline (keyed by the paths as typed) still works, says nothing is missing, and is rewritten with the new keys")
    func oldKeys() throws {
        let scratch = try Self.project()
        let root = scratch.folder.path
        _ = try Self.run(["check", "--config", "gate/parallax.yml", "--update-baseline", "texts/a.txt", "texts/b.txt"], in: root)
        let current = try String(contentsOfFile: scratch.path("gate/baseline.json"), encoding: .utf8)
        let count = try Baseline.load(path: scratch.path("gate/baseline.json")).accepted.count
        // How 0.1.0 keyed it: the paths as typed in the repository root.
        try scratch.file(
            "gate/baseline.json", current.replacingOccurrences(of: "../texts/a.txt ↔ ../texts/b.txt", with: "texts/a.txt ↔ texts/b.txt"))
        let old = try Self.run(["check", "--config", "gate/parallax.yml", "texts/a.txt", "texts/b.txt"], in: root)
        #expect(old.status == 0, "\(old.stdout)")
        #expect(old.stdout.contains("\(count) accepted by the baseline"), "\(old.stdout)")
        #expect(!old.stdout.contains("no entry for this pair"), "\(old.stdout)")
        let compare = try Self.run(
            ["compare", "--config", "gate/parallax.yml", "--format", "json", "texts/a.txt", "texts/b.txt"], in: root)
        let report = try JSONDecoder().decode(Report.self, from: Data(compare.stdoutBytes))
        #expect(report.findings.allSatisfy { $0.accepted })
        _ = try Self.run(["check", "--config", "gate/parallax.yml", "--update-baseline", "texts/a.txt", "texts/b.txt"], in: root)
        #expect(try String(contentsOfFile: scratch.path("gate/baseline.json"), encoding: .utf8) == current)
    }

    @Test(
        "A baseline with no entry for the pair says so; a missing configured baseline is a notice, created by --update-baseline; the configuration and baseline are named"
    )
    func configurationNamed() throws {
        let scratch = try Self.project()
        let root = scratch.folder.path
        let missing = try Self.run(["check", "--config", "gate/parallax.yml", "texts/a.txt", "texts/b.txt"], in: root)
        #expect(missing.status == 1)
        #expect(
            missing.stdout.contains("configuration: gate/parallax.yml; baseline: gate/baseline.json (does not exist)"), "\(missing.stdout)")
        #expect(
            missing.stdout.contains("notice: the baseline gate/baseline.json (named in gate/parallax.yml) does not exist"),
            "\(missing.stdout)")
        let json = try Self.verdict(
            Self.run(["check", "--format", "json", "--config", "gate/parallax.yml", "texts/a.txt", "texts/b.txt"], in: root))
        #expect(json.config == "gate/parallax.yml")
        #expect(json.baseline == Verdict.BaselineFile(path: "gate/baseline.json", exists: false, entries: 0))
        #expect(json.notes.count == 1)

        // Entries of another pair only.
        try scratch.file("texts/c.txt", String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8))
        _ = try Self.run(["check", "--config", "gate/parallax.yml", "--update-baseline", "texts/a.txt", "texts/c.txt"], in: root)
        let other = try Self.run(["check", "--config", "gate/parallax.yml", "texts/a.txt", "texts/b.txt"], in: root)
        #expect(
            other.stdout.contains("gate/baseline.json has no entry for this pair (key “../texts/a.txt ↔ ../texts/b.txt”)"),
            "\(other.stdout)")
        let compare = try Self.run(
            ["compare", "--config", "gate/parallax.yml", "--format", "json", "texts/a.txt", "texts/b.txt"], in: root)
        #expect(compare.stderr.contains("has no entry for this pair"), "\(compare.stderr)")
        let named = try Self.run(["check", "--config", "gate/parallax.yml", "texts/a.txt", "texts/c.txt"], in: root)
        #expect(
            named.stdout.contains(
                "configuration: gate/parallax.yml; baseline: gate/baseline.json (\(try Baseline.load(path: scratch.path("gate/baseline.json")).accepted.count) accepted findings)"
            ), "\(named.stdout)")
    }

    @Test("Languages: language: and --language accept the supported ones only, listing them; check has --language and --no-config")
    func languages() throws {
        let scratch = try Self.project(config: "language: xx\n")
        let root = scratch.folder.path
        let config = try Self.run(["check", "--config", "gate/parallax.yml", "texts/a.txt", "texts/b.txt"], in: root)
        #expect(config.status == 2)
        #expect(config.stderr.contains("gate/parallax.yml:"), "\(config.stderr)")
        #expect(config.stderr.contains("language: unsupported language 'xx' (supported: "), "\(config.stderr)")
        #expect(config.stderr.contains("en, "), "\(config.stderr)")
        for command in ["check", "compare"] {
            let option = try Self.run([command, "--no-config", "--language", "klingon", "texts/a.txt", "texts/b.txt"], in: root)
            #expect(option.status == 2, "\(option.stderr)")
            #expect(option.stderr.contains("unsupported language 'klingon'") && option.stderr.contains("en, "), "\(option.stderr)")
        }
        // The bad configuration is ignored with --no-config, and a supported language with a region is taken.
        let fine = try Self.run(
            ["check", "--no-config", "--language", "en-GB", "--format", "json", "../texts/a.txt", "../texts/b.txt"], in: root + "/gate")
        #expect(fine.status == 1, "\(fine.stderr)")
        #expect(try Self.verdict(fine).config == nil)
    }

    @Test("review --accept-all, then the check command it prints passes (and is the one the no-terminal message names)")
    func reviewThenCheck() throws {
        let scratch = try Self.project()
        let root = scratch.folder.path
        let review = try Self.run(
            ["review", "--accept-all", "--alignment", "ordered", "--config", "gate/parallax.yml", "./texts/a.txt", root + "/texts/b.txt"],
            in: root)
        #expect(review.status == 0, "\(review.stderr)")
        let line = review.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.hasPrefix("  parallax check "), "\(review.stdout)")
        let words = line.split(separator: " ").map(String.init).dropFirst()
        #expect(line.contains("--alignment ordered"), "\(line)")
        let noTerminal = try Self.run(
            ["review", "--alignment", "ordered", "--config", "gate/parallax.yml", "./texts/a.txt", root + "/texts/b.txt"], in: root)
        #expect(noTerminal.stderr.contains(line), "\(noTerminal.stderr)")
        let check = try Self.run(Array(words), in: root)
        #expect(check.status == 0, "\(check.stdout)")
        // And from another folder under other spellings.
        let elsewhere = try Self.run(
            ["check", "--alignment", "ordered", "--config", "parallax.yml", "../texts/a.txt", "../texts/b.txt"], in: root + "/gate")
        #expect(elsewhere.status == 0, "\(elsewhere.stdout)")
    }

    @Test("Accepted findings are marked in every format; GitHub output of an all-accepted run is one notice line")
    func acceptedMarked() throws {
        let scratch = try Self.project()
        let root = scratch.folder.path
        _ = try Self.run(["check", "--config", "gate/parallax.yml", "--update-baseline", "texts/a.txt", "texts/b.txt"], in: root)
        let count = try Baseline.load(path: scratch.path("gate/baseline.json")).accepted.count
        func compare(_ format: String) throws -> String {
            let result = try Self.run(
                ["compare", "--config", "gate/parallax.yml", "--format", format, "texts/a.txt", "texts/b.txt"], in: root,
                environment: ["SOURCE_DATE_EPOCH": "0"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(compare("json").utf8))
        #expect(report.findings.count == count)
        #expect(report.findings.allSatisfy { $0.accepted })
        #expect(try compare("json").components(separatedBy: "\"accepted\" : true").count - 1 == count)

        let markdown = try compare("markdown")
        #expect(markdown.contains("#### Accepted in the baseline (\(count))"), "\(markdown.prefix(2000))")
        #expect(markdown.components(separatedBy: ", accepted)").count - 1 == min(count, 100))
        #expect(!markdown.contains("#### Findings"))

        let sarif = try JSONSerialization.jsonObject(with: Data(compare("sarif").utf8)) as? [String: Any]
        let results = ((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.count == count)
        #expect(results.allSatisfy { (($0["suppressions"] as? [[String: Any]])?.first?["status"] as? String) == "accepted" })

        let junit = try compare("junit")
        #expect(junit.contains("<property name=\"accepted\" value=\"\(count)\"/>"))
        #expect(junit.components(separatedBy: "[accepted]").count - 1 == count)
        #expect(!junit.contains("<failure"))

        for github in [
            try compare("github"),
            try Self.run(["check", "--config", "gate/parallax.yml", "--format", "github", "texts/a.txt", "texts/b.txt"], in: root).stdout,
        ] {
            let lines = github.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "\(github)")
            #expect(
                lines[0].hasPrefix("::notice title=Parallax::") && lines[0].contains("all \(count) accepted by the baseline"), "\(github)")
        }
    }

    @Test("Uncertain findings say why in JSON, SARIF (suppressed for review), GitHub (a notice), JUnit and Markdown, and fail no check")
    func uncertainMarked() throws {
        let scratch = try Self.project()
        let root = scratch.folder.path
        func compare(_ format: String) throws -> String {
            try Self.run(
                ["compare", "--config", "gate/parallax.yml", "--format", format, "texts/a.txt", "texts/b.txt"], in: root,
                environment: ["SOURCE_DATE_EPOCH": "0"]
            ).stdout
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(compare("json").utf8))
        let uncertain = report.findings.filter { $0.uncertainReason != nil }
        #expect(!uncertain.isEmpty)
        // Exactly the findings with sentences on both sides in a group the aligner is unsure of.
        for finding in report.findings {
            let unsure = report.alignments.filter(\.uncertain)
            let onUnsure =
                (finding.a?.sentences.isEmpty == false && finding.b?.sentences.isEmpty == false)
                && unsure.contains {
                    !Set($0.a).isDisjoint(with: finding.a?.sentences ?? []) || !Set($0.b).isDisjoint(with: finding.b?.sentences ?? [])
                }
            #expect((finding.uncertainReason != nil) == onUnsure, "\(finding.message)")
        }
        #expect(uncertain.allSatisfy { $0.uncertainReason!.contains("order alone") || $0.uncertainReason!.contains("weak link") })

        let sarif = try JSONSerialization.jsonObject(with: Data(compare("sarif").utf8)) as? [String: Any]
        let results = ((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let marked = results.filter { ($0["properties"] as? [String: String])?["uncertain"] != nil }
        #expect(marked.count == uncertain.count)
        #expect(marked.allSatisfy { (($0["suppressions"] as? [[String: Any]])?.first?["status"] as? String) == "underReview" })

        let notices = try compare("github").split(separator: "\n").filter { $0.contains("(uncertain link)") }
        #expect(notices.count == uncertain.count)
        #expect(notices.allSatisfy { $0.hasPrefix("::notice ") })
        #expect(try compare("junit").components(separatedBy: "[uncertain: ").count - 1 == uncertain.count)
        #expect(try compare("markdown").contains("Uncertain link, for review: "))

        let check = try Self.verdict(
            Self.run(["check", "--format", "json", "--config", "gate/parallax.yml", "texts/a.txt", "texts/b.txt"], in: root))
        #expect(check.pairs[0].counts.uncertain == uncertain.count)
        #expect(check.pairs[0].violations.allSatisfy { !$0.findings.contains { id in uncertain.contains { $0.id == id } } })
    }

    @Test("check --format json validates against Tests/verdict.schema.json: a passing, a failing and a stale-baseline run")
    func verdictSchema() throws {
        let scratch = try Self.project(config: "thresholds:\n  maxCount:\n    addition: 0\n")
        let root = scratch.folder.path
        func verdict(_ name: String, expect status: Int32) throws -> Verdict {
            let result = try Self.run(
                [
                    "check", "--format", "json", "--output", scratch.path(name), "--config", "gate/parallax.yml", "texts/a.txt",
                    "texts/b.txt",
                ], in: root)
            #expect(result.status == status, "\(result.stdout)\(result.stderr)")
            return try JSONDecoder().decode(Verdict.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path(name))))
        }
        let failing = try verdict("failing.json", expect: 1)
        #expect(failing.verdict == "fail" && failing.exitStatus == 1)
        #expect(Set(failing.pairs[0].violations.map(\.rule)).isSuperset(of: ["severity", "maxCount.addition"]))
        let maxCount = failing.pairs[0].violations.first { $0.rule == "maxCount.addition" }
        #expect(maxCount?.figures["maximum"] == 0 && (maxCount?.figures["actual"] ?? 0) > 0)
        #expect(failing.pairs[0].severities["error"] == failing.pairs[0].violations.first { $0.rule == "severity" }?.findings.count)

        _ = try Self.run(["check", "--config", "gate/parallax.yml", "--update-baseline", "texts/a.txt", "texts/b.txt"], in: root)
        let passing = try verdict("passing.json", expect: 0)
        #expect(passing.verdict == "pass" && passing.exitStatus == 0 && passing.pairs[0].counts.open == 0)

        let official = try String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8)
        let target = "congratulations on the 100th anniversary"
        try scratch.file("texts/b.txt", official.replacingOccurrences(of: target, with: "congratulations on the 101st anniversary"))
        let stale = try verdict("stale.json", expect: 1)
        #expect(stale.pairs[0].counts.stale > 0)

        let validator = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            for path in sys.argv[2:]:
                errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(path))))
                for error in errors[:5]:
                    print(path, "/".join(map(str, error.absolute_path)), error.message[:300])
                if errors:
                    sys.exit(1)
            """
        let schema = TestPaths.root.appendingPathComponent("Tests/verdict.schema.json").path
        let python = try Self.process(
            "/usr/bin/env", ["python3", "-c", validator, schema] + ["passing.json", "failing.json", "stale.json"].map(scratch.path),
            in: root)
        #expect(python.status == 0, "\(python.output)")
        // The schema is not a rubber stamp: a verdict that contradicts its exit status fails it.
        let broken = try String(contentsOfFile: scratch.path("passing.json"), encoding: .utf8).replacingOccurrences(
            of: "\"exitStatus\" : 0", with: "\"exitStatus\" : 1")
        try scratch.file("broken.json", broken)
        #expect(try Self.process("/usr/bin/env", ["python3", "-c", validator, schema, scratch.path("broken.json")], in: root).status == 1)
    }

    @Test(
        "The README's workflow in a git repository with the configuration in Fixtures/: every annotation file= and SARIF location is a file git ls-files lists"
    )
    func gitWorkflow() throws {
        let scratch = try Scratch()
        let repo = scratch.path("repo")
        let june = "Fixtures/2021-06-28-xi-putin-video-call"
        try FileManager.default.createDirectory(atPath: repo + "/" + june, withIntermediateDirectories: true)
        for name in ["china-daily.txt", "official-readout.txt"] {
            try FileManager.default.copyItem(
                atPath: TestPaths.fixtures.path + "/2021-06-28-xi-putin-video-call/" + name, toPath: repo + "/" + june + "/" + name)
        }
        try FileManager.default.copyItem(atPath: TestPaths.fixture("parallax.yml"), toPath: repo + "/Fixtures/parallax.yml")
        // An empty baseline, so that there are findings to annotate.
        try Data("{\"schemaVersion\": 1, \"accepted\": []}\n".utf8).write(
            to: URL(fileURLWithPath: repo + "/Fixtures/parallax-baseline.json"))
        #expect(try Self.process("/usr/bin/env", ["git", "init", "-q"], in: repo).status == 0)
        #expect(try Self.process("/usr/bin/env", ["git", "add", "-A"], in: repo).status == 0)
        let listed = Set(try Self.process("/usr/bin/env", ["git", "ls-files"], in: repo).output.split(separator: "\n").map(String.init))
        #expect(listed.contains(june + "/official-readout.txt"))

        // The workflow's steps, from Fixtures/; and the same from the root and a folder below.
        let sarif = try Self.run(["check", "--format", "sarif", "--output", "parallax.sarif"], in: repo + "/Fixtures")
        #expect(sarif.status == 1, "\(sarif.stdout)\(sarif.stderr)")
        var annotations: [String] = []
        for (folder, arguments) in [
            ("Fixtures", []), ("", ["--config", "Fixtures/parallax.yml"]), (june, ["--config", "../parallax.yml"]),
        ] {
            let github = try Self.run(["check", "--format", "github"] + arguments, in: repo + "/" + folder)
            #expect(github.status == 1)
            annotations += github.stdout.split(separator: "\n").map(String.init)
        }
        let files = annotations.compactMap { line -> String? in
            guard let start = line.range(of: " file=") else { return nil }
            let value = line[start.upperBound...].prefix { $0 != "," && $0 != ":" }
            return String(value).replacingOccurrences(of: "%2C", with: ",").replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(
                of: "%25", with: "%")
        }
        #expect(files.count > 10, "\(annotations.prefix(3))")
        #expect(files.allSatisfy { listed.contains($0) }, "\(Set(files).subtracting(listed))")

        let log =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo + "/Fixtures/parallax.sarif")))
            as? [String: Any]
        let run = (log?["runs"] as? [[String: Any]])?.first ?? [:]
        let base = ((run["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] as? [String: Any])?["uri"] as? String
        #expect(base == "file://" + FilePaths.real(repo) + "/")
        var locations: [[String: Any]] = ((run["artifacts"] as? [[String: Any]]) ?? []).compactMap { $0["location"] as? [String: Any] }
        for result in (run["results"] as? [[String: Any]]) ?? [] {
            for key in ["locations", "relatedLocations"] {
                for location in (result[key] as? [[String: Any]]) ?? [] {
                    if let artifact = (location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any] {
                        locations.append(artifact)
                    }
                }
            }
        }
        #expect(locations.count > 10)
        #expect(
            locations.allSatisfy {
                $0["uriBaseId"] as? String == "SRCROOT" && listed.contains(($0["uri"] as? String ?? "").removingPercentEncoding ?? "")
            },
            "\(locations.prefix(2))")
    }

    /// Runs another program (python3, git) and collects its standard output and error.
    static func process(_ executable: String, _ arguments: [String], in folder: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-process-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }
}
