import Foundation

/// The aligner's view of two documents: each content sentence as a sorted set of term ids
/// (fold keys with spelling variants and glossary classes applied, stemmed), each term with a
/// weight from its inverse document frequency over the sentences of both accounts and its kind
/// (numbers and names strong, function words weak).
struct TermModel: Sendable {
    /// A content sentence: its index in its document, its terms and their total weight.
    struct Unit {
        var sentence: Int
        /// ``Document/fingerprint(ofSentence:)``, for pins; empty when the model was made
        /// without fingerprints (no pins).
        var fingerprint: String = ""
        var terms: [Int32]
        var weight: Double
    }

    var a: [Unit]
    var b: [Unit]
    /// Weight of each term id.
    var weights: [Double]
    /// A word as written for each term id (its first occurrence), for messages.
    var surfaces: [String]
    /// How many content sentences, on both sides, hold each term.
    var documentFrequency: [Int32]

    init(a: Document, b: Document, options: AlignmentOptions) {
        self.init(
            a: a, b: b, folder: WordFolder(documents: [a, b], glossary: options.glossary), language: options.language,
            fingerprints: !options.pins.isEmpty)
    }

    /// Whether English stems are joined into derivational families (``WordFamily``) by default.
    static let families = true

    /// `fingerprints`: whether to give each unit its sentence's fingerprint, which only pins
    /// need; `families`: whether to join English stems into derivational families.
    init(a: Document, b: Document, folder: WordFolder, language: String, fingerprints: Bool, families: Bool = Self.families) {
        // Each account's terms on a thread of its own, numbered in the order of first use in
        // it; then B's numbers are joined to A's, so that a term's number is where it is first
        // used in A, then in B: what one pass over A and then B would give.
        let sides = Concurrently.both { forA in
            SideTerms(of: forA ? a : b, folder: folder, language: language, fingerprints: fingerprints, families: families)
        }
        var factors = sides.a.factors
        var surfaces = sides.a.surfaces
        var numberInA = [Int32](repeating: 0, count: sides.b.keys.count)
        for (local, key) in sides.b.keys.enumerated() {
            if let id = sides.a.ids[key] {
                factors[Int(id)] = max(factors[Int(id)], sides.b.factors[local])
                numberInA[local] = id
            } else {
                numberInA[local] = Int32(factors.count)
                factors.append(sides.b.factors[local])
                surfaces.append(sides.b.surfaces[local])
            }
        }
        var unitsA = sides.a.units
        let unitsOfB = sides.b.units
        var unitsB = Concurrently.map(unitsOfB.count) { [numberInA] range in
            unitsOfB[range].map { unit in
                var unit = unit
                unit.terms = unit.terms.map { numberInA[Int($0)] }
                unit.terms.sort()
                return unit
            }
        }
        let termCount = factors.count
        var df = [Int32](repeating: 0, count: termCount)
        for unit in unitsA { for t in unit.terms { df[Int(t)] += 1 } }
        for unit in unitsB { for t in unit.terms { df[Int(t)] += 1 } }
        let n = Double(unitsA.count + unitsB.count)
        var weights = [Double](repeating: 0, count: termCount)
        for t in 0..<termCount {
            let idf = log1p(n / Double(max(df[t], 1)))
            weights[t] = idf * factors[t]
        }
        for i in unitsA.indices { unitsA[i].weight = unitsA[i].terms.reduce(0) { $0 + weights[Int($1)] } }
        for i in unitsB.indices { unitsB[i].weight = unitsB[i].terms.reduce(0) { $0 + weights[Int($1)] } }
        self.a = unitsA
        self.b = unitsB
        self.weights = weights
        self.surfaces = surfaces
        self.documentFrequency = df
    }

    /// One account's content sentences as terms, numbered in the order of their first use in
    /// it: each term's key, kind factor (the strongest use) and first surface.
    private struct SideTerms: Sendable {
        var units: [Unit] = []
        var ids: [String: Int32] = [:]
        var keys: [String] = []
        var factors: [Double] = []
        var surfaces: [String] = []

        init(of document: Document, folder: WordFolder, language: String, fingerprints: Bool, families: Bool) {
            let stemmer = Stemmer(language: language, remembers: false)
            let stop = language.hasPrefix("en") ? StopWords.english : []
            let families = families && language.hasPrefix("en")
            let rows = folder.sentences(of: document).words
            // The term of each key number of `rows` met as a plain word (no number, no glossary
            // match), and whether it is a function word: later words of the key take it from here.
            var plain = [(term: Int32, isStop: Bool)?](repeating: nil, count: rows.keyTexts.count)
            for sentence in document.sentences where sentence.isContent {
                var terms: [Int32] = []
                for word in rows.stored(sentence.index) {
                    // The word as written: only for a new term and for a number's parts.
                    func written() -> String { Document.displayText(document.source.utf8[rows.span(of: word)]) }
                    if word.glossaryIndex > 0 {
                        terms.append(intern(rows.key(of: word), factor: 1.5, surface: written()))
                        continue
                    }
                    if !word.isNumber, let known = plain[Int(word.key)] {
                        let factor = known.isStop ? 0.15 : word.isName ? 1.5 : 1.0
                        factors[Int(known.term)] = max(factors[Int(known.term)], factor)
                        terms.append(known.term)
                        continue
                    }
                    let key = rows.key(of: word)
                    let isStop = stop.contains(key)
                    let factor = word.isNumber ? 2.0 : isStop ? 0.15 : word.isName ? 1.5 : 1.0
                    // Stemmed once a key number (a form as written: "The" and "the" are two):
                    // later words of it take their term from `plain`, and no table of stems is kept.
                    var stemmed = key
                    if !word.isNumber && !isStop {
                        stemmed = stemmer.stem(key)
                        if families {
                            let family = WordFamily.key(of: stemmed)
                            if !stop.contains(family) { stemmed = family }
                        }
                    }
                    let term = intern(stemmed, factor: factor, surface: written())
                    terms.append(term)
                    if !word.isNumber { plain[Int(word.key)] = (term, isStop) }
                    // A compound with a number also counts its parts, so "17-year old" meets
                    // "17 year-old" and "COVID-19" meets "COVID".
                    if word.isNumber, document.source.utf8[rows.span(of: word)].contains(0x2D), written().contains("-") {
                        for part in written().lowercased().split(separator: "-") where part.count >= 2 {
                            let piece = String(part)
                            let isNumber = piece.allSatisfy(\.isNumber)
                            guard !stop.contains(piece) else { continue }
                            terms.append(intern(isNumber ? piece : stemmer.stem(piece), factor: isNumber ? 2.0 : 1.0, surface: piece))
                        }
                    }
                }
                terms.sort()
                var unique: [Int32] = []
                unique.reserveCapacity(terms.count)
                for t in terms where unique.last != t { unique.append(t) }
                units.append(
                    Unit(
                        sentence: sentence.index, fingerprint: fingerprints ? document.fingerprint(ofSentence: sentence.index) : "",
                        terms: unique, weight: 0))
            }
        }

        private mutating func intern(_ key: String, factor: Double, surface: @autoclosure () -> String) -> Int32 {
            if let id = ids[key] {
                factors[Int(id)] = max(factors[Int(id)], factor)
                return id
            }
            let id = Int32(keys.count)
            ids[key] = id
            keys.append(key)
            factors.append(factor)
            surfaces.append(surface())
            return id
        }
    }

    /// Calls `body` with each term two sorted term lists share, in order (a merge: no set is
    /// built).
    @inline(__always)
    static func forEachShared(_ x: [Int32], _ y: [Int32], _ body: (Int32) -> Void) {
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                body(x[i])
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// Total weight of the terms two sorted term lists share.
    func sharedWeight(_ x: [Int32], _ y: [Int32]) -> Double {
        var total = 0.0
        Self.forEachShared(x, y) { total += weights[Int($0)] }
        return total
    }

    /// The terms two sorted lists share, sorted.
    static func intersection(_ x: [Int32], _ y: [Int32]) -> [Int32] {
        var out: [Int32] = []
        forEachShared(x, y) { out.append($0) }
        return out
    }

    func weight(of terms: [Int32]) -> Double { terms.reduce(0) { $0 + weights[Int($1)] } }
}
