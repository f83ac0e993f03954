import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// A line of page chrome in a seed, as the sentence text it must become.
struct ChromeLine: Sendable, CustomTestStringConvertible {
    let seed: Seed
    let text: String

    var testDescription: String { "\(seed.name.prefix(3)): \(text)" }

    static let all: [ChromeLine] = [
        // 003: "See also …" teasers in mid-article, the wire credit and the app-store footer.
        ChromeLine(seed: .march2023Kremlin, text: "See also New Zealand fights to save its flightless national bird"),
        ChromeLine(seed: .march2023Kremlin, text: "See also Saudi Arabia launches new digital platform to facilitate pilgrims worldwide"),
        ChromeLine(seed: .march2023Kremlin, text: "See also IS \u{2018}caliphate\u{2019} on brink of defeat in Syria"),
        ChromeLine(seed: .march2023Kremlin, text: "\u{2013} BERNAMA-XINHUA"),
        ChromeLine(seed: .march2023Kremlin, text: "Download from Apple Store or Play Store."),
        // 002: the blog's footer.
        ChromeLine(seed: .may2025Moscow, text: "No comments:"),
        ChromeLine(seed: .may2025Moscow, text: "Post a Comment"),
        // 004: banner, breadcrumbs, byline and date (twice), teasers, share footer.
        ChromeLine(seed: .april2021Dialogue, text: "RT Banner 2021V4.gif"),
        ChromeLine(seed: .april2021Dialogue, text: "News> Nation> Content"),
        ChromeLine(seed: .april2021Dialogue, text: "Wednesday, April 21, 2021, 11:31"),
        ChromeLine(seed: .april2021Dialogue, text: "By Cao Desheng"),
        ChromeLine(seed: .april2021Dialogue, text: "Wednesday, April 21, 2021, 11:31 By Cao Desheng"),
        ChromeLine(seed: .april2021Dialogue, text: "ALSO READ: China, Russia have to forge closer ties"),
        ChromeLine(seed: .april2021Dialogue, text: "READ MORE: Xi, Putin congratulate China-Russia ruling parties meeting"),
        ChromeLine(seed: .april2021Dialogue, text: "Share this story"),
        ChromeLine(seed: .april2021Dialogue, text: "Please click in the upper right corner to open it in your browser !"),
        // Headlines, datelines and metadata.
        ChromeLine(seed: .june2021ChinaDaily, text: "China, Russia pledge to enhance ties"),
        ChromeLine(seed: .june2021ChinaDaily, text: "2021-06-29 06:50"),
        ChromeLine(seed: .june2021ChinaDaily, text: "DING LINXINHUA"),
        ChromeLine(seed: .june2021Readout, text: "date 2021-06-29"),
        ChromeLine(seed: .may2025Moscow, text: "MOSCOW, Russia"),
        ChromeLine(seed: .march2023Kremlin, text: "Xi, Putin agree to deepen strategic partnership for new era"),
        ChromeLine(seed: .april2021Dialogue, text: "China Daily"),
        ChromeLine(seed: .april2021Dialogue, text: "Xi: China, Russia to deepen cooperation"),
    ]
}

@Suite("Boilerplate in the seeds")
struct SeedBoilerplateTests {
    @Test("Every chrome line is a boilerplate sentence of its own", arguments: ChromeLine.all)
    func chromeLine(_ line: ChromeLine) throws {
        let sentences = try line.seed.document().sentences
        let matches = sentences.filter { collapsingWhiteSpace($0.text).unicodeScalars.elementsEqual(line.text.unicodeScalars) }
        let sentence = try #require(matches.first, "no sentence is exactly \"\(line.text)\"")
        #expect(sentence.boilerplate)
        #expect(sentence.boilerplateReason != nil)
        #expect(!sentence.isContent)
    }

    @Test("The byline and the date, printed twice, are boilerplate both times")
    func repeatedBylineAndDate() throws {
        let sentences = try Seed.april2021Dialogue.document().sentences
        let bylines = sentences.filter { $0.text.contains("By Cao Desheng") }
        let dates = sentences.filter { $0.text.contains("Wednesday, April 21, 2021") }
        #expect(bylines.count == 2)
        #expect(dates.count == 2)
        #expect((bylines + dates).allSatisfy { $0.boilerplate })
    }

    @Test("No sentence of the articles' prose is boilerplate", arguments: Seed.all)
    func proseIsNotBoilerplate(_ seed: Seed) throws {
        let sentences = try seed.document().sentences
        var byText: [String: [Sentence]] = [:]
        for sentence in sentences { byText[collapsingWhiteSpace(sentence.text), default: []].append(sentence) }
        for expected in seed.expectedWithKnownIssues where !expected.chrome {
            let found = try #require(byText[expected.text], "no sentence \"\(expected.text.prefix(60))…\"")
            for sentence in found {
                #expect(!sentence.boilerplate, "\(sentence.index) is boilerplate (\(sentence.boilerplateReason ?? "")): \(sentence.text)")
            }
        }
    }

    @Test("004's pull quote paragraph, printed again, is a duplicate of the first")
    func pullQuote() throws {
        let sentences = try Seed.april2021Dialogue.document().sentences
        let first = try #require(sentences.first { $0.text == ExpectedSentences.april2021DialoguePullQuote })
        let again = try #require(sentences.first { $0.text == ExpectedSentences.april2021DialogueQuotedParagraph })
        #expect(first.index < again.index)
        #expect(first.duplicateOf == nil)
        #expect(again.duplicateOf == first.index)
        #expect(!again.isContent)
        // Nothing else in the article repeats.
        #expect(sentences.filter { $0.duplicateOf != nil }.map(\.index) == [again.index])
    }

    @Test(
        "No other seed has duplicates",
        arguments: [Seed.june2021ChinaDaily, Seed.june2021Readout, Seed.may2025Moscow, Seed.march2023Kremlin])
    func noDuplicates(_ seed: Seed) throws {
        let sentences = try seed.document().sentences
        #expect(sentences.allSatisfy { $0.duplicateOf == nil })
    }
}

@Suite("Cleaner")
struct CleanerTests {
    func sentences(_ text: String) throws -> [Sentence] {
        try TestPaths.document(text: text).sentences
    }

    @Test("A paragraph repeated verbatim is a duplicate of the first, sentence by sentence")
    func verbatimDuplicate() throws {
        let paragraph = "The two sides agreed to deepen cooperation in trade and energy. They also signed a statement."
        let s = try sentences(
            "Intro sentence that stands alone here.\n\n\(paragraph)\n\nSomething else happened next in Moscow.\n\n\(paragraph)\n")
        #expect(s.count == 6)
        #expect(s.map(\.duplicateOf) == [nil, nil, nil, nil, 1, 2])
        #expect(s.map(\.isContent) == [true, true, true, true, false, false])
    }

    @Test("A paragraph repeated with a different ending is a (near) duplicate")
    func nearDuplicate() throws {
        let s = try sentences(
            """
            China and Russia should strengthen strategic coordination and expand practical cooperation in many fields, Xi said.

            China and Russia should strengthen strategic coordination and expand practical cooperation in many fields, he added.
            """)
        #expect(s.count == 2)
        #expect(s[1].duplicateOf == 0)
    }

    @Test("Paragraphs in the same formula but with other content are not duplicates")
    func formulaicIsNotDuplicate() throws {
        let s = try sentences(
            """
            The two sides agreed to deepen cooperation in trade, energy and agriculture this year.

            The two sides agreed to oppose interference in internal affairs and unilateral sanctions.
            """)
        #expect(s.count == 2)
        #expect(s.allSatisfy { $0.duplicateOf == nil })
    }

    @Test(
        "A wire credit after the last sentence is split off as boilerplate",
        arguments: [
            ("They met in Moscow. \u{2013} BERNAMA-XINHUA", "\u{2013} BERNAMA-XINHUA"),
            ("They met in Moscow. \u{2014} AFP", "\u{2014} AFP"),
            ("They met in Moscow. - REUTERS/AP", "- REUTERS/AP"),
        ])
    func wireCredit(_ text: String, _ credit: String) throws {
        let s = try sentences(text)
        #expect(s.map(\.text) == ["They met in Moscow.", credit])
        #expect(s.map(\.boilerplate) == [false, true])
    }

    @Test(
        "A dash and capitals inside a sentence are not a credit",
        arguments: [
            "The final score was 3 - 1 for the home team, officials at FIFA said",
            "He said the talks went well \u{2013} NATO was not mentioned.",
            "They met in Moscow. \u{2013} The talks lasted three hours.",
        ])
    func notACredit(_ text: String) throws {
        let s = try sentences(text)
        #expect(!s.contains { $0.boilerplateReason == "agency credit" }, "\(s.map(\.text))")
    }

    @Test("Phrases from the configuration mark lines as chrome")
    func extraPrefixes() throws {
        let text = "Sponsored content from our partners\n\nThe talks went well, officials said on Monday after the meeting.\n"
        let plain = try TestPaths.document(text: text).sentences
        let source = try SourceText(bytes: Array(text.utf8), path: "t.txt")
        let configured = try Document(source: source, options: AnalysisOptions(chrome: ChromeRules(extraPrefixes: ["SPONSORED"]))).sentences
        #expect(configured.first?.boilerplate == true)
        #expect(configured.first?.boilerplateReason?.contains("Sponsored") == true)
        #expect(configured.last?.boilerplate == false)
        // Without the phrase the line is still short and unpunctuated, but not for that reason.
        #expect(plain.first?.boilerplateReason?.contains("Sponsored") != true)
    }

    @Test("Soft line breaks become spaces, blank lines separate paragraphs")
    func unwrapping() throws {
        let text = """
            The two heads of state held talks in Moscow on Thursday and agreed to
            deepen their strategic partnership for a new era, officials said later.

            Putin welcomed the visit.
            """
        let s = try sentences(text)
        #expect(
            s.map(\.text) == [
                "The two heads of state held talks in Moscow on Thursday and agreed to deepen their strategic partnership for a new era, officials said later.",
                "Putin welcomed the visit.",
            ])
        #expect(s[0].block != s[1].block)
    }
}
