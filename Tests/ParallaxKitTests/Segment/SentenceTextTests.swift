import Foundation
import Testing

@testable import ParallaxKit

/// A document's sentences keep no text of their own: each is a range of the document's bytes,
/// made into the display text when asked for. What comes out must be what a copy held: the
/// bytes of the range with line breaks and tabs as spaces, equal and hashed as that text, in
/// the sentence and in the report's record of it.
@Suite("Sentence text")
struct SentenceTextTests {
    static func document(_ text: String) throws -> Document {
        try Document(source: SourceText(bytes: Array(text.utf8), path: "a.txt"), id: "A")
    }

    /// The display text of a range, made independently: each control white space a space.
    static func display(_ utf8: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: utf8[range].map { [0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains($0) ? 0x20 : $0 }, as: UTF8.self)
    }

    @Test(
        "Each sentence's text is its range of the input with line breaks and tabs as spaces",
        arguments: [
            "First line\nof one sentence. Second\tsentence here.\r\nThird, with café and 3.5%.\n\nA new paragraph\u{0B}ends.",
            "Ünïcödé wörds répété. 東京 sentence two. \u{301}\u{301} marks.\n",
            String(repeating: "1,234.5, 67% and 8 million; ", count: 400) + "end.",
        ])
    func texts(_ input: String) throws {
        let document = try Self.document(input)
        let utf8 = document.source.utf8
        #expect(!document.sentences.isEmpty)
        for sentence in document.sentences {
            let expected = Self.display(utf8, sentence.start..<sentence.end)
            #expect(sentence.text == expected)
            #expect(sentence.text.utf8.count == sentence.end - sentence.start)
            #expect(SentenceRecord(sentence).text == expected)
        }
    }

    @Test("A shared text and a string of its own are equal, and hash alike, when their texts are")
    func equality() throws {
        let document = try Self.document("One sentence here. Another\none there.")
        let second = document.sentences[1]
        #expect(second.text == "Another one there.")
        var copy = second
        copy.text = "Another one there."
        #expect(copy == second)
        #expect(copy.hashValue == second.hashValue)
        copy.text = "Another one changed."
        #expect(copy != second)
        #expect(copy.text == "Another one changed.")
        #expect(document.sentences[1].text == "Another one there.")

        let shared = SentenceRecord(second)
        let own = SentenceRecord(
            index: second.index, text: "Another one there.", start: second.start, end: second.end, line: second.line,
            column: second.column, boilerplate: second.boilerplate, duplicateOf: second.duplicateOf, paragraph: second.block)
        #expect(shared == own)
        #expect(Set([shared, own]).count == 1)
    }

    @Test("A report's records read back from JSON equal the records of the document")
    func roundTrip() throws {
        let document = try Self.document("Tabs\tand\nbreaks in one. A second sentence, with 12 numbers.\n")
        let record = DocumentRecord(document)
        let json = try JSONOutput.encode(record)
        let decoded = try JSONDecoder().decode(DocumentRecord.self, from: Data(json.utf8))
        #expect(decoded == record)
        #expect(decoded.sentences.map(\.text) == ["Tabs and breaks in one.", "A second sentence, with 12 numbers."])
    }

    @Test("A sentence keeps its numbers in 32 bits each and gives back what was set")
    func numbers() throws {
        let paragraph = "The minister said on Monday that the talks would resume next week. Both sides agreed to meet again."
        let document = try Self.document("An opening line here.\n\n\(paragraph)\n\n\(paragraph)\n")
        #expect(MemoryLayout<Sentence>.stride <= 80)
        for sentence in document.sentences {
            #expect(sentence.end > sentence.start && sentence.line >= 1 && sentence.column >= 1)
            #expect(document.tokens[sentence.tokenRange].allSatisfy { Int($0.start) >= sentence.start && Int($0.end) <= sentence.end })
        }
        let duplicates = document.sentences.filter { $0.duplicateOf != nil }
        #expect(duplicates.map(\.duplicateOf) == [1, 2])
        #expect(duplicates.allSatisfy { !$0.isContent })

        var sentence = document.sentences[1]
        sentence.index = 7
        sentence.start = 1 << 28
        sentence.end = (1 << 28) + 5
        sentence.line = 123_456
        sentence.column = 99
        sentence.block = 4
        sentence.tokenRange = 10..<20
        sentence.duplicateOf = 0
        let numbers: [Int] = [sentence.index, sentence.start, sentence.end, sentence.line, sentence.column, sentence.block]
        let expected: [Int] = [7, 1 << 28, (1 << 28) + 5, 123_456, 99, 4]
        #expect(numbers == expected)
        #expect(sentence.tokenRange == 10..<20 && sentence.duplicateOf == 0 && !sentence.isContent)
        sentence.duplicateOf = nil
        #expect(sentence.duplicateOf == nil && sentence.isContent)
        #expect(sentence != document.sentences[1])
    }
}
