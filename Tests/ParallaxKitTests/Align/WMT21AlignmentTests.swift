import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// Two human translations of one German news text (WMT21 de-en references A and B): every
/// difference is wording, none is content, so line i of A must link to line i of B and nothing
/// may come out as an addition or omission.
@Suite("WMT21 translations")
struct WMT21AlignmentTests {
    @Test("Line i ↔ line i: link F1 ≥ 0.95, one-sided sentences under 2% of lines; prints the figures")
    func translations() throws {
        let (linesA, linesB) = try AlignmentCorpora.wmt()
        let chunks = AlignmentCorpora.wmtChunks()
        let options = AlignmentCorpora.headingsAsContent
        var score = LinkScore.zero
        var oneSided = 0
        var notContent = 0
        var worst: [(f1: Double, name: String)] = []
        var examples: [String] = []
        var linkExamples: [String] = []
        for chunk in chunks {
            let name = "WMT21 lines \(chunk.lowerBound + 1)–\(chunk.upperBound)"
            let textA = AlignmentCorpora.PartedText(Array(linesA[chunk]))
            let textB = AlignmentCorpora.PartedText(Array(linesB[chunk]))
            let a = try textA.document(id: "A", path: name + " A", options: options)
            let b = try textB.document(id: "B", path: name + " B", options: options)
            notContent += a.sentences.filter { !$0.isContent }.count + b.sentences.filter { !$0.isContent }.count
            let byLineA = textA.sentencesByPart(a)
            let byLineB = textB.sentencesByPart(b)
            var truth = Set<SentencePair>()
            for (line, sentencesA) in byLineA {
                for i in sentencesA { for j in byLineB[line] ?? [] { truth.insert(SentencePair(a: i, b: j)) } }
            }
            let report = Comparison(a: a, b: b).report
            let chunkScore = LinkScore(predicted: report.links, expected: truth)
            score = score + chunkScore
            worst.append((chunkScore.f1, name))
            let lineOfA = Dictionary(uniqueKeysWithValues: byLineA.flatMap { line, s in s.map { ($0, line) } })
            let lineOfB = Dictionary(uniqueKeysWithValues: byLineB.flatMap { line, s in s.map { ($0, line) } })
            let omitted = report.omittedSentences.sorted()
            let added = report.addedSentences.sorted()
            oneSided += omitted.count + added.count
            for i in omitted {
                let line = chunk.lowerBound + (lineOfA[i] ?? 0) + 1
                examples.append(
                    "\(name): omission A line \(line) “\(clip(a.sentences[i].text))” / B line \(line) “\(clip(linesB[line - 1]))”")
            }
            for j in added {
                let line = chunk.lowerBound + (lineOfB[j] ?? 0) + 1
                examples.append(
                    "\(name): addition B line \(line) “\(clip(b.sentences[j].text))” / A line \(line) “\(clip(linesA[line - 1]))”")
            }
            for pair in report.links.subtracting(truth).sorted() {
                let la = chunk.lowerBound + (lineOfA[pair.a] ?? 0) + 1
                let lb = chunk.lowerBound + (lineOfB[pair.b] ?? 0) + 1
                linkExamples.append(
                    "\(name): wrong link A line \(la) “\(clip(a.sentences[pair.a].text, 60))” ↔ B line \(lb) “\(clip(b.sentences[pair.b].text, 60))”"
                )
            }
            for pair in truth.subtracting(report.links).sorted() {
                let line = chunk.lowerBound + (lineOfA[pair.a] ?? 0) + 1
                linkExamples.append(
                    "\(name): missed link line \(line) “\(clip(a.sentences[pair.a].text, 60))” ↔ “\(clip(b.sentences[pair.b].text, 60))”")
            }
        }
        let lineCount = linesA.count
        let share = Double(oneSided) / Double(lineCount)
        var figures: [String] = []
        figures.append("WMT21 de-en references A ↔ B: \(chunks.count) documents of 10–20 lines, \(lineCount) lines (headings as content)")
        figures.append("  links: \(score)")
        figures.append(String(format: "  whole-sentence additions + omissions: %d (%.2f%% of lines)", oneSided, share * 100))
        figures.append(
            "  worst documents by F1: "
                + worst.sorted { $0.f1 < $1.f1 }.prefix(3).map { String(format: "%@ %.3f", $0.name, $0.f1) }.joined(separator: ", "))
        if notContent > 0 { figures.append("  sentences not aligned as boilerplate or duplicate: \(notContent)") }
        AlignmentCorpora.figures("2", figures)
        for line in examples.prefix(40) { print("  " + line) }
        for line in linkExamples.prefix(40) { print("  " + line) }
        #expect(score.f1 >= 0.95, "WMT21 link F1")
        // Most of what is left are paraphrases that share no word; the order pairs lone ones.
        #expect(share < 0.02, "WMT21 additions and omissions")
    }
}
