/// What is specific to the event an account tells: its rare words and names (weighted by how
/// rare they are in general English, not only within the two accounts), its numbers, and the
/// date it is told under. Accounts of different events by the same actors in the same formulaic
/// language share their common words; accounts of one event share its anchors.
struct EventAnchors {
    /// One anchor: its key (a word's stem, or "#" and a number's digits), its weight and how it
    /// reads where it first weighs that much.
    struct Anchor {
        var key: String
        var weight: Double
        var surface: String
    }

    /// The account's anchors, one a key, sorted by key. A sorted array, not a dictionary: the
    /// agreement walks both accounts' anchors in key order, and a text of names has an anchor
    /// for nearly every word, where a dictionary's free buckets and its growth would double the
    /// memory.
    var terms: [Anchor] = []
    /// The date the account is told under: its dateline, or the first full date of its first
    /// sentences.
    var date: CalendarDate?
    /// The day of the event its lead tells of: the first weekday or full date of its first
    /// content sentences, resolved against the dateline where it can be.
    var leadDay: (weekday: Int?, date: CalendarDate?)?

    /// Words at least this common in general English (Zipf frequency) are no anchor.
    static let commonZipf = 4.5
    /// A capitalised word (a name) weighs this much more.
    static let nameFactor = 1.3
    /// A number's weight (numbers below 10 are no anchor).
    static let numberWeight = 2.5
    /// How many sentences from the top may hold the account's date.
    static let dateSentences = 6

    init(_ document: Document, words: FoldedSentences, stemmer: Stemmer, stop: Set<String>) {
        // Each distinct key is judged once (by its number in `words`): its anchor key and base
        // weight, or nil.
        var judged = [(key: String, weight: Double)??](repeating: nil, count: words.words.keyTexts.count)
        func judge(_ key: String, isNumber: Bool) -> (key: String, weight: Double)? {
            if stop.contains(key) { return nil }
            if isNumber {
                let digits = key.filter { $0.isNumber || $0 == "." }
                guard let value = Double(digits), value >= 10 else { return nil }
                return ("#" + digits, Self.numberWeight)
            }
            let plain = key.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x2D || $0 == 0x27 }
            guard plain || key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "'" }) else { return nil }
            var zipf = EnglishWords.zipf(key)
            if zipf == 0, key.count > 3, key.hasSuffix("s") { zipf = EnglishWords.zipf(String(key.dropLast())) }
            let weight = max(0, Self.commonZipf - zipf)
            return weight > 0 ? (stemmer.stem(key), weight) : nil
        }
        // The strongest weight each key number reaches and where it first does (its reading
        // order among all words, and its span).
        var best = [(weight: Double, order: Int, span: Range<Int>)?](repeating: nil, count: words.words.keyTexts.count)
        let rows = words.words
        var order = 0
        for sentence in document.sentences where sentence.isContent {
            for word in rows.stored(sentence.index) {
                order += 1
                let found: (key: String, weight: Double)?
                if let known = judged[Int(word.key)] {
                    found = known
                } else {
                    found = judge(rows.key(of: word), isNumber: word.isNumber)
                    judged[Int(word.key)] = found
                }
                guard let found else { continue }
                let weight = word.isNumber || !word.isCapitalized ? found.weight : found.weight * Self.nameFactor
                if let known = best[Int(word.key)], known.weight >= weight { continue }
                best[Int(word.key)] = (weight, order, rows.span(of: word))
            }
        }
        // Keys of one stem make one anchor: its strongest weight, read where it first weighs so.
        var found: [(key: String, weight: Double, order: Int, span: Range<Int>)] = []
        for (number, strongest) in best.enumerated() {
            if let strongest, let key = judged[number].flatMap({ $0 })?.key {
                found.append((key, strongest.weight, strongest.order, strongest.span))
            }
        }
        found.sort { $0.key != $1.key ? $0.key < $1.key : $0.weight != $1.weight ? $0.weight > $1.weight : $0.order < $1.order }
        for anchor in found where anchor.key != terms.last?.key {
            terms.append(Anchor(key: anchor.key, weight: anchor.weight, surface: Document.displayText(document.source.utf8[anchor.span])))
        }
        date = Dateline.of(document) ?? Self.firstFullDate(document)
        leadDay = Self.leadDay(document, dateline: Dateline.of(document))
    }

    /// How many content sentences from the top make the lead.
    static let leadSentences = 3

    /// The first weekday or full date the lead names.
    static func leadDay(_ document: Document, dateline: CalendarDate?) -> (weekday: Int?, date: CalendarDate?)? {
        for sentence in document.sentences.lazy.filter(\.isContent).prefix(leadSentences) {
            for mention in Facts(sentence.text).dates {
                if let year = mention.year, let month = mention.month, let day = mention.day {
                    let date = CalendarDate(year: year, month: month, day: day)
                    return (date.weekday, date)
                }
                if let weekday = mention.weekday {
                    return (weekday, dateline.flatMap { mention.resolved(against: $0) })
                }
            }
        }
        return nil
    }

    /// The first date with a year, month and day among the first sentences.
    static func firstFullDate(_ document: Document) -> CalendarDate? {
        for sentence in document.sentences.prefix(dateSentences) {
            for mention in Facts(sentence.text).dates {
                if let year = mention.year, let month = mention.month, let day = mention.day {
                    return CalendarDate(year: year, month: month, day: day)
                }
            }
        }
        return nil
    }

    /// The weight of the anchors both accounts share, as a share of the smaller account's.
    static func agreement(_ a: EventAnchors, _ b: EventAnchors) -> (score: Double, shared: [(weight: Double, surface: String)]) {
        // Sums in key order: the same figure on every run, to its last bit.
        var shared: [(weight: Double, surface: String)] = []
        var j = 0
        for x in a.terms {
            while j < b.terms.count && b.terms[j].key < x.key { j += 1 }
            if j < b.terms.count && b.terms[j].key == x.key { shared.append((min(x.weight, b.terms[j].weight), x.surface)) }
        }
        func total(_ anchors: EventAnchors) -> Double { anchors.terms.reduce(0) { $0 + $1.weight } }
        let smaller = min(total(a), total(b))
        let weight = shared.reduce(0) { $0 + $1.weight }
        shared.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.surface < $1.surface }
        return (smaller > 0 ? weight / smaller : 0, shared)
    }
}

/// Whether two accounts tell one event, decided by the event's anchors and the coverage.
enum EventJudge {
    /// Anchor agreement at or above this: the same event (unless their dates conflict).
    static let sameAgreement = 0.12
    /// Between this and ``sameAgreement``: unsure.
    static let unsureAgreement = 0.06
    /// Dates further apart than this many days conflict.
    static let conflictDays = 7
    /// With conflicting dates, agreement at or above this is still unsure, not a different event.
    static let conflictOverride = 0.45
    /// How many agreeing anchors the report lists.
    static let listed = 8

    /// "Monday" for 0.
    static func dayName(_ weekday: Int) -> String {
        let name = CalendarWords.weekdays[weekday]
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    static func judge(_ a: EventAnchors, _ b: EventAnchors, coverage: (a: Double, b: Double), coverageThreshold: Double) -> EventEvidence {
        let (score, shared) = EventAnchors.agreement(a, b)
        var agreeing = shared.prefix(listed).map(\.surface)
        var conflicting: [String] = []
        var conflict = false
        if let da = a.date, let db = b.date {
            if abs(da.dayNumber - db.dayNumber) > conflictDays {
                conflict = true
                conflicting.append("A is dated \(da), B \(db)")
            } else {
                agreeing.insert("dated \(da)" + (da == db ? "" : " / \(db)"), at: 0)
            }
        }
        // The day each lead tells of: a full date each, or a weekday each.
        if !conflict, let la = a.leadDay, let lb = b.leadDay {
            if let da = la.date, let db = lb.date {
                if abs(da.dayNumber - db.dayNumber) > conflictDays {
                    conflict = true
                    conflicting.append("A's lead tells of \(da), B's of \(db)")
                }
            } else if let wa = la.weekday, let wb = lb.weekday, wa != wb {
                conflict = true
                conflicting.append("A's lead tells of a \(dayName(wa)), B's of a \(dayName(wb))")
            }
        }
        let covered = coverage.a >= coverageThreshold || coverage.b >= coverageThreshold
        let verdict: EventVerdict
        if conflict {
            verdict = score >= conflictOverride ? .unsure : .different
        } else if score >= sameAgreement || covered {
            verdict = .same
        } else if score >= unsureAgreement {
            verdict = .unsure
        } else {
            verdict = .different
        }
        return EventEvidence(verdict: verdict, score: Double.reportFigure(score), agreeing: agreeing, conflicting: conflicting)
    }
}
