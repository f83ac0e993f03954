extension Array {
    /// The same elements in an array of their size, where growing by doubling (or a guess of the
    /// count) left more than an eighth of the storage unused; the array itself otherwise. For
    /// arrays kept long: a document's tokens, a group's findings until the report is made.
    func withExcessCapacityReleased() -> [Element] {
        capacity > count + count / 8 ? withUnsafeBufferPointer { Array($0) } : self
    }

    /// Puts the elements in the order `order` gives (element `order[p]` goes to position `p`; a
    /// permutation of the indices) in place: one element at a time follows its cycle, so that a
    /// long array of large values (a report's findings) is never held twice.
    mutating func permute(to order: [Int]) {
        precondition(order.count == count, "an order for every element")
        var placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            let first = self[start]
            var p = start
            while true {
                placed[p] = true
                let q = order[p]
                if q == start {
                    self[p] = first
                    break
                }
                self[p] = self[q]
                p = q
            }
        }
    }
}
