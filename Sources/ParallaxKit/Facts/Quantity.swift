/// What kind of quantity a mention states.
enum QuantityKind: Hashable, Sendable {
    /// A plain count or amount: "3,300", "twelve", "5 million".
    case cardinal
    /// A rank: "21st", "hundredth".
    case ordinal
    /// A share: "5%", "five per cent"; percentage points have the unit "point".
    case percent
    /// An amount of money: `unit` is an ISO currency code.
    case money
    /// A length, weight, duration, temperature …: `unit` is its canonical name.
    case measure
    /// A time of day: `value` is minutes since midnight.
    case time
    /// A four-digit year standing alone ("in 2021"); equal to a cardinal of the same value.
    case year
    /// A letter-digit name ("G20", "COVID-19"): compared by `identifier`.
    case identifier
    /// A stray ordinal suffix whose digits were lost ("the th anniversary"): equal to nothing.
    case unknown
}

/// A quantity as a value: what a mention states, whatever its spelling.
struct Quantity: Hashable, Sendable {
    var kind: QuantityKind
    /// The canonical value: "3.5 million" = 3,500,000; "5%" = 5; "21:30" = 1290 (minutes since
    /// midnight); nil for ``QuantityKind/unknown``.
    var value: Double?
    /// The upper end of a range ("2021-22": value 2021, upper 2022), else nil.
    var upper: Double?
    /// The canonical unit ("km", "hour", "degree", "point" for percentage points) or ISO currency
    /// ("USD"); nil for a bare number.
    var unit: String?
    /// For ``QuantityKind/identifier``: letters and digits, lowercased, separators dropped
    /// ("covid19", "g20").
    var identifier: String?

    init(kind: QuantityKind, value: Double?, upper: Double? = nil, unit: String? = nil, identifier: String? = nil) {
        self.kind = kind
        self.value = value
        self.upper = upper
        self.unit = unit
        self.identifier = identifier
    }
}

/// A quantity found in a text, with where and how it was written.
struct QuantityMention: Sendable {
    var quantity: Quantity
    /// UTF-8 byte offsets of the whole mention ("5 million dollars", "$5bn", "five per cent") in
    /// the text given to the parser; hedges before it ("about") are outside.
    var range: Range<Int>
    /// The text of `range` as written.
    var surface: String
    /// Written in words ("twelve"), not digits.
    var isSpelledOut: Bool
    /// Hedged by a word before it: "about", "nearly", "more than", "up to" …
    var isApproximate: Bool
    /// A spelled-out cardinal below 11 with no unit ("one", "three"), a spelled-out ordinal below
    /// 11 ("first", "the first days"), or "a week" / "an hour": the classifier reports it only
    /// when it changed, not when the other side lacks it.
    var isWeak: Bool
}
