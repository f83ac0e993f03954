import Foundation
import Testing

@testable import ParallaxKit

@Suite("Concurrently")
struct ConcurrentlyTests {
    /// The thread a chunk ran on, as a number that can cross threads.
    static func thread() -> UInt { UInt(pthread_self()) }

    @Test("map gives the sequential loop's results in order, whatever the chunks and threads")
    func inOrder() {
        for count in [0, 1, 2, 31, 10_000] {
            #expect(Concurrently.map(count) { range in range.map { $0 * $0 } } == (0..<count).map { $0 * $0 })
        }
    }

    @Test("Inside onThisThread, map and both run on the calling thread, nested or not, with the same results")
    func onThisThread() {
        let caller = Self.thread()
        let (threads, squares, pair) = Concurrently.onThisThread {
            (
                Set(Concurrently.map(64) { range in range.map { _ in Self.thread() } }),
                Concurrently.map(1_000) { range in range.map { $0 * $0 } },
                Concurrently.both { forA in (forA, Self.thread()) }
            )
        }
        #expect(threads == [caller])
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(pair.a == (true, caller) && pair.b == (false, caller))
        // The limit ends with the call.
        #expect(Concurrently.threadLimit == nil)
    }

    @Test("The chunks cover 0..<count in order, without gaps, shrink towards the end, and stay few")
    func chunkBounds() {
        for cores in [2, 4, 16] {
            for count in [2, 3, 31, 100, 1_000, 98_470, 1_000_000] {
                let bounds = Concurrently.chunkBounds(count: count, cores: cores)
                #expect(bounds.first == 0 && bounds.last == count)
                let sizes = zip(bounds, bounds.dropFirst()).map { $1 - $0 }
                #expect(sizes.allSatisfy { $0 > 0 })
                // Each chunk at most as large as the one before it (the last may be a remainder).
                #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $1 <= $0 })
                // No chunk takes more than half a core's share; the last is small.
                #expect(sizes.allSatisfy { $0 <= max(1, count / (2 * cores)) })
                #expect(sizes.last! <= max(1, count / (cores * 128)))
                #expect(sizes.count <= 12 * cores + 2)
            }
        }
        // `both` needs a chunk an item.
        #expect(Concurrently.chunkBounds(count: 2, cores: 2) == [0, 1, 2])
    }

    @Test("sorted gives sorted(by:)'s order on all cores, ties in their original order")
    func sorted() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 100, Concurrently.sortedRunMinimum * 2 - 1, Concurrently.sortedRunMinimum * 2 + 7, 100_000] {
            // Few distinct keys, so that most comparisons tie: the payload tells the order kept.
            let elements = (0..<count).map { (key: Int.random(in: 0..<50, using: &generator), payload: $0) }
            let expected = elements.sorted { $0.key < $1.key }
            let got = Concurrently.sorted(elements) { $0.key < $1.key }
            #expect(got.map(\.key) == expected.map(\.key))
            #expect(got.map(\.payload) == expected.map(\.payload))
        }
        let words = (0..<50_000).map { _ in Int64.random(in: .min ... .max, using: &generator) }
        #expect(Concurrently.sorted(words, by: <) == words.sorted())
    }
}
