/// How the facts of one kind (quantities or dates) in two accounts of a sentence group line up.
/// Indices point into the two mention arrays given to ``FactMatcher``.
struct FactComparison<Mention>: Sendable {
    /// Pairs stating the same value (their surfaces may differ: "3300" / "3,300").
    var same: [(a: Int, b: Int)] = []
    /// Pairs that stand for the same fact but state a different value, scale, unit, currency or
    /// kind: a changed fact.
    var changed: [(a: Int, b: Int)] = []
    /// Mentions of A with no partner in B.
    var onlyA: [Int] = []
    /// Mentions of B with no partner in A.
    var onlyB: [Int] = []
    /// Mentions of A left out of `onlyA` because B states the same fact in the other kind of
    /// mention: a year ("in 2019") that is the year of one of B's dates ("in April 2019"). Only
    /// ``FactMatcher/compare(_:_:datelineA:datelineB:)-(Facts,Facts,_,_)`` fills these.
    var statedElsewhereA: [Int] = []
    /// Mentions of B left out of `onlyB` likewise.
    var statedElsewhereB: [Int] = []
}

/// Pairs the quantities or dates of two aligned sentence groups: equal values first (as
/// multisets), then leftovers that plausibly fill the same slot as changed facts.
enum FactMatcher {
    /// Relative tolerance for equal values.
    static let tolerance = 1e-9

    // MARK: - Quantities

    /// Pairs two sides' quantities. Equal values pair first, as multisets ("3 and 3" against "3"
    /// leaves one in `onlyA`); a year equals a cardinal of the same value; hedges ("about") never
    /// matter. Then, leniently: a unit or currency on one side only still counts as the same
    /// value ("5 million" / "$5 million"), an ordinal equals the cardinal of its value ("the 29th
    /// station" / "station number 29"), and a name's number equals a bare number ("Formula-1" /
    /// "Formula 1"). Leftovers pair as `changed` when their kinds fit the same slot and they
    /// stand in a similar place, or when each side has exactly one left.
    static func compare(_ a: [QuantityMention], _ b: [QuantityMention]) -> FactComparison<QuantityMention> {
        var result = FactComparison<QuantityMention>()
        var usedA = [Bool](repeating: false, count: a.count)
        var usedB = [Bool](repeating: false, count: b.count)
        // Exact values first, then the lenient readings.
        for lenient in [false, true] {
            for i in a.indices where !usedA[i] {
                if let j = b.indices.first(where: { !usedB[$0] && same(a[i].quantity, b[$0].quantity, lenient: lenient) }) {
                    usedA[i] = true
                    usedB[j] = true
                    result.same.append((i, j))
                }
            }
        }
        result.changed = pairLeftovers(countA: a.count, countB: b.count, usedA: &usedA, usedB: &usedB) { i, j in
            slotDistance(a[i].quantity.kind, b[j].quantity.kind)
        }
        result.onlyA = a.indices.filter { !usedA[$0] }
        result.onlyB = b.indices.filter { !usedB[$0] }
        result.same.sort { $0.a < $1.a }
        return result
    }

    /// Whether two quantities state the same value. Durations compare in one unit ("six months" =
    /// "half a year", "two weeks" = "14 days"). With `lenient`, a unit, currency or percent on one
    /// side only is allowed, an ordinal may equal a cardinal, an ordinal of a unit the count of
    /// that unit ("their sixth day of quarantine" / "six days of quarantine"), and a name
    /// ("Formula-1") the bare number its digits spell.
    static func same(_ x: Quantity, _ y: Quantity, lenient: Bool) -> Bool {
        if x.kind == .identifier || y.kind == .identifier {
            if x.kind == y.kind { return x.identifier != nil && x.identifier == y.identifier }
            guard lenient else { return false }
            let (name, number) = x.kind == .identifier ? (x, y) : (y, x)
            guard number.kind == .cardinal, number.upper == nil, let value = number.value, let key = name.identifier else { return false }
            let digits = key.reversed().prefix { $0.isASCII && $0.isNumber }
            return !digits.isEmpty && digits.count < key.count && Double(String(digits.reversed())) == value
        }
        // "before 6 on Sunday morning" / "before 6 am": an hour without its marker.
        if lenient, let (hour, time) = x.kind == .time ? (y, x) : y.kind == .time ? (x, y) : nil, hour.kind == .cardinal,
            hour.unit == nil, hour.upper == nil, let h = hour.value, (0...24).contains(h), let minutes = time.value
        {
            return equal(h * 60, minutes) || equal(h * 60 + 720, minutes)
        }
        // "the sixth day" / "six days": the rank of a unit and the count of it.
        if lenient, let unit = x.unit, unit == y.unit,
            (x.kind == .ordinal && y.kind == .measure) || (x.kind == .measure && y.kind == .ordinal)
        {
            guard let vx = x.value, let vy = y.value, x.upper == nil, y.upper == nil else { return false }
            return equal(vx, vy)
        }
        let (x, y) = x.kind == .measure && y.kind == .measure ? (inBaseUnit(x), inBaseUnit(y)) : (x, y)
        guard let vx = x.value, let vy = y.value, equal(vx, vy) else { return false }
        switch (x.upper, y.upper) {
        case (nil, nil): break
        case (let ux?, let uy?): guard equal(ux, uy) else { return false }
        default: return false
        }
        let numbers: Set<QuantityKind> = [.cardinal, .year]
        if x.kind == y.kind || (numbers.contains(x.kind) && numbers.contains(y.kind)) {
            return x.unit == y.unit || (lenient && (x.unit == nil || y.unit == nil))
        }
        guard lenient else { return false }
        if (x.kind == .ordinal && y.kind == .cardinal) || (x.kind == .cardinal && y.kind == .ordinal) {
            return x.unit == y.unit || x.unit == nil || y.unit == nil
        }
        // "5 million" against "$5 million", "5" against "5%": the unit may sit elsewhere.
        let unitKinds: Set<QuantityKind> = [.money, .measure, .percent]
        return (numbers.contains(x.kind) && unitKinds.contains(y.kind) && x.unit == nil)
            || (numbers.contains(y.kind) && unitKinds.contains(x.kind) && y.unit == nil)
    }

    /// A duration in seconds (seconds to weeks) or in months (months to centuries): the units
    /// convert exactly within each group, not across (a month has no fixed number of days).
    static func inBaseUnit(_ q: Quantity) -> Quantity {
        guard let unit = q.unit, let (base, factor) = durationUnits[unit] else { return q }
        var out = q
        out.value = q.value.map { $0 * factor }
        out.upper = q.upper.map { $0 * factor }
        out.unit = base
        return out
    }

    static let durationUnits: [String: (base: String, factor: Double)] = [
        "second": ("second", 1), "minute": ("second", 60), "hour": ("second", 3600), "day": ("second", 86_400),
        "week": ("second", 604_800), "month": ("month", 1), "year": ("month", 12), "decade": ("month", 120),
        "century": ("month", 1200),
    ]

    /// Whether two values are equal within ``tolerance``.
    static func equal(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= tolerance * max(abs(x), abs(y))
    }

    /// How well two kinds fit one slot: 0 the same family, 1 a bare number against money, a
    /// measure or a percentage, 2 only as the only leftovers, nil never (a name against
    /// anything but a name).
    private static func slotDistance(_ x: QuantityKind, _ y: QuantityKind) -> Int? {
        func family(_ kind: QuantityKind) -> Int {
            switch kind {
            case .cardinal, .year: 0
            case .ordinal, .unknown: 1
            case .percent: 2
            case .money: 3
            case .measure: 4
            case .time: 5
            case .identifier: 6
            }
        }
        let (fx, fy) = (family(x), family(y))
        if fx == fy { return 0 }
        if (fx == 0 && (2...4).contains(fy)) || (fy == 0 && (2...4).contains(fx)) { return 1 }
        if fx == 6 || fy == 6 { return nil }
        return 2
    }

    // MARK: - Both

    /// Compares the quantities and the dates of two sides (see the two comparisons above), then
    /// sets aside a leftover year on one side that is the year of a date on the other ("in 2019"
    /// / "in April 2019"): it moves from `onlyA`/`onlyB` to `statedElsewhereA`/`statedElsewhereB`.
    static func compare(_ a: Facts, _ b: Facts, datelineA: CalendarDate? = nil, datelineB: CalendarDate? = nil)
        -> (quantities: FactComparison<QuantityMention>, dates: FactComparison<DateMention>)
    {
        var quantities = compare(a.quantities, b.quantities)
        let dates = compare(a.dates, b.dates, datelineA: datelineA, datelineB: datelineB)
        func inDates(_ mention: QuantityMention, _ dates: [DateMention]) -> Bool {
            mention.quantity.kind == .year && mention.quantity.upper == nil
                && dates.contains { $0.year != nil && Double($0.year ?? 0) == mention.quantity.value }
        }
        quantities.statedElsewhereA = quantities.onlyA.filter { inDates(a.quantities[$0], b.dates) }
        quantities.statedElsewhereB = quantities.onlyB.filter { inDates(b.quantities[$0], a.dates) }
        quantities.onlyA.removeAll { quantities.statedElsewhereA.contains($0) }
        quantities.onlyB.removeAll { quantities.statedElsewhereB.contains($0) }
        return (quantities, dates)
    }

    // MARK: - Dates

    /// Pairs two sides' dates. Two mentions are the same when they share a field and every field
    /// both give agrees ("June 28" = "28 June" = "2021-06-28"); changed when a shared field
    /// differs ("Monday" / "Tuesday", "June" / "March"). With datelines, a bare weekday also
    /// stands for the day it resolves to ("on Monday" = "June 28" in stories of 2021-06-29), and
    /// a month and day get their weekday.
    static func compare(_ a: [DateMention], _ b: [DateMention], datelineA: CalendarDate? = nil, datelineB: CalendarDate? = nil)
        -> FactComparison<DateMention>
    {
        let fieldsA = a.map { fields(of: $0, dateline: datelineA) }
        let fieldsB = b.map { fields(of: $0, dateline: datelineB) }
        var result = FactComparison<DateMention>()
        var usedA = [Bool](repeating: false, count: a.count)
        var usedB = [Bool](repeating: false, count: b.count)
        for i in a.indices {
            if let j = b.indices.first(where: { !usedB[$0] && agreement(fieldsA[i], fieldsB[$0]) == .same }) {
                usedA[i] = true
                usedB[j] = true
                result.same.append((i, j))
            }
        }
        result.changed = pairLeftovers(countA: a.count, countB: b.count, usedA: &usedA, usedB: &usedB) { i, j in
            agreement(fieldsA[i], fieldsB[j]) == .changed ? 0 : nil
        }
        result.onlyA = a.indices.filter { !usedA[$0] }
        result.onlyB = b.indices.filter { !usedB[$0] }
        return result
    }

    /// A date's fields as compared: year, month, day, weekday, last day (nil = not given).
    private typealias DateFields = [Int?]

    private static func fields(of mention: DateMention, dateline: CalendarDate?) -> DateFields {
        var fields: DateFields = [mention.year, mention.month, mention.day, mention.weekday, mention.lastDay]
        if let dateline, let date = mention.resolved(against: dateline) {
            if mention.month == nil, mention.day == nil {
                // A bare weekday: the day it stands for.
                fields = [date.year, date.month, date.day, mention.weekday, nil]
            } else if mention.weekday == nil {
                fields[3] = date.weekday
            }
        }
        return fields
    }

    /// What two dates' shared fields say about them.
    private enum Agreement {
        case same, changed, unrelated
    }

    private static func agreement(_ x: DateFields, _ y: DateFields) -> Agreement {
        var shared = 0
        for (fx, fy) in zip(x, y) {
            guard let fx, let fy else { continue }
            if fx != fy { return .changed }
            shared += 1
        }
        return shared > 0 ? .same : .unrelated
    }

    // MARK: - Leftovers

    /// Pairs leftovers greedily, best fit first. `distance` says how well two fit one slot: 0 or
    /// 1 pair when the mentions stand in a similar relative place on their sides (within half
    /// the sentence for 0, a third for 1), 2 only when each side has exactly one leftover, nil
    /// never.
    private static func pairLeftovers(
        countA: Int, countB: Int, usedA: inout [Bool], usedB: inout [Bool],
        distance: (Int, Int) -> Int?
    ) -> [(a: Int, b: Int)] {
        let leftA = (0..<countA).filter { !usedA[$0] }
        let leftB = (0..<countB).filter { !usedB[$0] }
        guard !leftA.isEmpty, !leftB.isEmpty else { return [] }
        func place(_ i: Int, _ count: Int) -> Double { (Double(i) + 0.5) / Double(count) }
        var candidates: [(a: Int, b: Int, slot: Int, offset: Double)] = []
        for i in leftA {
            for j in leftB {
                let offset = abs(place(i, countA) - place(j, countB))
                guard let slot = distance(i, j) else { continue }
                let fits =
                    switch slot {
                    case 0: offset <= 0.5
                    case 1: offset <= 0.34
                    default: leftA.count == 1 && leftB.count == 1
                    }
                if fits { candidates.append((i, j, slot, offset)) }
            }
        }
        candidates.sort { ($0.slot, $0.offset, $0.a, $0.b) < ($1.slot, $1.offset, $1.a, $1.b) }
        var pairs: [(a: Int, b: Int)] = []
        for candidate in candidates where !usedA[candidate.a] && !usedB[candidate.b] {
            usedA[candidate.a] = true
            usedB[candidate.b] = true
            pairs.append((candidate.a, candidate.b))
        }
        return pairs.sorted { $0.a < $1.a }
    }
}
