import ParallaxKit
import ParallaxTestSupport
import Testing

@Suite("Configuration")
struct ConfigTests {
    @Test("The fixtures' configuration reads, with paths relative to its folder")
    func fixtures() throws {
        let config = try Config.load(path: TestPaths.fixture("parallax.yml"))
        #expect(config.pairs.map(\.name) == ["june-2021"])
        #expect(config.resolve(config.pairs[0].a) == TestPaths.june2021ChinaDaily)
        #expect(config.glossary.count >= 4)
        #expect(config.failOn == .error)
        #expect(config.thresholds.minCoverageA == 0.4)
        #expect(config.pairIdentity(a: TestPaths.june2021ChinaDaily, b: TestPaths.june2021Readout, baseline: nil).key == "june-2021")
    }

    @Test("pairLoneGaps and headingsAreBoilerplate reach the options")
    func switches() throws {
        let config = try Config.parse(
            yaml: "pairLoneGaps: false\nheadingsAreBoilerplate: false\nseverity:\n  drift: warning\n", path: "p.yml")
        let (analysis, options) = try config.options()
        #expect(options.alignment.pairLoneGaps == false)
        #expect(analysis.chrome.headingsAreBoilerplate == false)
        #expect(options.severities[.drift] == .warning)
    }

    @Test("A bad value names the line and the key")
    func badValue() {
        #expect(throws: ConfigError(path: "p.yml", line: 2, key: "pairLoneGaps", problem: "expected true or false, got \"often\"")) {
            try Config.parse(yaml: "language: en\npairLoneGaps: often\n", path: "p.yml")
        }
    }

    @Test("Retired categories still load and change nothing; an unknown one is an error")
    func retiredCategories() throws {
        let config = try Config.parse(yaml: "severity:\n  boilerplate: error\n  duplicate: warning\n  drift: warning\n", path: "p.yml")
        #expect(config.severities == [.drift: .warning])
        #expect(throws: ConfigError.self) {
            try Config.parse(yaml: "severity:\n  boilerplates: error\n", path: "p.yml")
        }
    }

    /// Each level's list holds the one before it twice: `levels` levels stand for 2^levels
    /// values in a text of a few hundred bytes (issue 15).
    static func aliasBomb(levels: Int, keyed: Bool) -> String {
        var yaml = "a0: &a0 [x, y]\n"
        for level in 1...levels { yaml += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        // As a mapping key, the expanded list is hashed while the YAML is composed.
        return yaml + (keyed ? "severity: {*a\(levels): error}\n" : "glossary: [*a\(levels)]\n")
    }

    @Test("Aliases that expand past the limit are refused before anything is built from them", arguments: [false, true])
    func aliasBomb(keyed: Bool) throws {
        let yaml = Self.aliasBomb(levels: 40, keyed: keyed)
        let error = #expect(throws: ConfigError.self) { try Config.parse(yaml: yaml, path: "p.yml") }
        #expect(error?.problem.contains("expands its YAML aliases to more than") == true, "\(String(describing: error))")
    }

    @Test("A glossary repeating an anchored list many times (quadratic in the file's size) is refused")
    func quadraticGlossary() throws {
        let variants = (0..<400).map { "variant number \($0)" }.joined(separator: ", ")
        let yaml = "base: &v [\(variants)]\nglossary:\n" + String(repeating: "  - *v\n", count: 400)
        let error = #expect(throws: ConfigError.self) { try Config.parse(yaml: yaml, path: "p.yml") }
        #expect(error?.problem.contains("aliases") == true)
    }

    @Test("Aliases within the limit still read, expanded")
    func aliasesWithinLimit() throws {
        let config = try Config.parse(yaml: "glossary:\n  - &v [x, y]\n  - *v\nfailOn: &f warning\nseverity: {drift: *f}\n", path: "p.yml")
        #expect(config.glossary == [["x", "y"], ["x", "y"]])
        #expect(config.failOn == .warning)
        #expect(config.severities[.drift] == .warning)
    }
}
