import Dispatch
import Foundation
import ParallaxKit
import SystemPackage

/// A progress line on standard error, redrawn in place: only when standard error is a terminal
/// and `--quiet` was not given, and only once the work has run `delay` seconds. The library
/// prints nothing; it reports its stages to a closure, and the command sets the line from it.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let delay: TimeInterval
    private var status = ""
    /// Characters of the line on the terminal now (0: none shown).
    private var shown = 0
    private var lastDraw = Date.distantPast
    private var timer: DispatchSourceTimer?

    /// A progress line, or nil when none is to be shown. `delay` is how long the work runs
    /// before the line appears (`PARALLAX_PROGRESS_DELAY`, in seconds, overrides it).
    init?(quiet: Bool, delay: TimeInterval) {
        guard !quiet, isatty(2) == 1 else { return nil }
        let override = ProcessInfo.processInfo.environment["PARALLAX_PROGRESS_DELAY"].flatMap(Double.init)
        self.delay = override ?? delay
        // Redrawn twice a second, so that the elapsed time moves while a stage runs long.
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(500))
        timer.setEventHandler { [weak self] in self?.draw(force: true) }
        timer.resume()
        self.timer = timer
    }

    /// Seconds since the work began.
    var elapsed: TimeInterval { Date().timeIntervalSince(start) }

    /// Sets what the line says; it is redrawn at most five times a second, or at once when
    /// `now` (a new step, which is shown even when it lasts less than the interval).
    func update(_ status: String, now: Bool = false) {
        lock.withLock { self.status = status }
        draw(force: now)
    }

    /// A command's progress through the steps of one comparison: reading the accounts (1),
    /// the comparison's stages (2, 3), writing the report (4); `prefix` says which pair.
    func step(_ step: Int, _ what: String, prefix: String = "") {
        update("\(prefix)\(what) (step \(step) of \(ComparisonStage.allCases.count + 2))", now: true)
    }

    /// The closure a ``Comparison`` reports its stages to.
    func stages(prefix: String = "") -> (ComparisonStage) -> Void {
        { [self] stage in step(stage.rawValue + 1, stage.description, prefix: prefix) }
    }

    /// Stops and clears the line (when it was shown).
    func finish() {
        timer?.cancel()
        lock.withLock {
            timer = nil
            if shown > 0 { _ = Console.writeAll(.standardError, Array(("\r" + String(repeating: " ", count: shown) + "\r").utf8)) }
            shown = 0
            status = ""
        }
    }

    /// Draws the line over the one before: a carriage return, the text, and spaces over what is
    /// left of a longer line. No escape sequence: nothing a terminal (or NO_COLOR) could object to.
    private func draw(force: Bool) {
        lock.withLock {
            let now = Date()
            guard !status.isEmpty, timer != nil, now.timeIntervalSince(start) >= delay,
                force || now.timeIntervalSince(lastDraw) >= 0.2
            else { return }
            lastDraw = now
            var text = TerminalText.escape("parallax: \(status) (\(Self.duration(now.timeIntervalSince(start))))")
            let width = Self.columns
            if text.count > width - 1 { text = String(text.prefix(width - 2)) + "…" }
            let length = text.count
            _ = Console.writeAll(.standardError, Array(("\r" + text + String(repeating: " ", count: max(0, shown - length))).utf8))
            shown = max(length, 1)
        }
    }

    /// Columns of the terminal on standard error.
    private static var columns: Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1 { return Int(size.ws_col) }
        return Console.defaultWidth
    }

    /// "42 s", "3 min 5 s".
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }
}
