/// How documents are read into sentences and tokens.
public struct AnalysisOptions: Sendable {
    /// The language of the texts (an ICU locale such as `en`): sentence and word rules.
    public var language: String
    /// Page chrome rules for the cleaner.
    public var chrome: ChromeRules
    /// Token folding.
    public var normalizer: Normalizer

    public init(language: String = "en", chrome: ChromeRules = ChromeRules(), normalizer: Normalizer = Normalizer()) {
        self.language = language
        self.chrome = chrome
        self.normalizer = normalizer
    }
}

/// One account, read, cleaned, segmented and normalized.
public struct Document: Sendable {
    /// The report's name for it: "A", "B", …
    public let id: String
    public let source: SourceText
    /// Every sentence, boilerplate and duplicates included, in order.
    public let sentences: [Sentence]
    /// Every token (no white space), in order.
    public let tokens: [Token]
    /// Fold keys (through the orthography layer, without spelling variants); tokens point here.
    public let vocabulary: [String]
    /// The cleaner's blocks (paragraphs and standalone lines).
    public let blocks: [Block]
    /// How many sentences were longer than ``LongSentences/maxTokens`` tokens and were cut into
    /// pieces (each piece is one of ``sentences``).
    public let splitSentences: Int

    /// Reads `source` through the pipeline: clean, segment, normalize.
    /// - Throws: ``EngineError`` when ICU fails.
    public init(source: SourceText, id: String = "A", options: AnalysisOptions = AnalysisOptions()) throws(EngineError) {
        self.id = id
        self.source = source
        let utf8 = source.utf8
        let clean = Cleaner(chrome: options.chrome).clean(utf8)
        let segmenter = Segmenter(language: options.language)
        var ranges: [Range<Int>]
        var tokens: [Token]
        do {
            (ranges, tokens) = try segmenter.segment(clean.text)
        } catch {
            throw EngineError(error)
        }
        // The segmenter's guess of the count leaves the array up to twice as long as it needs;
        // the tokens live as long as the document.
        tokens = tokens.withExcessCapacityReleased()

        // Fold keys: intern each distinct token text once (by its bytes), fold the distinct texts
        // in one batch.
        var interner = TokenInterner(utf8: utf8)
        var texts: [String] = []
        for i in tokens.indices {
            let range = tokens[i].range
            let (id, isNew) = interner.intern(range)
            if isNew { texts.append(String(decoding: utf8[range], as: UTF8.self)) }
            tokens[i].key = id
        }
        let folded = try options.normalizer.foldKeys(of: texts)
        var keyIDs: [String: Int32] = [:]
        var vocabulary: [String] = []
        let textToKey: [Int32] = folded.map { key in
            if let known = keyIDs[key] { return known }
            let id = Int32(vocabulary.count)
            keyIDs[key] = id
            vocabulary.append(key)
            return id
        }
        for i in tokens.indices { tokens[i].key = textToKey[Int(tokens[i].key)] }
        // Sentences too long to align or diff in proportion to their length are cut.
        (ranges, splitSentences) = LongSentences.split(ranges, tokens: tokens, vocabulary: vocabulary, text: utf8)

        // Sentences: locations, blocks, tokens, boilerplate and duplicates.
        let locations = LineIndex(utf8: utf8).locations(of: ranges.map(\.lowerBound))
        var sentences: [Sentence] = []
        sentences.reserveCapacity(ranges.count)
        var blockIndex = 0
        var tokenIndex = 0
        // Per block: its first sentence (-1 while it has none) and how many it has.
        var firstSentenceOfBlock = [Int](repeating: -1, count: max(clean.blocks.count, 1))
        var sentenceCountOfBlock = [Int](repeating: 0, count: max(clean.blocks.count, 1))
        for (i, range) in ranges.enumerated() {
            while blockIndex + 1 < clean.blocks.count, clean.blocks[blockIndex].range.upperBound <= range.lowerBound { blockIndex += 1 }
            while tokenIndex < tokens.count, Int(tokens[tokenIndex].start) < range.lowerBound { tokenIndex += 1 }
            let firstToken = tokenIndex
            while tokenIndex < tokens.count, Int(tokens[tokenIndex].end) <= range.upperBound { tokenIndex += 1 }
            let block = clean.blocks.isEmpty ? nil : clean.blocks[blockIndex]
            if firstSentenceOfBlock[blockIndex] < 0 { firstSentenceOfBlock[blockIndex] = i }
            sentenceCountOfBlock[blockIndex] += 1
            var reason = block?.boilerplate
            if reason == nil, Cleaner.isCreditLine(utf8[range]) { reason = "credit line" }
            var duplicateOf: Int? = nil
            if let original = block?.duplicateOf, firstSentenceOfBlock[original] >= 0 {
                let first = firstSentenceOfBlock[original]
                let offset = i - firstSentenceOfBlock[blockIndex]
                let originalCount = sentenceCountOfBlock[original]
                duplicateOf = first + min(offset, max(originalCount - 1, 0))
            }
            sentences.append(
                Sentence(
                    index: i, text: SentenceText(utf8, range), start: range.lowerBound, end: range.upperBound,
                    line: locations[i].line, column: locations[i].column, boilerplate: reason != nil,
                    duplicateOf: duplicateOf, boilerplateReason: reason, block: blockIndex, tokenRange: firstToken..<tokenIndex))
        }
        self.sentences = sentences
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.blocks = clean.blocks
    }

    /// Reads each file (``SourceText/read(path:)``) and makes its `Document`, the files on as
    /// many cores as there are; the documents come back in the order given.
    /// - Throws: the first file's error, in that order: ``InputError`` or ``EngineError``.
    public static func read(_ files: [(path: String, id: String)], options: AnalysisOptions = AnalysisOptions()) throws -> [Document] {
        try read(files.map { (InputLocation(path: $0.path), $0.id) }, options: options)
    }

    /// Reads each input (``SourceText/read(_:)``) and makes its `Document`, as
    /// ``read(_:options:)`` does for paths.
    public static func read(_ files: [(location: InputLocation, id: String)], options: AnalysisOptions = AnalysisOptions()) throws
        -> [Document]
    {
        let results = Concurrently.map(files.count) { range in
            range.map { i in
                Result { () throws -> Document in
                    try Document(source: SourceText.read(files[i].location), id: files[i].id, options: options)
                }
            }
        }
        return try results.map { try $0.get() }
    }

    /// The text of a sentence: its bytes, with each line break, tab, form feed or vertical tab
    /// as a space. Byte `k` of the text is byte `start + k` of the input, so a span inside the
    /// sentence can be cut from the text by its offsets.
    static func displayText(_ bytes: ArraySlice<UInt8>) -> String { SentenceText.display(bytes) }

    /// The text of a token as written.
    public func text(of token: Token) -> String {
        String(decoding: source.utf8[token.range], as: UTF8.self)
    }

    /// A sentence's words and numbers as fold keys, joined by spaces: what stays the same when
    /// only case, quotes, dashes or spacing change.
    public func normalizedText(ofSentence index: Int) -> String {
        var bytes: [UInt8] = []
        appendNormalizedText(ofSentence: index, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``normalizedText(ofSentence:)``'s bytes to `bytes`, without making the string.
    func appendNormalizedText(ofSentence index: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        for token in tokens[sentences[index].tokenRange] where token.kind != .punctuation {
            if bytes.count > start { bytes.append(0x20) }
            bytes.append(contentsOf: vocabulary[Int(token.key)].utf8)
        }
    }

    /// A short fingerprint of a sentence's normalized text: how pins name sentences, so that a pin
    /// holds while the sentence's words do and lets go when they change.
    public func fingerprint(ofSentence index: Int) -> String {
        String(SHA256.hex(Array(normalizedText(ofSentence: index).utf8)).prefix(16))
    }

    /// The fold key of a token.
    public func key(of token: Token) -> String { vocabulary[Int(token.key)] }
}

/// Gives each distinct token text (compared byte for byte) a number, in order of first
/// appearance, without making a `String` of every token.
struct TokenInterner {
    private let utf8: [UInt8]
    /// Texts over seven bytes: where each first appeared, its hash and its number.
    private var firsts: [(start: Int32, end: Int32, hash: Int, id: Int32)] = []
    /// Open addressing over `firsts`: an index into it, or -1.
    private var slots: [Int32]
    /// Texts of one to seven bytes, the most common, are their own key: the bytes and the length
    /// packed into a word (never 0). Open addressing; a key's number beside it.
    private var shortKeys: [UInt64]
    private var shortIDs: [Int32]
    private var shortCount = 0
    /// How many numbers have been handed out.
    private var count: Int32 = 0
    private let seed = UInt64.random(in: .min ... .max)

    init(utf8: [UInt8]) {
        self.utf8 = utf8
        self.slots = [Int32](repeating: -1, count: 1024)
        self.shortKeys = [UInt64](repeating: 0, count: 1024)
        self.shortIDs = [Int32](repeating: -1, count: 1024)
    }

    /// The number of `utf8[range]`, and whether it is new.
    mutating func intern(_ range: Range<Int>) -> (id: Int32, isNew: Bool) {
        if range.count <= 7, range.count > 0 {
            let key = utf8.withUnsafeBytes { Self.packed($0, range) }
            return internShort(key)
        }
        let (id, slot, hash) = utf8.withUnsafeBytes { bytes -> (Int32?, Int, Int) in
            let text = UnsafeRawBufferPointer(rebasing: bytes[range])
            let hash = Int(truncatingIfNeeded: ByteText.fastHash(text, seed: seed))
            let mask = slots.count - 1
            var slot = hash & mask
            while true {
                let index = slots[slot]
                if index < 0 { return (nil, slot, hash) }
                let first = firsts[Int(index)]
                if first.hash == hash, ByteText.equal(UnsafeRawBufferPointer(rebasing: bytes[Int(first.start)..<Int(first.end)]), text) {
                    return (first.id, slot, hash)
                }
                slot = (slot + 1) & mask
            }
        }
        if let id { return (id, false) }
        let newID = count
        count += 1
        slots[slot] = Int32(firsts.count)
        firsts.append((Int32(range.lowerBound), Int32(range.upperBound), hash, newID))
        if firsts.count * 2 > slots.count { grow() }
        return (newID, true)
    }

    /// The bytes of `range` (1 to 7 of them) in the low bytes of a word, the length in the top.
    @inline(__always)
    static func packed(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> UInt64 {
        var word: UInt64 = 0
        if range.lowerBound + 8 <= buffer.count {
            word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
            word &= (1 << UInt64(8 * range.count)) - 1
        } else {
            for k in 0..<range.count { word |= UInt64(buffer[range.lowerBound + k]) << UInt64(8 * k) }
        }
        return word | UInt64(range.count) << 56
    }

    private mutating func internShort(_ key: UInt64) -> (id: Int32, isNew: Bool) {
        let mask = shortKeys.count - 1
        var slot = Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let found = shortKeys[slot]
            if found == key { return (shortIDs[slot], false) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        let id = count
        count += 1
        shortKeys[slot] = key
        shortIDs[slot] = id
        shortCount += 1
        if shortCount * 2 > shortKeys.count { growShort() }
        return (id, true)
    }

    private mutating func growShort() {
        let oldKeys = shortKeys
        let oldIDs = shortIDs
        shortKeys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        shortIDs = [Int32](repeating: -1, count: oldKeys.count * 2)
        let mask = shortKeys.count - 1
        for (key, id) in zip(oldKeys, oldIDs) where key != 0 {
            var slot = Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while shortKeys[slot] != 0 { slot = (slot + 1) & mask }
            shortKeys[slot] = key
            shortIDs[slot] = id
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, first) in firsts.enumerated() {
            var slot = first.hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
