import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// Properties any alignment must have: a text compared with itself links every sentence to
/// itself and finds nothing; comparing B with A mirrors comparing A with B.
@Suite("Alignment symmetry")
struct SymmetryTests {
    static let fixtures = [
        TestPaths.june2021ChinaDaily, TestPaths.june2021Readout, TestPaths.may2025Moscow,
        TestPaths.march2023Kremlin, TestPaths.april2021Dialogue,
    ]

    /// What is wrong with comparing `document` with itself, or nil.
    static func selfCompareProblem(_ document: Document) -> String? {
        let report = Comparison(a: document, b: document).report
        let content = document.sentences.filter(\.isContent).map(\.index)
        let expected = Set(content.map { SentencePair(a: $0, b: $0) })
        var problems: [String] = []
        let extra = report.links.subtracting(expected).sorted()
        let missing = expected.subtracting(report.links).sorted()
        if !extra.isEmpty {
            problems.append(
                "links to other sentences: "
                    + extra.prefix(5).map {
                        "\($0) “\(clip(document.sentences[$0.a].text, 50))” ↔ “\(clip(document.sentences[$0.b].text, 50))”"
                    }.joined(separator: "; "))
        }
        if !missing.isEmpty {
            problems.append(
                "not linked to itself: "
                    + missing.prefix(5).map { "\($0.a) “\(clip(document.sentences[$0.a].text, 60))”" }.joined(separator: "; "))
        }
        let groups = report.alignments.filter { $0.a.count != 1 || $0.b.count != 1 }
        if !groups.isEmpty { problems.append("alignments not 1:1: \(groups.prefix(5).map { "\($0.a)–\($0.b)" })") }
        if !report.findings.isEmpty {
            problems.append(
                "findings: "
                    + report.findings.prefix(5).map { "\($0.category) “\(clip($0.a?.text ?? $0.b?.text ?? "", 60))”" }.joined(
                        separator: "; "))
        }
        return problems.isEmpty ? nil : "\(document.source.path): " + problems.joined(separator: " | ")
    }

    @Test("A fixture compared with itself: every sentence linked 1:1 to itself, no finding", arguments: fixtures)
    func selfCompareFixture(_ path: String) throws {
        let document = try TestPaths.document(path)
        let problem = Self.selfCompareProblem(document)
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test("Every base text (the first 80 news_synth originals and rewrites, WMT21 chunks) compared with itself")
    func selfCompareCorpora() throws {
        var documents: [Document] = []
        for (n, pair) in try AlignmentCorpora.newsSynth(limit: 80).enumerated() {
            for (side, sentences) in [("original", pair.original), ("rewrite", pair.rewrite)] {
                documents.append(
                    try AlignmentCorpora.PartedText(sentences).document(
                        id: "A", path: "news_synth \(n) \(side)", options: AlignmentCorpora.headingsAsContent))
            }
        }
        let wmt = try AlignmentCorpora.wmt()
        for chunk in AlignmentCorpora.wmtChunks() {
            for (side, lines) in [("A", wmt.a), ("B", wmt.b)] {
                documents.append(
                    try AlignmentCorpora.PartedText(Array(lines[chunk])).document(
                        id: "A", path: "WMT21 \(side) lines \(chunk.lowerBound + 1)–\(chunk.upperBound)",
                        options: AlignmentCorpora.headingsAsContent))
            }
        }
        let problems = documents.compactMap(Self.selfCompareProblem)
        AlignmentCorpora.figures(
            "4",
            [
                "Self-compare: \(documents.count - problems.count) of \(documents.count) base texts link every sentence to itself with no finding"
            ])
        for problem in problems.prefix(20) { print("  " + problem) }
        #expect(problems.isEmpty, "\(problems.count) texts: \(problems.prefix(3))")
    }

    // MARK: - Swap

    /// What differs between comparing (a, b) and (b, a) mirrored, or nil.
    static func swapProblem(_ a: Document, _ b: Document, name: String) -> String? {
        let forward = Comparison(a: a, b: b).report
        let backward = Comparison(a: b, b: a).report
        let mirrored = Set(backward.links.map { SentencePair(a: $0.b, b: $0.a) })
        var problems: [String] = []
        if mirrored != forward.links {
            let onlyForward = forward.links.subtracting(mirrored).sorted()
            let onlyBackward = mirrored.subtracting(forward.links).sorted()
            problems.append(
                "links only A,B: "
                    + onlyForward.prefix(4).map { "\($0) “\(clip(a.sentences[$0.a].text, 50))” ↔ “\(clip(b.sentences[$0.b].text, 50))”" }
                    .joined(separator: "; ")
                    + "; links only B,A: "
                    + onlyBackward.prefix(4).map { "\($0) “\(clip(a.sentences[$0.a].text, 50))” ↔ “\(clip(b.sentences[$0.b].text, 50))”" }
                    .joined(separator: "; "))
        }
        if forward.omittedSentences != backward.addedSentences {
            problems.append(
                "omissions of A,B \(forward.omittedSentences.sorted()) but additions of B,A \(backward.addedSentences.sorted())")
        }
        if forward.addedSentences != backward.omittedSentences {
            problems.append(
                "additions of A,B \(forward.addedSentences.sorted()) but omissions of B,A \(backward.omittedSentences.sorted())")
        }
        return problems.isEmpty ? nil : "\(name): " + problems.joined(separator: " | ")
    }

    @Test("Swapping the accounts swaps additions and omissions and mirrors the links: June 2021 pair")
    func swapJune2021() throws {
        let a = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let b = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        let problem = Self.swapProblem(a, b, name: "June 2021")
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test("Swapping the accounts: news_synth pairs, WMT21 chunks and generated cases")
    func swapCorpora() throws {
        var problems: [String] = []
        var count = 0
        let options = AlignmentCorpora.headingsAsContent
        for (n, pair) in try AlignmentCorpora.newsSynth(limit: 30).enumerated() {
            let a = try AlignmentCorpora.PartedText(pair.original).document(id: "A", path: "original", options: options)
            let b = try AlignmentCorpora.PartedText(pair.rewrite).document(id: "B", path: "rewrite", options: options)
            count += 1
            if let problem = Self.swapProblem(a, b, name: "news_synth \(n) \(pair.title)") { problems.append(problem) }
        }
        let wmt = try AlignmentCorpora.wmt()
        for chunk in AlignmentCorpora.wmtChunks().prefix(20) {
            let a = try AlignmentCorpora.PartedText(Array(wmt.a[chunk])).document(id: "A", path: "A", options: options)
            let b = try AlignmentCorpora.PartedText(Array(wmt.b[chunk])).document(id: "B", path: "B", options: options)
            count += 1
            if let problem = Self.swapProblem(a, b, name: "WMT21 lines \(chunk.lowerBound + 1)–\(chunk.upperBound)") {
                problems.append(problem)
            }
        }
        for candidate in try GeneratedEditTests.candidates().prefix(30) {
            guard let (a, b) = try AlignmentCorpora.documents(of: candidate.edited, options: candidate.options) else { continue }
            count += 1
            if let problem = Self.swapProblem(a, b, name: "generated \(candidate.edited)") { problems.append(problem) }
        }
        AlignmentCorpora.figures(
            "5", ["Swap: \(count - problems.count) of \(count) pairs mirror exactly when compared the other way round"])
        for problem in problems.prefix(20) { print("  " + problem) }
        #expect(problems.isEmpty, "\(problems.count) pairs: \(problems.prefix(3))")
    }
}
