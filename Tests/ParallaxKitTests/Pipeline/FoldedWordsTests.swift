import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The folded words of a document are kept compactly (numbers into a key table, 16 bytes a
/// word, one array a document) and handed out a sentence at a time: what comes out must be
/// the words, keys, spans and flags of the text.
@Suite("Folded words")
struct FoldedWordsTests {
    static func document(_ text: String, id: String = "A") throws -> Document {
        try Document(source: SourceText(bytes: Array(text.utf8), path: id), id: id)
    }

    @Test("Keys, compounds, glossary classes, spans and flags, sentence by sentence")
    func words() throws {
        // "high level" is a compound because "high-level" occurs.
        let text =
            "The high level talks in Beijing ended. Real multilateralism, said Xi on 3 May.\n\n"
            + "Genuine multilateralism at the high-level meeting.\n"
        let a = try Self.document(text)
        let glossary = try Glossary(classes: [["genuine multilateralism", "real multilateralism"]])
        let folder = WordFolder(documents: [a], glossary: glossary)
        let rows = FoldedSentences(a, folder: folder).words
        #expect(rows.count == a.sentences.count && rows.count == 3)
        func surface(_ word: FoldedWord) -> String { String(decoding: a.source.utf8[word.span], as: UTF8.self) }

        let first = rows[0]
        #expect(first.map(\.key) == ["the", "highlevel", "talks", "in", "beijing", "ended"])
        #expect(first.map(surface) == ["The", "high level", "talks", "in", "Beijing", "ended"])
        #expect(first.map(\.isCapitalized) == [true, false, false, false, true, false])
        // The sentence's first word is capitalised but no name.
        #expect(first.map(\.isName) == [false, false, false, false, true, false])
        #expect(first.allSatisfy { $0.glossaryEntry == nil && $0.variant == $0.key && !$0.isNumber })

        let second = rows[1]
        #expect(second.map(surface) == ["Real multilateralism", "said", "Xi", "on", "3", "May"])
        #expect(second[0].key == "genuine multilateralism" && second[0].variant == "real multilateralism")
        #expect(second[0].glossaryEntry == 0 && second[0].isCapitalized && !second[0].isName && !second[0].isNumber)
        #expect(second.map(\.isNumber) == [false, false, false, false, true, false])
        #expect(second[2].isName && second[5].isName)

        let third = rows[2]
        #expect(third.map(\.key) == ["genuine multilateralism", "at", "the", "highlevel", "meeting"])
        #expect(third[0].variant == "genuine multilateralism" && third[0].glossaryEntry == 0)

        // The folder hands out the same words one sentence at a time, and folds a sentence of a
        // document it was not given on the spot.
        for sentence in a.sentences {
            #expect(folder.words(of: sentence, in: a).map(\.key) == rows[sentence.index].map(\.key))
        }
        let other = try Self.document("Real multilateralism and high level talks.", id: "B")
        #expect(folder.words(of: other.sentences[0], in: other).map(\.key) == ["genuine multilateralism", "and", "highlevel", "talks"])
    }

    @Test("A stored word takes 12 bytes, a candidate link 16")
    func sizes() {
        #expect(MemoryLayout<FoldedSentences.StoredWord>.stride == 12)
        #expect(MemoryLayout<Aligner.Candidate>.stride == 16)
    }

    @Test("Flags and glossary numbers keep apart in a stored word")
    func storedWordBits() {
        for glossaryIndex in [0, 1, 7, (1 << 28) - 1] {
            for bits in 0..<16 {
                let word = FoldedSentences.StoredWord(
                    key: 5, token: 10, twoTokens: bits & 8 != 0, isNumber: bits & 1 != 0, isName: bits & 2 != 0,
                    isCapitalized: bits & 4 != 0, glossaryIndex: glossaryIndex)
                #expect(word.isNumber == (bits & 1 != 0) && word.isName == (bits & 2 != 0) && word.isCapitalized == (bits & 4 != 0))
                #expect(word.twoTokens == (bits & 8 != 0))
                #expect(word.glossaryIndex == glossaryIndex && word.key == 5 && word.token == 10)
            }
        }
    }
}

/// The filter that spares most pairs of adjacent words the closed-compound lookup must never turn
/// away a pair the lookup accepts.
@Suite("Open-compound filter")
struct OpenCompoundFilterTests {
    @Test("Every adjacent pair of real texts that spells a closed form passes the filter; most others do not")
    func filterIsExact() throws {
        let extra = try TestPaths.document(
            text: "A long term plan and a longterm plan. Über all, überall. Ein само лёт und ein самолёт.", id: "C")
        let documents = [
            try TestPaths.document(TestPaths.june2021ChinaDaily), try TestPaths.document(TestPaths.june2021Readout, id: "B"), extra,
            try TestPaths.document(text: try AlignmentCorpora.wmt().a.joined(separator: "\n"), id: "W"),
        ]
        let context = FoldContext(keys: documents.flatMap(\.vocabulary))
        var pairs = 0
        var passed = 0
        var compounds: Set<String> = []
        for document in documents {
            let words = document.tokens.filter { $0.kind == .word }.map { context.key(document.key(of: $0)) }
            for (first, second) in zip(words, words.dropFirst()) {
                pairs += 1
                let may = FoldContext.mayBeOpenCompound(context.compoundParts(first), context.compoundParts(second))
                if may { passed += 1 }
                if context.isOpenCompound(first, second) {
                    #expect(may, "\(first) \(second) spells a closed form but the filter turned it away")
                    compounds.insert(first + second)
                }
            }
        }
        // Folding takes the umlaut off "überall" and writes "самолёт" in Latin letters.
        #expect(compounds.isSuperset(of: ["highlevel", "longterm", "uberall", "samolet"]), "\(compounds.sorted())")
        #expect(pairs > 10000)
        #expect(Double(passed) < 0.2 * Double(pairs), "the filter let \(passed) of \(pairs) pairs through")

        // Keys that are not ASCII (given as keys, not folded) always pass; two ASCII keys pass
        // only as a closed form's prefix and suffix.
        let direct = FoldContext(keys: ["straßenbahn", "straßen", "bahn", "autobahn", "auto", "bahnhof"])
        for (first, second) in [("straßen", "bahn"), ("auto", "bahn")] {
            #expect(direct.isOpenCompound(first, second))
            #expect(FoldContext.mayBeOpenCompound(direct.compoundParts(first), direct.compoundParts(second)))
        }
        #expect(FoldContext.mayBeOpenCompound(direct.compoundParts("straßen"), direct.compoundParts("auto")))
        #expect(!FoldContext.mayBeOpenCompound(direct.compoundParts("bahn"), direct.compoundParts("auto")))
        #expect(!direct.isOpenCompound("bahn", "auto"))
    }
}
