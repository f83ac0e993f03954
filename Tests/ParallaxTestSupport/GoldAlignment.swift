import Foundation
import ParallaxKit

/// A hand-made sentence alignment (Fixtures/*/gold-alignment.json): links between sentences of
/// A and B, named by the start of their text, and the sentences found on one side only.
public struct GoldAlignment: Decodable, Sendable {
    public struct Link: Decodable, Sendable {
        public var a: String
        public var b: String
    }

    public var a: String
    public var b: String
    public var links: [Link]
    public var onlyA: [String]
    public var onlyB: [String]

    public static func load(_ path: String) throws -> GoldAlignment {
        try JSONDecoder().decode(GoldAlignment.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public struct ResolveError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The sentence of `document` whose text starts with `prefix`; exactly one must.
    public static func resolve(_ prefix: String, in document: Document) throws -> Int {
        let matches = document.sentences.filter { $0.text.hasPrefix(prefix) }
        guard matches.count == 1, let match = matches.first else {
            throw ResolveError(description: "\(matches.count) sentences of \(document.source.path) start with \"\(prefix)\"")
        }
        return match.index
    }

    /// Links as sentence index pairs.
    public func resolvedLinks(a: Document, b: Document) throws -> Set<SentencePair> {
        Set(try links.map { SentencePair(a: try Self.resolve($0.a, in: a), b: try Self.resolve($0.b, in: b)) })
    }
}

public struct SentencePair: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var a: Int
    public var b: Int

    public init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }

    public static func < (x: SentencePair, y: SentencePair) -> Bool { (x.a, x.b) < (y.a, y.b) }
    public var description: String { "A\(a)–B\(b)" }
}

/// Precision, recall and F1 of predicted links against true ones.
public struct LinkScore: CustomStringConvertible, Sendable {
    public var truePositives: Int
    public var predicted: Int
    public var expected: Int

    public init(predicted: Set<SentencePair>, expected: Set<SentencePair>) {
        truePositives = predicted.intersection(expected).count
        self.predicted = predicted.count
        self.expected = expected.count
    }

    public init(truePositives: Int, predicted: Int, expected: Int) {
        self.truePositives = truePositives
        self.predicted = predicted
        self.expected = expected
    }

    public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
    public var recall: Double { expected == 0 ? 1 : Double(truePositives) / Double(expected) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public static func + (x: LinkScore, y: LinkScore) -> LinkScore {
        LinkScore(truePositives: x.truePositives + y.truePositives, predicted: x.predicted + y.predicted, expected: x.expected + y.expected)
    }

    public var description: String {
        String(
            format: "precision %.3f, recall %.3f, F1 %.3f (%d of %d predicted links right, %d true links)",
            precision, recall, f1, truePositives, predicted, expected)
    }
}

extension Report {
    /// Every sentence link of the report: each alignment's A sentences times its B sentences.
    public var links: Set<SentencePair> {
        var pairs = Set<SentencePair>()
        for alignment in alignments {
            for a in alignment.a { for b in alignment.b { pairs.insert(SentencePair(a: a, b: b)) } }
        }
        return pairs
    }

    /// Sentences reported as omitted (A) or added (B) as whole sentences.
    public var oneSided: (a: Set<Int>, b: Set<Int>) {
        var a = Set<Int>()
        var b = Set<Int>()
        for alignment in alignments {
            if alignment.b.isEmpty { a.formUnion(alignment.a) }
            if alignment.a.isEmpty { b.formUnion(alignment.b) }
        }
        return (a, b)
    }
}
