import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

@Suite("Alignment against the June 2021 gold")
struct GoldAlignmentTests {
    static let goldPath = TestPaths.fixture("2021-06-28-xi-putin-video-call/gold-alignment.json")

    /// The three gold links Parallax misses (recall 28 of 31, none wrong), each for a reason of the
    /// evidence, not of a rule that a general change fixes without loss elsewhere:
    /// - China Daily's headline and lede (one sentence: the headline has no full stop) ↔ the
    ///   readout's "The two sides stressed …" (multilateralism, global strategic security and
    ///   stability): score 0.155 (the two long sentences share one clause), under
    ///   `orderedSimilarity`, and out of the order (the readout tells it 23 sentences later).
    /// - "… announced the extension of the treaty … in a joint statement" ↔ the readout's "The two
    ///   heads of state issued a joint statement …" and "Today, we issued a joint statement …":
    ///   scores 0.170 and 0.165 ("extension" and "extend" are two terms). Joined ("extend" /
    ///   "extension" as one family), they reach 0.218 and 0.210, but all three sentences are already
    ///   linked (to the lede, to "The extension of the treaty will lay …", and the China Daily one
    ///   to "Xi Jinping stressed …") and would gain at most 14% of their weight (the
    ///   "statement"; the novelty rule asks 30% of each), and the second sits outside the order. The join itself lowered news_synth's precision by 0.001.
    @Test("Link F1 ≥ 0.90 and every one-sided sentence reported; prints the figures")
    func june2021() throws {
        let a = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let b = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        let gold = try GoldAlignment.load(Self.goldPath)
        let expected = try gold.resolvedLinks(a: a, b: b)
        let report = Comparison(a: a, b: b).report
        let score = LinkScore(predicted: report.links, expected: expected)
        print("June 2021 gold: \(score)")
        let missing = expected.subtracting(report.links).sorted()
        let extra = report.links.subtracting(expected).sorted()
        print("  missed: \(missing.map { "\($0) \(a.sentences[$0.a].text.prefix(40)) | \(b.sentences[$0.b].text.prefix(40))" })")
        print("  wrong:  \(extra.map { "\($0) \(a.sentences[$0.a].text.prefix(40)) | \(b.sentences[$0.b].text.prefix(40))" })")
        #expect(score.f1 >= 0.90)

        let onlyB = Set(try gold.onlyB.map { try GoldAlignment.resolve($0, in: b) })
        let onlyA = Set(try gold.onlyA.map { try GoldAlignment.resolve($0, in: a) })
        let reported = report.oneSided
        let additions = Set(report.findings.filter { $0.category == .addition && $0.a == nil }.compactMap { $0.b?.sentences.first })
        let omissions = Set(report.findings.filter { $0.category == .omission && $0.b == nil }.compactMap { $0.a?.sentences.first })
        print(
            "  one-sided in B: expected \(onlyB.sorted()), reported \(reported.b.sorted()); in A: expected \(onlyA.sorted()), reported \(reported.a.sorted())"
        )
        AlignmentCorpora.figures(
            "0",
            [
                "June 2021 pair vs its hand-made gold: \(score)",
                "  one-sided: B \(onlyB.isSubset(of: additions) ? "all" : "not all") of the \(onlyB.count) readout-only sentences reported as additions"
                    + ", A \(onlyA.isSubset(of: omissions) ? "all" : "not all") of \(onlyA.count) as omissions",
            ])
        #expect(onlyB.isSubset(of: additions))
        #expect(onlyA.isSubset(of: omissions))
        #expect(reported.b == additions && reported.a == omissions)
    }
}
