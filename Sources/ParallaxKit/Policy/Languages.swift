internal import CStemmer

/// The languages Parallax supports: those whose words it can stem (a Snowball stemmer of
/// Debian's libstemmer), named by ISO 639-1 code, optionally with a region ("en", "en-GB",
/// "pt_BR"). Sentence and word breaks come from ICU for each; stop words and the sentence rules
/// for abbreviations are English only.
public enum Languages {
    /// Snowball's stemmers by ISO 639-1 code.
    private static let snowball: [(code: String, name: String)] = [
        ("ar", "arabic"), ("ca", "catalan"), ("da", "danish"), ("de", "german"), ("el", "greek"),
        ("en", "english"), ("es", "spanish"), ("eu", "basque"), ("fi", "finnish"), ("fr", "french"),
        ("ga", "irish"), ("hi", "hindi"), ("hu", "hungarian"), ("hy", "armenian"), ("id", "indonesian"),
        ("it", "italian"), ("lt", "lithuanian"), ("ne", "nepali"), ("nl", "dutch"), ("no", "norwegian"),
        ("pt", "portuguese"), ("ro", "romanian"), ("ru", "russian"), ("sr", "serbian"), ("sv", "swedish"),
        ("ta", "tamil"), ("tr", "turkish"), ("yi", "yiddish"),
    ]

    /// The codes of the supported languages, sorted: those whose stemmer this libstemmer has.
    public static let supported: [String] = snowball.filter { entry in
        guard let stemmer = sb_stemmer_new(entry.name, "UTF_8") else { return false }
        sb_stemmer_delete(stemmer)
        return true
    }.map(\.code)

    /// Whether `language` (a code, optionally with a region after `-` or `_`) is supported.
    public static func isSupported(_ language: String) -> Bool {
        let parts = language.split(maxSplits: 1, omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" }
        guard let code = parts.first, supported.contains(String(code)) else { return false }
        return parts.count == 1 || parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && !parts[1].isEmpty
    }

    /// The problem with an unsupported language, for an error message.
    public static func problem(_ language: String) -> String {
        "unsupported language '\(language)' (supported: \(supported.joined(separator: ", ")); a region may follow, as in en-GB)"
    }
}
