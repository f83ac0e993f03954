import Testing

@testable import ParallaxKit

/// The English word lists are looked up in place (``LineTable``), not copied into a set and a
/// dictionary of strings: every listed word must still be found, with its frequency, and no
/// other.
@Suite("English word lists")
struct EnglishWordsTests {
    @Test("Every word of both lists is found, with its Zipf frequency; others are not")
    func lists() {
        var listed = Set<String>()
        for line in EnglishWords.frequencyList.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let word = String(parts[0])
            listed.insert(word)
            #expect(EnglishWords.zipf(word) == Double(Int(parts[1]) ?? -1) / 100, "\(word)")
        }
        #expect(EnglishWords.zipfTable.count == listed.count && listed.count == 50_000)
        var common = 0
        for word in EnglishWords.lowercaseList.split(separator: "\n") {
            common += 1
            #expect(EnglishWords.contains(String(word)), "\(word)")
        }
        #expect(EnglishWords.lowercase.count == common)
        #expect(EnglishWords.zipf("the") == 7.73 && EnglishWords.contains("aardvark"))
        for other in ["", "qxzv", "The", "the ", " the", "aardvarkz", "773", "the 773", "éclair"] {
            #expect(EnglishWords.zipf(other) == 0 && !EnglishWords.contains(other), "\(other)")
        }
    }

    @Test("A table of a small text: values, words without one, empty lines, a last line without a line feed")
    func smallTable() {
        let table = LineTable("alpha 12\nbeta 7\n\ngamma\ndelta 65535\nepsilon 3", valued: true)
        #expect(table.count == 5)
        #expect(table.find("alpha") == 12 && table.find("beta") == 7 && table.find("gamma") == 0)
        #expect(table.find("delta") == 65535 && table.find("epsilon") == 3)
        #expect(table.find("alph") == nil && table.find("alpha 12") == nil && table.find("") == nil)
        let words = LineTable("one\ntwo\nthree")
        #expect(words.find("two") == 0 && words.find("three") == 0 && words.find("four") == nil)
        // The first of two equal words keeps its number; a number from 2^16 leaves its line out.
        let repeated = LineTable("x 5\nx 9\ny 70000\nz\nw 1", valued: true)
        #expect(repeated.count == 4)
        #expect(repeated.find("x") == 5 && repeated.find("y") == nil && repeated.find("z") == 0 && repeated.find("w") == 1)
        let lines = LineTable("two words\nnew york")
        #expect(lines.find("new york") == 0 && lines.find("new") == nil && lines.find("two words") == 0)
    }
}
