/// The evidence that a content sentence of A and one of B tell the same thing.
struct LinkEvidence: Hashable, Sendable {
    /// Weight of what the two share: the link's weight in the order backbone.
    var shared: Double
    /// Similarity both ways, 0 to 1.
    var cosine: Double
    /// Share of A's sentence that B's carries, and of B's that A's carries (containment, which
    /// finds one-to-many links), 0 to 1.
    var coverageA: Double
    var coverageB: Double
}

extension LinkEvidence {
    /// From the weight two sentences share and each one's whole weight.
    init(shared: Double, weightA: Double, weightB: Double) {
        self.init(
            shared: shared, cosine: shared / (weightA * weightB).squareRoot(), coverageA: shared / weightA, coverageB: shared / weightB)
    }
}

/// How alike the content sentences of two accounts are: all the aligner asks of a scorer when it
/// weighs a link. ``TermModel`` (weighted shared terms) is the lexical scorer; a model-based
/// scorer (sentence embeddings, say) conforms to this and is handed to ``Aligner`` in its place,
/// with no change to the aligner. Sentences are named by their index among each account's content
/// sentences (the term model's units). The aligner still keeps its account of which content each
/// link carries (what makes 1:n groups compact) on the term model.
protocol SentenceSimilarity: Sendable {
    /// The evidence for linking content sentence `a` of A with `b` of B, or nil when there is
    /// none.
    func evidence(_ a: Int, _ b: Int) -> LinkEvidence?

    /// Candidate pairs the scorer finds on its own (nearest neighbours, say), each as A index << 32
    /// | B index, besides those the index of shared rare terms finds; each sentence's best `k`.
    func candidates(perSentence k: Int) -> [Int64]

    /// The evidence for each pair of `pairs` (A index << 32 | B index, sorted), in order: what
    /// ``evidence(_:_:)`` gives for each, which a scorer may find faster for many pairs at once.
    func evidence(sortedPairs pairs: ArraySlice<Int64>) -> [LinkEvidence?]
}

extension SentenceSimilarity {
    func candidates(perSentence k: Int) -> [Int64] { [] }

    func evidence(sortedPairs pairs: ArraySlice<Int64>) -> [LinkEvidence?] {
        pairs.map { evidence(Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }
}

extension TermModel: SentenceSimilarity {
    /// Weighted shared terms: the weight of the terms the two sentences share against each one's
    /// whole weight.
    func evidence(_ a: Int, _ b: Int) -> LinkEvidence? {
        let x = self.a[a]
        let y = self.b[b]
        return Self.evidence(shared: sharedWeight(x.terms, y.terms), x, y)
    }

    private static func evidence(shared: Double, _ x: Unit, _ y: Unit) -> LinkEvidence? {
        guard shared > 0, x.weight > 0, y.weight > 0 else { return nil }
        return LinkEvidence(shared: shared, weightA: x.weight, weightB: y.weight)
    }

    /// The pairs of one sentence of A (sorted pairs come in runs of one A index; pairs in any
    /// other order get the same answers, with the table spread again at each change) are weighed
    /// against that sentence's term weights spread over a table of all terms: each partner's
    /// terms are looked up there, not merged with the sentence's list again. The sum runs over
    /// the partner's terms in order, adding 0 for a term A's sentence lacks: the same sum, to
    /// the last bit, as ``sharedWeight(_:_:)``'s.
    func evidence(sortedPairs pairs: ArraySlice<Int64>) -> [LinkEvidence?] {
        var out: [LinkEvidence?] = []
        out.reserveCapacity(pairs.count)
        var spread = [Double](repeating: 0, count: weights.count)
        var current = -1
        spread.withUnsafeMutableBufferPointer { spread in
            weights.withUnsafeBufferPointer { weights in
                for pair in pairs {
                    let (i, j) = (Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
                    if i != current {
                        if current >= 0 { for t in a[current].terms { spread[Int(t)] = 0 } }
                        for t in a[i].terms { spread[Int(t)] = weights[Int(t)] }
                        current = i
                    }
                    var shared = 0.0
                    b[j].terms.withUnsafeBufferPointer { terms in
                        for t in terms { shared += spread[Int(t)] }
                    }
                    out.append(Self.evidence(shared: shared, a[i], b[j]))
                }
            }
        }
        return out
    }
}
