internal import CICU

/// ICU's rule-based spell-out format for English (`unum_open` with `UNUM_SPELLOUT`), used to read
/// spelled-out numbers. Opened once and shared; ICU's number formats are not thread-safe, so each
/// parse holds a lock, and every answer is cached (a parse costs ICU some microseconds, a cached
/// one a dictionary look-up).
final class Spellout: Sendable {
    private struct State {
        var handle: OpaquePointer
        var cache: [String: Double?]
    }

    private let state: Locked<State>

    /// The English spell-out format, or nil when this ICU cannot open it.
    static let english: Spellout? = try? Spellout(locale: "en")

    /// Opens the spell-out rules of `locale` (ICU's `unum_open` with `UNUM_SPELLOUT`).
    init(locale: String) throws(ICUError) {
        var status: Int32 = 0
        let opened = pxicu_spellout_open(locale, &status)
        try ICUError.check(status, "opening the spell-out number format for \(locale)")
        guard let opened else {
            throw ICUError(code: PXICU_ILLEGAL_ARGUMENT, operation: "opening the spell-out number format for \(locale)")
        }
        self.state = Locked(State(handle: opened, cache: [:]))
    }

    deinit {
        state.withLock { pxicu_spellout_close($0.handle) }
    }

    /// The number that `words` spell out as a whole ("twenty-one" = 21, "one hundredth" = 100),
    /// or nil when ICU cannot read all of it (ICU's `unum_parseDouble`). ICU's strict parse wants
    /// lowercase words, single spaces, and tens joined to units by a hyphen.
    func value(of words: String) -> Double? {
        let units = Array(words.utf16)
        guard !units.isEmpty, units.count <= 1024 else { return nil }
        return state.withLock { state -> Double? in
            if let cached = state.cache[words] { return cached }
            var value = 0.0
            var parsed: Int32 = 0
            let status = units.withUnsafeBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return PXICU_ILLEGAL_ARGUMENT }
                return pxicu_spellout_parse(state.handle, base, Int32(buffer.count), &value, &parsed)
            }
            let result: Double? = status == 0 && Int(parsed) == units.count && value.isFinite ? value : nil
            if state.cache.count < 4096 { state.cache[words] = result }
            return result
        }
    }
}
