import Foundation
import ParallaxTestSupport
import Testing

/// The folders of ParallaxKit depend on each other one way: `Scripts/dependency-graph --check`
/// reads the graph from the code and fails on a cycle.
@Suite("Dependency graph")
struct DependencyGraphTests {
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run("/usr/bin/env", ["python3", script] + arguments)
    }

    @Test("ParallaxKit's folders form no cycle, and the lowest layers depend on nothing")
    func noCycle() throws {
        let script = TestPaths.root.appendingPathComponent("Scripts/dependency-graph").path
        let (status, output) = try Self.run(script, ["--check"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("Support -> (nothing)"))
        #expect(output.contains("Native -> (nothing)"))
        #expect(output.contains("dependency-graph: no cycle"))
    }

    @Test("ParallaxKit holds no terminal interface and ends no process: that is ParallaxReview's and the CLI's")
    func noTerminalInKit() throws {
        let kit = TestPaths.root.appendingPathComponent("Sources/ParallaxKit")
        let words = ["termios", "tcsetattr", "tcgetattr", "sigaction", "isatty", "TIOCGWINSZ", "exit(", "import ParallaxReview"]
        let files = try #require(FileManager.default.enumerator(at: kit, includingPropertiesForKeys: nil))
        var swift = 0
        for case let url as URL in files where url.pathExtension == "swift" {
            swift += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            for word in words where text.contains(word) {
                Issue.record("\(url.path) uses \(word)")
            }
        }
        #expect(swift > 50)
        #expect(!FileManager.default.fileExists(atPath: kit.appendingPathComponent("Review").path))
        // The review's terminal is in ParallaxReview, and it does use them.
        let terminal = try String(
            contentsOf: TestPaths.root.appendingPathComponent("Sources/ParallaxReview/Terminal.swift"), encoding: .utf8)
        #expect(terminal.contains("tcsetattr") && terminal.contains("sigaction"))
    }

    /// Ways the second folder can name the first one's type: in code, in a string
    /// interpolation (nested, or in a multi-line string), or only in a string's text (no use).
    static let uses: [(body: String, cycle: Bool)] = [
        ("struct Beta { let a: [Alpha] }\n", true),
        (#"struct Beta { var s: String { "x \(Alpha.self) y" } }"# + "\n", true),
        (#"struct Beta { var s: String { "x \(String(describing: "\(Alpha.self)")) y" } }"# + "\n", true),
        ("struct Beta {\n    var s: String {\n        \"\"\"\n        x \\(Alpha.self)\n        \"\"\"\n    }\n}\n", true),
        (#"struct Beta { var s: String { "Alpha \"Alpha\" (Alpha)" } }"# + "\n", false),
    ]

    @Test("The check fails on a cycle between two folders, a use in a string interpolation included", arguments: uses)
    func findsCycle(body: String, cycle: Bool) throws {
        // A copy of the script over a tiny tree of two folders that use each other.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-graph-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let kit = folder.appendingPathComponent("Sources/ParallaxKit")
        for (name, body) in [("One", "struct Alpha { let b: Beta }\n"), ("Two", body)] {
            try FileManager.default.createDirectory(at: kit.appendingPathComponent(name), withIntermediateDirectories: true)
            try body.write(to: kit.appendingPathComponent("\(name)/\(name).swift"), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Scripts"), withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("Scripts/dependency-graph")
        try FileManager.default.copyItem(at: TestPaths.root.appendingPathComponent("Scripts/dependency-graph"), to: script)
        let (status, output) = try Self.run(script.path, ["--check"])
        #expect(status == (cycle ? 1 : 0), "\(output)")
        #expect(output.contains("cycle: One <-> Two") == cycle)
    }
}
