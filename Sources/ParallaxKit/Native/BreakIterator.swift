internal import CICU

/// The kind of text unit an ICU break iterator finds.
enum BreakKind: Sendable, Hashable {
    case word
    case sentence

    fileprivate var code: Int32 { self == .word ? PXICU_BREAK_WORD : PXICU_BREAK_SENTENCE }
}

/// ICU break iterators (`ubrk_*`). One prototype per kind and locale is opened once and kept;
/// each run works on a clone of it, because break iterators are not thread-safe.
enum BreakIterator {
    private static let prototypes = Locked<[String: OpaquePointer]>([:])

    fileprivate static func clone(kind: BreakKind, locale: String) throws(ICUError) -> OpaquePointer {
        let key = "\(kind)|\(locale)"
        let result: Result<OpaquePointer, ICUError> = prototypes.withLock { cache in
            var status: Int32 = 0
            let prototype: OpaquePointer
            if let cached = cache[key] {
                prototype = cached
            } else {
                guard let opened = pxicu_breaker_open(kind.code, locale, &status), status <= 0 else {
                    return .failure(
                        ICUError(code: max(status, PXICU_ILLEGAL_ARGUMENT), operation: "opening a \(kind) break iterator for \(locale)"))
                }
                cache[key] = opened
                prototype = opened
            }
            guard let copy = pxicu_breaker_clone(prototype, &status), status <= 0 else {
                return .failure(ICUError(code: max(status, PXICU_ILLEGAL_ARGUMENT), operation: "cloning a break iterator"))
            }
            return .success(copy)
        }
        return try result.get()
    }
}

/// A clone of a break iterator that walks several texts in turn (the pieces of one document),
/// handing over boundaries as ICU finds them instead of collecting them all first. Owns its ICU
/// iterator; not for use on several threads at once.
final class BreakCursor {
    private let handle: OpaquePointer
    private var offsets: [Int32]
    private var statuses: [Int32]

    init(kind: BreakKind, locale: String) throws(ICUError) {
        self.handle = try BreakIterator.clone(kind: kind, locale: locale)
        self.offsets = [Int32](repeating: 0, count: 1024)
        self.statuses = [Int32](repeating: 0, count: 1024)
    }

    deinit {
        pxicu_breaker_close(handle)
    }

    /// Calls `body` with each boundary of `text` after offset 0, in order, and its rule status
    /// (ICU's `ubrk_setText`, `ubrk_next`, `ubrk_getRuleStatus`). ICU holds `text` only during
    /// the call.
    @inline(__always)
    func forEachBoundary(in text: UnsafeBufferPointer<UInt16>, _ body: (_ offset: Int32, _ status: Int32) -> Void) throws(ICUError) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        guard text.count <= Int(Int32.max) else {
            throw ICUError(code: PXICU_BUFFER_OVERFLOW, operation: "segmenting")
        }
        try ICUError.check(pxicu_breaker_set_text(handle, base, Int32(text.count)), "segmenting")
        defer { Self.detach(handle) }
        let capacity = Int32(offsets.count)
        while true {
            let count = Int(pxicu_breaker_next(handle, &offsets, &statuses, capacity))
            if count == 0 { break }
            for i in 0..<count { body(offsets[i], statuses[i]) }
        }
    }

    /// Points the iterator at an empty text, so that it keeps no pointer to a freed buffer.
    private static func detach(_ handle: OpaquePointer) {
        var empty: UInt16 = 0
        _ = pxicu_breaker_set_text(handle, &empty, 0)
    }
}

/// ICU's word break rule status ranges (`UBRK_WORD_*`).
enum WordStatus {
    static func isNone(_ status: Int32) -> Bool { status < 100 }
    static func isNumber(_ status: Int32) -> Bool { (100..<200).contains(status) }
    static func isLetter(_ status: Int32) -> Bool { (200..<300).contains(status) }
}
