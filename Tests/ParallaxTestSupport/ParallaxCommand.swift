import Foundation
import Testing

/// What a run of the `parallax` binary produced.
public struct CommandResult: Sendable {
    /// The exit status, or the signal number when ``signaled`` is set.
    public var status: Int32
    /// Whether the process was killed by a signal (a crash or the test's time limit).
    public var signaled: Bool
    public var stdoutBytes: [UInt8]
    public var stderrBytes: [UInt8]

    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }

    /// The lines of standard error, without their line feeds.
    public var stderrLines: [Substring] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 }
    }
}

/// Runs the `parallax` executable that `swift build` / `swift test` built.
public enum ParallaxCommand {
    /// The user and group an unprivileged run uses when the tests run as root (`nobody`).
    public static let unprivilegedID = 65534

    /// Whether the tests run as root, where file permissions do not apply.
    public static var isRoot: Bool { geteuid() == 0 }

    /// The built binary. In order: `$PARALLAX_BINARY`; a `parallax` beside the running test
    /// bundle (the build products folder, found from the bundle or the executable path, walking
    /// up out of an `.xctest` bundle on macOS); `.build/debug/parallax` under the package root.
    public static let binary: URL? = {
        let fileManager = FileManager.default
        func executable(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: url.path)
        }
        if let override = ProcessInfo.processInfo.environment["PARALLAX_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var starts: [URL] = [Bundle.main.bundleURL]
        if let url = Bundle.main.executableURL { starts.append(url) }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            starts.append(URL(fileURLWithPath: first).standardizedFileURL)
        }
        starts.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        for start in starts {
            var folder = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("parallax")
                if executable(candidate) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        let fallback = TestPaths.root.appendingPathComponent(".build/debug/parallax")
        return executable(fallback) ? fallback : nil
    }()

    /// Runs `parallax` with `arguments` and waits for it.
    ///
    /// Standard output and standard error go to temporary files (no pipe can fill up and block
    /// a large output), standard input comes from `stdin` (or `/dev/null`).
    /// - Parameters:
    ///   - arguments: The command line after the program name.
    ///   - stdin: Bytes for standard input; `nil` for an empty, closed input.
    ///   - environment: Variables to set on top of the test process's environment.
    ///   - currentDirectory: The working folder; the test process's when `nil`.
    ///   - unprivileged: When running as root, run as `nobody` through `setpriv(1)` so that file
    ///     permissions apply. Everything the command reads must be readable by `nobody`.
    ///   - timeLimit: Seconds after which the process is killed and an issue recorded.
    /// - Throws: When the binary cannot be found or started (an issue is recorded too).
    @discardableResult
    public static func run(
        _ arguments: [String],
        stdin: [UInt8]? = nil,
        environment: [String: String] = [:],
        currentDirectory: URL? = nil,
        unprivileged: Bool = false,
        timeLimit: TimeInterval = 300,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        guard let binary else {
            let message =
                "The parallax binary was not found beside the test bundle or at .build/debug/parallax; run `swift build` (or set PARALLAX_BINARY)."
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            throw CommandError(message: message)
        }
        let process = Process()
        if unprivileged && isRoot {
            let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
            guard FileManager.default.isExecutableFile(atPath: setpriv.path) else {
                let message = "Running as root and /usr/bin/setpriv is missing: cannot run parallax as an unprivileged user."
                Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
                throw CommandError(message: message)
            }
            process.executableURL = setpriv
            process.arguments = ["--reuid=\(unprivilegedID)", "--regid=\(unprivilegedID)", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }

        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        let inURL = folder.appendingPathComponent("stdin")
        for url in [outURL, errURL] {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CommandError(message: "cannot create \(url.path)")
            }
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            try Data(stdin).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }

        try process.run()
        let deadline = Date().addingTimeInterval(timeLimit)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        if timedOut {
            Issue.record(
                "parallax \(arguments.joined(separator: " ")) ran longer than \(Int(timeLimit)) s and was killed",
                sourceLocation: sourceLocation)
        }
        return CommandResult(
            status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            stdoutBytes: try [UInt8](Data(contentsOf: outURL)),
            stderrBytes: try [UInt8](Data(contentsOf: errURL)))
    }

    /// Checks that a run failed the way DESIGN.md's CLI contract says an input error fails:
    /// exit status 2, nothing on standard output, and exactly one line on standard error,
    /// `parallax: FILE: problem`, with no raw control characters.
    /// - Parameters:
    ///   - file: The file as the message should name it (already escaped, if it needs escaping).
    ///   - problem: Words the problem must contain, e.g. `"is empty"`.
    public static func expectInputError(
        _ result: CommandResult, file: String, problem: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!result.signaled, "parallax crashed (signal \(result.status))", sourceLocation: sourceLocation)
        #expect(result.status == 2, "exit status; stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdoutBytes.isEmpty, "standard output should be empty: \(result.stdout)", sourceLocation: sourceLocation)
        let lines = result.stderrLines
        #expect(lines.count == 1, "standard error should be one line: \(lines)", sourceLocation: sourceLocation)
        let line = lines.first.map(String.init) ?? ""
        #expect(line.hasPrefix("parallax: \(file): "), "should name the file: \(line)", sourceLocation: sourceLocation)
        for words in problem {
            #expect(line.contains(words), "should say \"\(words)\": \(line)", sourceLocation: sourceLocation)
        }
        expectNoRawControls(result, sourceLocation: sourceLocation)
    }

    /// Checks that neither output stream holds a control character other than line feed (C0
    /// except LF, DEL, C1), i.e. nothing that can drive a terminal.
    public static func expectNoRawControls(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, text) in [("standard output", result.stdout), ("standard error", result.stderr)] {
            let raw = text.unicodeScalars.filter { scalar in
                let v = scalar.value
                return (v < 0x20 && v != 0x0A) || (v >= 0x7F && v < 0xA0)
            }
            #expect(
                raw.isEmpty, "\(name) holds raw control characters: \(raw.map { String($0.value, radix: 16) })",
                sourceLocation: sourceLocation)
        }
    }

    /// Checks that a run succeeded: exit status 0, nothing on standard error.
    public static func expectSuccess(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.signaled, "parallax crashed (signal \(result.status))", sourceLocation: sourceLocation)
        #expect(result.status == 0, "exit status; stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "standard error: \(result.stderr)", sourceLocation: sourceLocation)
    }
}

/// The binary could not be found or run.
public struct CommandError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
