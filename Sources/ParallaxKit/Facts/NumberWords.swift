/// An English word that can be part of a spelled-out number.
struct NumberWord: Sendable {
    /// Where the word may stand in a spelled-out number.
    enum Role: UInt8, Sendable {
        /// zero … nine (and first … ninth)
        case unit
        /// ten … nineteen
        case teen
        /// twenty … ninety
        case tens
        /// hundred, thousand, million, billion, trillion
        case scale
    }

    var role: Role
    var value: Double
    var isOrdinal: Bool
}

/// The English words the fact parsers know, keyed by ``WordKey``: number words, scale words and
/// their abbreviations, currencies, units, hedges, months and weekdays.
enum FactLexicon {
    // MARK: - Numbers

    static let numberWords: WordKeyMap<NumberWord> = {
        var words: [UInt64: NumberWord] = [:]
        func add(_ list: [String], _ role: NumberWord.Role, ordinal: Bool, values: (Int) -> Double) {
            for (i, word) in list.enumerated() { words[WordKey.of(word)] = NumberWord(role: role, value: values(i), isOrdinal: ordinal) }
        }
        add(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], .unit, ordinal: false) { Double($0) }
        add(
            ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"], .teen,
            ordinal: false
        ) { Double($0 + 10) }
        add(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], .tens, ordinal: false) { Double(($0 + 2) * 10) }
        add(["hundred", "thousand", "million", "billion", "trillion"], .scale, ordinal: false) { scaleValues[$0] }
        add(["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"], .unit, ordinal: true) {
            Double($0)
        }
        add(
            [
                "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                "nineteenth",
            ],
            .teen, ordinal: true
        ) { Double($0 + 10) }
        add(["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"], .tens, ordinal: true) {
            Double(($0 + 2) * 10)
        }
        add(["hundredth", "thousandth", "millionth", "billionth", "trillionth"], .scale, ordinal: true) { scaleValues[$0] }
        return WordKeyMap(words)
    }()

    private static let scaleValues: [Double] = [100, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000]

    /// Abbreviated scale words after digits ("5bn", "5 mln"). Those marked `moneyOnly` are read
    /// as a scale only next to a currency ("$5m", "5m euros"): elsewhere "5m" is five metres.
    static let scaleAbbreviations: WordKeyMap<(value: Double, moneyOnly: Bool)> = [
        WordKey.of("bn"): (1e9, false), WordKey.of("bln"): (1e9, false), WordKey.of("b"): (1e9, true),
        WordKey.of("mln"): (1e6, false), WordKey.of("mn"): (1e6, false), WordKey.of("m"): (1e6, true),
        WordKey.of("tn"): (1e12, false), WordKey.of("trn"): (1e12, false), WordKey.of("k"): (1e3, true),
    ]

    static let keys = (
        a: WordKey.of("a"), and: WordKey.of("and"), half: WordKey.of("half"), one: WordKey.of("one"),
        to: WordKey.of("to"), from: WordKey.of("from"), between: WordKey.of("between"), minus: WordKey.of("minus"),
        of: WordKey.of("of"), second: WordKey.of("second"), noon: WordKey.of("noon"), midnight: WordKey.of("midnight"),
        am: WordKey.of("am"), pm: WordKey.of("pm"), p: WordKey.of("p"), m: WordKey.of("m"), h: WordKey.of("h"), o: WordKey.of("o"),
        g: WordKey.of("g"), u: WordKey.of("u"), dollar: WordKey.of("dollar"), dollars: WordKey.of("dollars"),
        sterling: WordKey.of("sterling"), the: WordKey.of("the"), an: WordKey.of("an"), by: WordKey.of("by"),
        early: WordKey.of("early"), late: WordKey.of("late"), mid: WordKey.of("mid"),
        clock: WordKey.of("clock"), s: WordKey.of("s"), percent: WordKey.of("percent"), per: WordKey.of("per"),
        cent: WordKey.of("cent"), pct: WordKey.of("pct"), percentage: WordKey.of("percentage"),
        point: WordKey.of("point"), points: WordKey.of("points"), square: WordKey.of("square"), sq: WordKey.of("sq"),
        th: WordKey.of("th"), st: WordKey.of("st"), nd: WordKey.of("nd"), rd: WordKey.of("rd")
    )

    /// "th", "st", "nd", "rd".
    static let ordinalSuffixes: WordKeySet = WordKeySet(CalendarWords.ordinalSuffixes.map(WordKey.of))

    /// Units that "a" or "an" can count ("a week ago", "an hour"): one of them, weakly.
    static let countableByArticle: WordKeySet = WordKeySet(["hour", "day", "week", "month", "year", "decade", "century"].map(WordKey.of))

    /// Words that state a number by themselves: anniversaries by their rank ("centenary" = the
    /// 100th, as "100th birthday" says it) and "fortnight" (two weeks, as weak as "a week").
    static let numberBearingWords: WordKeyMap<Quantity> = {
        var words: [UInt64: Quantity] = [:]
        for (value, names) in [
            (50.0, ["semicentennial"]), (100, ["centennial", "centenary"]), (150, ["sesquicentennial"]),
            (200, ["bicentennial", "bicentenary"]), (300, ["tercentenary", "tricentennial", "tercentennial"]),
        ] {
            for name in names { words[WordKey.of(name)] = Quantity(kind: .ordinal, value: value) }
        }
        words[WordKey.of("fortnight")] = Quantity(kind: .measure, value: 2, unit: "week")
        return WordKeyMap(words)
    }()

    /// Words before "a year" that make it a rate, not a duration ("twice a year").
    static let rateWords: WordKeySet = WordKeySet(["once", "twice", "times", "per", "percent", "cent"].map(WordKey.of))

    /// Vulgar fractions after digits ("3½"), by scalar value.
    static let fractions: WordKeyMap<Double> = [0xBD: 0.5, 0xBC: 0.25, 0xBE: 0.75, 0x2153: 1.0 / 3, 0x2154: 2.0 / 3]

    /// Words before letters and digits that make them no name ("mid-2021", "top-10", "under-21").
    static let notIdentifiers: WordKeySet = WordKeySet(
        [
            "mid", "pre", "post", "over", "under", "non", "anti", "top", "ex", "late", "early", "sub", "super", "ultra", "age", "aged",
            "year", "years", "day", "days", "week", "weeks", "month", "months", "the", "a", "an", "and", "or", "to", "of", "in", "on",
            "at", "by", "for", "from", "with", "per", "no", "nr", "vs", "p", "pp", "x", "up", "down", "all", "best", "first", "last",
            "around", "about", "approx", "ca", "plus", "minus", "since", "until", "till", "between", "than",
        ].map(WordKey.of))

    /// Words before a lone "one" that make it a pronoun ("no one", "the one", "this one").
    static let pronounOneBefore: WordKeySet = WordKeySet(
        [
            "no", "the", "this", "that", "each", "every", "any", "which", "only", "another", "such", "little", "loved", "last",
            "right", "wrong", "new", "old", "big", "small", "other",
        ].map(WordKey.of))
    /// Words after a lone "one" that make it a pronoun ("one of", "one another", "one who").
    static let pronounOneAfter: WordKeySet = WordKeySet(["of", "another", "who", "whose", "which", "that", "s"].map(WordKey.of))
    /// Words before "second" that make it the unit of time ("a second", "per second").
    static let secondAsTimeBefore: WordKeySet = WordKeySet(["a", "per", "split", "every", "each", "one"].map(WordKey.of))

    // MARK: - Money and units

    /// Currency words after a number, by ISO code ("euros" = "EUR"); "pounds" is read as sterling.
    static let currencyWords: WordKeyMap<String> = {
        var words: [UInt64: String] = [:]
        for (code, names) in [
            ("USD", ["dollar", "dollars", "usd"]), ("EUR", ["euro", "euros", "eur"]), ("GBP", ["pound", "pounds", "sterling", "gbp"]),
            ("CNY", ["yuan", "renminbi", "rmb", "cny"]), ("RUB", ["ruble", "rubles", "rouble", "roubles", "rub"]), ("JPY", ["yen", "jpy"]),
            ("CHF", ["franc", "francs", "chf"]), ("INR", ["rupee", "rupees", "inr"]), ("TRY", ["lira", "liras"]),
            ("CAD", ["cad"]), ("AUD", ["aud"]),
        ] {
            for name in names { words[WordKey.of(name)] = code }
        }
        return WordKeyMap(words)
    }()

    /// Currency codes that may stand before a number when written in capitals ("USD 5 million").
    static let currencyCodes: WordKeyMap<String> = [
        WordKey.of("usd"): "USD", WordKey.of("eur"): "EUR", WordKey.of("gbp"): "GBP", WordKey.of("cny"): "CNY",
        WordKey.of("rmb"): "CNY", WordKey.of("jpy"): "JPY", WordKey.of("rub"): "RUB", WordKey.of("chf"): "CHF",
        WordKey.of("inr"): "INR", WordKey.of("cad"): "CAD", WordKey.of("aud"): "AUD",
    ]

    /// Words that say which dollar a "dollars" is ("Canadian dollars"); "US" and "American" keep USD.
    static let dollarQualifiers: WordKeyMap<String> = [
        WordKey.of("us"): "USD", WordKey.of("american"): "USD", WordKey.of("canadian"): "CAD", WordKey.of("australian"): "AUD",
        WordKey.of("singapore"): "SGD", WordKey.of("taiwan"): "TWD", WordKey.of("swiss"): "CHF", WordKey.of("turkish"): "TRY",
        WordKey.of("indian"): "INR", WordKey.of("russian"): "RUB", WordKey.of("chinese"): "CNY", WordKey.of("japanese"): "JPY",
    ]

    /// Currency symbols before a number ("$", "€", "£", "¥" read as yen, "₹", "₽"), by scalar value.
    static let currencySymbols: WordKeyMap<String> = [0x24: "USD", 0x20AC: "EUR", 0xA3: "GBP", 0xA5: "JPY", 0x20B9: "INR", 0x20BD: "RUB"]

    /// Letters written before "$" ("US$", "A$", "HK$").
    static let dollarPrefixes: WordKeyMap<String> = [
        WordKey.of("us"): "USD", WordKey.of("a"): "AUD", WordKey.of("au"): "AUD", WordKey.of("c"): "CAD", WordKey.of("ca"): "CAD",
        WordKey.of("hk"): "HKD", WordKey.of("nz"): "NZD", WordKey.of("s"): "SGD",
    ]

    /// Units after a number, by canonical singular name. Only words that are units wherever they
    /// follow a number; "m" is metres unless a currency makes it millions.
    static let units: WordKeyMap<String> = {
        var words: [UInt64: String] = [:]
        for (unit, names) in [
            ("km", ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"]),
            ("m", ["m", "metre", "metres", "meter", "meters"]),
            ("cm", ["cm", "centimetre", "centimetres", "centimeter", "centimeters"]),
            ("mm", ["mm", "millimetre", "millimetres", "millimeter", "millimeters"]),
            ("mile", ["mile", "miles", "mi"]),
            ("foot", ["ft", "foot", "feet"]), ("inch", ["inch", "inches"]), ("yard", ["yd", "yds", "yard", "yards"]),
            ("knot", ["knot", "knots"]),
            ("gallon", ["gallon", "gallons", "gal"]), ("ounce", ["oz", "ounce", "ounces"]), ("barrel", ["barrel", "barrels", "bbl"]),
            ("ml", ["ml", "millilitre", "millilitres", "milliliter", "milliliters"]),
            ("km2", ["sqkm"]), ("m2", ["sqm"]),
            ("kg", ["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"]),
            ("g", ["g", "gram", "grams", "gramme", "grammes"]),
            ("tonne", ["tonne", "tonnes", "ton", "tons"]),
            ("lb", ["lb", "lbs"]),
            ("litre", ["litre", "litres", "liter", "liters"]),
            ("hectare", ["ha", "hectare", "hectares"]),
            ("acre", ["acre", "acres"]),
            ("hour", ["hour", "hours", "hr", "hrs", "h"]),
            ("minute", ["minute", "minutes", "min", "mins"]),
            ("second", ["seconds", "sec", "secs"]),
            ("day", ["day", "days"]),
            ("week", ["week", "weeks"]),
            ("month", ["month", "months"]),
            ("year", ["year", "years", "yr", "yrs"]),
            ("decade", ["decade", "decades"]),
            ("century", ["century", "centuries"]),
            ("degree", ["degree", "degrees"]),
            ("km/h", ["kph", "kmh"]),
            ("mph", ["mph"]),
            ("kW", ["kw", "kilowatt", "kilowatts"]), ("MW", ["mw", "megawatt", "megawatts"]), ("GW", ["gw", "gigawatt", "gigawatts"]),
            ("TW", ["tw", "terawatt", "terawatts"]), ("W", ["watt", "watts"]),
            ("kWh", ["kwh"]), ("MWh", ["mwh"]), ("GWh", ["gwh"]), ("TWh", ["twh"]),
            ("volt", ["volt", "volts", "kv"]), ("byte", ["byte", "bytes", "kb", "mb", "gb", "tb"]),
        ] {
            for name in names { words[WordKey.of(name)] = unit }
        }
        return WordKeyMap(words)
    }()

    /// Words after "degrees" or "°" that name the scale; kept in the mention, not in the unit.
    static let temperatureScales: WordKeySet = WordKeySet(["c", "f", "celsius", "fahrenheit", "centigrade"].map(WordKey.of))

    // MARK: - Hedges

    /// One-word hedges before a number ("about 3,300").
    static let hedges: WordKeySet = WordKeySet(
        [
            "about", "around", "approximately", "approx", "roughly", "some", "nearly", "almost", "over", "under", "circa", "ca",
            "estimated", "approaching", "upwards", "barely",
        ].map(WordKey.of))
    /// Two-word hedges before a number ("more than", "up to"), as (first, second) keys.
    static let hedgePairs: Set<WordPair> = Set(
        [
            ("more", "than"), ("less", "than"), ("fewer", "than"), ("up", "to"), ("at", "least"), ("at", "most"), ("close", "to"),
            ("upwards", "of"), ("as", "many"), ("as", "much"), ("in", "excess"),
        ].map { WordPair(first: WordKey.of($0), second: WordKey.of($1)) })

    // MARK: - Calendar

    /// Month names and their abbreviations, 1 = January.
    static let months: WordKeyMap<Int> = {
        var words: [UInt64: Int] = [:]
        for (i, name) in CalendarWords.months.enumerated() { words[WordKey.of(name)] = i + 1 }
        return WordKeyMap(words)
    }()

    /// Abbreviated month names ("Jan", "Sept"), 1 = January; read only next to a day number.
    static let monthAbbreviations: WordKeyMap<Int> = {
        var words: [UInt64: Int] = [:]
        for (i, name) in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].enumerated() {
            words[WordKey.of(name)] = i + 1
        }
        words[WordKey.of("sept")] = 9
        return WordKeyMap(words)
    }()

    /// Weekday names, 0 = Monday.
    static let weekdays: WordKeyMap<Int> = {
        var words: [UInt64: Int] = [:]
        for (i, name) in CalendarWords.weekdays.enumerated() { words[WordKey.of(name)] = i }
        return WordKeyMap(words)
    }()

    /// Words before a capitalised "May" that make it the month ("in May", "last May").
    static let beforeMonth: WordKeySet = WordKeySet(
        [
            "in", "of", "since", "until", "till", "last", "next", "early", "late", "mid", "from", "by", "during", "before", "after",
            "through", "throughout", "this", "end", "beginning",
        ].map(WordKey.of))

    /// Months never read when written in lowercase ("may", "march", "august" are ordinary words).
    static let lowercaseNeverMonth: Set<Int> = [3, 5, 8]

    // MARK: - The first scan

    /// Words that make a text worth parsing, and for which parser.
    static let triggers: WordKeyMap<FactText.Needs> = {
        var words: [UInt64: FactText.Needs] = [:]
        for key in numberWords.keys { words[key] = .quantities }
        for key in ordinalSuffixes { words[key] = .quantities }
        words[keys.noon] = .quantities
        words[keys.midnight] = .quantities
        for key in countableByArticle { words[key] = .quantities }
        for key in numberBearingWords.keys { words[key] = .quantities }
        for key in months.keys { words[key, default: []].formUnion(.dates) }
        for key in monthAbbreviations.keys { words[key, default: []].formUnion(.dates) }
        for key in weekdays.keys { words[key, default: []].formUnion(.dates) }
        return WordKeyMap(words)
    }()
}
