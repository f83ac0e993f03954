/// The aligner's view of two documents: each content sentence as a sorted set of term ids
/// (fold keys with spelling variants and glossary classes applied, stemmed), each term with a
/// weight from its inverse document frequency over the sentences of both accounts and its kind
/// (numbers and names strong, function words weak).
struct TermModel {
    /// A content sentence: its index in its document, its terms and their total weight.
    struct Unit {
        var sentence: Int
        var terms: [Int32]
        var weight: Double
    }

    var a: [Unit]
    var b: [Unit]
    /// Weight of each term id.
    var weights: [Double]
    /// The text of each term id (a stem).
    var termTexts: [String]
    /// A word as written for each term id (its first occurrence), for messages.
    var surfaces: [String]
    /// How many content sentences, on both sides, hold each term.
    var documentFrequency: [Int32]

    init(a: Document, b: Document, options: AlignmentOptions) {
        let context = FoldContext(keys: a.vocabulary + b.vocabulary)
        let stemmer = Stemmer(language: options.language)
        var interned: [String: Int32] = [:]
        var texts: [String] = []
        var factors: [Double] = []
        var surfaces: [String] = []
        var stemCache: [String: String] = [:]
        let stop = options.language.hasPrefix("en") ? StopWords.english : []

        func intern(_ key: String, factor: Double, surface: @autoclosure () -> String) -> Int32 {
            if let id = interned[key] {
                factors[Int(id)] = max(factors[Int(id)], factor)
                return id
            }
            let id = Int32(texts.count)
            interned[key] = id
            texts.append(key)
            factors.append(factor)
            surfaces.append(surface())
            return id
        }

        func units(of document: Document) -> [Unit] {
            var result: [Unit] = []
            for sentence in document.sentences where sentence.isContent {
                // The sentence's word and number tokens as keys, open compounds joined.
                var keys: [String] = []
                var kinds: [(number: Bool, name: Bool)] = []
                var spans: [Range<Int>] = []
                let tokens = document.tokens[sentence.tokenRange]
                var i = tokens.startIndex
                while i < tokens.endIndex {
                    let token = tokens[i]
                    i += 1
                    guard token.kind != .punctuation else { continue }
                    var key = context.key(document.vocabulary[Int(token.key)])
                    if token.kind == .word, i < tokens.endIndex, tokens[i].kind == .word, tokens[i].start > token.end {
                        let next = context.key(document.vocabulary[Int(tokens[i].key)])
                        if context.isOpenCompound(key, next) {
                            key += next
                            i += 1
                        }
                    }
                    keys.append(key)
                    spans.append(token.range.lowerBound..<Int(tokens[i - 1].end))
                    kinds.append((token.kind == .number, !keys.isEmpty && keys.count > 1 && Self.looksLikeName(document.source.utf8[token.range])))
                }
                var terms: [Int32] = []
                var k = 0
                while k < keys.count {
                    if let (entry, length) = options.glossary.match(keys, at: k) {
                        let span = spans[k].lowerBound..<spans[k + length - 1].upperBound
                        terms.append(intern(Glossary.term(ofEntry: entry), factor: 1.5, surface: Document.displayText(document.source.utf8[span])))
                        k += length
                        continue
                    }
                    let key = keys[k]
                    let factor: Double
                    let isStop = stop.contains(key)
                    if kinds[k].number {
                        factor = 2.0
                    } else if isStop {
                        factor = 0.15
                    } else if kinds[k].name {
                        factor = 1.5
                    } else {
                        factor = 1.0
                    }
                    var stemmed = key
                    if !kinds[k].number && !isStop {
                        if let cached = stemCache[key] {
                            stemmed = cached
                        } else {
                            stemmed = stemmer.stem(key)
                            stemCache[key] = stemmed
                        }
                    }
                    terms.append(intern(stemmed, factor: factor, surface: String(decoding: document.source.utf8[spans[k]], as: UTF8.self)))
                    k += 1
                }
                terms.sort()
                var unique: [Int32] = []
                unique.reserveCapacity(terms.count)
                for t in terms where unique.last != t { unique.append(t) }
                result.append(Unit(sentence: sentence.index, terms: unique, weight: 0))
            }
            return result
        }

        var unitsA = units(of: a)
        var unitsB = units(of: b)
        var df = [Int32](repeating: 0, count: texts.count)
        for unit in unitsA { for t in unit.terms { df[Int(t)] += 1 } }
        for unit in unitsB { for t in unit.terms { df[Int(t)] += 1 } }
        let n = Double(unitsA.count + unitsB.count)
        var weights = [Double](repeating: 0, count: texts.count)
        for t in texts.indices {
            let idf = log1p(n / Double(max(df[t], 1)))
            weights[t] = idf * factors[t]
        }
        for i in unitsA.indices { unitsA[i].weight = unitsA[i].terms.reduce(0) { $0 + weights[Int($1)] } }
        for i in unitsB.indices { unitsB[i].weight = unitsB[i].terms.reduce(0) { $0 + weights[Int($1)] } }
        self.a = unitsA
        self.b = unitsB
        self.weights = weights
        self.termTexts = texts
        self.surfaces = surfaces
        self.documentFrequency = df
    }

    /// A capitalised word (not an all-lowercase one): a name or an acronym.
    static func looksLikeName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first >= 0x41 && first <= 0x5A { return true }
        // Non-ASCII capitals (Cyrillic, Latin with diacritics).
        if first >= 0xC0, let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first {
            return scalar.properties.isUppercase
        }
        return false
    }

    /// Total weight of the terms two sorted term lists share.
    func sharedWeight(_ x: [Int32], _ y: [Int32]) -> Double {
        var i = 0
        var j = 0
        var total = 0.0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                total += weights[Int(x[i])]
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return total
    }

    /// The terms two sorted lists share, sorted.
    static func intersection(_ x: [Int32], _ y: [Int32]) -> [Int32] {
        var i = 0
        var j = 0
        var out: [Int32] = []
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                out.append(x[i])
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }

    func weight(of terms: [Int32]) -> Double { terms.reduce(0) { $0 + weights[Int($1)] } }
}

import Foundation
