/// Names on one side only. A name written another way (an abbreviation, a conventional alias, a
/// transliteration variant) is the same entity: a change of form. A name replaced by another
/// name is a changed fact (`error` by default); a name the other account never uses is a
/// `warning`.
enum EntityRule: GroupRule {
    static let category = FindingCategory.entity
    static let info = CategoryInfo(
        ruleName: "EntityOnOneSide",
        summary: "A name or acronym appears on one side only, or one name stands where the other account has another.",
        help: "Check that the name is right: a replaced name is a changed fact; a name on one side only may be an omission.",
        defaultSeverity: .warning, terminalStyle: "1;34", htmlColors: ("#bc4c00", "#fff1e5"))

    static func apply(to group: inout GroupAnalysis) {
        let keysA = IntSet(group.a.ids)
        let keysB = IntSet(group.b.ids)
        let context = group.context
        // Names of a side the other side's group does not have, as runs of adjacent words.
        func runs(_ side: GroupSide, _ open: [Int], otherKeys: IntSet) -> [Range<Int>] {
            let names = open.filter { k in
                let w = side.words[k]
                // A sentence's first word is a name when it is not a common word ("Russia has …").
                let isName = w.isName || (w.isCapitalized && !context.names.isCommon(w.key))
                guard isName, w.glossaryEntry == nil, !w.isNumber, !otherKeys.contains(side.ids[k]), !Classifier.isCalendarWord(w.key),
                    !side.isStop(k), !w.key.contains("'")
                else { return false }
                // After an opening quote or a colon a word is capitalised as a sentence's first.
                let opensQuote = side.gap(before: k, contains: Self.sentenceOpeners)
                return !(opensQuote && context.names.isCommon(w.key))
            }
            var out: [Range<Int>] = []
            for k in names {
                if let last = out.last, last.upperBound == k {
                    out[out.count - 1] = last.lowerBound..<(k + 1)
                } else {
                    out.append(k..<(k + 1))
                }
            }
            return out
        }
        // Words the diff keeps equal stand for themselves: another name is not written as them.
        // Each side's keys without periods and possessives. Both made once when a name needs them.
        var keptCache: (a: IntSet?, b: IntSet?) = (nil, nil)
        var plainCache: (a: [String]?, b: [String]?) = (nil, nil)
        for hunk in group.hunks {
            let (openA, openB) = group.open(hunk)
            var namesA = runs(group.a, openA, otherKeys: keysB)
            var namesB = runs(group.b, openB, otherKeys: keysA)
            guard !namesA.isEmpty || !namesB.isEmpty else { continue }
            if !namesA.isEmpty, plainCache.b == nil {
                plainCache.b = group.b.words.indices.map { NameMatcher.plainKey(group.b, $0) }
                keptCache.b = IntSet(group.equal.lazy.map(\.1))
            }
            if !namesB.isEmpty, plainCache.a == nil {
                plainCache.a = group.a.words.indices.map { NameMatcher.plainKey(group.a, $0) }
                keptCache.a = IntSet(group.equal.lazy.map(\.0))
            }
            let (plainA, plainB) = plainCache
            let (keptA, keptB) = (keptCache.a ?? [], keptCache.b ?? [])
            // The same entity written another way.
            namesA = namesA.filter { run in
                guard let other = sameEntity(run, in: group.a, other: group.b, context: context, kept: keptB, otherPlainKeys: plainB) else {
                    return true
                }
                group.addForm(a: run, b: other)
                return false
            }
            namesB = namesB.filter { run in
                guard let other = sameEntity(run, in: group.b, other: group.a, context: context, kept: keptA, otherPlainKeys: plainA) else {
                    return true
                }
                group.addForm(a: other, b: run)
                return false
            }
            // A name replaced by another: both sides name someone the other's group does not, the
            // new name is a proper name, and either the other account never uses it (not a
            // rendering of a name it uses elsewhere) or it uses the old name elsewhere (it knows
            // the name and says another here).
            let newA = namesA.filter {
                isProperName($0, group.a, context) && !usedBy($0, group.a, context.vocabulary.b, context.digitLoss.b, context)
            }
            let newB = namesB.filter {
                isProperName($0, group.b, context) && !usedBy($0, group.b, context.vocabulary.a, context.digitLoss.a, context)
            }
            let oldUsedByB = namesA.contains { usedBy($0, group.a, context.vocabulary.b, context.digitLoss.b, context) }
            let replacing = newB.isEmpty && oldUsedByB ? namesB.filter { isProperName($0, group.b, context) } : newB
            let detail =
                "\(namesA.map { group.a.keys[$0].joined(separator: " ") })|\(namesB.map { group.b.keys[$0].joined(separator: " ") })"
            if !namesA.isEmpty, !replacing.isEmpty {
                let newB = replacing
                let message = "Name changed: A names \(list(namesA, group.a, group)) where B names \(list(newB, group.b, group))."
                group.explain(a: namesA.joined(), b: namesB.joined())
                group.add(
                    .entity, message, group.a.span(GroupSide.cover(namesA.joined())), group.b.span(GroupSide.cover(newB.joined())),
                    detail: "changed|" + detail, weight: 3, severity: group.options.severity(.entity, unlessConfigured: .error))
                continue
            }
            // Names the other account never uses at all.
            let onlyA = newA
            let onlyB = newB
            guard !onlyA.isEmpty || !onlyB.isEmpty else { continue }
            let named =
                (onlyB.isEmpty ? [] : ["B names \(list(onlyB, group.b, group))"])
                + (onlyA.isEmpty ? [] : ["A names \(list(onlyA, group.a, group))"])
            group.explain(a: onlyA.joined(), b: onlyB.joined())
            group.add(
                .entity, named.joined(separator: "; ") + ", which the other does not.",
                group.a.span(onlyA.isEmpty ? hunk.a : GroupSide.cover(onlyA.joined())),
                group.b.span(onlyB.isEmpty ? hunk.b : GroupSide.cover(onlyB.joined())), detail: detail, weight: 2)
        }
    }

    /// After these a word is capitalised as a sentence's first: quotation marks and a colon.
    static let sentenceOpeners: Set<Unicode.Scalar> = ["\"", "'", ":", "\u{201C}", "\u{2018}"]

    /// The words of the other side that name the same entity as `run` another way.
    static func sameEntity(
        _ run: Range<Int>, in side: GroupSide, other: GroupSide, context: ClassifierContext, kept: IntSet = [],
        otherPlainKeys: [String]? = nil
    ) -> Range<Int>? {
        if let match = context.names.abbreviationMatch(run, in: side, other: other, otherPlainKeys: otherPlainKeys),
            !match.contains(where: { kept.contains($0) })
        {
            return match
        }
        // One abbreviation written two ways ("US" / "U.S.").
        if run.count == 1, let letters = NameMatcher.abbreviation(side.surface(run.lowerBound)),
            let j = other.words.indices.first(where: {
                !kept.contains($0) && other.words[$0].isCapitalized && other.words[$0].key.count <= 8
                    && NameMatcher.abbreviation(other.surface($0)) == letters
            })
        {
            return j..<(j + 1)
        }
        // Another spelling of one word of the run (a transliteration, an exonym, a typo).
        for k in run {
            let spelling = context.spelling(side.ids[k])
            if let j = other.words.indices.first(where: {
                !kept.contains($0) && other.words[$0].isCapitalized
                    && NameMatcher.isSpellingVariant(spelling, context.spelling(other.ids[$0]), stemmer: context.stemmer)
            }) {
                return j..<(j + 1)
            }
        }
        return nil
    }

    /// A run that holds a proper name: a capitalised word the accounts never write in lowercase.
    static func isProperName(_ run: Range<Int>, _ side: GroupSide, _ context: ClassifierContext) -> Bool {
        run.contains { !context.names.isCommon(side.words[$0].key) }
    }

    /// Whether the other account uses a name of the run anywhere.
    static func usedBy(_ run: Range<Int>, _ side: GroupSide, _ vocabulary: Set<String>, _ digitsLost: Bool, _ context: ClassifierContext)
        -> Bool
    {
        run.allSatisfy { Classifier.otherUses(side.words[$0].key, vocabulary, digitsLost: digitsLost, stemmer: context.stemmer) }
    }

    /// Each name once, quoted as written.
    static func list(_ runs: [Range<Int>], _ side: GroupSide, _ group: GroupAnalysis) -> String {
        var seen = Set<String>()
        var quoted: [String] = []
        for run in runs where seen.insert(side.keys[run].joined(separator: " ")).inserted {
            quoted.append(group.quote(side.surface(run)))
        }
        return quoted.joined(separator: ", ")
    }
}
