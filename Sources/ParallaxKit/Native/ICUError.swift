internal import CICU

/// A failure reported by ICU through the C shim.
struct ICUError: Error, CustomStringConvertible, Sendable {
    /// ICU's `UErrorCode` (always positive: a failure, not a warning).
    let code: Int32
    /// What Parallax was doing when ICU failed.
    let operation: String

    var description: String {
        "ICU \(operation) failed: \(String(cString: pxicu_error_name(code)))"
    }

    /// Throws when `status` is a failure (positive). Warnings never reach Swift: the shim maps
    /// them to 0.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if status > 0 { throw ICUError(code: status, operation: operation()) }
    }
}

/// Calls `body` with an output buffer of a guessed size and retries once with the size ICU asks
/// for when the guess was too small (ICU's preflighting convention).
func withResizingBuffer(
    guess: Int,
    _ operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> [UInt16] {
    var capacity = max(guess, 16)
    for _ in 0..<3 {
        guard capacity <= Int(Int32.max) else {
            throw ICUError(code: PXICU_BUFFER_OVERFLOW, operation: operation())
        }
        var length: Int32 = 0
        var status: Int32 = 0
        let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
            guard let base = buffer.baseAddress else {
                status = PXICU_ILLEGAL_ARGUMENT
                count = 0
                return
            }
            status = body(base, Int32(capacity), &length)
            count = status == 0 ? Int(length) : 0
        }
        if status == PXICU_BUFFER_OVERFLOW {
            capacity = max(Int(length), capacity * 2)
            continue
        }
        try ICUError.check(status, operation())
        return result
    }
    throw ICUError(code: PXICU_BUFFER_OVERFLOW, operation: operation())
}

/// A failure inside Parallax's engine (for example, ICU refusing a request): not the user's
/// input, so the CLI reports it as an internal error (exit status 3).
public struct EngineError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    init(_ error: ICUError) {
        self.description = error.description
    }
}
