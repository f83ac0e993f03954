/// The layers of folding, in the order they are applied. Two tokens that are equal after a layer
/// stay equal after every later one; the first layer at which they meet says what kind of
/// difference separated them.
enum FoldLayer: Int, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The token as written.
    case exact
    /// Unicode compatibility forms and case (ICU's NFKC_Casefold): "ＣＰＣ" = "cpc", "STRASSE" = "straße".
    case unicode
    /// Quotes, apostrophes, dashes and spaces to their ASCII forms (an ICU rule transliterator).
    case typography
    /// Diacritics removed (ICU's `NFD; [:Nonspacing Mark:] Remove; NFC`).
    case diacritics
    /// Other scripts to Latin (ICU's `Any-Latin; Latin-ASCII`): "Путин" = "putin".
    case script
    /// Compounds ("China-Russia" = "ChinaRussia"), possessives ("Today's" = "Todays"), and
    /// British/American spellings when both forms are in play.
    case orthography
    /// Equivalence classes from the user's glossary.
    case glossary

    static func < (a: FoldLayer, b: FoldLayer) -> Bool { a.rawValue < b.rawValue }

    var description: String {
        switch self {
        case .exact: "exact"
        case .unicode: "unicode"
        case .typography: "typography"
        case .diacritics: "diacritics"
        case .script: "script"
        case .orthography: "orthography"
        case .glossary: "glossary"
        }
    }
}
