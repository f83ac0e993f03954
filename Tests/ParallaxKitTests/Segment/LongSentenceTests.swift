import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// Sentences too long to be sentences are cut into pieces for alignment and diffing, and the
/// report says so (issue 15).
@Suite("Long sentences")
struct LongSentenceTests {
    /// Words of real prose, drawn with a seed.
    static func words(_ count: Int, seed: UInt64) -> [String] {
        let pool = """
            the talks in Moscow on Monday covered trade energy security and the situation in the region \
            officials said both sides agreed to extend cooperation treaty signed twenty years ago while \
            ministers from several countries discussed grain exports prices shipping routes and sanctions
            """
        let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "da", "gor", "lin"]
        // The pool's words and 1,728 made-up ones: a vocabulary of real text's size.
        let made = syllables.flatMap { x in syllables.flatMap { y in syllables.map { z in x + y + z } } }
        let vocabulary = pool.split(separator: " ").map(String.init) + made
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in vocabulary[rng.int(below: vocabulary.count)] }
    }

    @Test("A 200,000-word sentence is cut into pieces of at most the limit, covering it in order")
    func hugeSentence() throws {
        let words = Self.words(200_000, seed: 1)
        let text = "Intro sentence here. The " + words.joined(separator: " ") + ". A short ending."
        let document = try TestPaths.document(text: text)
        #expect(document.splitSentences == 1)
        let pieces = document.sentences.dropFirst().dropLast()
        #expect(pieces.count >= 200_000 / LongSentences.maxTokens)
        // Every token of the long sentence is in exactly one piece, in order, and no piece is
        // longer than the limit.
        var next = document.sentences[0].tokenRange.upperBound
        for piece in pieces {
            #expect(piece.tokenRange.lowerBound == next)
            #expect(piece.tokenRange.count <= LongSentences.maxTokens && piece.tokenRange.count > 0)
            next = piece.tokenRange.upperBound
        }
        #expect(next == document.sentences.last?.tokenRange.lowerBound)
        #expect(document.sentences.first?.text == "Intro sentence here.")
        #expect(document.sentences.last?.text == "A short ending.")
        // A piece's text is the input's bytes at its span.
        let utf8 = Array(text.utf8)
        for piece in pieces.prefix(50) {
            #expect(piece.text == String(decoding: utf8[piece.start..<piece.end], as: UTF8.self))
        }
    }

    @Test("Sentences up to the limit are not touched")
    func ordinaryUntouched() throws {
        // "The", the words and the period: exactly the limit.
        let long = "The " + Self.words(LongSentences.maxTokens - 2, seed: 2).joined(separator: " ") + "."
        let document = try TestPaths.document(text: "First one. " + long + " Last one.")
        #expect(document.splitSentences == 0)
        #expect(document.sentences.count == 3)
        #expect(document.sentences[1].tokenRange.count == LongSentences.maxTokens)
        // The seeds' sentences are all shorter than the limit.
        for path in [TestPaths.june2021ChinaDaily, TestPaths.june2021Readout, TestPaths.may2025Moscow] {
            let seed = try TestPaths.document(path)
            #expect(seed.splitSentences == 0)
            #expect(seed.sentences.allSatisfy { $0.tokenRange.count <= LongSentences.maxTokens })
        }
    }

    @Test("Cuts prefer clause punctuation")
    func clausePunctuation() throws {
        // Clauses of 12 words and a comma: nearly every cut falls just after a comma.
        var clauses: [String] = []
        for k in 0..<400 { clauses.append(Self.words(12, seed: UInt64(100 + k)).joined(separator: " ")) }
        let document = try TestPaths.document(text: "The " + clauses.joined(separator: ", ") + ".")
        #expect(document.splitSentences == 1)
        let pieces = document.sentences.dropLast()
        #expect(pieces.count >= 4800 / LongSentences.maxTokens)
        let atComma = pieces.filter { $0.text.hasSuffix(",") }.count
        #expect(Double(atComma) >= 0.95 * Double(pieces.count), "\(atComma) of \(pieces.count)")
        #expect(pieces.allSatisfy { $0.tokenRange.count >= LongSentences.minPiece })
    }

    @Test("Cuts are chosen by content: an edit early on does not move the cuts after it")
    func contentDefined() throws {
        let words = Self.words(20_000, seed: 3)
        var edited = words
        edited.removeSubrange(100..<107)
        edited.insert(contentsOf: ["newly", "inserted", "words"], at: 500)
        let a = try TestPaths.document(text: words.joined(separator: " ") + ".")
        let b = try TestPaths.document(text: edited.joined(separator: " ") + ".", id: "B")
        let textsA = Set(a.sentences.map(\.text))
        let shared = b.sentences.filter { textsA.contains($0.text) }.count
        #expect(a.sentences.count > 50)
        #expect(Double(shared) >= 0.9 * Double(b.sentences.count), "\(shared) of \(b.sentences.count)")
    }

    @Test("The report says when sentences were cut: JSON, terminal and Markdown")
    func reportSaysSo() throws {
        let words = Self.words(3_000, seed: 4)
        var edited = words
        edited[1_500] = "pipeline"
        let a = try TestPaths.document(text: words.joined(separator: " ") + ".")
        let b = try TestPaths.document(text: edited.joined(separator: " ") + ".", id: "B")
        let report = Comparison(a: a, b: b).report
        let limits = try #require(report.summary.limits)
        #expect(limits.map(\.document) == ["A", "B"])
        #expect(limits.allSatisfy { $0.limit == "sentenceTokens" && $0.value == LongSentences.maxTokens && $0.count == 1 })
        let json = try JSONOutput.encode(report)
        #expect(json.contains("\"limits\""))
        #expect(json.contains("sentenceTokens"))
        #expect(TerminalRenderer.render(report, options: .init(width: 200, color: false)).contains("Limit: A: 1 sentence longer than"))
        #expect(MarkdownRenderer.render(report).contains("Limit: B: 1 sentence longer than"))
        // The pieces align one to one (but where the changed word moved a cut), with nothing
        // one-sided, and the one changed word is found.
        #expect(report.alignments.filter { $0.a.count != 1 || $0.b.count != 1 }.count <= 2)
        #expect(report.alignments.allSatisfy { !$0.a.isEmpty && !$0.b.isEmpty })
        #expect(report.findings.contains { $0.b?.text.contains("pipeline") == true })

        // An ordinary pair: no limit, no "limits" key.
        let plainA = try TestPaths.document(text: "One sentence here. Another one.")
        let plainB = try TestPaths.document(text: "One sentence here. Another two.", id: "B")
        let plain = Comparison(a: plainA, b: plainB).report
        #expect(plain.summary.limits == nil)
        #expect(!(try JSONOutput.encode(plain)).contains("limits"))
    }
}
