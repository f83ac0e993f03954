/// Rules that recognise page chrome (navigation, teasers, share and app-store footers, bylines,
/// date lines, file names) in a single line of text.
///
/// The rules are general (shape of the line) with a short built-in list of phrases that open
/// teaser and footer lines on news sites; users add their own phrases through the config.
public struct ChromeRules: Sendable {
    /// Phrases that, at the start of a line, mark it as chrome. Lowercase.
    public var prefixes: [String]

    /// The built-in phrase list.
    public static let builtInPrefixes: [String] = [
        "see also", "also read", "read also", "read more", "more:", "related:", "related articles",
        "related stories", "related news", "recommended", "you may also like", "you might also like",
        "share this", "share on", "share:", "download from", "download the app", "download our app",
        "get the app", "click here", "please click", "tap here", "subscribe", "sign up for", "follow us",
        "no comments", "post a comment", "leave a comment", "add a comment", "advertisement",
        "copyright", "all rights reserved", "©", "photo:", "file photo", "editor:", "tags:", "top stories",
        "most read", "most popular", "back to top", "print this", "email this", "next article", "previous article",
    ]

    /// The built-in rules, with `extraPrefixes` from the user's configuration.
    /// Whether a short line without sentence punctuation (a headline, a dateline, a subhead)
    /// is boilerplate. Web captures want this; two translations of one text, where headlines
    /// are content, do not.
    public var headingsAreBoilerplate: Bool

    public init(extraPrefixes: [String] = [], headingsAreBoilerplate: Bool = true) {
        self.prefixes = Self.builtInPrefixes + extraPrefixes.map { $0.lowercased() }
        self.headingsAreBoilerplate = headingsAreBoilerplate
    }

    /// Why `line` is chrome, or nil when it may be prose. `line` is one line of input, trimmed.
    func reason(forLine line: String) -> String? {
        let text = Self.collapseSpaces(line)
        if text.isEmpty { return nil }
        let lower = text.lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            return "teaser or footer (\"\(text.prefix(prefix.count))\")"
        }
        let words = text.split(separator: " ")
        let punctuated = Self.endsSentence(text)
        if words.count <= 8, let last = words.last, Self.isFileName(last) {
            return "file name"
        }
        if punctuated { return nil }
        if words.count <= 12, Self.hasTeaserPrefix(text) { return "teaser prefix" }
        if words.count <= 16, Self.isBreadcrumb(text) { return "breadcrumbs" }
        if words.count <= 12, Self.containsDate(text) { return "date line" }
        if words.count <= 6, words.count >= 2, words[0] == "By" || words[0] == "BY",
           words.dropFirst().allSatisfy({ $0.first?.isUppercase ?? false }) {
            return "byline"
        }
        return nil
    }

    // MARK: - Shapes

    static func collapseSpaces(_ line: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when the text ends like a sentence: `.`, `!`, `?` (or `…`), possibly followed by
    /// closing quotes or brackets.
    static func endsSentence(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "'", "\u{201D}", "\u{2019}", ")", "]", "»", " ": continue
            case ".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}": return true
            default: return false
            }
        }
        return false
    }

    static func isFileName(_ word: Substring) -> Bool {
        guard let dot = word.lastIndex(of: ".") else { return false }
        let ext = word[word.index(after: dot)...].lowercased()
        return ["gif", "jpg", "jpeg", "png", "webp", "svg", "bmp", "pdf", "htm", "html", "php", "aspx", "mp4", "mp3"].contains(ext)
            && word.distance(from: word.startIndex, to: dot) > 0
    }

    /// "ALSO READ: …", "WATCH: …": an all-capitals label and a colon.
    static func hasTeaserPrefix(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon]
        let letters = label.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 3 && label.count <= 24
            && letters.allSatisfy { $0.properties.isUppercase }
            && label.split(separator: " ").count <= 3
    }

    /// "News> Nation> Content", "Home | World | Asia".
    static func isBreadcrumb(_ text: String) -> Bool {
        let separators: Set<Character> = [">", "›", "»", "|", "/", "\u{2192}"]
        let parts = text.split(whereSeparator: { separators.contains($0) })
        guard parts.count >= 2, text.contains(where: { separators.contains($0) }) else { return false }
        return parts.allSatisfy { $0.split(separator: " ").count <= 3 }
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                             "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    /// An ISO date (2021-06-29), a numeric date (29/06/2021), or a month name with a year.
    static func containsDate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func digits(_ i: Int, _ n: Int) -> Bool {
            i >= 0 && i + n <= scalars.count && (i..<(i + n)).allSatisfy { scalars[$0].properties.numericType != nil && scalars[$0].isASCII }
        }
        for i in scalars.indices {
            if digits(i, 4), i + 10 <= scalars.count, scalars[i + 4] == "-", digits(i + 5, 2), scalars[i + 7] == "-", digits(i + 8, 2) { return true }
            if digits(i, 2), i + 10 <= scalars.count, scalars[i + 2] == "/" || scalars[i + 2] == ".", digits(i + 3, 2), scalars[i + 5] == scalars[i + 2], digits(i + 6, 4) { return true }
        }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let hasYear = words.contains { $0.count == 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
        return hasYear && words.contains { monthNames.contains(String($0)) }
    }
}
