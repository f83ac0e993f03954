/// A set of non-negative integers (word positions, key and stem numbers), for the classifier's
/// rules. Each aligned group builds and probes several such sets of a few hundred elements, and
/// `Set` runs SipHash for every insertion and lookup. This is open addressing with a
/// multiplicative hash (a multiply and a shift), at most half full. Its order is its slots' order:
/// the same in every run (the hash has no seed).
struct IntSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    /// The stored elements, -1 for an empty slot; empty, or a power of two long.
    private var slots: [Int] = []
    private(set) var count = 0
    /// 64 − log2(the slot count): the top bits of the hash pick the slot.
    private var shift: UInt64 = 64

    init() {}

    init<S: Sequence>(_ elements: S) where S.Element: BinaryInteger {
        reserve(elements.underestimatedCount)
        for element in elements { insert(element) }
    }

    init(arrayLiteral elements: Int...) { self.init(elements) }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func slot(of element: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: element) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Whether the set holds `element`: a probe of its slots.
    ///
    /// Stated for `Int` itself: with only the generic form below, a call with an `Int` chose
    /// `Sequence.contains(_:)` instead (an exact match of the element type wins over a generic
    /// parameter), which walks every slot.
    func contains(_ element: Int) -> Bool {
        guard count > 0 else { return false }
        let mask = slots.count - 1
        var slot = slot(of: element)
        while true {
            let stored = slots[slot]
            if stored == element { return true }
            if stored < 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the set holds `element`, of any integer type.
    func contains<T: BinaryInteger>(_ element: T) -> Bool {
        contains(Int(element))
    }

    /// Adds `element` (non-negative); whether it was new.
    @discardableResult
    mutating func insert<T: BinaryInteger>(_ element: T) -> Bool {
        let element = Int(element)
        precondition(element >= 0, "IntSet holds non-negative integers")
        if 2 * (count + 1) > slots.count { reserve(count + 1) }
        let mask = slots.count - 1
        var slot = slot(of: element)
        while true {
            let stored = slots[slot]
            if stored == element { return false }
            if stored < 0 { break }
            slot = (slot + 1) & mask
        }
        slots[slot] = element
        count += 1
        return true
    }

    mutating func formUnion<S: Sequence>(_ elements: S) where S.Element: BinaryInteger {
        for element in elements { insert(element) }
    }

    /// How many elements both sets hold.
    func sharedCount(with other: IntSet) -> Int {
        let (small, large) = count <= other.count ? (self, other) : (other, self)
        guard !small.isEmpty else { return 0 }
        var shared = 0
        for element in small.slots where element >= 0 && large.contains(element) { shared += 1 }
        return shared
    }

    /// Room for `capacity` elements with the slots at most half full.
    private mutating func reserve(_ capacity: Int) {
        var bits: UInt64 = 3
        while 1 << bits < 2 * capacity { bits += 1 }
        guard 1 << bits > slots.count else { return }
        let old = slots
        slots = [Int](repeating: -1, count: 1 << bits)
        shift = 64 - bits
        let mask = slots.count - 1
        for element in old where element >= 0 {
            var slot = slot(of: element)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = element
        }
    }

    func makeIterator() -> LazyFilterSequence<[Int]>.Iterator { slots.lazy.filter { $0 >= 0 }.makeIterator() }
}
