import Foundation
import ParallaxTestSupport
import Testing

/// `parallax segment --format json`, parsed.
struct SegmentJSON {
    struct Sentence: Equatable {
        var index: Int, text: String, start: Int, end: Int, line: Int, column: Int
    }

    let object: [String: Any]
    let sentences: [Sentence]
    var encoding: String? { object["encoding"] as? String }
    var path: String? { object["path"] as? String }
    var sha256: String? { object["sha256"] as? String }

    init(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // Nothing on standard error but the warning that says a guessed encoding.
        #expect(!result.signaled && result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.isEmpty || result.stderrLines.allSatisfy { $0.contains("is not UTF-8; read as") }, "\(result.stderr)",
            sourceLocation: sourceLocation)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdoutBytes))
        object = try #require(parsed as? [String: Any], sourceLocation: sourceLocation)
        let list = try #require(object["sentences"] as? [[String: Any]], sourceLocation: sourceLocation)
        sentences = try list.map { s in
            try Sentence(
                index: #require(s["index"] as? Int, sourceLocation: sourceLocation),
                text: #require(s["text"] as? String, sourceLocation: sourceLocation),
                start: #require(s["start"] as? Int, sourceLocation: sourceLocation),
                end: #require(s["end"] as? Int, sourceLocation: sourceLocation),
                line: #require(s["line"] as? Int, sourceLocation: sourceLocation),
                column: #require(s["column"] as? Int, sourceLocation: sourceLocation))
        }
    }

    static func segment(_ path: String, stdin: [UInt8]? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> SegmentJSON {
        try SegmentJSON(
            ParallaxCommand.run(["segment", path, "--format", "json"], stdin: stdin, sourceLocation: sourceLocation),
            sourceLocation: sourceLocation)
    }
}

/// An encoding `parallax segment` must decode, and the name it must report.
struct EncodedInput: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let bytes: [UInt8]
    let encoding: String

    static let text = "He said “we will” do it. The café was closed 🌍 today.\nA second line, naïve.\n"

    static let all: [EncodedInput] = [
        EncodedInput(testDescription: "UTF-8", bytes: Array(text.utf8), encoding: "UTF-8"),
        EncodedInput(testDescription: "UTF-8 with BOM", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), encoding: "UTF-8"),
        EncodedInput(
            testDescription: "UTF-16LE with BOM",
            bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, encoding: "UTF-16LE"),
        EncodedInput(
            testDescription: "UTF-16BE with BOM",
            bytes: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, encoding: "UTF-16BE"),
        EncodedInput(
            testDescription: "UTF-32LE with BOM",
            bytes: [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } },
            encoding: "UTF-32LE"),
    ]
}

@Suite("Segment output")
struct SegmentOutputTests {
    // MARK: - Encodings

    @Test("Decoded to the same sentences and UTF-8 offsets, encoding reported", arguments: EncodedInput.all)
    func encodings(_ input: EncodedInput) throws {
        let scratch = try Scratch()
        let reference = try SegmentJSON.segment(scratch.file("reference.txt", EncodedInput.text))
        let path = try scratch.file("input.txt", input.bytes)
        let json = try SegmentJSON.segment(path)
        #expect(json.encoding == input.encoding)
        #expect(json.sentences == reference.sentences)
        #expect(json.sentences.map(\.text) == ["He said “we will” do it.", "The café was closed 🌍 today.", "A second line, naïve."])
        // Offsets are into the decoded UTF-8, a byte order mark excluded.
        let utf8 = Array(EncodedInput.text.utf8)
        for sentence in json.sentences {
            #expect(String(decoding: utf8[sentence.start..<sentence.end], as: UTF8.self) == sentence.text)
        }
        #expect(json.sentences.first?.start == 0)
        #expect(json.sha256 == SHA256Sum.of(path))

        let text = try ParallaxCommand.run(["segment", path])
        ParallaxCommand.expectSuccess(text)
        #expect(text.stdout.hasPrefix("\(path) (\(input.encoding)): 3 sentences"))
    }

    @Test("Windows-1252 curly quotes are decoded and the encoding reported")
    func windows1252() throws {
        let scratch = try Scratch()
        let bytes: [UInt8] =
            Array("He said ".utf8) + [0x93] + Array("we will".utf8) + [0x94]
            + Array(" do it. The caf".utf8) + [0xE9] + Array(" was closed, or so ".utf8)
            + [0x96] + Array(" they say.\nIt".utf8) + [0x92] + Array("s over.\n".utf8)
        let path = try scratch.file("cp1252.txt", bytes)
        let json = try SegmentJSON.segment(path)
        #expect(json.encoding == "windows-1252")
        #expect(json.sentences.map(\.text) == ["He said “we will” do it.", "The café was closed, or so – they say.", "It’s over."])
        #expect(json.sentences.map(\.line) == [1, 1, 2])
        #expect(json.sha256 == SHA256Sum.of(path))

        let text = try ParallaxCommand.run(["segment", path])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("\(path) (windows-1252): 3 sentences"))
        #expect(text.stdout.contains("He said “we will” do it."))
        // The guess is said, once, on standard error (issue 15: no silent mojibake).
        #expect(
            text.stderr
                == "parallax: warning: \(path) is not UTF-8; read as windows-1252, the encoding it seems to be in (convert it to UTF-8 if its text looks wrong)\n"
        )
    }

    /// ICU's best guess for these few words of windows-1251 Russian is ISO-8859-8-I (Hebrew),
    /// which has no character for 0xEE; its next guesses are tried, and windows-1251 fits.
    @Test("A short windows-1251 text is decoded by ICU's next guess when the best one cannot")
    func windows1251() throws {
        let scratch = try Scratch()
        let path = try scratch.file("cp1251.txt", [0xC1, 0xE2, 0xE5, 0x20, 0xE4, 0xEE, 0xEC, 0xE0, 0x2E, 0x0A])
        let json = try SegmentJSON.segment(path)
        #expect(json.encoding == "windows-1251")
        #expect(json.sentences.map(\.text) == ["Бве дома."])
        let text = try ParallaxCommand.run(["segment", path])
        #expect(text.stdout.hasPrefix("\(path) (windows-1251): 1 sentence, 0 boilerplate"))
        #expect(text.stderr.contains("is not UTF-8; read as windows-1251"))
        // compare says it for each guessed input, and nothing for a UTF-8 one.
        let utf8 = try scratch.file("utf8.txt", "Две дома.\n")
        let compared = try ParallaxCommand.run(["compare", path, utf8, "--no-config", "--format", "json"])
        #expect(compared.status == 0)
        #expect(
            compared.stderrLines == [
                "parallax: warning: \(path) is not UTF-8; read as windows-1251, the encoding it seems to be in (convert it to UTF-8 if its text looks wrong)"
            ])
        let plain = try ParallaxCommand.run(["compare", utf8, utf8, "--no-config", "--format", "json"])
        ParallaxCommand.expectSuccess(plain)
    }

    /// The shell makes the Latin-1 name "caf\xE9.txt" (not UTF-8), which Swift's command line
    /// turns into "caf\u{FFFD}.txt"; the file must still be found and read.
    @Test("A file whose name is not UTF-8 is read")
    func nonUTF8FileName() throws {
        let scratch = try Scratch()
        let binary = try #require(ParallaxCommand.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c",
            #"cd "$1" && name="$(printf 'caf\351.txt')" && printf 'One sentence. Two sentences.\n' > "$name" && exec "$2" segment "$name""#,
            "sh", scratch.folder.path, binary.path,
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout.contains("2 sentences"), "\(stdout)")
        #expect(stdout.contains("One sentence."))
    }

    @Test("A short Latin-1 text without NUL bytes is not taken for UTF-16")
    func shortLegacyText() throws {
        // ICU's detector calls these six bytes UTF-16BE (and decodes them as CJK).
        let scratch = try Scratch()
        let json = try SegmentJSON.segment(scratch.file("short.txt", Array("Caf".utf8) + [0xE9] + Array(".\n".utf8)))
        #expect(json.sentences.map(\.text) == ["Café."])
        #expect(json.encoding == "windows-1252")
    }

    @Test("CRLF line endings give the same sentences as LF, with the right lines")
    func crlf() throws {
        let scratch = try Scratch()
        let lf = "First sentence here. Second one\nwraps onto line two.\n\nA new paragraph on line four.\nAnd line five.\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try SegmentJSON.segment(scratch.file("lf.txt", lf))
        let b = try SegmentJSON.segment(scratch.file("crlf.txt", crlf))
        #expect(
            a.sentences.map(\.text) == [
                "First sentence here.", "Second one wraps onto line two.", "A new paragraph on line four.", "And line five.",
            ])
        // The text keeps every byte (CR LF is two spaces); collapsed, the sentences are the same.
        #expect(b.sentences.map { collapsingSpaces(ArraySlice($0.text.utf8)) } == a.sentences.map(\.text))
        #expect(b.sentences.map(\.line) == [1, 1, 4, 5])
        #expect(b.sentences.map(\.column) == a.sentences.map(\.column))
        let bytes = Array(crlf.utf8)
        for sentence in b.sentences {
            #expect(spacingLineBreaks(bytes[sentence.start..<sentence.end]) == sentence.text)
        }
    }

    @Test("A lone CR ends a line too")
    func lonelyCR() throws {
        let scratch = try Scratch()
        let json = try SegmentJSON.segment(scratch.file("cr.txt", "Line one here.\r\rLine three here.\r"))
        #expect(json.sentences.map(\.text) == ["Line one here.", "Line three here."])
        #expect(json.sentences.map(\.line) == [1, 3])
    }

    @Test("- reads standard input")
    func standardInput() throws {
        let scratch = try Scratch()
        let text = "Read from a pipe. Two sentences.\n"
        let file = try SegmentJSON.segment(scratch.file("same.txt", text))
        let json = try SegmentJSON.segment("-", stdin: Array(text.utf8))
        #expect(json.path == "-")
        #expect(json.sentences == file.sentences)
        #expect(json.sha256 == file.sha256)
        let plain = try ParallaxCommand.run(["segment", "-"], stdin: Array(text.utf8))
        ParallaxCommand.expectSuccess(plain)
        #expect(plain.stdout.hasPrefix("<stdin> (UTF-8): 2 sentences"))
        #expect(plain.stdout.contains("Read from a pipe."))
    }

    // MARK: - Untrusted text

    @Test("Control characters and ANSI escapes in the text are shown escaped", arguments: ["text", "json"])
    func controlsInText(_ format: String) throws {
        let scratch = try Scratch()
        let text = "Red \u{1B}[31malert\u{1B}[0m here. A bell \u{07} rings. Clear \u{9B}2J screen \u{7F} now.\nRight\u{202E}txet.\n"
        let path = try scratch.file("ansi.txt", text)
        let result = try ParallaxCommand.run(["segment", path, "--format", format])
        ParallaxCommand.expectSuccess(result)
        ParallaxCommand.expectNoRawControls(result)
        #expect(!result.stdout.unicodeScalars.contains("\u{202E}"), "bidi override reached stdout raw")
        if format == "text" {
            #expect(result.stdout.contains("Red \\u{1B}[31malert\\u{1B}[0m here."))
        } else {
            let json = try SegmentJSON(result)
            // Escaped in JSON, the text is still exact.
            #expect(json.sentences.first?.text == "Red \u{1B}[31malert\u{1B}[0m here.")
            #expect(json.sentences.contains { $0.text.contains("\u{9B}2J") })
            #expect(json.sentences.last?.text == "Right\u{202E}txet.")
            #expect(result.stdout.contains("Clear \\u009B2J screen \\u007F now."))
        }
    }

    @Test("An ANSI escape in the file name is shown escaped", arguments: ["text", "json"])
    func controlsInName(_ format: String) throws {
        let scratch = try Scratch()
        let path = try scratch.file("evil\u{1B}[2J\u{1B}[31mname.txt", "Plain text. Nothing odd.\n")
        let result = try ParallaxCommand.run(["segment", path, "--format", format])
        ParallaxCommand.expectSuccess(result)
        ParallaxCommand.expectNoRawControls(result)
        if format == "text" {
            #expect(result.stdout.hasPrefix(path.replacingOccurrences(of: "\u{1B}", with: "\\u{1B}") + " (UTF-8)"))
        } else {
            #expect(try SegmentJSON(result).path == path)
        }
    }

    // MARK: - Size

    @Test("A 10 MB single line is processed", arguments: ["sentences", "no punctuation"])
    func hugeLine(_ kind: String) throws {
        let scratch = try Scratch()
        let unit = kind == "sentences" ? "The minister said the talks were frank and useful. " : "word "
        let count = 10_000_000 / unit.utf8.count
        let path = try scratch.file("huge.txt", String(repeating: unit, count: count))
        let result = try ParallaxCommand.run(["segment", path], timeLimit: 600)
        ParallaxCommand.expectSuccess(result)
        let lines = result.stdout.split(separator: "\n")
        // Without punctuation the line is one "sentence" of two million words, cut into pieces of
        // 200 tokens (the sentence limit, `LongSentences.maxTokens`): the same word throughout
        // is never a cut word, so every cut is at the limit.
        let expected = kind == "sentences" ? count : count / 200
        #expect(
            lines.first?.hasSuffix(": \(expected) \(expected == 1 ? "sentence" : "sentences"), 0 boilerplate, 0 duplicate") == true,
            "\(lines.first ?? "")")
        #expect(lines.count == expected + 1)
    }

    // MARK: - JSON contract

    @Test(
        "JSON for a fixture: keys, sha256 as sha256sum prints it, offsets into the file",
        arguments: [
            TestPaths.june2021ChinaDaily, TestPaths.june2021Readout, TestPaths.may2025Moscow,
            TestPaths.march2023Kremlin, TestPaths.april2021Dialogue,
        ])
    func fixtureJSON(_ path: String) throws {
        let json = try SegmentJSON.segment(path)
        #expect(Set(json.object.keys) == ["id", "path", "encoding", "sha256", "sentences"])
        #expect(json.object["id"] as? String == "A")
        #expect(json.path == path)
        #expect(json.encoding == "UTF-8")
        #expect(json.sha256 == SHA256Sum.of(path))
        #expect(!json.sentences.isEmpty)
        #expect(json.sentences.map(\.index) == Array(json.sentences.indices))
        let sentenceKeys: Set<String> = ["index", "text", "start", "end", "line", "column", "boilerplate", "duplicateOf", "paragraph"]
        for case let sentence as [String: Any] in json.object["sentences"] as? [Any] ?? [] {
            #expect(Set(sentence.keys) == sentenceKeys)
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var previousEnd = 0
        for sentence in json.sentences {
            #expect(sentence.start >= previousEnd && sentence.start < sentence.end && sentence.end <= bytes.count)
            previousEnd = sentence.end
            #expect(spacingLineBreaks(bytes[sentence.start..<min(sentence.end, bytes.count)]) == sentence.text)
        }
    }

    @Test("Output is byte-for-byte the same on a second run", arguments: ["text", "json"])
    func deterministic(_ format: String) throws {
        let first = try ParallaxCommand.run(["segment", TestPaths.june2021Readout, "--format", format])
        let second = try ParallaxCommand.run(["segment", TestPaths.june2021Readout, "--format", format])
        ParallaxCommand.expectSuccess(first)
        #expect(!first.stdoutBytes.isEmpty)
        #expect(first.stdoutBytes == second.stdoutBytes)
    }
}

/// Text as the report shows a sentence: runs of ASCII white space (line breaks included) as
/// one space. Other spaces, such as U+00A0, are content and stay.
/// The bytes with line breaks, tabs and form feeds as spaces: what a sentence's `text` is.
func spacingLineBreaks(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.map { [0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) ? UInt8(0x20) : $0 }, as: UTF8.self)
}

func collapsingSpaces(_ bytes: ArraySlice<UInt8>) -> String {
    bytes.split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) })
        .map { String(decoding: $0, as: UTF8.self) }
        .joined(separator: " ")
}

/// `sha256sum FILE`, for checking the report's digest against an independent tool.
enum SHA256Sum {
    static func of(_ path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}
