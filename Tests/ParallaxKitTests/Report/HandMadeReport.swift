import Foundation
import Testing

@testable import ParallaxKit

/// Small reports built by hand, independent of the engine, so that renderer snapshots change
/// only when a renderer does.
enum HandMadeReport {
    /// A document of one sentence per line (line `k + 1` holds sentence `k`).
    static func document(id: String, path: String, _ sentences: [String], boilerplate: Set<Int> = [], duplicates: [Int: Int] = [:]) throws
        -> DocumentRecord
    {
        var start = 0
        var records: [[String: Any]] = []
        for (k, text) in sentences.enumerated() {
            let end = start + text.utf8.count
            records.append([
                "index": k, "text": text, "start": start, "end": end, "line": k + 1, "column": 1,
                "boilerplate": boilerplate.contains(k), "duplicateOf": duplicates[k].map { $0 as Any } ?? NSNull(),
            ])
            start = end + 1
        }
        let object: [String: Any] = [
            "id": id, "path": path, "encoding": "UTF-8", "sha256": String(repeating: "0", count: 64), "sentences": records,
        ]
        let data = try JSONSerialization.data(withJSONObject: object)
        return try JSONDecoder().decode(DocumentRecord.self, from: data)
    }

    /// The span of `words` (its first occurrence) in sentence `k`; the whole sentence when nil.
    static func span(_ document: DocumentRecord, _ k: Int, _ words: String? = nil) -> Span {
        let sentence = document.sentences[k]
        guard let words else { return Span(sentences: [k], start: sentence.start, end: sentence.end, text: sentence.text) }
        let text = Array(sentence.text.utf8)
        let needle = Array(words.utf8)
        let offset = (0...(text.count - needle.count)).first { Array(text[$0..<($0 + needle.count)]) == needle }
        precondition(offset != nil, "\(words) is not in sentence \(k)")
        let o = offset ?? 0
        return Span(sentences: [k], start: sentence.start + o, end: sentence.start + o + needle.count, text: words)
    }

    static func report(a: DocumentRecord, b: DocumentRecord, alignments: [Alignment], findings: [Finding], sameEvent: Bool = true) -> Report
    {
        var counts: [String: Int] = [:]
        for f in findings { counts[f.category.rawValue, default: 0] += 1 }
        return Report(
            documents: [a, b], alignments: alignments, findings: findings,
            summary: Summary(coverageA: 0.75, coverageB: 0.6, sameEvent: sameEvent, counts: counts))
    }

    /// Two short accounts with findings of seven categories, word spans and whole sentences,
    /// boilerplate, a duplicate, wide (CJK) and combining characters, and a note about a whole
    /// document.
    static func tiny() throws -> Report {
        let a = try document(
            id: "A", path: "accounts/tass.txt",
            [
                "Leaders met on Monday in Moscow.",
                "They signed 3 agreements on energy and trade.",
                "Officials said the talks were \"frank\" & useful.",
                "READ MORE: Markets today",
            ], boilerplate: [3])
        let b = try document(
            id: "B", path: "accounts/xinhua.txt",
            [
                "The leaders met on Tuesday in Moscow.",
                "Both sides signed 5 agreements on energy.",
                "北京 welcomed the cafe\u{301} talks as 'frank'.",
                "They did not agree on trade.",
                "The leaders met on Tuesday in Moscow.",
            ], duplicates: [4: 0])
        let alignments = [
            Alignment(a: [0], b: [0], score: 0.8, coverageA: 0.9, coverageB: 0.8, moved: false, uncertain: false, drift: 0.2),
            Alignment(a: [1], b: [1], score: 0.6, coverageA: 0.6, coverageB: 0.9, moved: false, uncertain: false, drift: 0.4),
            Alignment(a: [2], b: [2], score: 0.3, coverageA: 0.4, coverageB: 0.5, moved: false, uncertain: true, drift: 0.6),
            Alignment(a: [], b: [3], score: 0, coverageA: 0, coverageB: 0, moved: false, uncertain: false),
        ]
        let findings = [
            Finding(
                id: "f-add", category: .addition, severity: .warning, message: "Only in B: A has no sentence that carries this one.",
                a: nil, b: span(b, 3), weight: 1),
            Finding(
                id: "f-num", category: .number, severity: .error, message: "Number differs: “3” → “5”.",
                a: span(a, 1, "3"), b: span(b, 1, "5"), weight: 1),
            Finding(
                id: "f-drift", category: .drift, severity: .warning, message: "Wording drifts: “They” → “Both sides”.",
                a: span(a, 1, "They"), b: span(b, 1, "Both sides"), weight: 0.4),
            Finding(
                id: "f-omit", category: .omission, severity: .warning, message: "Partly in B: B leaves out “trade”.",
                a: span(a, 1, " and trade"), b: span(b, 1), weight: 0.5),
            Finding(
                id: "f-date", category: .number, severity: .error, message: "Date differs: “Monday” → “Tuesday”.",
                a: span(a, 0, "Monday"), b: span(b, 0, "Tuesday"), weight: 1),
            Finding(
                id: "f-attr", category: .attribution, severity: .info, message: "Different speaker: “Officials said” → “北京 welcomed”.",
                a: span(a, 2, "Officials said"), b: span(b, 2, "北京 welcomed"), weight: 0.3),
            Finding(
                id: "f-dup", category: .addition, severity: .info, message: "B repeats sentence 0.",
                a: nil, b: span(b, 4), weight: 0),
            Finding(
                id: "f-note", category: .formatting, severity: .info, message: "A uses straight quotes throughout.",
                a: Span(sentences: [], start: 0, end: 0, text: ""), b: nil, weight: 0),
        ]
        return report(a: a, b: b, alignments: alignments, findings: findings)
    }

    /// Text that tries to drive a terminal and inject markup.
    static let hostile = "Evil <script>alert(1)</script> & \"quotes\" 'single' \u{1B}[31mred\u{1B}[0m \u{1B}]0;title\u{07} done."

    /// A report whose path, sentences and message hold ``hostile``.
    static func hostileReport() throws -> Report {
        let a = try document(id: "A", path: "in\u{1B}[2Jput<b>.txt", [hostile, "Plain sentence."])
        let b = try document(id: "B", path: "other.txt", ["Plain sentence.", hostile + " More."])
        let findings = [
            Finding(
                id: "x", category: .drift, severity: .warning, message: "Message: " + hostile,
                a: span(a, 0, "<script>alert(1)</script>"), b: span(b, 1, "\u{1B}]0;title\u{07}"), weight: 1),
            Finding(id: "y", category: .addition, severity: .warning, message: hostile, a: nil, b: span(b, 1), weight: 1),
        ]
        let alignments = [
            Alignment(a: [0], b: [1], score: 0.9, coverageA: 1, coverageB: 0.9, moved: true, uncertain: false),
            Alignment(a: [1], b: [0], score: 1, coverageA: 1, coverageB: 1, moved: false, uncertain: false),
        ]
        return report(a: a, b: b, alignments: alignments, findings: findings)
    }
}
