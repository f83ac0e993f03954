/// Tells when two ways of writing a name are one name: an abbreviation and its full form ("UN" /
/// "United Nations", "U.S." / "United States"), a few conventional aliases ("UK" / "Britain"),
/// and transliteration variants ("Aleksei" / "Alexei" / "Alexey", "Tsirkon" / "Zirkon").
///
/// Fold keys are already Latin and ASCII (ICU's `Any-Latin; Latin-ASCII` is a folding layer), so
/// transliteration variants are compared by a phonetic skeleton of the key: the spellings that
/// romanisations of one name vary between collapse to one letter.
struct NameMatcher: Sendable {
    /// Keys each account uses in lowercase somewhere: such a word is a common noun ("Parliament",
    /// "Government") even where it is capitalised, not a name.
    let commonWords: Set<String>

    init(documents: [(Document, FoldedSentences)]) {
        var common = Set<String>()
        for (document, words) in documents {
            // Each key once (by its number in `words`), not once a word.
            var added = [Bool](repeating: false, count: words.words.keyTexts.count)
            for sentence in document.sentences where sentence.isContent {
                for word in words.words.stored(sentence.index) where !word.isCapitalized && !word.isNumber && !added[Int(word.key)] {
                    added[Int(word.key)] = true
                    common.insert(words.words.key(of: word))
                }
            }
        }
        commonWords = common
    }

    /// Whether a capitalised word is a common noun: written in lowercase somewhere in these
    /// accounts, a common English word, or a title ("President", "Chairwoman").
    func isCommon(_ key: String) -> Bool {
        commonWords.contains(key) || EnglishWords.contains(key) || Lexicon.titles.contains(key)
    }

    // MARK: - Abbreviations

    /// The letters of an abbreviation as written ("U.S." → "US", "NATO" → "NATO"), or nil when
    /// the word is not one (two to six capital letters, periods allowed between them).
    static func abbreviation(_ surface: String) -> String? {
        let letters = surface.filter { $0 != "." }
        guard (2...6).contains(letters.count), letters.allSatisfy({ $0.isUppercase && $0.isLetter }) else { return nil }
        return letters.lowercased()
    }

    /// A word's key without periods and without a possessive ending ("U.S." → "us", "Britain's"
    /// → "britain"), for comparing names written with or without them.
    static func plainKey(_ side: GroupSide, _ k: Int) -> String {
        let folded = side.words[k].key
        var key = folded.utf8.contains(0x2E) ? folded.filter { $0 != "." } : folded
        guard key.count > 2, key.hasSuffix("s") else { return key }
        let surface = side.surface(k)
        if surface.hasSuffix("'s") || surface.hasSuffix("\u{2019}s") {
            key.removeLast()
            if key.hasSuffix("'") { key.removeLast() }
        }
        return key
    }

    /// Words skipped when an abbreviation is made of initials ("United States of America" → USA
    /// keeps "of"'s O out).
    static let skippedInInitials: Set<String> = ["of", "the", "and", "for", "de", "on", "in"]

    /// Whether `letters` are the initials of the words `keys` (function words may be skipped).
    static func isInitials(_ letters: String, of keys: ArraySlice<String>) -> Bool {
        let wanted = Array(letters)
        func match(_ i: Int, _ k: Int) -> Bool {
            if i == wanted.count { return k == keys.endIndex }
            guard k < keys.endIndex, let first = keys[k].first else { return false }
            if first == wanted[i] && match(i + 1, k + 1) { return true }
            return skippedInInitials.contains(keys[k]) && k > keys.startIndex && match(i, k + 1)
        }
        return match(0, keys.startIndex)
    }

    /// Conventional aliases that are not initials, as fold-key sequences.
    static let aliases: [[[String]]] = [
        [["us"], ["usa"], ["united", "states"], ["america"], ["united", "states", "of", "america"]],
        [["uk"], ["united", "kingdom"], ["britain"], ["great", "britain"]],
        [["russia"], ["russian", "federation"]],
        [["prc"], ["china"], ["people's", "republic", "of", "china"], ["peoples", "republic", "of", "china"]],
        [["dprk"], ["north", "korea"]],
        [["rok"], ["south", "korea"]],
        [["uae"], ["emirates"], ["united", "arab", "emirates"]],
        [["ussr"], ["soviet", "union"]],
        [["netherlands"], ["holland"]],
    ]

    /// Whether the name words `range` of one side and some run of names on the other side are one
    /// name by abbreviation or alias. Returns the other side's words.
    func abbreviationMatch(_ range: Range<Int>, in side: GroupSide, other: GroupSide, otherPlainKeys: [String]? = nil) -> Range<Int>? {
        let keys = range.map { Self.plainKey(side, $0) }
        let otherKeys = otherPlainKeys ?? other.words.indices.map { Self.plainKey(other, $0) }
        // An abbreviation on this side, its initials on the other.
        if range.count == 1, let letters = Self.abbreviation(side.surface(range.lowerBound)) {
            for start in otherKeys.indices where other.words[start].isCapitalized {
                var end = start
                while end < otherKeys.count, end - start < 8,
                    other.words[end].isCapitalized || Self.skippedInInitials.contains(otherKeys[end])
                {
                    end += 1
                    if end - start >= 2, other.words[end - 1].isCapitalized, Self.isInitials(letters, of: otherKeys[start..<end]) {
                        return start..<end
                    }
                }
            }
        }
        // A run of names on this side, an abbreviation of its initials on the other.
        if range.count >= 2 {
            for k in otherKeys.indices where other.words[k].isCapitalized && otherKeys[k].count <= 6 {
                if let letters = Self.abbreviation(other.surface(k)), Self.isInitials(letters, of: keys[...]) { return k..<(k + 1) }
            }
        }
        // Conventional aliases (an abbreviation among them only when written in capitals).
        for family in Self.aliases {
            guard family.contains(where: { $0 == keys || (keys.count > 1 && keys.starts(with: $0)) }) else { continue }
            for alias in family where alias != keys {
                for start in otherKeys.indices where otherKeys[start] == alias[0] && start + alias.count <= otherKeys.count {
                    guard Array(otherKeys[start..<(start + alias.count)]) == alias else { continue }
                    if alias.count == 1, alias[0].count <= 4, Self.abbreviation(other.surface(start)) == nil,
                        !other.words[start].isCapitalized
                    {
                        continue
                    }
                    return start..<(start + alias.count)
                }
            }
        }
        return nil
    }

    // MARK: - Transliteration

    /// A phonetic skeleton of a Latin key: the letters that romanisations of one name vary
    /// between are brought to one form (ks/x, ts/tz/z/c/s, ph/f, kh/h, y/j/i, w/v, voiced and
    /// voiceless pairs), doubled letters and a silent h after a consonant dropped, vowels kept.
    static func skeleton(_ key: String) -> String {
        var s = Array(key.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map { Character($0) })
        // Digraphs first.
        var out: [Character] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            let next: Character? = i + 1 < s.count ? s[i + 1] : nil
            switch (c, next) {
            case ("k", "s"), ("c", "k"), ("c", "s"):
                out.append("x")
                i += 2
                continue
            case ("t", "s"), ("t", "z"):
                out.append("s")
                i += 2
                continue
            case ("p", "h"):
                out.append("f")
                i += 2
                continue
            case ("k", "h"), ("g", "h"), ("c", "h"):
                out.append("h")
                i += 2
                continue
            case ("s", "h"), ("s", "z"):
                out.append("s")
                i += 2
                continue
            case ("o", "u"), ("o", "o"):
                out.append("u")
                i += 2
                continue
            case ("d", "h"), ("t", "h"):
                out.append("t")
                i += 2
                continue
            default: break
            }
            switch c {
            case "c": out.append(next.map { "eiy".contains($0) } ?? false ? "s" : "k")
            case "q": out.append("k")
            case "z": out.append("s")
            case "y", "j": out.append("i")
            case "w", "v": out.append("f")
            case "g": out.append("k")
            case "d": out.append("t")
            case "b": out.append("p")
            case "e" where i == s.count - 1 && s.count > 4: break  // a final silent e
            default: out.append(c)
            }
            i += 1
        }
        s = []
        for c in out where s.last != c { s.append(c) }
        // "ei"/"ey"/"ii"/"iy" endings are one sound.
        if s.count > 3, s.last == "i", s[s.count - 2] == "e" { s.remove(at: s.count - 2) }
        return String(s)
    }

    /// Whether two keys are spellings of one name: the same skeleton; or, from the same first
    /// letter, skeletons one edit apart (two for long names: "Nürnberg" / "Nuremberg",
    /// "Lissabon" / "Lisbon", a typo "Humi" / "Huml"); or one stem the start of the other
    /// ("Croat" / "Croatian", "Saxony" / "Saxons"). Both at least four letters.
    static func isSpellingVariant(_ x: String, _ y: String, stemmer: Stemmer) -> Bool {
        isSpellingVariant(Spelling(x), Spelling(y), stemmer: stemmer)
    }

    /// ``isSpellingVariant(_:_:stemmer:)`` of two keys whose skeletons are worked out: a key is
    /// compared with every capitalised word of the other side, and its ``Spelling`` is kept.
    static func isSpellingVariant(_ x: Spelling, _ y: Spelling, stemmer: Stemmer) -> Bool {
        guard x.key != y.key, x.length >= 4, y.length >= 4, x.startsWithLetter else { return false }
        // Cheap first: names of one skeleton start with one sound.
        guard x.first == y.first || x.startSound == y.startSound else { return false }
        let (sx, sy) = (x.skeleton, y.skeleton)
        if sx == sy { return true }
        guard sx.first == sy.first else { return false }
        let limit = max(sx.count, sy.count) >= 8 ? 2 : 1
        if EditDistance.bounded(Array(sx), Array(sy), limit: limit) <= limit { return true }
        let (tx, ty) = (stemmer.stem(x.key), stemmer.stem(y.key))
        let (short, long) = tx.count <= ty.count ? (tx, ty) : (ty, tx)
        return short.count >= 4 && long.hasPrefix(short)
    }

    /// What ``isSpellingVariant(_:_:stemmer:)`` compares of a key: its length in characters,
    /// its first letter and first sound (the skeleton of its first three letters), its skeleton.
    struct Spelling: Sendable {
        let key: String
        let length: Int
        let first: Character?
        let startsWithLetter: Bool
        let startSound: Character?
        let skeleton: String

        init(_ key: String) {
            self.key = key
            length = key.count
            first = key.first
            startsWithLetter = key.first?.isLetter ?? false
            startSound = NameMatcher.skeleton(String(key.prefix(3))).first
            skeleton = NameMatcher.skeleton(key)
        }
    }

}
