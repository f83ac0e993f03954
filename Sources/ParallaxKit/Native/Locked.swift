import Foundation

/// A value behind a lock, with `Mutex`'s `withLock`. A pthread mutex (`NSLock`), not the
/// standard library's `Mutex`: on Linux `Mutex` waits on a futex that ThreadSanitizer cannot
/// see, so it reported every access the lock guards as a race (the ICU handles and caches
/// here), hiding any real one among them.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value, holding the lock.
    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
