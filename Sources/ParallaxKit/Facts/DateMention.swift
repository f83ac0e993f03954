/// A date, or part of one, named in a text: "June 28", "28th of June 2021", "2021-06-28",
/// "Monday", "in June". Fields the text does not give are nil.
struct DateMention: Hashable, Sendable {
    var year: Int?
    /// 1 = January.
    var month: Int?
    var day: Int?
    /// 0 = Monday … 6 = Sunday.
    var weekday: Int?
    /// The last day of a range of days ("June 28-30", "11th to 14th of September"), else nil.
    var lastDay: Int?
    /// UTF-8 byte offsets of the mention in the text given to the parser.
    var range: Range<Int>
    /// The text of `range` as written.
    var surface: String

    /// The day this mention names in a story dated `dateline`: a bare weekday is the last such
    /// day on or before the dateline ("on Monday" in a story of Tuesday 2021-06-29 is
    /// 2021-06-28); a month and day without a year take the dateline's year. Nil when the
    /// mention names no single day ("in June", "2021").
    func resolved(against dateline: CalendarDate) -> CalendarDate? {
        if let month, let day {
            let year = self.year ?? dateline.year
            let date = CalendarDate(year: year, month: month, day: day)
            // Reject impossible days ("June 31"): they come back as another date.
            let check = CalendarDate(dayNumber: date.dayNumber)
            return check == date ? date : nil
        }
        if let weekday, month == nil, day == nil, year == nil {
            return dateline.previous(weekday: weekday)
        }
        return nil
    }
}

/// Finds dates in English text: month-name forms ("June 28", "28 June", "June 28, 2021",
/// "28th of June", "June 2021", "in June", "11th to 14th of September"), ISO dates ("2021-06-28"), day-first numeric dates
/// when unambiguous ("28/06/2021", "28.06.2021"), and weekdays ("Monday", "Monday, June 28").
///
/// A capitalised "May" is a month only next to a day number or a year, or after "in", "of",
/// "since", "until", "last", "next", "early", "late", "mid-" and the like; lowercase "may",
/// "march" and "august" never are. Abbreviated months ("Sept.") count only next to a day or year.
enum DateParser {
    /// The dates in `text`, in order.
    static func mentions(in text: String) -> [DateMention] {
        guard FactText.needs(text).contains(.dates) else { return [] }
        return mentions(in: FactText(text))
    }

    /// The dates in an already tokenized text, in order.
    static func mentions(in text: FactText) -> [DateMention] {
        var result: [DateMention] = []
        var i = 0
        while i < text.count {
            if let (mention, next) = date(in: text, at: i) {
                result.append(mention)
                i = next
            } else {
                i += 1
            }
        }
        return result
    }

    // MARK: - Forms

    /// The date starting at token `i`, and the index of the token after it.
    private static func date(in text: FactText, at i: Int) -> (DateMention, Int)? {
        if text.isNumber(i) {
            if let found = iso(text, i) ?? numeric(text, i) { return found }
            guard let (fields, next) = dayFirst(text, i) else { return nil }
            return (mention(text, fields, i, next), next)
        }
        // A word starts a date only as a weekday, a month or a month's abbreviation: all of
        // them date triggers, so one lookup turns most words away.
        guard text.isWord(i), FactLexicon.triggers[text.key(i)]?.contains(.dates) == true else { return nil }
        if let weekday = FactLexicon.weekdays[text.key(i)] {
            // "the night before Sunday", "the night to Sunday", "on the eve of Sunday" name the
            // day before: Saturday night.
            let dayBefore =
                (nightWords.contains(text.key(i - 2))
                    && [WordKey.of("before"), WordKey.of("to"), WordKey.of("into")].contains(text.key(i - 1)))
                || (text.key(i - 2) == WordKey.of("eve") && text.key(i - 1) == WordKey.of("of"))
            var fields = Fields(weekday: dayBefore ? (weekday + 6) % 7 : weekday)
            var next = i + 1
            let after = text.isSymbol(next, 0x2C) ? next + 1 : next
            if let (more, end) = monthFirst(text, after, requireDay: true) ?? dayFirst(text, after) {
                fields.year = more.year
                fields.month = more.month
                fields.day = more.day
                fields.lastDay = more.lastDay
                next = end
            }
            return (mention(text, fields, dayBefore ? i - 2 : i, next), next)
        }
        guard let (fields, next) = monthFirst(text, i, requireDay: false) else { return nil }
        return (mention(text, fields, i, next), next)
    }

    static let nightWords: WordKeySet = [WordKey.of("night"), WordKey.of("overnight")]

    /// The parts of a date found so far.
    private struct Fields {
        var year: Int?
        var month: Int?
        var day: Int?
        var weekday: Int?
        var lastDay: Int?
    }

    private static func mention(_ text: FactText, _ fields: Fields, _ first: Int, _ next: Int) -> DateMention {
        let range = text.byteRange(first, next - 1)
        return DateMention(
            year: fields.year, month: fields.month, day: fields.day, weekday: fields.weekday, lastDay: fields.lastDay,
            range: range, surface: text.surface(range))
    }

    /// "2021-06-28".
    private static func iso(_ text: FactText, _ i: Int) -> (DateMention, Int)? {
        guard text.digitCount(i) == 4, text.isSymbol(i + 1, 0x2D), text.touches(i + 1), text.touches(i + 2),
            (1...2).contains(text.digitCount(i + 2)), text.isSymbol(i + 3, 0x2D), text.touches(i + 3), text.touches(i + 4),
            (1...2).contains(text.digitCount(i + 4)),
            let year = text.integer(i), let month = text.integer(i + 2), let day = text.integer(i + 4),
            (1...12).contains(month), (1...31).contains(day), !text.isNumber(i + 5) || !text.touches(i + 5)
        else { return nil }
        return (mention(text, Fields(year: year, month: month, day: day), i, i + 5), i + 5)
    }

    /// "28/06/2021", "28.06.2021", "6/28/2021": day and month read only when one of them is above
    /// 12 (or they are equal); otherwise only the year is kept.
    private static func numeric(_ text: FactText, _ i: Int) -> (DateMention, Int)? {
        let separator: UInt32
        if text.isSymbol(i + 1, 0x2F) { separator = 0x2F } else if text.isSymbol(i + 1, 0x2E) { separator = 0x2E } else { return nil }
        guard (1...2).contains(text.digitCount(i)), text.touches(i + 1), text.touches(i + 2), (1...2).contains(text.digitCount(i + 2)),
            text.isSymbol(i + 3, separator), text.touches(i + 3), text.touches(i + 4),
            text.digitCount(i + 4) == 4 || (separator == 0x2F && text.digitCount(i + 4) == 2),
            !(text.isSymbol(i - 1, separator) && text.touches(i)),
            let first = text.integer(i), let second = text.integer(i + 2), var year = text.integer(i + 4),
            (1...31).contains(first), (1...31).contains(second)
        else { return nil }
        if year < 100 { year += 2000 }
        var fields = Fields(year: year)
        if separator == 0x2E || first > 12 || first == second {
            if second <= 12 {
                fields.day = first
                fields.month = second
            }
        } else if second > 12 {
            fields.month = first
            fields.day = second
        }
        return (mention(text, fields, i, i + 5), i + 5)
    }

    /// A day number at token `i` ("28", "28th"), the last day when it opens a range ("28-30",
    /// "11th and 14th", "10th to the 12th"), and the token after it.
    private static func day(_ text: FactText, _ i: Int) -> (day: Int, last: Int?, next: Int)? {
        guard (1...2).contains(text.digitCount(i)), let day = text.integer(i), (1...31).contains(day) else { return nil }
        var next = i + 1
        if text.touches(next), FactLexicon.ordinalSuffixes.contains(text.key(next)) { next += 1 }
        // "3,300", "3.5", "9:30" are not days.
        if text.touches(next), text.isSymbol(next, 0x2C) || text.isSymbol(next, 0x2E) || text.isSymbol(next, 0x3A),
            text.isNumber(next + 1), text.touches(next + 1)
        {
            return nil
        }
        var k = next
        if text.isDash(k) || text.key(k) == FactLexicon.keys.to || text.key(k) == FactLexicon.keys.and {
            k += 1
            if text.key(k) == FactLexicon.keys.the { k += 1 }
            if (1...2).contains(text.digitCount(k)), let last = text.integer(k), last > day, last <= 31,
                !(text.touches(k + 1) && (text.isSymbol(k + 1, 0x2C) || text.isSymbol(k + 1, 0x2E) || text.isSymbol(k + 1, 0x3A))
                    && text.isNumber(k + 2) && text.touches(k + 2))
            {
                var end = k + 1
                if text.touches(end), FactLexicon.ordinalSuffixes.contains(text.key(end)) { end += 1 }
                return (day, last, end)
            }
        }
        return (day, nil, next)
    }

    /// A year at token `i` ("2021"), not the start of a grouped or decimal number.
    private static func year(_ text: FactText, _ i: Int) -> Int? {
        guard text.digitCount(i) == 4, let year = text.integer(i), (1000...2999).contains(year) else { return nil }
        if text.touches(i + 1), text.isSymbol(i + 1, 0x2C) || text.isSymbol(i + 1, 0x2E), text.isNumber(i + 2), text.touches(i + 2) {
            return nil
        }
        if text.isSymbol(i + 1, 0x25) { return nil }
        return year
    }

    /// A month name at token `i`: its number, the token after it (past an abbreviation's period),
    /// and whether it may stand without a day or year.
    private static func month(_ text: FactText, _ i: Int) -> (month: Int, next: Int, alone: Bool)? {
        let key = text.key(i)
        guard key != 0 else { return nil }
        let token = text.tokens[i]
        if let month = FactLexicon.months[key] {
            if !token.isCapitalized {
                return FactLexicon.lowercaseNeverMonth.contains(month) ? nil : (month, i + 1, false)
            }
            if month == 5 {
                let before = text.isDash(i - 1) && text.touches(i) ? text.key(i - 2) : text.key(i - 1)
                return (month, i + 1, FactLexicon.beforeMonth.contains(before))
            }
            return (month, i + 1, true)
        }
        if let month = FactLexicon.monthAbbreviations[key], token.isCapitalized {
            let next = text.isSymbol(i + 1, 0x2E) && text.touches(i + 1) ? i + 2 : i + 1
            return (month, next, false)
        }
        return nil
    }

    /// "June", "June 28", "June 28th, 2021", "June 2021" at token `i`.
    private static func monthFirst(_ text: FactText, _ i: Int, requireDay: Bool) -> (Fields, Int)? {
        guard let (month, afterMonth, alone) = month(text, i) else { return nil }
        var fields = Fields(month: month)
        var next = afterMonth
        if text.tokens.indices.contains(next), text.tokens[next].space != .none, let (day, last, afterDay) = day(text, next) {
            fields.day = day
            fields.lastDay = last
            next = afterDay
            let comma = text.isSymbol(next, 0x2C) ? next + 1 : next
            if let year = year(text, comma), text.tokens[comma].space != .none || comma == next {
                fields.year = year
                next = comma + 1
            }
            return (fields, next)
        }
        if requireDay { return nil }
        if text.tokens.indices.contains(next), text.tokens[next].space != .none, let year = year(text, next) {
            fields.year = year
            return (fields, next + 1)
        }
        return alone ? (fields, next) : nil
    }

    /// "28 June", "28th of June", "28 June 2021" at token `i`.
    private static func dayFirst(_ text: FactText, _ i: Int) -> (Fields, Int)? {
        guard let (day, last, afterDay) = day(text, i) else { return nil }
        var k = afterDay
        if text.key(k) == FactLexicon.keys.of { k += 1 }
        guard text.tokens.indices.contains(k), text.tokens[k].space != .none, let (month, afterMonth, _) = month(text, k) else {
            return nil
        }
        var fields = Fields(month: month, day: day, lastDay: last)
        var next = afterMonth
        let comma = text.isSymbol(next, 0x2C) ? next + 1 : next
        if let year = year(text, comma), text.tokens[comma].space != .none {
            fields.year = year
            next = comma + 1
        }
        return (fields, next)
    }
}
