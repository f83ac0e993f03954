/// A map from ``WordKey``s (and Unicode scalar values) to values, for the fact parsers' word
/// lists. The parsers look up every word of every sentence of every aligned group, most of them
/// in vain; `Dictionary` runs SipHash for each. This is open addressing over the keys with a
/// multiplicative hash: a lookup is a multiply, a shift and a compare or two. Key 0 (a word that
/// is not plain ASCII letters) is never stored and finds nothing.
struct WordKeyMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// The stored keys, 0 for an empty slot.
    private let slots: [UInt64]
    private let values: [Value?]
    /// 64 − log2(the slot count): the top bits of the hash pick the slot.
    private let shift: UInt64

    init(_ dictionary: [UInt64: Value]) {
        let entries = dictionary.filter { $0.key != 0 }
        var bits: UInt64 = 3
        while 1 << bits < 2 * entries.count { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        var values = [Value?](repeating: nil, count: 1 << bits)
        let mask = slots.count - 1
        for (key, value) in entries {
            var slot = Self.slot(of: key, shift: 64 - bits)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
            values[slot] = value
        }
        self.slots = slots
        self.values = values
        self.shift = 64 - bits
    }

    init(dictionaryLiteral elements: (UInt64, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    @inline(__always)
    private static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Inlined: the parsers ask it of nearly every word, most often in vain, and a miss is
    /// cheaper than a call.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        guard key != 0 else { return nil }
        let mask = slots.count - 1
        var slot = Self.slot(of: key, shift: shift)
        while true {
            let stored = slots[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The keys, in the order of their slots (the same in every run: the hash has no seed).
    var keys: [UInt64] { slots.filter { $0 != 0 } }

    var count: Int { slots.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } }
}

/// A set of ``WordKey``s, looked up as ``WordKeyMap`` does.
struct WordKeySet: Sendable, Sequence, ExpressibleByArrayLiteral {
    private let map: WordKeyMap<Bool>

    init<S: Sequence<UInt64>>(_ keys: S) {
        map = WordKeyMap(Dictionary(keys.map { ($0, true) }, uniquingKeysWith: { first, _ in first }))
    }

    init(arrayLiteral elements: UInt64...) { self.init(elements) }

    func contains(_ key: UInt64) -> Bool { map[key] != nil }

    func makeIterator() -> IndexingIterator<[UInt64]> { map.keys.makeIterator() }
}
