import ParallaxTestSupport
import Testing

@testable import ParallaxKit

@Suite("Byte-level text helpers")
struct ByteTextTests {
    /// The reference: the String way, scalar by scalar.
    static func collapsed(_ text: String, lowercaseASCII: Bool) -> String {
        var out = ""
        var pending = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pending = !out.isEmpty
                continue
            }
            if pending { out.append(" ") }
            pending = false
            if lowercaseASCII, scalar.isASCII, ("A"..."Z").contains(scalar) {
                out.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("White space in UTF-8 is exactly Unicode's White_Space, for every scalar")
    func whitespaceTable() {
        for value in UInt32(0)..<0x80 {
            #expect(Characters.isWhitespace(value) == Unicode.Scalar(value)!.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            let found = bytes.withUnsafeBufferPointer { Characters.isWhitespace($0, at: 0, length: bytes.count) }
            #expect(found == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(Characters.isWhitespace(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test("Collapsing spaces matches the scalar-by-scalar reference on random texts")
    func collapseRandom() {
        // Pieces chosen to hit the eight-byte path and every way out of it: runs of spaces,
        // tabs and line breaks, no-break and ideographic spaces, curly quotes, capitals.
        let pieces = [
            "a", "B", "cd", "EFGH", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{2009}", "’", "“", "é", "Ω", "!", "0",
            "wordsWORDS", "\u{0B}", "\u{1F600}",
        ]
        var rng = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<rng.int(below: 40) { text += pieces[rng.int(below: pieces.count)] }
            for lower in [false, true] {
                let got = String(decoding: ByteText.collapsingSpaces(ArraySlice(text.utf8), lowercaseASCII: lower), as: UTF8.self)
                #expect(got == Self.collapsed(text, lowercaseASCII: lower), "\(text.debugDescription) lowercase \(lower)")
            }
        }
    }

    @Test("Collapsing works on a slice that does not start at zero")
    func collapseSlice() {
        let bytes = Array("xx  Hello   WORLD, this is\ta  test of eight-byte words  yy".utf8)
        let slice = bytes[2..<(bytes.count - 2)]
        #expect(
            String(decoding: ByteText.collapsingSpaces(slice, lowercaseASCII: true), as: UTF8.self)
                == "hello world, this is a test of eight-byte words")
    }

    @Test("Words are cut where String's Character properties cut them")
    func words() {
        let texts = [
            "Hello, world: 2021-06-29!", "naïve café", "e\u{301}tude a\u{301}", "Путин и Си", "“quoted” words’ end", "x\u{200D}y 日本語",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let got = ByteText.wordRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
            let expected = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            #expect(got == expected, "\(text)")
        }
    }
}
