import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// `parallax batch` from the real binary, on a manifest of real pairs (WMT21 de-en documents
/// and news_synth article/rewrite pairs) with broken records among them.
@Suite("parallax batch")
struct BatchTests {
    /// A manifest line and what its output line must be.
    struct Record {
        var line: String
        /// The record's id (nil for a line that has none).
        var id: String?
        /// The files of a pair that should compare (paths relative to the manifest's folder).
        var files: (a: String, b: String)?
        /// Words the error must contain, for a record that should fail.
        var error: String?
    }

    /// The manifest's folder: the pairs' files, `manifest.jsonl`, and the records it lists.
    final class Corpus: @unchecked Sendable {
        let scratch: Scratch
        let records: [Record]
        var folder: URL { scratch.folder }

        init() throws {
            scratch = try Scratch()
            let resources = TestPaths.root.appendingPathComponent("Tests/ParallaxKitTests/Resources")
            func lines(_ name: String) throws -> [String] {
                try String(contentsOf: resources.appendingPathComponent(name), encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            func json(_ object: [String: String]) throws -> String {
                String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
            var records: [Record] = []
            for folder in ["wmt", "news"] {
                try FileManager.default.createDirectory(
                    at: scratch.folder.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            // WMT21: 100 documents of ten consecutive segments, translation A against B.
            let wmtA = try lines("newstest2021.de-en.ref.A.en")
            let wmtB = try lines("newstest2021.de-en.ref.B.en")
            for k in 0..<100 {
                let a = "wmt/a-\(k).txt"
                let b = "wmt/b-\(k).txt"
                try scratch.file(a, wmtA[(k * 10)..<(k * 10 + 10)].joined(separator: "\n") + "\n")
                try scratch.file(b, wmtB[(k * 10)..<(k * 10 + 10)].joined(separator: "\n") + "\n")
                records.append(Record(line: try json(["id": "wmt-\(k)", "a": a, "b": b]), id: "wmt-\(k)", files: (a, b)))
            }
            // news_synth: 110 article/rewrite pairs as files, the first ten again inline.
            struct NewsPair: Decodable {
                var original: [String]
                var rewrite: [String]
            }
            let news = try JSONDecoder().decode(
                [NewsPair].self, from: Data(contentsOf: resources.appendingPathComponent("news_synth.json")))
            for (k, pair) in news.prefix(110).enumerated() {
                let a = "news/\(k)-original.txt"
                let b = "news/\(k)-rewrite.txt"
                try scratch.file(a, pair.original.joined(separator: " ") + "\n")
                try scratch.file(b, pair.rewrite.joined(separator: " ") + "\n")
                records.append(Record(line: try json(["id": "news-\(k)", "a": a, "b": b]), id: "news-\(k)", files: (a, b)))
            }
            for (k, pair) in news.prefix(10).enumerated() {
                let line = try json([
                    "id": "inline-\(k)", "aText": pair.original.joined(separator: " ") + "\n",
                    "bText": pair.rewrite.joined(separator: " ") + "\n",
                ])
                records.append(Record(line: line, id: "inline-\(k)"))
            }
            // Broken records, spread through the manifest.
            try scratch.file("binary.bin", [0x48, 0x00, 0x49, 0x00, 0x0A] + Array(repeating: 0, count: 64))
            try scratch.file("empty.txt", "")
            let broken = [
                Record(
                    line: #"{"id": "missing", "a": "wmt/a-0.txt", "b": "no/such.txt"}"#, id: "missing", error: "no/such.txt: no such file"),
                Record(line: #"{"id": "nul", "a": "binary.bin", "b": "wmt/b-1.txt"}"#, id: "nul", error: "binary.bin: contains NUL bytes"),
                Record(line: #"{"id": "empty", "a": "wmt/a-2.txt", "b": "empty.txt"}"#, id: "empty", error: "empty.txt: is empty"),
                Record(line: #"{"id": "cut", "a": "wmt/a-3.txt", "#, id: nil, error: "record is not valid JSON"),
                Record(line: #"{"a": "wmt/a-4.txt", "b": "wmt/b-4.txt"}"#, id: nil, error: "has no id"),
                Record(
                    line: #"{"id": "both", "a": "wmt/a-5.txt", "aText": "x", "b": "wmt/b-5.txt"}"#, id: "both",
                    error: "gives both a and aText"),
                Record(line: #"{"id": "number", "a": 5, "b": "wmt/b-5.txt"}"#, id: "number", error: "a must be a string"),
                Record(line: #"["id", "array"]"#, id: nil, error: "is not a JSON object"),
            ]
            for (k, record) in broken.enumerated() { records.insert(record, at: 7 + k * 29) }
            self.records = records
            try scratch.file("manifest.jsonl", records.map(\.line).joined(separator: "\n") + "\n")
        }

        /// Runs `parallax batch` in the manifest's folder.
        func batch(_ arguments: [String], stdin: [UInt8]? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult
        {
            try ParallaxCommand.run(
                ["batch"] + arguments, stdin: stdin, currentDirectory: folder, timeLimit: 240, sourceLocation: sourceLocation)
        }
    }

    static let corpus = Result { try Corpus() }

    /// `batch manifest.jsonl --jobs 2` on standard output, run once for the tests that read it.
    static let reference = Result { () throws -> CommandResult in try corpus.get().batch(["manifest.jsonl", "--jobs", "2"]) }

    /// The lines of an output, each with its line feed.
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { String($0) + "\n" }
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line.prefix(200))")
    }

    /// JSON without the white space between tokens: the test's own reading of "the same report on
    /// one line", independent of the one the binary uses.
    static func oneLine(_ json: String) -> String {
        var out = ""
        var inString = false
        var escaped = false
        for character in json.unicodeScalars {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                out.unicodeScalars.append(character)
            } else if character != " " && character != "\n" {
                if character == "\"" { inString = true }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The text of the `report` member of an output line, as written.
    static func reportText(_ line: String) -> Substring? {
        guard let start = line.range(of: ",\"report\":"), let end = line.range(of: ",\"status\":\"ok\"}\n", options: .backwards) else {
            return nil
        }
        return line[start.upperBound..<end.lowerBound]
    }

    @Test("One line per record in the manifest's order; bad records give error lines and exit 2, the rest compare")
    func linesInOrder() throws {
        let corpus = try Self.corpus.get()
        let result = try Self.reference.get()
        #expect(!result.signaled)
        #expect(result.status == 2, "a batch with bad records exits 2; stderr: \(result.stderr)")
        #expect(result.stderr.contains("8 of \(corpus.records.count) records could not be compared"), "\(result.stderr)")
        let lines = Self.lines(result.stdoutBytes)
        try #require(lines.count == corpus.records.count, "\(lines.count) lines for \(corpus.records.count) records")
        #expect(corpus.records.count >= 208, "at least 200 real pairs and the broken records")
        for (record, line) in zip(corpus.records, lines) {
            let object = try Self.object(line)
            #expect(object["id"] as? String == record.id, "\(line.prefix(120))")
            if let error = record.error {
                #expect(object["status"] as? String == "error")
                let message = object["error"] as? String ?? ""
                #expect(message.contains(error), "record \(record.line): \(message)")
            } else {
                #expect(object["status"] as? String == "ok", "record \(record.line): \(line.prefix(300))")
                let report = try #require(object["report"] as? [String: Any])
                #expect(report["schemaVersion"] as? Int == 1)
            }
        }
        ParallaxCommand.expectNoRawControls(result)
    }

    @Test("Each report is, byte for byte on one line, what compare --format json writes for the pair")
    func reportsAreCompareOutput() throws {
        let corpus = try Self.corpus.get()
        let lines = Self.lines(try Self.reference.get().stdoutBytes)
        try #require(lines.count == corpus.records.count)
        let pairs = zip(corpus.records, lines).filter { $0.0.files != nil }
        // A sample through compare (every eighth pair, both corpora): one process each.
        var compared = 0
        for (record, line) in pairs.enumerated().filter({ $0.offset % 8 == 0 }).map(\.element) {
            let files = try #require(record.files)
            let compare = try ParallaxCommand.run(["compare", "--format", "json", files.a, files.b], currentDirectory: corpus.folder)
            ParallaxCommand.expectSuccess(compare)
            let text = try #require(Self.reportText(line), "no report in \(line.prefix(200))")
            #expect(String(text) == Self.oneLine(compare.stdout), "report of \(record.id ?? "?") differs from compare's")
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? NSDictionary)
            #expect(parsed == (try Self.object(line)["report"] as? NSDictionary), "report of \(record.id ?? "?")")
            compared += 1
        }
        #expect(compared >= 26)
        // Inline texts give the report the same pair gives as files, the documents named aText and bText.
        for k in 0..<10 {
            let inline = try Self.object(try #require(lines.first { $0.contains("\"id\":\"inline-\(k)\"") }))
            let file = try Self.object(try #require(lines.first { $0.contains("\"id\":\"news-\(k)\"") }))
            let inlineReport = try #require(inline["report"] as? [String: Any])
            let fileReport = try #require(file["report"] as? [String: Any])
            #expect((inlineReport["findings"] as? NSArray) == (fileReport["findings"] as? NSArray))
            #expect((inlineReport["summary"] as? NSDictionary) == (fileReport["summary"] as? NSDictionary))
            let paths = (inlineReport["documents"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
            #expect(paths == ["aText", "bText"])
        }
    }

    @Test("The same bytes with --jobs 1 and --jobs 2, to standard output and to --output; FILE.partial is gone")
    func jobsDoNotChangeOutput() throws {
        let corpus = try Self.corpus.get()
        let reference = try Self.reference.get()
        let one = try corpus.batch(["manifest.jsonl", "--jobs", "1", "--output", "one.jsonl"])
        #expect(one.status == 2 && one.stdoutBytes.isEmpty)
        let written = try [UInt8](Data(contentsOf: corpus.folder.appendingPathComponent("one.jsonl")))
        #expect(written == reference.stdoutBytes, "--jobs 1 to a file differs from --jobs 2 on standard output")
        #expect(!FileManager.default.fileExists(atPath: corpus.scratch.path("one.jsonl.partial")))
    }

    @Test("A run killed half-way and resumed writes what an uninterrupted run writes")
    func killedRunResumes() throws {
        let corpus = try Self.corpus.get()
        let reference = try Self.reference.get()
        let binary = try #require(ParallaxCommand.binary)
        let output = corpus.scratch.path("killed.jsonl")
        let partial = output + ".partial"
        let process = Process()
        process.executableURL = binary
        process.arguments = ["batch", "manifest.jsonl", "--jobs", "2", "--output", output]
        process.currentDirectoryURL = corpus.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed once a third of the lines are written.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            let written = (try? Data(contentsOf: URL(fileURLWithPath: partial)))?.filter { $0 == 0x0A }.count ?? 0
            if written >= corpus.records.count / 3 { break }
            usleep(20_000)
        }
        try #require(process.isRunning, "the batch ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: output), "FILE appears only when complete")
        var kept = try [UInt8](Data(contentsOf: URL(fileURLWithPath: partial)))
        let keptLines = kept.filter { $0 == 0x0A }.count
        #expect(keptLines > 0 && keptLines < corpus.records.count)
        #expect(reference.stdoutBytes.starts(with: kept), "the partial file is a prefix of the full output")
        // A line cut short (the kill came in the middle of a write) is dropped and run again.
        kept += Array(#"{"id":"wmt-99","report":{"alig"#.utf8)
        try Data(kept).write(to: URL(fileURLWithPath: partial))

        let resumed = try corpus.batch(["manifest.jsonl", "--jobs", "2", "--output", output, "--resume"])
        #expect(resumed.status == 2, "\(resumed.stderr)")
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: output))) == reference.stdoutBytes)
        #expect(!FileManager.default.fileExists(atPath: partial))

        // Resuming a finished run compares nothing again and keeps its bytes.
        let again = try corpus.batch(["manifest.jsonl", "--output", output, "--resume"])
        #expect(again.status == 2)
        // Standard error says what was written where, then why the exit status is 2.
        #expect(
            again.stderrLines.first
                == "parallax: wrote \(corpus.records.count) lines (\(corpus.records.count - 8) compared, 8 errors) to \(output)",
            "\(again.stderr)")
        let quiet = try corpus.batch(["manifest.jsonl", "--output", output, "--resume", "--quiet"])
        #expect(quiet.stderrLines.count == 1 && quiet.stderr.contains("records could not be compared"), "\(quiet.stderr)")
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: output))) == reference.stdoutBytes)
    }

    @Test("--resume refuses an output that is not a run of this manifest; --resume needs --output")
    func resumeChecksTheOutput() throws {
        let scratch = try Scratch()
        try scratch.file("a.txt", "The council met on Monday. It approved the budget.\n")
        try scratch.file("b.txt", "On Monday the council met. The budget was approved.\n")
        try scratch.file(
            "m.jsonl", #"{"id": "one", "a": "a.txt", "b": "b.txt"}"# + "\n" + #"{"id": "two", "a": "a.txt", "b": "b.txt"}"# + "\n")
        try scratch.file("out.jsonl.partial", #"{"error":"x","id":"other","status":"error"}"# + "\n")
        let result = try ParallaxCommand.run(["batch", "m.jsonl", "-o", "out.jsonl", "--resume"], currentDirectory: scratch.folder)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("out.jsonl.partial: line 1 is for id other, but the manifest's record there is one"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.jsonl")))
        let usage = try ParallaxCommand.run(["batch", "m.jsonl", "--resume"], currentDirectory: scratch.folder)
        #expect(usage.status == 2 && usage.stderr.contains("--resume needs --output"))
        let over = try ParallaxCommand.run(["batch", "m.jsonl", "-o", "m.jsonl"], currentDirectory: scratch.folder)
        #expect(over.status == 2 && over.stderr.contains("refusing to write over it"))
        #expect(try String(contentsOfFile: scratch.path("m.jsonl"), encoding: .utf8).hasPrefix(#"{"id": "one""#))
        let missing = try ParallaxCommand.run(["batch", "nothing.jsonl"], currentDirectory: scratch.folder)
        ParallaxCommand.expectInputError(missing, file: "nothing.jsonl", problem: ["no such file"])
    }

    @Test("--check applies each pair's policy: passed on each line, exit 1 when one fails; --summary-only drops the documents")
    func checkAndSummaryOnly() throws {
        let scratch = try Scratch()
        let chinaDaily = try String(contentsOfFile: TestPaths.june2021ChinaDaily, encoding: .utf8)
        let official = try String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8)
        try scratch.file("a.txt", chinaDaily)
        try scratch.file("b.txt", official)
        try scratch.file("strict.yml", "failOn: info\n")
        try scratch.file(
            "lenient.yml",
            "thresholds:\n  minCoverageA: 0.01\nfailOn: error\nseverity:\n"
                + FindingCategory.allCases.map { "  \($0.rawValue): info\n" }.joined())
        try scratch.file(
            "m.jsonl",
            [
                #"{"id": "strict", "a": "a.txt", "b": "b.txt", "config": "strict.yml"}"#,
                #"{"id": "lenient", "a": "a.txt", "b": "b.txt", "config": "lenient.yml"}"#,
            ].joined(separator: "\n") + "\n")
        let checked = try ParallaxCommand.run(["batch", "m.jsonl", "--check"], currentDirectory: scratch.folder)
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.stderr.contains("1 of 2 pairs failed the policy"))
        let lines = Self.lines(checked.stdoutBytes)
        try #require(lines.count == 2)
        #expect(try Self.object(lines[0])["passed"] as? Bool == false)
        #expect(try Self.object(lines[1])["passed"] as? Bool == true)
        let plain = try ParallaxCommand.run(["batch", "m.jsonl"], currentDirectory: scratch.folder)
        #expect(plain.status == 0 && !plain.stdout.contains("\"passed\""))
        // The manifest on standard input: its paths are relative to the current folder.
        let piped = try ParallaxCommand.run(
            ["batch", "-"], stdin: Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path("m.jsonl")))),
            currentDirectory: scratch.folder)
        #expect(piped.status == 0 && piped.stdoutBytes == plain.stdoutBytes)

        let summary = try ParallaxCommand.run(["batch", "m.jsonl", "--summary-only"], currentDirectory: scratch.folder)
        #expect(summary.status == 0)
        let full = try Self.object(Self.lines(plain.stdoutBytes)[0])["report"] as? [String: Any]
        let short = try Self.object(Self.lines(summary.stdoutBytes)[0])["report"] as? [String: Any]
        #expect((short?["documents"] as? [Any])?.isEmpty == true && (short?["alignments"] as? [Any])?.isEmpty == true)
        #expect((full?["documents"] as? [Any])?.count == 2)
        #expect((short?["findings"] as? NSArray) == (full?["findings"] as? NSArray))
        #expect((short?["findings"] as? NSArray)?.count ?? 0 > 0)
        #expect((short?["summary"] as? NSDictionary) == (full?["summary"] as? NSDictionary))
    }

    @Test(
        "On a terminal: a progress line for batch (pairs, rate, time left) and for a long compare or check (the step); none with --quiet",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func progressOnTerminal() throws {
        let scratch = try Scratch()
        let (a, b) = (scratch.path("a.txt"), scratch.path("b.txt"))
        try scratch.file("a.txt", try String(contentsOfFile: TestPaths.june2021ChinaDaily, encoding: .utf8))
        try scratch.file("b.txt", try String(contentsOfFile: TestPaths.june2021Readout, encoding: .utf8))
        try scratch.file("m.jsonl", (1...3).map { #"{"id": "p\#($0)", "a": "a.txt", "b": "b.txt"}"# }.joined(separator: "\n") + "\n")
        // Nothing fails this policy, so that check exits 0.
        try scratch.file("lenient.yml", "severity:\n" + FindingCategory.allCases.map { "  \($0.rawValue): info\n" }.joined())
        let terminal = { (arguments: [String], environment: [String: String]) throws -> String in
            try CompareFormatTests.runOnTerminal(arguments, environment: environment)
        }
        let batch = try terminal(["batch", scratch.path("m.jsonl"), "-o", scratch.path("out.jsonl"), "--jobs", "1"], [:])
        #expect(batch.contains("\rparallax: batch: 1 of 3 pairs, "), "\(batch)")
        #expect(batch.contains("pairs/s, about "), "\(batch)")
        #expect(!batch.contains("\u{1B}"), "no escape sequence: \(batch)")
        // The progress line is cleared at the end; then the note of the file written.
        let note = "parallax: wrote 3 lines (3 compared, 0 errors) to \(scratch.path("out.jsonl"))"
        #expect(batch.hasSuffix(" \r" + note + "\r\n") || batch.hasSuffix(" \r" + note + "\n"), "cleared at the end: \(batch.suffix(160))")
        #expect(batch.dropLast(note.count + 2).split(separator: "\r").last?.allSatisfy { $0 == " " } == true, "\(batch.suffix(160))")
        #expect(try String(contentsOfFile: scratch.path("out.jsonl"), encoding: .utf8).split(separator: "\n").count == 3)
        let quiet = try terminal(["batch", scratch.path("m.jsonl"), "-o", scratch.path("quiet.jsonl"), "--quiet"], [:])
        #expect(quiet.isEmpty, "\(quiet)")

        // A comparison shows its step once it has run longer than the delay (here none): every
        // step, however short, for the redrawing limit (five a second) does not hold a new step back.
        let now = ["PARALLAX_PROGRESS_DELAY": "0"]
        let compare = try terminal(["compare", a, b, "-o", scratch.path("report.txt")], now)
        for step in [
            "reading the accounts (step 1 of 4)", "linking sentences (step 2 of 4)", "finding the differences (step 3 of 4)",
            "writing the report (step 4 of 4)",
        ] {
            #expect(compare.contains("\rparallax: " + step), "\(compare)")
        }
        let check = try terminal(
            ["check", a, b, "--config", scratch.path("lenient.yml"), "-o", scratch.path("check.json"), "--format", "json"], now)
        #expect(check.contains("\rparallax: pair 1 of 1: reading the accounts (step 1 of 4)"), "\(check)")
        let quietCompare = try terminal(["compare", a, b, "-o", scratch.path("report2.txt"), "--quiet"], now)
        #expect(quietCompare.isEmpty, "\(quietCompare)")
        // A comparison shorter than the delay (a second by default) shows nothing.
        let quick = try terminal(["compare", a, b, "-o", scratch.path("report3.txt")], ["PARALLAX_PROGRESS_DELAY": "60"])
        #expect(!quick.contains("(step "), "no progress line: \(quick)")
        #expect(quick.hasPrefix("parallax: wrote the terminal report"), "only the note of the file written: \(quick)")
    }
}
