/// What folding knows about the whole set of texts being compared: which British/American
/// spelling pairs are in play, and which closed compounds ("highlevel") appear, so that their
/// open forms ("high level") can meet them.
struct FoldContext: Sendable {
    /// Base keys to replace with a shared spelling.
    let spelling: [String: String]
    /// Single-token keys (after spelling) that an adjacent pair of tokens may spell as two words.
    let closedForms: Set<String>

    /// Builds the context from the base keys of every token in play (in any order, repeats fine).
    init(keys: some Sequence<String>) {
        var distinct = Set<String>()
        for key in keys { distinct.insert(key) }
        let spelling = SpellingVariants.confirmed(in: distinct)
        self.spelling = spelling
        self.closedForms = Set(
            distinct.lazy.filter { $0.count >= 6 && $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }.map { spelling[$0] ?? $0 }
        )
    }

    /// The key of a token after the orthography layer's spelling step.
    func key(_ base: String) -> String { spelling[base] ?? base }

    /// Whether two adjacent word keys together spell a closed compound that is in play:
    /// "high" + "level" when "highlevel" (or "high-level") occurs.
    func isOpenCompound(_ first: String, _ second: String) -> Bool {
        first.count >= 2 && second.count >= 2 && closedForms.contains(key(first) + key(second))
    }
}
