/// What a token is, from ICU's word break rule status.
public enum TokenKind: UInt8, Sendable, Codable, Hashable {
    /// Letters (any script), including hyphenated compounds such as "China-Russia".
    case word
    /// A number ("100", "2021", "3.5", "100th").
    case number
    /// Punctuation and symbols.
    case punctuation
}

/// A token of a document: a UTF-8 byte range, its kind, and its fold key.
public struct Token: Sendable, Hashable {
    /// UTF-8 byte offset where the token starts.
    public var start: Int32
    /// UTF-8 byte offset just past the token.
    public var end: Int32
    public var kind: TokenKind
    /// Index of the token's fold key in the document's ``Document/vocabulary``.
    public var key: Int32

    public var range: Range<Int> { Int(start)..<Int(end) }
}
