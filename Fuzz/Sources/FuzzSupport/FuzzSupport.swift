import Foundation
import ParallaxKit

/// What the fuzz targets share: turning libFuzzer's bytes into inputs, and checks that stop the
/// run (a crash libFuzzer keeps) when an invariant does not hold.
public enum Fuzz {
    /// The bytes libFuzzer hands over.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The separator between account A and account B in a compare input (ASCII unit separator).
    public static let separator: UInt8 = 0x1F

    /// Two accounts from one input: split at the first unit separator, else in the middle.
    public static func pair(_ bytes: [UInt8]) -> (a: [UInt8], b: [UInt8]) {
        let cut = bytes.firstIndex(of: separator) ?? bytes.count / 2
        let rest = cut < bytes.count && bytes[cut] == separator ? cut + 1 : cut
        return (Array(bytes[..<cut]), Array(bytes[rest...]))
    }

    /// Decodes and analyses one account; nil when Parallax refuses it as input (that is an
    /// answer, not a failure).
    public static func document(_ bytes: [UInt8], id: String, options: AnalysisOptions = AnalysisOptions()) -> Document? {
        guard let source = try? SourceText(bytes: bytes, path: id == "A" ? "a.txt" : "b.txt") else { return nil }
        do {
            let document = try Document(source: source, id: id, options: options)
            check(document)
            return document
        } catch {
            // ICU failing on text it was given is worth a look.
            fail("Document(source:) threw \(error)")
        }
    }

    /// Both accounts of a compare input, compared; nil when either is refused as input.
    public static func comparison(_ bytes: [UInt8]) -> Comparison? {
        let (a, b) = pair(bytes)
        guard let first = document(a, id: "A"), let second = document(b, id: "B") else { return nil }
        let comparison = Comparison(a: first, b: second)
        check(comparison.report, a: first, b: second)
        return comparison
    }

    /// Sentences and tokens lie inside the text, in order.
    public static func check(_ document: Document) {
        let count = document.source.utf8.count
        var end = 0
        for sentence in document.sentences {
            let inOrder = sentence.start >= end && sentence.start <= sentence.end && sentence.end <= count
            require(inOrder, "sentence \(sentence.start)..<\(sentence.end) out of order or outside 0..<\(count)")
            let tokens = sentence.tokenRange.lowerBound >= 0 && sentence.tokenRange.upperBound <= document.tokens.count
            require(tokens, "sentence tokens \(sentence.tokenRange) outside 0..<\(document.tokens.count)")
            end = sentence.end
        }
        for token in document.tokens {
            require(token.range.lowerBound >= 0 && token.range.upperBound <= count, "token range \(token.range) outside 0..<\(count)")
            require(Int(token.key) < document.vocabulary.count, "token key \(token.key) outside the vocabulary")
        }
    }

    /// Alignments and findings point at sentences that exist; figures are finite; the JSON
    /// report encodes.
    public static func check(_ report: Report, a: Document, b: Document) {
        for alignment in report.alignments {
            require(alignment.a.allSatisfy { a.sentences.indices.contains($0) }, "alignment names a sentence A lacks: \(alignment.a)")
            require(alignment.b.allSatisfy { b.sentences.indices.contains($0) }, "alignment names a sentence B lacks: \(alignment.b)")
            require(alignment.score.isFinite && alignment.coverageA.isFinite && alignment.coverageB.isFinite, "alignment figure not finite")
        }
        for finding in report.findings {
            require(finding.a?.sentences.allSatisfy { a.sentences.indices.contains($0) } ?? true, "finding names a sentence A lacks")
            require(finding.b?.sentences.allSatisfy { b.sentences.indices.contains($0) } ?? true, "finding names a sentence B lacks")
        }
        require(report.summary.coverageA.isFinite && report.summary.coverageB.isFinite, "coverage not finite")
        do {
            _ = try JSONOutput.encode(report)
        } catch {
            fail("the JSON report does not encode: \(error)")
        }
    }

    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fail(message()) }
    }

    /// Ends the run the way libFuzzer keeps a reproducer for.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz invariant failed: \(message)\n".utf8))
        abort()
    }
}
