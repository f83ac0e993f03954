/// Finds and classifies the wording changes inside an aligned group, most specific first:
/// terminology (glossary variants), number, negation, entity, attribution, then drift; forms
/// that differ only under folding are formatting.
///
/// A classifier is for one thread (its stemmer is not thread-safe); what it is made of is
/// `Sendable`, so that each task can make its own.
struct Classifier {
    let a: Document
    let b: Document
    /// Each sentence's words, of A and of B.
    let words: (a: FoldedSentences, b: FoldedSentences)
    let options: ComparisonOptions
    let stop: Set<String>
    /// Which account has lost its digits throughout (numbers missing from it are told once, in
    /// a document-level note).
    let digitLoss: (a: Bool, b: Bool)
    let datelines: (a: CalendarDate?, b: CalendarDate?)
    let fingerprint: Fingerprinter
    /// Every word of each account's content sentences, as ``nameKey(_:digitsLostElsewhere:)``
    /// gives it: a name is only an `entity` finding when the other account never uses it.
    let vocabulary: (a: Set<String>, b: Set<String>)
    let stemmer: Stemmer

    /// One side of a group: its words, and the sentence each word is in.
    struct Side {
        var document: Document
        /// The words of every sentence of the document.
        var folded: FoldedSentences
        var words: [FoldedWord]
        var sentenceOfWord: [Int]
        var sentences: [Int]

        init(_ document: Document, _ sentences: [Int], words folded: FoldedSentences) {
            self.document = document
            self.folded = folded
            self.sentences = sentences
            words = []
            sentenceOfWord = []
            for index in sentences {
                let w = folded.words[index]
                words += w
                sentenceOfWord += Array(repeating: index, count: w.count)
            }
        }

        /// The words of `range` that are in the same sentence as its first word: a span never
        /// runs over text between two sentences of a group.
        func clipped(_ range: Range<Int>) -> Range<Int> {
            guard let first = range.first else { return range }
            var end = first + 1
            while end < range.upperBound, sentenceOfWord[end] == sentenceOfWord[first] { end += 1 }
            return first..<end
        }

        func surface(_ range: Range<Int>) -> String {
            let range = clipped(range)
            guard let first = range.first, let last = range.last else { return "" }
            return Document.displayText(document.source.utf8[words[first].span.lowerBound..<words[last].span.upperBound])
        }

        /// The span of some words (clipped to the first one's sentence; `sentences` lists every
        /// sentence the words are in); for no words, an empty span where they would be.
        func span(_ range: Range<Int>) -> Span {
            if let first = range.first {
                let sentences = Array(Set(sentenceOfWord[range])).sorted()
                let last = clipped(range).upperBound - 1
                return Span(sentences: sentences, start: words[first].span.lowerBound, end: words[last].span.upperBound, text: surface(range))
            }
            let at = range.lowerBound < words.count ? words[range.lowerBound].span.lowerBound
                : words.last?.span.upperBound ?? document.sentences[sentences[0]].start
            let sentence = range.lowerBound < words.count ? sentenceOfWord[range.lowerBound] : sentenceOfWord.last ?? sentences[0]
            return Span(sentences: [sentence], start: at, end: at, text: "")
        }
    }

    /// The findings of one group and its drift score (0 same words, 1 none in common).
    func classify(aSentences: [Int], bSentences: [Int]) -> (findings: [Finding], drift: Double) {
        let sa = Side(a, aSentences, words: words.a)
        let sb = Side(b, bSentences, words: words.b)
        let keysA = sa.words.map(\.key)
        let keysB = sb.words.map(\.key)
        let (hunks, equal) = groupDiff(sa, sb)
        var findings: [Finding] = []
        func add(_ category: FindingCategory, _ message: String, _ spanA: Span, _ spanB: Span, detail: String, weight: Double = 1) {
            findings.append(Finding(
                // The fingerprint covers the sentences the finding is in, not the whole group: an
                // edit to another sentence of the group leaves it alone.
                id: fingerprint(category, spanA.sentences, spanB.sentences, detail), category: category,
                severity: options.severity(category), message: message, a: spanA, b: spanB, weight: weight))
        }

        // Terminology and formatting: words the diff keeps, written differently.
        var formatting: [(Int, Int)] = []
        for (i, j) in equal {
            let x = sa.words[i]
            let y = sb.words[j]
            if let entry = x.glossaryEntry, x.variant != y.variant {
                add(.terminology, "Terminology: A says \(quote(sa.surface(i..<(i + 1)))), B \(quote(sb.surface(j..<(j + 1)))) (glossary class \(entry + 1)).",
                    sa.span(i..<(i + 1)), sb.span(j..<(j + 1)), detail: "\(x.variant)|\(y.variant)")
            } else if sa.surface(i..<(i + 1)) != sb.surface(j..<(j + 1)) {
                formatting.append((i, j))
            }
        }
        if let (i, j) = formatting.first {
            let examples = formatting.prefix(4).map { "\(quote(sa.surface($0.0..<($0.0 + 1))))/\(quote(sb.surface($0.1..<($0.1 + 1))))" }
            let more = formatting.count > 4 ? " and \(formatting.count - 4) more" : ""
            add(.formatting, "Same words, other forms (case, quotes, dashes, compounds or spelling): \(examples.joined(separator: ", "))\(more).",
                sa.span(i..<(i + 1)), sb.span(j..<(j + 1)), detail: formatting.map { "\($0.0):\($0.1)" }.joined(separator: ","), weight: 0)
        }

        // Attribution: the same words credited to different speakers.
        // Attribution: each side credits someone the other side never names ("Dr Maathai said" /
        // "Dr Okafor said"; "Xi said" / "Putin said"), titles aside.
        let speakersA = speakers(sa)
        let speakersB = speakers(sb)
        let keysOfA = Set(keysA)
        let keysOfB = Set(keysB)
        let creditedA = speakersA.reduce(Set<String>()) { $0.union($1.0) }.subtracting(Lexicon.titles)
        let creditedB = speakersB.reduce(Set<String>()) { $0.union($1.0) }.subtracting(Lexicon.titles)
        if let (ka, ra, da) = speakersA.first, let (kb, rb, db) = speakersB.first,
           !creditedA.subtracting(keysOfB).subtracting(creditedB).isEmpty, !creditedB.subtracting(keysOfA).subtracting(creditedA).isEmpty {
            add(.attribution, "Attribution differs: A credits \(quote(da)), B credits \(quote(db)).",
                sa.span(ra), sb.span(rb), detail: "\(ka.sorted())|\(kb.sorted())", weight: 3)
        }

        let namesA = Set(sa.words.filter(\.isName).map(\.key))
        let namesB = Set(sb.words.filter(\.isName).map(\.key))
        var driftHunks: [Hunk] = []
        // "on Monday" on one side and the date it stands for on the other say the same thing:
        // those words take no part in the hunks.
        let resolved = resolvedDates(sa, sb)
        for hunk in hunks {
            let ha = hunk.a.filter { !resolved.a.contains($0) }.map { sa.words[$0] }
            let hb = hunk.b.filter { !resolved.b.contains($0) }.map { sb.words[$0] }
            if ha.isEmpty && hb.isEmpty { continue }
            let detail = "\(ha.map(\.key).joined(separator: " "))|\(hb.map(\.key).joined(separator: " "))"
            // Numbers and dates.
            let numbersA = ha.filter(\.isNumber)
            let numbersB = hb.filter(\.isNumber)
            let traceA = ha.contains { Lexicon.ordinalSuffixes.contains($0.key) }
            let traceB = hb.contains { Lexicon.ordinalSuffixes.contains($0.key) }
            if !numbersA.isEmpty || !numbersB.isEmpty {
                let lostA = numbersA.isEmpty && digitLoss.a && !traceA
                let lostB = numbersB.isEmpty && digitLoss.b && !traceB
                if !(lostA || lostB) {
                    let message = "Numbers differ: A \(quote(sa.surface(hunk.a), empty: "has none")), B \(quote(sb.surface(hunk.b), empty: "has none"))."
                    add(.number, message, sa.span(hunk.a), sb.span(hunk.b), detail: detail, weight: 3)
                    continue
                }
                // Digits lost: told once in the document-level note; judge the rest of the hunk.
                if ha.allSatisfy({ $0.isNumber || stop.contains($0.key) }) && hb.allSatisfy({ $0.isNumber || stop.contains($0.key) }) { continue }
            }
            // Negation and modality.
            let negA = Set(ha.map(\.key).filter(Lexicon.isNegation))
            let negB = Set(hb.map(\.key).filter(Lexicon.isNegation))
            let modA = Set(ha.map(\.key)).intersection(Lexicon.modals)
            let modB = Set(hb.map(\.key)).intersection(Lexicon.modals)
            func strength(_ modals: Set<String>) -> Set<Int> {
                Set(modals.map { Lexicon.possibility.contains($0) ? 0 : Lexicon.necessity.contains($0) ? 1 : 2 }).subtracting([2])
            }
            if negA != negB || (!strength(modA).isEmpty && !strength(modB).isEmpty && strength(modA) != strength(modB)) {
                add(.negation, "Negation or modality differs: A \(quote(sa.surface(hunk.a))), B \(quote(sb.surface(hunk.b))).",
                    sa.span(hunk.a), sb.span(hunk.b), detail: detail, weight: 3)
                continue
            }
            // Names on one side only.
            let onlyA = ha.filter { $0.isName && $0.glossaryEntry == nil && !keysOfB.contains($0.key) && !Self.isCalendarWord($0.key) && !otherUses($0.key, vocabulary.b, digitsLost: digitLoss.b) }
            let onlyB = hb.filter { $0.isName && $0.glossaryEntry == nil && !keysOfA.contains($0.key) && !Self.isCalendarWord($0.key) && !otherUses($0.key, vocabulary.a, digitsLost: digitLoss.a) }
            if !onlyA.isEmpty || !onlyB.isEmpty, !(namesA.isEmpty && namesB.isEmpty) {
                let named = (onlyB.isEmpty ? [] : ["B names \(onlyB.map { quote(Document.displayText(b.source.utf8[$0.span])) }.joined(separator: ", "))"])
                    + (onlyA.isEmpty ? [] : ["A names \(onlyA.map { quote(Document.displayText(a.source.utf8[$0.span])) }.joined(separator: ", "))"])
                add(.entity, named.joined(separator: "; ") + ", which the other does not.", sa.span(hunk.a), sb.span(hunk.b), detail: detail, weight: 2)
                continue
            }
            driftHunks.append(hunk)
        }

        // Drift: the remaining changes, one finding for the group.
        let drift = driftScore(sa.words, sb.words, equal: equal)
        if !driftHunks.isEmpty {
            let changes = driftHunks.filter { hunk in
                !(sa.words[hunk.a].allSatisfy { stop.contains($0.key) } && sb.words[hunk.b].allSatisfy { stop.contains($0.key) })
            }
            if let first = changes.first, let last = changes.last {
                let listed = changes.prefix(6).map { "\(quote(sa.surface($0.a), empty: "—")) → \(quote(sb.surface($0.b), empty: "—"))" }
                let more = changes.count > 6 ? "; and \(changes.count - 6) more" : ""
                add(.drift, "Wording drifts (\(Int((drift * 100).rounded()))%): \(listed.joined(separator: "; "))\(more).",
                    sa.span(first.a.lowerBound..<max(first.a.lowerBound, last.a.upperBound)),
                    sb.span(first.b.lowerBound..<max(first.b.lowerBound, last.b.upperBound)),
                    detail: changes.map { "\($0.a)|\($0.b)" }.joined(separator: ","), weight: drift)
            }
        }
        return (findings, drift)
    }

    // MARK: - Pieces

    /// The word diff of a group. When one side is a single sentence and the other several (a
    /// 1:n group, whose sentences may repeat each other or stand far apart), the single sentence
    /// is diffed against each of the others on its own; a word of it that none of them carries is
    /// reported once, in the first hunk it falls in.
    func groupDiff(_ sa: Side, _ sb: Side) -> (hunks: [Hunk], equal: [(Int, Int)]) {
        let weak: (String) -> Bool = { stop.contains($0) }
        let keysA = sa.words.map(\.key)
        let keysB = sb.words.map(\.key)
        let singleA = sa.sentences.count == 1 && sb.sentences.count > 1
        let singleB = sb.sentences.count == 1 && sa.sentences.count > 1
        guard singleA || singleB else { return WordDiff.diff(keysA, keysB, isWeak: weak) }
        let many = singleA ? sb : sa
        let oneKeys = singleA ? keysA : keysB
        // Word ranges of each sentence on the "many" side.
        var parts: [Range<Int>] = []
        var start = 0
        for k in 1...many.words.count where k == many.words.count || many.sentenceOfWord[k] != many.sentenceOfWord[k - 1] {
            parts.append(start..<k)
            start = k
        }
        var diffs: [(offset: Int, hunks: [Hunk], equal: [(Int, Int)])] = []
        var matched = Set<Int>()
        for part in parts {
            let manyKeys = many.words[part].map(\.key)
            let (h, e) = singleA ? WordDiff.diff(oneKeys, manyKeys, isWeak: weak) : WordDiff.diff(manyKeys, oneKeys, isWeak: weak)
            diffs.append((part.lowerBound, h, e))
            for pair in e { matched.insert(singleA ? pair.0 : pair.1) }
        }
        // Each word of the single sentence that no diff keeps goes to the smallest hunk it falls
        // in: there its change reads best ("real" → "genuine", not "… real …" → "—").
        var home: [Int: (diff: Int, hunk: Int, size: Int)] = [:]
        for (d, diff) in diffs.enumerated() {
            for (h, hunk) in diff.hunks.enumerated() {
                let oneRange = singleA ? hunk.a : hunk.b
                let size = hunk.a.count + hunk.b.count
                for w in oneRange where !matched.contains(w) {
                    if home[w].map({ size < $0.size }) ?? true { home[w] = (d, h, size) }
                }
            }
        }
        var hunks: [Hunk] = []
        var equal: [(Int, Int)] = []
        var seenEqual = Set<Int>()
        for (d, diff) in diffs.enumerated() {
            for pair in diff.equal {
                let one = singleA ? pair.0 : pair.1
                let other = (singleA ? pair.1 : pair.0) + diff.offset
                if seenEqual.insert(one).inserted { equal.append(singleA ? (one, other) : (other, one)) }
            }
            for (h, hunk) in diff.hunks.enumerated() {
                let oneRange = singleA ? hunk.a : hunk.b
                let manyRange = (singleA ? hunk.b : hunk.a)
                let shifted = (manyRange.lowerBound + diff.offset)..<(manyRange.upperBound + diff.offset)
                let mine = oneRange.filter { home[$0].map { $0.diff == d && $0.hunk == h } ?? false }
                let kept = mine.isEmpty ? oneRange.lowerBound..<oneRange.lowerBound : mine[0]..<((mine.last ?? mine[0]) + 1)
                if kept.isEmpty && shifted.isEmpty { continue }
                hunks.append(singleA ? Hunk(a: kept, b: shifted) : Hunk(a: shifted, b: kept))
            }
        }
        return (hunks, equal)
    }

    /// A key for comparing names across the accounts: stemmed ("CPCs" = "CPC"), and without
    /// digits when the other account has lost its digits ("COVID-19" = "COVID").
    func nameKey(_ key: String, digitsLostElsewhere: Bool) -> String {
        let base = digitsLostElsewhere ? Self.withoutDigits(key) : key
        return stemmer.stem(base)
    }

    /// Whether the other account uses a name: its key, or the key without a final "s" (a
    /// possessive that lost its apostrophe: "CPCs").
    func otherUses(_ key: String, _ vocabulary: Set<String>, digitsLost: Bool) -> Bool {
        if vocabulary.contains(nameKey(key, digitsLostElsewhere: digitsLost)) { return true }
        return key.count > 3 && key.hasSuffix("s") && vocabulary.contains(nameKey(String(key.dropLast()), digitsLostElsewhere: digitsLost))
    }

    /// The name keys of every content word of a document.
    static func vocabulary(of document: Document, words: FoldedSentences, stemmer: Stemmer, stripDigits: Bool) -> Set<String> {
        var raw = Set<String>()
        for sentence in document.sentences where sentence.isContent {
            for word in words.words[sentence.index] {
                raw.insert(stripDigits ? withoutDigits(word.key) : word.key)
                for part in word.variant.split(separator: " ") { raw.insert(String(part)) }
            }
        }
        // Each distinct key is stemmed once.
        var stems = Set<String>()
        for key in raw { stems.insert(stemmer.stem(key)) }
        return stems
    }

    static func withoutDigits(_ key: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in key.unicodeScalars where scalar.properties.numericType == nil { scalars.append(scalar) }
        return String(scalars)
    }

    func quote(_ text: String, empty: String = "nothing") -> String { text.isEmpty ? empty : "\u{201C}\(text)\u{201D}" }

    static func isCalendarWord(_ key: String) -> Bool { Lexicon.weekdays.contains(key) || Lexicon.months.contains(key) }

    /// 1 − (twice the weight the diff keeps equal) / (total weight of both sides), function
    /// words counting a fifth.
    func driftScore(_ wa: [FoldedWord], _ wb: [FoldedWord], equal: [(Int, Int)]) -> Double {
        func w(_ word: FoldedWord) -> Double { stop.contains(word.key) ? 0.2 : 1 }
        let total = wa.reduce(0) { $0 + w($1) } + wb.reduce(0) { $0 + w($1) }
        guard total > 0 else { return 0 }
        let kept = equal.reduce(0) { $0 + w(wa[$1.0]) + w(wb[$1.1]) }
        return max(0, min(1, 1 - kept / total))
    }

    /// "on Monday" in a story dated 2021-06-29 is 2021-06-28: when the other side spells out that
    /// date, the weekday and the date's words are the same fact. Returns the word indices of both
    /// sides that such a pair resolves.
    func resolvedDates(_ sa: Side, _ sb: Side) -> (a: Set<Int>, b: Set<Int>) {
        var a = Set<Int>()
        var b = Set<Int>()
        func resolve(_ weekdaySide: Side, _ dateline: CalendarDate?, _ dateSide: Side) -> (Set<Int>, Set<Int>)? {
            guard let dateline else { return nil }
            for (k, word) in weekdaySide.words.enumerated() {
                guard let weekday = Lexicon.weekdays.firstIndex(of: word.key) else { continue }
                let target = dateline.previous(weekday: weekday)
                let keys = dateSide.words.map(\.key)
                for (m, key) in keys.enumerated() where Lexicon.months.contains(key) {
                    // The month with the day and year around it.
                    let window = max(0, m - 1)..<min(keys.count, m + 3)
                    if Dateline.date(in: Array(keys[window]), defaultYear: dateline.year) == target {
                        let dateWords = window.filter { $0 == m || Int(keys[$0]) != nil }
                        return ([k], Set(dateWords))
                    }
                }
            }
            return nil
        }
        if let (weekday, date) = resolve(sa, datelines.a, sb) {
            a.formUnion(weekday)
            b.formUnion(date)
        }
        if let (weekday, date) = resolve(sb, datelines.b, sa) {
            b.formUnion(weekday)
            a.formUnion(date)
        }
        return (a, b)
    }

    /// The speakers a side's words credit ("Xi said", "said Putin", "Xi Jinping and his Russian
    /// counterpart Vladimir Putin announced", "he added" resolved to the last named speaker before
    /// it): each as the set of its name keys and the words that name it.
    func speakers(_ side: Side) -> [(Set<String>, Range<Int>, String)] {
        var found: [(Set<String>, Range<Int>, String)] = []
        let words = side.words
        for (k, word) in words.enumerated() where Lexicon.speechVerbs.contains(word.key) {
            let sentence = side.sentenceOfWord[k]
            // The subject before the verb: back to the sentence start, a comma-free window of
            // eight words; its names.
            var start = k
            while start > 0, k - start < 8, side.sentenceOfWord[start - 1] == sentence, !words[start - 1].isNumber,
                  !Lexicon.speechVerbs.contains(words[start - 1].key),
                  !side.document.source.utf8[words[start - 1].span.upperBound..<words[start].span.lowerBound].contains(0x2C) {
                start -= 1
            }
            // A capitalised first word counts unless it is a function word ("The", "He").
            let before = (start..<k).filter { words[$0].isName || (words[$0].isCapitalized && !stop.contains(words[$0].key)) }
            if let first = before.first, let last = before.last, last == k - 1 || k - last <= 4 {
                found.append((Set(before.map { words[$0].key }), first..<(last + 1), side.surface(first..<(last + 1))))
                continue
            }
            // "said Xi".
            var end = k + 1
            while end < words.count, words[end].isName, side.sentenceOfWord[end] == sentence,
                  end == k + 1 || !side.document.source.utf8[words[end - 1].span.upperBound..<words[end].span.lowerBound].contains(0x2C) {
                end += 1
            }
            if end > k + 1 {
                found.append((Set(words[(k + 1)..<end].map(\.key)), (k + 1)..<end, side.surface((k + 1)..<end)))
                continue
            }
            if k > 0, Lexicon.pronouns.contains(words[k - 1].key), side.sentenceOfWord[k - 1] == sentence,
               let resolved = lastNamedSpeaker(before: sentence, in: side) {
                found.append((resolved.0, (k - 1)..<k, "\(side.surface((k - 1)..<k)) (\(resolved.1))"))
            }
        }
        return found
    }

    /// The name keys of the last speaker named with a speech verb in the sentences of `side`'s
    /// document before `index`.
    func lastNamedSpeaker(before index: Int, in side: Side) -> (Set<String>, String)? {
        var i = index - 1
        while i >= 0 && i >= index - 6 {
            let sentence = side.document.sentences[i]
            if sentence.isContent {
                let earlier = Side(side.document, [i], words: side.folded)
                if let last = speakers(earlier).last(where: { !$0.2.contains("(") }) { return (last.0, last.2) }
            }
            i -= 1
        }
        return nil
    }
}

/// Each sentence's folded words, by sentence index, taken once from the ``WordFolder``.
struct FoldedSentences: Sendable {
    let words: [[FoldedWord]]

    init(_ document: Document, folder: WordFolder) {
        words = document.sentences.map { folder.words(of: $0, in: document) }
    }
}
