import ParallaxKit
import ParallaxReview

/// A search in `parallax review` whose words sit in a sentence the screen would not show: for
/// testing that the search scrolls them into view.
public enum ReviewSearchCase {
    /// Feeds keys typed as text (each character a key; "\r" is Enter).
    public static func type(_ text: String, into session: inout ReviewSession) {
        var decoder = KeyDecoder()
        for key in decoder.feed(Array(text.utf8)) + decoder.flush() { session.handle(key) }
    }

    /// The screen as one lowercased line of text (no colour).
    public static func text(_ session: ReviewSession, width: Int, height: Int) -> String {
        ReviewScreen.render(session, width: width, height: height, color: false).lines.joined(separator: " ").lowercased()
    }

    /// A word, and the position in review order of the finding a search for it from the first
    /// finding lands on, such that the finding's screen does not show the word unless searched
    /// for. Nil when the report has no such case at this size.
    public static func find(in report: Report, pair: String, width: Int, height: Int) -> (word: String, position: Int)? {
        let fresh = ReviewSession(report: report, pair: pair)
        var screens: [Int: String] = [:]
        var tried = Set<String>()
        for document in report.documents {
            for sentence in document.sentences {
                let words = sentence.text.split { !$0.isLetter }.map { String($0).lowercased() }.filter { $0.count >= 8 }
                for word in words where tried.insert(word).inserted {
                    var searched = fresh
                    type("/" + word + "\r", into: &searched)
                    let position = searched.position
                    guard searched.searchHit != nil, position > 0 else { continue }
                    if screens[position] == nil {
                        var at = fresh
                        type("g" + String(repeating: "j", count: position), into: &at)
                        screens[position] = text(at, width: width, height: height)
                    }
                    guard let before = screens[position], !before.contains(word) else { continue }
                    if text(searched, width: width, height: height).contains(word) { return (word, position) }
                }
            }
        }
        return nil
    }
}
