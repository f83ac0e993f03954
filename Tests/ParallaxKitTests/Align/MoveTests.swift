import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// A group is `moved` when its link crosses the order the accounts otherwise keep, not merely
/// when it is off the heaviest chain of links.
@Suite("Moves")
struct MoveTests {
    static func link(_ a: Int, _ b: Int) -> Link { Link(a: a, b: b, shared: 1, weightA: 1, weightB: 1) }

    @Test("A link crosses the chain only when a chain link is before it in one account and after it in the other")
    func crossing() {
        let chain = [(0, 0), (1, 1), (2, 2), (4, 3), (5, 6)].map { Self.link($0.0, $0.1) }
        // On the chain, or sharing a sentence with it in the order (a sentence of A that also
        // links to the end of the B sentence before its partner, or to the next one).
        for (a, b) in [(0, 0), (2, 2), (2, 1), (1, 2), (0, 1), (3, 2), (3, 3), (4, 4), (4, 5), (5, 5), (6, 6), (6, 9), (0, -1)] {
            #expect(!Aligner.crosses(Self.link(a, b), chain), "(\(a), \(b))")
        }
        // Before a chain link in A, after it in B; or after in A and before in B.
        for (a, b) in [(1, 3), (3, 0), (4, 1), (2, 4), (6, 5), (3, 4), (0, 2)] {
            #expect(Aligner.crosses(Self.link(a, b), chain), "(\(a), \(b))")
        }
        #expect(!Aligner.crosses(Self.link(3, 7), []))
    }

    static let sentences = [
        "The regional council approved a new budget for the harbour district on Tuesday evening.",
        "Engineers will begin dredging the northern channel before the autumn storms arrive.",
        "The fishing cooperative welcomed the decision after months of negotiation with the mayor.",
        "Tourism operators asked for the ferry timetable to stay unchanged during the works.",
        "A public hearing on the lighthouse restoration is planned for early next spring.",
        "Residents near the old warehouse complained about the noise of night-time deliveries.",
    ]

    static func report(_ a: String, _ b: String) throws -> Report {
        let a = try TestPaths.document(text: a, path: "a.txt", id: "A")
        let b = try TestPaths.document(text: b, path: "b.txt", id: "B")
        return Comparison(a: a, b: b).report
    }

    @Test("Sentences ended at other words in the other account are not moves")
    func resegmented() throws {
        let s = Self.sentences
        // B ends the second sentence inside the third, and tells the rest of the third on its own.
        let b = [
            s[0],
            "Engineers will begin dredging the northern channel before the autumn storms arrive,"
                + " and the fishing cooperative welcomed the decision.",
            "It came after months of negotiation with the mayor.", s[3], s[4], s[5],
        ].joined(separator: " ")
        let report = try Self.report(s.joined(separator: " "), b)
        #expect(!report.findings.contains { $0.category == .moved }, "\(report.alignments)")
        // The third sentence of A links to the end of B's second and to B's third: off the chain.
        #expect(report.alignments.contains { $0.a == [2] && $0.b == [1] } && report.alignments.contains { $0.a == [2] && $0.b == [2] })
    }

    @Test("A sentence told elsewhere in the order is a move")
    func moved() throws {
        let s = Self.sentences
        let report = try Self.report(s.joined(separator: " "), [s[0], s[4], s[1], s[2], s[3], s[5]].joined(separator: " "))
        let moves = report.alignments.filter(\.moved)
        #expect(moves.map(\.a) == [[4]] && moves.map(\.b) == [[1]], "\(report.alignments)")
        #expect(report.findings.filter { $0.category == .moved }.count == 1)
    }
}
