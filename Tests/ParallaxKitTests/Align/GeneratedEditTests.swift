import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// Edited copies of real texts whose true edits are known (`EditGenerator`): deletions must come
/// out as omissions, insertions as additions, and splits, merges and moves as neither.
@Suite("Generated edits")
struct GeneratedEditTests {
    struct Candidate: Sendable {
        var edited: EditedCase
        var options: AnalysisOptions
    }

    /// Cases from the first 80 news_synth originals and from WMT21 chunks (reference A), inserting
    /// sentences of another text of the same corpus.
    static func candidates() throws -> [Candidate] {
        let generator = EditGenerator()
        var out: [Candidate] = []
        let news = try AlignmentCorpora.newsSynth(limit: 80)
        let newsOptions = AnalysisOptions()
        let newsBases = try news.enumerated().map { i, pair in
            try AlignmentCorpora.baseText(
                name: "news_synth \(i) \(pair.title)", parts: pair.original, options: newsOptions, seed: UInt64(i))
        }
        for (i, base) in newsBases.enumerated() {
            let donors = newsBases[(i + 40) % newsBases.count].sentences + newsBases[(i + 17) % newsBases.count].sentences
            if let edited = generator.makeCase(name: base.name, base: base, donors: donors, seed: 1000 + UInt64(i)) {
                out.append(Candidate(edited: edited, options: newsOptions))
            }
        }
        let wmt = try AlignmentCorpora.wmt()
        let chunks = AlignmentCorpora.wmtChunks()
        let wmtOptions = AlignmentCorpora.headingsAsContent
        let wmtBases = try chunks.enumerated().map { i, chunk in
            try AlignmentCorpora.baseText(
                name: "WMT21 A lines \(chunk.lowerBound + 1)–\(chunk.upperBound)", parts: Array(wmt.a[chunk]),
                options: wmtOptions, seed: 5000 + UInt64(i))
        }
        for (i, base) in wmtBases.enumerated() where i % 2 == 0 {
            let donors = wmtBases[(i + wmtBases.count / 2) % wmtBases.count].sentences
            if let edited = generator.makeCase(name: base.name, base: base, donors: donors, seed: 2000 + UInt64(i)) {
                out.append(Candidate(edited: edited, options: wmtOptions))
            }
        }
        return out
    }

    @Test(
        "Deletions found as omissions and insertions as additions (recall ≥ 0.95, precision ≥ 0.90); splits, merges and moves give neither; prints the figures"
    )
    func generatedCases() throws {
        let candidates = try Self.candidates()
        var oneSided = LinkScore.zero
        var omissions = LinkScore.zero
        var additions = LinkScore.zero
        var links = LinkScore.zero
        var linksByKind: [EditKind: LinkScore] = [:]
        var editCounts: [EditKind: Int] = [:]
        var falseByKind: [String: Int] = [:]
        var structuralViolations: [String] = []
        var missed: [String] = []
        var wrong: [String] = []
        var dropped: [String] = []
        var used = 0
        for candidate in candidates {
            let edited = candidate.edited
            guard let (a, b) = try AlignmentCorpora.documents(of: edited, options: candidate.options) else {
                dropped.append(edited.name)
                continue
            }
            used += 1
            let report = Comparison(a: a, b: b).report
            let reportedA = report.omittedSentences
            let reportedB = report.addedSentences
            let caseOmissions = LinkScore(
                truePositives: reportedA.intersection(edited.omissions).count,
                predicted: reportedA.count, expected: edited.omissions.count)
            let caseAdditions = LinkScore(
                truePositives: reportedB.intersection(edited.additions).count,
                predicted: reportedB.count, expected: edited.additions.count)
            omissions = omissions + caseOmissions
            additions = additions + caseAdditions
            oneSided = oneSided + caseOmissions + caseAdditions
            let predictedLinks = report.links
            links = links + LinkScore(predicted: predictedLinks, expected: edited.links)

            // Which edit touched each sentence.
            var kindOfA: [Int: EditKind] = [:]
            var kindOfB: [Int: EditKind] = [:]
            for edit in edited.edits {
                editCounts[edit.kind, default: 0] += 1
                for i in edit.a where kindOfA[i] == nil || edit.kind != .move { kindOfA[i] = edit.kind }
                for j in edit.b where kindOfB[j] == nil || edit.kind != .move { kindOfB[j] = edit.kind }
                if [.split, .merge, .move].contains(edit.kind) {
                    let bad =
                        edit.a.filter(reportedA.contains).map { "A\($0) “\(clip(a.sentences[$0].text))” reported omitted" }
                        + edit.b.filter(reportedB.contains).map { "B\($0) “\(clip(b.sentences[$0].text))” reported added" }
                    if !bad.isEmpty { structuralViolations.append("\(edited): \(edit.kind) \(edit): " + bad.joined(separator: "; ")) }
                }
                let trueLinks = edited.links.filter { edit.a.contains($0.a) || edit.b.contains($0.b) }
                if !trueLinks.isEmpty {
                    linksByKind[edit.kind, default: .zero] =
                        linksByKind[edit.kind, default: .zero]
                        + LinkScore(truePositives: trueLinks.intersection(predictedLinks).count, predicted: 0, expected: trueLinks.count)
                }
            }
            for i in reportedA.subtracting(edited.omissions).sorted() {
                let kind = kindOfA[i]?.rawValue ?? "unchanged"
                falseByKind["A " + kind, default: 0] += 1
                let partners = edited.links.filter { $0.a == i }.map(\.b).sorted()
                let gotB = predictedLinks.filter { $0.a == i }.map(\.b).sorted()
                wrong.append(
                    "\(edited): omission A\(i) (\(kind)) “\(clip(a.sentences[i].text))”; true partner(s) "
                        + partners.map { "B\($0) “\(clip(b.sentences[$0].text))”" }.joined(separator: ", ") + " linked to \(gotB)")
            }
            for j in reportedB.subtracting(edited.additions).sorted() {
                let kind = kindOfB[j]?.rawValue ?? "unchanged"
                falseByKind["B " + kind, default: 0] += 1
                let partners = edited.links.filter { $0.b == j }.map(\.a).sorted()
                wrong.append(
                    "\(edited): addition B\(j) (\(kind)) “\(clip(b.sentences[j].text))”; true partner(s) "
                        + partners.map { "A\($0) “\(clip(a.sentences[$0].text))”" }.joined(separator: ", "))
            }
            for i in edited.omissions.subtracting(reportedA).sorted() {
                let got = predictedLinks.filter { $0.a == i }.map { "B\($0.b) “\(clip(b.sentences[$0.b].text))”" }
                missed.append("\(edited): deleted A\(i) “\(clip(a.sentences[i].text))” linked to " + got.joined(separator: ", "))
            }
            for j in edited.additions.subtracting(reportedB).sorted() {
                let got = predictedLinks.filter { $0.b == j }.map { "A\($0.a) “\(clip(a.sentences[$0.a].text))”" }
                missed.append("\(edited): inserted B\(j) “\(clip(b.sentences[j].text))” linked to " + got.joined(separator: ", "))
            }
        }

        var figures: [String] = []
        figures.append(
            "Generated edits: \(used) cases (\(candidates.count) generated, \(dropped.count) dropped because Parallax reads other sentences than written)"
        )
        figures.append("  edits: " + EditKind.allCases.map { "\($0) \(editCounts[$0] ?? 0)" }.joined(separator: ", "))
        figures.append(
            String(
                format: "  one-sided sentences: recall %.3f, precision %.3f (%d of %d true found, %d reported)",
                oneSided.recall, oneSided.precision, oneSided.truePositives, oneSided.expected, oneSided.predicted))
        figures.append(
            String(
                format: "    deletions → omissions: recall %.3f, precision %.3f; insertions → additions: recall %.3f, precision %.3f",
                omissions.recall, omissions.precision, additions.recall, additions.precision))
        figures.append(
            "    false one-sided by what the sentence was: "
                + (falseByKind.isEmpty
                    ? "none" : falseByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        figures.append("  split, merged and moved sentences reported one-sided: \(structuralViolations.count) edits")
        figures.append("  links: \(links)")
        figures.append(
            "    recall of true links by edit: "
                + EditKind.allCases.compactMap { kind in
                    linksByKind[kind].map { String(format: "%@ %.3f (%d/%d)", kind.rawValue, $0.recall, $0.truePositives, $0.expected) }
                }.joined(separator: ", "))
        AlignmentCorpora.figures("1", figures)
        for line in missed.prefix(15) { print("  missed: " + line) }
        for line in wrong.prefix(25) { print("  wrong:  " + line) }
        for line in structuralViolations.prefix(15) { print("  structural: " + line) }
        if !dropped.isEmpty { print("  dropped: " + dropped.joined(separator: "; ")) }

        #expect(used >= 50, "need at least 50 usable generated cases")
        #expect(oneSided.recall >= 0.95, "one-sided recall")
        #expect(oneSided.precision >= 0.90, "one-sided precision")
        #expect(structuralViolations.isEmpty, "split, merged or moved sentences reported as additions or omissions")
    }

    /// `EDIT_CASE=<part of a case name> swift test --filter GeneratedEditTests/show` prints the
    /// matching cases: both texts, the true edits and links, and what Parallax found.
    @Test("Show a case (EDIT_CASE)", .enabled(if: ProcessInfo.processInfo.environment["EDIT_CASE"] != nil, "set EDIT_CASE to show a case"))
    func show() throws {
        let wanted = try #require(ProcessInfo.processInfo.environment["EDIT_CASE"])
        var shown = 0
        for candidate in try Self.candidates() where candidate.edited.name.contains(wanted) {
            shown += 1
            let edited = candidate.edited
            print("== \(edited)\n-- A\n\(edited.a)-- B\n\(edited.b)-- edits")
            for edit in edited.edits { print("  \(edit)") }
            print("-- true links \(edited.links.sorted()), omissions \(edited.omissions.sorted()), additions \(edited.additions.sorted())")
            guard let (a, b) = try AlignmentCorpora.documents(of: edited, options: candidate.options) else {
                print("-- dropped: Parallax reads other sentences")
                continue
            }
            let report = Comparison(a: a, b: b).report
            print(
                "-- found links \(report.links.sorted()), omissions \(report.omittedSentences.sorted()), additions \(report.addedSentences.sorted())"
            )
            print("   \(LinkScore(predicted: report.links, expected: edited.links))")
        }
        #expect(shown > 0, "no generated case is named like \(wanted)")
    }

    @Test("The generator is deterministic and its truth is consistent")
    func generatorTruth() throws {
        let first = try Self.candidates()
        let second = try Self.candidates()
        #expect(first.map(\.edited.a) == second.map(\.edited.a))
        #expect(first.map(\.edited.b) == second.map(\.edited.b))
        for candidate in first {
            let edited = candidate.edited
            let linkedA = Set(edited.links.map(\.a))
            let linkedB = Set(edited.links.map(\.b))
            #expect(linkedA.union(edited.omissions) == Set(edited.sentencesA.indices), "\(edited)")
            #expect(linkedA.isDisjoint(with: edited.omissions), "\(edited)")
            #expect(linkedB.union(edited.additions) == Set(edited.sentencesB.indices), "\(edited)")
            #expect(linkedB.isDisjoint(with: edited.additions), "\(edited)")
            #expect(edited.edits.contains { $0.kind == .delete } && edited.edits.contains { $0.kind == .insert }, "\(edited)")
        }
    }
}
