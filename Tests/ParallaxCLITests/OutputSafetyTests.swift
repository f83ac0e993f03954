import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// The baseline and the output files under stress (issue 15, item 4): concurrent updates, file
/// modes, leftovers of killed runs, and `-o` onto a file the run reads.
@Suite("Baseline and outputs under stress")
struct OutputSafetyTests {
    /// A project of three pairs: the June 2021 pair, and the same China Daily story against two
    /// shortened copies of the readout (each pair has findings of its own).
    static func project() throws -> Scratch {
        let scratch = try CheckTests.project(config: "failOn: error\n")
        let official = try String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8)
        let paragraphs = official.components(separatedBy: "\n\n")
        try scratch.file("c.txt", paragraphs.dropFirst(2).joined(separator: "\n\n"))
        try scratch.file("d.txt", paragraphs.dropLast(2).joined(separator: "\n\n"))
        return scratch
    }

    /// Starts `parallax` with `arguments` in `folder` without waiting for it.
    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let binary = try #require(ParallaxCommand.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("Concurrent --update-baseline runs for different pairs keep every pair's entries")
    func concurrentUpdates() throws {
        let scratch = try Self.project()
        let pairs = [("a.txt", "b.txt"), ("a.txt", "c.txt"), ("a.txt", "d.txt")]
        // Each run reads the (missing) baseline at its start and writes it after comparing: without
        // a lock and a fresh read under it, the last writer drops the others' pairs.
        let processes = try pairs.map { try Self.start(["check", $0.0, $0.1, "--update-baseline"], in: scratch.folder) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0])
        let baseline = try Baseline.load(path: scratch.path("baseline.json"))
        // Each pair's entries, under its key, are those a run on its own writes (a pair the
        // configuration names goes by its name, any other by its paths).
        var expected: [String: Set<Baseline.Entry>] = [:]
        for (a, b) in pairs {
            let alone = try Scratch()
            for name in [a, b] { try FileManager.default.copyItem(atPath: scratch.path(name), toPath: alone.path(name)) }
            try alone.file("parallax.yml", try String(contentsOfFile: scratch.path("parallax.yml"), encoding: .utf8))
            let result = try ParallaxCommand.run(["check", a, b, "--update-baseline"], currentDirectory: alone.folder)
            #expect(result.status == 0, "\(result.stderr)")
            let single = try Baseline.load(path: alone.path("baseline.json"))
            let keys = Set(single.accepted.map(\.pair))
            #expect(keys.count == 1, "\(keys)")
            expected[keys.first ?? "", default: []].formUnion(single.accepted)
        }
        #expect(Set(baseline.accepted.map(\.pair)) == Set(expected.keys))
        #expect(expected.count == pairs.count)
        for (key, entries) in expected {
            #expect(Set(baseline.accepted.filter { $0.pair == key }) == entries, "\(key)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("An updated baseline keeps its permission bits", arguments: [0o600, 0o640, 0o664])
    func modeKept(mode: Int) throws {
        let scratch = try Self.project()
        try scratch.file("baseline.json", "{\"schemaVersion\": 1, \"accepted\": []}\n", mode: mode)
        let result = try CheckTests.check(scratch, ["--update-baseline"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try !Baseline.load(path: scratch.path("baseline.json")).accepted.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path("baseline.json"))
        #expect((attributes[.posixPermissions] as? Int) == mode)
    }

    @Test("review --accept-all keeps the baseline's mode too")
    func reviewModeKept() throws {
        let scratch = try Self.project()
        try scratch.file("baseline.json", "{\"schemaVersion\": 1, \"accepted\": []}\n", mode: 0o600)
        let result = try ParallaxCommand.run(["review", "--accept-all", "a.txt", "b.txt"], currentDirectory: scratch.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path("baseline.json"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("Leftover temporary files of killed runs are neither in the way nor touched; none is left")
    func leftovers() throws {
        let scratch = try Self.project()
        // What a run killed in the middle of a write left: the names it used, with this test's
        // process id and the pids after it (the next runs may get one of them).
        let pid = Int(getpid())
        let stale = (0..<50).map { ".baseline.json.\(pid + $0).tmp" } + [".baseline.json.tmp", ".out.json.\(pid + 1).tmp"]
        for name in stale { try scratch.file(name, "partial", mode: 0o444) }
        let update = try CheckTests.check(scratch, ["--update-baseline"])
        #expect(update.status == 0, "\(update.stderr)")
        let report = try CheckTests.check(scratch, ["--format", "json", "-o", "out.json"])
        #expect(report.status == 0, "\(report.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.hasSuffix(".tmp") })
        #expect(names == Set(stale))
        for name in stale { #expect(try String(contentsOfFile: scratch.path(name), encoding: .utf8) == "partial") }
    }

    @Test(
        "-o onto the configuration or the baseline in use is refused (exit 2), the file unchanged",
        arguments: [
            ["check", "--format", "json", "-o", "parallax.yml"],
            ["check", "--format", "json", "-o", "./baseline.json"],
            ["check", "--format", "sarif", "-o", "config-link.yml"],
            ["compare", "a.txt", "b.txt", "--format", "json", "-o", "parallax.yml"],
            ["compare", "a.txt", "b.txt", "--format", "html", "-o", "baseline.json"],
            ["compare", "a.txt", "b.txt", "--config", "other.yml", "--format", "html", "-o", "other.yml"],
        ])
    func refusesFilesInUse(_ arguments: [String]) throws {
        let scratch = try Self.project()
        try CheckTests.check(scratch, ["--update-baseline"])
        try scratch.file("other.yml", "failOn: warning\n")
        // Another name for the configuration: a hard link, so only device and inode tell.
        try FileManager.default.linkItem(atPath: scratch.path("parallax.yml"), toPath: scratch.path("config-link.yml"))
        let target = arguments[arguments.count - 1]
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.path(target)))
        let result = try ParallaxCommand.run(arguments, currentDirectory: scratch.folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("refusing to write over it"), "\(result.stderr)")
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path(target))) == before)
    }

    @Test("-o onto the file standard input comes from is refused, the file unchanged")
    func refusesStandardInputsFile() throws {
        let scratch = try Self.project()
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.path("a.txt")))
        let result = try OutputFailureTests.run(
            ["compare", "-", scratch.path("b.txt"), "--no-config", "-o", scratch.path("a.txt")], redirect: "< '\(scratch.path("a.txt"))'")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("is one of the inputs (standard input); refusing to write over it"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("a.txt"))) == before)
        // Another output file is written as usual.
        let other = try OutputFailureTests.run(
            ["compare", "-", scratch.path("b.txt"), "--no-config", "-o", scratch.path("out.txt")], redirect: "< '\(scratch.path("a.txt"))'")
        #expect(other.status == 0, "\(other.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("out.txt")))
    }
}
