import Foundation
import ParallaxTestSupport
import Testing

/// `parallax compare` output formats, colour and `-o`.
@Suite("Compare formats")
struct CompareFormatTests {
    static let pair = [TestPaths.june2021ChinaDaily, TestPaths.june2021Readout]

    static func hasEscape(_ result: CommandResult) -> Bool { result.stdoutBytes.contains(0x1B) }

    @Test("--format markdown: a summary table, then findings")
    func markdown() throws {
        let result = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "markdown"])
        ParallaxCommand.expectSuccess(result)
        ParallaxCommand.expectNoRawControls(result)
        #expect(result.stdout.hasPrefix("### Parallax: china-daily.txt ↔ official-readout.txt"))
        #expect(result.stdout.contains("| Coverage A→B |"))
        // Fixtures/parallax.yml's baseline accepts every finding: they are listed apart.
        #expect(result.stdout.contains("#### Accepted in the baseline ("))
        let open = try ParallaxCommand.run(["compare", "--no-config", "--format", "markdown"] + Self.pair)
        #expect(open.stdout.contains("#### Findings"))
        #expect(!open.stdout.contains("#### Accepted in the baseline"))
    }

    @Test("--format html: one self-contained page")
    func html() throws {
        let result = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "html"])
        ParallaxCommand.expectSuccess(result)
        ParallaxCommand.expectNoRawControls(result)
        let page = result.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("data-groups=\"g1"))
        #expect(!page.contains("src=\""), "nothing fetched")
        #expect(!page.contains("http://") && !page.contains("https://"))
    }

    @Test("--format terminal (the default) to a pipe: no colour, $COLUMNS width")
    func terminal() throws {
        let wide = try ParallaxCommand.run(["compare"] + Self.pair, environment: ["COLUMNS": "160"])
        ParallaxCommand.expectSuccess(wide)
        ParallaxCommand.expectNoRawControls(wide)
        #expect(wide.stdout.hasPrefix("Same event"))
        #expect(wide.stdout.contains(" │ "), "side by side at 160 columns")
        let narrow = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "terminal"], environment: ["COLUMNS": "80"])
        #expect(!narrow.stdout.contains(" │ "), "one above the other at 80 columns")
        for line in narrow.stdout.split(separator: "\n") { #expect(line.count <= 80) }
    }

    /// Runs parallax under `script(1)`, so that its standard output is a terminal.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:], unsetting: [String] = []) throws -> String {
        let binary = try #require(ParallaxCommand.binary)
        let command = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["PARALLAX_PAGER"] = "cat"  // no pager unless a test asks for one
        env = env.merging(environment) { _, new in new }
        for name in unsetting { env[name] = nil }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "Colour on a terminal; none with NO_COLOR or --no-color",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func color() throws {
        let colored = try Self.runOnTerminal(["compare"] + Self.pair)
        #expect(colored.contains("\u{1B}[1m"), "colour on a terminal")
        let noColorEnv = try Self.runOnTerminal(["compare"] + Self.pair, environment: ["NO_COLOR": "1"])
        #expect(!noColorEnv.contains("\u{1B}"), "NO_COLOR=1")
        #expect(noColorEnv.contains("Same event"))
        let emptyNoColor = try Self.runOnTerminal(["compare"] + Self.pair, environment: ["NO_COLOR": ""])
        #expect(emptyNoColor.contains("\u{1B}[1m"), "an empty NO_COLOR does not count")
        let flag = try Self.runOnTerminal(["compare"] + Self.pair + ["--no-color"])
        #expect(!flag.contains("\u{1B}"), "--no-color")
    }

    @Test("NO_COLOR and --no-color to a pipe: no escape sequences")
    func noColorPipe() throws {
        let env = try ParallaxCommand.run(["compare"] + Self.pair, environment: ["NO_COLOR": "1"])
        ParallaxCommand.expectSuccess(env)
        #expect(!Self.hasEscape(env))
        let flag = try ParallaxCommand.run(["compare"] + Self.pair + ["--no-color"])
        ParallaxCommand.expectSuccess(flag)
        #expect(!Self.hasEscape(flag))
    }

    @Test(
        "-o writes the report to the file, atomically, nothing to standard output, and says so on standard error (not with --quiet)",
        arguments: ["terminal", "json", "markdown", "html"])
    func output(format: String) throws {
        let scratch = try Scratch()
        let target = scratch.path("report.out")
        let result = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", format, "-o", target])
        #expect(result.status == 0)
        #expect(result.stdoutBytes.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(
            result.stderr.hasPrefix("parallax: wrote the \(format) report (") && result.stderr.contains(" findings) to \(target)"),
            "\(result.stderr)")
        let quiet = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", format, "-o", target, "--quiet"])
        ParallaxCommand.expectSuccess(quiet)
        #expect(quiet.stdoutBytes.isEmpty)
        let written = try Data(contentsOf: URL(fileURLWithPath: target))
        let direct = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", format], environment: ["COLUMNS": "100"])
        #expect(written == Data(direct.stdoutBytes))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("-o refuses to write over an input (exit 2), which stays as it was", arguments: [0, 1])
    func refusesInput(which: Int) throws {
        let scratch = try Scratch()
        let a = try scratch.file("a.txt", try Data(contentsOf: URL(fileURLWithPath: Self.pair[0])).map { $0 })
        let b = try scratch.file("b.txt", try Data(contentsOf: URL(fileURLWithPath: Self.pair[1])).map { $0 })
        let before = try Data(contentsOf: URL(fileURLWithPath: which == 0 ? a : b))
        // Name the input another way (through "./"), so the check compares files, not strings.
        let target = scratch.folder.path + "/./" + (which == 0 ? "a.txt" : "b.txt")
        let result = try ParallaxCommand.run(["compare", a, b, "--format", "html", "-o", target])
        #expect(result.status == 2)
        #expect(result.stdoutBytes.isEmpty)
        #expect(result.stderr.contains("is one of the inputs"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: which == 0 ? a : b)) == before)
    }
}
