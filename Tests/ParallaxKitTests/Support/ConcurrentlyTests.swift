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
}
