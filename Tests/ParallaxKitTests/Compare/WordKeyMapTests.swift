import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The fact parsers' word tables: open addressing over ``WordKey``s, answering as a
/// `Dictionary` of the same entries does.
@Suite("Word key tables")
struct WordKeyMapTests {
    @Test("Lookups answer as a Dictionary does, for keys in the table and keys not in it")
    func asDictionary() {
        var random = SplitMix64(seed: 42)
        for size in [0, 1, 2, 7, 8, 9, 100, 1_000] {
            var dictionary: [UInt64: Int] = [:]
            // Words, scalars and keys that differ only in their high bits (one slot's neighbours).
            while dictionary.count < size {
                let key: UInt64
                switch random.int(below: 3) {
                case 0:
                    let letters = (0..<random.int(in: 1...14)).map { _ in Character(UnicodeScalar(UInt8(0x61 + random.int(below: 26)))) }
                    key = WordKey.of(String(letters))
                case 1: key = UInt64(random.int(below: 0x3_0000))
                default: key = UInt64(random.int(below: 16)) << 60 | 1
                }
                dictionary[key] = random.int(below: 1_000)
            }
            let map = WordKeyMap(dictionary)
            #expect(map.count == dictionary.count - (dictionary[0] == nil ? 0 : 1))
            #expect(Set(map.keys) == Set(dictionary.keys).subtracting([0]))
            for (key, value) in dictionary where key != 0 { #expect(map[key] == value) }
            for _ in 0..<2_000 {
                let probe = random.next() >> UInt64(random.int(below: 64))
                if probe != 0 { #expect(map[probe] == dictionary[probe]) }
            }
            #expect(map[0] == nil)
        }
    }

    @Test("A word key set holds its words and nothing else; the lexicon's tables answer as before")
    func setsAndLexicon() {
        let set: WordKeySet = [WordKey.of("night"), WordKey.of("overnight"), WordKey.of("night")]
        #expect(set.contains(WordKey.of("Night")) && set.contains(WordKey.of("overnight")))
        #expect(!set.contains(WordKey.of("nights")) && !set.contains(0))
        #expect(Array(set).count == 2)
        #expect(FactLexicon.months[WordKey.of("september")] == 9 && FactLexicon.months[WordKey.of("septembre")] == nil)
        #expect(FactLexicon.weekdays[WordKey.of("Monday")] == 0)
        #expect(FactLexicon.numberWords[WordKey.of("twelve")]?.value == 12)
        #expect(FactLexicon.triggers[WordKey.of("twelve")] == .quantities)
        #expect(FactLexicon.triggers[WordKey.of("may")]?.contains(.dates) == true)
        #expect(FactLexicon.triggers[WordKey.of("table")] == nil)
        #expect(FactLexicon.fractions[0xBD] == 0.5)
    }
}
