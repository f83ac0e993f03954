import Dispatch
import Foundation

/// Work spread over the machine's cores, with the results in the order a sequential loop gives
/// them: the output never depends on how the work was split or which thread finished first.
public enum Concurrently {
    /// The most threads `map` may use in the work bound to it; nil: as many as there are cores.
    @TaskLocal static var threadLimit: Int?

    /// Runs `body` with every `map` and `both` inside it on the calling thread: for a caller that
    /// spreads work over threads of its own (`batch` runs one pair a thread, so that `--jobs N`
    /// means N threads and each pair's work is not cut into chunks that compete with the others).
    /// The results are the same; only the threads differ.
    public static func onThisThread<R>(_ body: () throws -> R) rethrows -> R {
        try $threadLimit.withValue(1, operation: body)
    }

    /// `body` over `0..<count`, cut into contiguous chunks that run on as many threads as there
    /// are cores; the chunks' results joined in index order. One core, or one item, or inside
    /// `onThisThread`: `body` over everything on this thread.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, threadLimit ?? .max)
        guard count > 1, cores > 1 else { return body(0..<count) }
        // Several chunks a core, so that a core that drew cheap items takes more of them.
        let chunks = min(count, cores * 16)
        let results = Results<[T]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            results.set(chunk, body((count * chunk / chunks)..<(count * (chunk + 1) / chunks)))
        }
        return results.all().flatMap { $0 }
    }

    /// `body(true)` and `body(false)` on two threads: for work done once for each account.
    static func both<T: Sendable>(_ body: @Sendable (_ forA: Bool) -> T) -> (a: T, b: T) {
        let results = map(2) { range in range.map { body($0 == 0) } }
        return (results[0], results[1])
    }

    /// One slot a chunk, filled from any thread.
    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: T) {
            lock.withLock { slots[index] = value }
        }

        /// The results in order; after `concurrentPerform` has returned, every slot is filled.
        func all() -> [T] {
            lock.withLock { slots.compactMap { $0 } }
        }
    }
}
