import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// Two texts, and the first layer at which their tokens meet (nil: they never do).
struct FoldCase: Sendable, CustomTestStringConvertible {
    let a: String
    let b: String
    let layer: FoldLayer?

    init(_ a: String, _ b: String, _ layer: FoldLayer?) {
        self.a = a
        self.b = b
        self.layer = layer
    }

    var testDescription: String {
        func shown(_ s: String) -> String {
            s.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
        }
        return "\"\(shown(a))\" / \"\(shown(b))\" → \(layer.map(\.description) ?? "never")"
    }
}

private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

@Suite("Normalization")
struct NormalizationTests {
    static let meetingCases: [FoldCase] = [
        // Written the same.
        FoldCase("Putin", "Putin", .exact),
        // Unicode: compatibility forms, case folding, canonical composition.
        FoldCase("\u{FF23}\u{FF30}\u{FF23}", "CPC", .unicode),  // fullwidth ＣＰＣ
        FoldCase("\u{FB01}nance", "finance", .unicode),  // the ﬁ ligature
        FoldCase("\u{FF12}\u{FF10}\u{FF12}\u{FF11}", "2021", .unicode),  // fullwidth digits
        FoldCase("STRASSE", "stra\u{DF}e", .unicode),  // ß case-folds to ss
        FoldCase("PUTIN", "putin", .unicode),
        FoldCase("Cafe\u{301}", "Caf\u{E9}", .unicode),  // decomposed vs precomposed é
        // Typography: apostrophes, hyphens.
        FoldCase("China\u{2019}s", "China's", .typography),
        FoldCase("COVID\u{2011}19", "COVID-19", .typography),  // non-breaking hyphen
        FoldCase("Sino\u{2010}Russian", "Sino-Russian", .typography),  // U+2010 HYPHEN
        // Diacritics.
        FoldCase("Caf\u{E9}", "Cafe", .diacritics),
        FoldCase("Zu\u{308}rich", "Zurich", .diacritics),
        FoldCase("Medvede\u{301}v", "Medvedev", .diacritics),
        // Script: Cyrillic to Latin.
        FoldCase("\u{41F}\u{443}\u{442}\u{438}\u{43D}", "Putin", .script),  // Путин
        FoldCase("\u{41C}\u{43E}\u{441}\u{43A}\u{432}\u{430}", "Moskva", .script),  // Москва
        // Orthography: compounds, possessives, spellings (both forms in play).
        FoldCase("China-Russia", "ChinaRussia", .orthography),
        FoldCase("high-level", "highlevel", .orthography),
        FoldCase("high level", "highlevel", .orthography),
        FoldCase("high level", "high-level", .orthography),
        FoldCase("Today's", "Todays", .orthography),
        FoldCase("Today\u{2019}s", "Todays", .orthography),
        FoldCase("other's", "others", .orthography),
        FoldCase("neighbourliness", "neighborliness", .orthography),
        FoldCase("Organisation", "Organization", .orthography),
        FoldCase("good-neighbourly", "good-neighborly", .orthography),
        // Never equal.
        FoldCase("CPC", "CCP", nil),
        FoldCase("it's", "its", nil),  // a contraction is not a possessive
        FoldCase("real", "genuine", nil),  // glossary territory, not folding
        FoldCase("Sino-Russian", "China-Russia", nil),
    ]

    /// The first layer at which a token of `a` meets a token of `b`, from ``FoldTable``.
    func meeting(_ a: String, _ b: String) throws -> FoldLayer? {
        let table = try FoldTable(texts: [a, b])
        return table.meetings.filter { table.rows[$0.first].text == 0 && table.rows[$0.second].text == 1 }.map(\.layer).min()
    }

    @Test("Two tokens meet at the layer that makes them equal", arguments: meetingCases)
    func meetingLayer(_ c: FoldCase) throws {
        #expect(try meeting(c.a, c.b) == c.layer)
    }

    @Test("An open compound meets its closed form and is marked as such")
    func openCompound() throws {
        let table = try FoldTable(texts: ["high level", "highlevel"])
        #expect(table.rows.count == 3)
        let meeting = try #require(table.meetings.first)
        #expect(table.meetings.count == 1)
        #expect(meeting.layer == .orthography)
        #expect(meeting.note == "open compound")
        #expect(table.rows[meeting.first].keys[0] == "high")
        #expect(table.rows[meeting.second].keys[0] == "highlevel")
    }

    @Test("An open compound does not meet anything when no closed form is in play")
    func openCompoundNeedsClosedForm() throws {
        let table = try FoldTable(texts: ["high level", "level high"])
        #expect(!table.meetings.contains { $0.note == "open compound" })
    }

    // MARK: - Keys, layer by layer

    @Test("Each layer's key, exactly")
    func layerKeys() throws {
        let layers = try Normalizer().layers(of: [
            "\u{FF23}\u{FF30}\u{FF23}", "STRASSE", "Caf\u{E9}", "Cafe\u{301}", "\u{41F}\u{443}\u{442}\u{438}\u{43D}", "China-Russia",
            "Today\u{2019}s",
        ])
        let expected: [[String]] = [
            ["\u{FF23}\u{FF30}\u{FF23}", "cpc", "cpc", "cpc", "cpc", "cpc"],
            ["STRASSE", "strasse", "strasse", "strasse", "strasse", "strasse"],
            ["Caf\u{E9}", "caf\u{E9}", "caf\u{E9}", "cafe", "cafe", "cafe"],
            ["Cafe\u{301}", "caf\u{E9}", "caf\u{E9}", "cafe", "cafe", "cafe"],
            [
                "\u{41F}\u{443}\u{442}\u{438}\u{43D}", "\u{43F}\u{443}\u{442}\u{438}\u{43D}", "\u{43F}\u{443}\u{442}\u{438}\u{43D}",
                "\u{43F}\u{443}\u{442}\u{438}\u{43D}", "putin", "putin",
            ],
            ["China-Russia", "china-russia", "china-russia", "china-russia", "china-russia", "chinarussia"],
            ["Today\u{2019}s", "today\u{2019}s", "today's", "today's", "today's", "todays"],
        ]
        #expect(layers.count == expected.count)
        for (got, want) in zip(layers, expected) {
            #expect(got.count == FoldLayer.orthography.rawValue + 1)
            #expect(got.map(scalars) == want.map(scalars), "\(got) ≠ \(want)")
        }
    }

    @Test(
        "Curly and straight quotes and apostrophes fold to ASCII",
        arguments: [
            "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}", "\u{FF02}",
        ])
    func doubleQuotes(_ quote: String) throws {
        let key = try Normalizer().layers(of: [quote])[0][FoldLayer.typography.rawValue]
        #expect(scalars(key) == scalars("\""))
    }

    @Test(
        "Single quotes and apostrophes fold to the ASCII apostrophe",
        arguments: [
            "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}", "\u{2BC}", "\u{FF07}",
        ])
    func singleQuotes(_ quote: String) throws {
        let key = try Normalizer().layers(of: [quote])[0][FoldLayer.typography.rawValue]
        #expect(scalars(key) == scalars("'"))
    }

    @Test(
        "Dashes and minus signs fold to the ASCII hyphen",
        arguments: [
            "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}",
        ])
    func dashes(_ dash: String) throws {
        let key = try Normalizer().layers(of: [dash])[0][FoldLayer.typography.rawValue]
        #expect(scalars(key) == scalars("-"))
    }

    @Test("The exact layer is the token as written, scalar for scalar")
    func exactLayerKeepsScalars() throws {
        let tokens = ["Cafe\u{301}", "Caf\u{E9}", "\u{212B}ngstr\u{F6}m"]  // Å as the ANGSTROM SIGN
        let layers = try Normalizer().layers(of: tokens)
        for (token, keys) in zip(tokens, layers) {
            #expect(scalars(keys[FoldLayer.exact.rawValue]) == scalars(token))
        }
        // The ANGSTROM SIGN becomes the letter Å, lowercased, then loses its ring.
        #expect(scalars(layers[2][FoldLayer.unicode.rawValue]) == scalars("\u{E5}ngstr\u{F6}m"))
        #expect(scalars(layers[2][FoldLayer.diacritics.rawValue]) == scalars("angstrom"))
    }

    @Test("Without the script layer, Cyrillic stays Cyrillic")
    func scriptLayerOff() throws {
        let keys = try Normalizer(transliterateScripts: false).layers(of: ["\u{41F}\u{443}\u{442}\u{438}\u{43D}"])[0]
        #expect(scalars(keys[FoldLayer.script.rawValue]) == scalars("\u{43F}\u{443}\u{442}\u{438}\u{43D}"))
        let on = try Normalizer().layers(of: ["\u{41F}\u{443}\u{442}\u{438}\u{43D}"])[0]
        #expect(on[FoldLayer.script.rawValue] == "putin")
    }

    @Test("A layer never separates what an earlier layer joined")
    func layersAreMonotonic() throws {
        let tokens = [
            "CPC", "\u{FF23}\u{FF30}\u{FF23}", "cpc", "China\u{2019}s", "China's", "Chinas", "Caf\u{E9}", "Cafe\u{301}", "Cafe",
            "\u{41F}\u{443}\u{442}\u{438}\u{43D}", "Putin", "PUTIN", "high-level", "highlevel", "High\u{2011}level", "STRASSE",
            "stra\u{DF}e",
        ]
        let layers = try Normalizer().layers(of: tokens)
        for a in tokens.indices {
            for b in tokens.indices where b > a {
                var joined = false
                for layer in FoldLayer.allCases where layer <= .orthography {
                    let equal = layers[a][layer.rawValue].unicodeScalars.elementsEqual(layers[b][layer.rawValue].unicodeScalars)
                    #expect(!joined || equal, "\(tokens[a]) / \(tokens[b]) equal before \(layer), not after")
                    joined = joined || equal
                }
            }
        }
    }

    // MARK: - The fast path

    @Test("ASCII tokens folded on the fast path get the key ICU gives")
    func fastPathAgreesWithICU() throws {
        let tokens = [
            "China-Russia", "Today's", "it's", "others'", "COVID-19", "U.S.", "Hello", "2021", "high-level", "CPC", "ChinaRussia", "3.5",
        ]
        let fast = try Normalizer().foldKeys(of: tokens)
        let slow = try Normalizer().layers(of: tokens).map { $0[FoldLayer.orthography.rawValue] }
        #expect(fast == slow)
    }

    // MARK: - Orthography

    @Test(
        "Possessives lose their apostrophe, contractions keep theirs",
        arguments: [
            ("today's", "todays"), ("others'", "others"), ("china's", "chinas"), ("it's", "it's"), ("he's", "he's"),
            ("china-russia", "chinarussia"), ("covid-19", "covid19"), ("-", "-"), ("well-", "well-"),
        ])
    func orthographyFold(_ key: String, _ folded: String) {
        #expect(Orthography.fold(key) == folded)
    }
}

@Suite("Spelling variants")
struct SpellingVariantTests {
    @Test(
        "British spellings have an American candidate",
        arguments: [
            ("neighbourliness", "neighborliness"), ("organisation", "organization"), ("centre", "center"),
            ("defence", "defense"), ("travelled", "traveled"), ("civilisation", "civilization"), ("neighbour", "neighbor"),
        ])
    func candidates(_ british: String, _ american: String) {
        #expect(SpellingVariants.americanCandidate(british) == american)
    }

    @Test("A spelling is changed only when both forms are in play")
    func onlyWhenBothInPlay() throws {
        #expect(FoldContext(keys: ["organisation", "cooperation"]).key("organisation") == "organisation")
        #expect(FoldContext(keys: ["organisation", "organization"]).key("organisation") == "organization")
        #expect(FoldContext(keys: ["neighbourliness", "neighborliness"]).key("neighbourliness") == "neighborliness")
        // One text alone keeps its spelling in the table too.
        let alone = try FoldTable(texts: ["Shanghai Cooperation Organisation"])
        #expect(alone.rows.last?.keys[FoldLayer.orthography.rawValue] == "organisation")
        let both = try FoldTable(texts: ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"])
        #expect(both.meetings.contains { both.rows[$0.first].keys[0] == "Organisation" && $0.layer == .orthography })
    }

    @Test("A rule that misfires on a word changes nothing unless the misfire is in play")
    func misfires() {
        #expect(SpellingVariants.confirmed(in: ["premise", "promise", "expertise"]).isEmpty)
        #expect(SpellingVariants.confirmed(in: ["honour", "honor"]) == ["honour": "honor"])
    }
}

@Suite("Normalization across the June 2021 accounts")
struct SeedNormalizationTests {
    @Test("000's stripped compounds meet 001's hyphenated ones; CPC and CCP stay apart")
    func seedKeys() throws {
        let chinaDaily = try TestPaths.document(TestPaths.june2021ChinaDaily)
        let readout = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        let a = Set(chinaDaily.tokens.map { chinaDaily.key(of: $0) })
        let b = Set(readout.tokens.map { readout.key(of: $0) })
        for key in ["highlevel", "longterm", "russiachina", "cpc"] {
            #expect(a.contains(key) && b.contains(key), "\(key)")
        }
        // "CPCs" (000, apostrophe stripped) and "CPC" do not become "CCP".
        #expect(!a.contains("ccp"))
        #expect(b.contains("ccp"))
        // The readout's curly possessive folds like a plain one.
        #expect(b.contains("chinas"))
    }
}
