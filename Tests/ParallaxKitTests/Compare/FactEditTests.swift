import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// The measuring stick for the classifier: over real prose (the WMT21 reference A lines and the
/// 80 news_synth originals), a changed fact must fail and a changed form must pass. Each fact
/// edit (`EditGenerator.makeFactEditCase`) must give an `error` finding of its category on the edited
/// sentence; each form edit must give nothing at `warning` or above there. A second test counts
/// the findings that would fail a gate on two human translations of one text (WMT21 A ↔ B),
/// where no fact differs.
///
/// `Scripts/evaluate-findings` runs the suite and prints the figures. The targets fail on today's
/// classifier.
/// (a trait to remove at the merge).
@Suite("Fact and form edits")
struct FactEditTests {
    /// The share of cases each kind must get right.
    static let target = 0.97
    /// Natural cases at most per kind (bases are taken in a seeded order until this many edits).
    static let naturalCap = 100
    /// Cases per kind that inserted phrases make up for when the texts have too few.
    static let wanted = 60
    /// Cases per kind below which the figure means little.
    static let minimum = 40

    /// One edited sentence pair and what the comparison reported on it.
    struct Outcome {
        var edit: FactEdit
        var caseName: String
        var findings: [Finding]

        /// Fact: an error of the expected category (for a swapped name that the sentence credits
        /// as its speaker, an attribution error is as right: the speaker changed). Form: nothing
        /// at warning or above.
        var isRight: Bool {
            if let category = edit.kind.expectedCategory {
                return findings.contains { finding in
                    finding.severity == .error
                        && (finding.category == category
                            || (edit.kind == .nameSwap && finding.category == .attribution
                                && (finding.b?.text.contains(replacement ?? "\u{0}") ?? false)))
                }
            }
            return !findings.contains { $0.severity >= .warning }
        }

        /// The new text of an edit, from its detail ("person “Putin” → “Moreau”" → "Moreau").
        var replacement: String? {
            guard let arrow = edit.detail.range(of: "\u{2192} \u{201C}") else { return nil }
            return String(edit.detail[arrow.upperBound...].prefix { $0 != "\u{201D}" })
        }

        var report: String {
            let found =
                findings.isEmpty ? "no findings" : findings.map { "\($0.severity) \($0.category): \($0.message)" }.joined(separator: " | ")
            let title = "\(caseName) A\(edit.a): \(edit.detail)\(edit.inserted ? " (inserted)" : "")"
            return "\(title)\n      A: \(edit.before)\n      B: \(edit.after)\n      \(found)"
        }
    }

    static func commonWords() throws -> Set<String> {
        let news = try AlignmentCorpora.newsSynth(limit: 80)
        let wmt = try AlignmentCorpora.wmt()
        return EditGenerator.commonWords(in: news.flatMap { $0.original + $0.rewrite } + wmt.a + wmt.b)
    }

    /// Prints a block of lines, and appends it in one write to the file that
    /// `PARALLAX_FINDINGS_LOG` names, if any: `Scripts/evaluate-findings` reads the figures from
    /// there, because `swift test` does not pass on every line of a long, parallel output.
    static func emit(_ lines: [String]) {
        let text = lines.joined(separator: "\n") + "\n"
        print(text, terminator: "")
        guard let path = ProcessInfo.processInfo.environment["PARALLAX_FINDINGS_LOG"], !path.isEmpty else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else {
            Issue.record("cannot open \(path) to append the figures")
            return
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                Issue.record("cannot write the figures to \(path)")
                return
            }
            done += n
        }
    }

    /// The edits of `kind` over the corpus and what the comparison said about each, with the
    /// cases skipped (no sentence could take the edit) and dropped (sentences read differently).
    static func outcomes(_ kind: FactEditKind) throws -> (outcomes: [Outcome], skipped: Int, dropped: Int) {
        let generator = EditGenerator()
        let kindIndex = UInt64(FactEditKind.allCases.firstIndex(of: kind) ?? 0)
        var bases = try GeneratedCategoryTests.bases()
        // Capitalised words that the corpora (both WMT21 references, the news_synth originals and
        // rewrites) also write in lowercase are not names.
        let commonWords = try Self.commonWords()
        var order = SplitMix64(seed: 4200 + kindIndex)
        order.shuffle(&bases)
        var outcomes: [Outcome] = []
        var skipped = 0
        var dropped = 0
        func run(_ made: FactEditCase, options: AnalysisOptions) throws {
            guard let (a, b) = try AlignmentCorpora.documents(of: made.edited, options: options) else {
                dropped += made.edits.count
                return
            }
            let report = Comparison(a: a, b: b).report
            for edit in made.edits {
                let findings = report.findings.filter {
                    ($0.a?.sentences.contains(edit.a) ?? false) || ($0.b?.sentences.contains(edit.b) ?? false)
                }
                outcomes.append(Outcome(edit: edit, caseName: made.edited.name, findings: findings))
            }
        }
        for (i, base) in bases.enumerated() where outcomes.count < naturalCap {
            guard
                let made = generator.makeFactEditCase(
                    name: base.text.name, base: base.text, kind: kind, seed: 90_000 + 1000 * kindIndex + UInt64(i),
                    edits: min(2, naturalCap - outcomes.count), commonWords: commonWords)
            else {
                skipped += 1
                continue
            }
            try run(made, options: base.options)
        }
        // Too few in the texts: the pattern put into sentences on both sides.
        for (i, base) in bases.enumerated() where outcomes.count < wanted {
            guard
                let made = generator.makeFactEditCase(
                    name: base.text.name, base: base.text, kind: kind, seed: 190_000 + 1000 * kindIndex + UInt64(i),
                    edits: 1, inserting: true, commonWords: commonWords)
            else { continue }
            try run(made, options: base.options)
        }
        return (outcomes, skipped, dropped)
    }

    @Test(
        "Each fact edit fails with its category at error; each form edit raises nothing at warning or above",
        arguments: FactEditKind.allCases)
    func kind(_ kind: FactEditKind) throws {
        let (outcomes, skipped, dropped) = try Self.outcomes(kind)
        let right = outcomes.filter(\.isRight).count
        let inserted = outcomes.filter(\.edit.inserted).count
        let share = outcomes.isEmpty ? 0 : Double(right) / Double(outcomes.count)
        let order = String(format: "%02d", (FactEditKind.allCases.firstIndex(of: kind) ?? 0) + 1)
        var lines = [
            "[figures:findings-\(order)] "
                + String(
                    format: "%@ (%@): %d/%d = %.3f; inserted %d", kind.rawValue, kind.group.rawValue, right,
                    outcomes.count, share, inserted)
        ]
        var byRule: [String: (right: Int, all: Int)] = [:]
        for outcome in outcomes {
            let rule = String(outcome.edit.detail.prefix { $0 != "\u{201C}" }).trimmingCharacters(in: .whitespaces)
            byRule[rule, default: (0, 0)].all += 1
            if outcome.isRight { byRule[rule, default: (0, 0)].right += 1 }
        }
        lines.append(
            "  \(kind): natural \(outcomes.count - inserted), inserted \(inserted); \(skipped) bases offered no edit, "
                + "\(dropped) edits dropped (sentences read differently); by rule: "
                + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.right)/\($0.value.all)" }.joined(separator: ", "))
        let shown =
            ProcessInfo.processInfo.environment["FACT_EDITS_SHOW"] == "all" ? outcomes : Array(outcomes.filter { !$0.isRight }.prefix(5))
        for outcome in shown { lines.append("  \(outcome.isRight ? "right" : "failure"): " + outcome.report) }
        Self.emit(lines)

        #expect(outcomes.count >= Self.minimum, "\(kind): only \(outcomes.count) cases")
        #expect(share >= Self.target, "\(kind): \(right) of \(outcomes.count) right (\(share)), target \(Self.target)")
    }

    // MARK: - WMT21 gate

    /// Gate-failing findings on the WMT21 translations, which differ in wording only.
    static let maxNumberErrors = 10
    static let maxNegationErrors = 10
    static let maxPartialShare = 0.03

    @Test("WMT21 A ↔ B: at most 10 number errors, 10 negation errors, partial additions and omissions ≤ 3% of lines")
    func wmt21Gate() throws {
        let (linesA, linesB) = try AlignmentCorpora.wmt()
        let options = AlignmentCorpora.headingsAsContent
        var numberErrors: [String] = []
        var negationErrors: [String] = []
        var partial: [String] = []
        for chunk in AlignmentCorpora.wmtChunks() {
            let name = "WMT21 lines \(chunk.lowerBound + 1)–\(chunk.upperBound)"
            let a = try AlignmentCorpora.PartedText(Array(linesA[chunk])).document(id: "A", path: name + " A", options: options)
            let b = try AlignmentCorpora.PartedText(Array(linesB[chunk])).document(id: "B", path: name + " B", options: options)
            let report = Comparison(a: a, b: b).report
            func example(_ finding: Finding) -> String {
                let textA = (finding.a?.sentences ?? []).map { a.sentences[$0].text }.joined(separator: " ")
                let textB = (finding.b?.sentences ?? []).map { b.sentences[$0].text }.joined(separator: " ")
                return "\(name): \(finding.severity) \(finding.category): \(finding.message)\n      A: \(textA)\n      B: \(textB)"
            }
            for finding in report.findings {
                switch finding.category {
                case .number where finding.severity == .error: numberErrors.append(example(finding))
                case .negation where finding.severity == .error: negationErrors.append(example(finding))
                case .addition where finding.a != nil, .omission where finding.b != nil: partial.append(example(finding))
                default: break
                }
            }
        }
        let lines = linesA.count
        let share = Double(partial.count) / Double(lines)
        var examples = [
            "[figures:findings-30] WMT21 A ↔ B (\(lines) lines in documents of 10–20): "
                + "number errors \(numberErrors.count) (target ≤ \(Self.maxNumberErrors))",
            "[figures:findings-31] WMT21 A ↔ B: negation errors \(negationErrors.count) (target ≤ \(Self.maxNegationErrors))",
            "[figures:findings-32] WMT21 A ↔ B: "
                + String(
                    format: "partial additions + omissions %d = %.1f%% of lines (target ≤ %.0f%%)",
                    partial.count, share * 100, Self.maxPartialShare * 100),
        ]
        // Every gate-failing error; the partial findings, the first 15 (all with FACT_EDITS_SHOW=all).
        let showAll = ProcessInfo.processInfo.environment["FACT_EDITS_SHOW"] == "all"
        for (title, list, limit) in [
            ("number errors", numberErrors, Int.max), ("negation errors", negationErrors, Int.max),
            ("partial additions and omissions", partial, showAll ? Int.max : 15),
        ] {
            examples.append("  WMT21 \(title), \(limit >= list.count ? "all" : "first \(limit) of") \(list.count):")
            examples += list.prefix(limit).map { "    " + $0 }
        }
        Self.emit(examples)

        #expect(negationErrors.count <= Self.maxNegationErrors, "WMT21 negation errors: \(negationErrors.count)")
        #expect(numberErrors.count <= Self.maxNumberErrors, "WMT21 number errors: \(numberErrors.count)")
        // What is left are real differences between the translators ("888,000" / "880,000",
        // "Twelve" / "Two", three weekdays or nights read differently, "round of 16" / "quarter
        // final" where B states another number in the group) and two forms no general rule
        // relates ("the 1860s" for the club TSV 1860, A's typo "three to for"). These floors
        // catch a regression.
        #expect(numberErrors.count <= 9, "WMT21 number errors: \(numberErrors.count) (today 9)")
        #expect(negationErrors.count <= 2, "WMT21 negation errors: \(negationErrors.count) (today 2)")
        #expect(share <= Self.maxPartialShare, "WMT21 partial additions and omissions: \(partial.count) of \(lines) lines")
    }
}
