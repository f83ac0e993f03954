import Foundation
import ParallaxKit
import SystemPackage

// The state the signal handlers need, set before they are installed and only read by them:
// plain globals, since a signal handler can capture nothing.
/// The terminal's modes before raw mode. On the heap: a global `termios` is laid out smaller
/// than the C library's `tcgetattr` writes (57 against 60 bytes on Linux), which only
/// AddressSanitizer notices, by aborting.
nonisolated(unsafe) private let savedModes: UnsafeMutablePointer<termios> = {
    let p = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    p.initialize(to: termios())
    return p
}()
/// 1 while the terminal is in raw mode on the alternate screen.
nonisolated(unsafe) private var terminalTaken: sig_atomic_t = 0
/// Set by SIGWINCH; the input loop redraws.
nonisolated(unsafe) private var resized: sig_atomic_t = 0
/// The handlers that were in place before ours, by signal number, to chain to.
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
/// What puts the screen back: reset attributes, show the cursor, leave the alternate screen.
private let restoreSequence: [UInt8] = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)
nonisolated(unsafe) private let restoreBytes: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: restoreSequence.count)
    p.initialize(from: restoreSequence, count: restoreSequence.count)
    return p
}()
private let restoreCount = restoreSequence.count

/// Puts the terminal back as it was: async-signal-safe (only `write` and `tcsetattr`, called
/// directly: nothing that could allocate), and does nothing when the terminal is not taken, so
/// every exit path may call it.
private func restoreTerminalNow() {
    guard terminalTaken == 1 else { return }
    terminalTaken = 0
    _ = write(STDOUT_FILENO, restoreBytes, restoreCount)
    _ = tcsetattr(STDIN_FILENO, TCSANOW, savedModes)
}

/// For SIGINT, SIGTERM, SIGHUP, SIGQUIT and the crash signals: restore the terminal, then let
/// the signal do what it did before (the default action, or the Swift runtime's backtracer).
private let fatalSignalHandler: @convention(c) (Int32) -> Void = { signal in
    restoreTerminalNow()
    _ = sigaction(signal, previousActions + Int(signal), nil)
    _ = raise(signal)
}

private let resizeHandler: @convention(c) (Int32) -> Void = { _ in
    resized = 1
}

/// The terminal of `parallax review`: raw mode on the alternate screen, its size, keys read
/// from it, and screens drawn on it. Whatever way the process ends (return, `exit`, Ctrl-C,
/// SIGTERM, a crash), the terminal is given back as it was found.
public final class Terminal {
    /// Whether standard input and standard output are both terminals.
    public static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    private var decoder = KeyDecoder()
    private var lastDrawn: [String] = []

    /// Takes the terminal: saves its modes, switches to raw mode (no echo, no line editing, no
    /// signals from keys: Ctrl-C arrives as a key) and to the alternate screen, installs the
    /// handlers that give it back.
    public init() throws {
        guard tcgetattr(STDIN_FILENO, savedModes) == 0 else {
            throw InputError(
                path: "<stdin>", problem: "is not a terminal whose modes can be read (\(InputError.reason(Errno(rawValue: errno))))")
        }
        var raw = savedModes.pointee
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        for signal in Self.handledSignals { install(fatalSignalHandler, for: signal, keepingPrevious: true) }
        install(resizeHandler, for: SIGWINCH, keepingPrevious: false)
        // A process can start with signals blocked (the mask is inherited: a parent thread run
        // by libdispatch blocks nearly all); then neither Ctrl-C from outside nor a resize
        // would reach the handlers.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in Self.handledSignals + [SIGWINCH] { sigaddset(&unblock, signal) }
        _ = sigprocmask(SIG_UNBLOCK, &unblock, nil)
        atexit { restoreTerminalNow() }
        // TCSANOW, not TCSAFLUSH: keys typed while the comparison ran are kept.
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else {
            throw InputError(path: "<stdin>", problem: "cannot be put in raw mode (\(InputError.reason(Errno(rawValue: errno))))")
        }
        terminalTaken = 1
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
    }

    /// Gives the terminal back (also done at exit and on signals).
    public func restore() {
        restoreTerminalNow()
    }

    private func install(_ handler: @convention(c) (Int32) -> Void, for signal: Int32, keepingPrevious: Bool) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a resize interrupts the wait for a key, which then redraws.
        action.sa_flags = 0
        _ = sigaction(signal, &action, keepingPrevious ? previousActions + Int(signal) : nil)
    }

    /// Columns and rows (`ioctl(TIOCGWINSZ)`), else 80×24.
    public var size: (columns: Int, rows: Int) {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        return (80, 24)
    }

    public enum Input {
        case keys([ReviewKey])
        case resize
        /// Standard input closed (the terminal went away).
        case closed
    }

    /// Waits for keys or a resize. A lone ESC is Escape when nothing follows within 50 ms.
    public func read() -> Input {
        while true {
            if resized == 1 {
                resized = 0
                return .resize
            }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, decoder.hasPending ? 50 : -1)
            if ready < 0 {
                if Errno(rawValue: errno) == .interrupted { continue }
                return .closed
            }
            if ready == 0 {
                let keys = decoder.flush()
                if !keys.isEmpty { return .keys(keys) }
                continue
            }
            var buffer = [UInt8](repeating: 0, count: 1024)
            let count: Int
            do {
                // Not retried on EINTR here: the loop goes round and sees a resize first.
                count = try buffer.withUnsafeMutableBytes { try FileDescriptor.standardInput.read(into: $0, retryOnInterrupt: false) }
            } catch Errno.interrupted, Errno.resourceTemporarilyUnavailable {
                continue
            } catch {
                return .closed
            }
            if count == 0 { return .closed }
            let keys = decoder.feed(buffer[0..<count])
            if !keys.isEmpty { return .keys(keys) }
        }
    }

    /// Draws a screen: only the lines that changed since the last draw (all of them after
    /// ``invalidate()``), then the cursor.
    public func draw(_ screen: ReviewScreen) {
        var out = ""
        for (row, line) in screen.lines.enumerated() where row >= lastDrawn.count || lastDrawn[row] != line {
            out += "\u{1B}[\(row + 1);1H" + line + "\u{1B}[0m\u{1B}[K"
        }
        if lastDrawn.count > screen.lines.count {
            out += "\u{1B}[\(screen.lines.count + 1);1H\u{1B}[J"
        }
        if let cursor = screen.cursor {
            out += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h"
        } else {
            out += "\u{1B}[?25l"
        }
        lastDrawn = screen.lines
        write(out)
    }

    /// Forgets what is on the screen, so the next draw clears it and draws every line.
    public func invalidate() {
        lastDrawn = []
        write("\u{1B}[H\u{1B}[2J")
    }

    /// Writes to the terminal; a terminal that went away loses the screen, and the next read
    /// says it is closed.
    private func write(_ text: String) {
        _ = try? FileDescriptor.standardOutput.writeAll(text.utf8)
    }
}

// MARK: - The review on a terminal

extension ReviewSession {
    /// Runs the session on `terminal`: draws it, feeds it the keys read, draws it again after a
    /// resize or Ctrl-L, until a key ends it (save, discard, interrupt) or the terminal goes away
    /// (nobody confirmed anything: discard). The terminal stays taken; the caller restores it.
    public mutating func run(on terminal: Terminal, color: Bool) -> Outcome {
        while true {
            let size = terminal.size
            terminal.draw(ReviewScreen.render(self, width: size.columns, height: size.rows, color: color))
            switch terminal.read() {
            case .resize:
                terminal.invalidate()
            case .closed:
                return .discard
            case .keys(let keys):
                for key in keys {
                    switch handle(key) {
                    case .stay: continue
                    case .redraw: terminal.invalidate()
                    case let done: return done
                    }
                }
            }
        }
    }
}
