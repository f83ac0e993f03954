/// One aligned group as the aligner hands it over: the sentences of each side (sentence
/// indices) and the evidence for the link.
struct AlignedGroup: Sendable {
    var a: [Int]
    var b: [Int]
    /// Similarity of the two sides, 0 to 1 (weighted cosine over the terms of the whole group).
    var score: Double
    /// Share of A's content (by weight) that B carries, and of B's that A carries.
    var coverageA: Double
    var coverageB: Double
    /// Out of the order the accounts otherwise keep (never in rewrite mode).
    var moved: Bool
    /// Why the link is uncertain, for a person (nil when it is not): weak evidence, or linked on
    /// the strength of the order alone.
    var uncertainReason: String?
    var uncertain: Bool { uncertainReason != nil }
}

/// The aligner's finished result, in sentence indices: the aligned groups, the sentences of
/// each side with no partner, and the share of each account the other covers. The report builder
/// reads only this; links, coverage state and the order backbone stay inside `Align/`.
struct AlignmentResult: Sendable {
    var groups: [AlignedGroup]
    /// Content sentences of A with no partner in B (omissions), in order.
    var omitted: [Int]
    /// Content sentences of B with no partner in A (additions), in order.
    var added: [Int]
    /// The share of A's content weight that B carries, and of B's that A carries.
    var coverage: (a: Double, b: Double)
    /// The links were chosen in rewrite mode.
    var rewrite: Bool

    /// Groups the aligner's links: each sentence with several partners that have no other
    /// partner forms a 1:n (or n:1) group; every other link stands alone.
    init(model: TermModel, links: [Link], options: AlignmentOptions, rewrite: Bool) {
        self.rewrite = rewrite
        let chain = Aligner.heaviestChain(links)
        // How many links each unit has (arrays by unit, not dictionaries: a long pair has many).
        var degreeA = [Int](repeating: 0, count: model.a.count)
        var degreeB = [Int](repeating: 0, count: model.b.count)
        for link in links {
            degreeA[link.a] += 1
            degreeB[link.b] += 1
        }
        var linkGroups: [[Link]] = []
        var starOfA: [Int: Int] = [:]
        var starOfB: [Int: Int] = [:]
        for link in links {
            let da = degreeA[link.a]
            let db = degreeB[link.b]
            if da > 1 && db == 1 {
                if let g = starOfA[link.a] {
                    linkGroups[g].append(link)
                } else {
                    starOfA[link.a] = linkGroups.count
                    linkGroups.append([link])
                }
            } else if db > 1 && da == 1 {
                if let g = starOfB[link.b] {
                    linkGroups[g].append(link)
                } else {
                    starOfB[link.b] = linkGroups.count
                    linkGroups.append([link])
                }
            } else {
                linkGroups.append([link])
            }
        }
        // Each group on its own, on all cores (the groups of a long pair are many).
        groups = Concurrently.map(linkGroups.count) { [linkGroups] range in
            linkGroups[range].map { group in Self.group(group, model: model, chain: chain, options: options, rewrite: rewrite) }
        }
        omitted = model.a.indices.filter { degreeA[$0] == 0 }.map { model.a[$0].sentence }
        added = model.b.indices.filter { degreeB[$0] == 0 }.map { model.b[$0].sentence }
        coverage = Self.documentCoverage(model: model, links: links)
    }

    /// One group of links as the report reads it: its sentences, the similarity and coverage of
    /// the whole group, whether it moved, and why it is uncertain.
    private static func group(_ group: [Link], model: TermModel, chain: [Link], options: AlignmentOptions, rewrite: Bool) -> AlignedGroup {
        let aUnits = Array(Set(group.map(\.a))).sorted()
        let bUnits = Array(Set(group.map(\.b))).sorted()
        let ta = aUnits.reduce([Int32]()) { CoverageState.union($0, model.a[$1].terms) }
        let tb = bUnits.reduce([Int32]()) { CoverageState.union($0, model.b[$1].terms) }
        let shared = model.sharedWeight(ta, tb)
        let wa = model.weight(of: ta)
        let wb = model.weight(of: tb)
        let score = wa > 0 && wb > 0 ? shared / (wa * wb).squareRoot() : 0
        let strongest = group.max { $0.cosine != $1.cosine ? $0.cosine < $1.cosine : ($0.a, $0.b) > ($1.a, $1.b) }
        let moved = !rewrite && (strongest.map { Aligner.crosses($0, chain) } ?? false)
        return AlignedGroup(
            a: aUnits.map { model.a[$0].sentence }, b: bUnits.map { model.b[$0].sentence }, score: score,
            coverageA: wa > 0 ? shared / wa : 0, coverageB: wb > 0 ? shared / wb : 0, moved: moved,
            uncertainReason: uncertainty(score: score, byOrder: group.allSatisfy(\.byOrder), threshold: options.uncertainBelow))
    }

    /// Why a group's link is uncertain, in words, or nil when it is not: linked by the order alone
    /// (the sentences sit between the same two linked neighbours but share too little to be linked
    /// on their own), or a similarity below the threshold.
    static func uncertainty(score: Double, byOrder: Bool, threshold: Double) -> String? {
        let similarity = "similarity \(Int((score * 100).rounded()))%"
        if byOrder {
            return score == 0
                ? "linked by their place in the order alone: the sentences share no content word"
                : "linked by their place in the order alone: the sentences share little (\(similarity))"
        }
        guard score < threshold else { return nil }
        return "weak link: the sentences share little (\(similarity), below the \(Int((threshold * 100).rounded()))% of a sure link)"
    }

    /// The share of each account's content weight that its partners carry.
    static func documentCoverage(model: TermModel, links: [Link]) -> (a: Double, b: Double) {
        var ca = [[Int32]](repeating: [], count: model.a.count)
        var cb = [[Int32]](repeating: [], count: model.b.count)
        for link in links {
            let shared = TermModel.intersection(model.a[link.a].terms, model.b[link.b].terms)
            ca[link.a] = CoverageState.union(ca[link.a], shared)
            cb[link.b] = CoverageState.union(cb[link.b], shared)
        }
        let totalA = model.a.reduce(0) { $0 + $1.weight }
        let totalB = model.b.reduce(0) { $0 + $1.weight }
        let coveredA = ca.reduce(0) { $0 + model.weight(of: $1) }
        let coveredB = cb.reduce(0) { $0 + model.weight(of: $1) }
        return (totalA > 0 ? coveredA / totalA : 0, totalB > 0 ? coveredB / totalB : 0)
    }
}

extension Aligner {
    /// Aligns the accounts and hands over the finished result.
    func result() -> AlignmentResult {
        let (links, rewrite) = alignWithMode()
        return AlignmentResult(model: model, links: links, options: options, rewrite: rewrite)
    }
}
