import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// pySBD's 48 English "golden rules" (vendored from ../shared/data, MIT licence, pySBD).
struct GoldenRule: Decodable, CustomTestStringConvertible, Sendable {
    let id: Int
    let name: String
    let text: String
    let expectedSentences: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, text
        case expectedSentences = "expected_sentences"
    }

    var testDescription: String { "\(id) \(name)" }

    static let all: [GoldenRule] = {
        guard let url = Bundle.module.url(forResource: "golden_rules_en", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url),
            let rules = try? JSONDecoder().decode([GoldenRule].self, from: data)
        else { return [] }
        return rules
    }()

    func sentences() throws -> [String] {
        try TestPaths.document(text: text).sentences.map(\.text)
    }
}

@Suite("Golden rules")
struct GoldenRulesTests {
    @Test("All 48 rules load")
    func load() {
        #expect(GoldenRule.all.count == 48)
    }

    @Test("All 48 pass; prints the failures")
    func score() throws {
        var passed = 0
        var failures: [String] = []
        for rule in GoldenRule.all {
            let got = try rule.sentences()
            if got == rule.expectedSentences {
                passed += 1
            } else {
                failures.append("  rule \(rule.id) (\(rule.name)): got \(got)")
            }
        }
        print("Golden rules: \(passed) of \(GoldenRule.all.count) pass")
        for failure in failures { print(failure) }
        #expect(passed == GoldenRule.all.count)
    }
}

/// The kinds of text the golden rules stand for, in other words than theirs: a time that leads
/// into its sentence, and a reference in parentheses after a quotation.
@Suite("Sentence rules beyond the golden rules' strings")
struct SentenceRuleKindTests {
    @Test(
        "A leading time phrase does not end a sentence; a time before a zone or a day does not either; a sentence starter after a time does",
        arguments: [
            ("At 5 p.m. Minister Li met the press.", ["At 5 p.m. Minister Li met the press."]),
            ("By 11 p.m. Police had cleared the square.", ["By 11 p.m. Police had cleared the square."]),
            ("Shortly after 9 a.m. The minister arrived.", ["Shortly after 9 a.m. The minister arrived."]),
            ("The meeting ended at 5 p.m. The minister left.", ["The meeting ended at 5 p.m.", "The minister left."]),
            // After a time, a capitalised word is most often a time zone or a day (news_synth).
            ("The launch was at 2:20 p.m. EDT (1820 UTC) from Florida.", ["The launch was at 2:20 p.m. EDT (1820 UTC) from Florida."]),
            ("The problem was found at 2 p.m. Saturday by friends.", ["The problem was found at 2 p.m. Saturday by friends."]),
        ])
    func times(_ text: String, _ expected: [String]) throws {
        #expect(try TestPaths.document(text: text).sentences.map(\.text) == expected)
    }

    @Test(
        "A bare reference in parentheses joins what it cites; a sentence in parentheses stands alone",
        arguments: [
            ("He wrote “we must act now” (Jones 12). Then he left.", ["He wrote “we must act now” (Jones 12).", "Then he left."]),
            (
                "The rule is old. “It never changes” (ibid., p. 4). Others disagree.",
                ["The rule is old.", "“It never changes” (ibid., p. 4).", "Others disagree."]
            ),
            ("He left early. (See page 5.) Then she spoke.", ["He left early.", "(See page 5.)", "Then she spoke."]),
        ])
    func parentheses(_ text: String, _ expected: [String]) throws {
        #expect(try TestPaths.document(text: text).sentences.map(\.text) == expected)
    }
}
