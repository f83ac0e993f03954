/// Levenshtein distance between two words, bounded: the work stops once the distance is sure to
/// pass `limit` (then `limit + 1` is returned). Used for spelling variants of names and for
/// "did you mean …?" suggestions.
enum EditDistance {
    static func bounded(_ x: [Character], _ y: [Character], limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        guard !x.isEmpty else { return y.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1..<(y.count + 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
