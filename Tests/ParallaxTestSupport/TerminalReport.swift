import ParallaxKit

/// Reading `parallax compare`'s terminal report back, for tests.
public enum TerminalReport {
    /// Finding lines (`3 ✖ error · number · …`) in the order printed, as (number, severity).
    public static func findingLines(_ text: String) -> [(Int, Severity)] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ", maxSplits: 3)
            guard words.count >= 3, let n = Int(words[0]), let severity = Severity(rawValue: String(words[2])) else { return nil }
            return (n, severity)
        }
    }

    /// The rules that open each sentence pair (`── A 3:117 ↔ B 1:137 ───`).
    public static func pairRules(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix("── ") && ($0.contains("A ") || $0.contains("B ")) && !$0.contains(" findings") }
    }
}
