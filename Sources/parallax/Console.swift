import Foundation
import ParallaxKit

/// Standard output and standard error, and atomic file output.
enum Console {
    /// Writes one line to standard error, prefixed with the program name; untrusted text in it
    /// is escaped.
    static func error(_ message: String) {
        let line = "parallax: " + TerminalText.escape(message) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Writes argument-parser's message for a usage error: its first line prefixed with the
    /// program name, its usage lines kept as lines; every line escaped (an argument in it is
    /// untrusted text).
    static func usageError(_ message: String) {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escape(String($0)) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let text = "parallax: " + lines.joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes JSON to standard output with the characters that can drive or deceive a terminal
    /// escaped as `\uXXXX`: DEL, the C1 controls (U+009B is a one-byte CSI) and the
    /// bidirectional controls. `JSONEncoder` escapes only U+0000–U+001F. Outside strings JSON
    /// is ASCII, so every such character is inside a string, where the escape means the same.
    static func writeJSON(_ json: String) {
        write(escapingJSONControls(json))
    }

    static func escapingJSONControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsJSONEscape) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsJSONEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsJSONEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0x7F && v < 0xA0) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(1) == 1 }

    /// Writes `text` to `path` atomically: a temporary file beside it, then a rename. Refuses
    /// to write over one of `inputs`.
    static func writeFile(_ text: String, to path: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where input != "-" {
            if URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
                throw InputError(path: path, problem: "is one of the inputs; refusing to write over it")
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
}
