import ArgumentParser
import Foundation
import ParallaxKit
import SystemPackage

/// Standard output and standard error, and atomic file output.
enum Console {
    /// Writes one line to standard error, prefixed with the program name; untrusted text in it
    /// is escaped.
    static func error(_ message: String) {
        let line = "parallax: " + TerminalText.escape(message) + "\n"
        // Nothing more can be said when standard error itself fails.
        _ = writeAll(.standardError, Array(line.utf8))
    }

    /// Writes a note for the person (what was written where) to standard error, prefixed with
    /// the program name; untrusted text in it is escaped.
    static func note(_ message: String) {
        error(message)
    }

    /// Writes every byte to a file descriptor (swift-system's `writeAll`, which retries on
    /// EINTR and short writes); the error of a failure, or nil.
    static func writeAll(_ descriptor: FileDescriptor, _ bytes: [UInt8]) -> Errno? {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// Writes every byte of `buffer` to a file descriptor, as ``writeAll(_:_:)-([UInt8])`` does.
    static func writeAll(_ descriptor: FileDescriptor, _ buffer: UnsafeRawBufferPointer) -> Errno? {
        do {
            try descriptor.writeAll(buffer)
            return nil
        } catch {
            return error as? Errno ?? .ioError
        }
    }

    /// Standard output failed: a closed pipe ends the program quietly with the status a
    /// SIGPIPE gives (141), as `| head` expects; anything else (a full disk, a closed descriptor)
    /// is one line on standard error and status 2, never a crash.
    static func outputFailed(_ code: Errno) -> Never {
        if code == .brokenPipe { exit(141) }
        error("cannot write to standard output: \(InputError.reason(code))")
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
        _ = writeAll(.standardError, Array(text.utf8))
    }

    /// Writes to standard output; a failure ends the program (``outputFailed(_:)``).
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes to standard output, as ``write(_:)-(String)`` does.
    static func write(_ bytes: UnsafeRawBufferPointer) {
        if let code = writeAll(.standardOutput, bytes) { outputFailed(code) }
    }

    /// A write to a file descriptor failed: apart from an error of what produced the bytes.
    struct WriteFailure: Error {
        let code: Errno
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
        /// Hands `produce` a writer to `descriptor`; a failed write is a `WriteFailure`.
        func writeProduced(to descriptor: FileDescriptor) throws {
            try produce { if let code = writeAll(descriptor, $0) { throw WriteFailure(code: code) } }
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let info = try? FilePath(target.path).stat()
        if let info {
            var read = inputs.map { ($0, "is one of the inputs") }
            if let configuration { read.append((configuration, "is the configuration in use")) }
            if let baseline { read.append((baseline, "is the baseline in use")) }
            for (other, what) in read where isSameFile(other, info) {
                throw InputError(path: path, problem: "\(what)\(other == "-" ? " (standard input)" : ""); refusing to write over it")
            }
            // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: renaming a
            // temporary file over it would replace it.
            if info.type == .directory { throw InputError(path: path, problem: "is a directory; give a file to write") }
            if info.type != .regular {
                let descriptor: FileDescriptor
                do {
                    descriptor = try FileDescriptor.open(FilePath(target.path), .writeOnly, options: [.closeOnExec])
                } catch {
                    throw InputError(path: path, problem: "cannot be written (\(InputError.reason(error)))")
                }
                defer { try? descriptor.close() }
                do {
                    try writeProduced(to: descriptor)
                } catch let failure as WriteFailure {
                    throw InputError(path: path, problem: "cannot be written (\(InputError.reason(failure.code)))")
                }
                return
            }
        }
        let (descriptor, temporary) = try createTemporary(beside: target, path: path)
        func fail(_ error: any Error) -> InputError {
            unlink(temporary)
            return InputError(path: path, problem: "cannot be written (\(InputError.reason(error)))")
        }
        do {
            // The permission bits of the file replaced (a new file gets 0666 less the umask, from open).
            // swift-system has no fchmod, fsync or rename: those are called directly.
            if let info, fchmod(descriptor.rawValue, info.mode.rawValue & 0o7777) != 0 && errno != EPERM { throw Errno(rawValue: errno) }
            try writeProduced(to: descriptor)
            if fsync(descriptor.rawValue) != 0 { throw Errno(rawValue: errno) }
        } catch let failure as WriteFailure {
            try? descriptor.close()
            throw fail(failure.code)
        } catch let code as Errno {
            try? descriptor.close()
            throw fail(code)
        } catch {
            // What made the bytes failed: no file is left, and its error goes on as it is.
            try? descriptor.close()
            unlink(temporary)
            throw error
        }
        do {
            try descriptor.close()
        } catch {
            throw fail(error)
        }
        if rename(temporary, target.path) != 0 { throw fail(Errno(rawValue: errno)) }
    }

    /// Whether `path` (`-`: standard input, when it is a file) is the file `info` describes.
    static func isSameFile(_ path: String, _ info: Stat) -> Bool {
        let other: Stat?
        if path == "-" {
            other = (try? FileDescriptor.standardInput.stat()).flatMap { $0.type == .regular ? $0 : nil }
        } else {
            other = try? FilePath(path).stat()
        }
        guard let other else { return false }
        return other.deviceID == info.deviceID && other.inode == info.inode
    }

    /// Creates `.NAME.PID.RANDOM.tmp` beside `target`, exclusively: a leftover of a killed run
    /// is never in the way, and two runs never share one.
    private static func createTemporary(beside target: URL, path: String) throws -> (FileDescriptor, String) {
        let directory = target.deletingLastPathComponent().path
        for _ in 0..<100 {
            let name = ".\(target.lastPathComponent).\(getpid()).\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp"
            let temporary = (directory as NSString).appendingPathComponent(name)
            do {
                let descriptor = try FileDescriptor.open(
                    FilePath(temporary), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                    permissions: FilePermissions(rawValue: 0o666))
                return (descriptor, temporary)
            } catch Errno.fileExists {
                continue
            } catch {
                throw InputError(path: path, problem: "cannot be written (\(InputError.reason(error)))")
            }
        }
        throw InputError(path: path, problem: "cannot be written (no free temporary name beside it)")
    }

    /// Runs `body` holding an exclusive advisory lock (`flock`) on the folder of `path`, so that
    /// two runs that read, change and write the file there (the baseline) take turns instead of
    /// one losing the other's changes. The folder, not a lock file: nothing is left behind, and
    /// nothing can be removed while another run waits on it.
    static func withLock<T>(beside path: String, _ body: () throws -> T) throws -> T {
        let directory = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(directory), .readOnly, options: [.directory, .closeOnExec])
        } catch {
            throw InputError(path: directory, problem: "cannot be opened to lock \(path) (\(InputError.reason(error)))")
        }
        defer { try? descriptor.close() }
        // swift-system has no flock: called directly, again when a signal interrupts the wait.
        while flock(descriptor.rawValue, LOCK_EX) != 0 {
            let code = Errno(rawValue: errno)
            if code == .interrupted { continue }
            throw InputError(path: directory, problem: "cannot be locked to update \(path) (\(InputError.reason(code)))")
        }
        defer { flock(descriptor.rawValue, LOCK_UN) }
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
