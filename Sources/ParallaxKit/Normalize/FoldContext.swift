/// What folding knows about the whole set of texts being compared: which British/American
/// spelling pairs are in play, and which closed compounds ("highlevel") appear, so that their
/// open forms ("high level") can meet them.
struct FoldContext: Sendable {
    /// Base keys to replace with a shared spelling.
    let spelling: [String: String]
    /// Single-token keys (after spelling) that an adjacent pair of tokens may spell as two words.
    let closedForms: Set<String>
    /// Hashes (``hash(_:)``) of the proper byte prefixes and suffixes of the ASCII closed forms:
    /// two ASCII keys spell a closed form only when the first is among the prefixes and the
    /// second among the suffixes.
    private let prefixes: Set<UInt64>
    private let suffixes: Set<UInt64>

    /// Builds the context from the base keys of every token in play (in any order, repeats fine).
    init(keys: some Sequence<String>) {
        var distinct = Set<String>()
        for key in keys { distinct.insert(key) }
        let spelling = SpellingVariants.confirmed(in: distinct)
        self.spelling = spelling
        let closedForms = Set(
            distinct.lazy.filter { $0.count >= 6 && $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }.map { spelling[$0] ?? $0 }
        )
        self.closedForms = closedForms
        var prefixes = Set<UInt64>()
        var suffixes = Set<UInt64>()
        for form in closedForms {
            let bytes = Array(form.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { continue }
            for cut in 1..<bytes.count {
                prefixes.insert(Self.hash(bytes[..<cut]))
                suffixes.insert(Self.hash(bytes[cut...]))
            }
        }
        self.prefixes = prefixes
        self.suffixes = suffixes
    }

    /// The key of a token after the orthography layer's spelling step.
    func key(_ base: String) -> String { spelling[base] ?? base }

    /// Whether two adjacent word keys together spell a closed compound that is in play:
    /// "high" + "level" when "highlevel" (or "high-level") occurs.
    func isOpenCompound(_ first: String, _ second: String) -> Bool {
        first.count >= 2 && second.count >= 2 && closedForms.contains(key(first) + key(second))
    }

    /// What a word key can be in an open compound, as ``CompoundParts`` bits: a filter for
    /// ``isOpenCompound(_:_:)``, asked once per key instead of once per pair of keys.
    func compoundParts(_ key: String) -> CompoundParts {
        var spelled = self.key(key)
        return spelled.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return [] }
            var parts: CompoundParts = .ascii
            let hash = Self.hash(bytes)
            if prefixes.contains(hash) { parts.insert(.prefix) }
            if suffixes.contains(hash) { parts.insert(.suffix) }
            return parts
        }
    }

    /// Whether two keys with these parts may spell a closed form: false only when both are
    /// ASCII (so their joined bytes are the closed form's) and the first is no closed form's
    /// prefix or the second no closed form's suffix. Exact: a hash collision only lets a pair
    /// through to ``isOpenCompound(_:_:)``.
    static func mayBeOpenCompound(_ first: CompoundParts, _ second: CompoundParts) -> Bool {
        !(first.contains(.ascii) && second.contains(.ascii)) || (first.contains(.prefix) && second.contains(.suffix))
    }

    /// FNV-1a over bytes.
    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}

/// What a key is to ``FoldContext/mayBeOpenCompound(_:_:)``.
struct CompoundParts: OptionSet, Sendable {
    let rawValue: UInt8
    /// The key (after spelling) is ASCII.
    static let ascii = CompoundParts(rawValue: 1)
    /// Its bytes begin an ASCII closed form (and are not all of it).
    static let prefix = CompoundParts(rawValue: 2)
    /// Its bytes end one (and are not all of it).
    static let suffix = CompoundParts(rawValue: 4)
}
