import ParallaxKit
import ParallaxTestSupport
import Testing

@Suite("Pins and unlinks")
struct PinTests {
    @Test("A pinned pair is linked and a forbidden one is not, by sentence fingerprint")
    func pins() throws {
        let a = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let b = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        let plain = Comparison(a: a, b: b).report.links
        let congratulations = try GoldAlignment.resolve("Putin extended congratulations to Xi", in: a)
        let summary = try GoldAlignment.resolve(
            "Putin expressed his warm congratulations on the 100th anniversary of the founding of the Chinese", in: b)
        let stray = try GoldAlignment.resolve("Yang Jiechi, Wang Yi", in: b)
        let caption = try GoldAlignment.resolve("President Xi Jinping and Russian President Vladimir Putin meet", in: a)
        #expect(plain.contains(SentencePair(a: congratulations, b: summary)))
        #expect(!plain.contains(SentencePair(a: caption, b: stray)))

        var options = ComparisonOptions()
        options.alignment.pins = [
            SentencePin(a: a.fingerprint(ofSentence: congratulations), b: b.fingerprint(ofSentence: summary), link: false),
            SentencePin(a: a.fingerprint(ofSentence: caption), b: b.fingerprint(ofSentence: stray), link: true),
        ]
        let pinned = Comparison(a: a, b: b, options: options).report
        #expect(!pinned.links.contains(SentencePair(a: congratulations, b: summary)))
        #expect(pinned.links.contains(SentencePair(a: caption, b: stray)))
        // The rest of the alignment stands.
        let others = plain.filter { $0.a != congratulations && $0.b != summary && $0.a != caption && $0.b != stray }
        #expect(others.isSubset(of: pinned.links))
    }

    @Test("A pin lets go when its sentence's words change")
    func fingerprintFollowsWords() throws {
        let x = try TestPaths.document(text: "The two sides agreed to meet in May.\n")
        let y = try TestPaths.document(text: "the two sides  agreed to meet in May.\n")
        let z = try TestPaths.document(text: "The two sides agreed to meet in June.\n")
        #expect(x.fingerprint(ofSentence: 0) == y.fingerprint(ofSentence: 0))
        #expect(x.fingerprint(ofSentence: 0) != z.fingerprint(ofSentence: 0))
    }
}
