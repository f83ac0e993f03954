import ParallaxKit
import ParallaxReview
import ParallaxTestSupport

/// The June 2021 pair, compared once, for the review tests.
enum ReviewFixture {
    static let comparison: Comparison? = {
        guard let a = try? TestPaths.document(TestPaths.june2021ChinaDaily, id: "A"),
            let b = try? TestPaths.document(TestPaths.june2021Readout, id: "B")
        else { return nil }
        return Comparison(a: a, b: b)
    }()

    static func fingerprints(_ comparison: Comparison) -> [[String]] {
        [comparison.a, comparison.b].map { document in document.sentences.indices.map { document.fingerprint(ofSentence: $0) } }
    }

    static func session(baseline: Baseline = Baseline(), log: [ReviewLogEntry] = []) throws -> ReviewSession {
        guard let comparison else { throw FixtureMissing() }
        return ReviewSession(report: comparison.report, pair: "june", baseline: baseline, log: log, fingerprints: fingerprints(comparison))
    }

    struct FixtureMissing: Error {}
}

extension ReviewSession {
    /// Feeds keys typed as text (each character a key; "\r" is Enter) and returns the last outcome.
    @discardableResult
    mutating func type(_ text: String) -> Outcome {
        var outcome = Outcome.stay
        for key in KeyDecoder().decodeAll(text) { outcome = handle(key) }
        return outcome
    }
}

extension KeyDecoder {
    func decodeAll(_ text: String) -> [ReviewKey] {
        var decoder = self
        return decoder.feed(Array(text.utf8)) + decoder.flush()
    }
}
