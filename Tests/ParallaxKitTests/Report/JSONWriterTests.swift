import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// ``JSONWriter`` must write the report's JSON byte for byte as `JSONEncoder` (and
/// ``JSONOutput``'s escapes) did: the report is a versioned contract.
@Suite("JSON writer")
struct JSONWriterTests {
    /// Text with every kind of character the two writers treat specially.
    static let awkward =
        "q\"b\\s/t\tn\nr\rb\u{8}f\u{C}nul\u{0}us\u{1F}esc\u{1B}[31m del\u{7F} csi\u{9B} nbsp\u{A0} "
        + "rlo\u{202E} lri\u{2066} pdi\u{2069} lrm\u{200E} alm\u{61C} ls\u{2028} ps\u{2029} é 北京 cafe\u{301} 😀 \u{FEFF}end"

    func written(_ body: (inout JSONWriter) throws -> Void) rethrows -> String {
        var writer = JSONWriter()
        try body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A span is the smallest report type with a free-text field.
    func span(_ text: String, start: Int = 3, sentences: [Int] = [1, 2]) -> Span {
        Span(sentences: sentences, start: start, end: start + text.utf8.count, text: text)
    }

    @Test("Escapes: JSONEncoder's below U+0020, uppercase \\u escapes for terminal controls, no escaped slash")
    func escapes() {
        #expect(written { $0.string("a\"b\\c/d") } == #""a\"b\\c/d""#)
        #expect(written { $0.string("\t\n\r\u{8}\u{C}") } == #""\t\n\r\b\f""#)
        #expect(written { $0.string("\u{0}\u{1B}\u{1F}") } == #""\u0000\u001b\u001f""#)
        #expect(written { $0.string("\u{7F}\u{9B}\u{202E}\u{2028}\u{61C}") } == #""\u007F\u009B\u202E\u2028\u061C""#)
        #expect(written { $0.string("é 北京 😀 \u{A0}") } == "\"é 北京 😀 \u{A0}\"")
        #expect(written { $0.string("") } == "\"\"")
    }

    @Test("Strings, numbers and empty containers as JSONEncoder writes them")
    func sameAsEncoder() throws {
        let values = [
            span(Self.awkward), span("", start: 0, sentences: []), span("plain", start: -42),
            span("x", start: Int.max - 1), span("y", start: Int.min),
        ]
        #expect(try JSONOutput.encode(values) == JSONOutput.encodedByFoundation(values))
        for text in Self.awkward.unicodeScalars.map({ String($0) }) {
            #expect(try JSONOutput.encode(span(text)) == JSONOutput.encodedByFoundation(span(text)), "\(text.unicodeScalars.map(\.value))")
        }
        let doubles = [0, -0.0, 1, 0.5, 0.001, 1e-05, 123_456_789, 1e21, 0.1 + 0.2, -3.25]
        let alignments = doubles.map {
            Alignment(a: [], b: [0, 7], score: $0, coverageA: -$0, coverageB: $0 / 3, moved: $0 > 0.5, uncertain: true, drift: $0 * 1000)
        }
        #expect(try JSONOutput.encode(alignments) == JSONOutput.encodedByFoundation(alignments))
        let summaries = [
            Summary(coverageA: 0, coverageB: 1, sameEvent: false, counts: [:]),
            Summary(coverageA: 0.25, coverageB: 0.125, sameEvent: true, counts: ["omission": 2, "addition": 1, "number": 10, "drift": 0]),
            Summary(
                coverageA: 1, coverageB: 1, sameEvent: true, counts: [:],
                limits: [
                    LimitNote(limit: "sentenceTokens", document: "A", value: 200, count: 3, message: "A: 3 \"sentences\"\u{1B} cut"),
                    LimitNote(limit: "sentenceTokens", document: "B", value: 200, count: 1, message: "B"),
                ]),
        ]
        #expect(try JSONOutput.encode(summaries) == JSONOutput.encodedByFoundation(summaries))
        #expect(try JSONOutput.encode([Alignment]()) == JSONOutput.encodedByFoundation([Alignment]()))
    }

    @Test("Infinity and NaN are not JSON")
    func nonFinite() {
        var writer = JSONWriter()
        #expect(throws: EncodingError.self) { try writer.double(.infinity) }
        #expect(throws: EncodingError.self) { try writer.double(.nan) }
        let alignment = Alignment(a: [0], b: [0], score: .nan, coverageA: 0, coverageB: 0, moved: false, uncertain: false)
        #expect(throws: EncodingError.self) { try JSONOutput.encode(alignment) }
    }

    @Test("Whole reports: hand-made, hostile, the June 2021 pair and a negative control, alone and as a list")
    func reports() throws {
        let june = try RendererSnapshotTests.june2021()
        let control = Comparison(
            a: try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A"),
            b: try TestPaths.document(TestPaths.march2023Kremlin, id: "B")
        ).report
        var awkward = try HandMadeReport.tiny()
        awkward.documents[0].sentences[0].text = Self.awkward
        awkward.findings[0].message = Self.awkward
        awkward.findings[0].a?.text = Self.awkward
        awkward.findings[0].b = nil
        for report in [try HandMadeReport.tiny(), try HandMadeReport.hostileReport(), june, control, awkward] {
            let written = try JSONOutput.encode(report)
            #expect(written == (try JSONOutput.encodedByFoundation(report)))
            #expect(written.hasSuffix("}\n"))
            #expect(try JSONOutput.encode(report.documents[1]) == JSONOutput.encodedByFoundation(report.documents[1]))
        }
        #expect(try JSONOutput.encode([june, control]) == JSONOutput.encodedByFoundation([june, control]))
    }

    /// A report larger than several of the streaming writer's chunks: the June 2021 pair's
    /// documents, each sentence repeated.
    static func largeReport() throws -> Report {
        var report = try RendererSnapshotTests.june2021()
        for d in report.documents.indices {
            let sentences = report.documents[d].sentences
            report.documents[d].sentences = (0..<20).flatMap { _ in sentences }
        }
        return report
    }

    @Test("Streamed in pieces, the report is the same bytes, never more than a piece and an element held")
    func streamed() throws {
        var awkward = try HandMadeReport.tiny()
        awkward.documents[0].sentences[0].text = Self.awkward
        awkward.findings[0].message = Self.awkward
        let large = try Self.largeReport()
        for report in [try HandMadeReport.tiny(), awkward, large] {
            var pieces: [[UInt8]] = []
            try JSONOutput.write(report) { pieces.append(Array($0)) }
            let whole = Array(try JSONOutput.encode(report).utf8)
            #expect(pieces.flatMap { $0 } == whole)
            // Every piece but the last ends at a line's start, before an element, and is about a
            // chunk long.
            for piece in pieces.dropLast() {
                #expect(piece.count >= JSONWriter.chunkSize && piece.count < JSONWriter.chunkSize + 4096)
                #expect(piece.last == 0x0A)
            }
        }
        #expect(Array(try JSONOutput.encode(large).utf8).count > 4 * JSONWriter.chunkSize)
        // Through the render entry point, for JSON and for a format made whole.
        for format in [ReportOutput.Format.json, .markdown] {
            var bytes: [UInt8] = []
            try ReportOutput.write([large], as: format) { bytes += $0 }
            #expect(bytes == Array(try ReportOutput.render([large], as: format).utf8))
        }
    }

    @Test("A long array is written on all cores a batch at a time: the same bytes, streamed in pieces at line starts")
    func concurrentArrays() throws {
        var report = try HandMadeReport.tiny()
        let count = 2 * JSONWriter.concurrentBatch + 37
        report.alignments = (0..<count).map {
            Alignment(
                a: [$0], b: $0 % 3 == 0 ? [] : [$0, $0 + 1], score: Double($0) / 7, coverageA: 0.5, coverageB: 1, moved: $0 % 5 == 0,
                uncertain: false, drift: $0 % 11 == 0 ? 0 : 0.25)
        }
        report.documents[0].sentences = (0..<count).map { i in
            var sentence = report.documents[0].sentences[0]
            sentence.index = i
            sentence.text = i % 100 == 0 ? Self.awkward : "Sentence \(i)."
            return sentence
        }
        let whole = try JSONOutput.encode(report)
        #expect(whole == (try JSONOutput.encodedByFoundation(report)))
        // The elements in order, whatever thread wrote them.
        let decoded = try JSONDecoder().decode(Report.self, from: Data(whole.utf8))
        #expect(decoded.alignments == report.alignments)
        #expect(decoded.documents[0].sentences.map(\.index) == Array(0..<count))
        var pieces: [[UInt8]] = []
        try JSONOutput.write(report) { pieces.append(Array($0)) }
        #expect(pieces.flatMap { $0 } == Array(whole.utf8))
        #expect(pieces.count > 4)
        for piece in pieces.dropLast() {
            #expect(piece.count >= JSONWriter.chunkSize && piece.count < JSONWriter.chunkSize + 4096)
            #expect(piece.last == 0x0A)
        }
        // One thread gives the same bytes.
        #expect(try Concurrently.onThisThread { try JSONOutput.encode(report) } == whole)
        // An element that is not JSON, deep in the second batch, fails the whole array.
        report.alignments[JSONWriter.concurrentBatch + 5].score = .nan
        #expect(throws: EncodingError.self) { try JSONOutput.encode(report) }
    }

    struct SinkFull: Error {}

    @Test("The sink's first error ends the output and is thrown")
    func sinkError() throws {
        var calls = 0
        #expect(throws: SinkFull.self) {
            try JSONOutput.write(try Self.largeReport()) { _ in
                calls += 1
                if calls == 2 { throw SinkFull() }
            }
        }
        #expect(calls == 2)
    }

    @Test("The written report reads back as the same report")
    func roundTrip() throws {
        let report = try HandMadeReport.tiny()
        let decoded = try JSONDecoder().decode(Report.self, from: Data(try JSONOutput.encode(report).utf8))
        #expect(decoded.findings == report.findings)
        #expect(decoded.alignments == report.alignments)
        #expect(decoded.summary == report.summary)
    }
}
