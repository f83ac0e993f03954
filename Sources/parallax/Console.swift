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
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Writes every byte of `buffer` to a file descriptor, as ``writeAll(_:_:)-([UInt8])`` does.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
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

    /// Says on standard error which inputs were not UTF-8 and what encoding they were read in:
    /// a wrong guess turns the text into mojibake without any other sign.
    static func noteGuessedEncodings(_ sources: [SourceText]) {
        for source in sources where source.encodingGuessed {
            let name = source.path == "-" ? "<stdin>" : source.path
            let advice = "convert it to UTF-8 if its text looks wrong"
            error("warning: \(name) is not UTF-8; read as \(source.encoding), the encoding it seems to be in (\(advice))")
        }
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
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes to standard output, as ``write(_:)-(String)`` does.
    static func write(_ bytes: UnsafeRawBufferPointer) {
        if let code = writeAll(1, bytes) { outputFailed(code) }
    }

    /// A write to a file descriptor failed, with this `errno`.
    struct WriteFailure: Error {
        let code: Int32
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

    /// Writes `text` to `path` atomically: a temporary file beside it (a name no other run
    /// uses, removed on failure), flushed to disk, then renamed over it; an existing file keeps
    /// its permission bits. Refuses to write over a file the run reads: one of `inputs` (`-`
    /// standing for standard input's file, when that is a file), the `configuration` or the
    /// `baseline` in use, found by device and inode, whatever name or link they were given by.
    static func writeFile(_ text: String, to path: String, inputs: [String], configuration: String? = nil, baseline: String? = nil) throws {
        try writeFile(to: path, inputs: inputs, configuration: configuration, baseline: baseline) { write in
            var text = text
            try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes to `path` what `produce` hands its writer, piece by piece, as
    /// ``writeFile(_:to:inputs:configuration:baseline:)`` writes a text (a large report need
    /// not be made whole first). An error `produce` throws leaves no file behind.
    static func writeFile(
        to path: String, inputs: [String], configuration: String? = nil, baseline: String? = nil,
        _ produce: (_ write: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var info = stat()
        let exists = stat(target.path, &info) == 0
        if exists {
            var read = inputs.map { ($0, "is one of the inputs") }
            if let configuration { read.append((configuration, "is the configuration in use")) }
            if let baseline { read.append((baseline, "is the baseline in use")) }
            for (other, what) in read where isSameFile(other, info) {
                throw InputError(path: path, problem: "\(what)\(other == "-" ? " (standard input)" : ""); refusing to write over it")
            }
        }
        // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: renaming a
        // temporary file over it would replace it.
        if exists {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw InputError(path: path, problem: "is a directory; give a file to write") }
            if kind != S_IFREG {
                let fd = open(target.path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw InputError(path: path, problem: "cannot be written (\(String(cString: strerror(errno))))") }
                defer { close(fd) }
                do {
                    try produce { if let code = writeAll(fd, $0) { throw WriteFailure(code: code) } }
                } catch let failure as WriteFailure {
                    throw InputError(path: path, problem: "cannot be written (\(String(cString: strerror(failure.code))))")
                }
                return
            }
        }
        let (fd, temporary) = try createTemporary(beside: target, path: path)
        func fail(_ code: Int32) -> InputError {
            unlink(temporary)
            return InputError(path: path, problem: "cannot be written (\(String(cString: strerror(code))))")
        }
        // The permission bits of the file replaced (a new file gets 0666 less the umask, from open).
        if exists && fchmod(fd, info.st_mode & 0o7777) != 0 && errno != EPERM {
            let code = errno
            close(fd)
            throw fail(code)
        }
        do {
            try produce { if let code = writeAll(fd, $0) { throw WriteFailure(code: code) } }
        } catch let failure as WriteFailure {
            close(fd)
            throw fail(failure.code)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw fail(code)
        }
        if close(fd) != 0 { throw fail(errno) }
        if rename(temporary, target.path) != 0 { throw fail(errno) }
    }

    /// Whether `path` (`-`: standard input) is the file `info` describes.
    static func isSameFile(_ path: String, _ info: stat) -> Bool {
        var other = stat()
        let found = path == "-" ? fstat(0, &other) == 0 && other.st_mode & S_IFMT == S_IFREG : stat(path, &other) == 0
        return found && other.st_dev == info.st_dev && other.st_ino == info.st_ino
    }

    /// Creates `.NAME.PID.RANDOM.tmp` beside `target`, exclusively: a leftover of a killed run
    /// is never in the way, and two runs never share one.
    private static func createTemporary(beside target: URL, path: String) throws -> (Int32, String) {
        let directory = target.deletingLastPathComponent().path
        for _ in 0..<100 {
            let name = ".\(target.lastPathComponent).\(getpid()).\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp"
            let temporary = (directory as NSString).appendingPathComponent(name)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw InputError(path: path, problem: "cannot be written (\(String(cString: strerror(errno))))") }
        }
        throw InputError(path: path, problem: "cannot be written (no free temporary name beside it)")
    }

    /// Runs `body` holding an exclusive advisory lock (`flock`) on the folder of `path`, so that
    /// two runs that read, change and write the file there (the baseline) take turns instead of
    /// one losing the other's changes. The folder, not a lock file: nothing is left behind, and
    /// nothing can be removed while another run waits on it.
    static func withLock<T>(beside path: String, _ body: () throws -> T) throws -> T {
        let directory = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw InputError(path: directory, problem: "cannot be opened to lock \(path) (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw InputError(path: directory, problem: "cannot be locked to update \(path) (\(String(cString: strerror(errno))))")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
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
