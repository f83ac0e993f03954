/// Escaping for XML 1.0 output (the JUnit report).
///
/// `&`, `<`, `>` and, in attributes, `"` and `'` become entities. Characters that XML 1.0 does not
/// allow at all (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF), and those that can drive
/// or deceive a terminal showing a CI log (DEL, C1, bidirectional controls, see
/// ``TerminalText``), are shown visibly as `\u{…}`, never written raw. In attributes, tab, LF and
/// CR are character references, so that attribute-value normalization keeps them; in text, CR is
/// a character reference (a parser would turn a raw CR into LF).
enum XMLText {
    static func text(_ string: String) -> String { escape(string, attribute: false) }

    static func attribute(_ string: String) -> String { escape(string, attribute: true) }

    private static func escape(_ string: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if Characters.isUnsafeForDisplay(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += TerminalText.visible(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A value for an `xs:token` attribute: white space (any, not only XML's four) collapsed to single
    /// spaces, trimmed.
    static func token(_ string: String) -> String {
        string.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
