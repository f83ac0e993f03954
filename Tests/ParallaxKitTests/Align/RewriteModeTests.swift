import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The alignment modes and the same-event verdict with its evidence (issue 11).
@Suite("Rewrite mode and the event verdict")
struct RewriteModeTests {
    static let sentences = [
        "The city council approved a new budget for the harbour district on Tuesday evening.",
        "Mayor Ingrid Solberg said the plan would fund two ferry terminals and a seawall.",
        "Opposition members argued that the seawall estimate of 40 million kroner was too low.",
        "Construction of the first terminal is expected to begin in the spring.",
        "Residents of the district will be consulted on the design of the seawall.",
        "The budget passed with 31 votes in favour and 18 against.",
    ]

    static func report(_ a: [String], _ b: [String], mode: AlignmentMode) throws -> Report {
        let da = try TestPaths.document(text: a.joined(separator: "\n\n") + "\n", path: "a.txt", id: "A")
        let db = try TestPaths.document(text: b.joined(separator: "\n\n") + "\n", path: "b.txt", id: "B")
        var alignment = AlignmentOptions()
        alignment.mode = mode
        return Comparison(a: da, b: db, options: ComparisonOptions(alignment: alignment)).report
    }

    @Test("Reordered sentences: moves in ordered mode, none in rewrite mode, the same links")
    func moves() throws {
        let reordered = [Self.sentences[5], Self.sentences[2], Self.sentences[0], Self.sentences[4], Self.sentences[1], Self.sentences[3]]
        let ordered = try Self.report(Self.sentences, reordered, mode: .ordered)
        let rewrite = try Self.report(Self.sentences, reordered, mode: .rewrite)
        #expect(ordered.findings.contains { $0.category == .moved })
        #expect(!rewrite.findings.contains { $0.category == .moved })
        #expect(Set(ordered.links) == Set(rewrite.links))
        #expect(rewrite.links.count == Self.sentences.count)
    }

    @Test("The configuration's alignment key, and its errors")
    func config() throws {
        let config = try Config.parse(yaml: "alignment: rewrite\n", path: "p.yml")
        #expect(try config.options().comparison.alignment.mode == .rewrite)
        #expect(Config().alignment == .auto)
        #expect(throws: ConfigError.self) { try Config.parse(yaml: "alignment: sideways\n", path: "p.yml") }
    }

    @Test("The June 2021 pair is one event, with its date among the agreeing anchors")
    func june() throws {
        let options = AnalysisOptions(chrome: ChromeRules(headingsAreBoilerplate: true))
        let a = try Document(source: SourceText.read(path: TestPaths.june2021ChinaDaily), id: "A", options: options)
        let b = try Document(source: SourceText.read(path: TestPaths.june2021Readout), id: "B", options: options)
        let summary = Comparison(a: a, b: b).report.summary
        let event = try #require(summary.event)
        #expect(event.verdict == .same && summary.sameEvent)
        #expect(event.conflicting.isEmpty)
        #expect(event.agreeing.contains("Jinping"), "\(event.agreeing)")
    }

    @Test("An account's anchors: one a stem, in key order, each at its strongest weight and where it first reads so")
    func anchors() throws {
        let text = "The negotiators met in Tromso. Negotiators from Tromso signed the accord on 14 March. The accord's negotiator left."
        let document = try TestPaths.document(text: text + "\n", path: "a.txt", id: "A")
        let folder = WordFolder(documents: [document], glossary: .empty)
        let anchors = EventAnchors(
            document, words: folder.sentences(of: document), stemmer: Stemmer(language: "en"), stop: StopWords.english)
        let keys = anchors.terms.map(\.key)
        #expect(keys == keys.sorted() && Set(keys).count == keys.count, "\(keys)")
        // "negotiators", "Negotiators" and "negotiator" are one stem; its strongest weight is the
        // capitalised word's (a name weighs more), read as it is written there.
        let negotiator = try #require(anchors.terms.first { $0.surface.lowercased().hasPrefix("negotiator") })
        #expect(negotiator.surface == "Negotiators")
        #expect(anchors.terms.filter { $0.surface.lowercased().hasPrefix("negotiator") }.count == 1)
        var zipf = EnglishWords.zipf("negotiators")
        if zipf == 0 { zipf = EnglishWords.zipf("negotiator") }
        #expect(negotiator.weight == (EventAnchors.commonZipf - zipf) * EventAnchors.nameFactor)
        #expect(anchors.terms.contains { $0.surface == "Tromso" })
        #expect(anchors.terms.contains { $0.key == "#14" } == true)
        // Two accounts agree on the anchors both hold, at the smaller weight.
        let other = try TestPaths.document(text: "Delegates in Tromso signed an accord.\n", path: "b.txt", id: "B")
        let otherFolder = WordFolder(documents: [other], glossary: .empty)
        let otherAnchors = EventAnchors(
            other, words: otherFolder.sentences(of: other), stemmer: Stemmer(language: "en"), stop: StopWords.english)
        let (score, shared) = EventAnchors.agreement(anchors, otherAnchors)
        #expect(shared.map(\.surface).contains("Tromso") && score > 0 && score <= 1)
    }

    @Test("Two summits of the same leaders are different events: their leads tell of different days")
    func seeds() throws {
        let options = AnalysisOptions(chrome: ChromeRules(headingsAreBoilerplate: true))
        let a = try Document(source: SourceText.read(path: TestPaths.june2021ChinaDaily), id: "A", options: options)
        let b = try Document(source: SourceText.read(path: TestPaths.may2025Moscow), id: "B", options: options)
        let report = Comparison(a: a, b: b).report
        let event = try #require(report.summary.event)
        #expect(event.verdict == .different && !report.summary.sameEvent)
        #expect(event.conflicting.contains { $0.contains("Monday") && $0.contains("Thursday") }, "\(event.conflicting)")
        // The findings are still shown, under the banner.
        let text = TerminalRenderer.render(report, options: TerminalRenderer.Options(width: 100, color: false))
        #expect(text.contains("NOT THE SAME EVENT"))
        #expect(text.contains("Conflict: A's lead tells of a Monday, B's of a Thursday"))
        #expect(report.findings.isEmpty || TerminalReport.findingLines(text).count == report.findings.count, "\(text.prefix(600))")
    }

    @Test("The verdict and its evidence survive JSON both ways")
    func json() throws {
        let event = EventEvidence(
            verdict: .unsure, score: 0.08, agreeing: ["dated 2021-06-28", "Nairobi"], conflicting: ["A is dated 2021-06-28, B 2025-05-08"])
        let summary = Summary(coverageA: 0.1, coverageB: 0.2, sameEvent: false, counts: [:], event: event)
        let decoded = try JSONDecoder().decode(Summary.self, from: JSONEncoder().encode(summary))
        #expect(decoded == summary)
        #expect(decoded.verdict == .unsure)
        // A report written before the evidence existed still reads, its verdict from sameEvent.
        let old = try JSONDecoder().decode(
            Summary.self, from: Data(#"{"coverageA":0.5,"coverageB":0.5,"sameEvent":true,"counts":{}}"#.utf8))
        #expect(old.event == nil && old.verdict == .same)
    }
}
