import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// Checks a document's sentences against its bytes, with positions worked out here, not by
/// ``LineIndex``.
func expectOffsetsHold(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = document.source.utf8
    var previousEnd = 0
    for (i, sentence) in document.sentences.enumerated() {
        #expect(sentence.index == i, sourceLocation: sourceLocation)
        guard sentence.start >= previousEnd, sentence.start < sentence.end, sentence.end <= bytes.count else {
            Issue.record(
                "sentence \(i) is out of order or out of bounds: \(sentence.start)..<\(sentence.end) after \(previousEnd)",
                sourceLocation: sourceLocation)
            return
        }
        previousEnd = sentence.end
        // On scalar boundaries.
        #expect(bytes[sentence.start] & 0xC0 != 0x80, "sentence \(i) starts inside a scalar", sourceLocation: sourceLocation)
        #expect(
            sentence.end == bytes.count || bytes[sentence.end] & 0xC0 != 0x80, "sentence \(i) ends inside a scalar",
            sourceLocation: sourceLocation)
        // The bytes, line breaks and tabs as spaces, are the text, byte for byte.
        let spaced = bytes[sentence.start..<sentence.end].map { [0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains($0) ? UInt8(0x20) : $0 }
        #expect(
            Array(sentence.text.utf8) == spaced,
            "sentence \(i): bytes say \"\(String(decoding: spaced, as: UTF8.self))\", text is \"\(sentence.text)\"",
            sourceLocation: sourceLocation)
        // Line and column (1-based; the column in Unicode scalars).
        let before = String(decoding: bytes[0..<sentence.start], as: UTF8.self)
        let lines = before.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
        var line = 1
        var k = before.unicodeScalars.startIndex
        let scalars = before.unicodeScalars
        while k < scalars.endIndex {
            let s = scalars[k]
            if s == "\n" || s == "\r" {
                line += 1
                let next = scalars.index(after: k)
                if s == "\r", next < scalars.endIndex, scalars[next] == "\n" { k = next }
            }
            k = scalars.index(after: k)
        }
        let column = (lines.last?.count ?? 0) + 1
        #expect(sentence.line == line, "sentence \(i) line", sourceLocation: sourceLocation)
        #expect(sentence.column == column, "sentence \(i) column", sourceLocation: sourceLocation)
    }
}

@Suite("Sentence offsets")
struct SentenceOffsetsTests {
    @Test("Offsets, lines and columns of every seed sentence", arguments: Seed.all)
    func seedOffsets(_ seed: Seed) throws {
        let document = try seed.document()
        // A UTF-8 file without a byte order mark: the decoded input is the file's own bytes.
        #expect(document.source.utf8 == (try seed.bytes()))
        expectOffsetsHold(document)
    }

    @Test("Every non-space byte of a seed is in a sentence", arguments: Seed.all)
    func nothingLost(_ seed: Seed) throws {
        let document = try seed.document()
        var covered = [Bool](repeating: false, count: document.source.utf8.count)
        for sentence in document.sentences { for i in sentence.start..<sentence.end { covered[i] = true } }
        for (i, byte) in document.source.utf8.enumerated() where !covered[i] {
            #expect(
                byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09, "byte \(i) (0x\(String(byte, radix: 16))) is in no sentence")
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// (text, start, end, line, column) of each sentence.
        let sentences: [(String, Int, Int, Int, Int)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "two-byte letters before a sentence: column in scalars",
            bytes: Array("Caf\u{E9} au lait. Z\u{FC}rich is nice.".utf8),
            sentences: [("Caf\u{E9} au lait.", 0, 14, 1, 1), ("Z\u{FC}rich is nice.", 15, 31, 1, 15)]),
        Case(
            name: "a combining mark is a scalar of its own",
            bytes: Array("Cafe\u{301} is open. Yes.".utf8),
            sentences: [("Cafe\u{301} is open.", 0, 15, 1, 1), ("Yes.", 16, 20, 1, 16)]),
        Case(
            name: "a four-byte emoji is one scalar",
            bytes: Array("Xi \u{1F642} smiled. Then he left.".utf8),
            sentences: [("Xi \u{1F642} smiled.", 0, 15, 1, 1), ("Then he left.", 16, 29, 1, 14)]),
        Case(
            name: "CRLF line ends",
            bytes: Array("First line here.\r\nSecond one.\r\n".utf8),
            sentences: [("First line here.", 0, 16, 1, 1), ("Second one.", 18, 29, 2, 1)]),
        Case(
            name: "a soft-wrapped sentence keeps its first line and column",
            bytes: Array("  Indented start of a long sentence that\ngoes on here. Next.\n".utf8),
            sentences: [("Indented start of a long sentence that goes on here.", 2, 54, 1, 3), ("Next.", 55, 60, 2, 15)]),
        Case(
            name: "a UTF-8 byte order mark is not part of the decoded input",
            bytes: [0xEF, 0xBB, 0xBF] + Array("Hello there. Bye now.".utf8),
            sentences: [("Hello there.", 0, 12, 1, 1), ("Bye now.", 13, 21, 1, 14)]),
        Case(
            name: "UTF-16LE input: offsets into the input decoded to UTF-8",
            bytes: [0xFF, 0xFE] + Array("Zo\u{EB} met Putin. Then left.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            sentences: [("Zo\u{EB} met Putin.", 0, 15, 1, 1), ("Then left.", 16, 26, 1, 16)]),
    ]

    @Test("Offsets, lines and columns by hand", arguments: cases)
    func handCases(_ c: Case) throws {
        let document = try Document(source: SourceText(bytes: c.bytes, path: "case.txt"))
        let got = document.sentences
        #expect(got.count == c.sentences.count)
        for (sentence, want) in zip(got, c.sentences) {
            #expect(sentence.text.unicodeScalars.elementsEqual(want.0.unicodeScalars), "\(sentence.text)")
            #expect(sentence.start == want.1, "start of \(want.0)")
            #expect(sentence.end == want.2, "end of \(want.0)")
            #expect(sentence.line == want.3, "line of \(want.0)")
            #expect(sentence.column == want.4, "column of \(want.0)")
        }
        expectOffsetsHold(document)
    }

    @Test("The text keeps every byte: a no-break space and a double space stay, a line break is a space")
    func textKeepsBytes() throws {
        let document = try TestPaths.document(
            text: "See also\u{A0} New Zealand fights to save its bird\n\nThe two  countries agreed\nto meet.\n")
        let texts = document.sentences.map(\.text)
        #expect(texts.count == 2)
        #expect(texts.first?.unicodeScalars.elementsEqual("See also\u{A0} New Zealand fights to save its bird".unicodeScalars) == true)
        #expect(texts.last == "The two  countries agreed to meet.")
    }
}
