import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The classifier's rules on real sentences: a changed fact is a finding of its category at
/// `error`; the same fact in another form is at most `info`.
@Suite("Category rules")
struct CategoryRuleTests {
    /// Sentences around the one under test, the same on both sides, so that the aligner has
    /// context to link by.
    static let before = "Officials in the capital gave a briefing to reporters after the storm passed through the region."
    static let after = "The regional government will publish a full account of the damage next month."

    /// The findings on the middle sentence when A's and B's versions of it are compared.
    static func findings(_ a: String, _ b: String) throws -> [Finding] {
        let da = try TestPaths.document(text: "\(before)\n\n\(a)\n\n\(after)\n", path: "a.txt", id: "A")
        let db = try TestPaths.document(text: "\(before)\n\n\(b)\n\n\(after)\n", path: "b.txt", id: "B")
        let report = Comparison(a: da, b: db).report
        return report.findings.filter { ($0.a?.sentences.contains(1) ?? false) || ($0.b?.sentences.contains(1) ?? false) }
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.category)/\($0.severity): \($0.message)" }.joined(separator: " | ")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var a: String
        var b: String
        var category: FindingCategory?
        var testDescription: String { "\(a) → \(b)" }
    }

    /// Changes of form: nothing at warning or above.
    static let forms: [Case] = [
        Case(a: "The minister did not attend the meeting, officials said.", b: "The minister didn't attend the meeting, officials said."),
        Case(a: "Nobody may enter the building without a permit.", b: "No one is allowed to enter the building without a permit."),
        Case(a: "The company may raise its prices next year.", b: "The company might raise its prices next year."),
        Case(a: "Residents must leave the area before dark.", b: "Residents have to leave the area before dark."),
        Case(a: "The United Nations sent observers to the border.", b: "The UN sent observers to the border."),
        Case(a: "The talks with the United States ended without a deal.", b: "The talks with the U.S. ended without a deal."),
        Case(a: "Aleksei Navalny's lawyers filed the appeal.", b: "Alexei Navalny's lawyers filed the appeal."),
        Case(a: "The navy tested the Tsirkon missile again.", b: "The navy tested the Zirkon missile again."),
        Case(a: "The result remains unclear, the spokesman said.", b: "The result is not clear, the spokesman said."),
    ]

    @Test("A change of form raises nothing at warning or above", arguments: forms)
    func form(_ c: Case) throws {
        let found = try Self.findings(c.a, c.b)
        #expect(!found.contains { $0.severity != .info }, "\(Self.describe(found))")
    }

    /// Changes of fact: an error of the category.
    static let facts: [Case] = [
        Case(a: "Residents must leave the area before dark.", b: "Residents may leave the area before dark.", category: .negation),
        Case(
            a: "The minister attended the meeting, officials said.", b: "The minister did not attend the meeting, officials said.",
            category: .negation),
        Case(a: "The company will never sell the plant.", b: "The company will sell the plant.", category: .negation),
        Case(
            a: "Vladimir Putin spoke to the delegates in Geneva.", b: "Dmitry Medvedev spoke to the delegates in Geneva.", category: .entity
        ),
        Case(
            a: "The ceasefire holds, Putin said on the call.", b: "The ceasefire holds, Zelensky said on the call.", category: .attribution),
    ]

    @Test("A change of fact is an error of its category", arguments: facts)
    func fact(_ c: Case) throws {
        let found = try Self.findings(c.a, c.b)
        #expect(found.contains { $0.category == c.category && $0.severity == .error }, "\(Self.describe(found))")
    }

    @Test("A paraphrase is drift, not a partial omission")
    func paraphrase() throws {
        let found = try Self.findings(
            "Both officials resigned after the report was published.", "Both civil servants stepped down after the report was published.")
        #expect(found.contains { $0.category == .drift }, "\(Self.describe(found))")
        #expect(!found.contains { $0.category == .omission || $0.category == .addition }, "\(Self.describe(found))")
    }

    @Test("A clause left out is a partial omission that lists its words as A writes them")
    func droppedClause() throws {
        let found = try Self.findings(
            "The storm flooded the old harbour and destroyed three fishing boats moored near the lighthouse.",
            "The storm flooded the old harbour.")
        let omission = try #require(found.first { $0.category == .omission }, "\(Self.describe(found))")
        #expect(omission.message.contains("\u{201C}destroyed\u{201D}"))
        #expect(omission.message.contains("\u{201C}fishing\u{201D}"))
        #expect(omission.a?.text.hasPrefix("destroyed") == true, "\(omission.a?.text ?? "")")
    }

    @Test("A changed number in a headline is a number error: headlines are compared")
    func headline() throws {
        let a = try TestPaths.document(text: "Storm kills 12 in coastal towns\n\n\(Self.before)\n\n\(Self.after)\n", path: "a.txt", id: "A")
        let b = try TestPaths.document(text: "Storm kills 15 in coastal towns\n\n\(Self.before)\n\n\(Self.after)\n", path: "b.txt", id: "B")
        let findings = Comparison(a: a, b: b).report.findings
        #expect(
            findings.contains { $0.category == .number && $0.severity == .error && $0.a?.text == "12" && $0.b?.text == "15" },
            "\(Self.describe(findings))")
    }

    @Test("The issue's example: three changes of form pass, two changes of fact fail")
    func issueExample() throws {
        let a = try TestPaths.document(
            text: """
                The minister did not attend the meeting on Monday, officials said.

                The company reported 3300 new orders and a loss of 5 million dollars.

                Twelve people were injured in the crash.
                """, path: "a.txt", id: "A")
        let b = try TestPaths.document(
            text: """
                The minister didn't attend the meeting on Tuesday, officials said.

                The company reported 3,300 new orders and a loss of 5 billion dollars.

                12 people were injured in the crash.
                """, path: "b.txt", id: "B")
        let errors = Comparison(a: a, b: b).report.findings.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(Self.describe(errors))")
        #expect(errors.contains { $0.category == .number && $0.a?.text == "Monday" && $0.b?.text == "Tuesday" })
        #expect(errors.contains { $0.category == .number && $0.a?.text == "5 million dollars" && $0.b?.text == "5 billion dollars" })
    }

    @Test("One name is listed once per finding")
    func nameOnce() throws {
        let found = try Self.findings(
            "Okonkwo met the envoy, and Okonkwo later thanked the envoy for the visit to the port.",
            "The mayor met the envoy and later thanked the envoy for the visit to the port.")
        for finding in found where finding.category == .entity {
            #expect(finding.message.components(separatedBy: "Okonkwo").count <= 2, "\(finding.message)")
        }
    }

    @Test("Every category's metadata comes from its rule", arguments: FindingCategory.allCases)
    func metadata(_ category: FindingCategory) {
        #expect(category.rule.category == category)
        #expect(!category.info.ruleName.isEmpty && !category.info.summary.isEmpty && !category.info.help.isEmpty)
        #expect(ComparisonOptions.defaultSeverities[category] == category.info.defaultSeverity)
    }

    @Test("Transliteration skeletons meet for variants and stay apart for different names")
    func skeletons() {
        let stemmer = Stemmer(language: "en")
        for (x, y) in [
            ("aleksei", "alexei"), ("alexey", "aleksei"), ("tsirkon", "zirkon"), ("nurnberg", "nuremberg"), ("zelensky", "zelenskyy"),
        ] {
            #expect(NameMatcher.isSpellingVariant(x, y, stemmer: stemmer), "\(x) / \(y)")
        }
        for (x, y) in [("putin", "medvedev"), ("merkel", "scholz"), ("london", "boston"), ("moscow", "madrid")] {
            #expect(!NameMatcher.isSpellingVariant(x, y, stemmer: stemmer), "\(x) / \(y)")
        }
    }
}
