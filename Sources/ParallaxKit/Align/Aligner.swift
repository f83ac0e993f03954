import Algorithms

/// A link between a sentence of A and a sentence of B, with its evidence.
struct Link: Hashable {
    /// Indices into the term model's units (content sentences), not sentence indices.
    var a: Int
    var b: Int
    /// Weight of the shared terms.
    var shared: Double
    /// Cosine-like similarity: shared / sqrt(weightA * weightB).
    var cosine: Double
    /// Share of A's weight that B carries, and of B's that A carries.
    var coverageA: Double
    var coverageB: Double
    /// The link was taken on the strength of the order around it, not its own evidence.
    var byOrder = false

    init(a: Int, b: Int, evidence: LinkEvidence) {
        self.a = a
        self.b = b
        self.shared = evidence.shared
        self.cosine = evidence.cosine
        self.coverageA = evidence.coverageA
        self.coverageB = evidence.coverageB
    }

    init(a: Int, b: Int, shared: Double, weightA: Double, weightB: Double) {
        self.init(a: a, b: b, evidence: LinkEvidence(shared: shared, weightA: weightA, weightB: weightB))
    }

    /// The evidence for the link: similarity both ways, or how much of the shorter sentence
    /// the longer one contains (what finds one-to-many links), whichever is stronger.
    var score: Double { max(cosine, 0.75 * max(coverageA, coverageB)) }
}

/// Chooses links between the content sentences of two accounts.
///
/// 1. Candidates: an inverted index over terms; each sentence is scored only against sentences
///    that share a term with it that is not too common, and keeps its best few.
/// 2. Anchors: links with strong similarity, strongest first; a sentence already linked takes a
///    further partner only when that partner carries content its other links do not (1:n, n:1).
/// 3. Backbone: the heaviest chain of anchors that keeps both orders.
/// 4. Ordered links: weaker candidates that sit where the backbone says their partner should
///    be, and one-to-one gaps between consecutive backbone links.
/// Links are chosen in a fixed order (score, then position), so the result is deterministic, and
/// the rules treat A and B alike, so swapping them swaps the result.
struct Aligner {
    /// The content sentences as terms: candidates by shared rare terms, and what content each
    /// link carries (compact 1:n groups).
    let model: TermModel
    let options: AlignmentOptions
    /// What weighs each link (see ``SentenceSimilarity``): the term model unless another scorer
    /// is given.
    let similarity: any SentenceSimilarity

    init(model: TermModel, options: AlignmentOptions, similarity: (any SentenceSimilarity)? = nil) {
        self.model = model
        self.options = options
        self.similarity = similarity ?? model
    }

    /// Whether the aligner chose the rewrite mode for these accounts (after ``alignWithMode()``'s
    /// first step; see ``AlignmentMode``).
    func isRewrite(backbone: [Link]) -> Bool {
        switch options.mode {
        case .ordered: return false
        case .rewrite: return true
        case .auto:
            let shorter = min(model.a.count, model.b.count)
            return shorter >= 4 && Double(backbone.count) < options.orderedShare * Double(shorter)
        }
    }

    /// The links, and whether they were chosen in rewrite mode.
    func alignWithMode() -> (links: [Link], rewrite: Bool) {
        // A person's pins come first; forbidden pairs never link.
        var forbidden = Set<Int64>()
        var pinned: [Link] = []
        if !options.pins.isEmpty {
            var unitsA: [String: [Int]] = [:]
            var unitsB: [String: [Int]] = [:]
            for (i, unit) in model.a.enumerated() { unitsA[unit.fingerprint, default: []].append(i) }
            for (j, unit) in model.b.enumerated() { unitsB[unit.fingerprint, default: []].append(j) }
            for pin in options.pins {
                for i in unitsA[pin.a] ?? [] {
                    for j in unitsB[pin.b] ?? [] {
                        if pin.link {
                            let shared = model.sharedWeight(model.a[i].terms, model.b[j].terms)
                            pinned.append(
                                Link(
                                    a: i, b: j, shared: shared, weightA: max(model.a[i].weight, 1e-9), weightB: max(model.b[j].weight, 1e-9)
                                ))
                        } else {
                            forbidden.insert(Int64(i) << 32 | Int64(j))
                        }
                    }
                }
            }
        }
        var candidates = candidateLinks()
        if !forbidden.isEmpty { candidates.removeAll { forbidden.contains(Int64($0.a) << 32 | Int64($0.b)) } }
        var state = CoverageState(model: model, options: options)
        state.forbidden = forbidden
        for link in pinned { state.force(link) }
        // 1. Anchors: strong evidence, strongest first.
        for candidate in candidates where candidate.score >= options.strongSimilarity {
            state.tryAccept(link(candidate))
        }
        // 2. Weaker links that sit where the backbone of anchors says their partner should be.
        var backbone = Self.heaviestChain(state.links)
        let rewrite = isRewrite(backbone: backbone)
        if rewrite {
            state.novelty = options.rewriteNovelty
            // A rewrite: each sentence's best partner links on its own evidence, strongest first;
            // a further partner joins only with content its links lack (tryAccept's novelty).
            var bestOfA = Set<Int>()
            var bestOfB = Set<Int>()
            for candidate in candidates where candidate.score >= options.rewriteSimilarity && candidate.score < options.strongSimilarity {
                let firstForA = bestOfA.insert(Int(candidate.a)).inserted
                let firstForB = bestOfB.insert(Int(candidate.b)).inserted
                if firstForA || firstForB { state.tryAccept(link(candidate)) }
            }
        }
        for candidate in candidates where candidate.score >= options.orderedSimilarity && candidate.score < options.strongSimilarity {
            var ordered = link(candidate)
            if Self.fits(ordered, backbone) {
                ordered.byOrder = true
                state.tryAccept(ordered)
            }
        }
        // 3. Small gaps between consecutive backbone links: the order says what pairs there.
        backbone = Self.heaviestChain(state.links)
        fillGaps(backbone, state: &state)
        attachNeighbours(&state)
        return (state.links.sorted { ($0.a, $0.b) < ($1.a, $1.b) }, rewrite)
    }

    // MARK: - Candidates

    /// A candidate link in 16 bytes (a ``Link`` takes 56): the units, from which ``link(_:)``
    /// remakes the link, and its score, for sorting. A document's candidates are many (up to
    /// twice `candidatesPerSentence` a sentence) and all alive at once.
    struct Candidate {
        var a: Int32
        var b: Int32
        var score: Double
    }

    /// The link a candidate stands for: the scorer's evidence for the pair, the same figures as
    /// when it was found (evidence is a function of the pair; asking again costs less memory than
    /// keeping it for every candidate).
    func link(_ candidate: Candidate) -> Link {
        let i = Int(candidate.a)
        let j = Int(candidate.b)
        guard let evidence = similarity.evidence(i, j) else { preconditionFailure("a candidate without evidence: \(i), \(j)") }
        return Link(a: i, b: j, evidence: evidence)
    }

    func candidateLinks() -> [Candidate] {
        let cap = max(48, Int(Double(model.a.count + model.b.count).squareRoot() * 2))
        // Rare content terms index the sentences that hold them; A's index keeps only terms
        // that B's holds (no other term is ever looked up in it). One task a side.
        let isRare = model.documentFrequency.indices.map { Int(model.documentFrequency[$0]) <= cap && model.weights[$0] > 0.5 }
        let postings = Concurrently.both { [model] forA in
            guard forA else { return Postings(of: model.b, keeping: isRare) }
            var inB = [Bool](repeating: false, count: isRare.count)
            for unit in model.b { for t in unit.terms where isRare[Int(t)] { inB[Int(t)] = true } }
            return Postings(of: model.a, keeping: inB)
        }
        // From A's side and from B's side, keep each sentence's best k by shared rare weight:
        // the sentences of both accounts in chunks on all cores (one task a side would leave a
        // core idle while the longer side finishes).
        let k = options.candidatesPerSentence
        let countA = model.a.count
        let rare = Concurrently.map(countA + model.b.count) { [postings] range -> [FoundPartners] in
            let inA = range.clamped(to: 0..<countA)
            let inB = range.clamped(to: countA..<max(countA, range.upperBound))
            return [
                Self.bestPartners(of: model.a, in: inA, among: postings.b, model: model, k: k, fromA: true),
                Self.bestPartners(
                    of: model.b, in: (inB.lowerBound - countA)..<(inB.upperBound - countA), among: postings.a, model: model, k: k,
                    fromA: false),
            ]
        }
        // A sentence that shares no rare term with any other (all its words are common in these
        // accounts: a long text from a small vocabulary) looks again through its rarest common
        // terms. One task a side.
        let unmatched = (a: rare.filter(\.fromA).flatMap(\.unmatched), b: rare.filter { !$0.fromA }.flatMap(\.unmatched))
        let wide = Concurrently.both { fromA -> [Int64] in
            let (units, lonely) = fromA ? (model.a, unmatched.a) : (model.b, unmatched.b)
            guard !lonely.isEmpty else { return [] }
            let (narrowed, wide) = Self.widePostings(for: lonely.map { units[$0] }, in: fromA ? model.b : model.a, model: model, cap: cap)
            // Pairs as (index in `narrowed`) << 32 | partner.
            return Self.bestPartners(of: narrowed, in: narrowed.indices, among: wide, model: model, k: k, fromA: true).pairs.map { pair in
                let mine = Int64(lonely[Int(pair >> 32)])
                let theirs = pair & 0xFFFF_FFFF
                return fromA ? mine << 32 | theirs : theirs << 32 | mine
            }
        }
        // The pairs found from either side and by the scorer, each once, with their evidence
        // (on all cores: the evidence of a pair is a function of the pair).
        var pairs = Concurrently.sorted(rare.flatMap(\.pairs) + wide.a + wide.b + similarity.candidates(perSentence: k), by: <)
        // Made unique in place, by index (a loop over `pairs` itself would copy it at the first
        // write).
        var unique = 0
        for k in pairs.indices where unique == 0 || pairs[unique - 1] != pairs[k] {
            pairs[unique] = pairs[k]
            unique += 1
        }
        pairs.removeLast(pairs.count - unique)
        let similarity = self.similarity
        let links = Concurrently.map(pairs.count) { [pairs] range in
            var chunk: [Candidate] = []
            chunk.reserveCapacity(range.count)
            for (pair, evidence) in zip(pairs[range], similarity.evidence(sortedPairs: pairs[range])) {
                let i = Int(pair >> 32)
                let j = Int(pair & 0xFFFF_FFFF)
                guard let evidence else { continue }
                chunk.append(Candidate(a: Int32(i), b: Int32(j), score: Link(a: i, b: j, evidence: evidence).score))
            }
            return chunk
        }
        pairs = []
        // Strongest first; on equal evidence, the pair nearer the diagonal (original order).
        let na = Double(max(model.a.count, 1))
        let nb = Double(max(model.b.count, 1))
        return Concurrently.sorted(links) { x, y in
            if x.score != y.score { return x.score > y.score }
            let dx = abs(Double(x.a) / na - Double(x.b) / nb)
            let dy = abs(Double(y.a) / na - Double(y.b) / nb)
            if dx != dy { return dx < dy }
            if Int(x.a) + Int(x.b) != Int(y.a) + Int(y.b) { return Int(x.a) + Int(x.b) < Int(y.a) + Int(y.b) }
            return x.a < y.a
        }
    }

    /// What ``bestPartners(of:in:among:model:k:fromA:)`` found for some sentences of one side.
    struct FoundPartners: Sendable {
        var fromA: Bool
        /// A index << 32 | B index.
        var pairs: [Int64]
        /// The sentences that share no term of the postings with any other.
        var unmatched: [Int]
    }

    /// The best `k` partners on the other side of each unit of `units` in `range`, by the weight
    /// of the terms they share through `postings`, ties to the lower index.
    private static func bestPartners(
        of units: [TermModel.Unit], in range: Range<Int>, among postings: Postings, model: TermModel, k: Int, fromA: Bool
    ) -> FoundPartners {
        var found = FoundPartners(fromA: fromA, pairs: [], unmatched: [])
        guard !range.isEmpty else { return found }
        let width = max(model.a.count, model.b.count)
        var scratch = [Double](repeating: 0, count: width)
        // A unit is listed in `touched` when its weight first moves from 0. The list is written
        // without a branch: every unit read is stored at the end, and the end moves on only for
        // a first touch (which of the two happens is a coin toss the processor cannot predict).
        // A unit is touched once per term at most, and the budget bounds the terms read, but a
        // term of weight 0 leaves its units at 0: the list gets one more slot than the reads.
        var touched = [Int32](repeating: 0, count: 1)
        for i in range {
            let terms = postings.withinBudget(units[i].terms)
            let reads = terms.reduce(0) { $0 + postings.units(holding: $1).count }
            if touched.count <= reads { touched = [Int32](repeating: 0, count: reads + 1) }
            let count = scratch.withUnsafeMutableBufferPointer { scratch in
                touched.withUnsafeMutableBufferPointer { touched in
                    var count = 0
                    for t in terms {
                        let w = model.weights[Int(t)]
                        for j in postings.units(holding: t) {
                            let weight = scratch[Int(j)]
                            touched[count] = j
                            count &+= weight == 0 ? 1 : 0
                            scratch[Int(j)] = weight + w
                        }
                    }
                    return count
                }
            }
            if count == 0 { found.unmatched.append(i) }
            // The best k by shared weight, then by index: a selection, not a sort of all.
            let best = touched[..<count].min(count: max(k, 0)) { x, y in
                scratch[Int(x)] > scratch[Int(y)] || (scratch[Int(x)] == scratch[Int(y)] && x < y)
            }
            for j in best {
                found.pairs.append(fromA ? Int64(i) << 32 | Int64(j) : Int64(j) << 32 | Int64(i))
            }
            scratch.withUnsafeMutableBufferPointer { scratch in
                for j in touched[..<count] { scratch[Int(j)] = 0 }
            }
        }
        return found
    }

    /// At most how many units a sentence's candidate search reads from the postings of its rare
    /// terms (``Postings/withinBudget(_:)``). A rare term is held by at most 2√n sentences, so
    /// a sentence with many of them could read a number of units that grows with the text (n√n
    /// in all); with the budget the search is linear. It changes the candidates only in long
    /// texts from a small vocabulary: the reports of the June 2021 pair, 1,000 small WMT21 and
    /// news_synth pairs, generated pairs of 10,000 sentences and text without punctuation of
    /// 12.5 MB a side are the same bytes with it and without it.
    static let postingsBudget = 4096

    /// How many of its rarest terms over the cap a sentence with no rare term looks through.
    static let fallbackTerms = 3
    /// How far over the cap (as a multiple of it) such a term may be.
    static let fallbackCapFactor = 8

    /// The sentences with no rare term, each narrowed to its ``fallbackTerms`` rarest content
    /// terms above `cap` and at most ``fallbackCapFactor`` times it, and the postings of those
    /// terms on the `other` side. A sentence without a rare term is itself rare in ordinary
    /// text; in a long text from a small vocabulary, where every sentence may be one, each looks
    /// through at most 3 lists of at most 8 times the cap: linear in the size, as the cap is.
    private static func widePostings(for units: [TermModel.Unit], in other: [TermModel.Unit], model: TermModel, cap: Int)
        -> (narrowed: [TermModel.Unit], postings: Postings)
    {
        var wanted = [Bool](repeating: false, count: model.weights.count)
        var anyWanted = false
        let narrowed = units.map { unit -> TermModel.Unit in
            let terms = unit.terms.filter {
                let df = Int(model.documentFrequency[Int($0)])
                return df > cap && df <= fallbackCapFactor * cap && model.weights[Int($0)] > 0.5
            }
            let rarest = terms.sorted { (model.documentFrequency[Int($0)], $0) < (model.documentFrequency[Int($1)], $1) }.prefix(
                fallbackTerms)
            for t in rarest { wanted[Int(t)] = true }
            anyWanted = anyWanted || !rarest.isEmpty
            var narrow = unit
            narrow.terms = Array(rarest)
            return narrow
        }
        guard anyWanted else { return (narrowed, Postings()) }
        return (narrowed, Postings(of: other, keeping: wanted))
    }

    /// The units that hold each term, for the terms a filter keeps, in unit order: every list in
    /// one array (a term's list is `entries[starts[t]..<starts[t + 1]]`), so a lookup is two
    /// reads, not a hash, and the index is two allocations, not one per term.
    struct Postings: Sendable {
        private var starts: [Int32] = [0]
        private var entries: [Int32] = []

        /// No term, no unit.
        init() {}

        /// The units of `units` holding each term `t` for which `keeping[t]`.
        init(of units: [TermModel.Unit], keeping: [Bool]) {
            var starts = [Int32](repeating: 0, count: keeping.count + 1)
            for unit in units { for t in unit.terms where keeping[Int(t)] { starts[Int(t) + 1] += 1 } }
            for t in keeping.indices { starts[t + 1] += starts[t] }
            var next = starts
            var entries = [Int32](repeating: 0, count: Int(starts[keeping.count]))
            for (j, unit) in units.enumerated() {
                for t in unit.terms where keeping[Int(t)] {
                    entries[Int(next[Int(t)])] = Int32(j)
                    next[Int(t)] += 1
                }
            }
            self.starts = starts
            self.entries = entries
        }

        /// The units holding `term`, in order; empty for a term not kept.
        func units(holding term: Int32) -> ArraySlice<Int32> {
            let t = Int(term)
            guard t + 1 < starts.count else { return [] }
            return entries[Int(starts[t])..<Int(starts[t + 1])]
        }

        /// The terms of a sentence whose units the candidate search reads: all of them when their
        /// lists hold at most ``Aligner/postingsBudget`` units together (every sentence of
        /// ordinary text); otherwise the rarest first (ties by term), as long as the lists read
        /// stay within the budget, and at least the rarest.
        func withinBudget(_ terms: [Int32]) -> [Int32] {
            let sizes = terms.map { units(holding: $0).count }
            guard sizes.reduce(0, +) > Aligner.postingsBudget else { return terms }
            let rarest = terms.indices.filter { sizes[$0] > 0 }.sorted { (sizes[$0], terms[$0]) < (sizes[$1], terms[$1]) }
            var kept: [Int32] = []
            var read = 0
            for k in rarest {
                read += sizes[k]
                guard kept.isEmpty || read <= Aligner.postingsBudget else { break }
                kept.append(terms[k])
            }
            return kept
        }
    }

    // MARK: - Order

    /// The heaviest set of links that is increasing in both A and B (weighted longest
    /// increasing subsequence, O(n log n) is not needed at these sizes per group; this is
    /// O(n log n) with a patience-style search over B positions).
    static func heaviestChain(_ links: [Link]) -> [Link] {
        let sorted = links.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        guard !sorted.isEmpty else { return [] }
        // best[i]: heaviest chain ending at sorted[i]; simple DP with a Fenwick tree over b for max.
        let maxB = (sorted.map(\.b).max() ?? 0) + 2
        var tree = [(weight: Double, index: Int)](repeating: (0, -1), count: maxB + 1)
        func query(_ b: Int) -> (Double, Int) {  // max over positions < b
            var i = b
            var best: (Double, Int) = (0, -1)
            while i > 0 {
                if tree[i].weight > best.0 { best = (tree[i].weight, tree[i].index) }
                i -= i & -i
            }
            return best
        }
        func update(_ b: Int, _ value: (Double, Int)) {
            var i = b + 1
            while i <= maxB {
                if value.0 > tree[i].weight { tree[i] = (value.0, value.1) }
                i += i & -i
            }
        }
        var total = [Double](repeating: 0, count: sorted.count)
        var previous = [Int](repeating: -1, count: sorted.count)
        var i = 0
        while i < sorted.count {
            // Links with the same a cannot chain with each other: query all first, then update.
            var j = i
            while j < sorted.count && sorted[j].a == sorted[i].a { j += 1 }
            for k in i..<j {
                let (w, p) = query(sorted[k].b)
                total[k] = w + sorted[k].shared
                previous[k] = p
            }
            for k in i..<j { update(sorted[k].b, (total[k], k)) }
            i = j
        }
        guard var end = total.indices.max(by: { total[$0] != total[$1] ? total[$0] < total[$1] : $0 > $1 }) else { return [] }
        var chain: [Link] = []
        while end >= 0 {
            chain.append(sorted[end])
            end = previous[end]
        }
        return chain.reversed()
    }

    /// Whether a link crosses `chain` (links increasing in A and in B, as ``heaviestChain(_:)``
    /// gives them): some link of the chain comes before it in one account and after it in the
    /// other. A link off the chain that shares a sentence with it keeps the order: where the two
    /// accounts end their sentences at different words, a sentence of A links to the end of one
    /// sentence of B and to the next ("X Y. Z" / "X. Y Z"), and nothing has moved.
    static func crosses(_ link: Link, _ chain: [Link]) -> Bool {
        // The chain increases in both accounts: its nearest links on either side in A decide.
        let before = chain.partitioningIndex { $0.a >= link.a }
        if before > 0 && chain[before - 1].b > link.b { return true }
        let after = chain.partitioningIndex { $0.a > link.a }
        return after < chain.count && chain[after].b < link.b
    }

    /// Whether a link sits between the backbone links around it, in both texts.
    static func fits(_ link: Link, _ backbone: [Link]) -> Bool {
        // The backbone increases in A: binary searches for the anchors around `link.a`.
        func partition(_ target: Int, inclusive: Bool) -> Int {
            backbone.partitioningIndex { $0.a > target || (inclusive && $0.a == target) }
        }
        let afterIndex: Int = partition(link.a, inclusive: true)
        let beyond: Int = partition(link.a, inclusive: false)
        let before: Link? = beyond > 0 ? backbone[beyond - 1] : nil
        let after: Link? = afterIndex < backbone.count ? backbone[afterIndex] : nil
        let low = before?.b ?? -1
        let high = after?.b ?? Int.max
        if let before, before.a == link.a { return abs(link.b - before.b) <= 2 || (link.b > low - 1 && link.b < high + 1) }
        return link.b >= low && link.b <= high
    }

    /// Between two consecutive backbone links, the sentences not yet linked on each side are
    /// paired where they share some content: the order already says they belong together.
    private func fillGaps(_ backbone: [Link], state: inout CoverageState) {
        var bounds: [(a: Int, b: Int)] = [(-1, -1)]
        bounds += backbone.map { ($0.a, $0.b) }
        bounds.append((model.a.count, model.b.count))
        for k in 0..<(bounds.count - 1) {
            let gapA = (bounds[k].a + 1)..<max(bounds[k].a + 1, bounds[k + 1].a)
            let gapB = (bounds[k].b + 1)..<max(bounds[k].b + 1, bounds[k + 1].b)
            guard !gapA.isEmpty, !gapB.isEmpty, gapA.count <= 6, gapB.count <= 6 else { continue }
            var inGap: [Link] = []
            for i in gapA {
                for j in gapB {
                    if var link = makeLink(i, j), link.cosine >= options.gapSimilarity {
                        link.byOrder = true
                        inGap.append(link)
                    }
                }
            }
            inGap.sort { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
            for link in inGap { state.tryAccept(link, ordered: true) }
            // One sentence on each side, between two links, of about the same length: the order
            // alone pairs them (a translation or paraphrase that shares no word). Such a link is
            // always marked uncertain.
            if options.pairLoneGaps, gapA.count == 1, gapB.count == 1, let i = gapA.first, let j = gapB.first,
                state.linksOfA[i] == nil, state.linksOfB[j] == nil, k > 0, k < bounds.count - 2
            {
                let lengthA = Double(model.a[i].terms.count)
                let lengthB = Double(model.b[j].terms.count)
                if lengthA >= 3, lengthB >= 3, max(lengthA, lengthB) <= 1.6 * min(lengthA, lengthB) {
                    var link = makeLink(i, j) ?? Link(a: i, b: j, shared: 0, weightA: model.a[i].weight, weightB: model.b[j].weight)
                    link.byOrder = true
                    state.tryAccept(link, ordered: true)
                }
            }
        }
    }

    /// A sentence left alone next to a linked one often tells part of what that one's partner
    /// tells (one account says in two sentences what the other says in one): it joins the
    /// partner when the partner carries a good share of it.
    private func attachNeighbours(_ state: inout CoverageState) {
        for i in model.a.indices where state.linksOfA[i] == nil {
            var best: Link? = nil
            for neighbour in [i - 1, i + 1] where neighbour >= 0 && neighbour < model.a.count {
                for j in state.linksOfA[neighbour] ?? [] {
                    guard let link = makeLink(i, j), link.coverageA >= 0.25, link.cosine >= options.gapSimilarity else { continue }
                    if best.map({ link.score > $0.score }) ?? true { best = link }
                }
            }
            if var link = best {
                link.byOrder = true
                state.tryAccept(link, ordered: true)
            }
        }
        for j in model.b.indices where state.linksOfB[j] == nil {
            var best: Link? = nil
            for neighbour in [j - 1, j + 1] where neighbour >= 0 && neighbour < model.b.count {
                for i in state.linksOfB[neighbour] ?? [] {
                    guard let link = makeLink(i, j), link.coverageB >= 0.25, link.cosine >= options.gapSimilarity else { continue }
                    if best.map({ link.score > $0.score }) ?? true { best = link }
                }
            }
            if var link = best {
                link.byOrder = true
                state.tryAccept(link, ordered: true)
            }
        }
    }

    private func makeLink(_ i: Int, _ j: Int) -> Link? {
        similarity.evidence(i, j).map { Link(a: i, b: j, evidence: $0) }
    }
}

/// Which terms of each sentence the accepted links already carry.
struct CoverageState {
    let model: TermModel
    let options: AlignmentOptions
    var links: [Link] = []
    var coveredA: [[Int32]]
    var coveredB: [[Int32]]
    var linksOfA: [Int: [Int]] = [:]
    var linksOfB: [Int: [Int]] = [:]
    /// Pairs a person forbade (A unit << 32 | B unit).
    var forbidden = Set<Int64>()
    /// The share of new content a further link must bring (``AlignmentOptions/novelty``, or
    /// ``AlignmentOptions/rewriteNovelty`` once the aligner is in rewrite mode).
    var novelty: Double

    init(model: TermModel, options: AlignmentOptions) {
        self.model = model
        self.options = options
        novelty = options.novelty
        coveredA = Array(repeating: [], count: model.a.count)
        coveredB = Array(repeating: [], count: model.b.count)
    }

    /// Accepts a link between two free sentences. A sentence already linked takes a further
    /// partner only when that link carries content of it that its other links do not (a
    /// clause told in another sentence); the free partner must then be largely carried by it.
    /// Two sentences both linked elsewhere are linked too only when each gains content.
    /// A link that the order vouches for (`ordered`) needs half as much new content.
    mutating func tryAccept(_ link: Link, ordered: Bool = false) {
        if linksOfA[link.a]?.contains(link.b) == true { return }
        if forbidden.contains(Int64(link.a) << 32 | Int64(link.b)) { return }
        let shared = TermModel.intersection(model.a[link.a].terms, model.b[link.b].terms)
        let aLinked = linksOfA[link.a] != nil
        let bLinked = linksOfB[link.b] != nil
        if aLinked || bLinked {
            let newA = model.weight(of: Self.subtract(shared, coveredA[link.a])) / model.a[link.a].weight
            let newB = model.weight(of: Self.subtract(shared, coveredB[link.b])) / model.b[link.b].weight
            let novelty = ordered ? novelty / 2 : novelty
            if aLinked && bLinked {
                guard min(newA, newB) >= novelty else { return }
            } else if aLinked {
                // The free sentence B either adds to what A's links carry, or repeats what they
                // carry (a summary sentence told again later): then it must be mostly inside A.
                guard (newA >= novelty / 2 && link.coverageB >= novelty) || link.coverageB >= 0.5 else { return }
            } else {
                guard (newB >= novelty / 2 && link.coverageA >= novelty) || link.coverageA >= 0.5 else { return }
            }
        }
        force(link)
    }

    /// Accepts a link whatever the evidence (a person pinned it).
    mutating func force(_ link: Link) {
        if linksOfA[link.a]?.contains(link.b) == true { return }
        let shared = TermModel.intersection(model.a[link.a].terms, model.b[link.b].terms)
        links.append(link)
        linksOfA[link.a, default: []].append(link.b)
        linksOfB[link.b, default: []].append(link.a)
        coveredA[link.a] = Self.union(coveredA[link.a], shared)
        coveredB[link.b] = Self.union(coveredB[link.b], shared)
    }

    static func subtract(_ x: [Int32], _ y: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var j = 0
        for t in x {
            while j < y.count && y[j] < t { j += 1 }
            if j < y.count && y[j] == t { continue }
            out.append(t)
        }
        return out
    }

    static func union(_ x: [Int32], _ y: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(x.count + y.count)
        var i = 0
        var j = 0
        while i < x.count || j < y.count {
            if j == y.count || (i < x.count && x[i] < y[j]) {
                out.append(x[i])
                i += 1
            } else if i == x.count || y[j] < x[i] {
                out.append(y[j])
                j += 1
            } else {
                out.append(x[i])
                i += 1
                j += 1
            }
        }
        return out
    }
}
