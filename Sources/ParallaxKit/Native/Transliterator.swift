internal import CICU

/// An ICU transliterator (`utrans_*`), opened once and shared. ICU does not promise that one
/// transliterator may run on several threads at once, so each run holds a lock.
final class Transliterator: Sendable {
    private let handle: Locked<OpaquePointer>
    let identifier: String

    /// Opens a system transliterator by ID (such as `"Any-Latin; Latin-ASCII"`) or, when `rules`
    /// is given, one built from those rules (ICU's `utrans_openU`).
    init(identifier: String, rules: String? = nil) throws(ICUError) {
        var status: Int32 = 0
        let opened: OpaquePointer?
        if let rules {
            let units = Array(rules.utf16)
            opened = units.withUnsafeBufferPointer {
                pxicu_transliterator_open(identifier, $0.baseAddress, Int32($0.count), &status)
            }
        } else {
            opened = pxicu_transliterator_open(identifier, nil, 0, &status)
        }
        try ICUError.check(status, "opening transliterator \(identifier)")
        guard let opened else { throw ICUError(code: PXICU_ILLEGAL_ARGUMENT, operation: "opening transliterator \(identifier)") }
        self.handle = Locked(opened)
        self.identifier = identifier
    }

    deinit {
        handle.withLock { pxicu_transliterator_close($0) }
    }

    /// Transliterates a whole UTF-16 buffer (ICU's `utrans_transUChars`).
    func apply(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        if text.isEmpty { return [] }
        return try handle.withLock { (pointer) throws(ICUError) -> [UInt16] in
            try text.withUnsafeBufferPointer { (source) throws(ICUError) -> [UInt16] in
                try withResizingBuffer(guess: source.count + source.count / 4 + 16, "transliterating with \(identifier)") {
                    out, capacity, length in
                    guard let base = source.baseAddress else { return PXICU_ILLEGAL_ARGUMENT }
                    return pxicu_transliterate(pointer, base, Int32(source.count), out, capacity, &length)
                }
            }
        }
    }
}
