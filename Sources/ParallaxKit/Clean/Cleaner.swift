import Foundation

/// A stretch of the input that the cleaner treats as one unit: a paragraph (its hard-wrapped
/// lines joined), or a line that stands alone (a heading, a date line, a footer).
public struct Block: Sendable, Hashable {
    /// UTF-8 byte range in the source, trimmed of surrounding white space.
    public var range: Range<Int>
    /// Why the block is page chrome, or nil for prose.
    public var boilerplate: String?
    /// The earlier block this one repeats (nearly) verbatim.
    public var duplicateOf: Int?
}

/// The cleaner's result: the blocks, and a copy of the text of the same length in which soft
/// line breaks are spaces and every block boundary is a line feed. Because the copy keeps every
/// byte in place, offsets found in it are offsets into the source.
public struct CleanText: Sendable {
    public var blocks: [Block]
    public var text: [UInt8]
}

/// Unwraps hard-wrapped lines, finds page chrome and repeated paragraphs.
public struct Cleaner: Sendable {
    public var chrome: ChromeRules

    public init(chrome: ChromeRules = ChromeRules()) {
        self.chrome = chrome
    }

    /// Lines this long (in bytes) or longer are never looked at as chrome.
    static let chromeLineLimit = 240

    public func clean(_ utf8: [UInt8]) -> CleanText {
        var text = utf8
        let lines = Self.lines(of: utf8)
        // Page chrome that a line shows by itself.
        var lineChrome = [String?](repeating: nil, count: lines.count)
        for (i, line) in lines.enumerated() where line.content.count < Self.chromeLineLimit && !line.content.isEmpty {
            lineChrome[i] = chrome.reason(forLine: utf8[line.content])
        }
        // Group lines into blocks: blank lines always separate; inside a paragraph a line break
        // is soft (a space) unless the lines look like separate units.
        var blocks: [Block] = []
        var current: Range<Int>? = nil
        var currentChrome: String? = nil
        func flush() {
            if let range = current { blocks.append(Block(range: range, boilerplate: currentChrome)) }
            current = nil
            currentChrome = nil
        }
        for (i, line) in lines.enumerated() {
            if line.content.isEmpty {
                flush()
                continue
            }
            if let range = current, i > 0 {
                let previous = lines[i - 1]
                if currentChrome == nil, lineChrome[i] == nil,
                    isSoftBreak(utf8, previous: previous.content, next: line.content, longest: longestLine(lines, around: i))
                {
                    for j in previous.content.upperBound..<line.content.lowerBound where utf8[j] == 0x0A || utf8[j] == 0x0D {
                        text[j] = 0x20
                    }
                    current = range.lowerBound..<line.content.upperBound
                    continue
                }
                flush()
            }
            current = line.content
            currentChrome = lineChrome[i]
        }
        flush()
        var split: [Block] = []
        split.reserveCapacity(blocks.count)
        for block in blocks { splitSeams(block, utf8: utf8, text: &text, into: &split) }
        blocks = split
        let shortKeys = markShortAndRepeated(&blocks, utf8: utf8)
        markDuplicates(&blocks, utf8: utf8, shortKeys: shortKeys)
        return CleanText(blocks: blocks, text: text)
    }

    // MARK: - Lines

    struct Line {
        /// The line without its line ending, trimmed of white space.
        var content: Range<Int>
    }

    static func lines(of utf8: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var i = 0
        let n = utf8.count
        func add(_ end: Int) {
            lines.append(Line(content: Characters.trimmingSpaces(start..<end, in: utf8)))
        }
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            if memchr(base, 0x0D, n) == nil {
                // Line feeds only, the common case: let memchr find them.
                while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    add(i)
                    i += 1
                    start = i
                }
                i = n
            }
            while i < n {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    add(i)
                    if byte == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
        }
        if start < n { add(n) }
        return lines
    }

    /// "DING LINXINHUA": a few all-capitals words with no sentence punctuation (a photo credit).
    static func isCreditLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count <= 48 else { return false }
        var letters = 0
        var words = 1
        for b in bytes {
            if b >= 0x61 && b <= 0x7A { return false }
            if b >= 0x41 && b <= 0x5A { letters += 1 }
            if b == 0x20 { words += 1 }
            if b == 0x2E || b == 0x21 || b == 0x3F || b >= 0x80 { return false }
        }
        return letters >= 4 && words <= 4
    }

    static func string(_ utf8: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    private func longestLine(_ lines: [Line], around index: Int) -> Int {
        // The longest of the few lines around `index`: the width the text was wrapped at. Near
        // lines only, so that an unwrapped paragraph further away does not count.
        var longest = 0
        var j = index
        while j >= 0, j > index - 4, !lines[j].content.isEmpty {
            longest = max(longest, lines[j].content.count)
            j -= 1
        }
        j = index + 1
        while j < lines.count, j < index + 4, !lines[j].content.isEmpty {
            longest = max(longest, lines[j].content.count)
            j += 1
        }
        return longest
    }

    // MARK: - Soft and hard line breaks

    /// Words that cannot end a heading: a line that ends with one goes on in the next line.
    static let connectors: Set<ShortWord> = Set(
        [
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from",
            "with", "as", "that", "which", "who", "whose", "while", "when", "where", "than", "into", "onto",
            "its", "their", "his", "her", "our", "your", "this", "these", "those", "such", "both", "between",
            "among", "about", "over", "under", "after", "before", "during", "through", "is", "are", "was",
            "were", "be", "been", "has", "have", "had", "will", "would", "should", "could", "can", "may",
            "might", "must", "also", "not", "said", "says", "very", "more", "most", "two", "each", "all",
        ].compactMap { ShortWord($0) })

    private func isSoftBreak(_ utf8: [UInt8], previous: Range<Int>, next: Range<Int>, longest: Int) -> Bool {
        let last = utf8[previous.upperBound - 1]
        let first = utf8[next.lowerBound]
        let nextStartsLower = (first >= 0x61 && first <= 0x7A)
        if Self.endsWithTerminal(utf8, previous) {
            // A sentence ended at the line end: the next line starts a new unit unless it plainly
            // goes on ("... Mr.\nSmith" is rare; a lowercase start is not).
            return nextStartsLower || Self.endsWithAbbreviation(utf8, previous)
        }
        if nextStartsLower { return true }
        if last == 0x2C || last == 0x2D || last == 0x3B || last == 0x28 { return true }  // , - ; (
        if let word = Self.lastWord(utf8, previous), Self.connectors.contains(word) { return true }
        // A long line that stops short of punctuation was wrapped; a short one stands alone.
        return longest >= 40 && previous.count * 10 >= longest * 6
    }

    static func endsWithTerminal(_ utf8: [UInt8], _ range: Range<Int>) -> Bool {
        // Skip closing quotes and brackets (ASCII, or the UTF-8 of ’ ” »), then look for . ! ? … 。
        var j = range.upperBound
        while j > range.lowerBound {
            let b = utf8[j - 1]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x20 {
                j -= 1
                continue
            }
            if j - 3 >= range.lowerBound, utf8[j - 3] == 0xE2, utf8[j - 2] == 0x80, b == 0x99 || b == 0x9D {
                j -= 3
                continue
            }
            if j - 2 >= range.lowerBound, utf8[j - 2] == 0xC2, b == 0xBB {
                j -= 2
                continue
            }
            if b == 0x2E || b == 0x21 || b == 0x3F { return true }
            if j - 3 >= range.lowerBound, utf8[j - 3] == 0xE2, utf8[j - 2] == 0x80, b == 0xA6 { return true }
            if j - 3 >= range.lowerBound, utf8[j - 3] == 0xE3, utf8[j - 2] == 0x80, b == 0x82 { return true }
            if j - 3 >= range.lowerBound, utf8[j - 3] == 0xEF, utf8[j - 2] == 0xBC, b == 0x81 || b == 0x9F { return true }
            return false
        }
        return false
    }

    static let lineEndAbbreviations: Set<ShortWord> = Set(
        ["mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "mt", "no", "vs", "jr", "sr"].compactMap {
            ShortWord($0)
        })

    static func endsWithAbbreviation(_ utf8: [UInt8], _ range: Range<Int>) -> Bool {
        guard utf8[range.upperBound - 1] == 0x2E else { return false }
        let word = lastWord(utf8, range.lowerBound..<(range.upperBound - 1))
        return word.map { lineEndAbbreviations.contains($0) } ?? false
    }

    /// The ASCII letters at the end of `range`, when there are 1 to 16 of them.
    static func lastWord(_ utf8: [UInt8], _ range: Range<Int>) -> ShortWord? {
        var j = range.upperBound
        while j > range.lowerBound, Characters.isASCIILetter(utf8[j - 1]) { j -= 1 }
        return ShortWord(utf8[j..<range.upperBound])
    }

    // MARK: - Seams inside a line

    /// Splits a block where a line holds two units: a leading metadata field ("date 2021-06-29
    /// On the afternoon …"), a run of three or more spaces (columns fused by a scraper), or a
    /// wire agency's credit after the last sentence ("… and the media. – BERNAMA-XINHUA").
    private func splitSeams(_ block: Block, utf8: [UInt8], text: inout [UInt8], into result: inout [Block]) {
        guard block.boilerplate == nil else { return result.append(block) }
        // `chrome` is the reason the piece before the cut is chrome.
        var cuts: [(end: Int, next: Int, chrome: String?)] = []
        if let prefixEnd = Self.metadataPrefixEnd(utf8, block.range) {
            var next = prefixEnd
            while next < block.range.upperBound, Characters.isASCIISpace(utf8[next]) { next += 1 }
            cuts.append((prefixEnd, next, "metadata field"))
        }
        let credit = Self.trailingCredit(utf8, block.range)
        let body = block.range.lowerBound..<(credit?.end ?? block.range.upperBound)
        utf8.withUnsafeBufferPointer { utf8 in
            // A run of three or more spaces and tabs that starts with a space starts with a space
            // and a space or tab.
            var i = body.lowerBound
            while i < body.upperBound {
                guard let start = ByteText.firstBlankPair(utf8, in: i..<body.upperBound) else { break }
                var j = start + 1
                while j < body.upperBound, utf8[j] == 0x20 || utf8[j] == 0x09 { j += 1 }
                if j - start >= 3, j < body.upperBound, !(cuts.last.map { $0.next >= j } ?? false) {
                    cuts.append((start, j, nil))
                }
                i = j
            }
        }
        if let credit { cuts.append((credit.end, credit.next, nil)) }
        if cuts.isEmpty { return result.append(block) }
        var start = block.range.lowerBound
        for cut in cuts {
            if cut.end > start {
                result.append(Block(range: start..<cut.end, boilerplate: cut.chrome))
            }
            if cut.end < text.count { text[cut.end] = 0x0A }
            start = cut.next
        }
        if start < block.range.upperBound {
            result.append(Block(range: start..<block.range.upperBound, boilerplate: credit == nil ? nil : "agency credit"))
        }
    }

    /// "… and the media. – BERNAMA-XINHUA", "… he said. - AFP": a dash and a few words in
    /// capitals after the block's last sentence end. Returns where the sentence ends (the white
    /// space after its punctuation) and where the credit starts (the dash).
    static func trailingCredit(_ utf8: [UInt8], _ range: Range<Int>) -> (end: Int, next: Int)? {
        // The last spaced dash in the block's final 48 bytes: " - ", " – ", " — ".
        var dash: Int? = nil
        var dashLength = 0
        var d = range.upperBound - 2
        while d > range.lowerBound, range.upperBound - d <= 48 {
            if utf8[d - 1] == 0x20 {
                if utf8[d] == 0x2D, utf8[d + 1] == 0x20 {
                    dash = d
                    dashLength = 1
                    break
                }
                if d + 2 < range.upperBound, utf8[d] == 0xE2, utf8[d + 1] == 0x80, utf8[d + 2] == 0x93 || utf8[d + 2] == 0x94 {
                    dash = d
                    dashLength = 3
                    break
                }
            }
            d -= 1
        }
        guard let dash else { return nil }
        // After it: a few words in capitals ("BERNAMA-XINHUA", "AFP", "REUTERS/AP").
        let credit = string(utf8, (dash + dashLength)..<range.upperBound)
        let words = credit.split(separator: " ")
        guard !words.isEmpty, words.count <= 4, credit.filter(\.isLetter).count >= 3,
            credit.unicodeScalars.allSatisfy({ ($0.isASCII && $0.properties.isUppercase) || ["-", "/", "&", " "].contains($0) })
        else {
            return nil
        }
        // Before it: the end of a sentence.
        var end = dash
        while end > range.lowerBound, Characters.isASCIISpace(utf8[end - 1]) { end -= 1 }
        guard end > range.lowerBound, endsWithTerminal(utf8, range.lowerBound..<end) else { return nil }
        return (end, dash)
    }

    /// "date 2021-06-29 " or "Published: 2021-06-29 06:50 " at the start of a block: the end of
    /// the field.
    static func metadataPrefixEnd(_ utf8: [UInt8], _ range: Range<Int>) -> Int? {
        // The first word, without colons, must be a field name: most blocks stop here.
        var firstEnd = range.lowerBound
        while firstEnd < range.upperBound, utf8[firstEnd] != 0x20 { firstEnd += 1 }
        var first = utf8[range.lowerBound..<firstEnd]
        while first.first == 0x3A { first.removeFirst() }
        while first.last == 0x3A { first.removeLast() }
        guard let name = ShortWord(first), metadataFieldNames.contains(name) else { return nil }
        let head = string(utf8, range.lowerBound..<min(range.upperBound, range.lowerBound + 48))
        let words = head.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 3 else { return nil }
        let key = words[0].lowercased().trimming(":")
        guard ShortWord(key).map({ metadataFieldNames.contains($0) }) ?? false else { return nil }
        var fieldWords = 1
        if words[1] == ":" { fieldWords += 1 }
        guard fieldWords < words.count, isISODate(words[fieldWords]) else { return nil }
        fieldWords += 1
        if fieldWords < words.count, isClockTime(words[fieldWords]) { fieldWords += 1 }
        guard fieldWords < words.count else { return nil }
        // Find the byte offset where the field's last word ends.
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, Characters.isASCIISpace(utf8[i]) { i += 1 }
            while i < range.upperBound, !Characters.isASCIISpace(utf8[i]) { i += 1 }
            count += 1
            if count == fieldWords { return i }
        }
        return nil
    }

    static let metadataFieldNames: Set<ShortWord> = Set(
        ["date", "dated", "published", "posted", "updated", "time"].compactMap { ShortWord($0) })

    static func isISODate(_ word: Substring) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    static func isClockTime(_ word: Substring) -> Bool {
        let parts = word.split(separator: ":")
        return (parts.count == 2 || parts.count == 3) && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isNumber) }
    }

    // MARK: - Short, repeated and duplicated blocks

    /// A short block with no sentence punctuation is a heading or chrome; a short block that
    /// recurs (a byline printed twice) is chrome. Returns each short block's key for
    /// ``markDuplicates(_:utf8:shortKeys:)``.
    private func markShortAndRepeated(_ blocks: inout [Block], utf8: [UInt8]) -> [[UInt8]?] {
        // Each short block's text with spaces collapsed, in lowercase; first with only ASCII
        // letters lowercased (the duplicate key).
        var shortKeys = [[UInt8]?](repeating: nil, count: blocks.count)
        var shortTexts = [[UInt8]?](repeating: nil, count: blocks.count)
        for (i, block) in blocks.enumerated() where block.range.count < Self.chromeLineLimit {
            let key = ByteText.collapsingSpaces(utf8[block.range], lowercaseASCII: true)
            shortKeys[i] = key
            shortTexts[i] = ByteText.isASCII(key) ? key : Array(String(decoding: key, as: UTF8.self).lowercased().utf8)
        }
        // A short line "recurs" when another short line equals it, starts or ends with it, or
        // is how it starts or ends ("By Cao Desheng" / "April 21, 2021, 11:31 By Cao Desheng").
        // Counting word prefixes and suffixes keeps this linear in the number of lines.
        var texts: [ByteKey: Int] = [:]
        var affixes = Set<ByteKey>()
        for case let text? in shortTexts where ByteText.hasAtLeastCharacters(text[...], 8) {
            texts[ByteKey(text[...]), default: 0] += 1
            Self.forEachAffix(of: text) { affixes.insert($0) }
        }
        for (i, block) in blocks.enumerated() where block.boilerplate == nil {
            guard let text = shortTexts[i] else { continue }
            let words = text.isEmpty ? 0 : text.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
            let punctuated = Self.endsWithTerminal(text, text.indices)
            if !punctuated && words <= 10 && chrome.headingsAreBoilerplate {
                blocks[i].boilerplate = "short line without sentence punctuation"
            } else if !punctuated && words <= 16 && ByteText.hasAtLeastCharacters(text[...], 8) {
                var recurs = (texts[ByteKey(text[...])] ?? 0) > 1 || affixes.contains(ByteKey(text[...]))
                if !recurs { Self.forEachAffix(of: text) { if texts[$0] != nil { recurs = true } } }
                if recurs { blocks[i].boilerplate = "repeated line" }
            }
        }
        return shortKeys
    }

    /// Calls `body` with each run of the first or last 2 to n - 1 words of `text` (words
    /// separated by single spaces), when it has 3 to 16 words: only lines that short are ever
    /// judged as repeated.
    private static func forEachAffix(of text: [UInt8], _ body: (ByteKey) -> Void) {
        var spaces: [Int] = []
        for (i, byte) in text.enumerated() where byte == 0x20 {
            spaces.append(i)
            if spaces.count > 15 { return }
        }
        let n = spaces.count + 1
        guard n > 2 else { return }
        for k in 2..<n {
            body(ByteKey(text[..<spaces[k - 1]]))
            body(ByteKey(text[(spaces[n - k - 1] + 1)...]))
        }
    }

    /// A block whose words match an earlier block's, but for a few at one end (a pull quote
    /// printed again), is a duplicate of that block.
    private func markDuplicates(_ blocks: inout [Block], utf8: [UInt8], shortKeys: [[UInt8]?]) {
        var seen: [ByteKey: Int] = [:]
        var prose: [(index: Int, words: [ArraySlice<UInt8>])] = []
        for i in blocks.indices {
            // Repeated verbatim, but for spacing and the case of ASCII letters.
            let text = shortKeys[i] ?? ByteText.collapsingSpaces(utf8[blocks[i].range], lowercaseASCII: true)
            if let first = seen[ByteKey(text[...])] {
                blocks[i].duplicateOf = first
                continue
            }
            seen[ByteKey(text[...])] = i
            guard blocks[i].boilerplate == nil, blocks[i].range.count < 4096 else { continue }
            let words = ByteText.wordRanges(text).map { text[$0] }
            guard words.count >= 8 else { continue }
            // Compare with the few prose blocks just before (pull quotes sit near their source).
            for earlier in prose.suffix(8) {
                let other = earlier.words
                let prefix = zip(words, other).prefix { $0 == $1 }.count
                let suffix = zip(words.reversed(), other.reversed()).prefix { $0 == $1 }.count
                let shared = min(prefix + suffix, min(words.count, other.count))
                if shared * 10 >= max(words.count, other.count) * 8 {
                    blocks[i].duplicateOf = earlier.index
                    break
                }
            }
            if blocks[i].duplicateOf == nil { prose.append((i, words)) }
        }
    }
}

extension String {
    func trimming(_ set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
