internal import CICU

/// ICU's NFKC_Casefold normalizer over whole UTF-16 buffers.
enum NFKCCasefold {
    /// The NFKC_Casefold form of `text` (ICU's `unorm2_normalize` with
    /// `unorm2_getNFKCCasefoldInstance`).
    static func apply(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        if text.isEmpty { return [] }
        return try text.withUnsafeBufferPointer { (source) throws(ICUError) -> [UInt16] in
            try withResizingBuffer(guess: source.count + source.count / 8 + 8, "NFKC_Casefold") { out, capacity, length in
                guard let base = source.baseAddress else { return PXICU_ILLEGAL_ARGUMENT }
                return pxicu_nfkc_casefold(base, Int32(source.count), out, capacity, &length)
            }
        }
    }
}
