import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The rules' integer sets: open addressing with a multiplicative hash, answering as `Set` does.
@Suite("Integer sets")
struct IntSetTests {
    @Test("Insertions, lookups, counts and unions answer as a Set does")
    func asSet() {
        var random = SplitMix64(seed: 7)
        for size in [0, 1, 2, 3, 4, 5, 8, 9, 100, 1_000, 5_000] {
            var set = IntSet()
            var reference = Set<Int>()
            // Small numbers (word positions), large ones, and numbers that differ only in their
            // high bits (one slot's neighbours under a multiplicative hash).
            for _ in 0..<size {
                let element: Int
                switch random.int(below: 3) {
                case 0: element = random.int(below: 300)
                case 1: element = random.int(below: 1 << 40)
                default: element = random.int(below: 16) << 48 | 5
                }
                #expect(set.insert(element) == reference.insert(element).inserted)
            }
            #expect(set.count == reference.count && set.isEmpty == reference.isEmpty)
            #expect(Set(set) == reference && Array(set).count == reference.count)
            for element in reference { #expect(set.contains(element)) }
            for _ in 0..<2_000 {
                let probe = random.int(below: 1 << 41)
                #expect(set.contains(probe) == reference.contains(probe))
            }
            let other = IntSet((0..<size).map { _ in random.int(below: 300) })
            let otherReference = Set(other)
            #expect(set.sharedCount(with: other) == reference.intersection(otherReference).count)
            #expect(other.sharedCount(with: set) == reference.intersection(otherReference).count)
            var union = set
            union.formUnion(other)
            #expect(Set(union) == reference.union(otherReference))
            // A copy is a value: the set it came from keeps its elements.
            #expect(Set(set) == reference)
        }
    }

    @Test("Integers of any width; an empty set holds nothing")
    func widths() {
        let stems: IntSet = [3, 1, 3]
        #expect(stems.contains(Int32(3)) && stems.contains(UInt8(1)) && !stems.contains(Int64(2)))
        #expect(stems.count == 2)
        let empty = IntSet()
        #expect(!empty.contains(0) && empty.isEmpty && Array(empty).isEmpty)
        #expect(IntSet([Int32]()).sharedCount(with: stems) == 0)
    }
}
