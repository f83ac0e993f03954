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
        let bounds = chunkBounds(count: count, cores: cores)
        let results = Results<[T]>(count: bounds.count - 1)
        DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { chunk in
            results.set(chunk, body(bounds[chunk]..<bounds[chunk + 1]))
        }
        return results.all().flatMap { $0 }
    }

    /// Where ``map(_:_:)``'s chunks of `0..<count` begin, and `count` last. The threads take
    /// the chunks in order, and each chunk is a share of what is left: large at first (few
    /// chunks, so each task's caches stay warm), small at the end, so that the last chunk
    /// leaves the other cores idle only briefly however unequal the items' costs (guided
    /// scheduling). The smallest chunk is 1/128 of a core's share.
    static func chunkBounds(count: Int, cores: Int) -> [Int] {
        let smallest = max(1, count / (cores * 128))
        var bounds = [0]
        var start = 0
        while start < count {
            start += min(count - start, max(smallest, (count - start) / (2 * cores)))
            bounds.append(start)
        }
        return bounds
    }

    /// `body(true)` and `body(false)` on two threads: for work done once for each account.
    static func both<T: Sendable>(_ body: @Sendable (_ forA: Bool) -> T) -> (a: T, b: T) {
        let results = map(2) { range in range.map { body($0 == 0) } }
        return (results[0], results[1])
    }

    /// `elements` sorted by `areInIncreasingOrder`, stably, as `sorted(by:)` sorts them: one run
    /// a core sorted on its own thread, then the runs merged in pairs (a tie keeps the element
    /// of the earlier run). Short arrays, one core, or inside `onThisThread`: `sorted(by:)`.
    static func sorted<T: Sendable>(_ elements: [T], by areInIncreasingOrder: @Sendable (T, T) -> Bool) -> [T] {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, threadLimit ?? .max)
        guard elements.count >= sortedRunMinimum * 2, cores > 1 else { return elements.sorted(by: areInIncreasingOrder) }
        let count = elements.count
        let parts = min(cores, count / sortedRunMinimum)
        let sortedRuns = Results<[T]>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            sortedRuns.set(part, elements[(count * part / parts)..<(count * (part + 1) / parts)].sorted(by: areInIncreasingOrder))
        }
        var runs = sortedRuns.all()
        while runs.count > 1 {
            let pairs = runs.count / 2
            let merged = Results<[T]>(count: pairs)
            DispatchQueue.concurrentPerform(iterations: pairs) { [runs] pair in
                merged.set(pair, merge(runs[2 * pair], runs[2 * pair + 1], by: areInIncreasingOrder))
            }
            runs = merged.all() + (runs.count % 2 == 1 ? [runs[runs.count - 1]] : [])
        }
        return runs[0]
    }

    /// The shortest run ``sorted(_:by:)`` gives a thread of its own.
    static let sortedRunMinimum = 1 << 13

    /// Two sorted runs as one, stably: on a tie, `first`'s element comes first.
    private static func merge<T>(_ first: [T], _ second: [T], by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
        var merged: [T] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count && j < second.count {
            if areInIncreasingOrder(second[j], first[i]) {
                merged.append(second[j])
                j += 1
            } else {
                merged.append(first[i])
                i += 1
            }
        }
        merged += first[i...]
        merged += second[j...]
        return merged
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
