import Foundation
import Synchronization
import Testing

@testable import ParallaxKit

@Suite("OrderedWork")
struct OrderedWorkTests {
    /// Items that take uneven times: later items often finish first.
    static func slow(_ i: Int) -> Int {
        usleep(UInt32((i * 7919) % 5) * 300)
        return i * i
    }

    @Test("Results come in input order, whatever the number of threads; at most window items are read ahead", arguments: [1, 2, 3, 8])
    func inOrder(jobs: Int) throws {
        let window = 2 * jobs
        var read = 0
        var emitted: [Int] = []
        var mostAhead = 0
        try OrderedWork.run(
            jobs: jobs, window: window,
            next: { () -> Int? in
                guard read < 200 else { return nil }
                read += 1
                mostAhead = max(mostAhead, read - emitted.count)
                return read - 1
            },
            work: { Self.slow($0) },
            emit: { emitted.append($0) })
        #expect(emitted == (0..<200).map { $0 * $0 })
        #expect(mostAhead <= window)
    }

    @Test("An error from emit stops the run: no item is read after it, and it is rethrown")
    func emitError() {
        struct Stop: Error {}
        let started = Atomic<Int>(0)
        var read = 0
        #expect(throws: Stop.self) {
            try OrderedWork.run(
                jobs: 2, window: 4,
                next: { () -> Int? in
                    read += 1
                    return read
                },
                work: { i in
                    started.add(1, ordering: .relaxed)
                    return i
                },
                emit: { if $0 == 10 { throw Stop() } })
        }
        #expect(read <= 10 + 4)
        #expect(started.load(ordering: .relaxed) <= read)
    }

    @Test("A manifest record: files or inline texts; each kind of bad record says what is wrong and keeps the id it has")
    func records() throws {
        let files = try BatchRecord.parse(Array(#"{"id":"x","a":"a.txt","b":"b.txt","language":"de","extra":1}"#.utf8))
        #expect(files == BatchRecord(id: "x", a: .file("a.txt"), b: .file("b.txt"), language: "de"))
        let inline = try BatchRecord.parse(Array(#"{"id":"y","aText":"A.","b":"b.txt","config":"p.yml"}"#.utf8))
        #expect(inline == BatchRecord(id: "y", a: .text("A."), b: .file("b.txt"), config: "p.yml"))
        let bad: [(String, String?, String)] = [
            ("{", nil, "is not valid JSON"),
            ("[1]", nil, "is not a JSON object"),
            (#"{"a":"a","b":"b"}"#, nil, "has no id"),
            (#"{"id":3,"a":"a","b":"b"}"#, nil, "id must be a non-empty string"),
            (#"{"id":"z","a":"a"}"#, "z", "has neither b (a file) nor bText (the text)"),
            (#"{"id":"z","a":"a","aText":"t","b":"b"}"#, "z", "gives both a and aText; give one"),
            (#"{"id":"z","a":"a","b":"b","language":["en"]}"#, "z", "language must be a string"),
        ]
        for (line, id, problem) in bad {
            #expect(throws: BatchRecordError(id: id, problem: problem)) { try BatchRecord.parse(Array(line.utf8)) }
        }
    }

    @Test("A batch line holds the report as JSONOutput writes it, without the white space between tokens")
    func line() throws {
        let a = try Document(
            source: SourceText(bytes: Array("The mayor opened the bridge on Monday.\n".utf8), path: "a \"1\".txt"), id: "A")
        let b = try Document(source: SourceText(bytes: Array("On Monday the mayor opened the new bridge.\n".utf8), path: "b.txt"), id: "B")
        let report = Comparison(a: a, b: b).report
        let line = try BatchLine.ok(id: "p\u{1B}1", report: report, passed: true)
        #expect(line.hasPrefix(#"{"id":"p\u001b1","passed":true,"report":{"alignments":[{"a":[0],"#))
        #expect(line.hasSuffix(",\"status\":\"ok\"}\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let pretty = try JSONSerialization.jsonObject(with: Data(try JSONOutput.encode(report).utf8)) as? NSDictionary
        #expect((object["report"] as? NSDictionary) == pretty)
        #expect(line.contains(#""path":"a \"1\".txt""#), "white space inside strings is kept")
        #expect(
            BatchLine.error(id: nil, problem: "m.jsonl:3: record is not valid JSON")
                == #"{"error":"m.jsonl:3: record is not valid JSON","id":null,"status":"error"}"# + "\n")
    }
}
