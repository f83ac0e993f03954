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
        let config = try Config.parse(yaml: "pairLoneGaps: false\nheadingsAreBoilerplate: false\nseverity:\n  drift: warning\n", path: "p.yml")
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
}
