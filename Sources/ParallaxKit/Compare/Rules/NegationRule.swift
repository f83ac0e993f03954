/// Negation and modality by meaning: the polarity of each clause ("did not", "didn't",
/// "nobody", "no one", "never", "without" all negate) and the strength class of its modals
/// (obligation or possibility), compared between the clauses of A and B that say the same
/// thing. Other words with the same polarity and strength are a change of form.
///
/// A negation finding needs two things: the two sides hold a different number of negations in
/// all, and a pair of matching clauses differs in polarity. The first keeps a negation that a
/// paraphrase moves to another clause ("Even without the ordinance the parks close" / "Even
/// without the ordinance, the parks close") from being reported; the second says where.
///
/// Polarity is by meaning: a predicate that is negative in itself ("overlooks", "refused",
/// "cancelled", "out of the question", "unforgettable") answers a negation on the other side
/// ("doesn't see", "did not accept", "will not take place", "won't be possible", "never
/// forgotten"), and "not" with such a predicate is positive ("should not disregard" = "should
/// observe"). Such predicates never make a finding on their own: they only cancel one. And a
/// negation whose words have no counterpart on the other side at all ("without losing control"
/// where the other account says nothing of control) is content one side lacks, not a changed
/// polarity.
enum NegationRule: GroupRule {
    static let category = FindingCategory.negation
    static let info = CategoryInfo(
        ruleName: "NegationOrModalityChanged",
        summary: "Negation or modality changed between the accounts.",
        help: "Check the negation or modality (not, must, may): it changes the meaning.",
        defaultSeverity: .error, terminalStyle: "1;91", htmlColors: ("#a40e26", "#ffd8d3"))

    /// The strength of what a modal says. A change from one class to another ("must" → "may",
    /// "will" → "may") changes the claim; "may" → "might" or "must" → "has to" does not.
    /// "would" is not compared: it is a conditional as often as a prediction, and translations
    /// move between it and "could" or "should" freely (the German Konjunktiv has no one English
    /// form).
    ///
    /// Under a negation some modals read two ways (``Polarity/readings``): "can't" and "not
    /// possible" rule a thing out as "won't" does ("can't get rid of" / "won't be rid of") and
    /// forbid it as "may not" does ("cannot ruin" / "may not destroy"), while "won't" and "may
    /// not" still differ. An obligation whose complement is a negative predicate ("had to avoid
    /// scratching") forbids as "not allowed to scratch" does.
    enum Modality: String, Comparable, CaseIterable {
        case obligation, possibility, prediction

        static func < (x: Modality, y: Modality) -> Bool { x.rawValue < y.rawValue }
    }

    /// What one clause says: whether it is negated, its modal classes, and the words that carry
    /// either (with the auxiliaries that lean on them).
    struct Polarity {
        var negators: [Int] = []
        /// Words negative by their meaning ("overlook", "refused", "out of the question"): see
        /// ``NegationRule``. The first word of each.
        var lexical: [Int] = []
        /// The modal class of each modal, in order.
        var modals: [Modality] = []
        /// The classes each modal can be read as, in order (its class, and under a negation
        /// perhaps another: see ``Modality``).
        var readings: [Set<Modality>] = []
        var carriers: [Int] = []

        var isNegative: Bool { !negators.isEmpty }
        /// Negated in meaning: by a negation word, unless a negative predicate turns it back
        /// ("should not disregard"), or by a negative predicate alone ("overlooks").
        var isNegativeInMeaning: Bool { isNegative != !lexical.count.isMultiple(of: 2) }
    }

    /// Whether two clauses' modals differ in strength: a modal of one class stands where the
    /// other has one of another class (as many modals on each side, other classes). A modal
    /// added or dropped is left alone: translations add and drop them freely.
    static func modalityChanged(_ x: [Set<Modality>], _ y: [Set<Modality>]) -> Bool {
        guard !x.isEmpty, x.count == y.count else { return false }
        return !readAlike(x, y)
    }

    /// Whether each modal of `x` can be paired with one of `y` that shares a reading (as many on
    /// each side).
    static func readAlike(_ x: [Set<Modality>], _ y: [Set<Modality>]) -> Bool {
        guard x.count == y.count else { return false }
        var used = [Bool](repeating: false, count: y.count)
        func place(_ i: Int) -> Bool {
            guard i < x.count else { return true }
            for j in y.indices where !used[j] && !x[i].isDisjoint(with: y[j]) {
                used[j] = true
                if place(i + 1) { return true }
                used[j] = false
            }
            return false
        }
        return place(0)
    }

    static func apply(to group: inout GroupAnalysis) {
        // Most groups have nothing to compare: no negation and no modal on either side.
        let table = group.context.keys
        guard group.a.ids.contains(where: table.mayCarryNegation) || group.b.ids.contains(where: table.mayCarryNegation) else { return }
        let clausesA = group.a.clauses()
        let clausesB = group.b.clauses()
        let polarityA = clausesA.map { polarity(of: $0, in: group.a) }
        let polarityB = clausesB.map { polarity(of: $0, in: group.b) }
        let countA = polarityA.reduce(0) { $0 + $1.negators.count }
        let countB = polarityB.reduce(0) { $0 + $1.negators.count }
        let modalsA = polarityA.flatMap(\.modals)
        let modalsB = polarityB.flatMap(\.modals)
        // Negative predicates that one side has and the other lacks, in the whole group: they
        // answer a negation even where a list's commas part the clauses ("Canada, the USA,
        // Mexico, and Brazil are cancelled" / "… will not take place").
        let lexicalA = polarityA.reduce(0) { $0 + $1.lexical.count }
        let lexicalB = polarityB.reduce(0) { $0 + $1.lexical.count }
        // A negation inserted or removed with nothing in its place ("is innocent" / "is not
        // innocent"), where the totals differ, is a change whatever the clauses say.
        if countA != countB {
            for hunk in group.hunks {
                let (openA, openB) = group.open(hunk)
                let negA = openA.filter { isNegator(group.a.keys[$0]) }
                let negB = openB.filter { isNegator(group.b.keys[$0]) }
                let restA = openA.filter { !negA.contains($0) && !auxiliaries.contains(group.a.keys[$0]) }
                let restB = openB.filter { !negB.contains($0) && !auxiliaries.contains(group.b.keys[$0]) }
                guard restA.isEmpty, restB.isEmpty, negA.isEmpty != negB.isEmpty,
                    let clauseA = clausesA.firstIndex(where: { $0.contains(hunk.a.lowerBound) || $0.upperBound == hunk.a.lowerBound })
                        ?? clausesA.indices.last,
                    let clauseB = clausesB.firstIndex(where: { $0.contains(hunk.b.lowerBound) || $0.upperBound == hunk.b.lowerBound })
                        ?? clausesB.indices.last
                else { continue }
                var pa = Polarity()
                pa.negators = negA
                pa.carriers = negA
                var pb = Polarity()
                pb.negators = negB
                pb.carriers = negB
                report(
                    group: &group, kind: "Negation", clauseA: clausesA[clauseA], clauseB: clausesB[clauseB], pa: pa, pb: pb,
                    what: negA.isEmpty ? "B adds a negation" : "A has a negation B leaves out")
                return
            }
        }
        for (x, y) in matchClauses(clausesA, clausesB, group) {
            let pa = polarityA[x]
            let pb = polarityB[y]
            // The same classes in all (a modal moved to another clause), or clauses whose modals
            // read alike.
            let sameModality = modalsA.sorted() == modalsB.sorted() || !modalityChanged(pa.readings, pb.readings)
            let (negative, negativeClause, negativeSide, otherSide) =
                pa.isNegative ? (pa, clausesA[x], group.a, group.b) : (pb, clausesB[y], group.b, group.a)
            let answeredElsewhere = pa.isNegative ? lexicalB > lexicalA : lexicalA > lexicalB
            if countA != countB && pa.isNegative != pb.isNegative && pa.isNegativeInMeaning != pb.isNegativeInMeaning
                && !answeredElsewhere && !negativeAffix(pa, clausesA[x], group.a, pb, clausesB[y], group.b)
                && scopeAnswered(negative, negativeClause, negativeSide, by: otherSide)
            {
                report(
                    group: &group, kind: "Negation", clauseA: clausesA[x], clauseB: clausesB[y], pa: pa, pb: pb,
                    what: pa.isNegative ? "A negates, B does not" : "B negates, A does not")
            } else if !sameModality {
                let la = pa.modals.map(\.rawValue).joined(separator: "/")
                let lb = pb.modals.map(\.rawValue).joined(separator: "/")
                report(
                    group: &group, kind: "Modality", clauseA: clausesA[x], clauseB: clausesB[y], pa: pa, pb: pb,
                    what: "A states \(la), B \(lb)")
            } else {
                // Same polarity and strength: the words that carry them are a change of form
                // where the diff sees a change.
                let carriedA = IntSet(pa.carriers)
                let carriedB = IntSet(pb.carriers)
                for hunk in group.hunks {
                    let (openA, openB) = group.open(hunk)
                    let inA = openA.filter { carriedA.contains($0) }
                    let inB = openB.filter { carriedB.contains($0) }
                    guard !inA.isEmpty || !inB.isEmpty else { continue }
                    group.explain(a: inA, b: inB)
                    // A hunk made only of such words is a change of form.
                    if inA.count == openA.count && inB.count == openB.count {
                        group.addForm(a: GroupSide.cover(inA), b: GroupSide.cover(inB))
                    }
                }
            }
        }
    }

    /// Whether a word may negate its clause or be a modal, whatever stands beside it: the groups
    /// with no such word on either side have nothing to compare.
    static func mayCarry(_ key: String) -> Bool {
        isNegator(key) || key == "not" || key == "no" || failVerbs.contains(key) || modals[key] != nil || multiWordModals.contains(key)
    }

    private static func report(
        group: inout GroupAnalysis, kind: String, clauseA: Range<Int>, clauseB: Range<Int>, pa: Polarity, pb: Polarity, what: String
    ) {
        // Quote the carrying words with the hunk they stand in, or the clause's changed words.
        func quoted(_ side: GroupSide, _ clause: Range<Int>, _ carriers: [Int], hunks: [Range<Int>]) -> Range<Int> {
            let touched = hunks.filter { !$0.isEmpty && $0.overlaps(clause) && carriers.contains(where: $0.contains) }
            if let first = touched.first, let last = touched.last { return first.lowerBound..<last.upperBound }
            let changed = hunks.filter { !$0.isEmpty && $0.overlaps(clause) }
            if let first = changed.first, let last = changed.last {
                let low = max(first.lowerBound, clause.lowerBound)
                return low..<max(low, min(last.upperBound, clause.upperBound))
            }
            if let low = carriers.min(), let high = carriers.max() { return low..<(high + 1) }
            return clause
        }
        let ra = quoted(group.a, clauseA, pa.carriers, hunks: group.hunks.map(\.a))
        let rb = quoted(group.b, clauseB, pb.carriers, hunks: group.hunks.map(\.b))
        group.explain(a: pa.carriers, b: pb.carriers)
        group.add(
            .negation, "\(kind) differs (\(what)): A \(group.quote(group.a.surface(ra))), B \(group.quote(group.b.surface(rb))).",
            group.a.span(ra), group.b.span(rb),
            detail: "\(kind)|\(group.a.keys[ra].joined(separator: " "))|\(group.b.keys[rb].joined(separator: " "))", weight: 3)
    }

    /// Pairs each clause of A with the clause of B that shares most of its content words, best
    /// pairs first, each clause used once. With one clause a side, they pair.
    static func matchClauses(_ ca: [Range<Int>], _ cb: [Range<Int>], _ group: GroupAnalysis) -> [(Int, Int)] {
        if ca.count == 1 && cb.count == 1 { return [(0, 0)] }
        func content(_ side: GroupSide, _ clause: Range<Int>) -> IntSet {
            IntSet(
                clause.compactMap { k -> Int32? in
                    if side.isStop(k) { return nil }
                    if side.table.mayCarryNegation(side.ids[k]), isNegator(side.keys[k]) || modality(of: side.keys[k]) != nil { return nil }
                    return side.stem(k)
                })
        }
        let sa = ca.map { content(group.a, $0) }
        let sb = cb.map { content(group.b, $0) }
        var candidates: [(score: Double, x: Int, y: Int)] = []
        for x in ca.indices {
            for y in cb.indices {
                let shared = sa[x].sharedCount(with: sb[y])
                let smaller = min(sa[x].count, sb[y].count)
                guard shared > 0, smaller > 0 else { continue }
                let score = Double(shared) / Double(smaller)
                if score >= 0.34 { candidates.append((score + Double(shared) / 100, x, y)) }
            }
        }
        candidates.sort { ($0.score, -$0.x, -$0.y) > ($1.score, -$1.x, -$1.y) }
        var usedA = IntSet()
        var usedB = IntSet()
        var pairs: [(Int, Int)] = []
        for c in candidates where !usedA.contains(c.x) && !usedB.contains(c.y) {
            usedA.insert(c.x)
            usedB.insert(c.y)
            pairs.append((c.x, c.y))
        }
        return pairs.sorted { $0 < $1 }
    }

    // MARK: - Words

    /// What a clause says about polarity and modality.
    static func polarity(of clause: Range<Int>, in side: GroupSide) -> Polarity {
        var p = Polarity()
        let keys = side.keys
        // "neither … nor" is one negation, also when a comma puts "nor" in a clause of its own.
        var sentenceStart = clause.lowerBound
        while sentenceStart > 0, side.sentenceOfWord[sentenceStart - 1] == side.sentenceOfWord[clause.lowerBound] { sentenceStart -= 1 }
        var sawNeither = keys[sentenceStart..<clause.lowerBound].contains("neither")
        var modalWords: [(modality: Modality, key: String, at: Int)] = []
        let table = side.table
        for k in clause {
            // Most words can be neither a negation, nor a modal, nor negative by meaning.
            let id = side.ids[k]
            guard table.mayCarryNegation(id) || table.mayBeLexicalNegative(id) else { continue }
            let key = keys[k]
            let next = k + 1 < clause.upperBound ? keys[k + 1] : nil
            let previous = k > clause.lowerBound ? keys[k - 1] : nil
            if key == "neither" { sawNeither = true }
            if isNegator(key, next: next, previous: previous) && !(key == "nor" && sawNeither) {
                p.negators.append(k)
                p.carriers.append(k)
                // The auxiliary that carries "not" ("did not" / "didn't"), and "one" of "no one".
                if let previous, auxiliaries.contains(previous), key == "not" { p.carriers.append(k - 1) }
                if key == "no", next == "one" { p.carriers.append(k + 1) }
            } else if isLexicalNegative(at: k, keys, hasNegativeStem: side.table.hasLexicalNegativeStem(side.ids[k])) {
                p.lexical.append(k)
            }
            // "May" with a capital inside a sentence, or beside a number, is the month.
            let isMonth =
                key == "may"
                && ((side.words[k].isCapitalized && side.words[k].isName) || side.words[max(0, k - 1)].isNumber
                    || (k + 1 < side.words.count && side.words[k + 1].isNumber))
            // "the need to", "a need to": a noun, not a modal.
            let isNoun = (key == "need" || key == "needs") && (previous.map(determiners.contains) ?? false)
            if !isMonth, !isNoun, let m = modality(of: key, next: next) {
                modalWords.append((m, key, k))
                p.carriers.append(k)
                if next == "to", multiWordModals.contains(key) || passiveModals.contains(key) { p.carriers.append(k + 1) }
                if let previous, ["is", "are", "was", "were", "be", "been", "am"].contains(previous), passiveModals.contains(key) {
                    p.carriers.append(k - 1)
                }
            }
        }
        p.modals = modalWords.map(\.modality)
        p.readings = modalWords.map { word in
            guard p.isNegativeInMeaning else { return [word.modality] }
            let plain = word.key.hasSuffix("n't") ? String(word.key.dropLast(3)) : word.key
            if p.isNegative, abilityModals.contains(plain) {
                // "can't", "cannot", "not possible": as "won't", and as "may not".
                return [.possibility, .prediction]
            }
            if word.modality == .obligation, p.lexical.contains(where: { (word.at + 1)...(word.at + 3) ~= $0 }) {
                // "had to avoid", "must refuse": as "not allowed to".
                return [.obligation, .possibility]
            }
            return [word.modality]
        }
        return p
    }

    /// Modals of ability: negated, they rule a thing out ("can't", "could not", "not able to",
    /// "not possible"), unlike those of permission or chance alone ("may not", "not allowed").
    static let abilityModals: Set<String> = ["can", "cannot", "ca", "could", "able", "possible"]

    /// Whether a negation's words are answered on the other side: some content word after the
    /// clause's first negation word (the words it bears on) is also among the other side's words
    /// (by stem). When none is ("taxied it to a standstill without losing control" / "let it
    /// coast to a stop"; "is hardly possible" / "will be tough"), the other side does not state
    /// the opposite, it says nothing of it: content one side lacks, for the omission and drift
    /// rules. A negation with no content word after it is answered.
    static func scopeAnswered(
        _ p: Polarity, _ clause: Range<Int>, _ side: GroupSide, by other: GroupSide
    ) -> Bool {
        guard let first = p.negators.min(), first + 1 < clause.upperBound else { return true }
        let scope = ((first + 1)..<clause.upperBound).filter { k in
            let key = side.keys[k]
            return !side.isStop(k) && !isNegator(key) && !auxiliaries.contains(key) && key.contains(where: { $0.isLetter || $0.isNumber })
        }
        guard !scope.isEmpty else { return true }
        let otherStems = other.stemSet
        return scope.contains { otherStems.contains(side.stem($0)) }
    }

    /// Whether the word at `k` is negative by its meaning: a predicate of the lexicon
    /// (``lexicalNegatives``, matched through the stemmer: "overlooked", "refuses",
    /// "cancelled"), "out of (the) question", "ruled out", "called off", or a word made negative
    /// by "un-" or "non-" before an English word ("unacceptable", "non-existent") that is not
    /// itself negative.
    static func isLexicalNegative(at k: Int, _ keys: [String], stemmer: Stemmer) -> Bool {
        isLexicalNegative(at: k, keys, hasNegativeStem: lexicalNegativeStems.contains(stemmer.stem(keys[k])))
    }

    /// Whether ``isLexicalNegative(at:_:hasNegativeStem:)`` can hold for a word, whatever its
    /// neighbours: it is negative by itself, or it opens a negative phrase ("out of the
    /// question", "ruled out", "called off"). Asked once a key (``KeyTable``).
    static func mayBeLexicalNegative(_ key: String, hasNegativeStem: Bool) -> Bool {
        key == "out" || ruleVerbs.contains(key) || callVerbs.contains(key)
            || isLexicalNegative(at: 0, [key], hasNegativeStem: hasNegativeStem)
    }

    /// The verbs of the negative phrases "rule out" and "call off".
    static let ruleVerbs: Set<String> = ["rule", "rules", "ruled", "ruling"]
    static let callVerbs: Set<String> = ["call", "calls", "called", "calling"]

    /// ``isLexicalNegative(at:_:stemmer:)`` with the stem's answer given (``KeyTable``).
    static func isLexicalNegative(at k: Int, _ keys: [String], hasNegativeStem: Bool) -> Bool {
        let key = keys[k]
        let next = k + 1 < keys.count ? keys[k + 1] : nil
        if key == "out", next == "of" {
            let rest = keys[(k + 2)..<min(keys.count, k + 4)]
            return rest.first == "question" || (rest.first == "the" && rest.dropFirst().first == "question")
        }
        if next == "out", ruleVerbs.contains(key) { return true }
        if next == "off", callVerbs.contains(key) { return true }
        if hasNegativeStem { return true }
        for prefix in ["un", "non"] where key.hasPrefix(prefix) {
            var base = key.dropFirst(prefix.count)
            if base.first == "-" { base = base.dropFirst() }
            guard base.count >= 4, EnglishWords.contains(String(base)) else { continue }
            // "un-" over a negative word is positive: "unavoidable" (it will happen),
            // "unforgettable" (it will be remembered).
            return !lexicalNegativeStems.contains { $0.count >= 4 && base.hasPrefix($0) }
        }
        return false
    }

    /// Predicates that say "not" by themselves: "overlook" = not see, "refuse" = not accept,
    /// "lack" = not have, "cancel" = make not take place, "impossible" = not possible.
    static let lexicalNegatives: [String] = [
        "overlook", "neglect", "disregard", "ignore", "lack", "refuse", "deny", "reject", "avoid", "prevent", "cancel", "annul",
        "forget", "forgot", "forgotten", "omit", "abstain", "refrain", "decline", "ban", "prohibit", "forbid", "forbade",
        "forbidden", "exclude", "absent", "impossible",
    ]
    static let lexicalNegativeStems: Set<String> = {
        let stemmer = Stemmer(language: "en")
        return Set(lexicalNegatives.map { stemmer.stem($0) })
    }()

    /// Whether a word negates its clause. "not only" and "no doubt" do not; "fail to" does. Other
    /// verbs that say "not" ("avoid", "cancel", "overlook") are not negation words: measured on
    /// two human translations, counting them as such removed as many false negation errors as it
    /// added ("avoid" / "prevent", "cancelled" / "retracted"). They only answer a negation
    /// (``isLexicalNegative(at:_:stemmer:)``).
    static func isNegator(_ key: String, next: String? = nil, previous: String? = nil) -> Bool {
        if key == "not" { return !(next.map(notIdioms.contains) ?? false) }
        // "No. 1" is a number, "no doubt" an assertion.
        if key == "no" { return !(next.map { noIdioms.contains($0) || $0.first?.isNumber == true } ?? false) }
        if negators.contains(key) { return true }
        if key.hasSuffix("n't") { return true }
        if failVerbs.contains(key) { return next == "to" }
        return false
    }

    /// The modal class of a word ("have" and "need" only before "to").
    static func modality(of key: String, next: String? = nil) -> Modality? {
        if multiWordModals.contains(key) { return next == "to" ? .obligation : nil }
        if let m = modals[key] { return m }
        // Fold keys write every apostrophe as U+0027 (the typography layer).
        let plain = key
        if plain.hasSuffix("n't"), let m = modals[String(plain.dropLast(3))] { return m }
        if plain == "can't" || plain == "cannot" { return .possibility }
        return nil
    }

    static let negators: Set<String> = [
        "never", "nobody", "nothing", "none", "nowhere", "neither", "nor", "without", "cannot", "hardly", "barely", "scarcely",
        "unable", "noone",
    ]
    static let notIdioms: Set<String> = ["only", "just", "merely", "least"]
    static let noIdioms: Set<String> = ["doubt", "matter"]
    /// "failed to find" says "did not find".
    static let failVerbs: Set<String> = ["fail", "fails", "failed", "failing"]
    static let auxiliaries: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "will", "would", "can", "could",
        "may", "might", "must", "should", "shall",
    ]
    static let modals: [String: Modality] = [
        "must": .obligation, "shall": .obligation, "should": .obligation, "ought": .obligation, "required": .obligation,
        "obliged": .obligation, "obligated": .obligation, "compelled": .obligation, "mandatory": .obligation,
        "may": .possibility, "might": .possibility, "could": .possibility, "can": .possibility, "allowed": .possibility,
        "permitted": .possibility, "able": .possibility, "possibly": .possibility, "perhaps": .possibility, "maybe": .possibility,
        "possible": .possibility,
        "will": .prediction, "won't": .prediction,
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "no", "any", "this", "that", "their", "its", "our", "his", "her", "my", "your",
    ]

    /// Modals of two words: "have to", "has to", "had to", "need to", "needs to".
    static let multiWordModals: Set<String> = ["have", "has", "had", "need", "needs"]
    /// Modal adjectives and participles after "be" ("is allowed to", "was required to").
    static let passiveModals: Set<String> = ["allowed", "permitted", "able", "required", "obliged", "obligated", "compelled"]

    /// Whether the polarity differs only in form: the positive side says "unclear",
    /// "impossible", "disagree" where the negative side says "not clear", "not possible", "not
    /// agree" (a negative prefix on the word the other side negates).
    static func negativeAffix(_ pa: Polarity, _ ca: Range<Int>, _ a: GroupSide, _ pb: Polarity, _ cb: Range<Int>, _ b: GroupSide) -> Bool {
        let (negSide, negClause, posSide, posClause) = pa.isNegative ? (a, ca, b, cb) : (b, cb, a, ca)
        let negKeys = Set(negClause.map { negSide.words[$0].key })
        for k in posClause {
            let key = posSide.words[k].key
            for prefix in ["un", "in", "im", "il", "ir", "dis", "non"] where key.hasPrefix(prefix) && key.count > prefix.count + 3 {
                let base = String(key.dropFirst(prefix.count)).trimmingPrefix("-")
                if negKeys.contains(String(base)) { return true }
            }
        }
        return false
    }
}
