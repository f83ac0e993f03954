import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The dateline is read from the first sentences' words; a run of text without a space longer
/// than `Dateline.longestWord` bytes (a letter with a million combining marks) is passed over
/// without splitting it into characters, and the words around it are still read.
@Suite("Dateline")
struct DatelineTests {
    static let marks = "e" + String(repeating: "\u{301}", count: 200_000)

    @Test("A date after a huge word is still found; ordinary datelines unchanged")
    func afterHugeWord() throws {
        let document = try TestPaths.document(text: "Reported \(Self.marks) on June 28, 2021 in Moscow.\n")
        #expect(Dateline.of(document) == CalendarDate(year: 2021, month: 6, day: 28))
        let iso = try TestPaths.document(text: "\(Self.marks) 2021-06-29 06:50\n\nThe talks began.\n")
        #expect(Dateline.of(iso) == CalendarDate(year: 2021, month: 6, day: 29))
        let june = try TestPaths.document(TestPaths.june2021ChinaDaily)
        #expect(Dateline.of(june) == CalendarDate(year: 2021, month: 6, day: 29))
    }

    @Test("A huge word is not part of a date, and does not join the words around it")
    func hugeWordSkipped() throws {
        // "June" and "28 2021" either side of the huge word: not adjacent, so no date.
        let document = try TestPaths.document(text: "June \(Self.marks) 28 2021 was the day.\n")
        #expect(Dateline.of(document) == nil)
        #expect(Dateline.spaceSeparated("a \(Self.marks) b").map(String.init) == ["a", "", "b"])
    }

    @Test("Two accounts that differ inside a huge word are compared, and the change is found")
    func compareHugeWord() throws {
        let a = try TestPaths.document(text: "The word \(Self.marks) was written in Moscow.\n")
        let b = try TestPaths.document(text: "The word \(Self.marks) was written in Berlin.\n", id: "B")
        let report = Comparison(a: a, b: b).report
        #expect(report.alignments.count == 1)
        #expect(report.findings.contains { $0.category == .entity && $0.a?.text == "Moscow" && $0.b?.text == "Berlin" })
    }
}
