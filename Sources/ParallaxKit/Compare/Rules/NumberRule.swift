/// Numbers and dates as values: every quantity and date of both sides, parsed
/// (``QuantityParser``, ``DateParser``) and paired by value (``FactMatcher``). The same value in
/// another form ("3300" / "3,300", "Twelve" / "12", "June 28" / "28 June") is a change of form; a
/// different value, scale, unit, currency, weekday or month is a `number` finding, and so is a
/// number one side leaves out (unless that account has lost all its digits, which is told once).
enum NumberRule: GroupRule {
    static let category = FindingCategory.number
    static let info = CategoryInfo(
        ruleName: "NumberDiffers",
        summary: "A number or date differs between the accounts, or is missing from one.",
        help: "Check the number or date against the source: numbers should agree exactly.",
        defaultSeverity: .error, terminalStyle: "1;36", htmlColors: ("#0969da", "#ddf4ff"))

    /// A mention found in one side's text, with the words it covers.
    struct Located<Mention> {
        var mention: Mention
        var sentence: Int
        /// Byte offsets in the input.
        var bytes: Range<Int>
        var words: [Int]
        var surface: String
    }

    static func apply(to group: inout GroupAnalysis) {
        let context = group.context
        let (factsA, quantitiesA, datesA) = facts(of: group.a)
        let (factsB, quantitiesB, datesB) = facts(of: group.b)
        let (quantities, dates) = FactMatcher.compare(factsA, factsB, datelineA: context.datelines.a, datelineB: context.datelines.b)
        // Dates first: a bare weekday or month that the other side leaves out is content, not
        // a changed fact (it is left to the omission and drift rules).
        settle(&group, kind: .dates, datesA, datesB, dates, isWeak: { _ in true }, isDigits: { _ in false })
        group.explain(
            a: quantities.statedElsewhereA.flatMap { quantitiesA[$0].words },
            b: quantities.statedElsewhereB.flatMap { quantitiesB[$0].words })
        var numbers = split(quantities, quantitiesA, quantitiesB)
        // The other account's sentences asked about, parsed once for all the mentions.
        var partnerQuantities: (a: [Int: [QuantityMention]], b: [Int: [QuantityMention]]) = ([:], [:])
        let linkedA = numbers.onlyA.filter { statedInAnotherLink(quantitiesA[$0], inA: true, group, parsed: &partnerQuantities.b) }
        let linkedB = numbers.onlyB.filter { statedInAnotherLink(quantitiesB[$0], inA: false, group, parsed: &partnerQuantities.a) }
        numbers.onlyA.removeAll(where: Set(linkedA).contains)
        numbers.onlyB.removeAll(where: Set(linkedB).contains)
        group.explain(a: linkedA.flatMap { quantitiesA[$0].words }, b: linkedB.flatMap { quantitiesB[$0].words })
        settle(&group, kind: .numbers, quantitiesA, quantitiesB, numbers, isWeak: isWeak, isDigits: { !$0.isSpelledOut })
    }

    /// Whether a quantity that the other side of this group lacks is stated by a sentence of the
    /// other account that another group links to the quantity's sentence. The aligner links a
    /// sentence to a second partner now and then (a headline to the lead that repeats it); the
    /// number is then in both accounts, told by the first partner, and nothing is missing.
    /// `parsed` keeps the quantities of the other account's sentences already read.
    static func statedInAnotherLink(
        _ located: Located<QuantityMention>, inA: Bool, _ group: GroupAnalysis, parsed: inout [Int: [QuantityMention]]
    ) -> Bool {
        let context = group.context
        let (partners, here, other) =
            inA
            ? (context.links.a[located.sentence], group.b.sentences, context.b)
            : (context.links.b[located.sentence], group.a.sentences, context.a)
        for sentence in partners where !here.contains(sentence) {
            let quantities = parsed[sentence] ?? Facts(other.sentences[sentence].text).quantities
            parsed[sentence] = quantities
            if quantities.contains(where: { FactMatcher.same(located.mention.quantity, $0.quantity, lenient: true) }) {
                return true
            }
        }
        return false
    }

    /// Whether a quantity one side lacks goes unreported: a small spelled-out number (the other
    /// side may say "both" or "a"), a name's number ("COVID-19": the name is the entity rule's),
    /// a time of day in words ("noon" / "lunchtime"), or a stray suffix whose digits are lost.
    static func isWeak(_ mention: QuantityMention) -> Bool {
        mention.isWeak || mention.quantity.kind == .identifier || mention.quantity.kind == .unknown
            || (mention.quantity.kind == .time && mention.isSpelledOut)
    }

    /// A weak mention paired as changed with a mention of another kind ("first" / "16") fills no
    /// common slot: both count as lacking on the other side instead. Two names' numbers changed
    /// only when their digits differ ("Corona-19" / "Covid-19" is the entity rule's matter).
    static func split(_ result: FactComparison<QuantityMention>, _ a: [Located<QuantityMention>], _ b: [Located<QuantityMention>])
        -> FactComparison<QuantityMention>
    {
        var out = result
        out.changed = []
        for pair in result.changed {
            let (x, y) = (a[pair.a].mention, b[pair.b].mention)
            if x.quantity.kind == .identifier, y.quantity.kind == .identifier,
                digits(x.quantity.identifier) == digits(y.quantity.identifier)
            {
                out.same.append(pair)
            } else if x.quantity.kind == .unknown, y.quantity.kind == .unknown, x.surface.lowercased() == y.surface.lowercased() {
                // The same stray suffix on both sides ("the th anniversary"): nothing changed.
                out.same.append(pair)
            } else if (isWeak(x) || isWeak(y)) && x.quantity.kind != y.quantity.kind && x.quantity.kind != .unknown
                && y.quantity.kind != .unknown
            {
                out.onlyA.append(pair.a)
                out.onlyB.append(pair.b)
            } else {
                out.changed.append(pair)
            }
        }
        return out
    }

    private static func digits(_ key: String?) -> String { String((key ?? "").filter(\.isNumber)) }

    /// The facts of each sentence of a side, gathered into one ``Facts`` (in sentence order), and
    /// each mention placed in the input and on the side's words.
    private static func facts(of side: GroupSide) -> (Facts, [Located<QuantityMention>], [Located<DateMention>]) {
        var all = Facts("")
        var quantities: [Located<QuantityMention>] = []
        var dates: [Located<DateMention>] = []
        var firstWord = 0
        for sentence in side.sentences {
            let record = side.document.sentences[sentence]
            var end = firstWord
            while end < side.words.count, side.sentenceOfWord[end] == sentence { end += 1 }
            let facts = Facts(record.text)
            func place<M>(_ mention: M, _ range: Range<Int>) -> Located<M> {
                let bytes = (record.start + range.lowerBound)..<(record.start + range.upperBound)
                let words = (firstWord..<end).filter { side.words[$0].span.overlaps(bytes) }
                return Located(
                    mention: mention, sentence: sentence, bytes: bytes, words: words,
                    surface: Document.displayText(side.document.source.utf8[bytes]))
            }
            quantities += facts.quantities.map { place($0, $0.range) }
            dates += facts.dates.map { place($0, $0.range) }
            all.quantities += facts.quantities
            all.dates += facts.dates
            firstWord = end
        }
        return (all, quantities, dates)
    }

    /// Reports what a comparison of mentions found: changed values, and values one side lacks;
    /// equal values in other forms are changes of form.
    private static func settle<M>(
        _ group: inout GroupAnalysis, kind: FindingMessage.FactKind, _ ma: [Located<M>], _ mb: [Located<M>], _ result: FactComparison<M>,
        isWeak: (M) -> Bool, isDigits: (M) -> Bool
    ) {
        let context = group.context
        for (i, j) in result.same {
            if ma[i].surface != mb[j].surface && !ma[i].words.isEmpty && !mb[j].words.isEmpty {
                group.addForm(a: GroupSide.cover(ma[i].words), b: GroupSide.cover(mb[j].words))
            } else {
                group.explain(a: ma[i].words, b: mb[j].words)
            }
        }
        for (i, j) in result.changed {
            group.explain(a: ma[i].words, b: mb[j].words)
            group.add(
                .number, .changed(kind), span(ma[i]), span(mb[j]), detail: "\(kind.rawValue)|\(ma[i].surface)|\(mb[j].surface)",
                weight: 3)
        }
        // Values one side lacks. A side that has lost all its digits is told once, elsewhere.
        // Where the other side has a value of its own that no value here matches (even a small
        // or weak one: "first" may stand for "16"), one of them
        // stands for the other in a form no rule equates: a changed fact (the category's
        // severity, an error by default). Where it has none, the value disappears with nothing
        // in its place: content one side leaves out, a warning as an omission is.
        func lacking(_ indices: [Int], _ mine: [Located<M>], lostElsewhere: Bool, inA: Bool, otherHasOwn: Bool) {
            let severity = otherHasOwn ? context.options.severity(.number) : context.options.severity(.number, unlessConfigured: .warning)
            for i in indices where !isWeak(mine[i].mention) {
                if lostElsewhere && isDigits(mine[i].mention) {
                    inA ? group.explain(a: mine[i].words, b: []) : group.explain(a: [], b: mine[i].words)
                    continue
                }
                let other = inA ? group.b : group.a
                let empty = other.span(0..<0)
                if inA {
                    group.explain(a: mine[i].words, b: [])
                    group.add(
                        .number, .lacking(kind, inA: true), span(mine[i]), empty,
                        detail: "\(kind.rawValue)|\(mine[i].surface)|", weight: 3, severity: severity)
                } else {
                    group.explain(a: [], b: mine[i].words)
                    group.add(
                        .number, .lacking(kind, inA: false), empty, span(mine[i]),
                        detail: "\(kind.rawValue)||\(mine[i].surface)", weight: 3, severity: severity)
                }
            }
        }
        lacking(result.onlyA, ma, lostElsewhere: context.digitLoss.b, inA: true, otherHasOwn: !result.onlyB.isEmpty)
        lacking(result.onlyB, mb, lostElsewhere: context.digitLoss.a, inA: false, otherHasOwn: !result.onlyA.isEmpty)
    }

    private static func span<M>(_ located: Located<M>) -> Span {
        Span(sentence: located.sentence, start: located.bytes.lowerBound, end: located.bytes.upperBound, text: located.surface)
    }
}
