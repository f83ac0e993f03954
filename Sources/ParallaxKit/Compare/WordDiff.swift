import Algorithms

/// A change between the words of two aligned groups: words of A replaced by words of B (either
/// side may be empty).
struct Hunk: Sendable {
    var a: Range<Int>
    var b: Range<Int>
}

/// A word-level diff of two fold-key sequences (``Myers``), cleaned up so that edits stand on phrase boundaries: hunks separated only by a
/// function word or two are one edit.
enum WordDiff {
    /// The hunks, and the pairs of words the diff keeps as equal. Words are given by key number
    /// (``KeyTable``): the same number for the same key on both sides, and cheaper to compare
    /// than strings.
    static func diff(_ a: [Int32], _ b: [Int32], isWeak: (Int32) -> Bool) -> (hunks: [Hunk], equal: [(Int, Int)]) {
        let (removed, inserted) = Myers.edits(a, b)
        var hunks: [Hunk] = []
        var equal: [(Int, Int)] = []
        var i = 0
        var j = 0
        var open: Hunk? = nil
        while i < a.count || j < b.count {
            if i < a.count && removed[i] {
                var hunk = open ?? Hunk(a: i..<i, b: j..<j)
                hunk.a = hunk.a.lowerBound..<(i + 1)
                open = hunk
                i += 1
            } else if j < b.count && inserted[j] {
                var hunk = open ?? Hunk(a: i..<i, b: j..<j)
                hunk.b = hunk.b.lowerBound..<(j + 1)
                open = hunk
                j += 1
            } else {
                if let hunk = open {
                    hunks.append(hunk)
                    open = nil
                }
                if i < a.count && j < b.count { equal.append((i, j)) }
                i += 1
                j += 1
            }
        }
        if let hunk = open { hunks.append(hunk) }
        // Merge hunks separated by at most two weak words ("pledged to uphold" / "vowed to safeguard").
        var merged: [Hunk] = []
        for hunk in hunks {
            if let last = merged.last {
                let gapA = last.a.upperBound..<hunk.a.lowerBound
                let gapB = last.b.upperBound..<hunk.b.lowerBound
                if gapA.count == gapB.count, gapA.count <= 2, gapA.allSatisfy({ isWeak(a[$0]) }) {
                    merged[merged.count - 1] = Hunk(a: last.a.lowerBound..<hunk.a.upperBound, b: last.b.lowerBound..<hunk.b.upperBound)
                    continue
                }
            }
            merged.append(hunk)
        }
        // The equal pairs no merged hunk swallowed: both lists run in order, so one walk.
        var mergedEqual: [(Int, Int)] = []
        mergedEqual.reserveCapacity(equal.count)
        var h = 0
        for pair in equal {
            while h < merged.count, merged[h].a.upperBound <= pair.0 { h += 1 }
            if h < merged.count, merged[h].a.contains(pair.0) { continue }
            mergedEqual.append(pair)
        }
        return (merged, mergedEqual)
    }
}

/// An edit script between two sequences: shortest (Myers, "An O(ND) difference algorithm and
/// its variations", 1986) where the sequences are short, near-shortest and in time about
/// linear in their length where they are long.
///
/// The common prefix and suffix are kept first. A region of at most ``limit`` elements (both
/// sides) is searched greedily forward, diagonal by diagonal, and the path read back from the
/// recorded frontiers; where several scripts are equally short, a deletion is taken before an
/// insertion. The frontiers cost (D + 1) × (2(N + M) + 1) integers, so a longer region is first
/// cut at anchors, as a patience diff does: the elements that occur exactly once on each side,
/// the longest run of them in the same order on both, kept as equal; the regions between them
/// are diffed the same way, at most ``anchorDepth`` levels deep. A region still too long after
/// that (nothing unique in it) is cut into equal shares on each side, diffed share against
/// share. Every step is deterministic; the cost is O((N + M) × (``anchorDepth`` + ``limit``)).
enum Myers {
    /// The most elements (both sides, after the common prefix and suffix) searched by Myers's
    /// algorithm in one piece.
    static let limit = 1024
    /// How many times a long region is cut at its unique elements before it is cut into shares.
    static let anchorDepth = 6

    /// Which elements of `a` the script removes and which of `b` it inserts.
    static func edits(_ a: [Int32], _ b: [Int32]) -> (removed: [Bool], inserted: [Bool]) {
        var removed = [Bool](repeating: false, count: a.count)
        var inserted = [Bool](repeating: false, count: b.count)
        region(a, 0..<a.count, b, 0..<b.count, depth: 0, &removed, &inserted)
        return (removed, inserted)
    }

    /// The script of `a[ra]` against `b[rb]`, marked into `removed` and `inserted`.
    private static func region(
        _ a: [Int32], _ ra: Range<Int>, _ b: [Int32], _ rb: Range<Int>, depth: Int, _ removed: inout [Bool], _ inserted: inout [Bool]
    ) {
        var prefix = 0
        while prefix < ra.count, prefix < rb.count, a[ra.lowerBound + prefix] == b[rb.lowerBound + prefix] { prefix += 1 }
        var suffix = 0
        while suffix < ra.count - prefix, suffix < rb.count - prefix, a[ra.upperBound - 1 - suffix] == b[rb.upperBound - 1 - suffix] {
            suffix += 1
        }
        let x0 = ra.lowerBound + prefix
        let y0 = rb.lowerBound + prefix
        let n = ra.count - prefix - suffix
        let m = rb.count - prefix - suffix
        if n == 0 || m == 0 {
            for i in 0..<n { removed[x0 + i] = true }
            for j in 0..<m { inserted[y0 + j] = true }
            return
        }
        if n + m <= limit {
            shortest(a, x0, n, b, y0, m, &removed, &inserted)
            return
        }
        let ra = x0..<(x0 + n)
        let rb = y0..<(y0 + m)
        if depth < anchorDepth {
            let anchors = uniqueAnchors(a, ra, b, rb)
            if !anchors.isEmpty {
                var i = ra.lowerBound
                var j = rb.lowerBound
                for (x, y) in anchors {
                    region(a, i..<x, b, j..<y, depth: depth + 1, &removed, &inserted)
                    i = x + 1
                    j = y + 1
                }
                region(a, i..<ra.upperBound, b, j..<rb.upperBound, depth: depth + 1, &removed, &inserted)
                return
            }
        }
        // No anchor: equal shares of each side, each pair of shares within the limit.
        let shares = (n + m + limit - 1) / limit
        for s in 0..<shares {
            let sa = (x0 + n * s / shares)..<(x0 + n * (s + 1) / shares)
            let sb = (y0 + m * s / shares)..<(y0 + m * (s + 1) / shares)
            region(a, sa, b, sb, depth: anchorDepth, &removed, &inserted)
        }
    }

    /// The elements that occur once in `a[ra]` and once in `b[rb]`, as position pairs, the
    /// longest subsequence of them increasing on both sides (ties to the earlier in `a`).
    static func uniqueAnchors(_ a: [Int32], _ ra: Range<Int>, _ b: [Int32], _ rb: Range<Int>) -> [(Int, Int)] {
        // Per element: its position in b when it occurs there once, -1 when more than once.
        var inB: [Int32: Int] = [:]
        inB.reserveCapacity(rb.count)
        for j in rb {
            if inB.updateValue(j, forKey: b[j]) != nil { inB[b[j]] = -1 }
        }
        var seenInA: [Int32: Int] = [:]
        seenInA.reserveCapacity(ra.count)
        for i in ra { seenInA[a[i], default: 0] += 1 }
        var pairs: [(Int, Int)] = []
        for i in ra where seenInA[a[i]] == 1 {
            if let j = inB[a[i]], j >= 0 { pairs.append((i, j)) }
        }
        guard !pairs.isEmpty else { return [] }
        // Longest increasing subsequence of the b positions (patience sorting).
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            let low = tails.partitioningIndex { pairs[$0].1 >= pair.1 }
            if low > 0 { previous[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var chain: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 {
            chain.append(pairs[k])
            k = previous[k]
        }
        return chain.reversed()
    }

    /// A shortest script of `a[x0..<x0+n]` against `b[y0..<y0+m]` (both non-empty, no common
    /// prefix or suffix).
    private static func shortest(
        _ a: [Int32], _ x0: Int, _ n: Int, _ b: [Int32], _ y0: Int, _ m: Int, _ removed: inout [Bool], _ inserted: inout [Bool]
    ) {
        let maximum = n + m
        let width = 2 * maximum + 1
        // v[maximum + k]: the furthest x reached on diagonal k = x - y. `trace` keeps v as it
        // was before each step d, on the diagonals -d...d only (the way back reads no other):
        // step d's values start at d * d.
        var v = [Int32](repeating: 0, count: width)
        var trace: [Int32] = []
        var steps = 0
        // Through buffer pointers: the search is the diff's inner loop, and array subscripts
        // would check bounds and reload `v` at every step.
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                v.withUnsafeMutableBufferPointer { v in
                    guard let a = a.baseAddress.map({ $0 + x0 }), let b = b.baseAddress.map({ $0 + y0 }),
                        let v = v.baseAddress.map({ $0 + maximum })
                    else { return }
                    // v[k], k in -maximum...maximum.
                    search: for d in 0...maximum {
                        trace.append(contentsOf: UnsafeBufferPointer(start: v - d, count: 2 * d + 1))
                        steps = d
                        var k = -d
                        while k <= d {
                            var x: Int
                            if k == -d || (k != d && v[k - 1] < v[k + 1]) {
                                x = Int(v[k + 1])  // down: an insertion
                            } else {
                                x = Int(v[k - 1]) &+ 1  // right: a deletion
                            }
                            var y = x &- k
                            while x < n, y < m, a[x] == b[y] {
                                x &+= 1
                                y &+= 1
                            }
                            v[k] = Int32(truncatingIfNeeded: x)
                            if x >= n && y >= m { break search }
                            k &+= 2
                        }
                    }
                }
            }
        }
        // Back from (n, m) to (0, 0), one edit per step.
        var x = n
        var y = m
        for d in stride(from: steps, through: 1, by: -1) {
            let before = d * d + d  // diagonal 0 of step d
            let k = x - y
            let previousK = k == -d || (k != d && trace[before + k - 1] < trace[before + k + 1]) ? k + 1 : k - 1
            let previousX = Int(trace[before + previousK])
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
            }
            if x == previousX {
                inserted[y0 + previousY] = true
            } else {
                removed[x0 + previousX] = true
            }
            x = previousX
            y = previousY
        }
    }
}
