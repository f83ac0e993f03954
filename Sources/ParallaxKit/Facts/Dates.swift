/// A calendar date (proleptic Gregorian), enough to resolve "on Monday" against a dateline.
struct CalendarDate: Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(dayNumber z: Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    static func < (x: CalendarDate, y: CalendarDate) -> Bool { x.dayNumber < y.dayNumber }

    var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The last day on or before `self` that falls on `weekday` (0 = Monday): what "on Monday"
    /// means in a story dated `self`.
    func previous(weekday target: Int) -> CalendarDate {
        let back = (weekday - target + 7) % 7
        return CalendarDate(dayNumber: dayNumber - back)
    }

    /// An ISO date (2021-06-29) at the start of a word.
    static func iso(_ text: Substring) -> CalendarDate? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

enum Dateline {
    /// The longest run of text without a space that a dateline's date is looked for in (bytes).
    static let longestWord = 256

    /// The date a document is dated: the first ISO date, or "Month D, YYYY", among its first few
    /// sentences (boilerplate included: that is where datelines are).
    ///
    /// A run of text without a space longer than ``longestWord`` bytes is not looked at (no date
    /// is that long): splitting a word of a million combining marks into characters, and comparing
    /// it with each month's name, would cost far more than its length.
    static func of(_ document: Document) -> CalendarDate? {
        for sentence in document.sentences.prefix(6) {
            let chunks = spaceSeparated(sentence.text)
            for chunk in chunks {
                for word in chunk.split(separator: ",") {
                    if let date = CalendarDate.iso(word) { return date }
                }
            }
            let words = chunks.flatMap { chunk -> [String] in
                guard !chunk.isEmpty else { return [""] }
                return chunk.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            }
            if let date = date(in: words, defaultYear: nil) { return date }
        }
        return nil
    }

    /// The text's runs between spaces (bytes 0x20), each as a string, and an empty one in place of
    /// a run longer than ``longestWord`` bytes.
    static func spaceSeparated(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x20).map { run in
            run.count <= longestWord ? Substring(run) : ""
        }
    }

    /// "june 28 2021", "28 june 2021", "june 28" (with a default year) in lowercase words.
    static func date(in words: [String], defaultYear: Int?) -> CalendarDate? {
        for (i, word) in words.enumerated() {
            guard let monthIndex = CalendarWords.months.firstIndex(of: word) else { continue }
            let month = monthIndex + 1
            func number(_ k: Int) -> Int? { k >= 0 && k < words.count ? Int(words[k]) : nil }
            if let day = number(i + 1), (1...31).contains(day) {
                if let year = number(i + 2), year > 1000 { return CalendarDate(year: year, month: month, day: day) }
                if let year = defaultYear { return CalendarDate(year: year, month: month, day: day) }
            }
            if let day = number(i - 1), (1...31).contains(day) {
                if let year = number(i + 1), year > 1000 { return CalendarDate(year: year, month: month, day: day) }
                if let year = defaultYear { return CalendarDate(year: year, month: month, day: day) }
            }
        }
        return nil
    }
}

/// English calendar words and ordinal suffixes, by fold key.
enum CalendarWords {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
    static let ordinalSuffixes: Set<String> = ["th", "st", "nd", "rd"]
}
