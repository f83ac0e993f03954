import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// The real texts the alignment evaluation runs on (vendored in Resources/, see the NOTICE files):
/// the WMT21 de-en references A and B, and the 346 news_synth article/rewrite pairs.
enum AlignmentCorpora {
    /// Two translations of one text: headlines are content.
    static let headingsAsContent = AnalysisOptions(chrome: ChromeRules(headingsAreBoilerplate: false))

    /// Prints a block of evaluation figures in one write (tests run in parallel), each line
    /// tagged `[figures:<order>]`; `Scripts/evaluate-alignment` keeps only these, sorted by order.
    static func figures(_ order: String, _ lines: [String]) {
        print(lines.map { "[figures:\(order)] " + $0 }.joined(separator: "\n"))
    }

    static func resource(_ name: String, _ ext: String) throws -> URL {
        try #require(
            Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources"),
            "missing test resource \(name).\(ext)")
    }

    static func lines(_ name: String, _ ext: String) throws -> [String] {
        let text = try String(contentsOf: try resource(name, ext), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    // MARK: - WMT21

    static func wmt() throws -> (a: [String], b: [String]) {
        let a = try lines("newstest2021.de-en.ref.A", "en")
        let b = try lines("newstest2021.de-en.ref.B", "en")
        try #require(a.count == 1000 && b.count == 1000, "WMT21 references: \(a.count) and \(b.count) lines")
        return (a, b)
    }

    /// The WMT21 lines cut into documents of 10 to 20 lines (the same cut on every run).
    static func wmtChunks(lineCount: Int = 1000) -> [Range<Int>] {
        var rng = SplitMix64(seed: 2021)
        var chunks: [Range<Int>] = []
        var start = 0
        while start < lineCount {
            let remaining = lineCount - start
            var length = remaining <= 20 ? remaining : rng.int(in: 10...20)
            if remaining > 20 && remaining - length < 10 { length = remaining - 10 }
            chunks.append(start..<(start + length))
            start += length
        }
        return chunks
    }

    // MARK: - news_synth

    struct NewsSynthPair: Decodable, Sendable {
        var title: String
        var original: [String]
        var rewrite: [String]
        /// [original sentence, rewrite sentence]: the authors' fact links.
        var links: [[Int]]
    }

    /// Every pair in the dataset's order (`Scripts/vendor-news-synth` writes the file).
    static let newsSynthCount = 346

    /// The news_synth pairs: all of them, or the first `limit` (tests that build many cases from
    /// each pair keep to the first 80, the set they were tuned on, for their run time).
    static func newsSynth(limit: Int? = nil) throws -> [NewsSynthPair] {
        let pairs = try JSONDecoder().decode([NewsSynthPair].self, from: Data(contentsOf: try resource("news_synth", "json")))
        try #require(pairs.count == newsSynthCount, "news_synth.json: \(pairs.count) pairs")
        guard let limit else { return pairs }
        try #require((1...pairs.count).contains(limit), "news_synth limit \(limit)")
        return Array(pairs.prefix(limit))
    }

    // MARK: - Running many comparisons

    /// `body` over `items` in chunks of `chunk`, at most `width` chunks at once, the results in
    /// the items' order (so the figures never depend on which task finished first).
    static func concurrentMap<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int = 2, chunk: Int = 8, _ body: @escaping @Sendable (Int, Item) throws -> Result
    ) async throws -> [Result] {
        precondition(width > 0 && chunk > 0, "width and chunk must be positive")
        let starts = Array(stride(from: 0, to: items.count, by: chunk))
        return try await withThrowingTaskGroup(of: (Int, [Result]).self) { group in
            var done: [Int: [Result]] = [:]
            var next = 0
            func start() {
                let lower = starts[next]
                let slice = Array(items[lower..<min(lower + chunk, items.count)])
                group.addTask { (lower, try slice.enumerated().map { try body(lower + $0.offset, $0.element) }) }
                next += 1
            }
            while next < min(width, starts.count) { start() }
            while let (lower, results) = try await group.next() {
                done[lower] = results
                if next < starts.count { start() }
            }
            return starts.flatMap { done[$0] ?? [] }
        }
    }

    // MARK: - Texts of numbered parts

    /// White space runs as single spaces, trimmed: how Parallax shows a sentence's text.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// A text of numbered parts (translation lines, dataset sentences), each its own paragraph,
    /// and a way back from Parallax's sentences to the parts.
    struct PartedText {
        var text: String
        /// UTF-8 offset where each part starts.
        var starts: [Int]

        init(_ parts: [String]) {
            var text = ""
            var starts: [Int] = []
            for part in parts {
                if !text.isEmpty { text += "\n\n" }
                starts.append(text.utf8.count)
                text += collapse(part)
            }
            self.text = text + "\n"
            self.starts = starts
        }

        /// The part a byte offset falls in.
        func part(at offset: Int) -> Int {
            var low = 0
            var high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }

        func document(id: String, path: String, options: AnalysisOptions) throws -> Document {
            try Document(source: SourceText(bytes: Array(text.utf8), path: path), id: id, options: options)
        }

        /// Content sentences by part.
        func sentencesByPart(_ document: Document) -> [Int: [Int]] {
            var out: [Int: [Int]] = [:]
            for sentence in document.sentences where sentence.isContent {
                out[part(at: sentence.start), default: []].append(sentence.index)
            }
            return out
        }
    }

    // MARK: - Base texts for generated cases

    /// Sentences as Parallax reads them, grouped into paragraphs of one to four sentences.
    static func baseText(name: String, parts: [String], options: AnalysisOptions, seed: UInt64) throws -> BaseText {
        var sentences: [String] = []
        var seen = Set<String>()
        for part in parts {
            let text = collapse(part)
            guard !text.isEmpty else { continue }
            let document = try Document(source: SourceText(bytes: Array(text.utf8), path: name), options: options)
            for sentence in document.sentences where sentence.isContent && !seen.contains(sentence.text) {
                seen.insert(sentence.text)
                sentences.append(sentence.text)
            }
        }
        var rng = SplitMix64(seed: seed)
        var paragraphs: [[String]] = []
        var i = 0
        while i < sentences.count {
            let length = min(rng.int(in: 1...4), sentences.count - i)
            paragraphs.append(Array(sentences[i..<(i + length)]))
            i += length
        }
        return BaseText(name: name, paragraphs: paragraphs)
    }

    /// The two documents of a generated case, or nil when Parallax does not read exactly the
    /// sentences the generator wrote (all of them content).
    static func documents(of edited: EditedCase, options: AnalysisOptions) throws -> (a: Document, b: Document)? {
        let a = try Document(source: SourceText(bytes: Array(edited.a.utf8), path: edited.name + " A"), id: "A", options: options)
        let b = try Document(source: SourceText(bytes: Array(edited.b.utf8), path: edited.name + " B"), id: "B", options: options)
        guard a.sentences.map(\.text) == edited.sentencesA, b.sentences.map(\.text) == edited.sentencesB,
            a.sentences.allSatisfy(\.isContent), b.sentences.allSatisfy(\.isContent)
        else { return nil }
        return (a, b)
    }
}

extension Report {
    /// Sentences of A reported as omitted whole, by findings.
    var omittedSentences: Set<Int> {
        Set(findings.filter { $0.category == .omission && $0.b == nil }.flatMap { $0.a?.sentences ?? [] })
    }

    /// Sentences of B reported as added whole, by findings.
    var addedSentences: Set<Int> {
        Set(findings.filter { $0.category == .addition && $0.a == nil }.flatMap { $0.b?.sentences ?? [] })
    }
}

extension LinkScore {
    static let zero = LinkScore(truePositives: 0, predicted: 0, expected: 0)
}

/// The report's same-event verdict as a word: "true" or "false" today. The evaluation counts
/// verdicts only through this function, so that a three-valued `sameEvent` (true, false, unsure)
/// changes this function and nothing else.
func verdict(_ summary: Summary) -> String {
    summary.verdict.rawValue
}

/// A sentence's text cut short for a message.
func clip(_ text: String, _ length: Int = 90) -> String {
    text.count <= length ? text : String(text.prefix(length)) + "…"
}
