/// Rules that recognise page chrome (navigation, teasers, share and app-store footers, bylines,
/// date lines, file names) in a single line of text.
///
/// The rules are general (shape of the line) with a short built-in list of phrases that open
/// teaser and footer lines on news sites; users add their own phrases through the config.
public struct ChromeRules: Sendable {
    /// Phrases that, at the start of a line, mark it as chrome. Lowercase; an empty phrase is
    /// ignored.
    var prefixes: [String] {
        didSet { asciiPrefixes = Self.asciiPrefixTable(prefixes) }
    }
    /// The ASCII phrases of `prefixes` as UTF-8, by their first byte, in the order of `prefixes`.
    private var asciiPrefixes: [[[UInt8]]]

    /// The built-in phrase list.
    static let builtInPrefixes: [String] = [
        "see also", "also read", "read also", "read more", "more:", "related:", "related articles",
        "related stories", "related news", "recommended", "you may also like", "you might also like",
        "share this", "share on", "share:", "download from", "download the app", "download our app",
        "get the app", "click here", "please click", "tap here", "subscribe", "sign up for", "follow us",
        "no comments", "post a comment", "leave a comment", "add a comment", "advertisement",
        "copyright", "all rights reserved", "©", "photo:", "file photo", "editor:", "tags:", "top stories",
        "most read", "most popular", "back to top", "print this", "email this", "next article", "previous article",
    ]

    /// Whether a short line without sentence punctuation (a headline, a dateline, a subhead)
    /// is boilerplate. Web captures want this; two translations of one text, where headlines
    /// are content, do not.
    public var headingsAreBoilerplate: Bool

    /// The built-in rules, with `extraPrefixes` from the user's configuration.
    public init(extraPrefixes: [String] = [], headingsAreBoilerplate: Bool = false) {
        self.prefixes = Self.builtInPrefixes + extraPrefixes.map { $0.lowercased() }
        self.asciiPrefixes = Self.asciiPrefixTable(prefixes)
        self.headingsAreBoilerplate = headingsAreBoilerplate
    }

    private static func asciiPrefixTable(_ prefixes: [String]) -> [[[UInt8]]] {
        var table = [[[UInt8]]](repeating: [], count: 128)
        for prefix in prefixes where !prefix.isEmpty && ByteText.isASCII(prefix.utf8) {
            let bytes = Array(prefix.utf8)
            table[Int(bytes[0])].append(bytes)
        }
        return table
    }

    /// Why the UTF-8 `line` (one line of input, trimmed) is chrome, or nil when it may be prose.
    ///
    /// Each rule looks first at byte facts (word count, the last word, a digit, a separator, a
    /// colon, the sentence end) and makes a `String` only when the rule may apply, so that lines
    /// of prose, the common case, cost about one pass over their bytes.
    func reason(forLine line: ArraySlice<UInt8>) -> String? {
        // A line of more than 16 words can only be chrome by its first words. When those are
        // plain ASCII with single spaces they are what collapsing would leave, and the line need
        // not be copied.
        if Self.wordsAtLeast(line) > 16, let head = Self.plainHead(line) {
            return matchingPrefix(head).map { "teaser or footer (\"\($0)\")" }
        }
        let text = ByteText.collapsingSpaces(line)
        if text.isEmpty { return nil }
        if let prefix = matchingPrefix(text) {
            return "teaser or footer (\"\(prefix)\")"
        }
        // One pass for the facts the rules start from.
        var wordCount = 1
        var lastWordStart = 0
        var colon: Int? = nil
        var hasDigit = false
        var hasSeparator = false
        text.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            // Spaces come every few bytes, at no pattern a branch could learn: the common facts
            // are counted without one. Colons and the lead bytes of » › → are rare.
            var spaces = 0
            var digits: UInt8 = 0
            var separators: UInt8 = 0
            for i in 0..<n {
                let byte = bytes[i]
                let isSpace = byte == 0x20
                spaces &+= isSpace ? 1 : 0
                lastWordStart = isSpace ? i + 1 : lastWordStart
                digits |= byte &- 0x30 < 10 ? 1 : 0
                separators |= byte == 0x3E || byte == 0x7C || byte == 0x2F ? 1 : 0  // > | /
                guard byte == 0x3A || byte == 0xC2 || byte == 0xE2 else { continue }
                switch byte {
                case 0x3A: if colon == nil { colon = i }
                case 0xC2: if i + 1 < n, bytes[i + 1] == 0xBB { hasSeparator = true }  // »
                default:  // › →
                    if i + 2 < n, (bytes[i + 1] == 0x80 && bytes[i + 2] == 0xBA) || (bytes[i + 1] == 0x86 && bytes[i + 2] == 0x92) {
                        hasSeparator = true
                    }
                }
            }
            wordCount += spaces
            hasDigit = digits != 0
            hasSeparator = hasSeparator || separators != 0
        }
        if wordCount > 16 { return nil }
        let lastWord = text[lastWordStart...]
        if wordCount <= 8, Self.isFileName(lastWord) { return "file name" }
        if Cleaner.endsWithTerminal(text, text.indices) { return nil }
        // A teaser label is in capitals: a lowercase ASCII letter before the colon rules it out.
        if wordCount <= 12, let colon, !text[..<colon].contains(where: { $0 >= 0x61 && $0 <= 0x7A }),
            Self.hasTeaserPrefix(string(text))
        {
            return "teaser prefix"
        }
        if hasSeparator, Self.isBreadcrumb(string(text)) { return "breadcrumbs" }
        if wordCount <= 12, hasDigit, Self.containsDate(text) { return "date line" }
        if wordCount <= 6, wordCount >= 2, text.starts(with: [0x42, 0x79, 0x20]) || text.starts(with: [0x42, 0x59, 0x20]),
            string(text).split(separator: " ").dropFirst().allSatisfy({ $0.first?.isUppercase ?? false })
        {
            return "byline"
        }
        return nil
    }

    /// A lower bound of the number of words in `line`: runs of bytes between ASCII white space.
    static func wordsAtLeast(_ line: ArraySlice<UInt8>) -> Int {
        line.withUnsafeBufferPointer { bytes in
            var words = 0
            var previousBlank = true
            for byte in bytes {
                let blank = byte == 0x20 || byte &- 0x09 < 5
                words &+= previousBlank && !blank ? 1 : 0
                previousBlank = blank
            }
            return words
        }
    }

    /// The first 48 bytes of `line` when they are printable ASCII with single spaces and no
    /// space first: then they are the first 48 bytes of the collapsed line.
    static func plainHead(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        let head = line.prefix(48)
        var previousSpace = true
        for byte in head {
            if byte == 0x20 {
                if previousSpace { return nil }
                previousSpace = true
            } else if byte > 0x20 && byte < 0x7F {
                previousSpace = false
            } else {
                return nil
            }
        }
        return Array(head)
    }

    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The start of `text` as written, when it opens with one of ``prefixes`` (compared in
    /// lowercase, as `String.hasPrefix` compares).
    private func matchingPrefix(_ text: [UInt8]) -> String? {
        // `text` may be only the first 48 bytes of the collapsed line: nothing here looks further.
        let head = text.prefix(48)
        if ByteText.isASCII(head) {
            // ASCII text can only start with an ASCII phrase, and only with one whose first byte
            // is its own.
            guard let first = head.first else { return nil }
            for prefix in asciiPrefixes[Int(ByteText.lowercaseASCII(first))] where prefix.count <= head.count {
                if zip(head, prefix).allSatisfy({ ByteText.lowercaseASCII($0) == $1 }) {
                    return string(Array(head.prefix(prefix.count)))
                }
            }
            return nil
        }
        let lower = String(decoding: head, as: UTF8.self).lowercased()
        for prefix in prefixes where !prefix.isEmpty && lower.hasPrefix(prefix) {
            return String(string(text).prefix(prefix.count))
        }
        return nil
    }

    // MARK: - Shapes

    static let fileExtensions: Set<ShortWord> = Set(
        ["gif", "jpg", "jpeg", "png", "webp", "svg", "bmp", "pdf", "htm", "html", "php", "aspx", "mp4", "mp3"].compactMap { ShortWord($0) })

    /// "banner.jpg": a name, a dot and a known file extension (compared in lowercase).
    static func isFileName(_ word: ArraySlice<UInt8>) -> Bool {
        guard let dot = word.lastIndex(of: 0x2E), dot > word.startIndex, word.endIndex - dot <= 5 else { return false }
        let ext = word[(dot + 1)...]
        return ShortWord(ext).map { fileExtensions.contains($0) } ?? false
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

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// An ISO date (2021-06-29), a numeric date (29/06/2021), or a month name with a year.
    static func containsDate(_ text: [UInt8]) -> Bool {
        // The digit patterns are ASCII, so the bytes can be searched as they are.
        func digits(_ i: Int, _ n: Int) -> Bool {
            i >= 0 && i + n <= text.count && text[i..<(i + n)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        for i in text.indices {
            if digits(i, 4), i + 10 <= text.count, text[i + 4] == 0x2D, digits(i + 5, 2), text[i + 7] == 0x2D, digits(i + 8, 2) {
                return true
            }
            if digits(i, 2), i + 10 <= text.count, text[i + 2] == 0x2F || text[i + 2] == 0x2E, digits(i + 3, 2), text[i + 5] == text[i + 2],
                digits(i + 6, 4)
            {
                return true
            }
        }
        let words: [String]
        if ByteText.isASCII(text) {
            words = ByteText.wordRanges(text).map { String(decoding: text[$0].map(ByteText.lowercaseASCII), as: UTF8.self) }
        } else {
            words = String(decoding: text, as: UTF8.self).lowercased()
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        let hasYear = words.contains {
            $0.utf8.count == 4 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && ($0.hasPrefix("19") || $0.hasPrefix("20"))
        }
        return hasYear && words.contains { monthNames.contains($0) }
    }
}
