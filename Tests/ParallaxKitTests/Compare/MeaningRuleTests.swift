import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// Facts compared by meaning, not by form: a negative predicate answers a negation ("overlooked"
/// / "did not see"), a negation whose words the other account never states is content, not a
/// changed polarity, "can't" and "won't" both rule a thing out; a number stated by a word
/// ("centenary", "half a year"), a rank of a unit against a count of it, durations in other
/// units, and a number told by another sentence the aligner links. Each with its counterpart:
/// the real change still fails.
@Suite("Facts by meaning")
struct MeaningRuleTests {
    typealias Case = CategoryRuleTests.Case

    static func findings(_ a: String, _ b: String) throws -> [Finding] { try CategoryRuleTests.findings(a, b) }

    /// Same polarity in other words: no negation finding, nothing at error.
    static let samePolarityCases: [Case] = [
        Case(a: "The driver overlooked the cyclist at the junction.", b: "The driver did not see the cyclist at the junction."),
        Case(a: "The council refused the offer, its chairman said.", b: "The council did not accept the offer, its chairman said."),
        Case(a: "The concert was cancelled because of the storm.", b: "The concert will not take place because of the storm."),
        Case(
            a: "A second referendum is out of the question, the minister said.",
            b: "A second referendum will not be possible, the minister said."),
        Case(a: "Visitors should not ignore the warning signs on the path.", b: "Visitors should heed the warning signs on the path."),
        Case(a: "Her first novel remains unforgettable for many readers.", b: "Her first novel has never been forgotten by many readers."),
        Case(a: "The inspectors neglected to check the wiring.", b: "The inspectors failed to check the wiring."),
        Case(
            a: "Neither the mayor, nor his deputy attended the ceremony on the square.",
            b: "The mayor and his deputy did not attend the ceremony on the square."),
        Case(a: "The union can't stop the closure of the plant now.", b: "The union won't stop the closure of the plant now."),
        Case(a: "Staff are not allowed to open the sealed boxes.", b: "Staff have to avoid opening the sealed boxes."),
    ]

    @Test("A negative predicate answers a negation: no negation finding", arguments: samePolarityCases)
    func samePolarity(_ c: Case) throws {
        let found = try Self.findings(c.a, c.b)
        #expect(!found.contains { $0.category == .negation || $0.severity == .error }, "\(CategoryRuleTests.describe(found))")
    }

    /// Changed polarity or strength, also with a negative predicate in the sentence: an error.
    static let changedCases: [Case] = [
        Case(a: "The driver saw the cyclist at the junction.", b: "The driver did not see the cyclist at the junction."),
        Case(a: "The council refused the offer, its chairman said.", b: "The council did not refuse the offer, its chairman said."),
        Case(a: "Visitors should ignore the warning signs on the path.", b: "Visitors should not ignore the warning signs on the path."),
        Case(a: "The plan could not be reviewed before the vote.", b: "The plan must not be reviewed before the vote."),
        Case(a: "The team will not play on the new pitch.", b: "The team may not play on the new pitch."),
        Case(a: "The pilot landed the plane without losing control.", b: "The pilot landed the plane, losing control."),
    ]

    @Test("A changed polarity or strength is still a negation error", arguments: changedCases)
    func changed(_ c: Case) throws {
        let found = try Self.findings(c.a, c.b)
        #expect(found.contains { $0.category == .negation && $0.severity == .error }, "\(CategoryRuleTests.describe(found))")
    }

    @Test("A negation whose words the other account never states is content one side lacks, not a changed polarity")
    func unansweredScope() throws {
        let found = try Self.findings(
            "The pilot brought the plane down on the runway without losing control.",
            "The pilot brought the plane down on the runway and let it roll to a stop.")
        #expect(!found.contains { $0.category == .negation }, "\(CategoryRuleTests.describe(found))")
        // The words after a negation are the test: with them on both sides, it is a change.
        let flipped = try Self.findings(
            "The pilot brought the plane down on the runway and did not lose control.",
            "The pilot brought the plane down on the runway and lost control.")
        #expect(flipped.contains { $0.category == .negation && $0.severity == .error }, "\(CategoryRuleTests.describe(flipped))")
    }

    @Test("Words negative by meaning, through the stemmer and the un- prefix")
    func lexicon() {
        let stemmer = Stemmer(language: "en")
        func negative(_ sentence: String, _ word: String) -> Bool {
            let keys = sentence.split(separator: " ").map { String($0) }
            guard let k = keys.firstIndex(of: word) else { return false }
            return NegationRule.isLexicalNegative(at: k, keys, stemmer: stemmer)
        }
        #expect(negative("she overlooks the sign", "overlooks"))
        #expect(negative("they refused it", "refused"))
        #expect(negative("the match was canceled", "canceled"))
        #expect(negative("a deal is out of the question", "out"))
        #expect(negative("a deal is out of question", "out"))
        #expect(negative("the police ruled out foul play", "ruled"))
        #expect(negative("a non-existent fund", "non-existent"))
        #expect(negative("an unacceptable offer", "unacceptable"))
        // Not negative: ordinary words, "un" that is no prefix, and "un-" over a negative word
        // ("unavoidable" = it must happen).
        #expect(!negative("she sees the sign", "sees"))
        #expect(!negative("he went out of the room", "out"))
        #expect(!negative("the union met", "union"))
        #expect(!negative("wait until noon", "until"))
        #expect(!negative("an unavoidable delay", "unavoidable"))
    }

    // MARK: - Numbers

    /// The same number in another form: no number error.
    static let sameNumberCases: [Case] = [
        Case(
            a: "The ministry wants the records kept for half a year instead of ten weeks.",
            b: "The ministry wants the records kept for six months instead of ten weeks."),
        Case(
            a: "The ministry wants a half-year retention period instead of ten weeks.",
            b: "The ministry wants a six-month retention period instead of ten weeks."),
        Case(
            a: "The strikers had gone without pay until their ninth day on the picket line.",
            b: "The strikers had gone without pay for nine days on the picket line."),
        Case(
            a: "The village will celebrate its centenary with a parade in June.",
            b: "The village will celebrate its 100th anniversary with a parade in June."),
        Case(a: "The repairs will take a fortnight, the council said.", b: "The repairs will take 14 days, the council said."),
        Case(a: "The ferry was delayed for 48 hours by the storm.", b: "The ferry was delayed for two days by the storm."),
    ]

    @Test("A number stated by a word, a rank of a unit or another unit of time is the same number", arguments: sameNumberCases)
    func sameNumber(_ c: Case) throws {
        let found = try Self.findings(c.a, c.b)
        #expect(!found.contains { $0.category == .number || $0.severity == .error }, "\(CategoryRuleTests.describe(found))")
    }

    static let changedNumberCases: [Case] = [
        Case(
            a: "The ministry wants the records kept for half a year instead of ten weeks.",
            b: "The ministry wants the records kept for nine months instead of ten weeks."),
        Case(
            a: "The strikers had gone without pay until their ninth day on the picket line.",
            b: "The strikers had gone without pay for twelve days on the picket line."),
        Case(
            a: "The village will celebrate its bicentenary with a parade in June.",
            b: "The village will celebrate its 100th anniversary with a parade in June."),
        Case(a: "The ferry was delayed for 48 hours by the storm.", b: "The ferry was delayed for three days by the storm."),
    ]

    @Test("A different number in those forms is still a number error", arguments: changedNumberCases)
    func changedNumber(_ c: Case) throws {
        let found = try Self.findings(c.a, c.b)
        #expect(found.contains { $0.category == .number && $0.severity == .error }, "\(CategoryRuleTests.describe(found))")
    }

    /// A sentence the aligner links twice: B's lead (sentence 1) is in a group with A's lead and
    /// in one with A's headline (sentence 0). The lead's numbers are told by its first partner,
    /// so the second group reports none of them missing; a number no partner states still is.
    @Test("A number that another link of its sentence states is not missing")
    func numberInAnotherLink() throws {
        let a = try TestPaths.document(
            text: "Rider wins the final stage in Leeds\n\nThe rider won the 12th edition of the Leeds race on 4 May.\n", path: "a.txt",
            id: "A")
        let b = try TestPaths.document(
            text: "Rider takes the final stage in Leeds\n\nThe rider won the 12th edition of the Leeds race, 140 km, on 4 May.\n",
            path: "b.txt", id: "B")
        let groups = [(a: [0], b: [0]), (a: [1], b: [1]), (a: [0], b: [1])]
        let options = ComparisonOptions()
        let folder = WordFolder(documents: [a, b], glossary: options.alignment.glossary)
        let words = (a: FoldedSentences(a, folder: folder), b: FoldedSentences(b, folder: folder))
        var links = (a: [[Int]](repeating: [], count: a.sentences.count), b: [[Int]](repeating: [], count: b.sentences.count))
        for group in groups {
            for x in group.a { links.a[x] += group.b }
            for y in group.b { links.b[y] += group.a }
        }
        let stemmer = Stemmer(language: "en")
        let keys = KeyTable(a: words.a, b: words.b, language: "en", stop: StopWords.english)
        let context = ClassifierContext(
            a: a, b: b, words: words, options: options, stop: StopWords.english, digitLoss: (false, false), datelines: (nil, nil),
            fingerprint: Fingerprinter(a: a, b: b),
            vocabulary: (
                Classifier.vocabulary(of: a, words: words.a, numbers: keys.numbersOfA, table: keys, stemmer: stemmer, stripDigits: false),
                Classifier.vocabulary(of: b, words: words.b, numbers: keys.numbersOfB, table: keys, stemmer: stemmer, stripDigits: false)
            ), stemmer: stemmer, names: NameMatcher(documents: [(a, words.a), (b, words.b)]), links: links, keys: keys)
        let classifier = Classifier(context: context)
        let cross = classifier.classify(aSentences: [0], bSentences: [1]).findings.filter { $0.category == .number }
        let texts = cross.compactMap { $0.b?.text }
        // "12th" and "4 May" are in A's lead, linked to B's lead; "140 km" is in no sentence of A.
        #expect(!texts.contains("12th"), "\(CategoryRuleTests.describe(cross))")
        #expect(texts.contains("140 km"), "\(CategoryRuleTests.describe(cross))")
        let main = classifier.classify(aSentences: [1], bSentences: [1]).findings.filter { $0.category == .number }
        #expect(main.map { $0.b?.text } == ["140 km"], "\(CategoryRuleTests.describe(main))")
    }

    /// A number that disappears with nothing in its place is content one side leaves out.
    static let droppedNumberCases: [Case] = [
        Case(a: "The ferry left the harbour six days before the storm.", b: "The ferry left the harbour before the storm."),
        Case(
            a: "The club reached the round of 16 in the cup last season.", b: "The club reached the quarter finals in the cup last season."),
        Case(a: "The council hired a consultant at a cost of $40,000 for the study.", b: "The council hired a consultant for the study."),
        Case(a: "Rescuers pulled survivors from the rubble.", b: "Rescuers pulled 14 survivors from the rubble."),
    ]

    @Test("A number one side leaves out, with no number in its place, is a number warning", arguments: droppedNumberCases)
    func droppedNumber(_ c: Case) throws {
        let found = try Self.findings(c.a, c.b)
        #expect(found.contains { $0.category == .number && $0.severity == .warning }, "\(CategoryRuleTests.describe(found))")
        #expect(!found.contains { $0.severity == .error }, "\(CategoryRuleTests.describe(found))")
    }

    /// Where the other side has a number of its own that nothing pairs with, one stands for the
    /// other: a changed fact.
    @Test("A number one side lacks where the other has an unpaired number of its own is an error")
    func replacedNumber() throws {
        let found = try Self.findings(
            "The minister met the first delegation in the morning.", "The minister met 16 delegations in the morning.")
        #expect(found.contains { $0.category == .number && $0.severity == .error }, "\(CategoryRuleTests.describe(found))")
    }

    @Test("A configured severity for numbers decides for a number one side leaves out too")
    func droppedNumberConfigured() throws {
        let a = try TestPaths.document(
            text: "\(CategoryRuleTests.before)\n\nThe ferry left the harbour six days before the storm.\n", path: "a.txt", id: "A")
        let b = try TestPaths.document(
            text: "\(CategoryRuleTests.before)\n\nThe ferry left the harbour before the storm.\n", path: "b.txt", id: "B")
        for severity in [Severity.error, .info] {
            let report = Comparison(a: a, b: b, options: ComparisonOptions(severities: [.number: severity])).report
            let numbers = report.findings.filter { $0.category == .number }
            #expect(!numbers.isEmpty && numbers.allSatisfy { $0.severity == severity }, "\(CategoryRuleTests.describe(numbers))")
        }
    }
}
