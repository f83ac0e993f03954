import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// The findings issue 4 names on the June 2021 pair, with and without the fixtures' glossary.
@Suite("June 2021 findings")
struct June2021FindingsTests {
    static func report(glossary: Bool) throws -> Report {
        var config = try Config.load(path: TestPaths.fixture("parallax.yml"))
        if !glossary { config.glossary = [] }
        let (analysis, options) = try config.options()
        let a = try Document(source: SourceText.read(path: TestPaths.june2021ChinaDaily), id: "A", options: analysis)
        let b = try Document(source: SourceText.read(path: TestPaths.june2021Readout), id: "B", options: analysis)
        return Comparison(a: a, b: b, options: options).report
    }

    @Test("“real” / “genuine multilateralism” is terminology with the glossary")
    func terminologyWithGlossary() throws {
        let findings = try Self.report(glossary: true).findings
        let match = findings.first {
            $0.category == .terminology && $0.a?.text == "real multilateralism" && $0.b?.text == "genuine multilateralism"
        }
        #expect(match != nil, "\(findings.filter { $0.category == .terminology }.map(\.message))")
        // The other classes of the fixture glossary show up too.
        #expect(findings.contains { $0.category == .terminology && $0.a?.text == "shared future for mankind" })
        #expect(findings.contains { $0.category == .terminology && $0.b?.text == "Sino-Russian" })
    }

    @Test("… and drift without it")
    func driftWithoutGlossary() throws {
        let findings = try Self.report(glossary: false).findings
        #expect(!findings.contains { $0.category == .terminology })
        let drift = findings.filter {
            $0.category == .drift && $0.message.contains("real\u{201D} \u{2192} \u{201C}") && $0.message.contains("genuine\u{201D}")
        }
        #expect(drift.count == 1, "\(findings.filter { $0.category == .drift }.map(\.message))")
    }

    @Test("“the th anniversary” / “the 100th anniversary” is a number finding")
    func ordinal() throws {
        let findings = try Self.report(glossary: true).findings
        let numbers = findings.filter { $0.category == .number && !($0.a?.sentences.isEmpty ?? true) }
        // The stray suffix A's scraper left is a number of unknown value: paired with B's "100th".
        #expect(numbers.contains { $0.a?.text == "th" && $0.b?.text == "100th" && $0.severity == .error }, "\(numbers.map(\.message))")
    }

    @Test("“NATO”, named only by the readout, is an entity finding")
    func nato() throws {
        for glossary in [true, false] {
            let findings = try Self.report(glossary: glossary).findings
            #expect(findings.contains { $0.category == .entity && ($0.b?.text.contains("NATO") ?? false) && $0.message.contains("NATO") })
        }
    }

    @Test("The stripped digits of the China Daily story are one document-level note")
    func digitLoss() throws {
        let findings = try Self.report(glossary: true).findings
        let notes = findings.filter { $0.a?.sentences.isEmpty == true || $0.b?.sentences.isEmpty == true }
        #expect(notes.count == 1)
        #expect(notes.first?.category == .number)
        #expect(notes.first?.message.contains("lost its digits") == true)
        // Numbers simply missing from A ("2022", "June 28, 2021", "COVID-19") are not reported one by one.
        let perNumber = findings.filter { $0.category == .number && $0.a?.sentences.isEmpty == false }
        #expect(perNumber.count <= 2, "\(perNumber.map(\.message))")
    }

    @Test("Quote, dash and case changes are formatting only")
    func formattingOnly() throws {
        let a = try TestPaths.document(
            text: "The two sides oppose \u{201C}interference\u{201D} in Sino-Russian ties and the long-term plan.\n", id: "A")
        let b = try TestPaths.document(
            text: "the Two sides oppose \"interference\" in Sino\u{2013}Russian ties and the longterm plan.\n", id: "B")
        let findings = Comparison(a: a, b: b).report.findings
        #expect(findings.allSatisfy { $0.category == .formatting }, "\(findings.map { "\($0.category): \($0.message)" })")
        #expect(findings.contains { $0.category == .formatting })
        #expect(findings.allSatisfy { $0.severity == .info })
    }

    @Test("“on Monday” in a story dated 2021-06-29 is June 28, 2021: no number finding")
    func relativeDate() throws {
        let a = try TestPaths.document(
            text: "Talks held\n2021-06-29 06:50\n\nThe two presidents held talks by video link on Monday, officials said.\n", id: "A")
        let b = try TestPaths.document(text: "The two presidents held talks by video link on June 28, 2021, officials said.\n", id: "B")
        let findings = Comparison(a: a, b: b).report.findings
        #expect(!findings.contains { $0.category == .number }, "\(findings.map { "\($0.category): \($0.message)" })")
        // In a story dated Tuesday 2021-07-06, "on Monday" is July 5: then the dates differ.
        let c = try TestPaths.document(
            text: "Talks held\n2021-07-06 06:50\n\nThe two presidents held talks by video link on Monday, officials said.\n", id: "A")
        let wrong = Comparison(a: c, b: b).report.findings
        #expect(wrong.contains { $0.category == .number }, "\(wrong.map { "\($0.category): \($0.message)" })")
    }
}
