import Foundation
import ParallaxTestSupport
import Testing

/// An input `parallax segment` must refuse with exit status 2 and a one-line message.
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable {
        /// A file with these bytes and this mode.
        case file([UInt8], mode: Int = 0o644)
        /// A path that does not exist.
        case missing
        /// A folder.
        case directory
        /// `-`, with these bytes on standard input.
        case stdin([UInt8])
    }

    let testDescription: String
    var fileName = "input.txt"
    let kind: Kind
    /// Words the message must contain.
    let problem: [String]
    /// Run as an unprivileged user when the tests run as root (file permissions matter).
    var unprivileged = false

    static let all: [BadInput] = [
        BadInput(testDescription: "empty file", kind: .file([]), problem: ["is empty"]),
        BadInput(testDescription: "only white space", kind: .file(Array(" \n\t\r\n  \n".utf8)), problem: ["no text"]),
        BadInput(testDescription: "NUL bytes", kind: .file(Array("Some text.\u{0}More text.\n".utf8)), problem: ["NUL"]),
        BadInput(
            testDescription: "UTF-16 without a byte order mark", kind: .file(utf16LE("A sentence of text.\n")),
            problem: ["NUL", "UTF-16"]),
        BadInput(
            testDescription: "UTF-16LE with a lone surrogate (cannot be decoded)",
            kind: .file([0xFF, 0xFE] + utf16LE("Hi.") + [0x00, 0xD8] + utf16LE(" More.")),
            problem: ["cannot be decoded as UTF-16LE", "byte 8"]),
        BadInput(
            testDescription: "UTF-16BE cut off in mid-character (cannot be decoded)",
            kind: .file([0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69, 0x00]),
            problem: ["cannot be decoded", "UTF-16BE"]),
        // ICU 72's only confident guess for these bytes is IBM420 (EBCDIC Arabic), which cannot
        // decode them: the message must say the encoding was a guess.
        BadInput(
            testDescription: "legacy text no detected encoding can decode",
            kind: .file([0x4D, 0x97, 0xDC, 0x52, 0xB8, 0x28, 0xB0, 0x2B, 0xAF, 0x5C, 0x98, 0xDC, 0x0A]),
            problem: ["is not UTF-8", "cannot be decoded as", "the encoding it seems to be in", "convert it to UTF-8"]),
        BadInput(testDescription: "missing file", kind: .missing, problem: ["no such file"]),
        BadInput(testDescription: "a directory", kind: .directory, problem: ["is a directory"]),
        BadInput(
            testDescription: "unreadable file (mode 000)", kind: .file(Array("Secret. Text.\n".utf8), mode: 0),
            problem: ["cannot be read", "permission denied"], unprivileged: true),
        // "First line is fine.\n" is 20 bytes, "The café is " 13 bytes and 12 characters.
        BadInput(
            testDescription: "invalid UTF-8 in the middle of a UTF-8 file",
            kind: .file(Array("First line is fine.\nThe café is ".utf8) + [0xFF] + Array(" closed.\nThird “line”.\n".utf8)),
            problem: ["not valid UTF-8", "0xFF", "line 2, column 13", "byte 33"]),
        BadInput(
            testDescription: "invalid UTF-8 before the first valid multi-byte character",
            kind: .file(Array("The talks were ".utf8) + [0xC3] + Array(" useful.\nThe café and “quotes”, naïve.\n".utf8)),
            problem: ["not valid UTF-8", "0xC3", "line 1, column 16", "byte 15"]),
        BadInput(
            testDescription: "invalid UTF-8 after a UTF-8 byte order mark",
            kind: .file([0xEF, 0xBB, 0xBF] + Array("Fine.\n".utf8) + [0xFE] + Array(" bad.\n".utf8)),
            problem: ["not valid UTF-8", "line 2, column 1", "byte 9"]),
        BadInput(testDescription: "mostly binary, no NUL bytes", kind: .file(noise(count: 4096, seed: 7)), problem: ["binary"]),
        BadInput(
            testDescription: "mostly control characters",
            kind: .file((0..<2000).map { UInt8(1 + $0 % 8) } + Array("text".utf8)), problem: ["binary"]),
        BadInput(testDescription: "empty standard input", fileName: "-", kind: .stdin([]), problem: ["is empty"]),
        BadInput(
            testDescription: "binary standard input", fileName: "-", kind: .stdin([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]),
            problem: ["NUL"]),
        BadInput(
            testDescription: "ANSI escape and line feed in the file name", fileName: "bad\u{1B}[31mname\n.txt",
            kind: .file([]), problem: ["is empty"]),
    ]

    static func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    /// Deterministic pseudo-random bytes from 1 to 255 (an xorshift generator).
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(1 + state % 255)
        }
    }
}

@Suite("Bad input")
struct BadInputTests {
    @Test("Refused with exit status 2 and a one-line message", arguments: BadInput.all)
    func refused(_ input: BadInput) throws {
        let scratch = try Scratch()
        var path = scratch.path(input.fileName)
        var stdin: [UInt8]? = nil
        switch input.kind {
        case .file(let bytes, let mode):
            path = try scratch.file(input.fileName, bytes, mode: mode)
        case .missing:
            break
        case .directory:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .stdin(let bytes):
            path = "-"
            stdin = bytes
        }
        let result = try ParallaxCommand.run(["segment", path], stdin: stdin, unprivileged: input.unprivileged)
        let shown =
            path == "-"
            ? "<stdin>"
            : path.replacingOccurrences(of: "\u{1B}", with: "\\u{1B}")
                .replacingOccurrences(of: "\n", with: "\\u{A}")
        ParallaxCommand.expectInputError(result, file: shown, problem: input.problem)
    }

    @Test("Both formats refuse bad input the same way", arguments: ["text", "json"])
    func formats(_ format: String) throws {
        let scratch = try Scratch()
        let path = try scratch.file("nul.txt", Array("a\u{0}b".utf8))
        let result = try ParallaxCommand.run(["segment", path, "--format", format])
        ParallaxCommand.expectInputError(result, file: path, problem: ["NUL"])
    }

    @Test("The unprivileged run reads a world-readable file (so \"permission denied\" above means something)")
    func unprivilegedRunWorks() throws {
        // Guards the permission case above: if the unprivileged run could not read even a
        // world-readable file, "permission denied" would prove nothing.
        let scratch = try Scratch()
        let path = try scratch.file("open.txt", "Readable text. Two sentences.\n")
        let result = try ParallaxCommand.run(["segment", path], unprivileged: true)
        ParallaxCommand.expectSuccess(result)
        #expect(result.stdout.contains("2 sentences"))
    }
}

/// Standard output that cannot be written (a full disk, a closed pipe) ends the program with one
/// line and a clean status, never a crash (issue 15, item 3).
@Suite("Output failures")
struct OutputFailureTests {
    /// Runs the binary through `sh` with its standard output sent where `redirect` says.
    static func run(_ arguments: [String], redirect: String) throws -> (status: Int32, stderr: String) {
        let quoted = try commandLine(arguments)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(quoted) \(redirect)"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "A full disk: exit 2, one line naming the problem, no backtrace",
        arguments: [
            ["compare", TestPaths.june2021ChinaDaily, TestPaths.june2021Readout, "--no-config"],
            ["compare", TestPaths.june2021ChinaDaily, TestPaths.june2021Readout, "--no-config", "--format", "json"],
            ["segment", TestPaths.june2021ChinaDaily],
            ["check", TestPaths.june2021ChinaDaily, TestPaths.june2021Readout],
            ["check", TestPaths.june2021ChinaDaily, TestPaths.june2021Readout, "--format", "sarif"],
            ["review", "--accept-all"],
        ])
    func full(_ arguments: [String]) throws {
        let scratch = try Scratch()
        let result = try Self.run(Self.complete(arguments, scratch), redirect: "> /dev/full")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == "parallax: cannot write to standard output: No space left on device\n", "\(result.stderr)")
    }

    /// The binary and `arguments`, quoted for `sh`.
    static func commandLine(_ arguments: [String]) throws -> String {
        let binary = try #require(ParallaxCommand.binary)
        return ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    /// `review --accept-all` writes a baseline: a scratch one, for the June 2021 pair.
    static func complete(_ arguments: [String], _ scratch: Scratch) -> [String] {
        guard arguments.first == "review" else { return arguments }
        return arguments + [
            "--no-config", "--baseline", scratch.path("baseline.json"), TestPaths.june2021ChinaDaily, TestPaths.june2021Readout,
        ]
    }

    @Test(
        "A closed pipe with SIGPIPE ignored: exit 141, nothing on standard error",
        arguments: [
            ["compare", TestPaths.june2021ChinaDaily, TestPaths.june2021Readout, "--no-config", "--format", "json"],
            ["segment", TestPaths.june2021ChinaDaily],
            ["check", TestPaths.june2021ChinaDaily, TestPaths.june2021Readout],
            ["review", "--accept-all"],
        ])
    func closedPipe(_ arguments: [String]) throws {
        let scratch = try Scratch()
        let command = try Self.commandLine(Self.complete(arguments, scratch))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The status of parallax inside the pipeline goes to standard error after it ends; the
        // reader, `true`, has exited before parallax writes its report.
        process.arguments = ["-c", "trap '' PIPE; { \(command); echo \"status $?\" >&2; } | true"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: data, as: UTF8.self)
        #expect(stderr == "status 141\n", "\(stderr)")
    }
}
