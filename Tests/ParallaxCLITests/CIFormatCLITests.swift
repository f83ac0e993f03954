import Foundation
import ParallaxTestSupport
import Testing

/// `parallax compare --format sarif|junit|github`. Schema validation of the same renderers is in
/// ParallaxKitTests (`CIFormatTests`) and `Scripts/validate-ci-formats`, which runs this CLI.
@Suite("Compare CI formats")
struct CIFormatCLITests {
    /// The June 2021 pair by relative paths, run from the package root.
    static let pair = [
        "Fixtures/2021-06-28-xi-putin-video-call/china-daily.txt",
        "Fixtures/2021-06-28-xi-putin-video-call/official-readout.txt",
    ]

    @Test("--format sarif: one run, relative URIs as given, exact regions with character offsets")
    func sarif() throws {
        let result = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "sarif"], currentDirectory: TestPaths.root)
        ParallaxCommand.expectSuccess(result)
        ParallaxCommand.expectNoRawControls(result)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let artifacts = try #require(runs[0]["artifacts"] as? [[String: Any]])
        #expect(artifacts.compactMap { ($0["location"] as? [String: Any])?["uri"] as? String } == Self.pair)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        #expect(result.stdout.contains("\"charOffset\""), "the CLI passes the inputs' texts")
    }

    /// Results of a SARIF log: (suppressed, not suppressed).
    static func sarifCounts(_ result: CommandResult) throws -> (suppressed: Int, open: Int) {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }.count
        return (suppressed, results.count - suppressed)
    }

    @Test("The baseline's accepted findings: SARIF suppressions, no GitHub annotation, no JUnit failure")
    func baseline() throws {
        // Fixtures/parallax.yml names a baseline that accepts the June 2021 findings.
        let sarif = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "sarif"], currentDirectory: TestPaths.root)
        ParallaxCommand.expectSuccess(sarif)
        let counts = try Self.sarifCounts(sarif)
        #expect(counts.suppressed > 0)
        #expect(sarif.stdout.contains("\"kind\" : \"external\""))
        let github = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "github"], currentDirectory: TestPaths.root)
        ParallaxCommand.expectSuccess(github)
        // One annotation per finding not accepted; with every finding accepted, one notice that says so.
        #expect(github.stdout.split(separator: "\n").count == max(counts.open, 1), "one annotation per finding not accepted")
        let junit = try ParallaxCommand.run(["compare"] + Self.pair + ["--format", "junit"], currentDirectory: TestPaths.root)
        ParallaxCommand.expectSuccess(junit)
        #expect(junit.stdout.contains("<property name=\"accepted\" value=\"\(counts.suppressed)\"/>"))

        let unsuppressed = try ParallaxCommand.run(
            ["compare"] + Self.pair + ["--format", "sarif", "--no-config"], currentDirectory: TestPaths.root)
        // Without a baseline only findings on uncertain links are suppressed (for review).
        #expect(!unsuppressed.stdout.contains("Accepted in the Parallax baseline"), "no baseline without a configuration")
        #expect(
            try Self.sarifCounts(unsuppressed).suppressed == unsuppressed.stdout.components(separatedBy: "\"status\" : \"underReview\"")
                .count - 1)
    }

    @Test("--format junit: timestamp from SOURCE_DATE_EPOCH, the same bytes twice")
    func junit() throws {
        let arguments = ["compare"] + Self.pair + ["--format", "junit"]
        let first = try ParallaxCommand.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1624838400"], currentDirectory: TestPaths.root)
        ParallaxCommand.expectSuccess(first)
        ParallaxCommand.expectNoRawControls(first)
        #expect(first.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"))
        #expect(first.stdout.contains("timestamp=\"2021-06-28T00:00:00\""))
        let second = try ParallaxCommand.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1624838400"], currentDirectory: TestPaths.root)
        #expect(first.stdoutBytes == second.stdoutBytes)

        let bad = try ParallaxCommand.run(arguments, environment: ["SOURCE_DATE_EPOCH": "yesterday"], currentDirectory: TestPaths.root)
        #expect(bad.status == 2)
        #expect(bad.stdoutBytes.isEmpty)
        #expect(bad.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test("--format github: one workflow command per line")
    func github() throws {
        let result = try ParallaxCommand.run(
            ["compare"] + Self.pair + ["--format", "github", "--no-config"], currentDirectory: TestPaths.root)
        ParallaxCommand.expectSuccess(result)
        ParallaxCommand.expectNoRawControls(result)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file=") || line.hasPrefix("::notice file="), "\(line)")
        }
        #expect(lines.contains { $0.contains("file=\(Self.pair[1]),line=") })
    }
}
