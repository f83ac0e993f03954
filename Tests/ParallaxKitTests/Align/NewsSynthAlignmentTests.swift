import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// news_synth (silver): each of the 346 Wikinews articles against its LLM rewrite, scored against
/// the dataset authors' fact links, and how many rewrites are judged the same event. The authors
/// link only the facts they chose, so precision against their links is a lower bound.
///
/// Counting (issue 11: "Parallax's sentences mapped back to the authors' by byte offsets"): each
/// dataset sentence is its own paragraph; each link of Parallax's, between two of its sentences,
/// counts as the pair of dataset sentences they fall in, and the figures compare these pairs with
/// the authors' pairs. A dataset sentence Parallax reads as two (95 of the 4,618 originals) is
/// thus linked once, as the authors link it. The older count (the authors' links expanded to
/// every pair of Parallax's sentences) is printed beside it.
///
/// The targets are those of issue 11 (rewrites and retellings); today's engine does not meet
/// them, so each is checked inside `withKnownIssue` (intermittent: it passes once met).
@Suite("news_synth rewrites")
struct NewsSynthAlignmentTests {
    /// What one original ↔ rewrite pair contributes to the figures.
    struct PairResult: Sendable {
        /// By the authors' sentences.
        var score: LinkScore
        /// By Parallax's sentences, the authors' links expanded to them.
        var bySentence: LinkScore
        var onLinked: LinkScore
        /// Author links with a side that maps to no content sentence of Parallax's.
        var unmappedLinks: Int
        var additions: Int
        var omissions: Int
        var sentencesA: Int
        var sentencesB: Int
        var verdict: String
        var coverageA: Double
        var coverageB: Double
    }

    /// Compares one pair, each dataset sentence its own paragraph; Parallax's sentences map back
    /// to the dataset's by byte offset.
    static func compare(_ pair: AlignmentCorpora.NewsSynthPair, name: String) throws -> PairResult {
        let options = AlignmentCorpora.headingsAsContent
        let original = AlignmentCorpora.PartedText(pair.original)
        let rewrite = AlignmentCorpora.PartedText(pair.rewrite)
        let a = try original.document(id: "A", path: name + " original", options: options)
        let b = try rewrite.document(id: "B", path: name + " rewrite", options: options)
        let byA = original.sentencesByPart(a)
        let byB = rewrite.sentencesByPart(b)
        var truth = Set<SentencePair>()
        var truthBySentence = Set<SentencePair>()
        var unmapped = 0
        for link in pair.links {
            guard link.count == 2, let sentencesA = byA[link[0]], let sentencesB = byB[link[1]] else {
                unmapped += 1
                continue
            }
            truth.insert(SentencePair(a: link[0], b: link[1]))
            for i in sentencesA { for j in sentencesB { truthBySentence.insert(SentencePair(a: i, b: j)) } }
        }
        let report = Comparison(a: a, b: b).report
        // Parallax's links as pairs of the authors' sentences (by byte offset).
        let predicted = Set(
            report.links.map { SentencePair(a: original.part(at: a.sentences[$0.a].start), b: rewrite.part(at: b.sentences[$0.b].start)) })
        // Precision where the authors said something: links of rewrite sentences they linked.
        let linkedB = Set(truth.map(\.b))
        return PairResult(
            score: LinkScore(predicted: predicted, expected: truth),
            bySentence: LinkScore(predicted: report.links, expected: truthBySentence),
            onLinked: LinkScore(predicted: predicted.filter { linkedB.contains($0.b) }, expected: truth),
            unmappedLinks: unmapped,
            additions: report.addedSentences.count, omissions: report.omittedSentences.count,
            sentencesA: a.sentences.filter(\.isContent).count, sentencesB: b.sentences.filter(\.isContent).count,
            verdict: verdict(report.summary), coverageA: report.summary.coverageA, coverageB: report.summary.coverageB)
    }

    @Test("All 346 originals ↔ rewrites: link F1 ≥ 0.75, same event (true or unsure) ≥ 95% and true ≥ 85% (issue 11); prints the figures")
    func rewrites() async throws {
        let pairs = try AlignmentCorpora.newsSynth()
        let clock = ContinuousClock()
        let started = clock.now
        let results = try await AlignmentCorpora.concurrentMap(pairs) { n, pair in
            try Self.compare(pair, name: "news_synth \(n) \(pair.title)")
        }
        let elapsed = clock.now - started
        let score = results.reduce(LinkScore.zero) { $0 + $1.score }
        let onLinked = results.reduce(LinkScore.zero) { $0 + $1.onLinked }
        let bySentence = results.reduce(LinkScore.zero) { $0 + $1.bySentence }
        var verdicts: [String: Int] = [:]
        for result in results { verdicts[result.verdict, default: 0] += 1 }
        let count = results.count
        let sameTrue = verdicts["true", default: 0]
        let sameTrueOrUnsure = count - verdicts["false", default: 0]
        let share = { (n: Int) in Double(n) / Double(max(count, 1)) }

        var figures: [String] = []
        figures.append(
            "news_synth (silver): \(count) original ↔ rewrite pairs, \(results.reduce(0) { $0 + $1.sentencesA }) + "
                + "\(results.reduce(0) { $0 + $1.sentencesB }) sentences, \(score.expected) author links")
        figures.append(
            String(
                format:
                    "  against the authors' links, by their sentences: recall %.3f, precision %.3f, F1 %.3f (all predicted links; target F1 ≥ 0.75)",
                score.recall, score.precision, score.f1))
        figures.append(
            String(
                format: "    by Parallax's sentences (%d links expanded to them): recall %.3f, precision %.3f, F1 %.3f",
                bySentence.expected, bySentence.recall, bySentence.precision, bySentence.f1))
        figures.append(
            String(
                format: "    on rewrite sentences the authors linked: precision %.3f, F1 %.3f",
                onLinked.precision, onLinked.f1))
        figures.append(
            "  whole-sentence omissions \(results.reduce(0) { $0 + $1.omissions }), additions \(results.reduce(0) { $0 + $1.additions })")
        figures.append(
            String(
                format: "  same event: true %d, unsure %d, false %d of %d; true or unsure %.3f (target ≥ 0.95), true %.3f (target ≥ 0.85)",
                sameTrue, sameTrueOrUnsure - sameTrue, verdicts["false", default: 0], count,
                share(sameTrueOrUnsure), share(sameTrue)))
        figures.append(
            String(
                format: "    mean document coverage A %.3f, B %.3f",
                results.reduce(0) { $0 + $1.coverageA } / Double(max(count, 1)),
                results.reduce(0) { $0 + $1.coverageB } / Double(max(count, 1))))
        AlignmentCorpora.figures("3", figures)
        print("news_synth: \(count) comparisons in \(elapsed)")

        // Every pair read and scored: a broken loader or offset mapping fails here, not as a low figure.
        #expect(count == AlignmentCorpora.newsSynthCount)
        let unmapped = results.reduce(0) { $0 + $1.unmappedLinks }
        #expect(unmapped == 0, "\(unmapped) author links have a side Parallax does not read as a content sentence")
        #expect(Set(verdicts.keys).isSubset(of: ["true", "false", "unsure"]), "verdicts \(verdicts)")
        // The floor a change must not break: F1 0.675 since the rewrite mode's calibration (0.663
        // before it, 0.654 counted by Parallax's sentences before issue 11's work).
        #expect(score.f1 >= 0.67, "link F1 \(score.f1) fell below the floor")
        withKnownIssue("issue 11: rewrites share few words; link F1 below 0.75", isIntermittent: true) {
            #expect(score.f1 >= 0.75, "link F1 \(score.f1)")
        }
        // Met since the verdict is decided by the event's anchors (322 true, 17 unsure of 346).
        #expect(share(sameTrueOrUnsure) >= 0.95, "same event true or unsure on \(sameTrueOrUnsure) of \(count)")
        #expect(share(sameTrue) >= 0.85, "same event true on \(sameTrue) of \(count)")
    }
}
