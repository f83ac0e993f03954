import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// The CLI conventions of reading a report: the terminal layout's options, colour, the pager,
/// suggestions for mistyped names, one error prefix, completion.
@Suite("Reading the report (CLI)")
struct ReadingCLITests {
    static let pair = [TestPaths.june2021ChinaDaily, TestPaths.june2021Readout]
    static let config = TestPaths.root.appendingPathComponent("Fixtures/parallax.yml").path
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test("Under the fixtures' configuration the June pair has two errors: they come first, and each sentence pair is printed once")
    func twoErrorsFirst() throws {
        let result = try ParallaxCommand.run(["compare"] + Self.pair + ["--config", Self.config], environment: ["COLUMNS": "80"])
        ParallaxCommand.expectSuccess(result)
        let lines = TerminalReport.findingLines(result.stdout)
        #expect(lines.filter { $0.1 == .error }.count == 2)
        #expect(lines.prefix(2).allSatisfy { $0.1 == .error })
        let rules = TerminalReport.pairRules(result.stdout)
        #expect(Set(rules).count == rules.count && !rules.isEmpty)
        #expect(result.stdout.hasPrefix("Same event · \(lines.count) findings: 2 errors, "))
        // --sort document: the first error is no longer necessarily first, every finding still is listed.
        let byDocument = try ParallaxCommand.run(
            ["compare"] + Self.pair + ["--config", Self.config, "--sort", "document"], environment: ["COLUMNS": "80"])
        #expect(TerminalReport.findingLines(byDocument.stdout).count == lines.count)
        #expect(byDocument.stdout != result.stdout)
        // Filters.
        let errors = try ParallaxCommand.run(["compare"] + Self.pair + ["--config", Self.config, "--severity", "error"])
        #expect(TerminalReport.findingLines(errors.stdout).map(\.1) == [.error, .error])
        let two = try ParallaxCommand.run(
            ["compare"] + Self.pair + ["--config", Self.config, "--category", "addition", "--category", "omission,moved"])
        let listed = TerminalReport.findingLines(two.stdout).count
        #expect(listed > 0 && listed < lines.count)
        #expect(!two.stdout.contains("· drift ·"))
    }

    @Test("Filters belong to the terminal report; unknown categories get a suggestion")
    func filterErrors() throws {
        let json = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "json", "--severity", "error"])
        #expect(json.status == 2)
        #expect(json.stderr.contains("shape the terminal report"))
        let typo = try ParallaxCommand.run(["compare"] + Self.pair + ["--category", "omision"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'omission'?"), "\(typo.stderr)")
    }

    @Test("A mistyped subcommand is named with the closest one; one error prefix, never 'parallax: Error:'")
    func suggestions() throws {
        let typo = try ParallaxCommand.run(["comapre", "a", "b"])
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("parallax: unknown command 'comapre'; did you mean 'compare'?"), "\(typo.stderr)")
        let far = try ParallaxCommand.run(["frobnicate"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command 'frobnicate'") && !far.stderr.contains("did you mean"))
        let option = try ParallaxCommand.run(["compare", "--formta", "json"] + Self.pair)
        #expect(option.status == 2)
        #expect(option.stderr.contains("Did you mean '--format'?"))
        for run in [typo, option, try ParallaxCommand.run(["compare", Self.pair[0]])] {
            #expect(run.stderr.hasPrefix("parallax: "))
            #expect(!run.stderr.contains("Error:"), "one prefix: \(run.stderr)")
        }
    }

    @Test("Completion: file names for the accounts and the output, categories for --category and --accept")
    func completion() throws {
        let bash = try ParallaxCommand.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        let categories = FindingCategory.allCases.map { "'\($0.rawValue)'" }.joined(separator: "$'\\n'")
        #expect(bash.stdout.components(separatedBy: categories).count - 1 >= 2, "compare --category and review --accept")
        let zsh = try ParallaxCommand.run(["--generate-completion-script", "zsh"])
        #expect(zsh.stdout.contains(":a:_files") && zsh.stdout.contains(":b:_files"), "A and B complete file names")
    }

    @Test("--color always colours a pipe; --color never and NO_COLOR do not colour a terminal")
    func colorChoice() throws {
        let always = try ParallaxCommand.run(["compare"] + Self.pair + ["--color", "always"])
        #expect(always.stdout.contains("\u{1B}[1m"))
        let never = try ParallaxCommand.run(["compare"] + Self.pair + ["--color", "never"])
        #expect(!never.stdout.contains("\u{1B}"))
        let file = try Scratch()
        let written = try ParallaxCommand.run(["compare"] + Self.pair + ["--color", "always", "-o", file.path("r.txt"), "-q"])
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: file.path("r.txt"), encoding: .utf8).contains("\u{1B}[1m"))
        guard Self.hasScript else { return }
        let terminalNever = try CompareFormatTests.runOnTerminal(["compare"] + Self.pair + ["--color", "never"])
        #expect(!terminalNever.contains("\u{1B}["))
    }

    @Test(
        "On a terminal the report goes through $PARALLAX_PAGER (before $PAGER); never when piped or with --no-pager",
        .enabled(if: hasScript, "needs script(1) for a terminal"))
    func pager() throws {
        let scratch = try Scratch()
        let pager = try scratch.file("pager.sh", "#!/bin/sh\necho \"LESS=$LESS\"\nsed 's/^/PAGED: /'\n", mode: 0o755)
        let paged = try CompareFormatTests.runOnTerminal(
            ["compare"] + Self.pair, environment: ["PARALLAX_PAGER": pager, "PAGER": "false", "LESS": ""])
        #expect(paged.contains("PAGED: "))
        #expect(paged.contains("LESS=\r") || paged.contains("LESS=\n"), "a LESS that is set is kept")
        let defaults = try CompareFormatTests.runOnTerminal(
            ["compare"] + Self.pair, environment: ["PARALLAX_PAGER": pager], unsetting: ["LESS"])
        #expect(defaults.contains("LESS=FRX"), "LESS=FRX when LESS is not set")
        let viaPAGER = try CompareFormatTests.runOnTerminal(
            ["compare"] + Self.pair, environment: ["PAGER": pager], unsetting: ["PARALLAX_PAGER"])
        #expect(viaPAGER.contains("PAGED: "))
        let noPager = try CompareFormatTests.runOnTerminal(["compare"] + Self.pair + ["--no-pager"], environment: ["PARALLAX_PAGER": pager])
        #expect(!noPager.contains("PAGED: ") && noPager.contains("Same event"))
        let piped = try ParallaxCommand.run(["compare"] + Self.pair, environment: ["PARALLAX_PAGER": pager])
        #expect(!piped.stdout.contains("PAGED: ") && piped.stdout.hasPrefix("Same event"))
    }
}
