extension Array {
    /// The same elements in an array of their size, where growing by doubling (or a guess of the
    /// count) left more than an eighth of the storage unused; the array itself otherwise. For
    /// arrays kept long: a document's tokens, a group's findings until the report is made.
    func withExcessCapacityReleased() -> [Element] {
        capacity > count + count / 8 ? withUnsafeBufferPointer { Array($0) } : self
    }
}
