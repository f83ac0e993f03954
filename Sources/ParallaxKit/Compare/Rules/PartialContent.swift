/// Content of a linked sentence that has no counterpart in its partners: the words of a pure
/// deletion or insertion in the group's word diff (not a substitution, which is drift) that
/// the other side does not carry anywhere in the group.
///
/// A paraphrase also leaves such words ("it never came to a confrontation" / "they did not
/// clash"), but it says them with words of its own: the other side then has about as many
/// content words that this side lacks. So a sentence gets a partial omission or addition only
/// for what such words leave over: ``minimumSurplus`` content words more than the other side's
/// own, or, where the other side has none of its own, ``minimumShare`` of what it says.
enum PartialContent {
    /// Content words left out beyond the other side's own that make a finding.
    static let minimumSurplus = 3
    /// The share of a sentence's content words that, left out with nothing in their place, make
    /// a finding.
    static let minimumShare = 0.4

    /// Words of `side` left out of `other`, by sentence of `side`: the pure one-sided hunks'
    /// open content words that `other` has no word of the same stem for.
    static func missing(_ group: GroupAnalysis, fromA: Bool) -> [(sentence: Int, words: [Int])] {
        let side = fromA ? group.a : group.b
        let other = fromA ? group.b : group.a
        // Each hunk's open words, this side's first: read once for both passes.
        let opens = group.hunks.map { hunk -> (mine: [Int], theirs: [Int]) in
            let (openA, openB) = group.open(hunk)
            return fromA ? (openA, openB) : (openB, openA)
        }
        // Only a pure deletion on this side can leave content out.
        let pure = opens.contains { !$0.mine.isEmpty && $0.theirs.allSatisfy { other.isStop($0) } }
        guard pure else { return [] }
        let otherStems = other.stemSet
        var bySentence: [Int: (words: [Int], longestRun: Int)] = [:]
        for (mine, theirs) in opens {
            // A pure deletion: the other side of the hunk has no content word.
            guard !mine.isEmpty, !theirs.contains(where: { other.isContent($0) }) else { continue }
            let missing = mine.filter { side.isContent($0) && !otherStems.contains(side.stem($0)) }
            guard let first = missing.first else { continue }
            let sentence = side.sentenceOfWord[first]
            var entry = bySentence[sentence] ?? ([], 0)
            entry.words += missing
            entry.longestRun = max(entry.longestRun, missing.count)
            bySentence[sentence] = entry
        }
        guard !bySentence.isEmpty else { return [] }
        // The other side's content words that this side lacks: what a paraphrase says instead.
        let ownStems = side.stemSet
        let explainedOther = fromA ? group.explainedB : group.explainedA
        let theirOwn = IntSet(
            other.words.indices.lazy.filter {
                !explainedOther.contains($0) && other.isContent($0) && !ownStems.contains(other.stem($0))
            }.map { other.stem($0) }
        ).count
        var out: [(sentence: Int, words: [Int])] = []
        for (sentence, entry) in bySentence.sorted(by: { $0.key < $1.key }) {
            let contentCount = side.words.indices.reduce(0) { $0 + (side.sentenceOfWord[$1] == sentence && side.isContent($1) ? 1 : 0) }
            let share = contentCount > 0 ? Double(entry.words.count) / Double(contentCount) : 0
            let distinct = IntSet(entry.words.lazy.map { side.stem($0) }).count
            if distinct - theirOwn >= minimumSurplus || (theirOwn == 0 && distinct >= 2 && share >= minimumShare) {
                out.append((sentence, entry.words))
            }
        }
        return out
    }

    /// Reports each side's missing words as a partial omission (A's words B leaves out) or
    /// addition (B's words A lacks).
    static func report(_ group: inout GroupAnalysis, fromA: Bool) {
        for (sentence, words) in missing(group, fromA: fromA) {
            let side = fromA ? group.a : group.b
            let other = fromA ? group.b : group.a
            var seen = Set<String>()
            let listed = words.filter { seen.insert(side.words[$0].key).inserted }.prefix(6).map { group.quote(side.surface($0)) }
            let more = seen.count > 6 ? " and \(seen.count - 6) more" : ""
            let range = side.clipped(GroupSide.cover(words))
            let mine = side.span(range)
            let theirs = Span(
                sentences: other.sentences, start: other.document.sentences[other.sentences[0]].start,
                end: other.document.sentences[other.sentences[0]].end, text: other.document.sentences[other.sentences[0]].text)
            let detail = "partial|\(sentence)|" + words.map { side.words[$0].key }.joined(separator: " ")
            if fromA {
                group.explain(a: words, b: [])
                group.add(
                    .omission, "Partly in B: B leaves out \(listed.joined(separator: ", "))\(more).", mine, theirs, detail: detail,
                    weight: Double(words.count))
            } else {
                group.explain(a: [], b: words)
                group.add(
                    .addition, "Partly in A: B adds \(listed.joined(separator: ", "))\(more).", theirs, mine, detail: detail,
                    weight: Double(words.count))
            }
        }
    }
}

/// Content only in A: a sentence B has no counterpart for (found by the report builder), or
/// part of a linked sentence that B leaves out (``PartialContent``).
enum OmissionRule: GroupRule {
    static let category = FindingCategory.omission
    static let info = CategoryInfo(
        ruleName: "ContentOmitted",
        summary: "Content only in A: the second account leaves out something the first says.",
        help: "Check whether B should carry what A says here; restore it or accept the omission into the baseline.",
        defaultSeverity: .warning, terminalStyle: "1;31", htmlColors: ("#cf222e", "#ffebe9"))
    static let wholeSentenceMessage = "Only in A: B has no sentence that carries this one."

    static func apply(to group: inout GroupAnalysis) { PartialContent.report(&group, fromA: true) }
}

/// Content only in B: a sentence A has no counterpart for, or part of a linked sentence that A
/// lacks.
enum AdditionRule: GroupRule {
    static let category = FindingCategory.addition
    static let info = CategoryInfo(
        ruleName: "ContentAdded",
        summary: "Content only in B: the second account says something the first does not.",
        help: "Check that what B adds is supported by a source; remove it or accept it into the baseline.",
        defaultSeverity: .warning, terminalStyle: "1;32", htmlColors: ("#1a7f37", "#dafbe1"))
    static let wholeSentenceMessage = "Only in B: A has no sentence that carries this one."

    static func apply(to group: inout GroupAnalysis) { PartialContent.report(&group, fromA: false) }
}

/// The wording changes no other rule accounts for: one finding for the group, with its drift
/// score.
enum DriftRule: GroupRule {
    static let category = FindingCategory.drift
    static let info = CategoryInfo(
        ruleName: "WordingDrift",
        summary: "Aligned sentences whose wording differs.",
        help: "Read both sentences: the meaning should be the same although the words differ.",
        defaultSeverity: .info, terminalStyle: "1;33", htmlColors: ("#9a6700", "#fff8c5"))

    static func apply(to group: inout GroupAnalysis) {
        var changes: [(a: Range<Int>, b: Range<Int>)] = []
        for hunk in group.hunks {
            let (openA, openB) = group.open(hunk)
            guard !openA.isEmpty || !openB.isEmpty else { continue }
            if openA.allSatisfy({ group.a.isStop($0) }) && openB.allSatisfy({ group.b.isStop($0) }) {
                continue
            }
            changes.append(
                (
                    GroupSide.cover(openA).isEmpty ? hunk.a.lowerBound..<hunk.a.lowerBound : GroupSide.cover(openA),
                    GroupSide.cover(openB).isEmpty ? hunk.b.lowerBound..<hunk.b.lowerBound : GroupSide.cover(openB)
                ))
        }
        guard let first = changes.first, let last = changes.last else { return }
        let drift = score(group)
        let listed = changes.prefix(6).map {
            "\(group.quote(group.a.surface($0.a), empty: "—")) → \(group.quote(group.b.surface($0.b), empty: "—"))"
        }
        let more = changes.count > 6 ? "; and \(changes.count - 6) more" : ""
        // The ranges as `Range.description` writes them ("3..<5"), from their bounds: a range's
        // own interpolation goes through `String(describing:)`, slow for a group of many changes.
        let detail = changes.map { "\($0.a.lowerBound)..<\($0.a.upperBound)|\($0.b.lowerBound)..<\($0.b.upperBound)" }
        group.add(
            .drift, "Wording drifts (\(Int((drift * 100).rounded()))%): \(listed.joined(separator: "; "))\(more).",
            group.a.span(first.a.lowerBound..<max(first.a.lowerBound, last.a.upperBound)),
            group.b.span(first.b.lowerBound..<max(first.b.lowerBound, last.b.upperBound)),
            detail: detail.joined(separator: ","), weight: drift)
    }

    /// 1 − (twice the weight kept) / (total weight of both sides), function words counting a
    /// fifth; words the diff keeps equal and changes of form count as kept.
    static func score(_ group: GroupAnalysis) -> Double {
        let (a, b) = (group.a, group.b)
        func w(_ side: GroupSide, _ k: Int) -> Double { side.isStop(k) ? 0.2 : 1 }
        let total = a.ids.indices.reduce(0) { $0 + w(a, $1) } + b.ids.indices.reduce(0) { $0 + w(b, $1) }
        guard total > 0 else { return 0 }
        var kept = group.equal.reduce(0) { $0 + w(a, $1.0) + w(b, $1.1) }
        for form in group.forms {
            kept += form.a.reduce(0) { $0 + w(a, $1) } + form.b.reduce(0) { $0 + w(b, $1) }
        }
        return max(0, min(1, 1 - kept / total))
    }
}
