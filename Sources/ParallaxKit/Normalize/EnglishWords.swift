/// Common English words, lowercase, from SCOWL's American English list (see
/// `Scripts/make-english-words`): a capitalised word whose lowercase form is one of them is a
/// common noun or a sentence's first word ("President", "Cup", "Several"), not a name.
enum EnglishWords {
    /// The words, parsed once on first use.
    static let lowercase: Set<String> = Set(lowercaseList.split(separator: "\n").map(String.init))

    static func contains(_ key: String) -> Bool { lowercase.contains(key) }
}

extension EnglishWords {
    /// Each listed word's Zipf frequency (log10 of its occurrences per billion words), parsed
    /// once on first use.
    static let zipfTable: [String: Double] = {
        var table: [String: Double] = [:]
        table.reserveCapacity(50_000)
        for line in frequencyList.split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), let value = Int(line[line.index(after: space)...]) else { continue }
            table[String(line[..<space])] = Double(value) / 100
        }
        return table
    }()

    /// How common a word is in general English: its Zipf frequency (7 for "the", 4 for a word met
    /// a few times in a newspaper, 0 for a word outside the 50,000 most frequent).
    static func zipf(_ key: String) -> Double { zipfTable[key] ?? 0 }
}
