internal import CICU

/// ICU's charset detection and conversion.
enum Charset {
    /// The charsets `bytes` may be in, best first, with ICU's confidence from 0 to 100 (ICU's
    /// `ucsdet_detectAll`).
    static func candidates(_ bytes: UnsafeRawBufferPointer) throws(ICUError) -> [(name: String, confidence: Int)] {
        guard let base = bytes.baseAddress, bytes.count <= Int(Int32.max) else {
            throw ICUError(code: PXICU_ILLEGAL_ARGUMENT, operation: "charset detection")
        }
        let capacity = 16
        let stride = 64
        var names = [CChar](repeating: 0, count: capacity * stride)
        var confidences = [Int32](repeating: 0, count: capacity)
        var count: Int32 = 0
        let status = pxicu_detect_charsets(
            base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), &names, Int32(stride), &confidences, Int32(capacity), &count)
        try ICUError.check(status, "charset detection")
        return (0..<Int(count)).map { i in
            let name = names[(i * stride)..<((i + 1) * stride)].prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return (String(decoding: name, as: UTF8.self), Int(confidences[i]))
        }
    }

    /// A decoding failure: ICU's error and the byte offset of the sequence it could not convert.
    struct DecodeFailure: Error {
        let error: ICUError
        let byteOffset: Int?
    }

    /// Decodes `bytes` from `charset` to UTF-16 (ICU's `ucnv_toUnicode`), failing at the first
    /// illegal or unmappable sequence.
    static func decode(_ bytes: UnsafeRawBufferPointer, from charset: String) throws(DecodeFailure) -> [UInt16] {
        guard bytes.count <= Int(Int32.max) else {
            throw DecodeFailure(error: ICUError(code: PXICU_BUFFER_OVERFLOW, operation: "decoding"), byteOffset: nil)
        }
        let source = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var errorOffset: Int32 = -1
        do {
            return try withResizingBuffer(guess: bytes.count + 2, "decoding from \(charset)") { out, capacity, length in
                guard let source else {
                    length = 0
                    return 0
                }
                return pxicu_decode(charset, source, Int32(bytes.count), out, capacity, &length, &errorOffset)
            }
        } catch {
            throw DecodeFailure(error: error, byteOffset: errorOffset >= 0 ? Int(errorOffset) : nil)
        }
    }
}
