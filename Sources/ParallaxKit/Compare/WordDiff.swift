/// A change between the words of two aligned groups: words of A replaced by words of B (either
/// side may be empty).
struct Hunk: Sendable {
    var a: Range<Int>
    var b: Range<Int>
}

/// A word-level diff of two fold-key sequences (a Myers diff), cleaned up so that edits stand on phrase boundaries: hunks separated only by a
/// function word or two are one edit.
enum WordDiff {
    /// The hunks, and the pairs of words the diff keeps as equal.
    static func diff(_ a: [String], _ b: [String], isWeak: (String) -> Bool) -> (hunks: [Hunk], equal: [(Int, Int)]) {
        // The diff runs on small integers, one per distinct key: cheaper to compare than strings.
        var ids: [String: Int32] = [:]
        func intern(_ key: String) -> Int32 {
            if let id = ids[key] { return id }
            let id = Int32(ids.count)
            ids[key] = id
            return id
        }
        let aIDs = a.map(intern)
        let bIDs = b.map(intern)
        let (removed, inserted) = Myers.edits(aIDs, bIDs)
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
                if let hunk = open { hunks.append(hunk); open = nil }
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
        let mergedEqual = equal.filter { pair in !merged.contains { $0.a.contains(pair.0) } }
        return (merged, mergedEqual)
    }
}

/// A shortest edit script between two sequences (Myers, "An O(ND) difference algorithm and its
/// variations", 1986): the common prefix and suffix are kept, the rest is searched greedily
/// forward, diagonal by diagonal, and the path read back from the recorded frontiers. Where
/// several scripts are equally short, a deletion is taken before an insertion.
///
/// The frontiers cost (D + 1) × (2(N + M) + 1) integers; above ``limit`` elements the standard
/// library's linear-space diff is used instead.
enum Myers {
    /// The most elements (both sides, after the common prefix and suffix) searched here.
    static let limit = 1024

    /// Which elements of `a` the script removes and which of `b` it inserts.
    static func edits(_ a: [Int32], _ b: [Int32]) -> (removed: [Bool], inserted: [Bool]) {
        var removed = [Bool](repeating: false, count: a.count)
        var inserted = [Bool](repeating: false, count: b.count)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x0 = prefix, y0 = prefix
        let n = a.count - prefix - suffix
        let m = b.count - prefix - suffix
        if n == 0 || m == 0 {
            for i in 0..<n { removed[x0 + i] = true }
            for j in 0..<m { inserted[y0 + j] = true }
            return (removed, inserted)
        }
        guard n + m <= limit else {
            for change in b[y0..<(y0 + m)].difference(from: a[x0..<(x0 + n)]) {
                switch change {
                case .remove(let offset, _, _): removed[x0 + offset] = true
                case .insert(let offset, _, _): inserted[y0 + offset] = true
                }
            }
            return (removed, inserted)
        }
        let maximum = n + m
        let width = 2 * maximum + 1
        // v[maximum + k]: the furthest x reached on diagonal k = x - y. `trace` keeps v as it
        // was before each step d.
        var v = [Int32](repeating: 0, count: width)
        var trace: [Int32] = []
        var steps = 0
        search: for d in 0...maximum {
            trace.append(contentsOf: v)
            steps = d
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[maximum + k - 1] < v[maximum + k + 1]) {
                    x = Int(v[maximum + k + 1])  // down: an insertion
                } else {
                    x = Int(v[maximum + k - 1]) + 1  // right: a deletion
                }
                var y = x - k
                while x < n, y < m, a[x0 + x] == b[y0 + y] {
                    x += 1
                    y += 1
                }
                v[maximum + k] = Int32(x)
                if x >= n && y >= m { break search }
            }
        }
        // Back from (n, m) to (0, 0), one edit per step.
        var x = n
        var y = m
        for d in stride(from: steps, through: 1, by: -1) {
            let before = d * width
            let k = x - y
            let previousK = k == -d || (k != d && trace[before + maximum + k - 1] < trace[before + maximum + k + 1]) ? k + 1 : k - 1
            let previousX = Int(trace[before + maximum + previousK])
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
        return (removed, inserted)
    }
}
