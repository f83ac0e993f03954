import Foundation

/// Corrections to ICU's sentence breaks: abbreviations that ICU's thin data does not know,
/// initials, list items, and captions fused to the text.
///
/// ICU (`en@ss=standard`) already keeps "Mr. Smith" whole and never breaks before a lowercase
/// word; these rules only merge or split what ICU got wrong in news prose.
struct SentenceRules: Sendable {
    let language: String

    /// Titles that stand before a name: a break after one is never a sentence end.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "st", "mt", "ft", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
        "cmdr", "adm", "brig", "prof", "sen", "rep", "gov", "pres", "rev", "fr", "hon", "messrs", "mme",
        "mlle", "supt", "insp", "det", "amb", "sec", "atty", "judge", "rt", "gens",
    ]

    /// Abbreviations that stand before a number: "No. 5", "p. 55", "Vol. 3".
    static let numberAbbreviations: Set<String> = [
        "no", "nos", "p", "pp", "vol", "vols", "fig", "figs", "art", "sec", "ch", "chap", "para", "approx",
        "ca", "op", "ed", "eq", "tab", "n°", "nº", "no°",
    ]

    /// Words that start a sentence after an abbreviation such as "U.S.": when the next word is
    /// one of these, the abbreviation ended the sentence.
    static let sentenceStarters: Set<String> = [
        "i", "it", "he", "she", "they", "we", "you", "the", "this", "that", "these", "those", "there",
        "here", "how", "what", "why", "when", "where", "who", "which", "a", "an", "in", "on", "at",
        "but", "and", "so", "yet", "however", "meanwhile", "his", "her", "its", "their", "our", "my",
        "your", "if", "as", "after", "before", "since", "while", "although", "though", "for", "from",
        "with", "without", "to", "some", "many", "most", "all", "both", "each", "one", "two", "no",
        "not", "do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could",
        "should", "may", "might", "must", "according", "officials", "today", "yesterday", "tomorrow",
        "then", "also", "still", "now", "earlier", "later", "last", "next", "mr", "mrs", "ms", "dr",
    ]

    func apply(_ segments: [Range<Int>], text: [UInt8]) -> [Range<Int>] {
        guard language.hasPrefix("en") else { return segments }
        var split: [Range<Int>] = []
        split.reserveCapacity(segments.count)
        var pieces: [Range<Int>] = []
        for segment in joinListMarkers(segments, text) {
            splitFusedCaptions(segment, text, into: &pieces)
            splitListItems(pieces, text, into: &split)
        }
        var merged: [Range<Int>] = []
        merged.reserveCapacity(split.count)
        for segment in split {
            if let last = merged.last, last.upperBound <= segment.lowerBound,
                !hasHardBreak(text, last.upperBound..<segment.lowerBound),
                shouldMerge(text, last, segment)
            {
                merged[merged.count - 1] = last.lowerBound..<segment.upperBound
            } else {
                merged.append(segment)
            }
        }
        return moveLeadingEllipses(merged, text)
    }

    /// ICU cuts list items after their markers ("1." | "The first item 2." | "The second item"):
    /// join the pieces of a run that opens with a marker, so that ``splitListItems`` can cut it
    /// before each marker instead.
    private func joinListMarkers(_ segments: [Range<Int>], _ text: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(segments.count)
        var open = false
        for segment in segments {
            if open, let last = out.last, !hasHardBreak(text, last.upperBound..<segment.lowerBound) {
                out[out.count - 1] = last.lowerBound..<segment.upperBound
            } else {
                out.append(segment)
            }
            guard let current = out.last else { continue }
            // Still open while the joined run starts with a marker and ends with one.
            let startsWithMarker = listMarker(text, at: current.lowerBound, limit: current.upperBound + 2, requireText: false) != nil
            open = startsWithMarker && endsWithListMarker(text, current)
        }
        return out
    }

    private func endsWithListMarker(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        var j = range.upperBound
        while j > range.lowerBound, text[j - 1] != 0x20 { j -= 1 }
        var starts = [j]
        // A bullet and a space before the number ("• 10.").
        if j - 4 >= range.lowerBound, text[j - 1] == 0x20, text[j - 4] == 0xE2 { starts.append(j - 4) }
        for start in starts where start < range.upperBound {
            if let marker = listMarker(text, at: start, limit: range.upperBound + 2, requireText: false), marker.end >= range.upperBound {
                return true
            }
        }
        return false
    }

    /// "… compounds. . . . The practice": a sentence that ends with its own period and then a
    /// spaced ellipsis hands the ellipsis to the next sentence (Chicago style).
    private func moveLeadingEllipses(_ segments: [Range<Int>], _ text: [UInt8]) -> [Range<Int>] {
        var out = segments
        var i = 0
        let ellipsis: [UInt8] = [0x2E, 0x20, 0x2E, 0x20, 0x2E, 0x20, 0x2E]
        while i + 1 < out.count {
            let range = out[i]
            if range.count > ellipsis.count + 1, text[range.upperBound - 1] == 0x2E,
                text[(range.upperBound - ellipsis.count)..<range.upperBound].elementsEqual(ellipsis),
                Characters.isASCIILetter(text[range.upperBound - ellipsis.count - 1]),
                !hasHardBreak(text, range.upperBound..<out[i + 1].lowerBound)
            {
                let cut = range.upperBound - ellipsis.count + 1
                out[i] = range.lowerBound..<cut
                out[i + 1] = (cut + 1)..<out[i + 1].upperBound
            }
            i += 1
        }
        return out
    }

    private func hasHardBreak(_ text: [UInt8], _ gap: Range<Int>) -> Bool {
        gap.contains { text[$0] == 0x0A || text[$0] == 0x0D }
    }

    // MARK: - Merging

    private func shouldMerge(_ text: [UInt8], _ previous: Range<Int>, _ next: Range<Int>) -> Bool {
        guard let first = text[next].first else { return false }
        let nextIsLower = first >= 0x61 && first <= 0x7A
        let nextIsDigit = first >= 0x30 && first <= 0x39
        let lastByte = text[previous.upperBound - 1]
        // "Yahoo! in the accounting department": ! or ? before a lowercase word.
        if (lastByte == 0x21 || lastByte == 0x3F) && nextIsLower { return true }
        // "… parallel stairways [...]" (Smith 55).", "(AP)", "(ibid., p. 4)": a segment that is
        // only a parenthesis holding no sentence of its own is a reference to what precedes it.
        if first == 0x28, isBareParenthetical(text, next) { return true }
        // "the thing is . . . I didn't mean it": a spaced three-dot ellipsis marks an omission
        // inside the sentence (four dots end it).
        if lastByte == 0x2E, previous.count >= 7,
            text[(previous.upperBound - 6)..<previous.upperBound].elementsEqual([0x20, 0x2E, 0x20, 0x2E, 0x20, 0x2E]),
            text[previous.upperBound - 7] != 0x2E
        {
            return true
        }
        guard lastByte == 0x2E, let tail = lastWordBeforePeriod(text, previous) else { return false }
        let nextWord = firstWord(text, next)
        let lower = tail.word.lowercased()
        // "St. George's Hall", "Dr. Smith", "Gen. Li".
        if Self.titles.contains(lower) && tail.word.first?.isUppercase == true && !tail.dotted { return true }
        // "At 5 a.m. Mr. Smith went …", "Shortly after 11 p.m. Police …": a segment made only of
        // a time (numbers and a dotted abbreviation) and the words that lead into it has no verb,
        // so the sentence goes on.
        if tail.dotted, isTimeFragment(text, previous) { return true }
        // "p. 55", "No. 5".
        if nextIsDigit && Self.numberAbbreviations.contains(lower) { return true }
        // "Jonas E. Smith", "Albert I. Jones": an initial after a capitalised name.
        if tail.word.count == 1, tail.word.first?.isUppercase == true, !tail.dotted,
            let before = tail.previousWord, before.first?.isUppercase == true, before.count > 1 || before.hasSuffix("."),
            let nextWord, nextWord.first?.isUppercase == true
        {
            return true
        }
        // "the U.S. Government": a dotted abbreviation before a word that does not start sentences.
        if tail.dotted, let nextWord, !nextIsDigit, !Self.sentenceStarters.contains(nextWord.lowercased()) {
            return tail.word.count <= 2 && nextWord.first?.isUppercase == true
        }
        return false
    }

    /// The word before the final period of `range` ("St", "E", "U.S" → dotted), and the word
    /// before that.
    private func lastWordBeforePeriod(_ text: [UInt8], _ range: Range<Int>) -> (word: String, dotted: Bool, previousWord: String?)? {
        guard range.count >= 2, text[range.upperBound - 1] == 0x2E else { return nil }
        var j = range.upperBound - 1
        var dotted = false
        let end = j
        while j > range.lowerBound {
            let b = text[j - 1]
            if b == 0x2E {
                dotted = true
                j -= 1
                continue
            }
            if b == 0x20 || b == 0x0A || b == 0x28 || b == 0x22 { break }
            j -= 1
        }
        guard j < end else { return nil }
        let raw = String(decoding: text[j..<end], as: UTF8.self)
        guard !raw.isEmpty, raw.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "." || $0 == "°" || $0 == "º" }) else {
            return nil
        }
        let word = dotted ? raw.split(separator: ".").last.map(String.init) ?? raw : raw
        var k = j
        while k > range.lowerBound, text[k - 1] == 0x20 { k -= 1 }
        var m = k
        while m > range.lowerBound, text[m - 1] != 0x20 { m -= 1 }
        let previousWord = m < k ? String(decoding: text[m..<k], as: UTF8.self) : nil
        return (word, dotted, previousWord)
    }

    /// Words that lead into a time and never make a clause by themselves.
    static let timeLeadWords: Set<String> = [
        "at", "by", "before", "after", "until", "till", "from", "around", "about", "since", "on", "in", "shortly",
        "just", "soon", "only", "as", "of", "early", "late", "later", "to", "and", "between",
    ]

    /// Whether `range` is a time and the words that lead into it: at least one number, and every
    /// other word a lead word or dotted ("a.m.", "p.m.").
    private func isTimeFragment(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        let words = text[range].split(separator: 0x20)
        var numbers = 0
        for word in words {
            if word.contains(where: Characters.isASCIIDigit) {
                numbers += 1
            } else if word.contains(0x2E) {
                continue
            } else if !Self.timeLeadWords.contains(String(decoding: word, as: UTF8.self).lowercased()) {
                return false
            }
        }
        return numbers > 0
    }

    /// Whether `range` is one parenthesis and, at most, final punctuation after it, with no
    /// sentence punctuation inside: "(Smith 55).", "(AP)".
    private func isBareParenthetical(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        var depth = 0
        var close: Int? = nil
        for i in range {
            switch text[i] {
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { close = i }
            case 0x2E, 0x21, 0x3F:
                // A period inside an abbreviation ("p. 4") is not sentence punctuation; one
                // before a space and a capital letter is.
                if depth > 0, i + 2 < range.upperBound, text[i + 1] == 0x20, text[i + 2] >= 0x41 && text[i + 2] <= 0x5A { return false }
                if depth > 0, text[i] != 0x2E { return false }
            default: break
            }
            if close != nil { break }
        }
        // "(See page 5.)" ends a sentence of its own inside the parenthesis.
        guard let close, close > range.lowerBound, ![0x2E, 0x21, 0x3F].contains(text[close - 1]) else { return false }
        return text[(close + 1)..<range.upperBound].allSatisfy { $0 == 0x2E || Characters.isASCIISpace($0) }
    }

    private func firstWord(_ text: [UInt8], _ range: Range<Int>) -> String? {
        var j = range.lowerBound
        while j < range.upperBound, Characters.isASCIILetter(text[j]) || text[j] >= 0x80 { j += 1 }
        return j > range.lowerBound ? String(decoding: text[range.lowerBound..<j], as: UTF8.self) : nil
    }

    // MARK: - Splitting

    /// "… on Monday.DING LINXINHUA": a sentence end glued to an all-capitals word (a photo
    /// credit fused to the text by a scraper).
    private func splitFusedCaptions(_ range: Range<Int>, _ text: [UInt8], into pieces: inout [Range<Int>]) {
        pieces.removeAll(keepingCapacity: true)
        var start = range.lowerBound
        text.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            var i = range.lowerBound + 1
            while i + 3 < range.upperBound {
                // The next period (memchr), then the rule.
                guard let hit = memchr(base + i, 0x2E, range.upperBound - 3 - i) else { break }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if text[i - 1] >= 0x61, text[i - 1] <= 0x7A {
                    var j = i + 1
                    while j < range.upperBound, text[j] >= 0x41, text[j] <= 0x5A { j += 1 }
                    if j - (i + 1) >= 3, j == range.upperBound || text[j] == 0x20 {
                        pieces.append(start..<(i + 1))
                        start = i + 1
                    }
                }
                i += 1
            }
        }
        pieces.append(start..<range.upperBound)
    }

    /// "1.) The first item 2.) The second item": a segment that opens with a list marker is split
    /// before each following marker of the same series.
    private func splitListItems(_ ranges: [Range<Int>], _ text: [UInt8], into out: inout [Range<Int>]) {
        for range in ranges {
            guard let firstMarker = listMarker(text, at: range.lowerBound, limit: range.upperBound, requireText: true) else {
                out.append(range)
                continue
            }
            var expected = firstMarker.value + 1
            var start = range.lowerBound
            var i = firstMarker.end
            while i < range.upperBound {
                if text[i] == 0x20, let marker = listMarker(text, at: i + 1, limit: range.upperBound, requireText: true),
                    marker.value == expected, marker.style == firstMarker.style
                {
                    if let piece = Segmenter.trim(start..<i, in: text) { out.append(piece) }
                    start = i + 1
                    expected += 1
                    i = marker.end
                    continue
                }
                i += 1
            }
            if let piece = Segmenter.trim(start..<range.upperBound, in: text) { out.append(piece) }
        }
    }

    /// A list marker at `i`: "1.", "1)", "1.)", "a.", "• 9.", "⁃9.", with its series value.
    private func listMarker(_ text: [UInt8], at start: Int, limit: Int, requireText: Bool) -> (value: Int, style: Int, end: Int)? {
        let limit = min(limit, text.count)
        var i = start
        var style = 0
        // Bullets: • (E2 80 A2) and ⁃ (E2 81 83), optionally followed by a space.
        if i + 2 < limit, text[i] == 0xE2, (text[i + 1] == 0x80 && text[i + 2] == 0xA2) || (text[i + 1] == 0x81 && text[i + 2] == 0x83) {
            i += 3
            style = 10
            if i < limit, text[i] == 0x20 { i += 1 }
        }
        var value = 0
        var j = i
        while j < limit, j - i < 3, text[j] >= 0x30, text[j] <= 0x39 {
            value = value * 10 + Int(text[j] - 0x30)
            j += 1
        }
        if j == i {
            // A single lowercase letter: a, b, c …
            guard j < limit, text[j] >= 0x61, text[j] <= 0x7A, j + 1 < limit, text[j + 1] == 0x2E else { return nil }
            value = Int(text[j] - 0x61) + 1
            j += 1
            style += 5
        }
        guard j < limit else { return nil }
        if text[j] == 0x2E {
            j += 1
            style += 1
            if j < limit, text[j] == 0x29 {
                j += 1
                style += 1
            }
        } else if text[j] == 0x29 {
            j += 1
            style += 3
        } else {
            return nil
        }
        if !requireText { return (value, style, j) }
        guard j + 1 < limit, text[j] == 0x20, text[j + 1] >= 0x41, text[j + 1] <= 0x5A else { return nil }
        return (value, style, j)
    }
}
