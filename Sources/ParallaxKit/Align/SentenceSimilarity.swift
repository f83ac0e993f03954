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
}

extension SentenceSimilarity {
    func candidates(perSentence k: Int) -> [Int64] { [] }
}

extension TermModel: SentenceSimilarity {
    /// Weighted shared terms: the weight of the terms the two sentences share against each one's
    /// whole weight.
    func evidence(_ a: Int, _ b: Int) -> LinkEvidence? {
        let x = self.a[a]
        let y = self.b[b]
        let shared = sharedWeight(x.terms, y.terms)
        guard shared > 0, x.weight > 0, y.weight > 0 else { return nil }
        return LinkEvidence(shared: shared, weightA: x.weight, weightB: y.weight)
    }
}
