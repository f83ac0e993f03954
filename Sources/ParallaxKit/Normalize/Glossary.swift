/// Equivalence classes of terms and phrases ("CPC" / "CCP" / "Communist Party of China";
/// "shared future for mankind" / "shared future for humanity"): the last folding layer. Two
/// variants of one class are the same term to the aligner, and a difference between them is a
/// `terminology` finding rather than drift.
public struct Glossary: Sendable, Hashable {
    /// One class: its variants as written, and as fold-key sequences.
    public struct Entry: Sendable, Hashable {
        public var variants: [String]
        var keys: [[String]]
    }

    public private(set) var entries: [Entry]
    /// The longest variant, in tokens.
    private var longest: Int
    /// First key of a variant → (class, variant key sequence), longest first.
    private var byFirstKey: [String: [(entry: Int, keys: [String])]]

    public static let empty = Glossary()

    private init() {
        entries = []
        longest = 0
        byFirstKey = [:]
    }

    public static func == (x: Glossary, y: Glossary) -> Bool { x.entries == y.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// A glossary of the given classes, each a list of variants (words or phrases).
    /// - Throws: ``EngineError`` when ICU fails to fold a variant.
    public init(classes: [[String]], normalizer: Normalizer = Normalizer()) throws(EngineError) {
        self.init()
        for variants in classes where variants.count >= 2 {
            var keys: [[String]] = []
            for variant in variants {
                let words = Self.words(of: variant)
                let folded = try normalizer.foldKeys(of: words)
                if !folded.isEmpty { keys.append(folded) }
            }
            let index = entries.count
            entries.append(Entry(variants: variants, keys: keys))
            for sequence in keys {
                longest = max(longest, sequence.count)
                byFirstKey[sequence[0], default: []].append((index, sequence))
            }
        }
        for key in byFirstKey.keys { byFirstKey[key]?.sort { $0.keys.count > $1.keys.count } }
    }

    /// Splits a variant into word tokens the way the word breaker would for simple phrases:
    /// at white space, keeping hyphenated compounds whole, dropping punctuation at the ends.
    static func words(of phrase: String) -> [String] {
        phrase.split(whereSeparator: { $0.isWhitespace }).map { word in
            String(word.drop(while: { $0.isPunctuation && $0 != "-" }).reversed().drop(while: { $0.isPunctuation && $0 != "-" }).reversed())
        }.filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The class of the variant that starts at `keys[position]`, and its length in tokens.
    func match(_ keys: [String], at position: Int) -> (entry: Int, length: Int)? {
        guard let candidates = byFirstKey[keys[position]] else { return nil }
        for candidate in candidates where position + candidate.keys.count <= keys.count {
            if Array(keys[position..<(position + candidate.keys.count)]) == candidate.keys {
                return (candidate.entry, candidate.keys.count)
            }
        }
        return nil
    }

    /// The key that stands for a class, the same for every variant: its first variant's fold
    /// keys, joined by spaces. A single-word key is a variant of the class wherever it occurs, and
    /// no single word's key holds a space, so it cannot stand for anything else.
    func term(ofEntry entry: Int) -> String { entries[entry].keys.first?.joined(separator: " ") ?? "" }
}
