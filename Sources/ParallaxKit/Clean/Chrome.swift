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
    ///
    /// Each rule looks first at cheap byte facts (word count, a digit, a separator, a colon) and
    /// only then at the text, so that lines of prose, the common case, cost one pass.
    func reason(forLine line: String) -> String? {
        let text = Self.collapseSpaces(line)
        if text.isEmpty { return nil }
        let bytes = Array(text.utf8)
        let lower = String(decoding: bytes.prefix(48), as: UTF8.self).lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            return "teaser or footer (\"\(text.prefix(prefix.count))\")"
        }
        let wordCount = bytes.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
        if wordCount > 16 { return nil }
        let words = text.split(separator: " ")
        if wordCount <= 8, let last = words.last, last.contains("."), Self.isFileName(last) {
            return "file name"
        }
        if Self.endsSentence(text) { return nil }
        if wordCount <= 12, bytes.contains(0x3A), Self.hasTeaserPrefix(text) { return "teaser prefix" }
        if bytes.contains(where: { $0 == 0x3E || $0 == 0x7C || $0 == 0x2F || $0 >= 0xC2 }), Self.isBreadcrumb(text) { return "breadcrumbs" }
        if wordCount <= 12, bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), Self.containsDate(text) { return "date line" }
        if wordCount <= 6, wordCount >= 2, words[0] == "By" || words[0] == "BY",
           words.dropFirst().allSatisfy({ $0.first?.isUppercase ?? false }) {
            return "byline"
        }
        return nil
    }

    // MARK: - Shapes

    /// The line with each run of white space as one space and none at the ends. Works on the
    /// UTF-8 bytes; only non-ASCII characters are decoded to ask whether they are white space.
    static func collapseSpaces(_ line: String, lowercaseASCII: Bool = false) -> String {
        var line = line
        return line.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var length = 1
                let isSpace: Bool
                if b < 0x80 {
                    isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else {
                    length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for j in 1..<length where i + j < bytes.count { value = value << 6 | UInt32(bytes[i + j] & 0x3F) }
                    isSpace = Unicode.Scalar(value)?.properties.isWhitespace ?? false
                }
                if isSpace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    if length == 1 {
                        out.append(lowercaseASCII && b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                    } else {
                        for j in i..<min(i + length, bytes.count) { out.append(bytes[j]) }
                    }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
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
