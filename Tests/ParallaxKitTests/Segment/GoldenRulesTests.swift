import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// pySBD's 48 English "golden rules" (vendored from ../shared/data, MIT licence, pySBD).
struct GoldenRule: Decodable, CustomTestStringConvertible, Sendable {
    let id: Int
    let name: String
    let text: String
    let expected_sentences: [String]

    var testDescription: String { "\(id) \(name)" }

    static let all: [GoldenRule] = {
        guard let url = Bundle.module.url(forResource: "golden_rules_en", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url),
              let rules = try? JSONDecoder().decode([GoldenRule].self, from: data) else { return [] }
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

    @Test("At least 44 of the 48 pass; prints the count and the failures")
    func score() throws {
        var passed = 0
        var failures: [String] = []
        for rule in GoldenRule.all {
            let got = try rule.sentences()
            if got == rule.expected_sentences {
                passed += 1
            } else {
                failures.append("  rule \(rule.id) (\(rule.name)): got \(got)")
            }
        }
        print("Golden rules: \(passed) of \(GoldenRule.all.count) pass")
        for failure in failures { print(failure) }
        #expect(passed >= 44)
    }
}
