import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The CI formats: SARIF validated against the SARIF 2.1.0 schema (Python's jsonschema), JUnit
/// XML against the strict Ant schema (`xmllint --schema`), GitHub workflow commands' escaping,
/// and regions checked against the input files' bytes, computed here independently.
@Suite("CI formats")
struct CIFormatTests {
    // MARK: - Fixtures

    /// The June 2021 pair, compared with the default options, and its inputs' texts.
    static func june() throws -> (report: Report, sources: [SourceText]) {
        let a = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let b = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        return (Comparison(a: a, b: b).report, [a.source, b.source])
    }

    static func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any], sourceLocation: sourceLocation)
    }

    static func results(_ log: [String: Any]) -> [[String: Any]] {
        let runs = log["runs"] as? [[String: Any]] ?? []
        return runs.first?["results"] as? [[String: Any]] ?? []
    }

    @Test("The validators reject invalid documents (so a pass above means something)")
    func validatorsReject() {
        withKnownIssue("missing version and tool") {
            Validators.expectValidSARIF("{\"runs\": [{\"results\": []}]}")
        }
        withKnownIssue("a testsuite without its required attributes and elements") {
            Validators.expectValidJUnit("<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"x\"/></testsuites>\n")
        }
    }

    // MARK: - SARIF

    @Test("SARIF of the June 2021 pair validates against the SARIF 2.1.0 schema")
    func sarifValidates() throws {
        let (report, sources) = try Self.june()
        let sarif = SARIFRenderer.render([report], sources: sources)
        Validators.expectValidSARIF(sarif)
        #expect(sarif == SARIFRenderer.render([report], sources: sources), "deterministic")

        let log = try Self.json(sarif)
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "parallax")
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == FindingCategory.allCases.map { "parallax/\($0.rawValue)" })
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        #expect(artifacts.compactMap { ($0["hashes"] as? [String: String])?["sha-256"] } == report.documents.map(\.sha256))

        let results = Self.results(log)
        #expect(results.count == report.findings.count)
        #expect(
            Set(results.compactMap { ($0["partialFingerprints"] as? [String: String])?["parallax/v1"] }) == Set(report.findings.map(\.id)))
        let levels: [Severity: String] = [.error: "error", .warning: "warning", .info: "note"]
        for result in results {
            let id = (result["partialFingerprints"] as? [String: String])?["parallax/v1"]
            let finding = try #require(report.findings.first { $0.id == id })
            #expect(result["level"] as? String == levels[finding.severity])
            #expect(result["ruleId"] as? String == "parallax/\(finding.category.rawValue)")
            // No baseline here: only a finding on an uncertain link is suppressed, for review, with the reason.
            let suppressions = result["suppressions"] as? [[String: Any]]
            #expect((suppressions?.first?["status"] as? String) == (finding.uncertainReason == nil ? nil : "underReview"))
            #expect((result["properties"] as? [String: String])?["uncertain"] == finding.uncertainReason)
        }
    }

    /// A scalar offset into a file as a byte offset, line and column, computed from the file's
    /// bytes by splitting its scalars, not by the code under test.
    struct FilePosition: Equatable {
        var byte: Int
        var line: Int
        var column: Int
    }

    static func position(scalarOffset: Int, in scalars: [Unicode.Scalar]) -> FilePosition {
        var byte = 0
        var line = 1
        var lineStart = 0
        for (k, scalar) in scalars.prefix(scalarOffset).enumerated() {
            byte += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                lineStart = k + 1
            }
        }
        return FilePosition(byte: byte, line: line, column: scalarOffset - lineStart + 1)
    }

    @Test("SARIF regions agree with the input files' bytes (lines, columns, charOffset, snippets)")
    func sarifRegionsMatchFiles() throws {
        let (report, sources) = try Self.june()
        let log = try Self.json(SARIFRenderer.render([report], sources: sources))
        var files: [String: [Unicode.Scalar]] = [:]
        for document in report.documents {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: document.path))
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !bytes.contains(0x0D), "the check below assumes LF and no BOM")
            files[document.path] = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        }
        var checked = 0
        for result in Self.results(log) {
            let id = (result["partialFingerprints"] as? [String: String])?["parallax/v1"]
            let finding = try #require(report.findings.first { $0.id == id })
            let locations = (result["locations"] as? [[String: Any]] ?? []) + (result["relatedLocations"] as? [[String: Any]] ?? [])
            for location in locations {
                let physical = try #require(location["physicalLocation"] as? [String: Any])
                let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
                let path = try #require(
                    uri.hasPrefix("file://") ? String(uri.dropFirst(7)).removingPercentEncoding : uri.removingPercentEncoding)
                let scalars = try #require(files[path], "uri \(uri) names an input")
                guard let region = physical["region"] as? [String: Any] else {
                    // Only a note about a whole document has no region.
                    let side = report.documents.firstIndex { $0.path == path } == 0 ? finding.a : finding.b
                    #expect(side?.sentences.isEmpty == true, "\(id ?? "")")
                    continue
                }
                let offset = try #require(region["charOffset"] as? Int)
                let length = try #require(region["charLength"] as? Int)
                let start = Self.position(scalarOffset: offset, in: scalars)
                let end = Self.position(scalarOffset: offset + length, in: scalars)
                #expect(region["startLine"] as? Int == start.line)
                #expect(region["startColumn"] as? Int == start.column)
                #expect(region["endLine"] as? Int == end.line)
                #expect(region["endColumn"] as? Int == end.column)
                let snippet = (region["snippet"] as? [String: Any])?["text"] as? String
                var expected = String.UnicodeScalarView()
                expected.append(contentsOf: scalars[offset..<(offset + length)])
                #expect(snippet.map { Array($0.unicodeScalars) } == Array(expected))
                // The region is the finding's span on that side, in the report's byte offsets.
                let span = report.documents.firstIndex { $0.path == path } == 0 ? finding.a : finding.b
                #expect(span?.start == start.byte, "\(id ?? ""): byte offset of the region's start")
                #expect(span?.end == end.byte, "\(id ?? ""): byte offset of the region's end")
                checked += 1
            }
        }
        #expect(checked > 50, "regions checked: \(checked)")
        // The report's sentence positions agree with the same independent count.
        for document in report.documents {
            let scalars = try #require(files[document.path])
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: document.path)))
            for sentence in document.sentences.prefix(10) {
                let offset = String(decoding: bytes[..<sentence.start], as: UTF8.self).unicodeScalars.count
                let position = Self.position(scalarOffset: offset, in: scalars)
                #expect((sentence.line, sentence.column) == (position.line, position.column))
            }
        }
    }

    /// A text with CRLF line ends, a hard-wrapped sentence, accents and an astral scalar (one
    /// scalar, four UTF-8 bytes, two UTF-16 units).
    static let wrappedText = "Title line\r\n\r\nThe café 😀 opened\r\non Monday. Prices rose 5%.\r\n"

    static func wrappedReport(_ document: Document) throws -> Report {
        let utf8 = Array(document.source.utf8)
        let needle = Array("Monday".utf8)
        let start = try #require((0...(utf8.count - needle.count)).first { Array(utf8[$0..<($0 + needle.count)]) == needle })
        let sentence = try #require(document.sentences.first { $0.start <= start && start < $0.end })
        let span = Span(sentences: [sentence.index], start: start, end: start + needle.count, text: "Monday")
        let finding = Finding(id: "monday", category: .number, severity: .error, message: "Date differs.", a: span, b: nil)
        let record = DocumentRecord(document)
        return Report(
            documents: [record, record], alignments: [], findings: [finding],
            summary: Summary(coverageA: 1, coverageB: 1, sameEvent: true, counts: ["number": 1]))
    }

    @Test("Exact region inside a hard-wrapped sentence with CRLF and an astral scalar; estimated without the text")
    func wrappedRegion() throws {
        let document = try TestPaths.document(text: Self.wrappedText, path: "wrapped.txt")
        let report = try Self.wrappedReport(document)
        // Counted by hand: "Title line" 10 + CRLF 2 + CRLF 2 + "The café 😀 opened" 17 + CRLF 2 + "on " 3.
        let exact = try #require(
            SpanLocator(document: report.documents[0], sources: [document.source]).regions([report.findings[0].a]).first ?? nil)
        #expect(
            exact
                == SpanRegion(
                    startLine: 4, startColumn: 4, endLine: 4, endColumn: 10, charOffset: 36, charLength: 6,
                    snippet: "Monday", exact: true))
        let sarif = SARIFRenderer.render([report], sources: [document.source])
        Validators.expectValidSARIF(sarif)
        #expect(sarif.contains("\"charOffset\" : 36"))

        // Without the text: the sentence's first line, its column plus the scalars before (the
        // CRLF as two spaces), no character offset.
        let estimated = try #require(SpanLocator(document: report.documents[0], sources: []).regions([report.findings[0].a]).first ?? nil)
        #expect(estimated.exact == false && estimated.charOffset == nil && estimated.charLength == nil)
        #expect((estimated.startLine, estimated.startColumn) == (3, 1 + 17 + 2 + 3))
        let withoutText = SARIFRenderer.render([report])
        Validators.expectValidSARIF(withoutText)
        #expect(!withoutText.contains("charOffset"))
    }

    @Test("A UTF-16 input with a BOM: offsets in scalars of the decoded text, the BOM not counted")
    func utf16Region() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.wrappedText.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let source = try SourceText(bytes: bytes, path: "wrapped-utf16.txt")
        let document = try Document(source: source, id: "A")
        let report = try Self.wrappedReport(document)
        let region = try #require(
            SpanLocator(document: report.documents[0], sources: [source]).regions([report.findings[0].a]).first ?? nil)
        #expect((region.startLine, region.startColumn, region.charOffset, region.charLength) == (4, 4, 36, 6))
        let log = try Self.json(SARIFRenderer.render([report], sources: [source]))
        let artifact = try #require(((log["runs"] as? [[String: Any]])?.first?["artifacts"] as? [[String: Any]])?.first)
        #expect((artifact["encoding"] as? String)?.hasPrefix("UTF-16") == true)
    }

    @Test("SARIF: primary side, related location, suppressions, several reports in one run")
    func sarifSidesAndSuppressions() throws {
        let tiny = try HandMadeReport.tiny()
        let (june, sources) = try Self.june()
        let sarif = SARIFRenderer.render([tiny, june], suppressed: ["f-num"], sources: sources)
        Validators.expectValidSARIF(sarif)
        let log = try Self.json(sarif)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let results = Self.results(log)
        #expect(results.count == tiny.findings.count + june.findings.count)
        let artifacts = try #require(runs[0]["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == 4)

        func result(_ id: String) throws -> [String: Any] {
            try #require(results.first { ($0["partialFingerprints"] as? [String: String])?["parallax/v1"] == id })
        }
        func uri(_ location: [String: Any]?) -> String? {
            ((location?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        // An omission points at A, an addition at B, a word-level finding at B with A related.
        #expect(uri((try result("f-omit")["locations"] as? [[String: Any]])?.first) == "accounts/tass.txt")
        #expect(uri((try result("f-add")["locations"] as? [[String: Any]])?.first) == "accounts/xinhua.txt")
        #expect(try result("f-add")["relatedLocations"] == nil)
        let number = try result("f-num")
        #expect(uri((number["locations"] as? [[String: Any]])?.first) == "accounts/xinhua.txt")
        let related = try #require((number["relatedLocations"] as? [[String: Any]])?.first)
        #expect(uri(related) == "accounts/tass.txt")
        #expect((related["message"] as? [String: Any])?["text"] as? String == "A: “3”")
        let suppressions = try #require(number["suppressions"] as? [[String: Any]])
        #expect(suppressions.count == 1 && suppressions[0]["kind"] as? String == "external")
        #expect(try result("f-date")["suppressions"] == nil)
        // A note about a whole document: the file, no region.
        let note = try #require((try result("f-note")["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(note["region"] == nil)
    }

    @Test(
        "SARIF URIs: paths percent-encoded as URI references, absolute paths as file URIs",
        arguments: [
            ("a b/c%d#e?.txt", "a%20b/c%25d%23e%3F.txt"),
            ("x:y.txt", "x%3Ay.txt"),
            ("/abs/dir/é.txt", "file:///abs/dir/%C3%A9.txt"),
            ("./rel/a-b_c~d.txt", "./rel/a-b_c~d.txt"),
        ])
    func sarifURI(path: String, uri: String) {
        #expect(SARIFRenderer.uri(forPath: path) == uri)
    }

    @Test("SARIF escapes terminal controls from hostile input and still validates")
    func sarifHostile() throws {
        let sarif = SARIFRenderer.render([try HandMadeReport.hostileReport()])
        Validators.expectValidSARIF(sarif)
        #expect(!sarif.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(sarif.contains("in%1B%5B2Jput%3Cb%3E.txt"))
    }

    // MARK: - JUnit

    static let epoch = Date(timeIntervalSince1970: 1_624_838_400)  // 2021-06-28T00:00:00Z

    @Test("JUnit of the June 2021 pair validates against the strict Ant schema")
    func junitValidates() throws {
        let (report, sources) = try Self.june()
        let xml = JUnitRenderer.render([report], timestamp: Self.epoch, sources: sources)
        Validators.expectValidJUnit(xml)
        #expect(xml == JUnitRenderer.render([report], timestamp: Self.epoch, sources: sources), "deterministic")
        #expect(xml.contains("timestamp=\"2021-06-28T00:00:00\" hostname=\"localhost\""))
        #expect(xml.contains("tests=\"\(FindingCategory.allCases.count)\""))
        let errors = Set(report.findings.filter { $0.severity == .error }.map(\.category))
        #expect(xml.contains("failures=\"\(errors.count)\""))
        for category in errors {
            #expect(xml.contains("<testcase name=\"parallax/\(category.rawValue)\""))
        }
        // At warning, more categories fail.
        let atWarning = JUnitRenderer.render([report], timestamp: Self.epoch, failLevel: .warning, sources: sources)
        Validators.expectValidJUnit(atWarning)
        let warned = Set(report.findings.filter { $0.severity >= .warning }.map(\.category))
        #expect(atWarning.contains("failures=\"\(warned.count)\""))
    }

    @Test("JUnit: a suite per pair, ids from 0; accepted findings fail nothing; hostile text escaped")
    func junitSuitesAndEscaping() throws {
        let tiny = try HandMadeReport.tiny()
        let hostile = try HandMadeReport.hostileReport()
        let xml = JUnitRenderer.render(
            [tiny, hostile], timestamp: Self.epoch, failLevel: .warning,
            suppressed: ["f-num", "f-date"], hostname: "ci runner\n7")
        Validators.expectValidJUnit(xml)
        #expect(xml.contains("package=\"parallax\" id=\"0\"") && xml.contains("package=\"parallax\" id=\"1\""))
        #expect(xml.contains("hostname=\"ci runner 7\""))
        #expect(
            !xml.contains("name=\"parallax/number\" classname=\"accounts/tass.txt ↔ accounts/xinhua.txt\" time=\"0\">"),
            "both number findings are accepted")
        #expect(xml.contains("accepted\" value=\"2\""))
        #expect(!xml.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || ($0.value >= 0x7F && $0.value < 0xA0) })
        #expect(xml.contains("\\u{1B}[31mred"))
        #expect(xml.contains("&lt;script&gt;"))

        // Characters XML 1.0 cannot carry at all.
        var report = tiny
        report.findings[0].message = "NUL \u{0} BEL \u{7} VT \u{B} FFFE \u{FFFE} CR \r end ]]>"
        let strange = JUnitRenderer.render([report], timestamp: Self.epoch, failLevel: .info)
        Validators.expectValidJUnit(strange)
        #expect(strange.contains("NUL \\u{0} BEL \\u{7} VT \\u{B} FFFE \\u{FFFE} CR &#13; end ]]&gt;"))
    }

    @Test("JUnit timestamps: SOURCE_DATE_EPOCH, else now; UTC without a zone")
    func junitTimestamp() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(JUnitRenderer.timestamp(environment: ["SOURCE_DATE_EPOCH": "1624838400"], now: now) == Self.epoch)
        #expect(JUnitRenderer.timestamp(environment: [:], now: now) == now)
        #expect(JUnitRenderer.timestamp(environment: ["SOURCE_DATE_EPOCH": "soon"], now: now) == nil)
        #expect(JUnitRenderer.iso8601(Self.epoch) == "2021-06-28T00:00:00")
        #expect(JUnitRenderer.iso8601(Date(timeIntervalSince1970: 951_827_696)) == "2000-02-29T12:34:56")
        #expect(JUnitRenderer.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59")
        #expect(JUnitRenderer.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00")
    }

    // MARK: - GitHub

    @Test(
        "GitHub workflow commands: escaping of data and properties",
        arguments: [
            ("100% sure", "100%25 sure", "100%25 sure"),
            ("line\r\nnext", "line%0D%0Anext", "line%0D%0Anext"),
            ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
            (
                "esc \u{1B}[2J bel \u{7} nel \u{85} ls \u{2028} rlo \u{202E}",
                "esc \\u{1B}[2J bel \\u{7} nel \\u{85} ls \\u{2028} rlo \\u{202E}",
                "esc \\u{1B}[2J bel \\u{7} nel \\u{85} ls \\u{2028} rlo \\u{202E}"
            ),
            ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
        ])
    func githubEscaping(raw: String, data: String, property: String) {
        #expect(GitHubRenderer.escapeData(raw) == data)
        #expect(GitHubRenderer.escapeProperty(raw) == property)
    }

    @Test("GitHub: one line per finding, paths with commas, colons and % escaped, hostile text kept inside")
    func githubLines() throws {
        let b = try HandMadeReport.document(id: "B", path: "dir,x/a:b%.txt", ["Prices rose 5%, then\u{1B}[2J fell."])
        let a = try HandMadeReport.document(id: "A", path: "a.txt", ["Prices fell."])
        let finding = Finding(
            id: "g", category: .addition, severity: .warning, message: "50% up,\r\nnext: \u{1B}[31mred",
            a: nil, b: HandMadeReport.span(b, 0), weight: 1)
        let report = HandMadeReport.report(a: a, b: b, alignments: [], findings: [finding])
        let output = GitHubRenderer.render([report])
        #expect(
            output == "::warning file=dir%2Cx/a%3Ab%25.txt,line=1,endLine=1,col=1,endColumn=31,title=Parallax addition"
                + "::50%25 up,%0D%0Anext: \\u{1B}[31mred%0AB: “Prices rose 5%25, then\\u{1B}[2J fell.”\n")

        let tiny = try HandMadeReport.tiny()
        let lines = GitHubRenderer.render([tiny, try HandMadeReport.hostileReport()], suppressed: ["f-add"])
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.count - 1 == tiny.findings.count - 1 + 2)
        for line in lines.dropLast() {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "))
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
        }
        #expect(
            lines.contains {
                $0.hasPrefix("::error file=accounts/xinhua.txt,line=2,endLine=2,col=") && $0.contains("title=Parallax number::")
            })
        #expect(
            lines.contains {
                $0 == "::notice file=accounts/tass.txt,title=Parallax formatting::A uses straight quotes throughout.%0AA: the whole account"
            })
        #expect(!lines.contains { $0.contains("Only in B") }, "the accepted addition is left out")
    }

    @Test("GitHub lines of the June 2021 pair point at exact places")
    func githubJune() throws {
        let (report, sources) = try Self.june()
        let output = GitHubRenderer.render([report], sources: sources)
        let lines = output.split(separator: "\n")
        #expect(lines.count == report.findings.count)
        let levels = lines.map { $0.prefix { $0 != " " } }
        // A finding on an uncertain link is a notice, whatever its severity.
        #expect(
            levels.filter { $0 == "::error" }.count == report.findings.filter { $0.severity == .error && $0.uncertainReason == nil }.count)
        #expect(lines.filter { $0.contains("(uncertain link)") }.count == report.findings.filter { $0.uncertainReason != nil }.count)
    }
}

/// Runs the external validators. A missing validator is a recorded issue, never a silent pass.
enum Validators {
    static func resource(_ name: String, _ ext: String, sourceLocation: SourceLocation) -> URL? {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
            Issue.record("Resources/\(name).\(ext) is missing from the test bundle", sourceLocation: sourceLocation)
            return nil
        }
        return url
    }

    /// Runs `/usr/bin/env arguments…`; returns its status and its merged output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func withTemporaryFile(_ text: String, name: String, _ body: (URL) throws -> Void) throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        try body(url)
    }

    /// Validates with Python's jsonschema (Draft 4, the schema's draft); exit 3 when the module
    /// is missing.
    static let sarifScript = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 has no jsonschema module (Debian: python3-jsonschema; pip: jsonschema)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        log = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            print("/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300])
        sys.exit(1 if errors else 0)
        """

    static func expectValidSARIF(_ sarif: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let schema = resource("sarif-schema-2.1.0", "json", sourceLocation: sourceLocation) else { return }
        do {
            try withTemporaryFile(sarif, name: "log.sarif") { url in
                let (status, output) = try run(["python3", "-c", sarifScript, schema.path, url.path])
                switch status {
                case 0: break
                case 1: Issue.record("SARIF does not validate against the SARIF 2.1.0 schema:\n\(output)", sourceLocation: sourceLocation)
                case 3, 127:
                    Issue.record("Cannot validate SARIF: \(output.isEmpty ? "python3 not found" : output)", sourceLocation: sourceLocation)
                default: Issue.record("SARIF validator failed (status \(status)):\n\(output)", sourceLocation: sourceLocation)
                }
            }
        } catch {
            Issue.record("Cannot run the SARIF validator: \(error)", sourceLocation: sourceLocation)
        }
    }

    static func expectValidJUnit(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let schema = resource("JUnit", "xsd", sourceLocation: sourceLocation) else { return }
        do {
            try withTemporaryFile(xml, name: "junit.xml") { url in
                let (status, output) = try run(["xmllint", "--noout", "--nonet", "--schema", schema.path, url.path])
                switch status {
                case 0: break
                case 127:
                    Issue.record("Cannot validate JUnit XML: xmllint not found (Debian: libxml2-utils)", sourceLocation: sourceLocation)
                default:
                    Issue.record(
                        "JUnit XML does not validate against JUnit.xsd (status \(status)):\n\(output)", sourceLocation: sourceLocation)
                }
            }
        } catch {
            Issue.record("Cannot run xmllint: \(error)", sourceLocation: sourceLocation)
        }
    }
}
