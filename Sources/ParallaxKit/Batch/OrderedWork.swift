import Dispatch
import Foundation

/// Work on a stream of items spread over threads, with each result handed on in the order the
/// items came: the output never depends on how many threads ran or which finished first.
///
/// At most `window` items are read ahead of the oldest result not yet handed on, so memory stays
/// bounded however long the stream (a slow item holds the others back, it does not let them
/// pile up).
public enum OrderedWork {
    /// Pulls items with `next` (on the calling thread) until it returns nil, runs `work` on each on
    /// `jobs` threads, and calls `emit` (on the calling thread) with each result in input order.
    ///
    /// - Parameters:
    ///   - jobs: Worker threads (at least one).
    ///   - window: Items in flight at most: read but not yet emitted (at least `jobs`).
    ///   - next: The next item, or nil at the end of the stream.
    ///   - work: The work on one item; runs on any worker thread.
    ///   - emit: Takes each result in order.
    /// - Throws: What `next` or `emit` throws: no further item is started, the workers finish
    ///   the items they hold, and the error is rethrown.
    public static func run<Item: Sendable, Output: Sendable>(
        jobs: Int,
        window: Int,
        next: () throws -> Item?,
        work: @escaping @Sendable (Item) -> Output,
        emit: (Output) throws -> Void
    ) throws {
        let jobs = max(1, jobs)
        let window = max(window, jobs)
        let state = State<Item, Output>()
        let group = DispatchGroup()
        for _ in 0..<jobs {
            group.enter()
            let thread = Thread {
                state.serve(work)
                group.leave()
            }
            // The comparison recurses no deeper than on the main thread, but give the workers
            // the main thread's room all the same.
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer {
            state.close()
            group.wait()
        }

        var issued = 0
        var emitted = 0
        var exhausted = false
        while true {
            while !exhausted && issued - emitted < window {
                guard let item = try next() else {
                    exhausted = true
                    break
                }
                state.add(issued, item)
                issued += 1
            }
            if exhausted && emitted == issued { return }
            try emit(state.take(emitted))
            emitted += 1
        }
    }

    /// The queue of items and the finished results, shared by the caller and the workers.
    private final class State<Item: Sendable, Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [(Int, Item)] = []
        private var head = 0
        private var done: [Int: Output] = [:]
        private var closed = false

        func add(_ index: Int, _ item: Item) {
            condition.lock()
            if head > 64 && head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
            pending.append((index, item))
            condition.broadcast()
            condition.unlock()
        }

        /// The result of item `index`, once a worker has it.
        func take(_ index: Int) -> Output {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let output = done.removeValue(forKey: index) { return output }
                condition.wait()
            }
        }

        /// No more items: the workers stop once the queue is empty.
        func close() {
            condition.lock()
            closed = true
            pending.removeAll()
            head = 0
            condition.broadcast()
            condition.unlock()
        }

        /// A worker's loop: the next item, its result, until the queue is closed and empty.
        func serve(_ work: (Item) -> Output) {
            while true {
                condition.lock()
                while head == pending.count && !closed { condition.wait() }
                if head == pending.count {
                    condition.unlock()
                    return
                }
                let (index, item) = pending[head]
                head += 1
                condition.unlock()
                let output = work(item)
                condition.lock()
                done[index] = output
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
