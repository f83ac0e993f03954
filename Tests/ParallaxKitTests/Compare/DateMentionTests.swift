import Testing

@testable import ParallaxKit

/// One sentence and the single date the parser should find in it.
struct DateCase: Sendable, CustomTestStringConvertible {
    var text: String
    var year: Int?
    var month: Int?
    var day: Int?
    var weekday: Int?
    var lastDay: Int?
    var surface: String

    var testDescription: String { text }

    init(_ text: String, year: Int? = nil, month: Int? = nil, day: Int? = nil, weekday: Int? = nil, lastDay: Int? = nil, surface: String) {
        self.text = text
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
        self.lastDay = lastDay
        self.surface = surface
    }

    static let all: [DateCase] = [
        DateCase("It opened on June 28 in Moscow.", month: 6, day: 28, surface: "June 28"),
        DateCase("It opened on 28 June in Moscow.", month: 6, day: 28, surface: "28 June"),
        DateCase("It opened on June 28, 2021 in Moscow.", year: 2021, month: 6, day: 28, surface: "June 28, 2021"),
        DateCase("It opened on June 28th in Moscow.", month: 6, day: 28, surface: "June 28th"),
        DateCase("It opened on the 28th of June in Moscow.", month: 6, day: 28, surface: "28th of June"),
        DateCase("It opened on 28 June 2021 in Moscow.", year: 2021, month: 6, day: 28, surface: "28 June 2021"),
        DateCase("It opened on 2021-06-28 in Moscow.", year: 2021, month: 6, day: 28, surface: "2021-06-28"),
        DateCase("It opened on 28/06/2021 in Moscow.", year: 2021, month: 6, day: 28, surface: "28/06/2021"),
        DateCase("It opened on 28.06.2021 in Moscow.", year: 2021, month: 6, day: 28, surface: "28.06.2021"),
        DateCase("It opened on 06/07/2021 in Moscow.", year: 2021, surface: "06/07/2021"),
        DateCase("It opened on Monday in Moscow.", weekday: 0, surface: "Monday"),
        DateCase("It opened on Monday's session.", weekday: 0, surface: "Monday"),
        DateCase("It opened in June in Moscow.", month: 6, surface: "June"),
        DateCase("It opened in June 2021 in Moscow.", year: 2021, month: 6, surface: "June 2021"),
        DateCase("It opened in May in Moscow.", month: 5, surface: "May"),
        DateCase("It opened in mid-May in Moscow.", month: 5, surface: "May"),
        DateCase("It opened on May 5 in Moscow.", month: 5, day: 5, surface: "May 5"),
        DateCase("It opened in May 2021 in Moscow.", year: 2021, month: 5, surface: "May 2021"),
        DateCase("It opened on Sept. 5 in Moscow.", month: 9, day: 5, surface: "Sept. 5"),
        DateCase("Status Sunday, July 26, 2020, 8:00 a.m.", year: 2020, month: 7, day: 26, weekday: 6, surface: "Sunday, July 26, 2020"),
        DateCase("The race runs from 5th to 9th of August.", month: 8, day: 5, lastDay: 9, surface: "5th to 9th of August"),
        DateCase(
            "The race runs from the 10th to the 12th of September 2021.", year: 2021, month: 9, day: 10, lastDay: 12,
            surface: "10th to the 12th of September 2021"),
        DateCase(
            "It will be played between September 11 and 14, a week before.", month: 9, day: 11, lastDay: 14,
            surface: "September 11 and 14"),
        DateCase("The race runs on June 28-30.", month: 6, day: 28, lastDay: 30, surface: "June 28-30"),
        DateCase("On 20th July the club flew.", month: 7, day: 20, surface: "20th July"),
    ]
}

@Suite("Date mentions")
struct DateMentionTests {
    @Test("Date forms", arguments: DateCase.all)
    func forms(_ c: DateCase) {
        let found = DateParser.mentions(in: c.text)
        guard found.count == 1, let m = found.first else {
            Issue.record("\(found.count) mentions: \(found.map(\.surface))")
            return
        }
        #expect(m.year == c.year && m.month == c.month && m.day == c.day && m.weekday == c.weekday && m.lastDay == c.lastDay, "\(m)")
        #expect(m.surface == c.surface)
        #expect(Array(c.text.utf8)[m.range] == Array(m.surface.utf8)[...])
    }

    @Test(
        "No date",
        arguments: [
            "May I ask a question?", "You may leave.", "They march on.", "An august body.", "3,300 residents in 2021.",
            "The 19 year-old fell.", "Sunday papers are thick.".replacingOccurrences(of: "Sunday", with: "Sundays"),
        ])
    func none(_ text: String) {
        #expect(DateParser.mentions(in: text).isEmpty, "\(DateParser.mentions(in: text).map(\.surface))")
    }

    @Test("A bare weekday resolves to the last such day on or before the dateline")
    func resolve() throws {
        let dateline = CalendarDate(year: 2021, month: 6, day: 29)  // a Tuesday
        let monday = try #require(DateParser.mentions(in: "on Monday").first)
        #expect(monday.resolved(against: dateline) == CalendarDate(year: 2021, month: 6, day: 28))
        let tuesday = try #require(DateParser.mentions(in: "on Tuesday").first)
        #expect(tuesday.resolved(against: dateline) == dateline)
        let june = try #require(DateParser.mentions(in: "June 28").first)
        #expect(june.resolved(against: dateline) == CalendarDate(year: 2021, month: 6, day: 28))
        let month = try #require(DateParser.mentions(in: "in June").first)
        #expect(month.resolved(against: dateline) == nil)
        let impossible = try #require(DateParser.mentions(in: "June 31").first)
        #expect(impossible.resolved(against: dateline) == nil)
    }

    /// Two texts and whether their dates come out the same or changed.
    struct Pair: Sendable, CustomTestStringConvertible {
        var a: String
        var b: String
        var same: Bool
        var testDescription: String { "\(a) / \(b)" }
    }

    @Test(
        "Matcher verdicts",
        arguments: [
            Pair(a: "on Monday", b: "on Tuesday", same: false),
            Pair(a: "June 28", b: "28 June", same: true),
            Pair(a: "June 28", b: "June 28, 2021", same: true),
            Pair(a: "June 28, 2021", b: "2021-06-28", same: true),
            Pair(a: "28/06/2021", b: "the 28th of June", same: true),
            Pair(a: "in June", b: "in March", same: false),
            Pair(a: "June 28", b: "June 29", same: false),
            Pair(a: "June 2021", b: "June 2020", same: false),
            Pair(a: "between the 11th and 14th of September", b: "between September 11 and 14", same: true),
            Pair(a: "from 5th to 9th of August", b: "from 5th to 10th of August", same: false),
        ])
    func verdicts(_ pair: Pair) {
        let a = DateParser.mentions(in: pair.a)
        let b = DateParser.mentions(in: pair.b)
        #expect(a.count == 1 && b.count == 1)
        let result = FactMatcher.compare(a, b)
        if pair.same {
            #expect(result.same.count == 1 && result.changed.isEmpty)
        } else {
            #expect(result.changed.count == 1 && result.same.isEmpty)
        }
    }

    @Test("With datelines, a weekday matches the day it stands for")
    func datelines() {
        let dateline = CalendarDate(year: 2021, month: 6, day: 29)
        let monday = DateParser.mentions(in: "on Monday")
        let r1 = FactMatcher.compare(monday, DateParser.mentions(in: "on June 28"), datelineA: dateline, datelineB: dateline)
        #expect(r1.same.count == 1)
        let r2 = FactMatcher.compare(monday, DateParser.mentions(in: "on June 29"), datelineA: dateline, datelineB: dateline)
        #expect(r2.changed.count == 1)
        // Without datelines they have nothing in common to compare.
        let r3 = FactMatcher.compare(monday, DateParser.mentions(in: "on June 28"))
        #expect(r3.same.isEmpty && r3.changed.isEmpty && r3.onlyA == [0] && r3.onlyB == [0])
        // "Monday" against "Monday, June 28" is the same weekday.
        let r4 = FactMatcher.compare(monday, DateParser.mentions(in: "on Monday, June 28"))
        #expect(r4.same.count == 1)
    }
}
