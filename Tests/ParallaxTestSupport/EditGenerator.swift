import Foundation
import ParallaxKit

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
            b.append(
                paragraph.map { text in
                    defer {
                        index += 1
                        nextID += 1
                    }
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
                    for i in paragraph.indices
                    where i + count <= paragraph.count
                        && paragraph[i..<(i + count)].allSatisfy({
                            !$0.touched && $0.sources.count == 1 && !repeated.contains($0.sources[0])
                        })
                    {
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
                            let merged = Self.merge(x.text, y.text, names: names)
                        else { continue }
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
            for (j, other) in words.enumerated()
            where j != i
                && Double(w.intersection(other).count) >= 0.7 * Double(w.count)
            {
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
                    wordCount(left) >= 5, wordCount(right) >= 5
                else { continue }
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
            wordCount(x) + wordCount(y) <= 60
        else { return nil }
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
            guard text[i].isLetter else {
                i = text.index(after: i)
                continue
            }
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
            !main.hasPrefix("which "), !main.hasPrefix("who ")
        else { return nil }
        let openers: Set<String> = [
            "After", "When", "While", "Although", "Before", "As", "If", "Despite", "During",
            "In", "On", "Following", "Since", "Last", "Earlier", "Later", "According",
        ]
        guard let opener = intro.split(separator: " ").first, openers.contains(String(opener)) else { return nil }
        return upperFirst(main) + " " + lowerFirst(intro) + "."
    }

    /// The first plain number (ASCII digits, not inside a word) changed: years by a little,
    /// small numbers by a few, larger ones by about a tenth.
    static func renumber(_ text: String, rng: inout SplitMix64) -> String? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let before = i > 0 ? chars[i - 1] : " "
            let after = j < chars.count ? chars[j] : " "
            let inWord =
                before.isLetter || after.isLetter || before == "." || before == ","
                || (after == "," || after == ".") && j + 1 < chars.count && chars[j + 1].isNumber
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

// MARK: - Category edits

/// Edits that keep a sentence aligned to its original but change it in one known way, each with
/// the finding category a comparison should report for the pair.
public enum CategoryEditKind: String, Sendable, CaseIterable, Comparable {
    /// "not" inserted after an auxiliary or modal, or an existing "not" / "n't" removed, or a
    /// modal of possibility swapped with one of necessity ("may" ↔ "must", "can" ↔ "must").
    case negate
    /// The speaker of "<Name> said" / "said <Name>" / "<Name> added" … replaced by another name.
    case reattribute
    /// A number changed (as ``EditKind/renumber``).
    case renumber
    /// Words swapped for synonyms, at least one of them a content word (as ``EditKind/reword``,
    /// without the clause reorder, which changes no word).
    case reword
    /// Only forms that folding makes equal: case, straight ↔ curly quotes and apostrophes,
    /// hyphen ↔ en dash inside a compound, a compound's hyphen removed, British ↔ American spelling.
    case formatting

    /// The category a comparison should report for the pair; for ``formatting``, the one it may
    /// report (no drift, number, negation, entity or attribution).
    public var expectedCategory: FindingCategory {
        switch self {
        case .negate: .negation
        case .reattribute: .attribution
        case .renumber: .number
        case .reword: .drift
        case .formatting: .formatting
        }
    }

    public static func < (x: CategoryEditKind, y: CategoryEditKind) -> Bool {
        (allCases.firstIndex(of: x) ?? 0) < (allCases.firstIndex(of: y) ?? 0)
    }
}

/// One category edit as made: the sentence of A, its edited copy in B, and what was changed.
public struct CategoryEdit: Sendable, CustomStringConvertible {
    public var kind: CategoryEditKind
    /// The sentence's index in A and in B (the same: a category case keeps every sentence).
    public var a: Int
    public var b: Int
    public var before: String
    public var after: String
    /// What was changed ("not inserted after “will”", "Putin → Xi", "hyphen → en dash in …").
    public var detail: String

    public var expectedCategory: FindingCategory { kind.expectedCategory }
    public var description: String { "\(kind) A\(a)↔B\(b): \(detail)" }
}

/// A text and a copy of it with some sentences changed in one known way each: every sentence
/// keeps its place, so the true links are i ↔ i.
public struct CategoryCase: Sendable, CustomStringConvertible {
    /// The texts and the true alignment (1:1 throughout, nothing one-sided), as an edited case.
    public var edited: EditedCase
    public var edits: [CategoryEdit]

    public var description: String { edited.description }
}

extension EditGenerator {
    /// Makes a case from `base` in which up to `edits` sentences (not adjacent to each other)
    /// get an edit of `kind`; every other sentence is kept as it is. Returns nil when no sentence
    /// of the base can take the edit (the caller counts it as skipped). `speakers` are names to
    /// credit instead (a fixed list of surnames is used when neither they nor the text offer one).
    public func makeCategoryCase(name: String, base: BaseText, kind: CategoryEditKind, seed: UInt64, edits: Int = 2) -> CategoryCase? {
        let paragraphs = base.paragraphs.filter { !$0.isEmpty }
        let sentencesA = paragraphs.flatMap { $0 }
        guard !sentencesA.isEmpty, Set(sentencesA).count == sentencesA.count else { return nil }
        var rng = SplitMix64(seed: seed)
        let names = Self.capitalizedWords(in: sentencesA)
        let textSpeakers = Self.speakerNames(in: sentencesA, names: names)
        var used = Set(sentencesA)
        var sentencesB = sentencesA
        var made: [CategoryEdit] = []
        var order = Array(sentencesA.indices)
        rng.shuffle(&order)
        for i in order where made.count < edits {
            guard !made.contains(where: { abs($0.a - i) < 2 }) else { continue }
            let text = sentencesA[i]
            let result: (String, String)?
            switch kind {
            case .negate: result = Self.negate(text, rng: &rng)
            case .reattribute: result = Self.reattribute(text, names: names, speakers: textSpeakers, rng: &rng)
            case .renumber: result = Self.renumber(text, rng: &rng).map { ($0, "number changed") }
            case .reword: result = Self.contentReword(text, rng: &rng)
            case .formatting: result = Self.reformat(text, rng: &rng)
            }
            guard let (edited, detail) = result, edited != text, !used.contains(edited) else { continue }
            used.insert(edited)
            sentencesB[i] = edited
            made.append(CategoryEdit(kind: kind, a: i, b: i, before: text, after: edited, detail: detail))
        }
        guard !made.isEmpty else { return nil }
        var k = 0
        let paragraphsB = paragraphs.map { paragraph in
            paragraph.map { _ in
                defer { k += 1 }
                return sentencesB[k]
            }
        }
        let links = Set(sentencesA.indices.map { SentencePair(a: $0, b: $0) })
        let edited = EditedCase(
            name: "\(name) [\(kind)]", seed: seed, a: Self.render(paragraphs), b: Self.render(paragraphsB),
            sentencesA: sentencesA, sentencesB: sentencesB, links: links, omissions: [], additions: [],
            edits: made.map { Edit(kind: kind == .renumber ? .renumber : .reword, a: [$0.a], b: [$0.b]) })
        return CategoryCase(edited: edited, edits: made.sorted { $0.a < $1.a })
    }

    // MARK: Words

    /// The words of a text (runs of letters, with inner apostrophes, hyphens and dashes) and
    /// where they are.
    static func words(_ text: String) -> [(range: Range<String.Index>, word: String)] {
        var out: [(Range<String.Index>, String)] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isLetter else {
                i = text.index(after: i)
                continue
            }
            var j = i
            while j < text.endIndex {
                if text[j].isLetter {
                    j = text.index(after: j)
                    continue
                }
                let next = text.index(after: j)
                if "'\u{2019}-\u{2013}".contains(text[j]), next < text.endIndex, text[next].isLetter {
                    j = next
                    continue
                }
                break
            }
            out.append((i..<j, String(text[i..<j])))
            i = j
        }
        return out
    }

    /// The word after `range` (skipping spaces only), if any.
    static func nextWord(in text: String, after range: Range<String.Index>, words: [(range: Range<String.Index>, word: String)]) -> String?
    {
        guard let k = words.firstIndex(where: { $0.range == range }), k + 1 < words.count else { return nil }
        let gap = text[range.upperBound..<words[k + 1].range.lowerBound]
        return gap.allSatisfy { $0 == " " } ? words[k + 1].word : nil
    }

    /// An option of a kind picked first at random (so that rare kinds of change are made as
    /// often as common ones), then one of that kind; the kind is the start of the detail up to
    /// its first quote mark.
    static func pickByKind<T>(
        _ options: [(Range<String.Index>, String, String)], rng: inout SplitMix64, _ body: ((Range<String.Index>, String, String)) -> T
    ) -> T? {
        func kind(_ detail: String) -> String { String(detail.prefix { $0 != "\u{201C}" && $0 != "\"" }) }
        let kinds = Array(Set(options.map { kind($0.2) })).sorted()
        guard !kinds.isEmpty else { return nil }
        let chosen = rng.pick(kinds)
        return body(rng.pick(options.filter { kind($0.2) == chosen }))
    }

    // MARK: Negation

    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "will", "can", "should", "would", "could", "must",
        "may", "might", "has", "have", "had", "does", "do", "did",
    ]
    static let contractions: [String: String] = [
        "don't": "do", "doesn't": "does", "didn't": "did", "isn't": "is", "aren't": "are", "wasn't": "was",
        "weren't": "were", "won't": "will", "can't": "can", "couldn't": "could", "wouldn't": "would",
        "shouldn't": "should", "hasn't": "has", "haven't": "have", "hadn't": "had", "cannot": "can",
    ]
    static let notAfterAuxiliary: Set<String> = [
        "not", "no", "never", "a", "an", "the", "to", "of", "and", "or", "that", "this",
        "it", "he", "she", "they", "we", "you", "i", "there", "been",
    ]

    /// "not" inserted after an auxiliary or removed, or a modal swapped.
    static func negate(_ text: String, rng: inout SplitMix64) -> (String, String)? {
        let ws = words(text)
        var options: [(Range<String.Index>, String, String)] = []
        for (k, (range, word)) in ws.enumerated() where k > 0 {
            let plain = word.replacingOccurrences(of: "\u{2019}", with: "'")
            if let positive = contractions[plain] {
                options.append((range, positive, "contraction removed “\(word)” → “\(positive)”"))
                continue
            }
            guard auxiliaries.contains(word), let next = nextWord(in: text, after: range, words: ws),
                let first = next.first, first.isLowercase, !notAfterAuxiliary.contains(next)
            else { continue }
            if ["has", "have", "had"].contains(word), !(next.hasSuffix("ed") || next.hasSuffix("en")) { continue }
            if next == "not" { continue }
            options.append((range, word == "can" ? "cannot" : word + " not", "not inserted after “\(word)”"))
            let swap: [String: String] = ["may": "must", "must": "may", "can": "must", "might": "must"]
            if let other = swap[word] { options.append((range, other, "modal swapped “\(word)” → “\(other)”")) }
        }
        // An existing "not" removed.
        for (k, (range, word)) in ws.enumerated() where k > 0 && word == "not" {
            let before = ws[k - 1]
            guard text[before.range.upperBound..<range.lowerBound] == " " else { continue }
            options.append((before.range.lowerBound..<range.upperBound, before.word, "not removed “\(before.word) not” → “\(before.word)”"))
        }
        return pickByKind(options, rng: &rng) { option in
            var out = text
            out.replaceSubrange(option.0, with: option.1)
            return (out, option.2)
        }
    }

    // MARK: Attribution

    static let attributionVerbs: Set<String> = [
        "said", "says", "added", "told", "stated", "stressed", "noted", "explained",
        "announced", "declared", "insisted", "claimed", "argued", "warned", "wrote",
    ]
    static let notSpeakers: Set<String> = [
        "The", "He", "She", "They", "It", "We", "I", "This", "That", "But", "And", "A", "An",
        "You", "There", "His", "Her", "Their", "Our", "Its", "Who", "Which", "Officials", "Police",
        "Nor", "However", "In", "On", "At", "For", "If", "When", "After", "As", "So", "Government",
    ]
    static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Chancellor", "Minister",
        "Prime", "Premier", "Senator", "Governor", "Mayor", "General", "Professor", "Prof", "Prof.",
    ]
    static let calendarWords: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]
    /// A name after one of these belongs to a longer phrase ("the Ministry of Justice said",
    /// "Buchanan of London City Airport told"), not the speaker.
    static let namePrepositions: Set<String> = ["of", "for", "at", "from", "to", "in", "on", "with", "by", "tank"]
    static let fixedSurnames = ["Johnson", "Schmidt", "Garcia", "Fischer", "Nakamura", "Okafor", "Lindqvist", "Moreau"]

    /// The speaker runs of a sentence: capitalised words just before or just after a speech verb
    /// (a sentence's first word only when it is written with a capital elsewhere too), titles
    /// left out.
    static func speakerRuns(_ text: String, names: Set<String>) -> [[(range: Range<String.Index>, word: String)]] {
        let ws = words(text)
        var runs: [[(range: Range<String.Index>, word: String)]] = []
        func isNameWord(_ k: Int) -> Bool {
            let w = ws[k].word
            guard let first = w.first, first.isUppercase, !notSpeakers.contains(w), !titles.contains(w),
                !w.allSatisfy(\.isUppercase), !calendarWords.contains(w),
                !w.contains("'"), !w.contains("\u{2019}"), !w.contains("-")
            else { return false }
            return k > 0 || names.contains(w)
        }
        func adjacent(_ x: Int, _ y: Int) -> Bool { text[ws[x].range.upperBound..<ws[y].range.lowerBound] == " " }
        for (k, (_, word)) in ws.enumerated() where attributionVerbs.contains(word) {
            var start = k
            while start > 0, isNameWord(start - 1), adjacent(start - 1, start) { start -= 1 }
            if start < k {
                if start > 0, namePrepositions.contains(ws[start - 1].word) || ws[start - 1].word.hasSuffix(".") { continue }
                if start > 0, ws[start - 1].word.first?.isUppercase == true,
                    text[ws[start - 1].range.upperBound..<ws[start].range.lowerBound] != " "
                {
                    continue
                }
                runs.append(Array(ws[start..<k]))
                continue
            }
            // "said Putin." / "said Putin, adding …": the name ends the clause (in "said Watson
            // was wounded", Watson is not the speaker).
            var end = k + 1
            while end < ws.count, isNameWord(end), adjacent(end - 1, end) { end += 1 }
            let closes = end == ws.count || text[ws[end - 1].range.upperBound...].first.map { ",.;".contains($0) } == true
            if end > k + 1, closes { runs.append(Array(ws[(k + 1)..<end])) }
        }
        return runs
    }

    /// Speakers named in a text, as they are written ("Merkel", "Angela Merkel").
    static func speakerNames(in sentences: [String], names: Set<String>) -> [String] {
        var out: [String] = []
        for sentence in sentences {
            for run in speakerRuns(sentence, names: names) {
                let name = run.map(\.word).joined(separator: " ")
                if !out.contains(name) { out.append(name) }
            }
        }
        return out
    }

    /// Every mention of the sentence's speaker replaced by another name: one the text credits
    /// elsewhere that shares no word with this sentence, or a surname from a fixed list.
    static func reattribute(_ text: String, names: Set<String>, speakers: [String], rng: inout SplitMix64) -> (String, String)? {
        let runs = speakerRuns(text, names: names)
        guard let run = runs.first else { return nil }
        let old = run.map(\.word).joined(separator: " ")
        let sentenceWords = Set(words(text).map(\.word))
        let fromText = speakers.filter { name in
            name != old && name.split(separator: " ").allSatisfy { !sentenceWords.contains(String($0)) }
        }
        let fresh = fixedSurnames.filter { !sentenceWords.contains($0) }
        let new = fromText.isEmpty ? rng.pick(fresh) : rng.pick(fromText)
        // Whole-word mentions of the speaker's name, then of its last word alone ("Merkel").
        var out = text
        var replaced = 0
        for target in [old, run.last?.word ?? old] {
            let (next, count) = replacingWholeWord(target, with: new, in: out)
            out = next
            replaced += count
        }
        guard replaced > 0 else { return nil }
        // Whether a capitalised word (a title or descriptor: "Dr", "Prime Minister", "Tehran
        // prosecutor") stands just before the name, so that the credited words share it.
        let ws = words(text)
        let titled =
            run.first.flatMap { first in ws.firstIndex(where: { $0.range == first.range }) }.map { k in
                k > 0 && ws[k - 1].word.first?.isUppercase == true && text[ws[k - 1].range.upperBound..<ws[k].range.lowerBound] == " "
            } ?? false
        return (
            out,
            "\(old) → \(new)" + (fromText.isEmpty ? " (fixed list)" : "")
                + (titled ? " (after “\(ws[(ws.firstIndex { $0.range == run[0].range } ?? 1) - 1].word)”)" : "")
        )
    }

    /// `text` with each whole-word `target` (no letter either side) replaced, and how many.
    static func replacingWholeWord(_ target: String, with replacement: String, in text: String) -> (String, Int) {
        var out = ""
        var count = 0
        var rest = text[...]
        while let range = rest.range(of: target) {
            let before = range.lowerBound == text.startIndex ? " " : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? " " : text[range.upperBound]
            out += rest[..<range.lowerBound]
            if before.isLetter || after.isLetter {
                out += rest[range]
            } else {
                out += replacement
                count += 1
            }
            rest = rest[range.upperBound...]
        }
        return (out + rest, count)
    }

    // MARK: Rewording

    /// Synonym swaps (``reword(_:rng:)`` without the clause reorder) in which at least one word
    /// swapped, or its replacement, is not a function word.
    static func contentReword(_ text: String, rng: inout SplitMix64) -> (String, String)? {
        let functionWords: Set<String> = ["because", "as", "also", "however", "many", "said", "says", "near", "often", "almost", "nearly"]
        let candidates = words(text).filter { synonyms[$0.word.lowercased()] != nil }
        guard
            candidates.contains(where: {
                !functionWords.contains($0.word.lowercased()) || !functionWords.contains(synonyms[$0.word.lowercased()] ?? "")
            })
        else { return nil }
        for _ in 0..<8 {
            guard let out = reword(text, rng: &rng) else { return nil }
            let before = words(text).map { $0.word.lowercased() }
            let after = Set(words(out).map { $0.word.lowercased() })
            let changed = before.filter { !after.contains($0) }
            // A word of a name ("Manchester City") is not a word to swap.
            let inNames = words(text).dropFirst().contains { $0.word.first?.isUppercase == true && changed.contains($0.word.lowercased()) }
            if inNames { continue }
            if changed.contains(where: { !functionWords.contains($0) })
                || changed.contains(where: { !functionWords.contains(synonyms[$0] ?? $0) })
            {
                return (out, "synonyms for " + changed.map { "“\($0)”" }.joined(separator: ", "))
            }
        }
        return nil
    }

    // MARK: Formatting

    /// British and American spellings that the folding rules make equal.
    static let spellingPairs: [(british: String, american: String)] = [
        ("colour", "color"), ("colours", "colors"), ("favour", "favor"), ("favourite", "favorite"), ("labour", "labor"),
        ("honour", "honor"), ("neighbour", "neighbor"), ("neighbours", "neighbors"), ("behaviour", "behavior"),
        ("centre", "center"), ("centres", "centers"), ("defence", "defense"), ("offence", "offense"),
        ("organisation", "organization"), ("organisations", "organizations"), ("organised", "organized"),
        ("recognise", "recognize"), ("recognised", "recognized"), ("realise", "realize"), ("realised", "realized"),
        ("criticised", "criticized"), ("criticise", "criticize"), ("apologised", "apologized"), ("analyse", "analyze"),
        ("travelled", "traveled"), ("travelling", "traveling"), ("cancelled", "canceled"), ("programme", "program"),
        ("programmes", "programs"), ("catalogue", "catalog"), ("theatre", "theater"), ("metres", "meters"),
        ("kilometres", "kilometers"), ("emphasised", "emphasized"), ("prioritise", "prioritize"), ("modelling", "modeling"),
        ("authorised", "authorized"), ("harbour", "harbor"), ("rumours", "rumors"),
        ("mobilised", "mobilized"), ("stabilise", "stabilize"), ("utilise", "utilize"), ("characterised", "characterized"),
    ]

    /// Function words and speech verbs, whose case a writer does not change.
    static let caseFunctionWords: Set<String> = [
        "that", "this", "with", "from", "they", "have", "were", "been", "will", "would",
        "said", "says", "told", "added", "their", "there", "which", "when", "what", "also",
        "about", "into", "than", "then", "them", "these", "those", "while", "after", "before",
    ]

    /// One or two formatting changes: a word's case, quotes and apostrophes, a compound's dash,
    /// a compound closed up, a British or American spelling.
    static func reformat(_ text: String, rng: inout SplitMix64) -> (String, String)? {
        let ws = words(text)
        var options: [(Range<String.Index>, String, String)] = []
        for (k, (range, word)) in ws.enumerated() where k > 0 {
            let lower = word.lowercased()
            // Case.
            if word.count >= 4, word.allSatisfy({ $0.isLetter && $0.isLowercase }), !caseFunctionWords.contains(word) {
                options.append((range, upperFirst(word), "case “\(word)” → “\(upperFirst(word))”"))
            }
            // Apostrophes.
            if word.contains("'") {
                options.append((range, word.replacingOccurrences(of: "'", with: "\u{2019}"), "apostrophe ' → ’ in “\(word)”"))
            }
            if word.contains("\u{2019}") {
                options.append((range, word.replacingOccurrences(of: "\u{2019}", with: "'"), "apostrophe ’ → ' in “\(word)”"))
            }
            // Compounds.
            if word.contains("-") {
                options.append((range, word.replacingOccurrences(of: "-", with: "\u{2013}"), "hyphen → en dash in “\(word)”"))
                options.append((range, word.replacingOccurrences(of: "-", with: ""), "hyphen removed in “\(word)”"))
            }
            if word.contains("\u{2013}") {
                options.append((range, word.replacingOccurrences(of: "\u{2013}", with: "-"), "en dash → hyphen in “\(word)”"))
            }
            // Spelling.
            for (british, american) in spellingPairs where british != american {
                let other = lower == british ? american : lower == american ? british : nil
                guard let other else { continue }
                let written = word.first?.isUppercase == true ? upperFirst(other) : other
                options.append((range, written, "spelling “\(word)” → “\(written)”"))
            }
        }
        // Double quotes: a straight pair curled, or a curly pair straightened.
        if text.filter({ $0 == "\"" }).count == 2, let open = text.firstIndex(of: "\""), let close = text.lastIndex(of: "\"") {
            var out = text
            out.replaceSubrange(close...close, with: "\u{201D}")
            out.replaceSubrange(open...open, with: "\u{201C}")
            options.append((text.startIndex..<text.endIndex, out, "quotes \"…\" → “…”"))
        }
        if text.filter({ $0 == "\u{201C}" }).count == 1, text.filter({ $0 == "\u{201D}" }).count == 1 {
            let out = text.replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            options.append((text.startIndex..<text.endIndex, out, "quotes “…” → \"…\""))
        }
        guard let first = pickByKind(options, rng: &rng, { $0 }) else { return nil }
        rng.shuffle(&options)
        // The first change, and a second one on other text when there is one.
        var out = text
        var details = [first.2]
        if let second = options.dropFirst().first(where: { !$0.0.overlaps(first.0) && $0.0 != text.startIndex..<text.endIndex }),
            first.0 != text.startIndex..<text.endIndex, rng.chance(0.5)
        {
            for change in [first, second].sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
                out.replaceSubrange(change.0, with: change.1)
            }
            details.append(second.2)
        } else if first.0 == text.startIndex..<text.endIndex {
            out = first.1
        } else {
            out.replaceSubrange(first.0, with: first.1)
        }
        return (out, details.joined(separator: "; "))
    }
}
