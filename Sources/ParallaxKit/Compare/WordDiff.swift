/// A change between the words of two aligned groups: words of A replaced by words of B (either
/// side may be empty).
struct Hunk: Sendable {
    var a: Range<Int>
    var b: Range<Int>
}

/// A word-level diff of two fold-key sequences (the standard library's `CollectionDifference`,
/// a Myers diff), cleaned up so that edits stand on phrase boundaries: hunks separated only by a
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
        let difference = bIDs.difference(from: aIDs)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var hunks: [Hunk] = []
        var equal: [(Int, Int)] = []
        var i = 0
        var j = 0
        var open: Hunk? = nil
        while i < a.count || j < b.count {
            if i < a.count && removed.contains(i) {
                var hunk = open ?? Hunk(a: i..<i, b: j..<j)
                hunk.a = hunk.a.lowerBound..<(i + 1)
                open = hunk
                i += 1
            } else if j < b.count && inserted.contains(j) {
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
