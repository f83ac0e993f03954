import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

@Suite("Usage")
struct UsageTests {
    struct Misuse: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let arguments: [String]
        let message: String
    }

    static let misuses: [Misuse] = [
        Misuse(testDescription: "unknown subcommand", arguments: ["frobnicate"], message: "frobnicate"),
        Misuse(testDescription: "unknown option", arguments: ["segment", "--bogus", "x.txt"], message: "--bogus"),
        Misuse(testDescription: "unknown top-level option", arguments: ["--bogus"], message: "--bogus"),
        Misuse(testDescription: "missing FILE", arguments: ["segment"], message: "<file>"),
        Misuse(testDescription: "bad --format value", arguments: ["segment", "x.txt", "--format", "xml"], message: "xml"),
        Misuse(testDescription: "normalize without TEXT", arguments: ["normalize"], message: "<texts>"),
        Misuse(
            testDescription: "escape sequence in an unknown option",
            arguments: ["segment", "--\u{1B}[31mred", "x.txt"], message: "\\u{1B}[31mred"),
    ]

    @Test("Misuse exits 2 with a usage message on standard error", arguments: misuses)
    func misuse(_ misuse: Misuse) throws {
        let result = try ParallaxCommand.run(misuse.arguments)
        #expect(!result.signaled)
        #expect(result.status == 2)
        #expect(result.stdoutBytes.isEmpty)
        #expect(result.stderr.hasPrefix("parallax: "), "\(result.stderr)")
        #expect(result.stderr.contains(misuse.message), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: parallax"), "\(result.stderr)")
        // Real line breaks, not escaped ones.
        #expect(!result.stderr.contains("\\u{A}"), "\(result.stderr)")
        ParallaxCommand.expectNoRawControls(result)
    }

    @Test(
        "--help exits 0 with the usage on standard output", arguments: [["--help"], ["segment", "--help"], ["help", "segment"], ["-h"]])
    func help(_ arguments: [String]) throws {
        let result = try ParallaxCommand.run(arguments)
        ParallaxCommand.expectSuccess(result)
        #expect(result.stdout.contains("USAGE: parallax"))
    }

    @Test("--version prints 0.1.0")
    func version() throws {
        let result = try ParallaxCommand.run(["--version"])
        ParallaxCommand.expectSuccess(result)
        #expect(result.stdout == "0.1.0\n")
        #expect(parallaxVersion == "0.1.0")
    }
}
