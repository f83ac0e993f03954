import Foundation
import SystemPackage

/// Long output on a terminal goes through a pager, the way git does it: `PARALLAX_PAGER`, else
/// `PAGER`, else `less`; with `LESS=FRX` when `LESS` is not set (quit when it fits one screen,
/// pass colours through, leave the text on the screen), and `LV=-c`. An empty pager or `cat`
/// means none. Never when standard output is not a terminal.
enum Pager {
    /// The pager command to run for `environment`, or nil for none.
    static func command(environment: [String: String]) -> String? {
        let chosen = environment["PARALLAX_PAGER"] ?? environment["PAGER"] ?? "less"
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }

    /// Writes `text` to standard output, through the pager when standard output is a terminal,
    /// paging is on and a pager is set. A pager that cannot start leaves the text written
    /// directly; one that is quit early (a closed pipe) ends the output quietly.
    static func write(_ text: String, enabled: Bool) {
        let environment = ProcessInfo.processInfo.environment
        guard enabled, Console.isTerminal, let command = command(environment: environment) else {
            Console.write(text)
            return
        }
        var env = environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        if env["LV"] == nil { env["LV"] = "-c" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = env
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            Console.write(text)
            return
        }
        // The pager owns the terminal until it ends: Ctrl-C is for it, and quitting it early
        // closes the pipe, which is no error.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let fd = pipe.fileHandleForWriting.fileDescriptor
        _ = Console.writeAll(FileDescriptor(rawValue: fd), Array(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        signal(SIGINT, SIG_DFL)
    }
}
