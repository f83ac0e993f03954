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

    @Test("Past the size limit the linear-space diff takes over, still shortest")
    func large() {
        var rng = SplitMix64(seed: 5)
        let a = (0..<900).map { _ in Int32(rng.int(below: 50)) }
        var b = a
        for _ in 0..<200 { b[rng.int(below: b.count)] = Int32(rng.int(below: 50)) }
        b.insert(contentsOf: [1, 2, 3], at: 400)
        let (removed, inserted) = Myers.edits(a, b)
        let keptA = a.indices.filter { !removed[$0] }.map { a[$0] }
        let keptB = b.indices.filter { !inserted[$0] }.map { b[$0] }
        #expect(keptA == keptB)
        #expect(removed.filter { $0 }.count + inserted.filter { $0 }.count == b.difference(from: a).count)
    }
}
