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
/// looked up by the word's bytes: a hash table of where each line is in the text itself, about
/// 12 bytes a line, where a `Set<String>` or `[String: Double]` of copies takes over 100 (the
/// two English lists took 8 MB that way, in every run).
struct LineTable: Sendable {
    private let text: String
    /// Each line: the word's start (upper 32 bits), its length (16) and its number (16).
    private let lines: [UInt64]
    /// Open addressing over `lines`: an index into it, or -1.
    private let slots: [Int32]

    init(_ text: String, valued: Bool = false) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var lines: [UInt64] = []
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            var start = 0
            while start < utf8.count {
                var end = start
                while end < utf8.count && utf8[end] != 0x0A { end += 1 }
                var wordEnd = end
                var value = 0
                if valued {
                    wordEnd = start
                    while wordEnd < end && utf8[wordEnd] != 0x20 { wordEnd += 1 }
                    for k in (wordEnd + 1)..<max(end, wordEnd + 1) where utf8[k] >= 0x30 && utf8[k] <= 0x39 {
                        value = value * 10 + Int(utf8[k] - 0x30)
                    }
                }
                if wordEnd > start, wordEnd - start < 1 << 16, value < 1 << 16 {
                    lines.append(UInt64(start) << 32 | UInt64(wordEnd - start) << 16 | UInt64(value))
                }
                start = end + 1
            }
        }
        var capacity = 16
        while capacity < 2 * lines.count { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            for (index, line) in lines.enumerated() {
                let word = Self.word(line, in: bytes)
                var slot = Int(truncatingIfNeeded: ByteText.fastHash(word, seed: 0)) & (capacity - 1)
                while slots[slot] >= 0 {
                    // The first of two equal words keeps the place.
                    if ByteText.equal(Self.word(lines[Int(slots[slot])], in: bytes), word) { break }
                    slot = (slot + 1) & (capacity - 1)
                }
                if slots[slot] < 0 { slots[slot] = Int32(index) }
            }
        }
        self.lines = lines
        self.slots = slots
    }

    private static func word(_ line: UInt64, in text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = Int(line >> 32)
        return UnsafeRawBufferPointer(rebasing: text[start..<(start + Int((line >> 16) & 0xFFFF))])
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
                    let line = lines[Int(slots[slot])]
                    if ByteText.equal(Self.word(line, in: bytes), key) { return Int(line & 0xFFFF) }
                    slot = (slot + 1) & mask
                }
                return nil
            } ?? nil
        }
    }

    /// How many lines.
    var count: Int { lines.count }
}
