import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// Copies of real texts with sentences changed in one known way each (`EditGenerator`'s
/// category edits): negated, re-attributed, renumbered and reworded sentences must be reported
/// in their category, and formatting-only changes must raise no drift.
@Suite("Generated categories")
struct GeneratedCategoryTests {
    struct Base: Sendable {
        var text: BaseText
        var options: AnalysisOptions
    }

    /// The first 80 news_synth originals and every WMT21 chunk (reference A), as the alignment
    /// evaluation reads them.
    static func bases() throws -> [Base] {
        let news = try AlignmentCorpora.newsSynth(limit: 80)
        let newsOptions = AnalysisOptions()
        var out = try news.enumerated().map { i, pair in
            Base(
                text: try AlignmentCorpora.baseText(
                    name: "news_synth \(i) \(pair.title)", parts: pair.original, options: newsOptions, seed: UInt64(i)),
                options: newsOptions)
        }
        let wmt = try AlignmentCorpora.wmt()
        let wmtOptions = AlignmentCorpora.headingsAsContent
        for (i, chunk) in AlignmentCorpora.wmtChunks().enumerated() {
            out.append(
                Base(
                    text: try AlignmentCorpora.baseText(
                        name: "WMT21 A lines \(chunk.lowerBound + 1)–\(chunk.upperBound)", parts: Array(wmt.a[chunk]),
                        options: wmtOptions, seed: 5000 + UInt64(i)),
                    options: wmtOptions))
        }
        return out
    }

    /// Categories that a formatting-only change must not raise.
    static let notFormatting: Set<FindingCategory> = [
        .drift, .number, .negation, .entity, .attribution, .terminology, .addition, .omission,
    ]

    /// One edited sentence pair and what the comparison reported on it.
    struct Outcome {
        var edit: CategoryEdit
        var caseName: String
        var linked: Bool
        var findings: [Finding]

        var categories: Set<FindingCategory> { Set(findings.map(\.category)) }

        /// Negation, attribution and number must be reported as such (drift alone is wrong);
        /// a reword must drift; a formatting change must raise nothing but formatting.
        var isRight: Bool {
            switch edit.kind {
            case .formatting: categories.isDisjoint(with: GeneratedCategoryTests.notFormatting)
            default: linked && categories.contains(edit.expectedCategory)
            }
        }

        /// The sort of edit, for the breakdown: which negation, which formatting change, whether
        /// the re-attributed name follows a title or descriptor.
        var variants: [String] {
            let detail = edit.detail
            switch edit.kind {
            case .negate:
                return [String(detail.prefix { $0 != "\u{201C}" }).trimmingCharacters(in: .whitespaces)]
            case .reattribute:
                return [
                    detail.contains("(after") ? "name after a capitalised word" : "bare name",
                    detail.contains("fixed list") ? "new name from the fixed list" : "new name from the text",
                ]
            case .formatting:
                return detail.components(separatedBy: "; ").map {
                    String($0.prefix { $0 != "\u{201C}" && $0 != "\"" }).trimmingCharacters(in: .whitespaces)
                }
            default:
                return []
            }
        }

        var report: String {
            let found = findings.isEmpty ? "no findings" : findings.map { "\($0.category): \($0.message)" }.joined(separator: " | ")
            return "\(caseName) A\(edit.a): \(edit.detail)\n      A: \(edit.before)\n      B: \(edit.after)\n      "
                + (linked ? "" : "NOT LINKED; ") + found
        }
    }

    static func outcomes(_ kind: CategoryEditKind) throws -> (outcomes: [Outcome], skipped: Int, dropped: Int, otherPairs: Int) {
        let generator = EditGenerator()
        let kindIndex = UInt64(CategoryEditKind.allCases.firstIndex(of: kind) ?? 0)
        var outcomes: [Outcome] = []
        var skipped = 0
        var dropped = 0
        var otherPairs = 0
        for (i, base) in try bases().enumerated() {
            guard
                let made = generator.makeCategoryCase(
                    name: base.text.name, base: base.text, kind: kind, seed: 70_000 + 1000 * kindIndex + UInt64(i))
            else {
                skipped += 1
                continue
            }
            guard let (a, b) = try AlignmentCorpora.documents(of: made.edited, options: base.options) else {
                dropped += made.edits.count
                continue
            }
            let report = Comparison(a: a, b: b).report
            let links = report.links
            for edit in made.edits {
                let findings = report.findings.filter {
                    ($0.a?.sentences.contains(edit.a) ?? false) || ($0.b?.sentences.contains(edit.b) ?? false)
                }
                outcomes.append(
                    Outcome(
                        edit: edit, caseName: made.edited.name, linked: links.contains(SentencePair(a: edit.a, b: edit.b)),
                        findings: findings))
            }
            // Unchanged sentences that still get a finding other than formatting.
            let edited = Set(made.edits.map(\.a))
            otherPairs +=
                Set(report.findings.filter { $0.category != .formatting }.flatMap { ($0.a?.sentences ?? []) + ($0.b?.sentences ?? []) })
                .subtracting(edited).count
        }
        return (outcomes, skipped, dropped, otherPairs)
    }

    @Test(
        "Edited sentences land in their category (accuracy ≥ 0.9); formatting-only edits raise no drift",
        arguments: CategoryEditKind.allCases)
    func category(_ kind: CategoryEditKind) throws {
        let (outcomes, skipped, dropped, otherPairs) = try Self.outcomes(kind)
        let right = outcomes.filter(\.isRight).count
        let accuracy = outcomes.isEmpty ? 0 : Double(right) / Double(outcomes.count)
        var seen: [FindingCategory: Int] = [:]
        for outcome in outcomes { for category in outcome.categories { seen[category, default: 0] += 1 } }
        let failures = outcomes.filter { !$0.isRight }
        var lines = [
            String(
                format:
                    "Category %@ (expect %@): accuracy %.3f (%d of %d edited pairs); %d bases could not take the edit, %d pairs dropped (sentences read differently), %d unlinked",
                kind.rawValue, kind.expectedCategory.rawValue, accuracy, right, outcomes.count, skipped, dropped,
                outcomes.filter { !$0.linked }.count)
        ]
        lines.append(
            "  categories on the edited pairs: " + seen.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                + "; unchanged sentences with a non-formatting finding: \(otherPairs)")
        var byVariant: [String: (right: Int, all: Int)] = [:]
        for outcome in outcomes {
            for variant in outcome.variants {
                byVariant[variant, default: (0, 0)].all += 1
                if outcome.isRight { byVariant[variant, default: (0, 0)].right += 1 }
            }
        }
        if !byVariant.isEmpty {
            lines.append(
                "  by edit: "
                    + byVariant.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.right)/\($0.value.all)" }.joined(separator: ", "))
        }
        let shown = Int(ProcessInfo.processInfo.environment["CATEGORY_FAILURES"] ?? "") ?? 10
        for failure in failures.prefix(shown) { lines.append("  failure: " + failure.report) }
        print(lines.joined(separator: "\n"))

        #expect(outcomes.count >= 50, "need at least 50 \(kind) edits")
        if kind == .formatting {
            let drifted = outcomes.filter { $0.categories.contains(.drift) }
            #expect(drifted.isEmpty, "formatting-only edits raised drift: \(drifted.count)")
        }
        #expect(accuracy >= 0.9, "\(kind) accuracy \(accuracy)")
    }
}
