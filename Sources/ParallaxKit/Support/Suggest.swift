/// "Did you mean …?" for a mistyped name (a subcommand, an option, a category): the known name
/// within a small edit distance.
public enum Suggest {
    /// The closest of `candidates` to `word` (at most a third of its letters off, and at most
    /// 3 edits), nil when none is close. Case is ignored.
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        let w = Array(word.lowercased())
        let scored = candidates.map { ($0, EditDistance.bounded(w, Array($0.lowercased()), limit: limit)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// `; did you mean 'compare'?`, or nothing.
    public static func hint(_ word: String, among candidates: [String]) -> String {
        closest(word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
