/// The same words credited to different speakers: each side credits someone the other side
/// never names ("Dr Maathai said" / "Dr Okafor said"; "Xi said" / "Putin said"), titles aside.
enum AttributionRule: GroupRule {
    static let category = FindingCategory.attribution
    static let info = CategoryInfo(
        ruleName: "AttributionDiffers",
        summary: "The same words are attributed to a different speaker.",
        help: "Check who said it: the accounts should attribute the words to the same speaker.",
        defaultSeverity: .error, terminalStyle: "1;35", htmlColors: ("#bf3989", "#ffeff7"))

    /// A speaker a side credits: the speaker's name keys, the words that name them, and how
    /// they read ("he (Putin)" for a pronoun resolved to the last named speaker).
    struct Speaker {
        var keys: Set<String>
        var words: Range<Int>
        var display: String
        /// Named through a pronoun, resolved to an earlier sentence's speaker.
        var isResolved: Bool
    }

    static func apply(to group: inout GroupAnalysis) {
        let stop = group.context.stop
        let speakersA = speakers(group.a, stop: stop)
        guard !speakersA.isEmpty else { return }
        let speakersB = speakers(group.b, stop: stop)
        guard !speakersB.isEmpty else { return }
        let keysOfA = Set(group.a.keys)
        let keysOfB = Set(group.b.keys)
        let creditedA = speakersA.reduce(Set<String>()) { $0.union($1.keys) }
        let creditedB = speakersB.reduce(Set<String>()) { $0.union($1.keys) }
        let onlyA = creditedA.subtracting(keysOfB).subtracting(creditedB)
        let onlyB = creditedB.subtracting(keysOfA).subtracting(creditedA)
        guard let sa = speakersA.first, let sb = speakersB.first, !onlyA.isEmpty, !onlyB.isEmpty,
            // One speaker written another way ("UN" / "United Nations", "Putin" / "Poutine").
            !sameSpeaker(onlyA, onlyB, stemmer: group.context.stemmer)
        else { return }
        group.explain(a: sa.words, b: sb.words)
        group.add(
            .attribution, "Attribution differs: A credits \(group.quote(sa.display)), B credits \(group.quote(sb.display)).",
            group.a.span(sa.words), group.b.span(sb.words), detail: "\(sa.keys.sorted())|\(sb.keys.sorted())", weight: 3)
    }

    /// The speakers a side's words credit ("Xi said", "said Putin", "Xi Jinping and his Russian
    /// counterpart Vladimir Putin announced", "he added" resolved to the last named speaker before
    /// it).
    static func speakers(_ side: GroupSide, stop: Set<String>) -> [Speaker] {
        var found: [Speaker] = []
        let words = side.words
        for k in words.indices where side.table.isSpeechVerb(side.ids[k]) {
            let word = words[k]
            let sentence = side.sentenceOfWord[k]
            // "according to X": the speaker follows "to".
            if word.key == "according" {
                if k + 1 < words.count, words[k + 1].key == "to", let run = nameRun(after: k + 1, in: side, sentence: sentence) {
                    found.append(Speaker(keys: identity(run, side), words: run, display: side.surface(run), isResolved: false))
                }
                continue
            }
            // The subject before the verb: back to the sentence start or to clause punctuation (a
            // comma, colon, semicolon or quotation mark), at most eight words; its last run of
            // names, the one nearest the verb.
            var start = k
            while start > 0, k - start < 8, side.sentenceOfWord[start - 1] == sentence, !words[start - 1].isNumber,
                !side.table.isSpeechVerb(side.ids[start - 1]), !side.gap(before: start, contains: Self.subjectStops)
            {
                start -= 1
            }
            // A capitalised first word counts unless it is a function word ("The", "He").
            let named = (start..<k).filter { words[$0].isName || (words[$0].isCapitalized && !stop.contains(words[$0].key)) }
            if let last = named.last, k - last <= 4 {
                var first = last
                while first > start, named.contains(first - 1) { first -= 1 }
                let range = first..<(last + 1)
                found.append(Speaker(keys: identity(range, side), words: range, display: side.surface(range), isResolved: false))
                continue
            }
            // "said Xi".
            if let run = nameRun(after: k, in: side, sentence: sentence) {
                found.append(Speaker(keys: identity(run, side), words: run, display: side.surface(run), isResolved: false))
                continue
            }
            if k > 0, Lexicon.pronouns.contains(words[k - 1].key), side.sentenceOfWord[k - 1] == sentence,
                let resolved = lastNamedSpeaker(before: sentence, in: side, stop: stop)
            {
                found.append(
                    Speaker(
                        keys: resolved.keys, words: (k - 1)..<k, display: "\(side.surface(k - 1)) (\(resolved.display))", isResolved: true))
            }
        }
        return found
    }

    /// Whether the names only one side credits are one speaker written two ways: another spelling
    /// of a name, an abbreviation and the words it abbreviates, or conventional aliases.
    static func sameSpeaker(_ x: Set<String>, _ y: Set<String>, stemmer: Stemmer) -> Bool {
        for a in x {
            for b in y where NameMatcher.isSpellingVariant(a, b, stemmer: stemmer) { return true }
        }
        func abbreviates(_ short: Set<String>, _ long: Set<String>) -> Bool {
            guard short.count == 1, let letters = short.first?.filter({ $0 != "." }), long.count >= 2 else { return false }
            return Set(letters) == Set(long.compactMap(\.first)) && letters.count == long.count
        }
        if abbreviates(x, y) || abbreviates(y, x) { return true }
        let plain = (Set(x.map { $0.filter { $0 != "." } }), Set(y.map { $0.filter { $0 != "." } }))
        return NameMatcher.aliases.contains { family in
            family.contains { Set($0) == plain.0 } && family.contains { Set($0) == plain.1 }
        }
    }

    /// What ends a speaker's subject: , : ; and quotation marks.
    static let subjectStops: Set<Unicode.Scalar> = [",", ":", ";", "\"", "\u{201C}", "\u{201D}"]

    /// The names right after word `k` (no comma between them), if any.
    static func nameRun(after k: Int, in side: GroupSide, sentence: Int) -> Range<Int>? {
        let words = side.words
        var end = k + 1
        while end < words.count, words[end].isName, side.sentenceOfWord[end] == sentence,
            end == k + 1 || !side.gap(before: end).contains(0x2C)
        {
            end += 1
        }
        return end > k + 1 ? (k + 1)..<end : nil
    }

    /// Who a run of names stands for: its keys without titles, and without an owner's name
    /// before a possessive ("Australia's Prime Minister Kevin Rudd" is Kevin Rudd).
    static func identity(_ run: Range<Int>, _ side: GroupSide) -> Set<String> {
        var first = run.lowerBound
        for k in run where k + 1 < run.upperBound {
            let surface = side.surface(k)
            if surface.hasSuffix("'s") || surface.hasSuffix("\u{2019}s") { first = k + 1 }
        }
        let keys = Set(side.words[first..<run.upperBound].map(\.key)).subtracting(Lexicon.titles)
        return keys.isEmpty ? Set(side.words[run].map(\.key)) : keys
    }

    /// The last speaker named with a speech verb in the six sentences of `side`'s document
    /// before `index`.
    static func lastNamedSpeaker(before index: Int, in side: GroupSide, stop: Set<String>) -> Speaker? {
        var i = index - 1
        while i >= 0 && i >= index - 6 {
            if side.document.sentences[i].isContent {
                let earlier = side.side(of: [i])
                if let last = speakers(earlier, stop: stop).last(where: { !$0.isResolved }) { return last }
            }
            i -= 1
        }
        return nil
    }
}
