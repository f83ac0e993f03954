import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The classification rules ask a key's number what they used to ask its string: the answers
/// must be the string tests' answers, for every word of real texts.
@Suite("Key table")
struct KeyTableTests {
    /// The June 2021 pair and the May 2025 repost with the fixtures' glossary, so that glossary
    /// variants and compounds are among the words.
    static func documents() throws -> (a: Document, b: Document, words: (a: FoldedSentences, b: FoldedSentences)) {
        let config = try Config.load(path: TestPaths.fixture("parallax.yml"))
        let (analysis, options) = try config.options()
        let a = try Document(source: SourceText.read(path: TestPaths.june2021ChinaDaily), id: "A", options: analysis)
        let b = try Document(source: SourceText.read(path: TestPaths.may2025Moscow), id: "B", options: analysis)
        let folder = WordFolder(documents: [a, b], glossary: options.alignment.glossary)
        return (a, b, (FoldedSentences(a, folder: folder), FoldedSentences(b, folder: folder)))
    }

    @Test("Every word's number names its key, and its flags and stem are the string tests' answers")
    func flagsMatchStrings() throws {
        let (a, b, words) = try Self.documents()
        let stop = StopWords.english
        let table = KeyTable(a: words.a, b: words.b, language: "en", stop: stop)
        let stemmer = Stemmer(language: "en")
        var checked = 0
        var negativeWords = 0
        var clauseOpeners = 0
        var speechVerbs = 0
        for (document, rows, numbers) in [(a, words.a, table.numbersOfA), (b, words.b, table.numbersOfB)] {
            for sentence in document.sentences.indices {
                let row = rows.words[sentence]
                let keys = row.map(\.key)
                for (k, word) in row.enumerated() {
                    let id = numbers[Int(word.number)]
                    #expect(table.keys[Int(id)] == word.key)
                    #expect(table.stemTexts[Int(table.stems[Int(id)])] == stemmer.stem(word.key))
                    #expect(table.isStop(id) == stop.contains(word.key))
                    let hasContent = word.key.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                    #expect(table.isContent(id) == (!stop.contains(word.key) && hasContent))
                    #expect(table.mayCarryNegation(id) == NegationRule.mayCarry(word.key))
                    #expect(table.opensClause(id) == GroupSide.clauseOpeners.contains(word.key))
                    if table.opensClause(id) { clauseOpeners += 1 }
                    #expect(table.isSpeechVerb(id) == Lexicon.speechVerbs.contains(word.key))
                    if table.isSpeechVerb(id) { speechVerbs += 1 }
                    let negative = NegationRule.isLexicalNegative(at: k, keys, stemmer: stemmer)
                    if negative { negativeWords += 1 }
                    // A word the table passes over is never negative by meaning.
                    if !table.mayBeLexicalNegative(id) { #expect(!negative, "\(word.key)") }
                    checked += 1
                }
            }
        }
        #expect(checked > 1_000)
        #expect(negativeWords > 0)
        #expect(clauseOpeners > 0 && speechVerbs > 0)
        // One key, one number: A's and B's tables meet in one numbering.
        #expect(Set(table.keys).count == table.keys.count)
        #expect(Set(table.stemTexts).count == table.stemTexts.count)
    }

    @Test("Names compare alike by string and by spelling")
    func spellings() throws {
        let (_, _, words) = try Self.documents()
        let table = KeyTable(a: words.a, b: words.b, language: "en", stop: StopWords.english)
        let stemmer = Stemmer(language: "en")
        let names = table.keys.indices.compactMap { table.spelling(Int32($0)) }
        #expect(names.count > 50)
        // A spelling for exactly the keys some word of A or B writes capitalised, each its own key's.
        var capitalized = Set<Int32>()
        for (numbers, flags) in [(table.numbersOfA, words.a.words.capitalizedKeys()), (table.numbersOfB, words.b.words.capitalizedKeys())] {
            for (local, isCapitalized) in flags.enumerated() where isCapitalized { capitalized.insert(numbers[local]) }
        }
        #expect(names.count == capitalized.count)
        for key in table.keys.indices {
            #expect(table.spelling(Int32(key))?.key == (capitalized.contains(Int32(key)) ? table.keys[key] : nil))
        }
        // Spellings of names of the texts, and the variants the rule is for.
        let extra = ["aleksei", "alexei", "alexey", "tsirkon", "zirkon", "nurnberg", "nuremberg", "lisbon", "lissabon", "xijinping"]
        let keys = Array(names.map(\.key).prefix(120)) + extra
        var variants = 0
        for x in keys {
            for y in keys {
                let byString = NameMatcher.isSpellingVariant(x, y, stemmer: stemmer)
                #expect(NameMatcher.isSpellingVariant(NameMatcher.Spelling(x), NameMatcher.Spelling(y), stemmer: stemmer) == byString)
                if byString { variants += 1 }
            }
        }
        #expect(variants >= 6)
    }

    @Test("The vocabulary read by key numbers is the one read word by word, with digits and without")
    func vocabulary() throws {
        let (a, b, words) = try Self.documents()
        let table = KeyTable(a: words.a, b: words.b, language: "en", stop: StopWords.english)
        let stemmer = Stemmer(language: "en")
        for (document, rows, numbers) in [(a, words.a, table.numbersOfA), (b, words.b, table.numbersOfB)] {
            for stripDigits in [false, true] {
                // Word by word, as the classifier did before the table.
                var raw = Set<String>()
                for sentence in document.sentences where sentence.isContent {
                    for word in rows.words[sentence.index] {
                        raw.insert(stripDigits ? Classifier.withoutDigits(word.key) : word.key)
                        for part in word.variant.split(separator: " ") { raw.insert(String(part)) }
                    }
                }
                let expected = Set(raw.map { stemmer.stem($0) })
                let got = Classifier.vocabulary(
                    of: document, words: rows, numbers: numbers, table: table, stemmer: stemmer, stripDigits: stripDigits)
                #expect(got == expected, "\(document.id) stripDigits \(stripDigits): \(got.symmetricDifference(expected).sorted())")
            }
        }
    }
}
