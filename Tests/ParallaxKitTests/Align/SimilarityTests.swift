import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// Similarity behind ``SentenceSimilarity`` and the derivational families of the term model
/// (issue 11, item 3).
@Suite("Sentence similarity")
struct SimilarityTests {
    static func model(_ a: [String], _ b: [String], families: Bool = TermModel.families) throws -> TermModel {
        let da = try TestPaths.document(text: a.joined(separator: "\n\n") + "\n", path: "a.txt", id: "A")
        let db = try TestPaths.document(text: b.joined(separator: "\n\n") + "\n", path: "b.txt", id: "B")
        let folder = WordFolder(documents: [da, db], glossary: .empty)
        return TermModel(a: da, b: db, folder: folder, language: "en", fingerprints: false, families: families)
    }

    /// A scorer that knows only the pairs it is given (a stand-in for a model-based scorer).
    struct Listed: SentenceSimilarity {
        var pairs: [(a: Int, b: Int)]

        func evidence(_ a: Int, _ b: Int) -> LinkEvidence? {
            pairs.contains { $0 == (a, b) } ? LinkEvidence(shared: 1, cosine: 0.9, coverageA: 0.9, coverageB: 0.9) : nil
        }

        func candidates(perSentence k: Int) -> [Int64] { pairs.map { Int64($0.a) << 32 | Int64($0.b) } }
    }

    @Test("The term model's evidence for many pairs at once is its evidence for each, to the last bit")
    func evidenceInBulk() throws {
        // Two human translations of the same news: sentences that share many, few and no terms.
        let wmt = try AlignmentCorpora.wmt()
        let (a, b) = (Array(wmt.a.prefix(120)), Array(wmt.b.prefix(120)))
        let model = try Self.model(a, b)
        var random = SplitMix64(seed: 11)
        var pairs = (0..<3_000).map { _ in Int64(random.int(below: model.a.count)) << 32 | Int64(random.int(below: model.b.count)) }
        pairs += (0..<min(model.a.count, model.b.count)).map { Int64($0) << 32 | Int64($0) }
        pairs.sort()
        let bulk = model.evidence(sortedPairs: pairs[...])
        #expect(bulk.count == pairs.count)
        var linked = 0
        for (pair, evidence) in zip(pairs, bulk) {
            let one = model.evidence(Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
            #expect(evidence == one, "pair \(pair >> 32), \(pair & 0xFFFF_FFFF)")
            if evidence != nil { linked += 1 }
        }
        #expect(linked > pairs.count / 10 && linked < pairs.count)
        // A slice that starts mid-run, and an empty one.
        #expect(model.evidence(sortedPairs: pairs[1_000..<1_200]) == Array(bulk[1_000..<1_200]))
        #expect(model.evidence(sortedPairs: pairs[0..<0]).isEmpty)
    }

    @Test("The aligner links by the scorer it is handed, not by the terms it shares")
    func scorerDecides() throws {
        let sentences = RewriteModeTests.sentences
        let model = try Self.model(sentences, sentences)
        var options = AlignmentOptions()
        options.mode = .rewrite
        let lexical = Aligner(model: model, options: options).alignWithMode().links.map { [$0.a, $0.b] }
        #expect(lexical == sentences.indices.map { [$0, $0] })
        // Each sentence to the one told in its place from the end: no shared word says so.
        let reversed = sentences.indices.map { (a: $0, b: sentences.count - 1 - $0) }
        let scored = Aligner(model: model, options: options, similarity: Listed(pairs: reversed)).alignWithMode().links
        #expect(scored.map { [$0.a, $0.b] } == reversed.map { [$0.a, $0.b] })
        #expect(scored.allSatisfy { $0.cosine == 0.9 })
    }

    /// A long text from a small vocabulary: every word is in more sentences than the candidate
    /// search's cap for rare terms, so no sentence finds a partner by a rare term; each looks
    /// again through its rarest common terms (``Aligner/fallbackTerms``), and the copy still
    /// aligns line by line.
    @Test("Sentences without a rare term still find their partners")
    func noRareTerm() throws {
        var vocabulary: [String] = []
        var seen = Set<String>()
        for line in try AlignmentCorpora.wmt().a {
            for word in line.lowercased().split(separator: " ") where word.count >= 5 && word.allSatisfy(\.isLetter) {
                if seen.insert(String(word)).inserted { vocabulary.append(String(word)) }
            }
            if vocabulary.count >= 400 { break }
        }
        var generator = SplitMix64(seed: 15)
        func word() -> String { vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
        let a = (0..<1000).map { _ in (0..<30).map { _ in word() }.joined(separator: " ") + "." }
        // B: each sentence with one word replaced.
        let b = a.map { sentence -> String in
            var words = sentence.dropLast().split(separator: " ").map(String.init)
            words[Int(generator.next() % 30)] = word()
            return words.joined(separator: " ") + "."
        }
        let model = try Self.model(a, b)
        let cap = max(48, Int(Double(model.a.count + model.b.count).squareRoot() * 2))
        let rare = model.a.reduce(0) { $0 + $1.terms.filter { Int(model.documentFrequency[Int($0)]) <= cap }.count }
        #expect(rare == 0, "the premise: no term is rare enough for the first search")
        let links = Aligner(model: model, options: AlignmentOptions()).alignWithMode().links
        let own = links.filter { $0.a == $0.b }.count
        #expect(own >= 980, "\(own) of 1000 sentences linked to their copy (\(links.count) links)")
        #expect(links.count - own <= 20)
    }

    @Test("Derivational families: words of one family share a term, stop words and short roots stay apart")
    func families() throws {
        func shares(_ x: String, _ y: String, families: Bool = true) throws -> Bool {
            let model = try Self.model([x], [y], families: families)
            return !TermModel.intersection(model.a[0].terms, model.b[0].terms).isEmpty
        }
        #expect(WordFamily.key(of: "environment") == "environ")
        #expect(try shares("The environment suffered.", "Environmental groups protested."))
        #expect(try shares("Economists argue.", "Economic troubles grew."))
        #expect(try !shares("Economists argue.", "Economic troubles grew.", families: false))
        // "shoulder" would strip to the stop word "should"; "sincere" to a root of four letters.
        #expect(try !shares("He hurt his shoulder yesterday.", "Officials should resign today."))
        #expect(try !shares("A sincere apology followed.", "Nothing happened since Monday."))
    }
}
