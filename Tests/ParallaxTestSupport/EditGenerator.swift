import Foundation

// MARK: - Random numbers

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator with a fixed, documented
/// output sequence, so a seed gives the same case on every platform and Swift version (unlike
/// the standard library's `SystemRandomNumberGenerator` or the algorithms behind `shuffled()`).
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), by rejection so that it is unbiased.
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        let n = UInt64(bound)
        let limit = UInt64.max - UInt64.max % n
        while true {
            let x = next()
            if x < limit { return Int(x % n) }
        }
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.count)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < p
    }

    /// An element of a non-empty array.
    public mutating func pick<T>(_ array: [T]) -> T {
        array[int(below: array.count)]
    }

    /// A Fisher–Yates shuffle.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, int(below: i + 1))
        }
    }
}

// MARK: - Cases

/// The kinds of edit the generator makes, each with its effect on the true alignment.
public enum EditKind: String, Sendable, CaseIterable, Comparable {
    /// A sentence of A left out of B: an omission.
    case delete
    /// A sentence from another text put into B: an addition.
    case insert
    /// One sentence of A told as two in B (1:2 links).
    case split
    /// Two adjacent sentences of A told as one in B (2:1 links).
    case merge
    /// A paragraph told at another point of B (1:1 links, out of order).
    case move
    /// Words swapped for synonyms, or a leading clause put at the end (1:1).
    case reword
    /// A number changed (1:1).
    case renumber

    public static func < (x: EditKind, y: EditKind) -> Bool {
        (allCases.firstIndex(of: x) ?? 0) < (allCases.firstIndex(of: y) ?? 0)
    }
}

/// One edit as made, with the sentences it touched (indices into the case's sentence lists).
public struct Edit: Sendable, CustomStringConvertible {
    public var kind: EditKind
    /// Sentences of A involved (empty for an insertion).
    public var a: [Int]
    /// Sentences of B involved (empty for a deletion).
    public var b: [Int]

    public var description: String { "\(kind) A\(a) B\(b)" }
}

/// An edited pair of texts and the true alignment between them.
public struct EditedCase: Sendable, CustomStringConvertible {
    public var name: String
    public var seed: UInt64
    /// The texts: paragraphs separated by blank lines.
    public var a: String
    public var b: String
    /// The sentences of each text, in order, as the generator wrote them.
    public var sentencesA: [String]
    public var sentencesB: [String]
    /// True links: 1:1 for kept, reworded, renumbered and moved sentences, 1:2 for a split, 2:1
    /// for a merge.
    public var links: Set<SentencePair>
    /// Sentences of A that B leaves out.
    public var omissions: Set<Int>
    /// Sentences of B (from another text) that A does not have.
    public var additions: Set<Int>
    public var edits: [Edit]

    public var description: String { "\(name) (seed \(seed))" }
}

/// A text to edit: paragraphs of sentences.
public struct BaseText: Sendable {
    public var name: String
    public var paragraphs: [[String]]

    public init(name: String, paragraphs: [[String]]) {
        self.name = name
        self.paragraphs = paragraphs
    }

    public var sentences: [String] { paragraphs.flatMap { $0 } }
}

// MARK: - Generator

/// Makes edited versions of a text whose true edits are known: deletions, insertions from
/// another text, splits, merges, paragraph moves, rewordings and renumberings.
///
/// Deterministic: the same base, donors and seed give the same case. Text A is the base as
/// given; B is the edited copy. Each sentence the generator writes ends with sentence punctuation
/// and is followed by a space and a capital letter (or a blank line), so a sentence segmenter
/// sees the same sentences; callers should still check that it does (see
/// ``EditedCase/sentencesA``) and drop a case whose sentences it reads differently.
public struct EditGenerator: Sendable {
    /// Edits per case besides the one deletion and one insertion every case gets.
    public var extraEdits: ClosedRange<Int>

    public init(extraEdits: ClosedRange<Int> = 3...6) {
        self.extraEdits = extraEdits
    }

    /// A sentence of B while the case is being built: where its content comes from.
    struct Item {
        var id: Int
        var text: String
        /// Sentences of A it carries (empty: inserted).
        var sources: [Int]
        /// Already edited: not edited again.
        var touched: Bool
    }

    /// Makes a case from `base`, inserting sentences taken from `donors` (sentences of other
    /// texts). Returns nil when the base is too short to edit.
    public func makeCase(name: String, base: BaseText, donors: [String], seed: UInt64) -> EditedCase? {
        let paragraphs = base.paragraphs.filter { !$0.isEmpty }
        let sentencesA = paragraphs.flatMap { $0 }
        guard sentencesA.count >= 6, Set(sentencesA).count == sentencesA.count else { return nil }
        var rng = SplitMix64(seed: seed)
        var nextID = 0
        var b: [[Item]] = []
        var index = 0
        for paragraph in paragraphs {
            b.append(paragraph.map { text in
                defer { index += 1; nextID += 1 }
                return Item(id: nextID, text: text, sources: [index], touched: false)
            })
        }
        let names = Self.capitalizedWords(in: sentencesA + donors)
        // A sentence whose words another sentence repeats (a headline and its lead) is not a
        // clean deletion: its content stays in B. Such sentences are never deleted.
        let repeated = Self.repeatedSentences(sentencesA)
        var usedTexts = Set(sentencesA)
        let donors = donors.filter {
            !usedTexts.contains($0) && Self.endsSentence($0) && Self.startsSentence($0) && Self.balancedQuotes($0)
        }

        var kinds: [EditKind] = []
        let extra = rng.int(in: extraEdits)
        let choices: [EditKind] = [.delete, .insert, .split, .merge, .move, .reword, .renumber, .split, .merge]
        for _ in 0..<extra { kinds.append(rng.pick(choices)) }
        // The one sure deletion and insertion first (while every sentence is free to delete);
        // moves last, so that a moved paragraph's record lists the sentences that survive.
        kinds = [.delete, .insert] + kinds.filter { $0 != .move } + kinds.filter { $0 == .move }

        var records: [(kind: EditKind, itemsA: [Int], items: [Int])] = []
        for kind in kinds {
            switch kind {
            case .delete:
                let count = rng.chance(0.25) ? 2 : 1
                let keptA = b.joined().filter { !$0.sources.isEmpty }.count
                guard keptA - count >= 4 else { continue }
                var candidates: [(Int, Int)] = []
                for (p, paragraph) in b.enumerated() {
                    for i in paragraph.indices where i + count <= paragraph.count
                        && paragraph[i..<(i + count)].allSatisfy({ !$0.touched && $0.sources.count == 1 && !repeated.contains($0.sources[0]) }) {
                        candidates.append((p, i))
                    }
                }
                guard !candidates.isEmpty else { continue }
                let (p, i) = rng.pick(candidates)
                let removed = Array(b[p][i..<(i + count)])
                b[p].removeSubrange(i..<(i + count))
                if b[p].isEmpty { b.remove(at: p) }
                records.append((.delete, removed.flatMap(\.sources), []))

            case .insert:
                let fresh = donors.filter { !usedTexts.contains($0) }
                guard !fresh.isEmpty else { continue }
                let text = rng.pick(fresh)
                usedTexts.insert(text)
                let item = Item(id: nextID, text: text, sources: [], touched: true)
                nextID += 1
                if rng.chance(0.25) || b.isEmpty {
                    b.insert([item], at: rng.int(in: 0...b.count))
                } else {
                    let p = rng.int(below: b.count)
                    b[p].insert(item, at: rng.int(in: 0...b[p].count))
                }
                records.append((.insert, [], [item.id]))

            case .split:
                var candidates: [(Int, Int, String, String)] = []
                for (p, paragraph) in b.enumerated() {
                    for (i, item) in paragraph.enumerated() where !item.touched && item.sources.count == 1 {
                        if let (x, y) = Self.split(item.text) { candidates.append((p, i, x, y)) }
                    }
                }
                guard !candidates.isEmpty else { continue }
                let (p, i, x, y) = rng.pick(candidates)
                let source = b[p][i].sources
                let first = Item(id: nextID, text: x, sources: source, touched: true)
                let second = Item(id: nextID + 1, text: y, sources: source, touched: true)
                nextID += 2
                b[p].replaceSubrange(i...i, with: [first, second])
                records.append((.split, source, [first.id, second.id]))

            case .merge:
                var candidates: [(Int, Int, String)] = []
                for (p, paragraph) in b.enumerated() {
                    for i in paragraph.indices.dropLast() {
                        let x = paragraph[i]
                        let y = paragraph[i + 1]
                        guard !x.touched, !y.touched, x.sources.count == 1, y.sources.count == 1,
                              let merged = Self.merge(x.text, y.text, names: names) else { continue }
                        candidates.append((p, i, merged))
                    }
                }
                guard !candidates.isEmpty else { continue }
                let (p, i, text) = rng.pick(candidates)
                let sources = b[p][i].sources + b[p][i + 1].sources
                let item = Item(id: nextID, text: text, sources: sources, touched: true)
                nextID += 1
                b[p].replaceSubrange(i...(i + 1), with: [item])
                records.append((.merge, sources, [item.id]))

            case .reword, .renumber:
                var candidates: [(Int, Int)] = []
                for (p, paragraph) in b.enumerated() {
                    for (i, item) in paragraph.enumerated() where !item.touched && item.sources.count == 1 {
                        candidates.append((p, i))
                    }
                }
                rng.shuffle(&candidates)
                for (p, i) in candidates {
                    let text = b[p][i].text
                    let edited = kind == .reword ? Self.reword(text, rng: &rng) : Self.renumber(text, rng: &rng)
                    guard let edited, edited != text, !usedTexts.contains(edited) else { continue }
                    usedTexts.insert(edited)
                    b[p][i].text = edited
                    b[p][i].touched = true
                    records.append((kind, b[p][i].sources, [b[p][i].id]))
                    break
                }

            case .move:
                guard b.count >= 3 else { continue }
                let from = rng.int(below: b.count)
                var to = rng.int(below: b.count - 1)
                if to >= from { to += 1 }
                let paragraph = b.remove(at: from)
                b.insert(paragraph, at: min(to, b.count))
                let carried = paragraph.filter { !$0.sources.isEmpty }
                records.append((.move, carried.flatMap(\.sources), carried.map(\.id)))
            }
        }

        // Render B and resolve item ids to sentence indices.
        var position: [Int: Int] = [:]
        var sentencesB: [String] = []
        var links = Set<SentencePair>()
        var additions = Set<Int>()
        var carriedA = Set<Int>()
        for item in b.joined() {
            position[item.id] = sentencesB.count
            if item.sources.isEmpty { additions.insert(sentencesB.count) }
            for s in item.sources {
                links.insert(SentencePair(a: s, b: sentencesB.count))
                carriedA.insert(s)
            }
            sentencesB.append(item.text)
        }
        let omissions = Set(sentencesA.indices).subtracting(carriedA)
        let edits = records.map { Edit(kind: $0.kind, a: $0.itemsA.sorted(), b: $0.items.compactMap { position[$0] }.sorted()) }
        return EditedCase(
            name: name, seed: seed, a: Self.render(paragraphs), b: Self.render(b.map { $0.map(\.text) }),
            sentencesA: sentencesA, sentencesB: sentencesB, links: links, omissions: omissions, additions: additions,
            edits: edits)
    }

    // MARK: - Text

    /// Paragraphs joined by blank lines, sentences by spaces; a sentence without final
    /// punctuation (a headline) stands as a paragraph of its own.
    public static func render(_ paragraphs: [[String]]) -> String {
        var out = ""
        for paragraph in paragraphs where !paragraph.isEmpty {
            for (i, sentence) in paragraph.enumerated() {
                if !out.isEmpty {
                    let sameParagraph = i > 0 && endsSentence(paragraph[i - 1]) && endsSentence(sentence)
                    out += sameParagraph ? " " : "\n\n"
                }
                out += sentence
            }
        }
        return out + "\n"
    }

    static let closers: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]"]

    /// Ends with `.`, `!` or `?`, perhaps followed by closing quotes or brackets.
    public static func endsSentence(_ text: String) -> Bool {
        guard let last = text.reversed().first(where: { !closers.contains($0) }) else { return false }
        return last == "." || last == "!" || last == "?"
    }

    /// Begins with a capital letter (a quote mark before it is fine).
    static func startsSentence(_ text: String) -> Bool {
        guard let first = text.first(where: { !"\"'\u{201C}\u{2018}(".contains($0) }) else { return false }
        return first.isUppercase
    }

    static func upperFirst<S: StringProtocol>(_ s: S) -> String {
        guard let first = s.first else { return "" }
        return first.uppercased() + s.dropFirst()
    }

    static func lowerFirst<S: StringProtocol>(_ s: S) -> String {
        guard let first = s.first else { return "" }
        return first.lowercased() + s.dropFirst()
    }

    static func wordCount<S: StringProtocol>(_ s: S) -> Int {
        s.split(separator: " ").count
    }

    /// Words written with a capital inside a sentence somewhere (names): never lowercased.
    static func capitalizedWords(in sentences: [String]) -> Set<String> {
        var names: Set<String> = ["I"]
        for sentence in sentences {
            for word in sentence.split(separator: " ").dropFirst() {
                let w = word.trimmingCharacters(in: .punctuationCharacters)
                if let first = w.first, first.isUppercase { names.insert(w) }
            }
        }
        return names
    }

    /// Straight quotes in pairs and each opening curly quote closed: a sentence that a dataset
    /// cut out of a longer quotation is not a good sentence to insert.
    static func balancedQuotes(_ text: String) -> Bool {
        text.filter { $0 == "\"" }.count % 2 == 0
            && text.filter { $0 == "\u{201C}" }.count == text.filter { $0 == "\u{201D}" }.count
    }

    /// Words of four letters or more, lowercased: a rough stand-in for content words.
    static func contentWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count >= 4 || $0.allSatisfy(\.isNumber) }.map(String.init))
    }

    /// Indices of sentences at least 70% of whose content words one other sentence holds.
    static func repeatedSentences(_ sentences: [String]) -> Set<Int> {
        let words = sentences.map(contentWords)
        var out = Set<Int>()
        for (i, w) in words.enumerated() where !w.isEmpty {
            for (j, other) in words.enumerated() where j != i
                && Double(w.intersection(other).count) >= 0.7 * Double(w.count) {
                out.insert(i)
                break
            }
        }
        return out
    }

    /// Quotes and brackets make a split or a merge unsafe (a half could open a quote the other
    /// closes); so do abbreviations with inner periods.
    static func isPlain(_ text: String) -> Bool {
        !text.contains(where: { "\"\u{201C}\u{201D}()[]:".contains($0) })
    }

    /// Split markers: the clause joint and how the second sentence begins.
    static let splitMarkers: [(marker: String, opening: String)] = [
        (", and ", ""), ("; ", ""), (", but ", "But "), (", which ", "This "),
    ]

    /// The sentence as two, cut at the clause joint nearest its middle; both halves at least
    /// five words, the second beginning with a capital letter.
    static func split(_ text: String) -> (String, String)? {
        guard isPlain(text), endsSentence(text), text.hasSuffix(".") else { return nil }
        var best: (String, String, Int)? = nil
        let middle = text.count / 2
        for (marker, opening) in splitMarkers {
            var searchStart = text.startIndex
            while let range = text.range(of: marker, range: searchStart..<text.endIndex) {
                searchStart = range.upperBound
                let left = text[..<range.lowerBound]
                let right = text[range.upperBound...]
                guard let lastLeft = left.last, lastLeft.isLetter || lastLeft.isNumber,
                      wordCount(left) >= 5, wordCount(right) >= 5 else { continue }
                let second = opening.isEmpty ? upperFirst(right) : opening + right
                guard let firstRight = second.first, firstRight.isUppercase, firstRight.isLetter else { continue }
                let distance = abs(text.distance(from: text.startIndex, to: range.lowerBound) - middle)
                if best == nil || distance < best?.2 ?? Int.max { best = (left + ".", second, distance) }
            }
        }
        return best.map { ($0.0, $0.1) }
    }

    static let noMergeOpenings: Set<String> = ["And", "But", "However", "So", "Or", "Yet", "Meanwhile", "Still", "Also"]

    /// Two sentences as one: ". " becomes ", and ", the second's first word lowercased unless
    /// it is a name.
    static func merge(_ x: String, _ y: String, names: Set<String>) -> String? {
        guard isPlain(x), isPlain(y), x.hasSuffix("."), endsSentence(y), startsSentence(y),
              let lastX = x.dropLast().last, lastX.isLetter || lastX.isNumber,
              wordCount(x) + wordCount(y) <= 60 else { return nil }
        let firstWord = String(y.prefix { $0.isLetter || $0 == "'" || $0 == "\u{2019}" })
        guard !firstWord.isEmpty, !noMergeOpenings.contains(firstWord) else { return nil }
        let second = names.contains(firstWord) || firstWord.count > 1 && firstWord.allSatisfy(\.isUppercase) ? y : lowerFirst(y)
        return x.dropLast() + ", and " + second
    }

    /// Synonyms, one way (a word that is also a noun or verb with another sense is only a
    /// target). Words only, lowercase.
    static let synonyms: [String: String] = [
        "said": "stated", "stated": "said", "says": "states", "announced": "declared", "declared": "announced",
        "began": "started", "started": "began", "helped": "assisted", "large": "big", "big": "large",
        "showed": "revealed", "revealed": "showed", "bought": "purchased", "purchased": "bought",
        "many": "numerous", "numerous": "many", "important": "significant", "country": "nation",
        "countries": "nations", "attacked": "assaulted", "injured": "wounded", "wounded": "injured",
        "died": "perished", "car": "vehicle", "children": "kids", "company": "firm", "companies": "firms",
        "rose": "increased", "quickly": "rapidly", "rapidly": "quickly", "tried": "attempted",
        "attempted": "tried", "needed": "required", "enough": "sufficient", "built": "constructed",
        "recently": "lately", "stopped": "halted", "decision": "ruling", "statement": "declaration",
        "residents": "inhabitants", "officials": "authorities", "huge": "enormous", "near": "close to",
        "however": "nevertheless", "also": "additionally", "because": "as", "told": "informed",
        "asked": "requested", "received": "got", "wanted": "wished", "people": "individuals",
        "city": "town", "often": "frequently", "almost": "nearly", "nearly": "almost",
    ]

    /// Up to three words swapped for synonyms; without any, a leading clause moved to the end
    /// ("After the vote, the party left." → "The party left after the vote.").
    static func reword(_ text: String, rng: inout SplitMix64) -> String? {
        var words: [(range: Range<String.Index>, word: String)] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isLetter else { i = text.index(after: i); continue }
            var j = i
            while j < text.endIndex, text[j].isLetter { j = text.index(after: j) }
            let word = String(text[i..<j])
            if synonyms[word.lowercased()] != nil { words.append((i..<j, word)) }
            i = j
        }
        if !words.isEmpty {
            rng.shuffle(&words)
            let chosen = words.prefix(rng.int(in: 1...3)).sorted { $0.range.lowerBound > $1.range.lowerBound }
            var out = text
            for (range, word) in chosen {
                guard let synonym = synonyms[word.lowercased()] else { continue }
                let replacement = word.first?.isUppercase == true ? upperFirst(synonym) : synonym
                out.replaceSubrange(range, with: replacement)
            }
            return out
        }
        // Clause reorder.
        guard isPlain(text), text.hasSuffix("."), let comma = text.range(of: ", ") else { return nil }
        let intro = text[..<comma.lowerBound]
        let main = text[comma.upperBound...].dropLast()
        guard wordCount(intro) >= 2, wordCount(intro) <= 8, wordCount(main) >= 4, !intro.contains(","),
              let firstMain = main.first, firstMain.isLowercase, !main.hasPrefix("and "), !main.hasPrefix("but "),
              !main.hasPrefix("which "), !main.hasPrefix("who ") else { return nil }
        let openers: Set<String> = ["After", "When", "While", "Although", "Before", "As", "If", "Despite", "During",
                                    "In", "On", "Following", "Since", "Last", "Earlier", "Later", "According"]
        guard let opener = intro.split(separator: " ").first, openers.contains(String(opener)) else { return nil }
        return upperFirst(main) + " " + lowerFirst(intro) + "."
    }

    /// The first plain number (ASCII digits, not inside a word) changed: years by a little,
    /// small numbers by a few, larger ones by about a tenth.
    static func renumber(_ text: String, rng: inout SplitMix64) -> String? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let before = i > 0 ? chars[i - 1] : " "
            let after = j < chars.count ? chars[j] : " "
            let inWord = before.isLetter || after.isLetter || before == "." || before == "," || (after == "," || after == ".") && j + 1 < chars.count && chars[j + 1].isNumber
            if !inWord, j - i <= 9, let value = Int(String(chars[i..<j])) {
                let changed: Int
                if j - i == 4, (1800...2100).contains(value) {
                    changed = value + rng.int(in: 1...3) * (rng.chance(0.5) ? 1 : -1)
                } else if value < 20 {
                    changed = value + rng.int(in: 1...5)
                } else {
                    changed = value + max(1, value / 10) * rng.int(in: 1...3)
                }
                return String(chars[..<i]) + String(changed) + String(chars[j...])
            }
            i = j
        }
        return nil
    }
}
