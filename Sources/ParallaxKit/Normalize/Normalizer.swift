import Synchronization

/// Folds tokens to keys, layer by layer (see ``FoldLayer``), with ICU doing each layer that ICU
/// has: NFKC_Casefold, and rule-based and system transliterators.
///
/// Work is done per batch of distinct tokens, joined into one buffer, so ICU is called a few
/// times per document rather than once per token. Tokens that are plain ASCII letters and digits
/// take a fast path whose result is what ICU would give (lowercase; no later layer changes them).
public struct Normalizer: Sendable {
    /// Whether the script layer transliterates other scripts to Latin.
    public var transliterateScripts: Bool

    public init(transliterateScripts: Bool = true) {
        self.transliterateScripts = transliterateScripts
    }

    /// ICU rules for the typography layer.
    static let typographyRules = """
        [\\u2018\\u2019\\u201A\\u201B\\u2032\\u02BC\\u0060\\u00B4\\uFF07] > \\' ;
        [\\u201C\\u201D\\u201E\\u201F\\u2033\\u00AB\\u00BB\\uFF02\\u301D\\u301E] > \\" ;
        [\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\uFE58\\uFE63\\uFF0D] > \\- ;
        \\u2026 > '...' ;
        [:Zs:] > ' ' ;
        """

    private static let transliterators = Result { () throws(ICUError) in
        (
            typography: try Transliterator(identifier: "Parallax-Typography", rules: typographyRules),
            diacritics: try Transliterator(identifier: "NFD; [:Nonspacing Mark:] Remove; NFC"),
            script: try Transliterator(identifier: "Any-Latin; Latin-ASCII")
        )
    }

    /// The key of every token after every layer up to ``FoldLayer/orthography`` (spelling
    /// variants are not applied here: they depend on what else is in play; see
    /// ``SpellingVariants``). Indexed `[token][layer.rawValue]`.
    /// - Throws: ``EngineError`` when ICU fails.
    func layers(of tokens: [String]) throws(EngineError) -> [[String]] {
        do {
            return try icuLayers(of: tokens)
        } catch {
            throw EngineError(error)
        }
    }

    func icuLayers(of tokens: [String]) throws(ICUError) -> [[String]] {
        let unicode = try batch(tokens.map { Array($0.utf16) }, NFKCCasefold.apply)
        let tools = try Self.transliterators.get()
        let typography = try batch(unicode, tools.typography.apply)
        // The diacritics and script layers change nothing that is ASCII: only the rest goes
        // through them (ICU's transliterators are slow per call, and quotes and dashes, the
        // commonest non-ASCII tokens, are ASCII after the typography layer).
        let diacritics = try batchNonASCII(typography, tools.diacritics.apply)
        let script = transliterateScripts ? try batchNonASCII(diacritics, tools.script.apply) : diacritics
        return tokens.indices.map { i in
            let scriptKey = String(decoding: script[i], as: UTF16.self)
            return [
                tokens[i],
                String(decoding: unicode[i], as: UTF16.self),
                String(decoding: typography[i], as: UTF16.self),
                String(decoding: diacritics[i], as: UTF16.self),
                scriptKey,
                Orthography.fold(scriptKey),
            ]
        }
    }

    /// The key of each token through ``FoldLayer/orthography`` (without spelling variants).
    /// Distinct ASCII tokens take the fast path; the rest go to ICU in one batch.
    /// - Throws: ``EngineError`` when ICU fails.
    func foldKeys(of tokens: [String]) throws(EngineError) -> [String] {
        var keys = [String](repeating: "", count: tokens.count)
        var slow: [Int] = []
        for (i, token) in tokens.enumerated() {
            if let fast = Self.asciiFold(token) { keys[i] = Orthography.fold(fast) } else { slow.append(i) }
        }
        if !slow.isEmpty {
            let folded = try layers(of: slow.map { tokens[$0] })
            for (j, i) in slow.enumerated() { keys[i] = folded[j][FoldLayer.orthography.rawValue] }
        }
        return keys
    }

    /// Lowercase for tokens of ASCII letters, digits and the ASCII apostrophe, hyphen, period
    /// and comma; nil for anything else (which goes to ICU).
    static func asciiFold(_ token: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.utf8.count)
        for b in token.utf8 {
            switch b {
            case 0x41...0x5A: bytes.append(b + 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x27, 0x2D, 0x2E, 0x2C, 0x22: bytes.append(b)
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x5F, 0x7B...0x7E: bytes.append(b)
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Applies a whole-buffer ICU function to many short texts at once, joined by line feeds.
    /// `batch` over the items that hold a unit outside ASCII; the others stay as they are.
    private func batchNonASCII(_ items: [[UInt16]], _ transform: ([UInt16]) throws(ICUError) -> [UInt16]) throws(ICUError) -> [[UInt16]] {
        let indices = items.indices.filter { items[$0].contains { $0 >= 0x80 } }
        if indices.isEmpty { return items }
        let done = try batch(indices.map { items[$0] }, transform)
        var result = items
        for (k, i) in indices.enumerated() { result[i] = done[k] }
        return result
    }

    private func batch(_ items: [[UInt16]], _ transform: ([UInt16]) throws(ICUError) -> [UInt16]) throws(ICUError) -> [[UInt16]] {
        var joined: [UInt16] = []
        joined.reserveCapacity(items.reduce(0) { $0 + $1.count + 1 })
        for (i, item) in items.enumerated() {
            if i > 0 { joined.append(0x0A) }
            joined.append(contentsOf: item.map { $0 == 0x0A ? 0x20 : $0 })
        }
        let output = try transform(joined)
        var result = output.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard result.count == items.count else {
            // A transform merged or added separators: fall back to one call per item.
            result = []
            for item in items { result.append(try transform(item)) }
            return result
        }
        return result
    }
}

/// The orthography layer's token-level rules: compounds and possessives.
enum Orthography {
    /// Drops joining hyphens ("china-russia" → "chinarussia") and the apostrophe of a
    /// possessive ("today's" → "todays", "others'" → "others"). Contractions keep theirs.
    static func fold(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == 0x2D || $0 == 0x27 }) else { return key }
        var scalars = Array(key.unicodeScalars)
        // Possessive 's (but not "it's", "he's", … which are contractions).
        if scalars.count >= 3, scalars[scalars.count - 2] == "'", scalars[scalars.count - 1] == "s" {
            let stem = String(String.UnicodeScalarView(scalars.dropLast(2)))
            if !contractionStems.contains(stem) { scalars.remove(at: scalars.count - 2) }
        } else if scalars.count >= 3, scalars.last == "'", scalars[scalars.count - 2] == "s" {
            scalars.removeLast()
        }
        // Hyphens between letters or digits.
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar == "-", i > 0, i + 1 < scalars.count,
                isAlphanumeric(scalars[i - 1]), isAlphanumeric(scalars[i + 1])
            {
                continue
            }
            out.append(scalar)
        }
        return String(out)
    }

    static let contractionStems: Set<String> = ["it", "he", "she", "that", "what", "there", "here", "who", "let", "where", "how", "when"]

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
