/// Makes untrusted text safe to print on a terminal: control characters (C0, DEL, C1), and the
/// bidirectional controls that can reorder what a reader sees, are shown as `\u{…}` escapes, so
/// that an ANSI escape sequence in an input can never move the cursor or change colours.
public enum TerminalText {
    public static func escape(_ text: String) -> String {
        var needs = false
        for scalar in text.unicodeScalars where Characters.isUnsafeForDisplay(scalar) {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if Characters.isUnsafeForDisplay(scalar) {
                out += visible(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A character shown as its escape, `\\u{1B}`: what every output format writes in place of a
    /// character it must not write raw.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

}
