import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The term model and the aligner's index of it, made on two threads (issue 15: the linking
/// stage's wall time): the same numbers and lists a single pass over A, then B, gives.
@Suite("Term model")
struct TermModelTests {
    @Test("Terms are numbered by first use in A, then in B; B's units use A's numbers for shared words")
    func numbering() throws {
        let a = ["Storms battered coastal villages overnight.", "Engineers restored power quickly."]
        let b = ["Volunteers cleared debris.", "Storms battered coastal villages overnight.", "Engineers praised volunteers."]
        let model = try SimilarityTests.model(a, b)
        // The first use of each word, A's sentences then B's, is the order of the numbers.
        let words = (a + b).flatMap { $0.split { !$0.isLetter }.map(String.init) }
        var firstUses: [String] = []
        for word in words where !firstUses.contains(where: { $0.lowercased() == word.lowercased() }) { firstUses.append(word) }
        #expect(model.surfaces == firstUses)
        // The same sentence on both sides has the same terms.
        #expect(model.a[0].terms == model.b[1].terms)
        for unit in model.a + model.b {
            #expect(unit.terms == unit.terms.sorted() && Set(unit.terms).count == unit.terms.count)
        }
        // "volunteers" is B's first new word: the first number after A's words, in both of B's
        // sentences that use it.
        let volunteers = Int32(firstUses.firstIndex(of: "Volunteers")!)
        #expect(volunteers == Int32(a.flatMap { $0.split { !$0.isLetter } }.count))
        #expect(model.b[0].terms.contains(volunteers) && model.b[2].terms.contains(volunteers))
        #expect(model.documentFrequency[Int(volunteers)] == 2)
    }

    @Test("The model is the same on one thread as on several")
    func threads() throws {
        let text = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let other = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        func model() -> TermModel {
            TermModel(
                a: text, b: other, folder: WordFolder(documents: [text, other], glossary: .empty), language: "en", fingerprints: false)
        }
        let spread = model()
        let single = Concurrently.onThisThread { model() }
        #expect(spread.surfaces == single.surfaces && spread.weights == single.weights)
        #expect(spread.a.map(\.terms) == single.a.map(\.terms) && spread.b.map(\.terms) == single.b.map(\.terms))
        #expect(spread.surfaces.count > 100)
    }

    @Test("Postings list the units holding each kept term, in order; nothing for a term not kept")
    func postings() {
        let units = [[0, 2], [2, 3], [1, 2], []].enumerated().map { TermModel.Unit(sentence: $0.offset, terms: $0.element, weight: 1) }
        let postings = Aligner.Postings(of: units, keeping: [true, false, true, true])
        #expect(Array(postings.units(holding: 2)) == [0, 1, 2])
        #expect(Array(postings.units(holding: 0)) == [0])
        #expect(Array(postings.units(holding: 3)) == [1])
        #expect(postings.units(holding: 1).isEmpty)
        #expect(postings.units(holding: 4).isEmpty)
        #expect(Aligner.Postings().units(holding: 0).isEmpty)
    }

    @Test("A sentence's candidate search reads all its terms' postings up to the budget, else the rarest first")
    func postingsBudget() {
        // Term 0 in every unit, 1 in 3,000, 2 in 100, 3 in 10; term 4 is not kept.
        let n = 5_000
        let units = (0..<n).map { j in
            TermModel.Unit(sentence: j, terms: [0] + (j < 3_000 ? [1] : []) + (j < 100 ? [2] : []) + (j < 10 ? [3, 4] : []), weight: 1)
        }
        let postings = Aligner.Postings(of: units, keeping: [true, true, true, true, false])
        #expect(postings.units(holding: 1).count == 3_000 && postings.units(holding: 4).isEmpty)
        #expect(Aligner.postingsBudget < n)
        // Under the budget: every term, as given (the search is what it was without a budget).
        #expect(postings.withinBudget([2, 3, 4]) == [2, 3, 4])
        // Over it: the rarest first while the lists read stay within it (10 + 100 + 3,000).
        #expect(postings.withinBudget([0, 1, 2, 3, 4]) == [3, 2, 1])
        // One list over the budget on its own is still read: a sentence keeps a candidate.
        #expect(postings.withinBudget([0]) == [0])
        #expect(postings.withinBudget([0, 4]) == [0])
    }
}
