import ParallaxTestSupport
import Testing

@testable import ParallaxKit

@Suite("Token interner")
struct TokenInternerTests {
    /// Random token texts of 1 to 20 bytes (short ones take the packed path, longer ones the
    /// hashed path), laid out back to back so that some end at the buffer's last byte; the
    /// numbers must be those a dictionary hands out in order of first appearance.
    @Test("Numbers in order of first appearance, short and long texts, up to the buffer's end")
    func matchesDictionary() {
        var rng = SplitMix64(seed: 11)
        let alphabet = Array("abAB19-’é".utf8)
        var vocabulary: [[UInt8]] = []
        for _ in 0..<300 {
            let length = 1 + rng.int(below: 20)
            vocabulary.append((0..<length).map { _ in alphabet[rng.int(below: alphabet.count)] })
        }
        // Prefixes of one another too: "ab", "abA", … must stay apart.
        vocabulary += (1...12).map { Array(vocabulary[0].prefix($0)) + Array(repeating: 0x61, count: max(0, $0 - vocabulary[0].count)) }
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for _ in 0..<5000 {
            let word = vocabulary[rng.int(below: vocabulary.count)]
            ranges.append(buffer.count..<(buffer.count + word.count))
            buffer += word
        }
        var interner = TokenInterner(utf8: buffer)
        var reference: [[UInt8]: Int32] = [:]
        for range in ranges {
            let text = Array(buffer[range])
            let expected = reference[text] ?? Int32(reference.count)
            let isNew = reference[text] == nil
            reference[text] = expected
            let (id, new) = interner.intern(range)
            #expect(id == expected && new == isNew, "\(String(decoding: text, as: UTF8.self))")
        }
    }
}

@Suite("Token")
struct TokenTests {
    @Test("Kind and key share a word and do not disturb each other")
    func packing() {
        for kind in [TokenKind.word, .number, .punctuation] {
            let keys: [Int32] = [0, 1, 1000, (1 << 30) - 1]
            for key in keys {
                var token = Token(start: 3, end: 9, kind: kind, key: key)
                #expect(token.kind == kind && token.key == key && token.range == 3..<9)
                token.key = 77
                #expect(token.kind == kind && token.key == 77)
                token.kind = TokenKind.number
                #expect(token.kind == TokenKind.number && token.key == 77)
            }
        }
        #expect(MemoryLayout<Token>.stride == 12)
    }
}
