import ArgumentParser
import Foundation
import ParallaxKit

/// Standard output and standard error, and atomic file output.
enum Console {
    /// Writes one line to standard error, prefixed with the program name; untrusted text in it
    /// is escaped.
    static func error(_ message: String) {
        let line = "parallax: " + TerminalText.escape(message) + "\n"
        // Nothing more can be said when standard error itself fails.
        _ = writeAll(2, Array(line.utf8))
    }

    /// Writes a note for the person (what was written where) to standard error, prefixed with
    /// the program name; untrusted text in it is escaped.
    static func note(_ message: String) {
        error(message)
    }

    /// Writes every byte to a file descriptor (retrying on EINTR and short writes); the
    /// `errno` of a failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// Standard output failed: a closed pipe ends the program quietly with the status a
    /// SIGPIPE gives (141), as `| head` expects; anything else (a full disk, a closed descriptor)
    /// is one line on standard error and status 2, never a crash.
    static func outputFailed(_ code: Int32) -> Never {
        if code == EPIPE { exit(141) }
        error("cannot write to standard output: \(String(cString: strerror(code)))")
        exit(2)
    }

    /// Writes argument-parser's message for a usage error: its first line prefixed with the
    /// program name, its usage lines kept as lines; every line escaped (an argument in it is
    /// untrusted text).
    static func usageError(_ message: String) {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escape(String($0)) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // One prefix: argument-parser's own "Error: " goes, "parallax: " says it.
        if let first = lines.first, first.hasPrefix("Error: ") { lines[0] = String(first.dropFirst("Error: ".count)) }
        let text = "parallax: " + lines.joined(separator: "\n") + "\n"
        _ = writeAll(2, Array(text.utf8))
    }

    /// Writes to standard output; a failure ends the program (``outputFailed(_:)``).
    static func write(_ text: String) {
        if let code = writeAll(1, Array(text.utf8)) { outputFailed(code) }
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(1) == 1 }

    /// The width used when the terminal's cannot be found.
    static let defaultWidth = 100

    /// Columns of the terminal on standard output (`ioctl(TIOCGWINSZ)`), else `$COLUMNS`, else
    /// ``defaultWidth``.
    static var terminalWidth: Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(columns), n > 0 { return n }
        return defaultWidth
    }

    /// Whether to colour output: only on a terminal, never with `NO_COLOR` set to anything
    /// non-empty (https://no-color.org), never with `--no-color` (`disabled`).
    static func colorEnabled(disabled: Bool) -> Bool {
        guard !disabled, isTerminal else { return false }
        return ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Writes `text` to `path` atomically: a temporary file beside it, then a rename. Refuses
    /// to write over one of `inputs`.
    static func writeFile(_ text: String, to path: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where input != "-" {
            if URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
                throw InputError(path: path, problem: "is one of the inputs; refusing to write over it")
            }
        }
        // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: renaming a
        // temporary file over it would replace it.
        var info = stat()
        if stat(target.path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw InputError(path: path, problem: "is a directory; give a file to write") }
            if kind != S_IFREG {
                guard let handle = FileHandle(forWritingAtPath: target.path) else {
                    throw InputError(path: path, problem: "cannot be written (\(String(cString: strerror(errno))))")
                }
                defer { try? handle.close() }
                do {
                    try handle.write(contentsOf: Data(text.utf8))
                } catch {
                    throw InputError(path: path, problem: "cannot be written (\(error.localizedDescription))")
                }
                return
            }
        }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw InputError(path: path, problem: "cannot be written (\(reason))")
            }
        } catch let error as InputError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(path: path, problem: "cannot be written (\(error.localizedDescription))")
        }
    }

    /// Reports in a format through the library's one entry point; a setting the output cannot
    /// be made with is a usage error (exit 2).
    static func rendered(_ reports: [Report], as format: ReportOutput.Format, context: ReportOutput.Context) throws -> String {
        do {
            return try ReportOutput.render(reports, as: format, context: context)
        } catch let problem as ReportOutput.Problem {
            throw ValidationError(problem.description)
        }
    }
}
