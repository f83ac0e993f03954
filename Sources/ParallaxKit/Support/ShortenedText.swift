/// Quoted words cut to a length a person reads in one line: the messages of findings (Report/)
/// and the reports' quotes (Render/) cut them alike.
enum ShortenedText {
    /// `text` with at most `limit` words: when longer, its first words and its last, joined by
    /// ` … `. Quotes of changed words stay short enough to read in one line.
    static func shortened(_ text: String, limit: Int = 10) -> String {
        // Words are parted by spaces: with fewer than `limit` spaces there are at most `limit`.
        var spaces = 0
        for byte in text.utf8 where byte == 0x20 { spaces += 1 }
        guard spaces >= limit else { return text }
        return bySpaces(text, limit: limit) ?? byCharacters(text, limit: limit)
    }

    /// ``shortened(_:limit:)`` by characters: the definition.
    static func byCharacters(_ text: String, limit: Int) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > limit, limit >= 3 else { return text }
        let head = (limit + 1) / 2
        let tail = limit - head
        let lead = String(text.prefix { $0 == " " })
        let trail = String(text.reversed().prefix { $0 == " " })
        return lead + words.prefix(head).joined(separator: " ") + " … " + words.suffix(tail).joined(separator: " ") + trail
    }

    /// ``shortened(_:limit:)`` on the bytes, without splitting the whole text: the first and
    /// last words are found from each end. Only for a text whose every space has ASCII bytes
    /// (or an end) on both sides, so that each space byte is a character of its own (a
    /// combining mark after a space, or a prepended mark before one, joins it into another
    /// character, which a split at " " does not cut); nil for any other text.
    static func bySpaces(_ text: String, limit: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let n = bytes.count
            for i in 0..<n where bytes[i] == 0x20 {
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < n && bytes[i + 1] >= 0x80) { return nil }
            }
            guard limit >= 3 else { return String(decoding: bytes, as: UTF8.self) }
            // The words (runs of other bytes) from the start, counting to one over the limit.
            var head: [Range<Int>] = []
            var count = 0
            var i = 0
            let headCount = (limit + 1) / 2
            while i < n, count <= limit {
                while i < n, bytes[i] == 0x20 { i += 1 }
                guard i < n else { break }
                let start = i
                while i < n, bytes[i] != 0x20 { i += 1 }
                if head.count < headCount { head.append(start..<i) }
                count += 1
            }
            guard count > limit else { return String(decoding: bytes, as: UTF8.self) }
            var tail: [Range<Int>] = []
            var j = n
            while tail.count < limit - headCount {
                while j > 0, bytes[j - 1] == 0x20 { j -= 1 }
                let end = j
                while j > 0, bytes[j - 1] != 0x20 { j -= 1 }
                tail.append(j..<end)
            }
            var out: [UInt8] = []
            let lead = bytes.prefix { $0 == 0x20 }.count
            let trail = bytes.reversed().prefix { $0 == 0x20 }.count
            out.append(contentsOf: repeatElement(0x20, count: lead))
            for (k, word) in head.enumerated() {
                if k > 0 { out.append(0x20) }
                out.append(contentsOf: bytes[word])
            }
            out.append(contentsOf: " … ".utf8)
            for (k, word) in tail.reversed().enumerated() {
                if k > 0 { out.append(0x20) }
                out.append(contentsOf: bytes[word])
            }
            out.append(contentsOf: repeatElement(0x20, count: trail))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
