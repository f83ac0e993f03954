/// A sentence of a document as the engine works with it (the report's record of it is
/// ``SentenceRecord``).
public struct Sentence: Sendable, Hashable {
    /// Position in the document, from 0.
    public var index: Int {
        get { Int(stored.index) }
        set { stored.index = Self.narrow(newValue) }
    }
    /// The sentence's text: its bytes with line breaks and tabs as spaces, so that byte `k` of
    /// the text is byte `start + k` of the input. A document's sentences keep no copy of their
    /// own (``SentenceText``): the text is made from the document's bytes when asked for.
    public var text: String {
        get { textStorage.string }
        set { textStorage = SentenceText(newValue) }
    }
    /// Where ``text`` comes from.
    var textStorage: SentenceText
    /// UTF-8 byte offset of the first byte in the decoded input.
    public var start: Int {
        get { Int(stored.start) }
        set { stored.start = Self.narrow(newValue) }
    }
    /// UTF-8 byte offset just past the last byte.
    public var end: Int {
        get { Int(stored.end) }
        set { stored.end = Self.narrow(newValue) }
    }
    /// 1-based line of `start`.
    public var line: Int {
        get { Int(stored.line) }
        set { stored.line = Self.narrow(newValue) }
    }
    /// 1-based column of `start`, in Unicode scalars.
    public var column: Int {
        get { Int(stored.column) }
        set { stored.column = Self.narrow(newValue) }
    }
    /// Page chrome (kept in the report, left out of alignment).
    public var boilerplate: Bool
    /// The earlier sentence this one repeats, when its paragraph repeats an earlier one.
    public var duplicateOf: Int? {
        get { stored.duplicateOf < 0 ? nil : Int(stored.duplicateOf) }
        set { stored.duplicateOf = newValue.map(Self.narrow) ?? -1 }
    }

    /// Why the sentence is boilerplate.
    public var boilerplateReason: String?
    /// Which cleaned block (paragraph or standalone line) the sentence is in.
    public var block: Int {
        get { Int(stored.block) }
        set { stored.block = Self.narrow(newValue) }
    }
    /// The sentence's tokens: indices into ``Document/tokens``.
    public var tokenRange: Range<Int> {
        get { Int(stored.firstToken)..<Int(stored.endToken) }
        set { (stored.firstToken, stored.endToken) = (Self.narrow(newValue.lowerBound), Self.narrow(newValue.upperBound)) }
    }

    /// The numbers, in 32 bits each: a document has a record per sentence, and every offset,
    /// line and index of an input (at most ``SourceText/maximumSize`` bytes) fits.
    private var stored: Numbers

    private struct Numbers: Sendable, Hashable {
        var index: Int32
        var start: Int32
        var end: Int32
        var line: Int32
        var column: Int32
        /// -1 for none.
        var duplicateOf: Int32
        var block: Int32
        var firstToken: Int32
        var endToken: Int32
    }

    private static func narrow(_ value: Int) -> Int32 {
        guard let narrow = Int32(exactly: value) else { preconditionFailure("a sentence's offsets and indices must fit in 32 bits") }
        return narrow
    }

    init(
        index: Int, text: SentenceText, start: Int, end: Int, line: Int, column: Int, boilerplate: Bool, duplicateOf: Int?,
        boilerplateReason: String?, block: Int, tokenRange: Range<Int>
    ) {
        self.textStorage = text
        self.boilerplate = boilerplate
        self.boilerplateReason = boilerplateReason
        self.stored = Numbers(
            index: Self.narrow(index), start: Self.narrow(start), end: Self.narrow(end), line: Self.narrow(line),
            column: Self.narrow(column), duplicateOf: duplicateOf.map(Self.narrow) ?? -1, block: Self.narrow(block),
            firstToken: Self.narrow(tokenRange.lowerBound), endToken: Self.narrow(tokenRange.upperBound))
    }

    /// Whether the sentence takes part in alignment.
    public var isContent: Bool { !boilerplate && stored.duplicateOf < 0 }
}

/// The text of a sentence (``Sentence/text``, ``SentenceRecord/text``): a string of its own, or
/// a range of its document's bytes, which all the document's sentences share (one copy of the
/// input rather than two), made into the display text when asked for. Two are equal when their
/// texts are.
struct SentenceText: Sendable, Hashable {
    private enum Storage: Sendable {
        case string(String)
        case bytes([UInt8], start: UInt32, end: UInt32)
    }

    private let storage: Storage

    init(_ string: String) { storage = .string(string) }

    /// Bytes `range` of `utf8`, a document's whole text.
    init(_ utf8: [UInt8], _ range: Range<Int>) {
        if let start = UInt32(exactly: range.lowerBound), let end = UInt32(exactly: range.upperBound) {
            storage = .bytes(utf8, start: start, end: end)
        } else {
            storage = .string(Self.display(utf8[range]))
        }
    }

    var string: String {
        switch storage {
        case .string(let string): string
        case .bytes(let utf8, let start, let end): Self.display(utf8[Int(start)..<Int(end)])
        }
    }

    static func == (x: SentenceText, y: SentenceText) -> Bool { x.string == y.string }

    func hash(into hasher: inout Hasher) { hasher.combine(string) }

    /// Bytes as a sentence's text: each line break, tab, form feed or vertical tab as a space,
    /// so that byte `k` of the text is byte `k` of `bytes`.
    static func display(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for k in 0..<bytes.count {
                    let byte = bytes[k]
                    out[k] = byte < 0x20 && Characters.isASCIISpace(byte) ? 0x20 : byte
                }
                return bytes.count
            }
        }
    }
}
