import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// news_synth (silver): a Wikinews article against an LLM rewrite, scored against the dataset
/// authors' fact links. The authors link only the facts they chose, so precision here is a lower
/// bound; the figures are printed, not gated.
@Suite("news_synth rewrites")
struct NewsSynthAlignmentTests {
    @Test("Original ↔ rewrite against the authors' fact links; prints the figures")
    func rewrites() throws {
        let pairs = try AlignmentCorpora.newsSynth()
        let options = AlignmentCorpora.headingsAsContent
        var score = LinkScore.zero
        var onLinked = LinkScore.zero
        var additions = 0
        var omissions = 0
        var sentencesA = 0
        var sentencesB = 0
        var sameEvent = 0
        var coverage = (a: 0.0, b: 0.0)
        for (n, pair) in pairs.enumerated() {
            let name = "news_synth \(n) \(pair.title)"
            // Each dataset sentence its own paragraph; Parallax's sentences map back to them by offset.
            let original = AlignmentCorpora.PartedText(pair.original)
            let rewrite = AlignmentCorpora.PartedText(pair.rewrite)
            let a = try original.document(id: "A", path: name + " original", options: options)
            let b = try rewrite.document(id: "B", path: name + " rewrite", options: options)
            let byA = original.sentencesByPart(a)
            let byB = rewrite.sentencesByPart(b)
            var truth = Set<SentencePair>()
            for link in pair.links where link.count == 2 {
                for i in byA[link[0]] ?? [] { for j in byB[link[1]] ?? [] { truth.insert(SentencePair(a: i, b: j)) } }
            }
            let report = Comparison(a: a, b: b).report
            let predicted = report.links
            score = score + LinkScore(predicted: predicted, expected: truth)
            // Precision where the authors said something: links of rewrite sentences they linked.
            let linkedB = Set(truth.map(\.b))
            onLinked = onLinked + LinkScore(predicted: predicted.filter { linkedB.contains($0.b) }, expected: truth)
            additions += report.addedSentences.count
            omissions += report.omittedSentences.count
            sentencesA += a.sentences.filter(\.isContent).count
            sentencesB += b.sentences.filter(\.isContent).count
            if report.summary.sameEvent { sameEvent += 1 }
            coverage.a += report.summary.coverageA
            coverage.b += report.summary.coverageB
        }
        var figures: [String] = []
        figures.append("news_synth (silver): \(pairs.count) original ↔ rewrite pairs, \(sentencesA) + \(sentencesB) sentences, \(score.expected) author links")
        figures.append(String(format: "  against the authors' links: recall %.3f, precision %.3f (all predicted links), %.3f (on rewrite sentences the authors linked)",
                 score.recall, score.precision, onLinked.precision))
        figures.append("  whole-sentence omissions \(omissions), additions \(additions)")
        figures.append(String(format: "  judged the same event: %d of %d (mean document coverage A %.3f, B %.3f)",
                 sameEvent, pairs.count, coverage.a / Double(pairs.count), coverage.b / Double(pairs.count)))
        AlignmentCorpora.figures("3", figures)
        #expect(score.expected > 0 && score.predicted > 0)
        #expect(score.recall.isFinite && score.precision.isFinite)
    }
}
