/// Finds quantities in English text and reads them as values: digits with grouping ("3,300",
/// "3 300", "1.234.567"), decimals, number words ("twelve", "twenty-first", "a hundred", read by
/// ICU's spell-out rules), scale words ("3.5 million", "$5bn"), percentages, ranges
/// ("2021–22", "from 2021 to 2022"), clock times ("9:30 p.m.", "noon"), years, money, measures,
/// letter-digit names ("COVID-19") and stray ordinal suffixes left where digits were lost.
///
/// Numbers that belong to a date ("June 28, 2021") are not reported: they are the date's (see
/// ``DateParser``). A text without a digit or a number word costs one scan of its bytes.
enum QuantityParser {
    /// The quantities in `text`, in order.
    static func mentions(in text: String) -> [QuantityMention] {
        let needs = FactText.needs(text)
        guard needs.contains(.quantities) else { return [] }
        let tokens = FactText(text)
        return mentions(in: tokens, dates: needs.contains(.dates) ? DateParser.mentions(in: tokens) : [])
    }

    /// The quantities in an already tokenized text, leaving out the tokens of `dates`.
    static func mentions(in text: FactText, dates: [DateMention]) -> [QuantityMention] {
        var scanner = QuantityScanner(text: text, dates: dates)
        return scanner.run()
    }
}

/// One pass over the tokens of a text, collecting quantity mentions.
private struct QuantityScanner {
    let text: FactText
    /// Tokens that belong to a date mention.
    var covered: [Bool]
    var result: [QuantityMention] = []
    private typealias K = FactLexicon

    init(text: FactText, dates: [DateMention]) {
        self.text = text
        var covered = [Bool](repeating: false, count: text.count)
        if !dates.isEmpty {
            var d = 0
            for (i, token) in text.tokens.enumerated() {
                while d < dates.count, dates[d].range.upperBound <= token.start { d += 1 }
                if d < dates.count, dates[d].range.contains(token.start) { covered[i] = true }
            }
        }
        self.covered = covered
    }

    mutating func run() -> [QuantityMention] {
        var i = 0
        while i < text.count {
            if !covered[i], let (mention, next) = mention(at: i) {
                result.append(mention)
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        return result
    }

    private func free(_ i: Int) -> Bool { i >= 0 && i < covered.count && !covered[i] }

    // MARK: - One mention

    /// A number read from tokens, before its unit: its value, the token after it and how it was
    /// written.
    private struct Core {
        var value: Double
        var next: Int
        var isSpelled = false
        var isOrdinal = false
        /// Four digits, no grouping, sign or decimals: may be a year.
        var isPlainFourDigits = false
        /// Two digits, no grouping or decimals: may abbreviate a year in a range ("2021–22").
        var isPlainTwoDigits = false
        /// Digits only: no grouping, decimals, fraction or suffix.
        var isPlainInteger = false
        /// "1990s".
        var isDecade = false
        /// The scale word's factor ("million"), 1 when there is none.
        var scale: Double = 1
    }

    /// What follows a number: a percent sign, a currency or a unit.
    private struct Suffix {
        var kind: QuantityKind
        var unit: String?
        var next: Int
    }

    private func mention(at i: Int) -> (QuantityMention, Int)? {
        if text.isWord(i) {
            // Most words start no quantity: one lookup answers for all the word readers below
            // (each starts at a trigger word, "a", "an" or "half", or, for an identifier, at a
            // word touching a number or a dash).
            let key = text.key(i)
            if K.triggers[key] == nil, key != K.keys.a, key != K.keys.an, key != K.keys.half,
                !(text.touches(i + 1) && (text.isNumber(i + 1) || text.isDash(i + 1)))
            {
                return nil
            }
            if let found = identifier(at: i) ?? namedTime(at: i) ?? straySuffix(at: i) ?? articleUnit(at: i) ?? halfUnit(at: i)
                ?? numberWord(at: i)
            {
                return found
            }
            guard let core = wordCore(at: i) else { return nil }
            return finish(core, first: i)
        }
        guard text.isNumber(i) else { return nil }
        if let found = digitIdentifier(at: i) ?? clockTime(at: i) { return found }
        guard let core = digitCore(at: i) else { return nil }
        return finish(core, first: i)
    }

    /// Adds prefixes (currency, sign), scale, range and unit to a number and makes the mention.
    private func finish(_ start: Core, first coreStart: Int) -> (QuantityMention, Int)? {
        var core = start
        var first = coreStart
        var currency: String?
        var negative = false
        if !core.isSpelled {
            if text.isSymbol(first - 1, 0x2D) || text.isSymbol(first - 1, 0x2212), text.touches(first),
                first - 1 == 0 || text.tokens[first - 1].space != .none || text.isSymbol(first - 2, 0x28)
            {
                negative = true
                first -= 1
            }
            if let (code, start) = currencyBefore(first) {
                currency = code
                first = start
            }
        }
        if text.key(first - 1) == K.keys.minus, free(first - 1) {
            negative = true
            first -= 1
        }
        var value = core.value
        var next = core.next
        if !core.isSpelled {
            let (factor, afterScale) = scale(after: next, money: currency != nil)
            value *= factor
            core.scale = factor
            next = afterScale
        }
        if negative { value = -value }

        let opening = text.key(first - 1)
        var upper: Double?
        var upperIsYear = false
        if let range = range(after: next, lower: core, lowerValue: value, opening: opening) {
            upper = range.upper
            value = range.lower
            upperIsYear = range.upperIsYear
            next = range.next
        }
        var suffix = self.suffix(at: next, core: core, value: value)
        if let found = suffix {
            next = found.next
            // "5% to 7%", "5 km - 7 km": a range whose ends carry the unit.
            if upper == nil, let range = range(after: next, lower: core, lowerValue: value, opening: opening),
                let again = self.suffix(at: range.next, core: core, value: range.upper), again.kind == found.kind, again.unit == found.unit
            {
                upper = range.upper
                value = range.lower
                next = again.next
            }
        }
        if let currency {
            suffix = Suffix(kind: .money, unit: currency, next: next)
        }
        if core.isDecade, upper == nil {
            upper = value + 9
        }

        let kind: QuantityKind
        let unit = suffix?.unit
        if let suffix, suffix.kind == .percent || suffix.kind == .money {
            kind = suffix.kind
        } else if core.isOrdinal {
            kind = .ordinal
        } else if suffix != nil {
            kind = .measure
        } else if core.isPlainFourDigits, !negative, core.scale == 1, (1800...2100).contains(value),
            upper == nil || upperIsYear || core.isDecade
        {
            kind = .year
        } else {
            kind = .cardinal
        }
        let quantity = Quantity(kind: kind, value: value, upper: upper, unit: unit)
        // Small spelled-out numbers are often no figure ("one of them", "the first time"); a
        // spelled ordinal stays weak before a noun that is also a unit ("the first days").
        let weak = core.isSpelled && upper == nil && abs(value) < 11 && (kind == .ordinal || (kind == .cardinal && unit == nil))
        return (make(quantity, first: first, last: next - 1, spelled: core.isSpelled, weak: weak), next)
    }

    private func make(_ quantity: Quantity, first: Int, last: Int, spelled: Bool, weak: Bool = false) -> QuantityMention {
        let range = text.byteRange(first, last)
        return QuantityMention(
            quantity: quantity, range: range, surface: text.surface(range), isSpelledOut: spelled,
            isApproximate: isHedged(before: first), isWeak: weak)
    }

    /// Whether a hedge stands right before token `first` ("about", "more than", "~").
    private func isHedged(before first: Int) -> Bool {
        if text.isSymbol(first - 1, 0x7E) { return true }
        let previous = text.key(first - 1)
        guard previous != 0 else { return false }
        if K.hedges.contains(previous) { return true }
        return K.hedgePairs.contains(WordPair(first: text.key(first - 2), second: previous))
    }

    // MARK: - Digits

    /// Digits at token `i` with their grouping, decimals and ordinal suffix ("3,300", "3 300",
    /// "1.234.567", "3.5", "21st", "1990s").
    private func digitCore(at i: Int) -> Core? {
        let length = text.digitCount(i)
        var value = text.number(i)
        var next = i + 1
        var grouped = false
        if length <= 3 {
            // "3,300", "1,234,567"
            while text.isSymbol(next, 0x2C), text.touches(next), text.touches(next + 1), text.digitCount(next + 1) == 3, free(next + 1) {
                value = value * 1000 + text.number(next + 1)
                next += 2
                grouped = true
            }
            // "3 300", "3\u{202F}300": groups of exactly three digits after spaces.
            if !grouped, !text.isNumber(i - 1), !(text.isSymbol(i - 1, 0x2C) && text.isNumber(i - 2)) {
                var k = next
                var spaced = value
                while text.digitCount(k) == 3, text.tokens[k].space != .none, free(k) {
                    spaced = spaced * 1000 + text.number(k)
                    k += 1
                }
                let continues =
                    text.touches(k) && (text.isSymbol(k, 0x2C) || text.isSymbol(k, 0x2E) || text.isSymbol(k, 0x3A))
                    && text.isNumber(k + 1) && text.touches(k + 1)
                if k > next, !continues, !text.isNumber(k) {
                    value = spaced
                    next = k
                    grouped = true
                }
            }
            // "1.234.567": two or more dot groups (one group, "3.300", is a decimal).
            if !grouped {
                var k = next
                var dotted = value
                while text.isSymbol(k, 0x2E), text.touches(k), text.touches(k + 1), text.digitCount(k + 1) == 3 {
                    dotted = dotted * 1000 + text.number(k + 1)
                    k += 2
                }
                // "272.000": three zeros after one dot are no decimals anyone writes.
                let thousands = k == next + 2 && text.number(next + 1) == 0
                if k >= next + 4 || thousands, !(text.isSymbol(k, 0x2E) && text.touches(k) && text.isNumber(k + 1) && text.touches(k + 1)) {
                    value = dotted
                    next = k
                    grouped = true
                }
            }
        }
        var decimal = false
        if text.isSymbol(next, 0x2E), text.touches(next), text.touches(next + 1), text.isNumber(next + 1),
            !(text.isSymbol(next + 2, 0x2E) && text.touches(next + 2) && text.isNumber(next + 3) && text.touches(next + 3))
        {
            let digits = text.tokens[next + 1]
            var fraction = 0.0
            var scale = 1.0
            for k in digits.start..<digits.end {
                scale /= 10
                fraction += Double(text.bytes[k] &- 0x30) * scale
            }
            value += fraction
            next += 2
            decimal = true
        }
        var fraction = false
        if text.touches(next), text.tokens[next].kind == .symbol, let part = K.fractions[text.tokens[next].key] {
            // "3½"
            value += part
            next += 1
            fraction = true
        } else if !grouped, !decimal, text.digitCount(next) == 1, text.tokens[next].space != .none, text.isSymbol(next + 1, 0x2F),
            text.touches(next + 1), text.touches(next + 2), let numerator = text.integer(next), let denominator = text.integer(next + 2),
            numerator >= 1, numerator < denominator, denominator <= 16, !(text.isSymbol(next + 3, 0x2F) && text.touches(next + 3))
        {
            // "3 1/2"
            value += Double(numerator) / Double(denominator)
            next += 3
            fraction = true
        }
        var core = Core(value: value, next: next)
        let plain = !grouped && !decimal && !fraction
        core.isPlainFourDigits = plain && length == 4
        core.isPlainTwoDigits = plain && length == 2
        core.isPlainInteger = plain
        if text.touches(next), text.isWord(next) {
            let suffix = text.key(next)
            if K.ordinalSuffixes.contains(suffix), !text.tokens[next].isUppercase || text.tokens[next].length == 2 {
                core.isOrdinal = true
                core.isPlainFourDigits = false
                core.isPlainInteger = false
                core.next = next + 1
            } else if suffix == K.keys.s, core.isPlainFourDigits, value.truncatingRemainder(dividingBy: 10) == 0,
                [K.keys.the, K.keys.early, K.keys.late, K.keys.mid].contains(text.key(text.isDash(i - 1) ? i - 2 : i - 1))
            {
                // "the 1990s", "the early 1990s", "mid-1990s"; a bare "1860s" is a plural or a
                // possessive without its apostrophe.
                core.isDecade = true
                core.next = next + 1
            }
        }
        return core
    }

    /// "5G", "3D": digits with one or two capitals attached that are no unit.
    private func digitIdentifier(at i: Int) -> (QuantityMention, Int)? {
        let next = i + 1
        guard text.isWord(next), text.touches(next), text.tokens[next].isUppercase, text.tokens[next].length <= 2,
            !text.isWord(next + 1) || !text.touches(next + 1), text.digitCount(i) <= 2
        else { return nil }
        let key = text.key(next)
        let isUnit = K.units[key] != nil && key != K.keys.g
        guard !isUnit, K.scaleAbbreviations[key] == nil, !K.ordinalSuffixes.contains(key), key != K.keys.am, key != K.keys.pm else {
            return nil
        }
        let name = text.surface(text.byteRange(i, next)).lowercased()
        return (make(Quantity(kind: .identifier, value: nil, identifier: name), first: i, last: next, spelled: false), next + 1)
    }

    /// "G20", "G-20", "COVID-19", "MH17", "Sars-CoV-2": letters and digits that name a thing.
    private func identifier(at i: Int) -> (QuantityMention, Int)? {
        let first = text.key(i)
        guard first != 0, !K.notIdentifiers.contains(first), K.numberWords[first] == nil, K.months[first] == nil,
            K.weekdays[first] == nil, !(K.currencyCodes[first] != nil && text.tokens[i].isUppercase),
            K.units[first] == nil || text.tokens[i].isUppercase, K.scaleAbbreviations[first] == nil
        else { return nil }
        var last = i
        var words = [i]
        while words.count < 3, text.isDash(last + 1), text.touches(last + 1), text.isWord(last + 2), text.touches(last + 2),
            text.key(last + 2) != 0, text.isNumber(last + 3) || text.isDash(last + 3)
        {
            last += 2
            words.append(last)
        }
        let number: Int
        if text.isNumber(last + 1), text.touches(last + 1) {
            number = last + 1
        } else if text.isDash(last + 1), text.touches(last + 1), text.isNumber(last + 2), text.touches(last + 2) {
            number = last + 2
        } else {
            return nil
        }
        // "G20,000"? Then it is no name.
        if text.isSymbol(number + 1, 0x2C) || text.isSymbol(number + 1, 0x2E), text.touches(number + 1), text.isNumber(number + 2),
            text.touches(number + 2)
        {
            return nil
        }
        let letters = words.reduce(0) { $0 + text.tokens[$1].length }
        guard letters <= 10, text.digitCount(number) <= 6 else { return nil }
        let key = words.map { text.lowercaseWord($0) }.joined() + text.surface(text.byteRange(number, number))
        return (make(Quantity(kind: .identifier, value: nil, identifier: key), first: i, last: number, spelled: false), number + 1)
    }

    /// A currency before token `first` ("$", "US$", "€", "USD ") and where it starts.
    private func currencyBefore(_ first: Int) -> (String, Int)? {
        let before = first - 1
        guard before >= 0 else { return nil }
        if text.tokens[before].kind == .symbol, let code = K.currencySymbols[text.tokens[before].key] {
            if code == "USD", text.touches(before), text.isWord(before - 1), text.tokens[before - 1].isUppercase,
                let prefixed = K.dollarPrefixes[text.key(before - 1)]
            {
                return (prefixed, before - 1)
            }
            return (code, before)
        }
        if text.isWord(before), text.tokens[before].isUppercase, let code = K.currencyCodes[text.key(before)] {
            return (code, before)
        }
        return nil
    }

    /// A scale word after a number ("million", "bn", "mln"; "m", "b", "k" only for money) and
    /// the token after it; factor 1 when there is none.
    private func scale(after next: Int, money: Bool) -> (Double, Int) {
        guard text.isWord(next), free(next) else { return (1, next) }
        let key = text.key(next)
        if let word = K.numberWords[key], word.role == .scale, !word.isOrdinal {
            var factor = word.value
            var end = next + 1
            // "hundred thousand"
            if let more = K.numberWords[text.key(end)], more.role == .scale, !more.isOrdinal, more.value > word.value {
                factor *= more.value
                end += 1
            }
            return (factor, end)
        }
        if let abbreviation = K.scaleAbbreviations[key] {
            if abbreviation.moneyOnly {
                guard money || currencyWord(at: next + 1) != nil else { return (1, next) }
                guard text.touches(next) || key != K.keys.m || money else { return (1, next) }
            }
            return (abbreviation.value, next + 1)
        }
        return (1, next)
    }

    // MARK: - Ranges

    /// "2021-2022", "2021–22", "2021/22", "10 to 15", "between 2016 and 2018", "1:2" (a score that
    /// is no clock time reads like "1-2") after a number whose tokens end before `next`;
    /// `opening` is the word before the number. The upper end must be larger; "by 22 to 3,288"
    /// is no range, nor is a bare "to" whose ends are more than twenty-fold apart.
    private func range(after next: Int, lower: Core, lowerValue: Double, opening: UInt64)
        -> (lower: Double, upper: Double, upperIsYear: Bool, next: Int)?
    {
        var j = next
        var slash = false
        var bareTo = false
        if text.isDash(j), text.key(j + 1) == K.keys.to, text.isDash(j + 2) {
            // "0-to-100"
            j += 3
        } else if text.isDash(j) {
            j += 1
        } else if text.key(j) == K.keys.to, opening != K.keys.by {
            bareTo = opening != K.keys.from
            j += 1
        } else if opening == K.keys.between, text.key(j) == K.keys.and {
            j += 1
        } else if text.isSymbol(j, 0x3A), text.touches(j), text.touches(j + 1), text.isNumber(j + 1), lower.isPlainInteger {
            j += 1
        } else if text.isSymbol(j, 0x2F), text.touches(j), text.touches(j + 1), lower.isPlainFourDigits {
            slash = true
            j += 1
        } else {
            return nil
        }
        guard free(j), free(j - 1) else { return nil }
        guard let upperCore = text.isNumber(j) ? digitCore(at: j) : (lower.isSpelled ? wordCore(at: j) : nil),
            upperCore.isOrdinal == lower.isOrdinal, !upperCore.isDecade
        else { return nil }
        if slash, !(upperCore.isPlainTwoDigits || upperCore.isPlainFourDigits) { return nil }
        var upper = upperCore.value
        var end = upperCore.next
        var upperScale = 1.0
        if !upperCore.isSpelled {
            (upperScale, end) = scale(after: end, money: false)
            upper *= upperScale
        }
        var lowerValue = lowerValue
        var upperIsYear = upperCore.isPlainFourDigits && (1800...2100).contains(upper)
        if lower.isPlainFourDigits, upperCore.isPlainTwoDigits, upperScale == 1 {
            // "2021–22"
            upper += (lowerValue / 100).rounded(.down) * 100
            upperIsYear = true
        }
        if upperScale > 1, lower.scale == 1, lowerValue < upperCore.value {
            // "5-6 million"
            lowerValue *= upperScale
        }
        guard upper > lowerValue else { return nil }
        if slash, !upperIsYear { return nil }
        if bareTo, lowerValue <= 0 || upper > 20 * lowerValue { return nil }
        return (lowerValue, upper, upperIsYear, end)
    }

    // MARK: - Units

    /// The currency word at token `k` ("dollars", "US dollars", "euros", "EUR"), its code and the
    /// token after it.
    private func currencyWord(at k: Int) -> (String, Int)? {
        guard text.isWord(k) else { return nil }
        let key = text.key(k)
        // "US dollars", "U.S. dollars", "Canadian dollars", "Swiss francs"
        if let qualified = K.dollarQualifiers[key] {
            if let (code, next) = currencyWord(at: k + 1), code == "USD" || code == qualified { return (qualified, next) }
            return nil
        }
        if key == K.keys.u, text.isSymbol(k + 1, 0x2E), text.touches(k + 1), text.key(k + 2) == K.keys.s, text.touches(k + 2) {
            var n = k + 3
            if text.isSymbol(n, 0x2E), text.touches(n) { n += 1 }
            if let (code, next) = currencyWord(at: n), code == "USD" { return (code, next) }
            return nil
        }
        guard let code = K.currencyWords[key] else { return nil }
        if K.currencyCodes[key] != nil, !text.tokens[k].isUppercase { return nil }
        var next = k + 1
        if code == "GBP", key != K.keys.sterling, text.key(next) == K.keys.sterling { next += 1 }
        return (code, next)
    }

    /// A percent sign, percent word, currency or unit at token `k`, after a number.
    private func suffix(at k: Int, core: Core, value: Double) -> Suffix? {
        guard k < text.count, free(k) else { return nil }
        // Percent
        if text.isSymbol(k, 0x25) || text.isSymbol(k, 0x066A) { return Suffix(kind: .percent, unit: nil, next: k + 1) }
        let key = text.key(k)
        if key == K.keys.percent || key == K.keys.pct { return Suffix(kind: .percent, unit: nil, next: k + 1) }
        if key == K.keys.per, text.key(k + 1) == K.keys.cent { return Suffix(kind: .percent, unit: nil, next: k + 2) }
        if key == K.keys.percentage {
            let p = text.isDash(k + 1) ? k + 2 : k + 1
            if text.key(p) == K.keys.point || text.key(p) == K.keys.points { return Suffix(kind: .percent, unit: "point", next: p + 1) }
            return nil
        }
        // Degrees: "30°", "30 °C"
        if text.isSymbol(k, 0xB0) {
            let next = text.touches(k + 1) && K.temperatureScales.contains(text.key(k + 1)) ? k + 2 : k + 1
            return Suffix(kind: .measure, unit: "degree", next: next)
        }
        // Money
        if let (code, next) = currencyWord(at: k) { return Suffix(kind: .money, unit: code, next: next) }
        // Units, also hyphenated ("a 10-kilometre run", "44-year-old")
        var u = k
        if text.isDash(u), text.touches(u), text.touches(u + 1), text.isWord(u + 1) { u += 1 }
        guard text.isWord(u), free(u) else { return nil }
        var unitKey = text.key(u)
        var squared = false
        if unitKey == K.keys.square || unitKey == K.keys.sq, let inner = K.units[text.key(u + 1)], ["km", "m", "mile"].contains(inner) {
            squared = true
            u += 1
            unitKey = text.key(u)
        }
        if unitKey == K.keys.second, value == 1 || u > k {
            return Suffix(kind: .measure, unit: "second", next: u + 1)
        }
        guard var unit = K.units[unitKey] else { return nil }
        let token = text.tokens[u]
        if unitKey == K.keys.g, token.isUppercase { return nil }
        // Single letters only right after digits or with a space after digits ("5 m", "5m"), never after words.
        if token.length == 1, core.isSpelled { return nil }
        var next = u + 1
        if unit == "degree", K.temperatureScales.contains(text.key(next)), text.tokens[next].isCapitalized { next += 1 }
        if text.isSymbol(next, 0xB2), text.touches(next) {
            squared = true
            next += 1
        }
        if unit == "km", text.isSymbol(next, 0x2F), text.touches(next), text.key(next + 1) == K.keys.h, text.touches(next + 1) {
            unit = "km/h"
            next += 2
        }
        if squared { unit += "2" }
        return Suffix(kind: .measure, unit: unit, next: next)
    }

    // MARK: - Times

    /// "a.m.", "am", "PM", "p.m" at token `k`: whether it is p.m., and the token after it.
    private func meridiem(at k: Int) -> (Bool, Int)? {
        guard k < text.count, text.tokens[k].space != .unicode else { return nil }
        let key = text.key(k)
        if key == K.keys.am || key == K.keys.pm {
            guard !text.isSymbol(k + 1, 0x2E) || !text.touches(k + 1) || !text.isWord(k + 2) else { return nil }
            return (key == K.keys.pm, k + 1)
        }
        if key == K.keys.a || key == K.keys.p, text.isSymbol(k + 1, 0x2E), text.touches(k + 1), text.key(k + 2) == K.keys.m,
            text.touches(k + 2)
        {
            let next = text.isSymbol(k + 3, 0x2E) && text.touches(k + 3) ? k + 4 : k + 3
            return (key == K.keys.p, next)
        }
        return nil
    }

    private func minutes(hour: Int, minute: Int, pm: Bool?) -> Double? {
        guard (0..<60).contains(minute) else { return nil }
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            return Double((hour % 12 + (pm ? 12 : 0)) * 60 + minute)
        }
        guard (0...24).contains(hour) else { return nil }
        return Double(hour * 60 + minute)
    }

    /// "21:30", "16:15h", "9:30 p.m.", "9.30pm", "10 a.m.", "18h", "6 o'clock" at token `i`.
    private func clockTime(at i: Int) -> (QuantityMention, Int)? {
        guard (1...2).contains(text.digitCount(i)), let hour = text.integer(i) else { return nil }
        var next = i + 1
        var minute = 0
        var pm: Bool?
        if text.isSymbol(next, 0x3A), text.touches(next), text.touches(next + 1), text.digitCount(next + 1) == 2,
            let m = text.integer(next + 1)
        {
            minute = m
            next += 2
            if text.isSymbol(next, 0x3A), text.touches(next), text.touches(next + 1), text.digitCount(next + 1) == 2 { next += 2 }
            if text.touches(next), text.key(next) == K.keys.h { next += 1 }
            if let (isPM, end) = meridiem(at: next) {
                pm = isPM
                next = end
            }
        } else if text.isSymbol(next, 0x2E), text.touches(next), text.touches(next + 1), text.digitCount(next + 1) == 2,
            let m = text.integer(next + 1), let (isPM, end) = meridiem(at: next + 2)
        {
            minute = m
            pm = isPM
            next = end
        } else if let (isPM, end) = meridiem(at: next) {
            pm = isPM
            next = end
        } else if text.touches(next), text.key(next) == K.keys.h, !text.tokens[next].isUppercase, hour <= 23 {
            next += 1
            if text.touches(next), text.digitCount(next) == 2, let m = text.integer(next) {
                minute = m
                next += 1
            }
        } else if text.key(next) == K.keys.o, text.isApostrophe(next + 1), text.touches(next + 1), text.key(next + 2) == K.keys.clock {
            next += 3
        } else {
            return nil
        }
        guard let value = minutes(hour: hour, minute: minute, pm: pm) else { return nil }
        return (make(Quantity(kind: .time, value: value), first: i, last: next - 1, spelled: false), next)
    }

    /// "noon", "midnight".
    private func namedTime(at i: Int) -> (QuantityMention, Int)? {
        let key = text.key(i)
        guard key == K.keys.noon || key == K.keys.midnight else { return nil }
        return (make(Quantity(kind: .time, value: key == K.keys.noon ? 720 : 0), first: i, last: i, spelled: true), i + 1)
    }

    /// "a week", "an hour", "a year": one unit, as weak as a spelled-out "one" ("a week later" =
    /// "one week later"). Not after a number or unit, where it is a rate ("5 million a year").
    private func articleUnit(at i: Int) -> (QuantityMention, Int)? {
        let key = text.key(i)
        guard key == K.keys.a || key == K.keys.an, K.countableByArticle.contains(text.key(i + 1)), free(i + 1) else { return nil }
        let before = text.key(i - 1)
        if text.isNumber(i - 1) || text.isSymbol(i - 1, 0x25) || K.numberWords[before] != nil || K.units[before] != nil
            || K.currencyWords[before] != nil || K.scaleAbbreviations[before] != nil || K.rateWords.contains(before)
        {
            return nil
        }
        guard let unit = K.units[text.key(i + 1)] else { return nil }
        return (make(Quantity(kind: .measure, value: 1, unit: unit), first: i, last: i + 1, spelled: true, weak: true), i + 2)
    }

    /// "half a year", "half an hour", "a half of a year", "a half-year": half of a unit that "a"
    /// can count.
    private func halfUnit(at i: Int) -> (QuantityMention, Int)? {
        guard text.key(i) == K.keys.half else { return nil }
        let article = text.key(i + 1) == K.keys.of ? i + 2 : i + 1
        let unitAt: Int
        if text.key(article) == K.keys.a || text.key(article) == K.keys.an {
            unitAt = article + 1
        } else if text.isDash(i + 1), text.touches(i + 1), text.touches(i + 2) {
            unitAt = i + 2
        } else {
            return nil
        }
        guard (i + 1...unitAt).allSatisfy(free), K.countableByArticle.contains(text.key(unitAt)), let unit = K.units[text.key(unitAt)]
        else {
            return nil
        }
        return (make(Quantity(kind: .measure, value: 0.5, unit: unit), first: i, last: unitAt, spelled: true), unitAt + 1)
    }

    /// A word that states a number by itself ("centenary" = 100th, "fortnight" = two weeks).
    private func numberWord(at i: Int) -> (QuantityMention, Int)? {
        guard let quantity = K.numberBearingWords[text.key(i)] else { return nil }
        return (make(quantity, first: i, last: i, spelled: true, weak: quantity.kind == .measure), i + 1)
    }

    /// A stray ordinal suffix whose digits were lost: "the th anniversary", "on the st".
    private func straySuffix(at i: Int) -> (QuantityMention, Int)? {
        let key = text.key(i)
        guard K.ordinalSuffixes.contains(key), !text.tokens[i].isCapitalized, !(text.touches(i) && text.isNumber(i - 1)) else { return nil }
        if key != K.keys.th {
            let before = text.key(i - 1)
            guard before == WordKey.of("the") || before == K.keys.of || K.pronounOneBefore.contains(before) else { return nil }
        }
        return (make(Quantity(kind: .unknown, value: nil), first: i, last: i, spelled: false), i + 1)
    }

    // MARK: - Number words

    /// A run of English number words at token `i` ("twelve", "twenty-one", "a hundred",
    /// "three thousand three hundred", "hundredth", "one and a half million", "half a million"),
    /// read by ICU's spell-out rules.
    private func wordCore(at i: Int) -> Core? {
        let keys = K.keys
        var k = i
        // "half a million"
        if text.key(k) == keys.half, text.key(k + 1) == keys.a, let word = K.numberWords[text.key(k + 2)], word.role == .scale,
            !word.isOrdinal
        {
            var core = Core(value: 0.5 * word.value, next: k + 3)
            core.isSpelled = true
            return core
        }
        // The words as ICU should read them, each with its role and the token after it.
        var words: [(text: String, role: NumberWord.Role, value: Double, end: Int)] = []
        var half = false
        var ordinal = false
        if text.key(k) == keys.a {
            guard let word = K.numberWords[text.key(k + 1)], word.role == .scale, !word.isOrdinal, text.tokens[k + 1].space != .none
            else { return nil }
            words.append(("one", .unit, 1, k + 1))
            k += 1
        }
        while free(k), let word = K.numberWords[text.key(k)] {
            let previous = words.last
            let allowed: Bool
            switch (previous?.role, word.role) {
            case (nil, .scale): allowed = word.isOrdinal
            case (nil, _): allowed = true
            case (.unit?, .scale), (.teen?, .scale), (.tens?, .scale): allowed = true
            case (.tens?, .unit): allowed = true
            case (.scale?, .unit), (.scale?, .teen), (.scale?, .tens): allowed = true
            case (.scale?, .scale): allowed = previous.map { $0.text != "and" && $0.value < word.value } ?? false
            default: allowed = false
            }
            guard allowed else { break }
            if previous == nil, word.role == .scale { words.append(("one", .unit, 1, k)) }
            words.append((text.lowercaseWord(k), word.role, word.value, k + 1))
            k += 1
            if word.isOrdinal {
                ordinal = true
                break
            }
            if half { break }
            if text.isDash(k), text.touches(k), text.touches(k + 1), K.numberWords[text.key(k + 1)] != nil {
                k += 1
            } else if text.key(k) == keys.and, word.role == .scale, let after = K.numberWords[text.key(k + 1)], after.role != .scale {
                // "one hundred and five"
                words.append(("and", .scale, 0, k + 1))
                k += 1
            } else if text.key(k) == keys.and, text.key(k + 1) == keys.a, text.key(k + 2) == keys.half, word.role != .scale,
                let scale = K.numberWords[text.key(k + 3)], scale.role == .scale, !scale.isOrdinal
            {
                // "one and a half million"
                half = true
                k += 3
            }
        }
        guard let first = words.first else { return nil }
        if words.count == 1, !ordinal {
            // A lone "one" that is a pronoun: "no one", "the one", "one of", "one another", "one's".
            if first.text == "one", K.units[text.key(i + 1)] == nil,
                K.pronounOneBefore.contains(text.key(i - 1)) || K.pronounOneAfter.contains(text.key(i + 1))
                    || (text.isApostrophe(i + 1) && text.touches(i + 1))
            {
                return nil
            }
        }
        // "a second", "per second": the unit of time, not the rank.
        if ordinal, words.count == 1, first.text == "second", K.secondAsTimeBefore.contains(text.key(i - 1)) { return nil }

        // Read with ICU; when it cannot read the whole run, drop words from the end.
        guard let spellout = Spellout.english else { return nil }
        var count = words.count
        while count > 0 {
            if words[count - 1].text == "and" {
                count -= 1
                continue
            }
            let used = half ? count - 1 : count
            var phrase = ""
            for n in 0..<used {
                if n > 0 { phrase += words[n - 1].role == .tens && words[n].role == .unit ? "-" : " " }
                phrase += words[n].text
            }
            if !phrase.isEmpty, var value = spellout.value(of: phrase) {
                if half { value = (value + 0.5) * words[count - 1].value }
                var core = Core(value: value, next: words[count - 1].end)
                core.isSpelled = true
                core.isOrdinal = ordinal && count == words.count
                return core
            }
            half = false
            count -= 1
        }
        return nil
    }
}
