import ParallaxTestSupport
import Testing

@testable import ParallaxKit

@Suite("Myers diff")
struct MyersTests {
    /// Random sequences over small alphabets (many ties): the script must keep equal elements in
    /// order on both sides, and be exactly as short as the standard library's.
    @Test("Valid and shortest on 5000 random pairs")
    func shortest() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<5000 {
            let alphabet = 2 + rng.int(below: 6)
            let a = (0..<rng.int(below: 30)).map { _ in Int32(rng.int(below: alphabet)) }
            let b = (0..<rng.int(below: 30)).map { _ in Int32(rng.int(below: alphabet)) }
            let (removed, inserted) = Myers.edits(a, b)
            let keptA = a.indices.filter { !removed[$0] }.map { a[$0] }
            let keptB = b.indices.filter { !inserted[$0] }.map { b[$0] }
            #expect(keptA == keptB, "\(a) \(b)")
            let edits = removed.filter { $0 }.count + inserted.filter { $0 }.count
            #expect(edits == b.difference(from: a).count, "\(a) \(b)")
        }
    }

    @Test("Common prefix and suffix stay; one side empty; identical sides")
    func edges() {
        let (r1, i1) = Myers.edits([1, 2, 3, 4], [1, 2, 9, 4])
        #expect(r1 == [false, false, true, false] && i1 == [false, false, true, false])
        let (r2, i2) = Myers.edits([], [5, 6])
        #expect(r2.isEmpty && i2 == [true, true])
        let (r3, i3) = Myers.edits([7, 7, 7], [7, 7, 7])
        #expect(!r3.contains(true) && !i3.contains(true))
    }

    /// The script keeps equal elements in order on both sides; the number of edits.
    static func check(_ a: [Int32], _ b: [Int32]) -> (valid: Bool, edits: Int, script: [Bool]) {
        let (removed, inserted) = Myers.edits(a, b)
        let keptA = a.indices.filter { !removed[$0] }.map { a[$0] }
        let keptB = b.indices.filter { !inserted[$0] }.map { b[$0] }
        return (keptA == keptB, removed.filter { $0 }.count + inserted.filter { $0 }.count, removed + inserted)
    }

    @Test("Past the size limit: valid, deterministic, and shortest or nearly on a small alphabet")
    func large() {
        var rng = SplitMix64(seed: 5)
        let a = (0..<900).map { _ in Int32(rng.int(below: 50)) }
        var b = a
        for _ in 0..<200 { b[rng.int(below: b.count)] = Int32(rng.int(below: 50)) }
        b.insert(contentsOf: [1, 2, 3], at: 400)
        let first = Self.check(a, b)
        #expect(first.valid)
        #expect(first.script == Self.check(a, b).script)
        let shortest = b.difference(from: a).count
        #expect(first.edits >= shortest && Double(first.edits) <= 1.25 * Double(shortest), "\(first.edits) against \(shortest)")
    }

    @Test("Long sequences of words with scattered edits: the known edits, found by anchors")
    func longWithKnownEdits() {
        // 200,000 "words" over 20,000 kinds (most occur several times, some once), 600 words
        // replaced, 300 dropped, 300 inserted: about 1,800 edits at most.
        var rng = SplitMix64(seed: 11)
        let a = (0..<200_000).map { _ in Int32(rng.int(below: 20_000)) }
        var b = a
        for _ in 0..<600 { b[rng.int(below: b.count)] = Int32(20_000 + rng.int(below: 1_000_000)) }
        for _ in 0..<300 { b.remove(at: rng.int(below: b.count)) }
        for _ in 0..<300 { b.insert(Int32(20_000 + rng.int(below: 1_000_000)), at: rng.int(below: b.count)) }
        let result = Self.check(a, b)
        #expect(result.valid)
        #expect(result.edits >= 1_800 - 50 && result.edits <= 1_800 + 100, "\(result.edits)")
        #expect(result.script == Self.check(a, b).script)
    }

    @Test("Unique elements: exactly the shortest script, however long")
    func uniqueElements() {
        var rng = SplitMix64(seed: 12)
        let a = (0..<50_000).map { Int32($0) }
        var b = a
        for _ in 0..<100 { b.remove(at: rng.int(below: b.count)) }
        for k in 0..<100 { b.insert(Int32(1_000_000 + k), at: rng.int(below: b.count)) }
        #expect(Self.check(a, b).valid)
        #expect(Self.check(a, b).edits == 200)
    }

    @Test("Nothing in common, or one repeated element: valid, and as short as it can be")
    func degenerate() {
        let a = [Int32](repeating: 1, count: 30_000)
        let b = [Int32](repeating: 2, count: 20_000)
        let apart = Self.check(a, b)
        #expect(apart.valid && apart.edits == 50_000)
        let same = Self.check(a, [Int32](repeating: 1, count: 29_000))
        #expect(same.valid && same.edits == 1_000)
    }
}
