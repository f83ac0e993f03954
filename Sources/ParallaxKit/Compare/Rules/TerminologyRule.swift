/// Glossary variants: words the diff keeps as one term ("CPC" / "Communist Party of China"),
/// written as different variants of their class.
enum TerminologyRule: GroupRule {
    static let category = FindingCategory.terminology
    static let info = CategoryInfo(
        ruleName: "TerminologyVariant",
        summary: "A glossary variant: the accounts use different terms from one equivalence class.",
        help: "Use one term of the glossary class consistently, or accept the variant.",
        defaultSeverity: .info, terminalStyle: "1;35", htmlColors: ("#8250df", "#fbefff"))

    static func apply(to group: inout GroupAnalysis) {
        for (i, j) in group.equal {
            let x = group.a.words[i]
            let y = group.b.words[j]
            guard let entry = x.glossaryEntry, x.variant != y.variant else { continue }
            group.explain(a: [i], b: [j])
            group.add(
                .terminology,
                "Terminology: A says \(group.quote(group.a.surface(i))), B \(group.quote(group.b.surface(j))) (glossary class \(entry + 1)).",
                group.a.span(i..<(i + 1)), group.b.span(j..<(j + 1)), detail: "\(x.variant)|\(y.variant)")
        }
    }
}

/// Differences of form only: words equal after folding (case, quotes, dashes, compounds,
/// spelling) and the changes of form the other rules found equal in meaning (a number in other
/// digits or words, a contraction, an abbreviation, a transliteration). One finding per group,
/// weight 0: it never counts against a threshold.
enum FormattingRule: GroupRule {
    static let category = FindingCategory.formatting
    static let info = CategoryInfo(
        ruleName: "FormattingOnly",
        summary: "A difference of form only (case, punctuation, hyphenation, spelling, a number or name written another way).",
        help: "Usually harmless: the words say the same thing.",
        defaultSeverity: .info, terminalStyle: "1;2", htmlColors: ("#57606a", "#eaeef2"))

    static func apply(to group: inout GroupAnalysis) {
        var changes: [FormChange] = []
        // Words written with the same bytes read the same: their surfaces are made only when
        // the bytes differ (most equal words of a group are written alike).
        let (bytesA, bytesB) = (group.a.document.source.utf8, group.b.document.source.utf8)
        for (i, j) in group.equal where group.a.words[i].glossaryEntry == nil {
            if bytesA[group.a.words[i].span].elementsEqual(bytesB[group.b.words[j].span]) { continue }
            if group.a.surface(i) != group.b.surface(j) { changes.append(FormChange(a: i..<(i + 1), b: j..<(j + 1))) }
        }
        changes += group.forms
        changes.sort { ($0.a.lowerBound, $0.b.lowerBound) < ($1.a.lowerBound, $1.b.lowerBound) }
        guard let first = changes.first else { return }
        let examples = changes.prefix(4).map {
            "\(group.quote(group.a.surface($0.a), empty: "—"))/\(group.quote(group.b.surface($0.b), empty: "—"))"
        }
        let more = changes.count > 4 ? " and \(changes.count - 4) more" : ""
        group.add(
            .formatting, "Same meaning, other forms: \(examples.joined(separator: ", "))\(more).",
            group.a.span(first.a), group.b.span(first.b),
            detail: changes.map { "\($0.a.lowerBound):\($0.b.lowerBound)" }.joined(separator: ","), weight: 0)
    }
}
