import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// Negative controls for issue 11 (rewrites and retellings): accounts of different events must be
/// judged not the same event, so that a same-event verdict loose enough for LLM rewrites is seen
/// to stay strict. Two kinds: every news_synth article against another pair's rewrite (a fixed
/// derangement: never its own), and the seed story 000 against the seeds 002, 003 and 004, other
/// Xi–Putin events told in the same formulaic language.
@Suite("Rewrite negative controls")
struct RewriteNegativeControlTests {
    /// The seed of the article ↔ rewrite pairing; changing it changes the controls.
    static let pairingSeed: UInt64 = 11

    /// A random cyclic permutation of `0..<count` (Sattolo's algorithm): `p[i] != i` for every `i`.
    static func derangement(_ count: Int, seed: UInt64) -> [Int] {
        var p = Array(0..<count)
        var rng = SplitMix64(seed: seed)
        var i = count - 1
        while i > 0 {
            p.swapAt(i, rng.int(below: i))
            i -= 1
        }
        return p
    }

    /// How the seeds are read: as web captures, headlines being page chrome (as
    /// Fixtures/parallax.yml reads them).
    static let seedOptions = AnalysisOptions(chrome: ChromeRules(headingsAreBoilerplate: true))

    static let seedControls: [(name: String, path: String)] = [
        ("002 2025-05-08 Moscow talks (Xinhua blog repost)", TestPaths.may2025Moscow),
        ("003 2023-03-21 Kremlin talks (Bernama/Xinhua)", TestPaths.march2023Kremlin),
        ("004 2021-04-20 CPC–United Russia dialogue (China Daily)", TestPaths.april2021Dialogue),
    ]

    struct Control: Sendable {
        var name: String
        var verdict: String
        var coverageA: Double
        var coverageB: Double
    }

    @Test("The pairing is a derangement and the same on every run")
    func pairing() throws {
        let p = Self.derangement(AlignmentCorpora.newsSynthCount, seed: Self.pairingSeed)
        #expect(p.sorted() == Array(0..<AlignmentCorpora.newsSynthCount))
        #expect(p.indices.allSatisfy { p[$0] != $0 })
        #expect(p == Self.derangement(AlignmentCorpora.newsSynthCount, seed: Self.pairingSeed))
    }

    @Test(
        "Articles against other pairs' rewrites and the seeds 000 against 002–004: not the same event on ≥ 97% (issue 11), the seeds never the same event; prints the figures"
    )
    func controls() async throws {
        let pairs = try AlignmentCorpora.newsSynth()
        let other = Self.derangement(pairs.count, seed: Self.pairingSeed)
        let mismatched = pairs.indices.map { (article: $0, rewrite: other[$0]) }
        try #require(mismatched.count >= 200 && mismatched.allSatisfy { $0.article != $0.rewrite })
        let options = AlignmentCorpora.headingsAsContent
        let clock = ContinuousClock()
        let started = clock.now
        let news = try await AlignmentCorpora.concurrentMap(mismatched) { _, match in
            let name = "news_synth \(match.article) original vs \(match.rewrite) rewrite"
            let a = try AlignmentCorpora.PartedText(pairs[match.article].original).document(id: "A", path: name + " A", options: options)
            let b = try AlignmentCorpora.PartedText(pairs[match.rewrite].rewrite).document(id: "B", path: name + " B", options: options)
            let summary = Comparison(a: a, b: b).report.summary
            return Control(
                name: name + ": “\(clip(pairs[match.article].title, 50))” vs “\(clip(pairs[match.rewrite].title, 50))”",
                verdict: verdict(summary), coverageA: summary.coverageA, coverageB: summary.coverageB)
        }
        let elapsed = clock.now - started

        let story = try Document(source: SourceText.read(path: TestPaths.june2021ChinaDaily), id: "A", options: Self.seedOptions)
        let seeds = try Self.seedControls.map { control in
            let b = try Document(source: SourceText.read(path: control.path), id: "B", options: Self.seedOptions)
            let summary = Comparison(a: story, b: b).report.summary
            return Control(
                name: "000 vs " + control.name, verdict: verdict(summary),
                coverageA: summary.coverageA, coverageB: summary.coverageB)
        }

        let all = news + seeds
        let judgedFalse = all.filter { $0.verdict == "false" }.count
        let share = Double(judgedFalse) / Double(all.count)
        let count = { (controls: [Control], verdict: String) in controls.filter { $0.verdict == verdict }.count }
        var figures: [String] = []
        figures.append(
            "Rewrite negative controls: \(news.count) news_synth articles against another pair's rewrite (SplitMix64 seed \(Self.pairingSeed), "
                + "never their own) and the seeds 000 vs 002, 003, 004")
        figures.append(
            String(
                format: "  not the same event: %d of %d, %.3f (target ≥ 0.97); news_synth true %d, unsure %d, false %d",
                judgedFalse, all.count, share, count(news, "true"), count(news, "unsure"), count(news, "false")))
        for seed in seeds {
            figures.append(
                String(format: "  %@: sameEvent %@ (coverage A %.3f, B %.3f)", seed.name, seed.verdict, seed.coverageA, seed.coverageB))
        }
        AlignmentCorpora.figures("7", figures)
        print("negative controls: \(news.count) comparisons in \(elapsed)")
        for control in news where control.verdict != "false" {
            print(
                String(
                    format: "  judged %@: %@ (coverage A %.3f, B %.3f)", control.verdict, control.name, control.coverageA, control.coverageB
                ))
        }

        for seed in seeds {
            #expect(seed.verdict != "true", "\(seed.name) judged the same event as 000 (coverage A \(seed.coverageA), B \(seed.coverageB))")
        }
        #expect(share >= 0.97, "not the same event on \(judgedFalse) of \(all.count)")
    }
}
