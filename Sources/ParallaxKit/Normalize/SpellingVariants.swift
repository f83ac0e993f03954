/// British and American spellings ("neighbourliness" / "neighborliness", "organisation" /
/// "organization", "centre" / "center", "defence" / "defense", "travelled" / "traveled").
///
/// Each key gets a candidate American form from suffix rules. A candidate is only used when the
/// other form is in play too (two distinct keys in the texts compared share it): a rule that
/// misfires on a word ("premise" → "premize") changes nothing unless the misfire is itself a word
/// of the texts.
public enum SpellingVariants {
    /// The American form that the rules give for `key`, or nil when no rule applies.
    public static func americanCandidate(_ key: String) -> String? {
        guard key.count >= 5, key.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        var word = key
        var changed = false
        func replaceSuffix(_ from: String, _ to: String, minStem: Int = 2) -> Bool {
            guard word.hasSuffix(from), word.count - from.count >= minStem else { return false }
            word = String(word.dropLast(from.count)) + to
            changed = true
            return true
        }
        // -our- → -or- (neighbour, honour, labour, colour, behaviour, favour, rumour …)
        if let range = word.firstRange(of: "our"), word.distance(from: word.startIndex, to: range.lowerBound) >= 3 {
            let stem = word[..<range.lowerBound]
            let rest = word[range.upperBound...]
            let endings: Set<String> = ["", "s", "ed", "ing", "able", "ably", "ite", "ites", "hood", "hoods", "liness", "ly", "ful", "ness", "er", "ers", "less", "ism", "ist", "ists"]
            if endings.contains(String(rest)), !["contour", "devour", "detour", "tambour", "troubadour", "paramour", "amour"].contains(where: { word.hasPrefix($0) }) {
                word = stem + "or" + rest
                changed = true
            }
        }
        // -ise/-isation/-yse → -ize/-ization/-yze
        for (from, to) in [("isations", "izations"), ("isation", "ization"), ("ised", "ized"), ("ises", "izes"),
                           ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("ise", "ize"),
                           ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("yses", "yzes")] where replaceSuffix(from, to, minStem: 3) {
            break
        }
        // -tre → -ter, -ogue → -og, -ence → -ense (defence, licence, offence, pretence), -mme → -m
        for (from, to) in [("tres", "ters"), ("tre", "ter"), ("ogues", "ogs"), ("ogue", "og"),
                           ("fences", "fenses"), ("fence", "fense"), ("cence", "cense"), ("fence", "fense"),
                           ("ences", "enses"), ("ramme", "ram"), ("rammes", "rams")] where replaceSuffix(from, to, minStem: 2) {
            break
        }
        // doubled l before -ed, -ing, -er: travelled → traveled, modelling → modeling
        for (from, to) in [("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers")] where replaceSuffix(from, to, minStem: 3) {
            break
        }
        // ae / oe in Greek and Latin loans: paediatric, oestrogen, manoeuvre
        for (from, to) in [("aedi", "edi"), ("aemi", "emi"), ("oest", "est"), ("oeu", "eu")] where word.contains(from) {
            word = word.replacing(from, with: to)
            changed = true
        }
        return changed && word != key ? word : nil
    }

    /// For a set of keys in play, the keys to replace by a shared spelling: each key whose
    /// candidate is itself in play, or shared with another key in play.
    public static func confirmed(in keys: some Sequence<String>) -> [String: String] {
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

