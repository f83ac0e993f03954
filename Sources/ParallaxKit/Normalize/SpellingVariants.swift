/// British and American spellings ("neighbourliness" / "neighborliness", "organisation" /
/// "organization", "centre" / "center", "defence" / "defense", "travelled" / "traveled").
///
/// Each key gets a candidate American form from suffix rules. A candidate is only used when the
/// other form is in play too (two distinct keys in the texts compared share it): a rule that
/// misfires on a word ("premise" → "premize") changes nothing unless the misfire is itself a word
/// of the texts.
enum SpellingVariants {
    /// The American form that the rules give for `key`, or nil when no rule applies.
    ///
    /// The rules are ASCII, and so are the keys they apply to: the work is done on UTF-8 bytes.
    static func americanCandidate(_ key: String) -> String? {
        guard key.utf8.count >= 5, key.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var word = Array(key.utf8)
        var changed = false
        func replaceSuffix(_ from: [UInt8], _ to: [UInt8], minStem: Int) -> Bool {
            guard word.count - from.count >= minStem, word.suffix(from.count).elementsEqual(from) else { return false }
            word.removeLast(from.count)
            word += to
            changed = true
            return true
        }
        // -our- → -or- (neighbour, honour, labour, colour, behaviour, favour, rumour …)
        if let at = firstIndex(of: Self.our, in: word), at >= 3 {
            let rest = Array(word[(at + 3)...])
            if ourEndings.contains(rest), !ourExceptions.contains(where: { word.starts(with: $0) }) {
                word = Array(word[..<at]) + Array("or".utf8) + rest
                changed = true
            }
        }
        // -ise/-isation/-yse → -ize/-ization/-yze
        for (from, to) in izeRules where replaceSuffix(from, to, minStem: 3) { break }
        // -tre → -ter, -ogue → -og, -ence → -ense (defence, licence, offence, pretence), -mme → -m
        for (from, to) in terRules where replaceSuffix(from, to, minStem: 2) { break }
        // doubled l before -ed, -ing, -er: travelled → traveled, modelling → modeling
        for (from, to) in doubledLRules where replaceSuffix(from, to, minStem: 3) { break }
        // ae / oe in Greek and Latin loans: paediatric, oestrogen, manoeuvre
        for (from, to) in digraphRules where firstIndex(of: from, in: word) != nil {
            word = replacingAll(from, with: to, in: word)
            changed = true
        }
        let result = String(decoding: word, as: UTF8.self)
        return changed && result != key ? result : nil
    }

    private static func bytes(_ pairs: [(String, String)]) -> [([UInt8], [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    private static let our = Array("our".utf8)
    private static let ourEndings: Set<[UInt8]> = Set(
        [
            "", "s", "ed", "ing", "able", "ably", "ite", "ites", "hood", "hoods", "liness", "ly", "ful",
            "ness", "er", "ers", "less", "ism", "ist", "ists",
        ].map { Array($0.utf8) })
    private static let ourExceptions: [[UInt8]] = ["contour", "devour", "detour", "tambour", "troubadour", "paramour", "amour"].map {
        Array($0.utf8)
    }
    private static let izeRules = bytes([
        ("isations", "izations"), ("isation", "ization"), ("ised", "ized"), ("ises", "izes"),
        ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("ise", "ize"),
        ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("yses", "yzes"),
    ])
    private static let terRules = bytes([
        ("tres", "ters"), ("tre", "ter"), ("ogues", "ogs"), ("ogue", "og"),
        ("fences", "fenses"), ("fence", "fense"), ("cence", "cense"), ("fence", "fense"),
        ("ences", "enses"), ("ramme", "ram"), ("rammes", "rams"),
    ])
    private static let doubledLRules = bytes([("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers")])
    private static let digraphRules = bytes([("aedi", "edi"), ("aemi", "emi"), ("oest", "est"), ("oeu", "eu")])

    /// Where `needle` first occurs in `word`.
    private static func firstIndex(of needle: [UInt8], in word: [UInt8]) -> Int? {
        guard word.count >= needle.count else { return nil }
        for i in 0...(word.count - needle.count) where word[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    /// `word` with every occurrence of `needle`, left to right and not overlapping, replaced.
    private static func replacingAll(_ needle: [UInt8], with replacement: [UInt8], in word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < word.count {
            if i + needle.count <= word.count, word[i..<(i + needle.count)].elementsEqual(needle) {
                out += replacement
                i += needle.count
            } else {
                out.append(word[i])
                i += 1
            }
        }
        return out
    }

    /// For a set of keys in play, the keys to replace by a shared spelling: each key whose
    /// candidate is itself in play, or shared with another key in play.
    static func confirmed(in keys: some Sequence<String>) -> [String: String] {
        var byCandidate: [String: Set<String>] = [:]
        var present = Set<String>()
        for key in keys {
            present.insert(key)
            if let candidate = americanCandidate(key) { byCandidate[candidate, default: []].insert(key) }
        }
        var result: [String: String] = [:]
        for (candidate, sources) in byCandidate where present.contains(candidate) || sources.count >= 2 {
            for source in sources where source != candidate { result[source] = candidate }
        }
        return result
    }
}
