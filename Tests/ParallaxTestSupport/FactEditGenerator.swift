import Foundation
import ParallaxKit

// MARK: - Kinds

/// Whether an edit changes what a sentence says (a fact) or only how it says it (a form).
public enum FactEditGroup: String, Sendable {
    case fact, form
}

/// Edits that change one fact of a sentence, and edits that change only its form. A comparison
/// must report each fact edit at severity `error` in its category, and must report nothing at
/// `warning` or above for a form edit.
public enum FactEditKind: String, Sendable, CaseIterable, Comparable {
    // Facts.
    /// A number written in digits given another value (3,300 → 3,700; 12 → 15; 2.5 → 3.5).
    case numberValue
    /// A scale word or suffix changed (million → billion, "5bn" → "5m").
    case numberScale
    /// A currency or unit changed ("$" → "€", dollars → euros, km → miles, days → weeks).
    case numberUnit
    /// A day of the week changed (Monday → Thursday).
    case weekday
    /// A month changed where the word is surely a month (June → October).
    case month
    /// The day of a date changed ("June 28" → "June 21").
    case dayOfMonth
    /// A clause negated or un-negated ("not" or "never" inserted or removed, "didn't" → "did").
    case negation
    /// A modal changed to one of another strength (may → must, will → might, should → may).
    case modality
    /// A person, place or organisation the sentence names (not as its speaker) replaced by a
    /// name the text does not use.
    case nameSwap
    /// The speaker of "X said" / "said X" / "according to X" replaced by another name.
    case speakerSwap
    // Forms.
    /// 12 ↔ twelve, 21 ↔ twenty-one, 3rd ↔ third (0–99, round hundreds, ordinals to 100th).
    case digitsToWords
    /// Digit grouping of numbers from 1,000 that are not years: 3300 ↔ 3,300 ↔ 3 300.
    case grouping
    /// 3,500,000 ↔ 3.5 million; $5 billion ↔ 5 billion dollars ↔ $5bn.
    case scaleForm
    /// 5% ↔ 5 percent ↔ 5 per cent.
    case percentForm
    /// "June 28" ↔ "28 June"; "June 28, 2021" ↔ "28 June 2021" ↔ "2021-06-28".
    case dateForm
    /// 21:30 ↔ 9:30 p.m.; 10 a.m. ↔ 10:00.
    case timeForm
    /// 2021-2022 ↔ 2021–22; 10-15 ↔ 10 to 15.
    case rangeForm
    /// did not ↔ didn't, cannot ↔ can't, will not ↔ won't …, both ways.
    case contraction
    /// Negative wordings of one polarity: nobody ↔ no one, "was no" ↔ "was not any", "had no" ↔
    /// "did not have any", "none of" ↔ "not one of", "was nothing" ↔ "was not anything".
    case negationParaphrase
    /// A modal swapped for one of the same strength: may ↔ might, could be → might be, must ↔
    /// has to / have to, should ↔ ought to.
    case modalSameClass
    /// A name swapped for its abbreviation or other usual name: United States ↔ US ↔ U.S.,
    /// United Kingdom ↔ UK ↔ Britain, United Nations ↔ UN, European Union ↔ EU, NATO, WHO …
    case alias
    /// A proper name respelled as transliterations vary (ks ↔ x, -ei ↔ -ey, ph ↔ f, Ts ↔ Z,
    /// a doubled consonant made single, ou ↔ u, ü → ue, -ov ↔ -off, -sky ↔ -ski).
    case transliteration

    public var group: FactEditGroup {
        switch self {
        case .numberValue, .numberScale, .numberUnit, .weekday, .month, .dayOfMonth, .negation, .modality, .nameSwap, .speakerSwap:
            .fact
        default:
            .form
        }
    }

    /// The category a comparison must report at `error` for a fact edit; nil for a form edit.
    public var expectedCategory: FindingCategory? {
        switch self {
        case .numberValue, .numberScale, .numberUnit, .weekday, .month, .dayOfMonth: .number
        case .negation, .modality: .negation
        case .nameSwap: .entity
        case .speakerSwap: .attribution
        default: nil
        }
    }

    public static func < (x: FactEditKind, y: FactEditKind) -> Bool {
        (allCases.firstIndex(of: x) ?? 0) < (allCases.firstIndex(of: y) ?? 0)
    }
}

/// One edit as made: the sentence of A, its edited copy in B, and what was changed.
public struct FactEdit: Sendable, CustomStringConvertible {
    public var kind: FactEditKind
    /// The sentence's index in A and in B (the same: a fact-edit case keeps every sentence).
    public var a: Int
    public var b: Int
    /// The sentence as A has it (for an inserted phrase, with the phrase) and as B has it.
    public var before: String
    public var after: String
    /// What was changed ("weekday “Monday” → “Thursday”").
    public var detail: String
    /// The pattern was not in the text: a short phrase carrying it was added to the sentence
    /// on both sides (A with the original form, B with the edited one).
    public var inserted: Bool

    public var description: String { "\(kind) A\(a)↔B\(b): \(detail)" + (inserted ? " (inserted)" : "") }
}

/// A text and a copy of it with some sentences changed by one fact or form edit each; every
/// sentence keeps its place, so the true links are i ↔ i.
public struct FactEditCase: Sendable, CustomStringConvertible {
    public var edited: EditedCase
    public var edits: [FactEdit]

    public var description: String { edited.description }
}

// MARK: - Generator

extension EditGenerator {
    /// Makes a case from `base` in which up to `edits` sentences (not adjacent to each other) get
    /// an edit of `kind`. With `inserting` false, only patterns the text has are edited; with it
    /// true, each edited sentence first gets a short phrase carrying the pattern (in A as well as
    /// B) and the edit is made inside that phrase. Returns nil when no sentence can take the edit.
    ///
    /// `commonWords` are words (lowercase) that a larger body of text writes in lowercase: a
    /// capitalised word among them ("Security", "Football") is not taken for a name by the name
    /// and spelling edits. The base's own lowercase words are always added.
    public func makeFactEditCase(
        name: String, base: BaseText, kind: FactEditKind, seed: UInt64, edits: Int = 2, inserting: Bool = false,
        commonWords: Set<String> = []
    ) -> FactEditCase? {
        let paragraphs = base.paragraphs.filter { !$0.isEmpty }
        var sentencesA = paragraphs.flatMap { $0 }
        guard !sentencesA.isEmpty, Set(sentencesA).count == sentencesA.count else { return nil }
        var rng = SplitMix64(seed: seed)
        let context = FactContext(sentences: sentencesA, commonWords: commonWords)
        var used = Set(sentencesA)
        var sentencesB = sentencesA
        var made: [FactEdit] = []
        var order = Array(sentencesA.indices)
        rng.shuffle(&order)
        for i in order where made.count < edits {
            guard !made.contains(where: { abs($0.a - i) < 2 }) else { continue }
            let original = sentencesA[i]
            var before = original
            var within: Range<String.Index>? = nil
            if inserting {
                guard let stem = Self.insertionStem(original), let inserted = Self.insertedPhrase(kind, rng: &rng) else { continue }
                before = stem + inserted + (inserted.hasSuffix(".") ? "" : ".")
                let start = before.index(before.startIndex, offsetBy: stem.count)
                let end = before.index(start, offsetBy: inserted.count)
                within = start..<end
            }
            guard let (after, detail) = Self.factEdit(kind, before, context: context, within: within, rng: &rng),
                after != before, !used.contains(after), inserting ? !used.contains(before) : true
            else { continue }
            used.insert(after)
            used.insert(before)
            sentencesA[i] = before
            sentencesB[i] = after
            made.append(FactEdit(kind: kind, a: i, b: i, before: before, after: after, detail: detail, inserted: inserting))
        }
        guard !made.isEmpty else { return nil }
        func regroup(_ sentences: [String]) -> [[String]] {
            var k = 0
            return paragraphs.map { paragraph in
                paragraph.map { _ in
                    defer { k += 1 }
                    return sentences[k]
                }
            }
        }
        let links = Set(sentencesA.indices.map { SentencePair(a: $0, b: $0) })
        let edited = EditedCase(
            name: "\(name) [\(kind)\(inserting ? ", inserted" : "")]", seed: seed, a: Self.render(regroup(sentencesA)),
            b: Self.render(regroup(sentencesB)), sentencesA: sentencesA, sentencesB: sentencesB, links: links, omissions: [],
            additions: [], edits: made.map { Edit(kind: $0.kind.expectedCategory == .number ? .renumber : .reword, a: [$0.a], b: [$0.b]) })
        return FactEditCase(edited: edited, edits: made.sorted { $0.a < $1.a })
    }

    /// An edit of `kind` to `text` (inside `within` when given): the edited text and a detail.
    static func factEdit(
        _ kind: FactEditKind, _ text: String, context: FactContext, within: Range<String.Index>?, rng: inout SplitMix64
    ) -> (String, String)? {
        if kind == .speakerSwap {
            guard within == nil else { return nil }
            return swapSpeaker(text, context: context, rng: &rng)
        }
        var options = FactOptions.options(kind, text, context: context, rng: &rng)
        if let within {
            options = options.filter { within.contains($0.0.lowerBound) && $0.0.upperBound <= within.upperBound }
        }
        return pickByKind(options, rng: &rng) { option in
            var out = text
            out.replaceSubrange(option.0, with: option.1)
            return (out, option.2)
        }
    }

    /// The speaker of "X said" / "said X" (as ``reattribute(_:names:speakers:rng:)``) or of
    /// "according to X" replaced by another name.
    static func swapSpeaker(_ text: String, context: FactContext, rng: inout SplitMix64) -> (String, String)? {
        // The speaker of "X said" only when its words are names ("said American officials" is not).
        let run = speakerRuns(text, names: context.names).first
        let named =
            run.map { run in
                run.allSatisfy { context.isName($0.word) && FactOptions.isNameWord($0.word) && !FactOptions.isDemonym($0.word) }
            } ?? false
        // Other speakers of the text to credit instead, when they are people's or firms' names.
        let speakers = context.speakers.filter { speaker in
            speaker.split(separator: " ").map(String.init).allSatisfy {
                context.isName($0) && FactOptions.isNameWord($0) && !FactOptions.isDemonym($0)
                    && !FactOptions.organisationWords.contains($0)
            }
        }
        let said = named ? reattribute(text, names: context.names, speakers: speakers, rng: &rng) : nil
        let according = FactOptions.accordingToRun(text)
        if let said, according == nil || rng.chance(0.5) { return (said.0, "speaker of a speech verb “\(said.1)”") }
        guard let according else { return nil }
        let old = String(text[according])
        let sentenceWords = Set(words(text).map(\.word))
        let fromText = speakers.filter { name in
            name != old && name.split(separator: " ").allSatisfy { !sentenceWords.contains(String($0)) }
        }
        let fresh = FactOptions.surnames.filter { !context.textWords.contains($0) }
        guard !fromText.isEmpty || !fresh.isEmpty else { return nil }
        let new = fromText.isEmpty ? rng.pick(fresh) : rng.pick(fromText)
        var out = text
        out.replaceSubrange(according, with: new)
        return (out, "speaker after “according to” “\(old)” → “\(new)”")
    }

    // MARK: Inserted phrases

    /// Where a phrase can go: before the final period of a plain sentence (no quotes, no speech
    /// verb, 6 to 40 words, ending in a word or number). Returns the sentence without its period.
    static func insertionStem(_ text: String) -> String? {
        guard text.hasSuffix("."), !text.contains(where: { "\"\u{201C}\u{201D}\u{2018}()[]:;".contains($0) }) else { return nil }
        let stem = String(text.dropLast())
        guard let last = stem.last, last.isLetter || last.isNumber else { return nil }
        let ws = words(stem)
        guard (6...40).contains(ws.count), let lastWord = ws.last, !stem[lastWord.range.lowerBound...].contains("."),
            !ws.contains(where: { attributionVerbs.contains($0.word) || $0.word == "according" }),
            !ws.contains(where: {
                ["I", "we", "We", "my", "My", "our", "Our", "me", "us"].contains($0.word) || $0.word.hasPrefix("I'")
                    || $0.word.hasPrefix("I\u{2019}")
            })
        else { return nil }
        return stem
    }

    /// A short phrase (starting with a comma) that carries the pattern `kind` edits, with random
    /// values; nil for kinds edited only where the text has them.
    static func insertedPhrase(_ kind: FactEditKind, rng: inout SplitMix64) -> String? {
        let months = FactOptions.months.filter { $0 != "May" && $0 != "March" }
        let month = rng.pick(months)
        let day = rng.int(in: 1...28)
        let year = rng.int(in: 1995...2024)
        func dated() -> String {
            switch rng.int(below: 4) {
            case 0: "\(month) \(day)"
            case 1: "\(day) \(month)"
            case 2: "\(month) \(day), \(year)"
            default: "\(day) \(month) \(year)"
            }
        }
        let saying = rng.pick([", officials said on ", ", it was announced on ", ", a spokesperson said on "])
        switch kind {
        case .weekday:
            return saying + rng.pick(FactOptions.weekdays)
        case .month:
            return rng.pick([", officials said in ", ", according to figures published in "]) + month
        case .dayOfMonth, .dateForm:
            return saying + dated()
        case .timeForm:
            let hour = rng.int(in: 0...23)
            let minute = rng.pick(["00", "15", "30", "45", String(rng.int(in: 10...59))])
            let time: String
            if rng.chance(0.5) {
                time = "\(hour < 10 ? "0" : "")\(hour):\(minute)"
            } else {
                let h12 = hour % 12 == 0 ? 12 : hour % 12
                let suffix = hour < 12 ? "a.m." : "p.m."
                time = minute == "00" && rng.chance(0.5) ? "\(h12) \(suffix)" : "\(h12):\(minute) \(suffix)"
            }
            return ", according to a statement issued at " + time
        case .rangeForm:
            if rng.chance(0.5) {
                let from = rng.int(in: 1990...2022)
                let to = rng.chance(0.5) ? "\(from + 1)" : String(format: "%02d", (from + 1) % 100)
                return ", according to estimates for \(from)\(rng.pick(["-", "\u{2013}"]))\(to)"
            }
            let low = rng.int(in: 2...40)
            let high = low + rng.int(in: 2...30)
            return ", according to estimates of \(low)\(rng.pick(["-", "\u{2013}", " to "]))\(high) cases"
        case .percentForm:
            return ", according to figures showing a rise of \(rng.int(in: 2...60))" + rng.pick(["%", " percent", " per cent"])
        case .numberValue, .grouping:
            let n = rng.int(in: 1200...98_000)
            let form = rng.int(below: 3)
            let written = form == 0 ? String(n) : FactOptions.grouped(String(n), separator: form == 1 ? "," : "\u{00A0}")
            return ", according to figures covering \(written) people"
        case .digitsToWords:
            let n = rng.int(in: 2...99)
            return ", according to figures covering \(rng.chance(0.5) ? String(n) : FactOptions.numberWord(n) ?? String(n)) people"
        case .numberScale, .scaleForm, .numberUnit:
            if kind == .numberUnit && rng.chance(0.4) {
                return ", some \(rng.int(in: 3...90)) \(rng.pick(["kilometres", "km", "miles"])) from the capital"
            }
            let amount = rng.chance(0.5) ? String(rng.int(in: 2...90)) : "\(rng.int(in: 1...9)).\(rng.int(in: 1...9))"
            let scale = rng.pick(["million", "billion"])
            let currency = rng.pick([("$", "dollars"), ("\u{20AC}", "euros"), ("\u{00A3}", "pounds")])
            let cost: String
            switch rng.int(below: 3) {
            case 0: cost = "\(currency.0)\(amount) \(scale)"
            case 1: cost = "\(amount) \(scale) \(currency.1)"
            default: cost = "\(currency.0)\(amount)\(scale == "million" ? "m" : "bn")"
            }
            return ", at a cost of " + cost
        case .negation, .contraction:
            let subject = rng.pick(["officials", "the authorities", "the company"])
            let verb = rng.pick(["did not give", "didn't give", "gave", "would not give", "wouldn't give", "would give"])
            return ", though \(subject) \(verb) details"
        case .modality, .modalSameClass:
            let modal = rng.pick(["may", "might", "must", "should", "could", "will"])
            return ", and officials said the plan \(modal) be reviewed"
        case .negationParaphrase:
            return rng.pick([
                ", and nobody was hurt", ", and no one was hurt", ", but there was no comment", ", but there was not any comment",
                ", though officials had no further details", ", though officials did not have any further details",
            ])
        case .alias:
            if rng.chance(0.5) {
                let org = rng.pick([
                    "United Nations", "UN", "European Union", "EU", "World Health Organization", "WHO", "NATO",
                    "North Atlantic Treaty Organization",
                ])
                return ", according to the " + org
            }
            let country = rng.pick(["the United States", "the US", "the U.S.", "the United Kingdom", "the UK", "Britain"])
            return ", and officials in \(country) were informed"
        case .nameSwap, .speakerSwap, .transliteration:
            return nil
        }
    }
}

// MARK: - Context

extension EditGenerator {
    /// The words (letters only) that `sentences` write in lowercase: pass them to
    /// ``makeFactEditCase(name:base:kind:seed:edits:inserting:commonWords:)`` so that capitalised
    /// common words are not taken for names.
    public static func commonWords(in sentences: [String]) -> Set<String> {
        FactContext.lowercaseWords(in: sentences)
    }
}

/// What the rules need to know about the whole text.
struct FactContext: Sendable {
    /// Words written with a capital inside a sentence somewhere.
    var names: Set<String>
    /// Speakers the text credits ("Merkel", "Angela Merkel").
    var speakers: [String]
    /// Every word of the text.
    var textWords: Set<String>
    /// The text writes apostrophes curly.
    var curly: Bool
    /// Words written in lowercase, here or in a larger body of text: not names.
    var commonWords: Set<String>

    init(sentences: [String], commonWords: Set<String> = []) {
        names = EditGenerator.capitalizedWords(in: sentences)
        speakers = EditGenerator.speakerNames(in: sentences, names: names)
        textWords = Set(
            sentences.flatMap { EditGenerator.words($0).map(\.word) }.flatMap { word in
                [word] + word.split(whereSeparator: { "'\u{2019}-\u{2013}".contains($0) }).map(String.init)
            })
        curly = sentences.contains { $0.contains("\u{2019}") }
        self.commonWords = commonWords.union(Self.lowercaseWords(in: sentences))
    }

    /// The words of `sentences` that begin with a lowercase letter.
    static func lowercaseWords(in sentences: [String]) -> Set<String> {
        Set(sentences.flatMap { EditGenerator.words($0).map(\.word).filter { $0.first?.isLowercase == true } })
    }

    /// A capitalised word that is not written in lowercase anywhere: a name.
    func isName(_ word: String) -> Bool {
        word.first?.isUppercase == true && !commonWords.contains(word.lowercased())
    }
}

// MARK: - Rules

/// A change an edit could make: the range replaced, its replacement, and a detail whose start
/// (up to its first quote mark) names the rule, so that ``EditGenerator/pickByKind(_:rng:_:)``
/// picks rules evenly.
typealias FactOption = (Range<String.Index>, String, String)

/// The rules behind ``FactEditKind``: each lists every change of its kind a sentence offers.
enum FactOptions {
    static func options(_ kind: FactEditKind, _ text: String, context: FactContext, rng: inout SplitMix64) -> [FactOption] {
        switch kind {
        case .numberValue: numberValue(text, rng: &rng)
        case .numberScale: numberScale(text, rng: &rng)
        case .numberUnit: numberUnit(text, rng: &rng)
        case .weekday: weekday(text, rng: &rng)
        case .month: month(text, rng: &rng)
        case .dayOfMonth: dayOfMonth(text, rng: &rng)
        case .negation: negation(text)
        case .modality: modality(text, rng: &rng)
        case .nameSwap: nameSwap(text, context: context, rng: &rng)
        case .speakerSwap: []
        case .digitsToWords: digitsToWords(text)
        case .grouping: grouping(text)
        case .scaleForm: scaleForm(text)
        case .percentForm: percentForm(text)
        case .dateForm: dateForm(text)
        case .timeForm: timeForm(text, rng: &rng)
        case .rangeForm: rangeForm(text)
        case .contraction: contraction(text, context: context)
        case .negationParaphrase: negationParaphrase(text)
        case .modalSameClass: modalSameClass(text)
        case .alias: alias(text)
        case .transliteration: transliteration(text, context: context)
        }
    }

    // MARK: Characters and words

    static func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }

    static func char(before i: String.Index, in text: String) -> Character? { i > text.startIndex ? text[text.index(before: i)] : nil }

    static func char(at i: String.Index, in text: String) -> Character? { i < text.endIndex ? text[i] : nil }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "'" || c == "\u{2019}" }

    /// The word just before `i` with one space between, if any.
    static func word(before i: String.Index, in text: String) -> (word: String, range: Range<String.Index>)? {
        guard char(before: i, in: text) == " " else { return nil }
        let end = text.index(before: i)
        var start = end
        while start > text.startIndex, isWordCharacter(text[text.index(before: start)]) { start = text.index(before: start) }
        return start < end ? (String(text[start..<end]), start..<end) : nil
    }

    /// The word just after `i` with one space between, if any.
    static func word(after i: String.Index, in text: String) -> (word: String, range: Range<String.Index>)? {
        guard char(at: i, in: text) == " " else { return nil }
        let start = text.index(after: i)
        var end = start
        while end < text.endIndex, isWordCharacter(text[end]) { end = text.index(after: end) }
        return start < end ? (String(text[start..<end]), start..<end) : nil
    }

    /// Only quote marks or brackets come before `i`: the sentence starts there.
    static func startsSentence(at i: String.Index, in text: String) -> Bool {
        text[..<i].allSatisfy { "\"'\u{201C}\u{2018}(".contains($0) }
    }

    /// `replacement` with a capital first letter when `original` has one.
    static func matchCase(_ original: some StringProtocol, _ replacement: String) -> String {
        original.first?.isUppercase == true ? EditGenerator.upperFirst(replacement) : replacement
    }

    /// Every whole-word occurrence of `word` (no letter or digit either side).
    static func occurrences(of word: String, in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        while let range = text.range(of: word, range: from..<text.endIndex) {
            let before = char(before: range.lowerBound, in: text)
            let after = char(at: range.upperBound, in: text)
            if !(before?.isLetter ?? false), !isDigit(before), !(after?.isLetter ?? false), !isDigit(after) { out.append(range) }
            from = range.upperBound
        }
        return out
    }

    /// One option that rewrites every occurrence of `old` in `text` as `new`: its range runs
    /// from the first occurrence to the last.
    static func replacingAll(_ old: String, with new: String, in text: String, at ranges: [Range<String.Index>], detail: String)
        -> FactOption?
    {
        guard let first = ranges.first, let last = ranges.last else { return nil }
        let span = first.lowerBound..<last.upperBound
        var replaced = ""
        var cursor = span.lowerBound
        for range in ranges {
            replaced += text[cursor..<range.lowerBound] + new
            cursor = range.upperBound
        }
        return (span, replaced, detail)
    }

    // MARK: Numbers

    /// A number written in digits: "3300", "3,300", "3 300" (no-break space), "2.5", with the
    /// letters that follow it ("5bn", "3rd") and its neighbours.
    struct NumberToken {
        var range: Range<String.Index>
        /// The digits of the whole part, without separators.
        var integer: String
        /// Digits after the decimal point ("" for none).
        var fraction: String
        /// The group separator, when the number is grouped.
        var separator: Character?
        var suffix: String
        var suffixRange: Range<String.Index>
        var before: Character?
        /// The character after the digits (the suffix's first letter when there is one).
        var after: Character?

        var value: Int? { fraction.isEmpty && integer.count <= 15 ? Int(integer) : nil }
        var isYearLike: Bool { fraction.isEmpty && separator == nil && integer.count == 4 && (1000...2100).contains(Int(integer) ?? 0) }
        var isWhole: Bool { fraction.isEmpty && value != nil }
    }

    static let groupSeparators: Set<Character> = [",", "\u{00A0}", "\u{202F}", "\u{2009}"]

    static func numberTokens(_ text: String) -> [NumberToken] {
        var out: [NumberToken] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard isDigit(text[i]) else {
                i = text.index(after: i)
                continue
            }
            let start = i
            var integer = ""
            var j = i
            while j < text.endIndex, isDigit(text[j]) {
                integer.append(text[j])
                j = text.index(after: j)
            }
            var separator: Character? = nil
            if integer.count <= 3 {
                while j < text.endIndex, groupSeparators.contains(text[j]), separator == nil || separator == text[j] {
                    var k = text.index(after: j)
                    var group = ""
                    while k < text.endIndex, isDigit(text[k]), group.count < 4 {
                        group.append(text[k])
                        k = text.index(after: k)
                    }
                    guard group.count == 3 else { break }
                    separator = text[j]
                    integer += group
                    j = k
                }
            }
            var fraction = ""
            if j < text.endIndex, text[j] == ".", isDigit(char(at: text.index(after: j), in: text)) {
                var k = text.index(after: j)
                while k < text.endIndex, isDigit(text[k]) {
                    fraction.append(text[k])
                    k = text.index(after: k)
                }
                j = k
            }
            var s = j
            while s < text.endIndex, text[s].isLetter { s = text.index(after: s) }
            out.append(
                NumberToken(
                    range: start..<j, integer: integer, fraction: fraction, separator: separator, suffix: String(text[j..<s]),
                    suffixRange: j..<s, before: char(before: start, in: text), after: char(at: j, in: text)))
            i = s
        }
        return out
    }

    /// Not part of a code, a time, a score, a range or a compound ("COVID-19", "21:30", "2-1",
    /// "24/7", "+60"), and not after a capitalised word inside the sentence ("Boeing 737").
    static func standsAlone(_ t: NumberToken, in text: String, allowCurrency: Bool = true) -> Bool {
        let badBefore: Set<Character> = ["-", "\u{2013}", "/", ":", "+", "#", ".", ",", "_", "\u{2212}"]
        let badAfter: Set<Character> = ["-", "\u{2013}", "/", ":", "_", "+"]
        if let b = t.before, b.isLetter || badBefore.contains(b) || !allowCurrency && "$\u{20AC}\u{00A3}".contains(b) { return false }
        if let a = t.after, badAfter.contains(a) { return false }
        if let a = t.after, a == "," || a == ".", isDigit(char(at: text.index(after: t.range.upperBound), in: text)) { return false }
        if let previous = word(before: t.range.lowerBound, in: text), previous.word.first?.isUppercase == true,
            !startsSentence(at: previous.range.lowerBound, in: text), !months.contains(previous.word)
        {
            return false
        }
        if let previous = word(before: t.range.lowerBound, in: text), labelWords.contains(previous.word.lowercased()) { return false }
        return true
    }

    /// The token is a day or year next to a month name ("June 28", "28 June", "June 2021").
    static func isInDate(_ t: NumberToken, in text: String) -> Bool {
        let start = t.range.lowerBound
        let end = t.suffixRange.upperBound
        if let w = word(before: start, in: text), months.contains(w.word) { return true }
        if let w = word(after: end, in: text), months.contains(w.word) { return true }
        if char(at: end, in: text) == ",", let w = word(before: start, in: text), isDigit(w.word.first),
            let m = word(before: w.range.lowerBound, in: text), months.contains(m.word)
        {
            return true
        }
        return false
    }

    static func grouped(_ digits: String, separator: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }

    static let smallNumberWords = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let smallOrdinalWords = [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ]
    static let tensOrdinalWords = [
        "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
    ]

    /// 0–99 and round hundreds in words ("twenty-one", "three hundred").
    static func numberWord(_ n: Int) -> String? {
        switch n {
        case 0..<20: smallNumberWords[n]
        case 20..<100: tensWords[n / 10] + (n % 10 == 0 ? "" : "-" + smallNumberWords[n % 10])
        case 100...900 where n % 100 == 0: smallNumberWords[n / 100] + " hundred"
        default: nil
        }
    }

    /// 1st–99th and 100th in words ("twenty-first", "hundredth").
    static func ordinalWord(_ n: Int) -> String? {
        switch n {
        case 1..<20: smallOrdinalWords[n]
        case 20..<100: n % 10 == 0 ? tensOrdinalWords[n / 10] : tensWords[n / 10] + "-" + smallOrdinalWords[n % 10]
        case 100: "hundredth"
        default: nil
        }
    }

    static func ordinalSuffix(_ n: Int) -> String {
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    static let cardinalValues: [String: Int] = Dictionary(uniqueKeysWithValues: (0..<100).compactMap { n in numberWord(n).map { ($0, n) } })
    static let ordinalValues: [String: Int] = Dictionary(uniqueKeysWithValues: (1...100).compactMap { n in ordinalWord(n).map { ($0, n) } })

    // MARK: Number value

    static let valueSuffixes: Set<String> = ["", "bn", "m", "km", "kg", "cm", "mm"]

    static func numberValue(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        var out: [FactOption] = []
        for t in numberTokens(text) where standsAlone(t, in: text) && valueSuffixes.contains(t.suffix) && !isInDate(t, in: text) {
            guard t.integer.count <= 15, !(t.integer.count > 1 && t.integer.hasPrefix("0")) else { continue }
            let old = String(text[t.range])
            let new = changedValue(t, rng: &rng)
            guard new != old else { continue }
            let sort = t.isYearLike ? "year" : t.fraction.isEmpty ? "whole number" : "decimal"
            out.append((t.range, new, "\(sort) “\(old)” → “\(new)”"))
        }
        return out
    }

    /// Another value written the same way: a year moved by one to three, a small number by up to
    /// nine, a larger one in its two leading digits (3,300 → 3,700), a decimal in its whole part
    /// or its last digit.
    static func changedValue(_ t: NumberToken, rng: inout SplitMix64) -> String {
        func written(_ n: Int) -> String { t.separator.map { grouped(String(n), separator: String($0)) } ?? String(n) }
        guard let whole = Int(t.integer) else { return t.integer }
        if t.isYearLike {
            let delta = rng.int(in: 1...3)
            return String(whole + delta <= 2100 && rng.chance(0.5) ? whole + delta : whole - delta)
        }
        if !t.fraction.isEmpty {
            if rng.chance(0.5) { return written(whole + rng.int(in: 1...3)) + "." + t.fraction }
            let digits = Array(t.fraction)
            let last = Int(String(digits[digits.count - 1])) ?? 0
            var next = rng.int(in: 1...9)
            if next == last { next = next == 9 ? 1 : next + 1 }
            return written(whole) + "." + String(digits.dropLast()) + String(next)
        }
        if whole < 10 {
            let choices = (1...9).filter { $0 != whole }
            return written(rng.pick(choices))
        }
        if whole < 100 {
            let delta = rng.int(in: 1...9)
            return written(whole - delta >= 1 && rng.chance(0.5) ? whole - delta : whole + delta)
        }
        var scale = 1
        while whole / scale >= 100 { scale *= 10 }
        let top = whole / scale
        let choices = (10...99).filter { $0 != top && abs($0 - top) <= 9 }
        return written(rng.pick(choices) * scale + whole % scale)
    }

    // MARK: Scale

    static let scaleWords = ["thousand", "million", "billion", "trillion"]
    static let currencySymbols: [Character] = ["$", "\u{20AC}", "\u{00A3}"]
    static let currencyWords = ["dollars", "euros", "pounds"]

    /// The start of a currency symbol just before `i` with its country letters ("US$", "€"), if any.
    static func currencyStart(before i: String.Index, in text: String) -> String.Index? {
        guard let c = char(before: i, in: text), currencySymbols.contains(c) else { return nil }
        var start = text.index(before: i)
        while start > text.startIndex, text[text.index(before: start)].isUppercase { start = text.index(before: start) }
        return start
    }

    /// A number, in digits or words ("a" and "half" too when `article`), ends just before the
    /// space before `i`.
    static func followsNumber(_ i: String.Index, in text: String, article: Bool = true) -> Bool {
        guard let previous = word(before: i, in: text) else { return false }
        if isDigit(previous.word.last) { return true }
        let lower = previous.word.lowercased()
        return cardinalValues[lower] != nil || lower == "hundred" || article && (lower == "a" || lower == "half")
    }

    static func numberScale(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        var out: [FactOption] = []
        for (range, word) in EditGenerator.words(text) {
            guard let s = scaleWords.firstIndex(of: word), followsNumber(range.lowerBound, in: text) else { continue }
            let targets = [s - 1, s + 1].filter { scaleWords.indices.contains($0) }.map { scaleWords[$0] }
            let new = rng.pick(targets)
            out.append((range, new, "scale word “\(word)” → “\(new)”"))
        }
        for t in numberTokens(text)
        where ["bn", "m", "tn"].contains(t.suffix) && (t.suffix == "bn" || currencyStart(before: t.range.lowerBound, in: text) != nil) {
            guard !(char(at: t.suffixRange.upperBound, in: text)?.isLetter ?? false) else { continue }
            let new = t.suffix == "m" ? "bn" : "m"
            out.append((t.suffixRange, new, "scale suffix “\(t.suffix)” → “\(new)”"))
        }
        return out
    }

    // MARK: Unit

    /// Units and the units they are changed to.
    static let unitSwaps: [String: [String]] = [
        "km": ["miles"], "kilometres": ["miles"], "kilometers": ["miles"], "miles": ["kilometres"], "kilometre": ["mile"],
        "mile": ["kilometre"],
        "metres": ["feet"], "meters": ["feet"], "feet": ["metres"], "kg": ["pounds"], "kilograms": ["pounds"], "kilos": ["pounds"],
        "tonnes": ["kilograms"], "tons": ["kilograms"], "litres": ["gallons"], "liters": ["gallons"], "gallons": ["litres"],
        "hectares": ["acres"], "acres": ["hectares"], "cm": ["inches"], "centimetres": ["inches"], "inches": ["centimetres"],
        "seconds": ["minutes"], "minutes": ["hours", "seconds"], "hours": ["minutes", "days"], "days": ["weeks", "hours"],
        "weeks": ["months", "days"], "months": ["years", "weeks"], "years": ["months", "decades"], "decades": ["years"],
        "minute": ["hour"], "hour": ["minute"], "day": ["week"], "week": ["month"], "month": ["year"], "year": ["month"],
        "terawatt": ["gigawatt"], "gigawatt": ["megawatt"], "megawatt": ["gigawatt"], "TWh": ["GWh"], "GWh": ["TWh"], "MW": ["GW"],
        "GW": ["MW"],
    ]
    static let timeUnits: Set<String> = [
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "minute", "hour", "day", "week",
        "month", "year",
    ]
    static let otherCurrencyWords: Set<String> = ["francs", "yen", "yuan", "rubles", "roubles", "kronor", "crowns", "rupees"]

    static func numberUnit(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        var out: [FactOption] = []
        // A currency symbol before a number.
        for t in numberTokens(text) {
            guard let start = currencyStart(before: t.range.lowerBound, in: text) else { continue }
            let old = String(text[start..<t.range.lowerBound])
            let symbol = text[text.index(before: t.range.lowerBound)]
            let new = String(rng.pick(currencySymbols.filter { $0 != symbol }))
            out.append((start..<t.range.lowerBound, new, "currency symbol “\(old)” → “\(new)”"))
        }
        let ws = EditGenerator.words(text)
        for (k, (range, word)) in ws.enumerated() {
            let afterNumber = followsNumber(range.lowerBound, in: text, article: false)
            let afterScale = k > 0 && scaleWords.contains(ws[k - 1].word) && text[ws[k - 1].range.upperBound..<range.lowerBound] == " "
            // A currency word after a number or scale word ("pounds" only after a scale word: else it may be a weight).
            if currencyWords.contains(word) || otherCurrencyWords.contains(word), afterNumber || afterScale, word != "pounds" || afterScale
            {
                var start = range.lowerBound
                if k > 0, ws[k - 1].word == "US", text[ws[k - 1].range.upperBound..<range.lowerBound] == " " {
                    start = ws[k - 1].range.lowerBound
                }
                let new = rng.pick(currencyWords.filter { $0 != word })
                out.append((start..<range.upperBound, new, "currency word “\(text[start..<range.upperBound])” → “\(new)”"))
                continue
            }
            // A unit right after a number in digits or words ("12 km", "two years"); not after a year.
            guard let targets = unitSwaps[word], afterNumber, let previous = self.word(before: range.lowerBound, in: text),
                char(at: range.upperBound, in: text) != "/"
            else { continue }
            if let value = Int(previous.word), (1000...2100).contains(value) { continue }
            let new = rng.pick(targets)
            out.append((range, new, "\(timeUnits.contains(word) ? "time unit" : "unit") “\(word)” → “\(new)”"))
        }
        // A unit written against the number ("5km").
        for t in numberTokens(text) where !t.suffix.isEmpty {
            guard let targets = unitSwaps[t.suffix], t.suffix.count <= 3, char(at: t.suffixRange.upperBound, in: text) != "/" else {
                continue
            }
            let new = rng.pick(targets)
            out.append((t.suffixRange, " " + new, "unit “\(t.suffix)” → “\(new)”"))
        }
        return out
    }

    // MARK: Calendar

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    /// Month names that are also common words: a month only next to a day or year.
    static let ambiguousMonths: Set<String> = ["May", "March"]
    /// Words before a weekday that make it part of a name ("Good Friday", "Super Tuesday").
    static let holidayWords: Set<String> = [
        "Good", "Black", "Super", "Ash", "Cyber", "Easter", "Holy", "Bloody", "Palm", "Shrove", "Maundy", "Whit",
    ]

    /// The calendar name a word starts with when the rest is a plural or possessive ending.
    static func calendarName(_ word: String, in names: [String]) -> String? {
        names.first { word == $0 || word == $0 + "s" || word.hasPrefix($0 + "'") || word.hasPrefix($0 + "\u{2019}") }
    }

    static func weekday(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        let ws = EditGenerator.words(text)
        let present = Set(ws.compactMap { calendarName($0.word, in: weekdays) })
        let targets = weekdays.filter { !present.contains($0) }
        var out: [FactOption] = []
        for (k, (range, word)) in ws.enumerated() {
            guard let day = calendarName(word, in: weekdays), !targets.isEmpty else { continue }
            if k > 0, holidayWords.contains(ws[k - 1].word) { continue }
            if let next = EditGenerator.nextWord(in: text, after: range, words: ws), next.first?.isUppercase == true, !months.contains(next)
            {
                continue
            }
            let new = rng.pick(targets)
            out.append((range.lowerBound..<text.index(range.lowerBound, offsetBy: day.count), new, "weekday “\(day)” → “\(new)”"))
        }
        return out
    }

    static func month(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        let ws = EditGenerator.words(text)
        let present = Set(ws.compactMap { calendarName($0.word, in: months) })
        let dated = Dictionary(dates(text).map { ($0.monthRange.lowerBound, $0) }, uniquingKeysWith: { x, _ in x })
        var out: [FactOption] = []
        for (range, written) in ws {
            guard let name = calendarName(written, in: months), let index = months.firstIndex(of: name) else { continue }
            let nameRange = range.lowerBound..<text.index(range.lowerBound, offsetBy: name.count)
            let date = dated[nameRange.lowerBound]
            let yearNext =
                word(after: range.upperBound, in: text).map { w in Int(w.word).map { (1000...2100).contains($0) } ?? false } ?? false
            if ambiguousMonths.contains(name), date == nil, !yearNext { continue }
            if let next = word(after: range.upperBound, in: text), next.word.first?.isUppercase == true, !weekdays.contains(next.word) {
                continue
            }
            let targets = months.indices.filter {
                $0 != index && !ambiguousMonths.contains(months[$0]) && !present.contains(months[$0]) && daysInMonth[$0] >= (date?.day ?? 1)
            }
            guard !targets.isEmpty else { continue }
            let new = months[rng.pick(targets)]
            out.append((nameRange, new, "month\(date == nil ? "" : " in a date") “\(name)” → “\(new)”"))
        }
        return out
    }

    /// A date written with a month name or in ISO form.
    struct DateMention {
        enum Style: String {
            case monthDay = "Month D"
            case dayMonth = "D Month"
            case iso = "ISO"
        }
        var range: Range<String.Index>
        var monthRange: Range<String.Index>
        var month: Int
        var day: Int
        /// The day's digits and ordinal suffix.
        var dayRange: Range<String.Index>
        var ordinal: Bool
        var year: Int?
        var style: Style
    }

    /// "June 28", "June 28th, 2021", "28 June 2021", "2021-06-28".
    static func dates(_ text: String) -> [DateMention] {
        var out: [DateMention] = []
        let tokens = numberTokens(text)
        for (n, t) in tokens.enumerated() {
            // ISO.
            if t.isYearLike, t.after == "-", n + 2 < tokens.count, !isDigit(t.before), t.before != "-" {
                let m = tokens[n + 1]
                let d = tokens[n + 2]
                if m.integer.count == 2, d.integer.count == 2, m.before == "-", d.before == "-", m.after == "-",
                    m.range.lowerBound == text.index(after: t.range.upperBound),
                    d.range.lowerBound == text.index(after: m.range.upperBound), d.suffix.isEmpty, m.fraction.isEmpty, d.fraction.isEmpty,
                    d.after != "-",
                    let month = Int(m.integer), let day = Int(d.integer), (1...12).contains(month),
                    (1...daysInMonth[month - 1]).contains(day)
                {
                    out.append(
                        DateMention(
                            range: t.range.lowerBound..<d.range.upperBound, monthRange: m.range, month: month - 1, day: day,
                            dayRange: d.range, ordinal: false, year: Int(t.integer), style: .iso))
                }
                continue
            }
            guard t.fraction.isEmpty, t.separator == nil, t.integer.count <= 2, let day = Int(t.integer), (1...31).contains(day),
                t.suffix.isEmpty || t.suffix.lowercased() == ordinalSuffix(day), !isDigit(t.before), t.before != "-", t.before != ":",
                !(t.after.map { ":-\u{2013}/".contains($0) } ?? false)
            else { continue }
            let dayRange = t.range.lowerBound..<t.suffixRange.upperBound
            func year(after i: String.Index, comma: Bool) -> (Int, String.Index)? {
                var j = i
                if comma {
                    guard char(at: j, in: text) == "," else { return nil }
                    j = text.index(after: j)
                }
                guard let w = word(after: j, in: text), w.word.count == 4, let y = Int(w.word), (1000...2100).contains(y),
                    !(char(at: w.range.upperBound, in: text).map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false)
                else { return nil }
                return (y, w.range.upperBound)
            }
            if let m = word(before: t.range.lowerBound, in: text), let month = months.firstIndex(of: m.word), day <= daysInMonth[month] {
                let y = year(after: dayRange.upperBound, comma: true) ?? year(after: dayRange.upperBound, comma: false)
                out.append(
                    DateMention(
                        range: m.range.lowerBound..<(y?.1 ?? dayRange.upperBound), monthRange: m.range, month: month, day: day,
                        dayRange: dayRange, ordinal: !t.suffix.isEmpty, year: y?.0, style: .monthDay))
            } else if let m = word(after: dayRange.upperBound, in: text), let month = months.firstIndex(of: m.word),
                day <= daysInMonth[month]
            {
                let y = year(after: m.range.upperBound, comma: false)
                out.append(
                    DateMention(
                        range: t.range.lowerBound..<(y?.1 ?? m.range.upperBound), monthRange: m.range, month: month, day: day,
                        dayRange: dayRange, ordinal: !t.suffix.isEmpty, year: y?.0, style: .dayMonth))
            }
        }
        return out
    }

    static func dayOfMonth(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        dates(text).map { date in
            let choices = (1...(date.style == .iso ? 28 : daysInMonth[date.month])).filter { $0 != date.day }
            let day = rng.pick(choices)
            let old = String(text[date.dayRange])
            var new = date.style == .iso ? String(format: "%02d", day) : String(day)
            if date.ordinal { new += ordinalSuffix(day) }
            return (date.dayRange, new, "day in a \(date.style.rawValue) date “\(old)” → “\(new)”")
        }
    }

    static func dateForm(_ text: String) -> [FactOption] {
        var out: [FactOption] = []
        for date in dates(text) {
            let name = months[date.month]
            var forms: [(DateMention.Style, String)]
            if let year = date.year {
                forms = [
                    (.monthDay, "\(name) \(date.day), \(year)"), (.dayMonth, "\(date.day) \(name) \(year)"),
                    (.iso, String(format: "%04d-%02d-%02d", year, date.month + 1, date.day)),
                ]
            } else {
                forms = [(.monthDay, "\(name) \(date.day)"), (.dayMonth, "\(date.day) \(name)")]
            }
            let old = String(text[date.range])
            for (style, form) in forms where style != date.style {
                out.append(
                    (
                        date.range, form,
                        "date \(date.style.rawValue)\(date.year == nil ? "" : " Y") → \(style.rawValue) “\(old)” → “\(form)”"
                    ))
            }
        }
        return out
    }

    // MARK: Time

    static let meridiems = ["a.m.", "p.m.", "A.M.", "P.M.", "am", "pm", "AM", "PM"]
    /// Words before a 24-hour time ("at 21:30").
    static let timeCues: Set<String> = [
        "at", "around", "about", "from", "until", "till", "by", "since", "before", "after", "to", "approximately",
        "circa", "shortly", "between", "and",
    ]
    /// Words after a 24-hour time ("21:30 GMT").
    static let timeZones: Set<String> = [
        "GMT", "UTC", "CET", "CEST", "EST", "EDT", "PST", "PDT", "PT", "ET", "BST", "local", "o'clock", "h", "hours", "Uhr",
    ]

    static func timeForm(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        var out: [FactOption] = []
        for t in numberTokens(text) {
            guard t.fraction.isEmpty, t.separator == nil, t.suffix.isEmpty || ["am", "pm", "AM", "PM"].contains(t.suffix),
                t.integer.count <= 2,
                let hour = Int(t.integer), t.before != ":", t.before != ".", !(t.before?.isLetter ?? false), !isDigit(t.before)
            else { continue }
            var end = t.range.upperBound
            var minute: String? = nil
            if char(at: end, in: text) == ":" {
                let m1 = text.index(after: end)
                guard m1 < text.endIndex, isDigit(text[m1]) else { continue }
                let m2 = text.index(after: m1)
                guard m2 < text.endIndex, isDigit(text[m2]), !isDigit(char(at: text.index(after: m2), in: text)) else { continue }
                minute = String(text[m1...m2])
                end = text.index(after: m2)
            }
            if let mm = minute, (Int(mm) ?? 60) >= 60 { continue }
            // "12:40h": the hour mark goes with the time.
            if minute != nil, char(at: end, in: text) == "h", !(char(at: text.index(after: end), in: text)?.isLetter ?? false) {
                end = text.index(after: end)
            }
            if char(at: end, in: text)?.isLetter ?? false, minute != nil { continue }
            // 12-hour: a meridiem after the number (a space or none between).
            var meridiem: (String, Range<String.Index>)? = nil
            let gapEnd = char(at: end, in: text) == " " ? text.index(after: end) : end
            for m in meridiems where text[gapEnd...].hasPrefix(m) {
                let mEnd = text.index(gapEnd, offsetBy: m.count)
                if char(at: mEnd, in: text)?.isLetter ?? false { continue }
                meridiem = (m, gapEnd..<mEnd)
                break
            }
            if let (m, mRange) = meridiem {
                guard (1...12).contains(hour) else { continue }
                let pm = m.lowercased().hasPrefix("p")
                let hour24 = hour % 12 + (pm ? 12 : 0)
                var new = String(format: "%02d:%@", hour24, minute ?? "00")
                // The meridiem's period that also ends the sentence stays.
                if m.hasSuffix("."), mRange.upperBound == text.endIndex { new += "." }
                let old = String(text[t.range.lowerBound..<mRange.upperBound])
                out.append((t.range.lowerBound..<mRange.upperBound, new, "12-hour → 24-hour “\(old)” → “\(new)”"))
                continue
            }
            guard let mm = minute, (0...23).contains(hour) else { continue }
            let cue = word(before: t.range.lowerBound, in: text).map { timeCues.contains($0.word.lowercased()) } ?? false
            let zone = word(after: end, in: text).map { timeZones.contains($0.word) } ?? false
            guard cue || zone else { continue }
            let h12 = hour % 12 == 0 ? 12 : hour % 12
            let suffix = hour < 12 ? "a.m." : "p.m."
            let new = mm == "00" && rng.chance(0.5) ? "\(h12) \(suffix)" : "\(h12):\(mm) \(suffix)"
            // A sentence that ends with the time ends with the meridiem's period.
            var range = t.range.lowerBound..<end
            if char(at: end, in: text) == ".", text.index(after: end) == text.endIndex { range = t.range.lowerBound..<text.endIndex }
            out.append((range, new, "24-hour → 12-hour “\(text[t.range.lowerBound..<end])” → “\(new)”"))
        }
        return out
    }

    // MARK: Ranges

    /// Words before a range of numbers ("between 10-15", "aged 18-25").
    static let rangeCues: Set<String> = [
        "between", "from", "about", "around", "some", "approximately", "roughly", "aged", "of", "for", "by", "ages",
    ]

    static func rangeForm(_ text: String) -> [FactOption] {
        var out: [FactOption] = []
        let tokens = numberTokens(text)
        for (n, t) in tokens.enumerated() where n + 1 < tokens.count {
            let u = tokens[n + 1]
            guard t.separator == nil, u.separator == nil, t.suffix.isEmpty, u.suffix.isEmpty,
                !(t.before.map { $0.isLetter || "-\u{2013}:/.,+".contains($0) } ?? false),
                !(u.after.map { $0.isLetter || "-\u{2013}:/".contains($0) } ?? false),
                !(u.after.map { $0 == "," || $0 == "." } ?? false && isDigit(char(at: text.index(after: u.range.upperBound), in: text))),
                let x = Double(t.integer + (t.fraction.isEmpty ? "" : "." + t.fraction)),
                let y = Double(u.integer + (u.fraction.isEmpty ? "" : "." + u.fraction))
            else { continue }
            let previous = word(before: t.range.lowerBound, in: text)?.word.lowercased()
            let gap = text[t.range.upperBound..<u.range.lowerBound]
            let dash = gap == "-" || gap == "\u{2013}"
            let to = gap == " to "
            guard dash || to else { continue }
            let old = String(text[t.range.lowerBound..<u.range.upperBound])
            // Years: 2021-2022, 2021–22, 2021 to 2022.
            if t.isYearLike, let from = Int(t.integer), let second = Int(u.integer) {
                let full = u.integer.count == 4 ? second : u.integer.count == 2 ? from / 100 * 100 + second : -1
                guard full > from, full - from <= 30, u.fraction.isEmpty else { continue }
                var forms = ["\(from)\u{2013}\(full)", "\(from) to \(full)"]
                if from / 100 == full / 100 { forms.append(String(format: "%d\u{2013}%02d", from, full % 100)) }
                let style = to ? "to" : u.integer.count == 2 ? "short" : "full"
                for form in forms {
                    let formStyle = form.contains(" to ") ? "to" : form.count == 7 ? "short" : "full"
                    guard formStyle != style, !(formStyle == "to" && previous == "between") else { continue }
                    if dash, formStyle != "to", previous == "from" { continue }
                    let span = t.range.lowerBound..<u.range.upperBound
                    out.append((span, form, "years \(style) → \(formStyle) “\(old)” → “\(form)”"))
                }
                continue
            }
            // Numbers: 10-15 ↔ 10 to 15, ascending, with a word that says it is a quantity.
            guard x < y, !t.isYearLike, !u.isYearLike else { continue }
            let next = word(after: u.range.upperBound, in: text)?.word
            let quantity =
                u.after == "%"
                || next.map {
                    $0 == "percent" || $0 == "per" || ($0.hasSuffix("s") && $0.first?.isLowercase == true) || unitSwaps[$0] != nil
                } ?? false
            guard quantity || previous.map(rangeCues.contains) ?? false else { continue }
            let a = String(text[t.range])
            let b = String(text[u.range])
            if dash {
                guard previous != "between" else { continue }
                let new = "\(a) to \(b)"
                out.append((t.range.lowerBound..<u.range.upperBound, new, "numbers dash → to “\(old)” → “\(new)”"))
            } else if previous != "from", previous != "between" {
                let new = "\(a)\u{2013}\(b)"
                out.append((t.range.lowerBound..<u.range.upperBound, new, "numbers to → dash “\(old)” → “\(new)”"))
            }
        }
        return out
    }

    // MARK: Percent and scale forms

    static func percentForm(_ text: String) -> [FactOption] {
        var out: [FactOption] = []
        let markers = ["%", " percent", " per cent", "\u{00A0}%", " %"]
        var numbers: [(end: String.Index, digits: Bool)] = numberTokens(text).filter {
            $0.suffix.isEmpty && !($0.before?.isLetter ?? false)
        }
        .map { ($0.range.upperBound, true) }
        numbers += EditGenerator.words(text).filter { cardinalValues[$0.word.lowercased()] != nil }.map { ($0.range.upperBound, false) }
        for (end, digits) in numbers {
            guard let marker = markers.first(where: { text[end...].hasPrefix($0) }) else { continue }
            let markerEnd = text.index(end, offsetBy: marker.count)
            if char(at: markerEnd, in: text)?.isLetter ?? false { continue }
            let targets = (digits ? ["%", " percent", " per cent"] : [" percent", " per cent"]).filter {
                $0 != marker && !($0 == "%" && marker.hasSuffix("%"))
            }
            let old = marker.trimmingCharacters(in: .whitespaces)
            for target in targets {
                out.append((end..<markerEnd, target, "percent “\(old)” → “\(target.trimmingCharacters(in: .whitespaces))”"))
            }
        }
        return out
    }

    static let currencyWordOfSymbol: [Character: String] = ["$": "dollars", "\u{20AC}": "euros", "\u{00A3}": "pounds"]

    static func scaleForm(_ text: String) -> [FactOption] {
        var out: [FactOption] = []
        for t in numberTokens(text) where !(t.before?.isLetter ?? false) && t.before != "-" && t.before != "." {
            let currency = currencyStart(before: t.range.lowerBound, in: text)
            let symbolText = currency.map { String(text[$0..<t.range.lowerBound]) }
            let symbolWord = currency.flatMap { _ in char(before: t.range.lowerBound, in: text) }.flatMap { currencyWordOfSymbol[$0] }
                .map { word in symbolText.map { $0.count > 1 ? String($0.dropLast()) + " " + word : word } ?? word }
            let number = String(text[t.range])
            // 3,500,000 → 3.5 million.
            if t.suffix.isEmpty, let value = t.value, value >= 1_000_000, t.separator != nil || value >= 10_000_000,
                !(t.after.map { "-\u{2013}:/%".contains($0) } ?? false)
            {
                let (divisor, scale) = value >= 1_000_000_000 ? (1_000_000_000, "billion") : (1_000_000, "million")
                if (value * 100) % divisor == 0 {
                    let hundredths = value * 100 / divisor
                    let written =
                        hundredths % 100 == 0
                        ? "\(hundredths / 100)"
                        : hundredths % 10 == 0
                            ? String(format: "%d.%d", hundredths / 100, hundredths % 100 / 10)
                            : String(format: "%d.%02d", hundredths / 100, hundredths % 100)
                    out.append((t.range, "\(written) \(scale)", "digits → scale word “\(number)” → “\(written) \(scale)”"))
                }
            }
            // "3.5 million" (perhaps "$3.5 million", "3.5 million euros").
            if t.suffix.isEmpty, t.after == " ", let scaleWord = word(after: t.range.upperBound, in: text),
                let s = ["million", "billion"].firstIndex(of: scaleWord.word)
            {
                let zeros = s == 0 ? 6 : 9
                if t.fraction.count <= 3 {
                    let digits = t.integer + t.fraction + String(repeating: "0", count: zeros - t.fraction.count)
                    let full = grouped(String(digits.drop { $0 == "0" }), separator: ",")
                    if !full.isEmpty {
                        out.append(
                            (
                                t.range.lowerBound..<scaleWord.range.upperBound, full,
                                "scale word → digits “\(number) \(scaleWord.word)” → “\(full)”"
                            ))
                    }
                }
                let next = word(after: scaleWord.range.upperBound, in: text)
                if let currency, let symbolText, let symbolWord {
                    // "$5 billion" → "5 billion dollars" or "$5bn".
                    let spelled = "\(number) \(scaleWord.word) \(symbolWord)"
                    out.append(
                        (
                            currency..<scaleWord.range.upperBound, spelled,
                            "symbol → currency word “\(symbolText)\(number) \(scaleWord.word)” → “\(spelled)”"
                        ))
                    let short = "\(symbolText)\(number)\(s == 0 ? "m" : "bn")"
                    out.append(
                        (
                            currency..<scaleWord.range.upperBound, short,
                            "scale word → abbreviation “\(symbolText)\(number) \(scaleWord.word)” → “\(short)”"
                        ))
                } else if let next, let symbol = currencyWordOfSymbol.first(where: { $0.value == next.word })?.key {
                    // "5 billion dollars" → "$5 billion".
                    let old = String(text[t.range.lowerBound..<next.range.upperBound])
                    let new = "\(symbol)\(number) \(scaleWord.word)"
                    out.append((t.range.lowerBound..<next.range.upperBound, new, "currency word → symbol “\(old)” → “\(new)”"))
                }
            }
            // "$5bn" → "$5 billion" or "5 billion dollars".
            if let currency, let symbolText, let symbolWord, t.suffix == "bn" || t.suffix == "m",
                !(char(at: t.suffixRange.upperBound, in: text)?.isLetter ?? false)
            {
                let scale = t.suffix == "m" ? "million" : "billion"
                let old = String(text[currency..<t.suffixRange.upperBound])
                out.append(
                    (
                        currency..<t.suffixRange.upperBound, "\(symbolText)\(number) \(scale)",
                        "abbreviation → scale word “\(old)” → “\(symbolText)\(number) \(scale)”"
                    ))
                out.append(
                    (
                        currency..<t.suffixRange.upperBound, "\(number) \(scale) \(symbolWord)",
                        "abbreviation → currency word “\(old)” → “\(number) \(scale) \(symbolWord)”"
                    ))
            }
        }
        return out
    }

    // MARK: Digits and words

    /// Words before a number that make it a label ("number 10", "serials 149901 to 149915").
    static let labelWords: Set<String> = [
        "no", "nr", "number", "numbers", "serial", "serials", "code", "id", "flight", "model", "article", "paragraph",
        "section", "page", "room", "route", "platform", "gate", "version", "chapter", "item",
    ]
    static let unitAbbreviations: Set<String> = [
        "km", "kg", "cm", "mm", "m", "ft", "mph", "kph", "g", "mg", "ml", "l", "h", "min", "sec", "s",
        "GW", "MW", "kW", "TWh", "GWh", "MWh", "kWh", "sq", "ha", "pc", "pct",
    ]

    static func digitsToWords(_ text: String) -> [FactOption] {
        var out: [FactOption] = []
        for t in numberTokens(text)
        where t.separator == nil && t.fraction.isEmpty && standsAlone(t, in: text, allowCurrency: false) && !isInDate(t, in: text) {
            guard let value = t.value, !(t.integer.count > 1 && t.integer.hasPrefix("0")), t.after != "%" else { continue }
            if let next = word(after: t.suffixRange.upperBound, in: text), unitAbbreviations.contains(next.word) || next.word == "%" {
                continue
            }
            if char(at: t.suffixRange.upperBound, in: text) == "%" { continue }
            let atStart = startsSentence(at: t.range.lowerBound, in: text)
            let old = String(text[t.range.lowerBound..<t.suffixRange.upperBound])
            if t.suffix.isEmpty, let words = numberWord(value) {
                let new = atStart ? EditGenerator.upperFirst(words) : words
                out.append((t.range, new, "digits → words “\(old)” → “\(new)”"))
            } else if t.suffix.lowercased() == ordinalSuffix(value), let words = ordinalWord(value) {
                let new = atStart ? EditGenerator.upperFirst(words) : words
                out.append((t.range.lowerBound..<t.suffixRange.upperBound, new, "ordinal digits → words “\(old)” → “\(new)”"))
            }
        }
        let ws = EditGenerator.words(text)
        for (k, (range, word)) in ws.enumerated() {
            let lower = word.lowercased()
            // Not at the start of a sentence, which style guides spell out.
            guard word == lower, !startsSentence(at: range.lowerBound, in: text) else { continue }
            let next = EditGenerator.nextWord(in: text, after: range, words: ws)
            let previous = k > 0 && text[ws[k - 1].range.upperBound..<range.lowerBound] == " " ? ws[k - 1].word.lowercased() : nil
            if let value = cardinalValues[lower], value >= 2 {
                // "two hundred" → "200", unless more number words follow ("two hundred and five").
                if next == "hundred", value < 10 {
                    let hundred = ws[k + 1]
                    let after = EditGenerator.nextWord(in: text, after: hundred.range, words: ws)
                    if after.map({ cardinalValues[$0] != nil || $0 == "and" || scaleWords.contains($0) }) ?? false { continue }
                    out.append(
                        (
                            range.lowerBound..<hundred.range.upperBound, "\(value * 100)",
                            "words → digits “\(word) hundred” → “\(value * 100)”"
                        ))
                    continue
                }
                if next.map({ $0 == "hundred" || $0 == "thousand" }) ?? false { continue }
                if previous.map({ cardinalValues[$0] != nil || $0 == "hundred" }) ?? false { continue }
                out.append((range, "\(value)", "words → digits “\(word)” → “\(value)”"))
            } else if let value = ordinalValues[lower], value >= 3, next != "of",
                !(previous.map { $0 == "a" || cardinalValues[$0] != nil } ?? false)
            {
                let new = "\(value)\(ordinalSuffix(value))"
                out.append((range, new, "ordinal words → digits “\(word)” → “\(new)”"))
            }
        }
        return out
    }

    static func grouping(_ text: String) -> [FactOption] {
        var out: [FactOption] = []
        for t in numberTokens(text) where t.fraction.isEmpty && t.suffix.isEmpty && standsAlone(t, in: text) && !isInDate(t, in: text) {
            guard let value = t.value, value >= 1000, !t.isYearLike, !t.integer.hasPrefix("0"), t.after != "%" else { continue }
            let old = String(text[t.range])
            var forms: [(String, String)] = [
                ("comma", grouped(t.integer, separator: ",")), ("no-break space", grouped(t.integer, separator: "\u{00A0}")),
                ("narrow no-break space", grouped(t.integer, separator: "\u{202F}")),
            ]
            if !(1000...2100).contains(value) { forms.append(("none", t.integer)) }
            let current =
                t.separator.map {
                    $0 == "," ? "comma" : $0 == "\u{00A0}" ? "no-break space" : $0 == "\u{202F}" ? "narrow no-break space" : "thin space"
                } ?? "none"
            for (name, form) in forms where name != current {
                out.append((t.range, form, "grouping \(current) → \(name) “\(old)” → “\(form)”"))
            }
        }
        return out
    }

    // MARK: Negation and modality

    static let beForms: Set<String> = ["is", "was", "are", "were", "be", "been", "being"]
    static let contractionsFull: [String: String] = [
        "didn't": "did not", "isn't": "is not", "can't": "cannot", "won't": "will not", "doesn't": "does not", "don't": "do not",
        "aren't": "are not", "wasn't": "was not", "weren't": "were not", "hasn't": "has not", "haven't": "have not", "hadn't": "had not",
        "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not",
    ]

    /// "not" inserted after an auxiliary or removed, a negative contraction made positive,
    /// "never" inserted after "has"/"have"/"had" or removed.
    static func negation(_ text: String) -> [FactOption] {
        let ws = EditGenerator.words(text)
        var out: [FactOption] = []
        for (k, (range, word)) in ws.enumerated() where k > 0 {
            let plain = word.replacingOccurrences(of: "\u{2019}", with: "'")
            if let positive = EditGenerator.contractions[plain.lowercased()] {
                out.append((range, matchCase(word, positive), "negative contraction made positive “\(word)” → “\(positive)”"))
                continue
            }
            let next = EditGenerator.nextWord(in: text, after: range, words: ws)
            if word == "never", let next, next.first?.isLowercase == true, text[ws[k - 1].range.upperBound..<range.lowerBound] == " " {
                let before = ws[k - 1].word
                out.append((ws[k - 1].range.upperBound..<range.upperBound, "", "never removed “\(before) never” → “\(before)”"))
                continue
            }
            if word == "not",
                [
                    "is", "was", "are", "were", "will", "can", "should", "would", "could", "must", "may", "might", "has", "have", "had",
                    "does", "do", "did",
                ].contains(ws[k - 1].word), text[ws[k - 1].range.upperBound..<range.lowerBound] == " ",
                next != "only", next != "just"
            {
                let before = ws[k - 1].word
                out.append((ws[k - 1].range.upperBound..<range.upperBound, "", "not removed “\(before) not” → “\(before)”"))
                continue
            }
            guard EditGenerator.auxiliaries.contains(word), let next, let first = next.first, first.isLowercase, next != "not",
                next != "never"
            else { continue }
            if ["has", "have", "had"].contains(word), next == "been" || next.hasSuffix("ed") || next.hasSuffix("en") {
                out.append((range, word + " never", "never inserted “\(word) \(next)” → “\(word) never \(next)”"))
            }
            guard !EditGenerator.notAfterAuxiliary.contains(next) else { continue }
            if ["has", "have", "had"].contains(word), !(next.hasSuffix("ed") || next.hasSuffix("en")) { continue }
            out.append(
                (
                    range, word == "can" ? "cannot" : word + " not",
                    "not inserted “\(word) \(next)” → “\(word == "can" ? "cannot" : word + " not") \(next)”"
                ))
        }
        return out
    }

    /// Words after a modal that show it is not one ("the will of", "a can of").
    static let notAfterModal: Set<String> = [
        "the", "a", "an", "of", "to", "and", "or", "that", "this", "which", "it", "he", "she", "they", "we", "you",
        "i", "there", "his", "her", "their", "its", "for", "in", "on", "at", "with",
    ]
    /// Modals by strength and the modals of another strength each is changed to.
    static let modalChanges: [String: [String]] = [
        "may": ["must", "will"], "might": ["must", "will"], "could": ["must"], "can": ["must"], "must": ["may", "might"],
        "will": ["may", "might"], "should": ["may", "might"],
    ]
    static let modalClasses: [String: String] = [
        "may": "possibility", "might": "possibility", "could": "possibility", "can": "possibility",
        "must": "necessity", "will": "prediction", "should": "advice",
    ]

    /// The modal of the verb `k` heads, when the word after it is a verb's (lowercase, not an
    /// article, preposition or pronoun).
    static func isModal(at k: Int, in ws: [(range: Range<String.Index>, word: String)], text: String) -> Bool {
        guard k > 0, let next = EditGenerator.nextWord(in: text, after: ws[k].range, words: ws), next.first?.isLowercase == true else {
            return false
        }
        return !notAfterModal.contains(next)
    }

    static func modality(_ text: String, rng: inout SplitMix64) -> [FactOption] {
        let ws = EditGenerator.words(text)
        var out: [FactOption] = []
        for (k, (range, word)) in ws.enumerated() {
            guard let targets = modalChanges[word], isModal(at: k, in: ws, text: text), let from = modalClasses[word] else { continue }
            let new = rng.pick(targets)
            out.append((range, new, "\(from) → \(modalClasses[new] ?? "") “\(word)” → “\(new)”"))
        }
        return out
    }

    /// Plural subjects that do not end in "s".
    static let pluralSubjects: Set<String> = ["i", "you", "we", "they", "people", "police", "children", "men", "women"]
    static let singularSubjects: Set<String> = [
        "he", "she", "it", "someone", "somebody", "everyone", "everybody", "anyone", "nobody", "one",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every", "each",
    ]
    static let prepositions: Set<String> = [
        "of", "in", "on", "at", "for", "with", "from", "by", "to", "about", "under", "over", "between", "against",
    ]

    /// Whether the subject of the verb at `k` is plural, when it can be read: a pronoun, or a
    /// determiner and a noun that no preposition attaches to something before ("the city",
    /// not "members of the board"); nil otherwise.
    static func subjectIsPlural(before k: Int, in ws: [(range: Range<String.Index>, word: String)], text: String) -> Bool? {
        func adjacent(_ i: Int) -> Bool { text[ws[i].range.upperBound..<ws[i + 1].range.lowerBound] == " " }
        guard k >= 1, adjacent(k - 1) else { return nil }
        let subject = ws[k - 1].word.lowercased()
        if pluralSubjects.contains(subject) { return true }
        if singularSubjects.contains(subject) { return false }
        guard k >= 2, adjacent(k - 2), determiners.contains(ws[k - 2].word.lowercased()),
            k < 3 || !prepositions.contains(ws[k - 3].word.lowercased())
        else { return nil }
        if ["these", "those"].contains(ws[k - 2].word.lowercased()) { return true }
        if ["a", "an", "this", "that", "every", "each"].contains(ws[k - 2].word.lowercased()) { return false }
        return subject.hasSuffix("s") && !subject.hasSuffix("ss") && !subject.hasSuffix("us") && !subject.hasSuffix("is")
    }

    static func modalSameClass(_ text: String) -> [FactOption] {
        let ws = EditGenerator.words(text)
        var out: [FactOption] = []
        for (k, (range, word)) in ws.enumerated() where k > 0 {
            let next = EditGenerator.nextWord(in: text, after: range, words: ws)
            let previous = text[ws[k - 1].range.upperBound..<range.lowerBound] == " " ? ws[k - 1].word.lowercased() : nil
            switch word {
            case "may", "might":
                guard isModal(at: k, in: ws, text: text) else { continue }
                let new = word == "may" ? "might" : "may"
                out.append((range, new, "may ↔ might “\(word)” → “\(new)”"))
            case "could":
                guard next == "be" || next == "have" else { continue }
                out.append((range, "might", "could → might “could \(next ?? "")” → “might \(next ?? "")”"))
            case "must":
                guard isModal(at: k, in: ws, text: text), next != "not", let plural = subjectIsPlural(before: k, in: ws, text: text) else {
                    continue
                }
                let new = plural ? "have to" : "has to"
                out.append((range, new, "must → has to “must” → “\(new)”"))
            case "has", "have":
                guard next == "to", k + 2 < ws.count, let previous, !EditGenerator.auxiliaries.contains(previous), previous != "to",
                    previous != "not",
                    !previous.hasSuffix("n't"), !previous.hasSuffix("n\u{2019}t"),
                    text[ws[k + 1].range.upperBound..<ws[k + 2].range.lowerBound] == " ",
                    ws[k + 2].word.first?.isLowercase == true, !notAfterModal.contains(ws[k + 2].word)
                else { continue }
                out.append((range.lowerBound..<ws[k + 1].range.upperBound, "must", "has to → must “\(word) to” → “must”"))
            case "should":
                guard isModal(at: k, in: ws, text: text), next != "not" else { continue }
                out.append((range, "ought to", "should ↔ ought to “should” → “ought to”"))
            case "ought":
                guard next == "to", k + 1 < ws.count else { continue }
                out.append((range.lowerBound..<ws[k + 1].range.upperBound, "should", "should ↔ ought to “ought to” → “should”"))
            default:
                continue
            }
        }
        return out
    }

    static func contraction(_ text: String, context: FactContext) -> [FactOption] {
        let ws = EditGenerator.words(text)
        let apostrophe = text.contains("\u{2019}") || !text.contains("'") && context.curly ? "\u{2019}" : "'"
        var out: [FactOption] = []
        for (k, (range, word)) in ws.enumerated() {
            let plain = word.replacingOccurrences(of: "\u{2019}", with: "'").lowercased()
            if let full = contractionsFull[plain] {
                out.append((range, matchCase(word, full), "expanded “\(word)” → “\(matchCase(word, full))”"))
                continue
            }
            if plain == "cannot" {
                let new = matchCase(word, "can" + apostrophe + "t")
                out.append((range, new, "contracted “\(word)” → “\(new)”"))
                continue
            }
            let lower = word.lowercased()
            guard k + 1 < ws.count, ws[k + 1].word == "not", text[range.upperBound..<ws[k + 1].range.lowerBound] == " ",
                contractionsFull.values.contains(lower + " not") || lower == "can"
            else { continue }
            let after = EditGenerator.nextWord(in: text, after: ws[k + 1].range, words: ws)
            guard after != "only", after != "just", after != "least" else { continue }
            let new = matchCase(
                word,
                lower == "will" ? "won" + apostrophe + "t" : lower == "can" ? "can" + apostrophe + "t" : lower + "n" + apostrophe + "t")
            out.append((range.lowerBound..<ws[k + 1].range.upperBound, new, "contracted “\(word) not” → “\(new)”"))
        }
        return out
    }

    /// Negative wordings of the same polarity.
    static func negationParaphrase(_ text: String) -> [FactOption] {
        let ws = EditGenerator.words(text)
        var out: [FactOption] = []
        func gapIsSpace(_ k: Int) -> Bool { k + 1 < ws.count && text[ws[k].range.upperBound..<ws[k + 1].range.lowerBound] == " " }
        let stopAfterNo: Set<String> = ["one", "longer", "more", "less", "matter", "sooner", "doubt"]
        let doOf: [String: String] = ["has": "does", "have": "do", "had": "did"]
        for (k, (range, word)) in ws.enumerated() {
            let lower = word.lowercased()
            let previous = k > 0 && gapIsSpace(k - 1) ? ws[k - 1].word.lowercased() : nil
            let next = gapIsSpace(k) ? ws[k + 1].word : nil
            switch lower {
            case "nobody":
                out.append((range, matchCase(word, "no one"), "nobody ↔ no one “\(word)” → “\(matchCase(word, "no one"))”"))
            case "no" where next == "one" && (k + 2 >= ws.count || ws[k + 2].word != "of"):
                out.append(
                    (
                        range.lowerBound..<ws[k + 1].range.upperBound, matchCase(word, "nobody"),
                        "nobody ↔ no one “\(word) one” → “\(matchCase(word, "nobody"))”"
                    ))
            case "nothing" where previous.map(beForms.contains) ?? false:
                out.append((range, "not anything", "nothing ↔ not anything “nothing” → “not anything”"))
            case "not" where next == "anything" && (previous.map(beForms.contains) ?? false):
                let span = range.lowerBound..<ws[k + 1].range.upperBound
                out.append((span, "nothing", "nothing ↔ not anything “not anything” → “nothing”"))
            case "no"
            where (previous.map(beForms.contains) ?? false)
                && next.map { $0.first?.isLowercase == true && !stopAfterNo.contains($0) } ?? false:
                out.append((range, "not any", "no ↔ not any “no” → “not any”"))
            case "not"
            where next == "any" && (previous.map(beForms.contains) ?? false) && k + 2 < ws.count && gapIsSpace(k + 1)
                && ws[k + 2].word.first?.isLowercase == true && !stopAfterNo.contains(ws[k + 2].word):
                out.append((range.lowerBound..<ws[k + 1].range.upperBound, "no", "no ↔ not any “not any” → “no”"))
            case "has", "have", "had":
                guard word == lower, next == "no", k + 2 < ws.count, gapIsSpace(k + 1), ws[k + 2].word.first?.isLowercase == true,
                    !stopAfterNo.contains(ws[k + 2].word), let previous, !EditGenerator.auxiliaries.contains(previous), previous != "to",
                    let helper = doOf[lower]
                else { continue }
                out.append(
                    (
                        range.lowerBound..<ws[k + 1].range.upperBound, "\(helper) not have any",
                        "has no ↔ does not have any “\(word) no” → “\(helper) not have any”"
                    ))
            case "does", "do", "did":
                guard next == "not", k + 3 < ws.count, gapIsSpace(k + 1), gapIsSpace(k + 2), ws[k + 2].word == "have",
                    ws[k + 3].word == "any",
                    let have = doOf.first(where: { $0.value == lower })?.key
                else { continue }
                let new = matchCase(word, have + " no")
                let span = range.lowerBound..<ws[k + 3].range.upperBound
                out.append((span, new, "has no ↔ does not have any “\(word) not have any” → “\(new)”"))
            case "none" where next == "of":
                let new = matchCase(word, "not one")
                out.append((range, new, "none of ↔ not one of “\(word)” → “\(new)”"))
            case "not" where next == "one" && k + 2 < ws.count && ws[k + 2].word == "of" && gapIsSpace(k + 1):
                out.append(
                    (
                        range.lowerBound..<ws[k + 1].range.upperBound, matchCase(word, "none"),
                        "none of ↔ not one of “\(word) one” → “\(matchCase(word, "none"))”"
                    ))
            default:
                continue
            }
        }
        return out
    }

    // MARK: Names

    static let countries = [
        "Germany", "France", "Italy", "Spain", "Poland", "Austria", "Switzerland", "Belgium", "Netherlands", "Sweden", "Norway",
        "Denmark", "Finland", "Greece", "Portugal", "Ireland", "Hungary", "Romania", "Ukraine", "Russia", "Turkey", "Israel",
        "Egypt", "Iran", "Iraq", "Syria", "Lebanon", "India", "Pakistan", "China", "Japan", "Vietnam", "Indonesia", "Australia",
        "Canada", "Mexico", "Brazil", "Argentina", "Chile", "Peru", "Colombia", "Venezuela", "Nigeria", "Kenya", "Ethiopia",
        "Somalia", "Sudan", "Afghanistan", "Belarus", "Serbia", "Croatia", "Bulgaria", "Thailand", "Malaysia", "Philippines",
    ]
    static let cities = [
        "Berlin", "Paris", "London", "Madrid", "Rome", "Vienna", "Warsaw", "Prague", "Brussels", "Amsterdam", "Stockholm", "Oslo",
        "Copenhagen", "Helsinki", "Athens", "Lisbon", "Dublin", "Budapest", "Moscow", "Kiev", "Kyiv", "Istanbul", "Ankara", "Cairo",
        "Tehran", "Baghdad", "Beijing", "Shanghai", "Tokyo", "Seoul", "Delhi", "Mumbai", "Sydney", "Toronto", "Chicago", "Boston",
        "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Dresden", "Leipzig", "Bremen", "Hanover", "Zurich", "Geneva",
        "Milan", "Barcelona", "Manchester", "Liverpool", "Glasgow", "Edinburgh", "Dallas", "Houston", "Seattle",
    ]
    static let organisations = [
        "Google", "Apple", "Amazon", "Microsoft", "Facebook", "Twitter", "Tesla", "Siemens", "Volkswagen", "Daimler",
        "Lufthansa", "Bosch", "Nokia", "Samsung", "Toyota", "Boeing", "Airbus", "Bayer", "Adidas", "Netflix", "Intel",
        "Sony", "Huawei", "Alibaba", "Pfizer", "Moderna", "BioNTech", "AstraZeneca", "Gazprom",
    ]
    static let surnames =
        EditGenerator.fixedSurnames + [
            "Novak", "Kowalski", "Rossi", "Haddad", "Petrov", "Tanaka", "Mendes", "Larsen", "Brennan",
            "Dubois", "Costa", "Weber", "Okonkwo", "Sandoval", "Horvath", "Lindgren",
        ]
    /// Words before a person's name besides ``EditGenerator/titles``.
    static let personTitles: Set<String> = EditGenerator.titles.union([
        "Judge", "Coach", "Pope", "King", "Queen", "Prince", "Princess", "Secretary",
        "Ambassador", "Commissioner", "Captain", "Colonel", "Inspector", "Detective",
        "Bishop", "Sir", "Lady", "Lord", "Chief", "Foreign", "Interior", "Health",
        "Finance", "Defence", "Defense", "Economy", "Vice", "Deputy",
    ])

    /// Words of the names of organisations, not people.
    static let organisationWords: Set<String> = [
        "Jihad", "Navy", "Army", "Police", "Ministry", "Party", "Council", "Court", "Assembly", "Agency",
        "Office", "Department", "Commission", "Committee", "Union", "Association", "Group", "Company",
        "Bank", "Institute", "University", "Service", "Force", "Forces", "Guard", "Times", "News", "Post",
        "Journal", "Press", "Government", "Parliament", "Senate", "Congress", "Church", "Club", "Federation",
        "League", "Front", "Movement", "Brigade", "Brigades", "Corps", "Authority", "Board", "Foundation",
    ]

    /// Whether a capitalised word can be (part of) a person's name.
    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 2, word.dropFirst().contains(where: \.isLowercase),
            word.allSatisfy({ $0.isLetter || $0 == "-" })
        else { return false }
        return !EditGenerator.notSpeakers.contains(word) && !personTitles.contains(word) && !EditGenerator.calendarWords.contains(word)
    }

    /// Words that can begin the clause after "according to X".
    static let clauseOpeners: Set<String> = [
        "the", "a", "an", "it", "its", "there", "this", "these", "those", "he", "she", "they", "in", "on", "at",
        "some", "many", "most", "only", "about", "more", "all", "both", "each", "after", "before", "until",
    ]

    /// "according to X": the name words after any titles.
    static func accordingToRun(_ text: String) -> Range<String.Index>? {
        guard let phrase = text.range(of: "according to ") ?? text.range(of: "According to ") else { return nil }
        let ws = EditGenerator.words(text)
        guard var k = ws.firstIndex(where: { $0.range.lowerBound >= phrase.upperBound }), ws[k].range.lowerBound == phrase.upperBound else {
            return nil
        }
        while k < ws.count, personTitles.contains(ws[k].word) { k += 1 }
        let start = k
        while k < ws.count, isNameWord(ws[k].word), k == start || text[ws[k - 1].range.upperBound..<ws[k].range.lowerBound] == " " {
            k += 1
        }
        guard k > start, k - start <= 3, !ws[start..<k].contains(where: { isDemonym($0.word) }) else { return nil }
        let end = ws[k - 1].range.upperBound
        // The name ends the phrase: punctuation, or a word that starts the clause ("according to SpaceX the rocket …").
        if let next = char(at: end, in: text),
            !(",.;".contains(next) || next == " " && (k == ws.count || clauseOpeners.contains(ws[k].word)))
        {
            return nil
        }
        return ws[start].range.lowerBound..<end
    }

    /// Ranges of the sentence that name its speaker.
    static func speakerRanges(_ text: String, context: FactContext) -> [Range<String.Index>] {
        var out = EditGenerator.speakerRuns(text, names: context.names).compactMap { run in
            run.first.map { first in first.range.lowerBound..<(run.last?.range.upperBound ?? first.range.upperBound) }
        }
        if let according = accordingToRun(text) { out.append(according) }
        return out
    }

    /// A person (after a title, or a speaker the text credits elsewhere), place or organisation
    /// the sentence names, not as its speaker, replaced everywhere in the sentence by one the
    /// text does not use.
    static func nameSwap(_ text: String, context: FactContext, rng: inout SplitMix64) -> [FactOption] {
        let speaking = speakerRanges(text, context: context)
        let ws = EditGenerator.words(text)
        var candidates: [(name: String, sort: String, pool: [String])] = []
        for list in [(countries, "country"), (cities, "city"), (organisations, "organisation")] {
            for name in list.0 {
                // Not part of a longer name ("Real Madrid", "Manchester City", "Boeing 747").
                let ranges = occurrences(of: name, in: text)
                guard !ranges.isEmpty,
                    !ranges.contains(where: { r in
                        let before = word(before: r.lowerBound, in: text)
                        let after = word(after: r.upperBound, in: text)
                        return before.map { $0.word.first?.isUppercase == true && !startsSentence(at: $0.range.lowerBound, in: text) }
                            ?? false
                            || after.map { $0.word.first?.isUppercase == true || isDigit($0.word.first) } ?? false
                    })
                else { continue }
                candidates.append((name, list.1, list.0))
            }
        }
        // People: the last name word after a title, and surnames the text credits as speakers.
        for (k, (_, word)) in ws.enumerated() where personTitles.contains(word) {
            var j = k + 1
            while j < ws.count, personTitles.contains(ws[j].word) { j += 1 }
            var end = j
            while end < ws.count, isNameWord(ws[end].word), text[ws[end - 1].range.upperBound..<ws[end].range.lowerBound] == " " {
                end += 1
            }
            guard end > j, end - j <= 3, ws[j..<end].allSatisfy({ context.isName($0.word) && !organisationWords.contains($0.word) }),
                end == ws.count || !(personTitles.contains(ws[end].word) || organisationWords.contains(ws[end].word))
            else { continue }
            candidates.append((ws[end - 1].word, "person", surnames))
        }
        // A speaker of two or three name words ("Angela Merkel"), named here by the last.
        for speaker in context.speakers {
            let parts = speaker.split(separator: " ").map(String.init)
            guard (2...3).contains(parts.count),
                parts.allSatisfy({ isNameWord($0) && context.isName($0) && !organisationWords.contains($0) }),
                let surname = parts.last
            else { continue }
            candidates.append((surname, "person", surnames))
        }
        var out: [FactOption] = []
        var seen = Set<String>()
        for (name, sort, pool) in candidates where !seen.contains(name) {
            seen.insert(name)
            // Possessives keep their ending; a name inside a longer name ("Berlin-Brandenburg") is fine.
            let ranges = occurrences(of: name, in: text)
            guard !ranges.isEmpty, !ranges.contains(where: { r in speaking.contains { $0.overlaps(r) } }) else { continue }
            let fresh = pool.filter { !context.textWords.contains($0) && $0 != name }
            guard !fresh.isEmpty else { continue }
            let new = rng.pick(fresh)
            if let option = replacingAll(name, with: new, in: text, at: ranges, detail: "\(sort) “\(name)” → “\(new)”") {
                out.append(option)
            }
        }
        return out
    }

    // MARK: Aliases

    /// Names and their usual other forms; the first forms are the ones written, the rest only read.
    static let aliasGroups: [(forms: [String], alsoRead: [String])] = [
        (["United States", "US", "U.S."], ["USA"]),
        (["United Kingdom", "UK", "Britain"], []),
        (["United Nations", "UN"], ["U.N."]),
        (["European Union", "EU"], []),
        (["North Atlantic Treaty Organization", "NATO"], ["North Atlantic Treaty Organisation", "Nato"]),
        (["World Health Organization", "WHO"], ["World Health Organisation"]),
        (["International Monetary Fund", "IMF"], []),
        (["European Central Bank", "ECB"], []),
    ]
    /// Words after a country name that show it stands as a noun ("the UK has", "in the UK, …").
    static let nounFollowers: Set<String> = [
        "and", "or", "is", "was", "has", "had", "have", "will", "would", "could", "can", "should", "must", "may",
        "in", "on", "at", "to", "for", "with", "from", "after", "before", "over", "since", "as", "but",
        "which", "who", "that", "said", "says", "are", "were", "did", "does", "remains", "wants", "also",
    ]

    static func alias(_ text: String) -> [FactOption] {
        var out: [FactOption] = []
        for group in aliasGroups {
            for form in group.forms + group.alsoRead {
                for range in occurrences(of: form, in: text) {
                    // Not inside a longer name or compound ("US-based", "UNESCO", "EU-wide").
                    if let after = char(at: range.upperBound, in: text), after == "-" || after == "\u{2013}" { continue }
                    if let before = char(before: range.lowerBound, in: text), before == "." || before == "-" { continue }
                    // Not the other form given in brackets ("United Nations (UN)"), nor a currency ("US$").
                    if char(before: range.lowerBound, in: text) == "(" || text[range.upperBound...].hasPrefix(" (")
                        || char(at: range.upperBound, in: text) == "$"
                    {
                        continue
                    }
                    if form.count <= 4, form.allSatisfy({ $0.isUppercase }),
                        let next = word(after: range.upperBound, in: text), next.word.allSatisfy({ $0.isUppercase })
                    {
                        continue
                    }
                    if form == "Britain", word(before: range.lowerBound, in: text)?.word == "Great" { continue }
                    let followedBy = word(after: range.upperBound, in: text)?.word
                    let after = char(at: range.upperBound, in: text)
                    let asNoun =
                        after == nil || after.map { ",.;:)'\u{2019}".contains($0) } == true
                        || followedBy.map(nounFollowers.contains) == true
                    let the = word(before: range.lowerBound, in: text).flatMap { $0.word == "the" || $0.word == "The" ? $0 : nil }
                    for target in group.forms where target != form {
                        var span = range
                        var new = target
                        if target == "Britain" {
                            guard asNoun, let the else { continue }
                            span = the.range.lowerBound..<range.upperBound
                        } else if form == "Britain" {
                            guard asNoun else { continue }
                            new = (startsSentence(at: range.lowerBound, in: text) ? "The " : "the ") + target
                        }
                        // A sentence's final period doubles as the abbreviation's ("in the U.S.").
                        if form.hasSuffix("."), !target.hasSuffix("."), range.upperBound == text.endIndex { new += "." }
                        if target.hasSuffix("."), !form.hasSuffix("."), after == ".", text.index(after: range.upperBound) == text.endIndex {
                            span = span.lowerBound..<text.endIndex
                        }
                        out.append((span, new, "alias (\(group.forms[0])) “\(text[span])” → “\(new)”"))
                    }
                }
            }
        }
        return out
    }

    // MARK: Transliteration

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "A", "E", "I", "O", "U", "Y"]

    /// The first `pattern` after the first letter with a vowel on each side, replaced.
    static func betweenVowels(_ name: String, _ pattern: String, _ replacement: String) -> String? {
        var from = name.index(after: name.startIndex)
        while let range = name.range(of: pattern, range: from..<name.endIndex) {
            if let b = char(before: range.lowerBound, in: name), vowels.contains(b), let a = char(at: range.upperBound, in: name),
                vowels.contains(a)
            {
                return name.replacingCharacters(in: range, with: replacement)
            }
            from = range.upperBound
        }
        return nil
    }

    /// Respellings that transliterations of one name show, each a rule over the name's letters.
    static let respellings: [(name: String, apply: @Sendable (String) -> String?)] = [
        ("ks → x", { name in betweenVowels(name, "ks", "x") }),
        ("x → ks", { name in betweenVowels(name, "x", "ks") }),
        ("-ei → -ey", { name in name.hasSuffix("ei") ? name.dropLast(2) + "ey" : nil }),
        ("-ey → -ei", { name in name.hasSuffix("ey") ? name.dropLast(2) + "ei" : nil }),
        (
            "-iy → -y",
            { name in
                guard name.hasSuffix("iy") || name.hasSuffix("ii"), let before = name.dropLast(2).last, !vowels.contains(before) else {
                    return nil
                }
                return name.dropLast(2) + "y"
            }
        ),
        ("-sky ↔ -ski", { name in name.hasSuffix("sky") ? name.dropLast() + "i" : name.hasSuffix("ski") ? name.dropLast() + "y" : nil }),
        (
            "ph → f",
            { name in
                if name.hasPrefix("Ph") { return "F" + name.dropFirst(2) }
                return name.range(of: "ph").map { name.replacingCharacters(in: $0, with: "f") }
            }
        ),
        (
            "f → ph",
            { name in
                // An "f" between vowels or after a vowel at the end ("Stefan", "Josef").
                let chars = Array(name)
                for i in 1..<chars.count
                where chars[i] == "f" && vowels.contains(chars[i - 1]) && (i == chars.count - 1 || vowels.contains(chars[i + 1])) {
                    return String(chars[..<i]) + "ph" + String(chars[(i + 1)...])
                }
                return nil
            }
        ),
        ("Ts → Z", { name in name.hasPrefix("Ts") ? "Z" + name.dropFirst(2) : nil }),
        ("Z → Ts", { name in name.hasPrefix("Z") ? "Ts" + name.dropFirst() : nil }),
        (
            "double consonant → single",
            { name in
                let chars = Array(name)
                for i in 1..<(chars.count - 1) where chars[i] == chars[i + 1] && chars[i].isLetter && !vowels.contains(chars[i]) {
                    return String(chars[...i]) + String(chars[(i + 2)...])
                }
                return nil
            }
        ),
        ("ou → u", { name in name.dropFirst().range(of: "ou").map { name.replacingCharacters(in: $0, with: "u") } }),
        (
            "u → ou",
            { name in
                let chars = Array(name)
                for i in 1..<(chars.count - 1)
                where chars[i] == "u" && !vowels.contains(chars[i - 1]) && !vowels.contains(chars[i + 1])
                    && chars[i - 1].isLetter && chars[i + 1].isLetter
                {
                    return String(chars[..<i]) + "ou" + String(chars[(i + 1)...])
                }
                return nil
            }
        ),
        (
            "umlaut → e",
            { name in
                for (umlaut, spelled) in [("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("ß", "ss")] where name.contains(umlaut) {
                    return name.replacingOccurrences(of: umlaut, with: spelled)
                }
                return nil
            }
        ),
        (
            "-ov ↔ -off",
            { name in
                for (x, y) in [("ov", "off"), ("ev", "eff"), ("off", "ov"), ("eff", "ev")] where name.hasSuffix(x) {
                    return name.dropLast(x.count) + y
                }
                return nil
            }
        ),
    ]

    /// Endings of adjectives of nationality and language ("Russian", "Chinese", "British"), and
    /// such adjectives of other shapes.
    static let demonymEndings = ["ian", "ese", "ish", "ean", "ic", "ican"]
    static let otherDemonyms: Set<String> = [
        "German", "French", "Dutch", "Welsh", "Swiss", "Greek", "Thai", "Czech", "Iraqi", "Israeli", "Pakistani", "Saudi",
    ]
    static let compassWords = ["North", "South", "East", "West"]

    static func isDemonym(_ word: String) -> Bool {
        demonymEndings.contains { word.hasSuffix($0) } || otherDemonyms.contains(word)
    }

    static func transliteration(_ text: String, context: FactContext) -> [FactOption] {
        var out: [FactOption] = []
        var seen = Set<String>()
        for (k, (range, word)) in EditGenerator.words(text).enumerated() {
            // The name without a possessive ending.
            let name = String(word.prefix { $0.isLetter })
            guard name.count >= 5, !seen.contains(name), context.isName(name), name.dropFirst().allSatisfy(\.isLowercase),
                k > 0 || context.names.contains(name), !startsSentence(at: range.lowerBound, in: text) || context.names.contains(name),
                !EditGenerator.notSpeakers.contains(name), !personTitles.contains(name), !EditGenerator.calendarWords.contains(name),
                !isDemonym(name), !organisationWords.contains(name),
                !compassWords.contains(where: { name.hasPrefix($0) })
            else { continue }
            seen.insert(name)
            let ranges = occurrences(of: name, in: text)
            for rule in respellings {
                guard let new = rule.apply(name), new != name, new.count >= 3 else { continue }
                let detail = "respelled (\(rule.name)) “\(name)” → “\(new)”"
                if let option = replacingAll(name, with: new, in: text, at: ranges, detail: detail) {
                    out.append(option)
                }
            }
        }
        return out
    }
}
