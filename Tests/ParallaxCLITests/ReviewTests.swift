import Foundation
import ParallaxKit
import ParallaxReview
import ParallaxTestSupport
import Testing

/// `parallax review` from the real binary: on a pseudo-terminal (keys in, screens out, the
/// terminal's modes checked before and after), without one, and non-interactively.
@Suite("parallax review")
struct ReviewTests {
    /// A scratch copy of the June 2021 pair, with a configuration naming the pair `june` and an
    /// empty baseline `baseline.json`.
    static func project() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.file("a.txt", try String(contentsOfFile: TestPaths.june2021ChinaDaily, encoding: .utf8))
        try scratch.file("b.txt", try String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8))
        try scratch.file(
            "parallax.yml",
            """
            pairs:
              - name: june
                a: a.txt
                b: b.txt
            baseline: baseline.json
            glossary:
              - [CPC, CCP, Communist Party of China, Chinese Communist Party]
              - [US, United States]
            failOn: error

            """)
        return scratch
    }

    /// The June report as `check` sees it, and the findings in review order.
    static func report(_ scratch: Scratch) throws -> (Report, [Finding]) {
        let run = try ParallaxCommand.run(
            ["check", "--format", "json", "--output", scratch.path("report.json")], currentDirectory: scratch.folder)
        #expect(!run.signaled)
        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path("report.json"))))
        let report = try #require(verdict.pairs.first?.report)
        let session = ReviewSession(report: report, pair: "june")
        return (report, session.order.map { report.findings[$0] })
    }

    static let restoreSequence = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    // MARK: - On a terminal

    @Test(
        "Accept two, reject one with a note, quit: the baseline holds the two, the log the note, check accepts them, the terminal is restored"
    )
    func acceptTwoRejectOne() throws {
        let scratch = try Self.project()
        let terminal = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        let before = terminal.modes()
        #expect(terminal.waitFor("[1/"), "the first finding: \(terminal.text)")
        #expect(terminal.text.contains("\u{1B}[?1049h"), "the alternate screen")
        terminal.send("a")
        #expect(terminal.waitFor("[2/"))
        terminal.send("a")
        #expect(terminal.waitFor("[3/"))
        terminal.send("r")
        #expect(terminal.waitFor("Note (optional)"))
        terminal.send("the aligner paired the wrong sentences\r")
        #expect(terminal.waitFor("1 rejected"))
        terminal.send("q")
        let exited = terminal.waitForExit()
        #expect(exited)
        #expect(terminal.process.terminationReason == .exit)
        #expect(terminal.process.terminationStatus == 0, "\(terminal.text)")
        #expect(terminal.text.contains("saved 2 accepted and 1 rejected"))
        Self.expectRestored(terminal, before: before)

        let (_, ordered) = try Self.report(scratch)
        let baseline = try Baseline.load(path: scratch.path("baseline.json"))
        #expect(baseline.accepted.map(\.id).sorted() == ordered.prefix(2).map(\.id).sorted())
        #expect(baseline.accepted.allSatisfy { $0.pair == "june" })
        let log = try ReviewLog.load(path: scratch.path("baseline.json.review.log"))
        let rejections = log.filter { $0.decision == .rejected }
        #expect(rejections.map(\.id) == [ordered[2].id])
        #expect(rejections.first?.note == "the aligner paired the wrong sentences")

        // check no longer counts the two.
        let check = try ParallaxCommand.run(["check"], currentDirectory: scratch.folder)
        #expect(check.stdout.contains("2 accepted by the baseline"), "\(check.stdout)")
        let (report, _) = try Self.report(scratch)
        let gate = Gate().evaluate(report, pair: "june", baseline: baseline)
        #expect(Set(gate.accepted.map(\.id)) == Set(ordered.prefix(2).map(\.id)))
        #expect(!gate.open.contains { $0.id == ordered[0].id || $0.id == ordered[1].id })

        // Reopened, review continues with the fourth finding.
        let again = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        #expect(again.waitFor("[4/"), "\(again.text)")
        again.send("Q")
        #expect(again.waitForExit())
        #expect(again.process.terminationStatus == 0)
        Self.expectRestored(again, before: before)
    }

    @Test("SIGINT restores the terminal and saves nothing")
    func sigint() throws {
        let scratch = try Self.project()
        let terminal = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        let before = terminal.modes()
        #expect(terminal.waitFor("[1/"))
        terminal.send("a")
        #expect(terminal.waitFor("[2/"))
        kill(terminal.process.processIdentifier, SIGINT)
        guard terminal.waitForExit(timeout: 10) else {
            Issue.record("still running after SIGINT")
            return
        }
        #expect(terminal.process.terminationReason == .uncaughtSignal)
        #expect(terminal.process.terminationStatus == SIGINT)
        Self.expectRestored(terminal, before: before)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("baseline.json")))
    }

    @Test("Ctrl-C typed: exit 130, terminal restored, nothing saved; SIGTERM restores too")
    func controlC() throws {
        let scratch = try Self.project()
        let terminal = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        let before = terminal.modes()
        #expect(terminal.waitFor("[1/"))
        terminal.send("a\u{3}")
        #expect(terminal.waitForExit())
        #expect(terminal.process.terminationStatus == 130)
        Self.expectRestored(terminal, before: before)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("baseline.json")))

        let term = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        #expect(term.waitFor("[1/"))
        kill(term.process.processIdentifier, SIGTERM)
        guard term.waitForExit(timeout: 10) else {
            Issue.record("still running after SIGTERM")
            return
        }
        #expect(term.process.terminationReason == .uncaughtSignal)
        Self.expectRestored(term, before: before)
    }

    @Test("A resize redraws: side by side once the terminal is wide; NO_COLOR draws no colour")
    func resize() throws {
        let scratch = try Self.project()
        let terminal = try PseudoTerminal(
            ["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder, environment: ["NO_COLOR": "1"])
        #expect(terminal.waitFor("[1/"))
        terminal.send("jj")
        #expect(terminal.waitFor("[3/"))
        #expect(!terminal.text.contains(" │ "))
        let mark = terminal.output.count
        terminal.resize(columns: 160, rows: 30)
        #expect(terminal.waitFor(" │ ", after: mark), "side by side after SIGWINCH")
        terminal.send("q")
        #expect(terminal.waitForExit())
        let sgr = terminal.text.components(separatedBy: "\u{1B}[").dropFirst().filter {
            $0.first?.isNumber == true && $0.drop { $0.isNumber || $0 == ";" }.first == "m"
        }
        #expect(sgr.allSatisfy { $0.hasPrefix("0m") }, "only resets under NO_COLOR: \(Set(sgr.map { $0.prefix(6) }))")
    }

    @Test("A asks first, saying how many findings and errors it covers; n cancels, y accepts them all")
    func acceptAllAsks() throws {
        let scratch = try Self.project()
        let (_, ordered) = try Self.report(scratch)
        let errors = ordered.filter { $0.severity == .error }.count
        let terminal = try PseudoTerminal(
            ["review", "a.txt", "b.txt"], columns: 120, rows: 30, directory: scratch.folder, environment: ["NO_COLOR": "1"])
        #expect(terminal.waitFor("[1/"))
        terminal.send("A")
        let ask = "Accept \(ordered.count) findings (this one and every later one still open), \(errors) of them error"
        #expect(terminal.waitFor(ask), "\(terminal.text.suffix(600))")
        let mark = terminal.output.count
        terminal.send("n")
        #expect(terminal.waitFor("Nothing accepted.", after: mark))
        terminal.send("A")
        #expect(terminal.waitFor(ask, after: mark))
        terminal.send("y")
        #expect(terminal.waitFor("All \(ordered.count) findings are accepted or rejected", after: mark))
        terminal.send("q")
        #expect(terminal.waitForExit())
        #expect(terminal.process.terminationStatus == 0)
        let baseline = try Baseline.load(path: scratch.path("baseline.json"))
        #expect(Set(baseline.accepted.map(\.id)) == Set(ordered.map(\.id)))
        #expect(baseline.accepted.allSatisfy { $0.message != nil }, "entries keep their message")
    }

    @Test("Reopening resumes where the last review stopped (the first open finding from there), even with nothing decided")
    func resumesWhereStopped() throws {
        let scratch = try Self.project()
        let first = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        #expect(first.waitFor("[1/"))
        first.send("jjjjjj")
        #expect(first.waitFor("[7/"))
        first.send("q")
        #expect(first.waitForExit())
        #expect(first.text.contains("nothing changed"))
        let again = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        #expect(again.waitFor("[7/"), "\(again.text.suffix(400))")
        #expect(!again.text.contains("[1/"))
        again.send("a")
        #expect(again.waitFor("[8/"))
        again.send("q")
        #expect(again.waitForExit())
        let third = try PseudoTerminal(["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder)
        #expect(third.waitFor("[8/"), "\(third.text.suffix(400))")
        third.send("Q")
        #expect(third.waitForExit())
    }

    @Test("A search scrolls the words it found into view")
    func searchScrolls() throws {
        let scratch = try Self.project()
        let (report, _) = try Self.report(scratch)
        let found = try #require(ReviewSearchCase.find(in: report, pair: "june", width: 80, height: 24))
        let terminal = try PseudoTerminal(
            ["review", "a.txt", "b.txt"], columns: 80, rows: 24, directory: scratch.folder, environment: ["NO_COLOR": "1"])
        #expect(terminal.waitFor("[1/"))
        let mark = terminal.output.count
        terminal.send("/" + found.word + "\r")
        #expect(terminal.waitFor("[\(found.position + 1)/", after: mark))
        let drawn = String(decoding: terminal.output[mark...], as: UTF8.self).lowercased()
        #expect(drawn.contains(found.word) || terminal.waitFor(found.word, after: mark), "'\(found.word)' drawn after the search")
        terminal.send("Q")
        #expect(terminal.waitForExit())
    }

    static func expectRestored(_ terminal: PseudoTerminal, before: termios, sourceLocation: SourceLocation = #_sourceLocation) {
        let after = terminal.modes()
        #expect(after.c_lflag == before.c_lflag, "local modes (ICANON, ECHO, ISIG)", sourceLocation: sourceLocation)
        #expect(after.c_iflag == before.c_iflag, "input modes", sourceLocation: sourceLocation)
        #expect(after.c_oflag == before.c_oflag, "output modes", sourceLocation: sourceLocation)
        #expect(after.c_cflag == before.c_cflag, "control modes", sourceLocation: sourceLocation)
        #expect(terminal.text.contains(restoreSequence), "left the alternate screen and showed the cursor", sourceLocation: sourceLocation)
        let text = terminal.text
        if let last = text.range(of: "\u{1B}[?1049l", options: .backwards) {
            #expect(!text[last.upperBound...].contains("\u{1B}[?1049h"), "nothing drawn after leaving", sourceLocation: sourceLocation)
        } else {
            Issue.record("never left the alternate screen", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Without a terminal

    @Test("Not a terminal: exit 2 and the commands to run instead")
    func notATerminal() throws {
        let scratch = try Self.project()
        let result = try ParallaxCommand.run(["review", "a.txt", "b.txt"], stdin: Array("a\n".utf8), currentDirectory: scratch.folder)
        #expect(result.status == 2)
        #expect(result.stdoutBytes.isEmpty)
        for command in [
            "parallax compare a.txt b.txt", "parallax check a.txt b.txt", "parallax review --accept-all a.txt b.txt", "--accept CATEGORY",
        ] {
            #expect(result.stderr.contains(command), "\(result.stderr)")
        }
        ParallaxCommand.expectNoRawControls(result)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("baseline.json")))
    }

    @Test("No baseline anywhere: exit 2 asking for --baseline")
    func noBaseline() throws {
        let scratch = try Self.project()
        let result = try ParallaxCommand.run(["review", "--accept-all", "--no-config", "a.txt", "b.txt"], currentDirectory: scratch.folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--baseline"), "\(result.stderr)")
    }

    @Test("--accept-all writes every finding to the baseline; check then passes")
    func acceptAll() throws {
        let scratch = try Self.project()
        let result = try ParallaxCommand.run(["review", "--accept-all", "a.txt", "b.txt"], currentDirectory: scratch.folder)
        ParallaxCommand.expectSuccess(result)
        let (report, _) = try Self.report(scratch)
        let baseline = try Baseline.load(path: scratch.path("baseline.json"))
        #expect(Set(baseline.accepted.map(\.id)) == Set(report.findings.map(\.id)))
        let check = try ParallaxCommand.run(["check"], currentDirectory: scratch.folder)
        #expect(check.status == 0, "\(check.stdout)")
        // Again: nothing new, same bytes.
        let first = try Data(contentsOf: URL(fileURLWithPath: scratch.path("baseline.json")))
        let again = try ParallaxCommand.run(["review", "--accept-all", "a.txt", "b.txt"], currentDirectory: scratch.folder)
        #expect(again.stdout.contains("accepted 0 findings"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("baseline.json"))) == first)
    }

    @Test("--accept CATEGORY (repeatable) accepts those categories only; an unknown one is a usage error")
    func acceptCategory() throws {
        let scratch = try Self.project()
        let result = try ParallaxCommand.run(
            ["review", "--accept", "number", "--accept", "terminology", "a.txt", "b.txt", "--baseline", "chosen.json"],
            currentDirectory: scratch.folder)
        ParallaxCommand.expectSuccess(result)
        let (report, _) = try Self.report(scratch)
        let baseline = try Baseline.load(path: scratch.path("chosen.json"))
        let expected = report.findings.filter { $0.category == .number || $0.category == .terminology }
        #expect(!expected.isEmpty)
        #expect(Set(baseline.accepted.map(\.id)) == Set(expected.map(\.id)))
        let bad = try ParallaxCommand.run(["review", "--accept", "numbers", "a.txt", "b.txt"], currentDirectory: scratch.folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown category"))
    }
}

// MARK: - A pseudo-terminal

/// `parallax` running on a pseudo-terminal of our own (`posix_openpt`): keys written to the
/// master side, everything drawn read back from it, the slave side's modes readable before and
/// after the run.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    let process = Process()
    private(set) var output: [UInt8] = []

    var text: String { String(decoding: output, as: UTF8.self) }

    init(_ arguments: [String], columns: Int, rows: Int, directory: URL, environment: [String: String] = [:]) throws {
        guard let binary = ParallaxCommand.binary else { throw TerminalError(message: "no parallax binary; run swift build") }
        // posix_openpt(3) and friends are not in Swift's Glibc module: open /dev/ptmx, unlock the
        // slave and ask its number with the Linux ioctls they use (TIOCSPTLCK, TIOCGPTN).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw TerminalError(message: "cannot open /dev/ptmx: \(String(cString: strerror(errno)))") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            close(master)
            throw TerminalError(message: "cannot unlock the pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            close(master)
            throw TerminalError(message: "cannot open /dev/pts/\(number)")
        }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        setSize(columns: columns, rows: rows)
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm-256color"
        process.environment = env.merging(environment) { _, new in new }
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        close(master)
        close(slave)
    }

    func modes() -> termios {
        var modes = termios()
        _ = tcgetattr(slave, &modes)
        return modes
    }

    private func setSize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// New size, and SIGWINCH (the process has no controlling terminal to get it from).
    func resize(columns: Int, rows: Int) {
        setSize(columns: columns, rows: rows)
        kill(process.processIdentifier, SIGWINCH)
    }

    /// Reads whatever the program wrote so far.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            output.append(contentsOf: buffer[0..<n])
        }
    }

    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the output after byte `after` contains `text`.
    func waitFor(_ text: String, after: Int = 0, timeout: TimeInterval = 120) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let needle = Array(text.utf8)
        while Date() < deadline {
            drain()
            if output.count >= after + needle.count, output[after...].firstRange(of: needle) != nil { return true }
            if !process.isRunning {
                drain()
                return output.count >= after + needle.count && output[after...].firstRange(of: needle) != nil
            }
            usleep(20_000)
        }
        return false
    }

    func waitForExit(timeout: TimeInterval = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            drain()
            usleep(20_000)
        }
        drain()
        return !process.isRunning
    }
}

struct TerminalError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
