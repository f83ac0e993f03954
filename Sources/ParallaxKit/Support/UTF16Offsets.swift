/// Converts UTF-16 offsets, in ascending order, to UTF-8 byte offsets of the same text in one
/// walk over the UTF-16 units.
struct UTF16ToUTF8Walker {
    /// The text; it must outlive the walker.
    private let units: UnsafeBufferPointer<UInt16>
    private var unit = 0
    private var byte = 0

    init(_ units: UnsafeBufferPointer<UInt16>) {
        self.units = units
    }

    /// The UTF-8 offset of UTF-16 offset `target`; targets must not decrease between calls.
    mutating func utf8Offset(of target: Int) -> Int {
        precondition(target >= unit, "UTF-16 offsets must be visited in ascending order")
        let end = min(target, units.count)
        while unit < end {
            let u = units[unit]
            if u < 0x80 {
                byte += 1
            } else if u < 0x800 {
                byte += 2
            } else if u >= 0xD800 && u < 0xDC00 && unit + 1 < units.count && units[unit + 1] >= 0xDC00 && units[unit + 1] < 0xE000 {
                byte += 4
                unit += 1
            } else {
                byte += 3
            }
            unit += 1
        }
        return byte
    }
}
