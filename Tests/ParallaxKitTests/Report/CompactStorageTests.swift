import Foundation
import Testing

@testable import ParallaxKit

/// Finding ids and span sentence lists are stored compactly; what goes in comes out unchanged,
/// compares and orders as the plain values do, and reads and writes the same JSON.
@Suite("Compact finding storage")
struct CompactStorageTests {
    @Test(
        "An engine id is stored as its number and reads back as the same text",
        arguments: ["0000000000000000", "ffffffffffffffff", "0123456789abcdef", "8000000000000001", "00a0000000000b00"])
    func fingerprintID(_ text: String) {
        let id = FindingID(text)
        guard case .fingerprint = id else {
            Issue.record("\(text) was kept as text")
            return
        }
        #expect(id.string == text)
    }

    @Test(
        "Any other id is kept as its text",
        arguments: [
            "", "f1", "0123456789abcde", "0123456789abcdef0", "0123456789ABCDEF", "0123456789abcdeg", "0123456789abcd\u{E9}f",
            " 123456789abcdef", "fingerprint",
        ])
    func otherID(_ text: String) {
        let id = FindingID(text)
        #expect(id == .text(text))
        #expect(id.string.utf8.elementsEqual(text.utf8))
    }

    @Test("Ids order and compare as their texts do")
    func idOrder() {
        let texts = [
            "ffffffffffffffff", "f1", "0000000000000000", "0123456789ABCDEF", "0123456789abcdef", "8000000000000000", "",
            "7fffffffffffffff", "zzz", "0123456789abcdef0", "0123456789abcdee",
        ]
        let ids = texts.map(FindingID.init)
        #expect(ids.sorted().map(\.string) == texts.sorted())
        for (x, tx) in zip(ids, texts) {
            for (y, ty) in zip(ids, texts) {
                #expect((x == y) == (tx == ty))
                #expect((x < y) == (tx < ty))
            }
        }
    }

    @Test("An engine id is the first 16 hex digits of the fingerprint's SHA-256")
    func idOfDigest() {
        for text in ["", "drift\u{0}a b\u{0}c\u{0}", String(repeating: "x", count: 1000)] {
            let bytes = Array(text.utf8)
            #expect(FindingID.fingerprint(SHA256.prefix64(bytes)).string == String(SHA256.hex(bytes).prefix(16)))
        }
    }

    @Test("A finding's id reads back as set, whatever its form")
    func findingID() throws {
        var finding = Finding(id: "0123456789abcdef", category: .drift, severity: .warning, message: "m", a: nil, b: nil)
        #expect(finding.id == "0123456789abcdef")
        finding.id = "hand-made"
        #expect(finding.id == "hand-made")
        finding.id = "fedcba9876543210"
        #expect(finding.id == "fedcba9876543210")
        #expect(finding == Finding(id: "fedcba9876543210", category: .drift, severity: .warning, message: "m", a: nil, b: nil))
        let json = try JSONOutput.encode(finding)
        #expect(json.contains("\"id\" : \"fedcba9876543210\""))
        #expect(try JSONDecoder().decode(Finding.self, from: Data(json.utf8)) == finding)
    }

    static let lists: [[Int]] = [
        [], [0], [7], [3, 4, 5], [5, 4], [2, 4], [1, 1], [9, 10, 12], [-1], [-2, -1, 0], [Int(Int32.max)],
        [Int(Int32.max), Int(Int32.max) + 1],
        [Int(Int32.max) + 5], [Int.max], [Int.min, Int.min + 1], Array(10..<70_000), Array(0..<Int(UInt16.max)),
    ]

    @Test("Sentence lists read back as set: empty, one, runs, gaps, out of order, repeats, huge", arguments: lists)
    func sentenceList(_ sentences: [Int]) throws {
        let list = SentenceList(sentences)
        #expect(list.array == sentences)
        #expect(Array(list) == sentences)
        #expect(list.isEmpty == sentences.isEmpty)
        #expect(list.lowest == sentences.min())
        #expect(list == SentenceList(sentences.map { $0 }))
        if sentences.count == 1 { #expect(SentenceList(sentence: sentences[0]) == list) }

        var span = Span(sentences: sentences, start: 3, end: 9, text: "words")
        #expect(span.sentences == sentences)
        let json = try JSONOutput.encode(span)
        #expect(json.filter { !$0.isWhitespace }.contains("\"sentences\":[\(sentences.map(String.init).joined(separator: ","))]"))
        #expect(try JSONDecoder().decode(Span.self, from: Data(json.utf8)) == span)
        span.sentences = [4, 2]
        #expect(span.sentences == [4, 2])
        span.sentences = sentences
        #expect(span == Span(sentences: sentences, start: 3, end: 9, text: "words"))
    }

    @Test("A run of one sentence and of several is stored in place; gaps and disorder as an array")
    func sentenceListForm() {
        #expect(SentenceList([]) == .run(first: 0, count: 0))
        #expect(SentenceList([7]) == .run(first: 7, count: 1))
        #expect(SentenceList([3, 4, 5]) == .run(first: 3, count: 3))
        #expect(SentenceList([2, 4]) == .list([2, 4]))
        #expect(SentenceList([5, 4]) == .list([5, 4]))
        #expect(SentenceList([Int.max]) == .list([Int.max]))
        #expect(SentenceList(Array(0..<70_000)) == .list(Array(0..<70_000)))
    }

    @Test("A message written from the spans reads, compares, hashes and writes as its text does")
    func spanMessage() throws {
        let value = Span(sentence: 4, start: 10, end: 15, text: "1,250")
        let empty = Span(sentence: 2, start: 0, end: 0, text: "")
        let cases: [(FindingMessage, Span?, Span?, String)] = [
            (.lacking(.numbers, inA: true), value, empty, "Numbers differ: A \u{201C}1,250\u{201D}, B has none."),
            (.lacking(.dates, inA: false), empty, value, "Dates differ: A has none, B \u{201C}1,250\u{201D}."),
            (
                .changed(.numbers), value, Span(sentence: 3, start: 0, end: 4, text: "1984"),
                "Numbers differ: A \u{201C}1,250\u{201D}, B \u{201C}1984\u{201D}."
            ),
        ]
        for (message, a, b, text) in cases {
            let made = Finding(id: .fingerprint(42), category: .number, severity: .error, message: message, a: a, b: b, weight: 3)
            let written = Finding(id: .fingerprint(42), category: .number, severity: .error, message: text, a: a, b: b, weight: 3)
            #expect(made.message == text)
            #expect(made == written)
            #expect(made.hashValue == written.hashValue)
            #expect(Set([made, written]).count == 1)
            let json = try JSONOutput.encode(made)
            #expect(json == (try JSONOutput.encode(written)))
            #expect(try JSONDecoder().decode(Finding.self, from: Data(json.utf8)) == made)
            // Another message, or another value, is another finding.
            var other = written
            other.message = text.replacingOccurrences(of: "1,250", with: "1,251")
            #expect(made != other)
            // Replacing a span the message is written from leaves the message as it was.
            let elsewhere = Span(sentence: 9, start: 40, end: 44, text: "2001")
            var movedA = made
            movedA.a = elsewhere
            #expect(movedA.message == text)
            var movedB = made
            movedB.b = elsewhere
            #expect(movedB.message == text)
        }
        // A long value is shortened in the message as any quoted words are.
        let long = Span(sentence: 0, start: 0, end: 80, text: (1...20).map(String.init).joined(separator: " "))
        let finding = Finding(
            id: .fingerprint(1), category: .number, severity: .warning, message: .lacking(.numbers, inA: true), a: long, b: nil)
        #expect(finding.message == "Numbers differ: A \(FindingMessage.quote(long.text)), B has none.")
        #expect(finding.message.contains("\u{2026}"))
    }

    @Test("Span offsets are kept exactly up to the largest input, and a report with larger ones is refused")
    func spanOffsets() throws {
        let last = SourceText.maximumSize
        let span = Span(sentences: [1], start: last - 5, end: last, text: "words")
        #expect(span.start == last - 5 && span.end == last)
        let json = try JSONOutput.encode(span)
        #expect(try JSONDecoder().decode(Span.self, from: Data(json.utf8)) == span)
        let huge = #"{"sentences":[1],"start":4294967296,"end":4294967300,"text":"x"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Span.self, from: Data(huge.utf8)) }
    }
}
