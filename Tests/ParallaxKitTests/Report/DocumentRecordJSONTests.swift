import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

@Suite("DocumentRecord JSON")
struct DocumentRecordJSONTests {
    static let sentenceKeys: Set<String> = ["index", "text", "start", "end", "line", "column", "boilerplate", "duplicateOf", "paragraph"]
    static let documentKeys: Set<String> = ["id", "path", "encoding", "sha256", "sentences"]

    func json(_ seed: Seed) throws -> (text: String, object: [String: Any]) {
        let text = try JSONOutput.encode(DocumentRecord(seed.document()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (text, object)
    }

    @Test("Documents and sentences have exactly the contract's keys", arguments: Seed.all)
    func keys(_ seed: Seed) throws {
        let (_, object) = try json(seed)
        #expect(Set(object.keys) == Self.documentKeys)
        #expect(object["encoding"] as? String == "UTF-8")
        #expect((object["sha256"] as? String)?.count == 64)
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.count == seed.expected.count - (seed.path == TestPaths.june2021ChinaDaily ? 1 : 0))
        for sentence in sentences {
            #expect(Set(sentence.keys) == Self.sentenceKeys)
            #expect(sentence["text"] is String)
            for key in ["index", "start", "end", "line", "column"] {
                #expect(sentence[key] is Int, "\(key) is not an integer")
            }
            #expect(sentence["boilerplate"] is Bool)
        }
    }

    @Test("duplicateOf is null, not absent, and a number for a duplicate")
    func duplicateOf() throws {
        let (text, object) = try json(.april2021Dialogue)
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        let duplicates = sentences.filter { !($0["duplicateOf"] is NSNull) }
        #expect(duplicates.count == 1)
        let duplicate = try #require(duplicates.first)
        let original = try #require(duplicate["duplicateOf"] as? Int)
        #expect(sentences[original]["text"] as? String == ExpectedSentences.april2021DialoguePullQuote)
        #expect(sentences.filter { $0["duplicateOf"] is NSNull }.count == sentences.count - 1)
        #expect(text.contains("\"duplicateOf\" : null"))
    }

    @Test("Keys are sorted, output is deterministic, and decoding gives the sentences back")
    func roundTrip() throws {
        let document = try Seed.march2023Kremlin.document()
        let first = try JSONOutput.encode(DocumentRecord(document))
        let second = try JSONOutput.encode(DocumentRecord(try Seed.march2023Kremlin.document()))
        #expect(first == second)
        #expect(first.hasSuffix("}\n"))
        // The first sentence object's keys appear in sorted order.
        let order = ["boilerplate", "column", "duplicateOf", "end", "index", "line", "start", "text"]
        let positions = order.compactMap { first.range(of: "\"\($0)\" :")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        let decoded = try JSONDecoder().decode(DocumentRecord.self, from: Data(first.utf8))
        #expect(decoded.sentences.count == document.sentences.count)
        for (a, b) in zip(decoded.sentences, document.sentences) {
            #expect(a.index == b.index && a.text == b.text && a.start == b.start && a.end == b.end)
            #expect(a.line == b.line && a.column == b.column && a.boilerplate == b.boilerplate && a.duplicateOf == b.duplicateOf)
        }
    }
}
