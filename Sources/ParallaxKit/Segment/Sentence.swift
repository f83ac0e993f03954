/// A sentence of a document as the engine works with it (the report's record of it is
/// ``SentenceRecord``).
public struct Sentence: Sendable, Hashable {
    /// Position in the document, from 0.
    public var index: Int
    /// The sentence's text: its bytes with line breaks and tabs as spaces, so that byte `k` of
    /// the text is byte `start + k` of the input.
    public var text: String
    /// UTF-8 byte offset of the first byte in the decoded input.
    public var start: Int
    /// UTF-8 byte offset just past the last byte.
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 1-based column of `start`, in Unicode scalars.
    public var column: Int
    /// Page chrome (kept in the report, left out of alignment).
    public var boilerplate: Bool
    /// The earlier sentence this one repeats, when its paragraph repeats an earlier one.
    public var duplicateOf: Int?

    /// Why the sentence is boilerplate.
    public var boilerplateReason: String?
    /// Which cleaned block (paragraph or standalone line) the sentence is in.
    public var block: Int
    /// The sentence's tokens: indices into ``Document/tokens``.
    public var tokenRange: Range<Int>

    /// Whether the sentence takes part in alignment.
    public var isContent: Bool { !boilerplate && duplicateOf == nil }
}
