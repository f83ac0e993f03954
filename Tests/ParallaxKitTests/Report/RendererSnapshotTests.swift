import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// One rendering of a report, for snapshot tests.
struct Rendering: Sendable, CustomTestStringConvertible {
    enum Format: Sendable {
        case terminal(width: Int, color: Bool)
        case markdown, html, json
    }

    let format: Format

    var testDescription: String { suffix }

    /// The snapshot file's name after the report's name.
    var suffix: String {
        switch format {
        case .terminal(let width, let color): "terminal-\(width)\(color ? "-color" : "").txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }

    func render(_ report: Report) throws -> String {
        switch format {
        case .terminal(let width, let color): TerminalRenderer.render(report, options: .init(width: width, color: color))
        case .markdown: MarkdownRenderer.render(report)
        case .html: HTMLRenderer.render(report)
        case .json: try JSONOutput.encode(report)
        }
    }

    static let all: [Rendering] = [
        Rendering(format: .terminal(width: 80, color: false)), Rendering(format: .terminal(width: 80, color: true)),
        Rendering(format: .terminal(width: 160, color: false)), Rendering(format: .terminal(width: 160, color: true)),
        Rendering(format: .markdown), Rendering(format: .html), Rendering(format: .json),
    ]
}

@Suite("Renderer snapshots")
struct RendererSnapshotTests {
    /// The June 2021 pair as the engine reports it today, with paths relative to the package.
    /// These snapshots change when the engine's findings do: re-record them then
    /// (`RECORD_SNAPSHOTS=1 swift test --filter RendererSnapshotTests`) and read the diff.
    static func june2021() throws -> Report {
        let a = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let b = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        var report = Comparison(a: a, b: b).report
        report.documents[0].path = "Fixtures/2021-06-28-xi-putin-video-call/china-daily.txt"
        report.documents[1].path = "Fixtures/2021-06-28-xi-putin-video-call/official-readout.txt"
        return report
    }

    @Test("Hand-made report (stable)", arguments: Rendering.all)
    func handMade(_ rendering: Rendering) throws {
        expectSnapshot(try rendering.render(HandMadeReport.tiny()), named: "tiny.\(rendering.suffix)")
    }

    /// The June 2021 pair through every renderer. It changes whenever the engine's findings do:
    /// then `Scripts/record-outputs` re-records it (with the reports and the fixtures' baseline),
    /// and the diff is read before it is committed.
    @Test("June 2021 pair", arguments: Rendering.all)
    func june(_ rendering: Rendering) throws {
        let text = try rendering.render(Self.june2021())
        expectSnapshot(text, named: "june-2021.\(rendering.suffix)")
    }

    @Test(
        "Not the same event, or unsure: said first, with the evidence, and the findings still listed",
        arguments: [EventVerdict.different, .unsure])
    func notSameEvent(_ verdict: EventVerdict) throws {
        var report = try HandMadeReport.tiny()
        report.summary.sameEvent = false
        report.summary.event = EventEvidence(
            verdict: verdict, score: 0.05, agreeing: ["Nairobi"], conflicting: ["A is dated 2021-06-28, B 2025-05-08"])
        let terminal = TerminalRenderer.render(report, options: .init(width: 80, color: false))
        #expect(terminal.hasPrefix(verdict == .unsure ? "SAME EVENT UNSURE" : "NOT THE SAME EVENT"))
        #expect(terminal.contains("Conflict: A is dated 2021-06-28, B 2025-05-08"))
        #expect(terminal.contains("1 ✖ error · number · "), "the findings still listed")
        let markdown = MarkdownRenderer.render(report)
        #expect(
            markdown.contains(
                verdict == .unsure ? "unsure whether these accounts describe the same event" : "do not appear to describe the same event"))
        #expect(markdown.contains("#### Findings"))
        let html = HTMLRenderer.render(report)
        #expect(html.contains("class=\"alarm\"") && html.contains("A is dated 2021-06-28, B 2025-05-08"))
    }

    @Test("Terminal lines fit the width", arguments: [40, 80, 99, 100, 160])
    func fitsWidth(_ width: Int) throws {
        for report in [try HandMadeReport.tiny(), try Self.june2021()] {
            let text = TerminalRenderer.render(report, options: .init(width: width, color: false))
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(DisplayWidth.of(line)) columns: \(line)")
            }
        }
    }

    @Test("Markdown stops at its limits and says how many findings it left out")
    func markdownTruncates() throws {
        let report = try Self.june2021()
        let short = MarkdownRenderer.render(report, options: .init(maxFindings: 3))
        #expect(short.contains("3. **"))
        #expect(!short.contains("4. **"))
        #expect(short.contains("\(report.findings.count - 3) more findings not shown"))
        let small = MarkdownRenderer.render(report, options: .init(maxCharacters: 3000))
        #expect(small.count <= 3000)
        #expect(small.contains("more finding"))
    }

    @Test("Display width: wide, combining, emoji")
    func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("北京") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }
}

@Suite("Renderers escape input")
struct RendererEscapingTests {
    static func noRawControls(_ text: String, allowingSGR: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        var rest = text
        if allowingSGR {
            // Our own colour sequences, ESC [ digits ; m, are the only escapes allowed.
            rest = rest.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        }
        let raw = rest.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || ($0.value >= 0x7F && $0.value < 0xA0) }
        #expect(raw.isEmpty, "raw controls: \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test("HTML: markup, quotes and controls from the input are escaped")
    func html() throws {
        let html = HTMLRenderer.render(try HandMadeReport.hostileReport())
        Self.noRawControls(html)
        #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script element")
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&amp; &quot;quotes&quot; &#39;single&#39;"))
        #expect(html.contains("\\u{1B}[31mred"))
        #expect(html.contains("in\\u{1B}[2Jput&lt;b&gt;.txt"))
        // The script holds no input.
        let script = try #require(html.range(of: "<script>")).upperBound
        let scriptText = html[script...]
        #expect(!scriptText.contains("alert"))
        #expect(!scriptText.contains("quotes"))
    }

    @Test("Markdown: markup, quotes and controls from the input are escaped")
    func markdown() throws {
        let markdown = MarkdownRenderer.render(try HandMadeReport.hostileReport())
        Self.noRawControls(markdown)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("&amp;"))
    }

    @Test("Terminal: no escape sequence from the input reaches the terminal", arguments: [false, true])
    func terminal(color: Bool) throws {
        let report = try HandMadeReport.hostileReport()
        for width in [60, 160] {
            let text = TerminalRenderer.render(report, options: .init(width: width, color: color))
            Self.noRawControls(text, allowingSGR: color)
            #expect(!text.contains("\u{1B}]"))
            #expect(!text.contains("\u{07}"))
            #expect(!text.contains("\u{1B}[31mred"))
            #expect(!text.contains("\u{1B}[2J"))
            #expect(text.contains("\\u{1B}[31mred"))
            #expect(text.contains("in\\u{1B}[2Jput<b>.txt"))
        }
    }

    @Test("A script string escapes what could end the element")
    func scriptJSON() {
        #expect(HTMLRenderer.scriptJSON("</script><!--&'\"\\\u{2028}") == #""\u003c/script\u003e\u003c!--\u0026\u0027\"\\\u2028""#)
    }
}
