/// Common English words, lowercase, from SCOWL's American English list (see
/// `Scripts/make-english-words`): a capitalised word whose lowercase form is one of them is a
/// common noun or a sentence's first word ("President", "Cup", "Several"), not a name.
enum EnglishWords {
    /// The words, indexed once on first use.
    static let lowercase = LineTable(lowercaseList)

    static func contains(_ key: String) -> Bool { lowercase.find(key) != nil }
}

extension EnglishWords {
    /// Each listed word and its Zipf frequency times 100, indexed once on first use.
    static let zipfTable = LineTable(frequencyList, valued: true)

    /// How common a word is in general English: its Zipf frequency (7 for "the", 4 for a word met
    /// a few times in a newspaper, 0 for a word outside the 50,000 most frequent).
    static func zipf(_ key: String) -> Double { zipfTable.find(key).map { Double($0) / 100 } ?? 0 }
}

/// The lines of a text built into the program (a word a line, or "word number" with `valued`),
/// looked up by the word's bytes: a hash table of where each line is in the text itself, 4 bytes
/// a slot, about 8 a line (the word's end and its number are read from the text when found),
/// where a `Set<String>` or `[String: Double]` of copies takes over 100 (the two English lists
/// took 8 MB that way, in every run).
struct LineTable: Sendable {
    private let text: String
    /// Whether a line is "word number" (the word ends at a space), not a word.
    private let valued: Bool
    /// Open addressing: where a listed line starts in `text`, or -1.
    private let slots: [Int32]
    /// How many lines.
    let count: Int

    init(_ text: String, valued: Bool = false) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        self.valued = valued
        // Only the listed lines: not empty, and word and number each below 2^16.
        var starts: [Int32] = []
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var start = 0
            while start < bytes.count {
                let (wordEnd, value, end) = Self.line(at: start, in: bytes, valued: valued)
                if wordEnd > start, wordEnd - start < 1 << 16, value < 1 << 16 { starts.append(Int32(start)) }
                start = end + 1
            }
        }
        var capacity = 16
        while capacity < 2 * starts.count { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            for start in starts {
                let word = Self.word(at: Int(start), in: bytes, valued: valued)
                var slot = Int(truncatingIfNeeded: ByteText.fastHash(word, seed: 0)) & (capacity - 1)
                while slots[slot] >= 0 {
                    // The first of two equal words keeps the place.
                    if ByteText.equal(Self.word(at: Int(slots[slot]), in: bytes, valued: valued), word) { break }
                    slot = (slot + 1) & (capacity - 1)
                }
                if slots[slot] < 0 { slots[slot] = start }
            }
        }
        self.slots = slots
        self.count = starts.count
    }

    /// The line at `start`: where its word ends, its number (0 without one), and where it ends.
    private static func line(at start: Int, in bytes: UnsafeRawBufferPointer, valued: Bool) -> (wordEnd: Int, value: Int, end: Int) {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        guard valued else { return (end, 0, end) }
        var wordEnd = start
        while wordEnd < end && bytes[wordEnd] != 0x20 { wordEnd += 1 }
        var value = 0
        for k in (wordEnd + 1)..<max(end, wordEnd + 1) where bytes[k] >= 0x30 && bytes[k] <= 0x39 {
            value = value * 10 + Int(bytes[k] - 0x30)
        }
        return (wordEnd, value, end)
    }

    private static func word(at start: Int, in bytes: UnsafeRawBufferPointer, valued: Bool) -> UnsafeRawBufferPointer {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && !(valued && bytes[end] == 0x20) { end += 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// The number of `word`'s line (0 for a list of words), or nil when it is not listed.
    func find(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { key in
            let key = UnsafeRawBufferPointer(key)
            return text.utf8.withContiguousStorageIfAvailable { utf8 -> Int? in
                let bytes = UnsafeRawBufferPointer(utf8)
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: ByteText.fastHash(key, seed: 0)) & mask
                while slots[slot] >= 0 {
                    let start = Int(slots[slot])
                    if ByteText.equal(Self.word(at: start, in: bytes, valued: valued), key) {
                        return Self.line(at: start, in: bytes, valued: valued).value
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            } ?? nil
        }
    }
}
