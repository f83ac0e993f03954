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
///
/// Twelve bytes: the kind is kept in the top two bits of the key's word (a document has far
/// fewer than 2^30 distinct fold keys), so that the millions of tokens of a long document take
/// a quarter less memory than with a field of its own.
public struct Token: Sendable, Hashable {
    /// UTF-8 byte offset where the token starts.
    public var start: Int32
    /// UTF-8 byte offset just past the token.
    public var end: Int32
    /// The kind (top two bits) and the key (the rest).
    private var kindAndKey: UInt32

    private static let keyMask: UInt32 = (1 << 30) - 1

    public init(start: Int32, end: Int32, kind: TokenKind, key: Int32) {
        precondition(key >= 0 && UInt32(key) <= Self.keyMask, "a token's key must be in 0..<2^30")
        self.start = start
        self.end = end
        self.kindAndKey = UInt32(kind.rawValue) << 30 | UInt32(key)
    }

    public var kind: TokenKind {
        get { TokenKind(rawValue: UInt8(kindAndKey >> 30)) ?? .punctuation }
        set { kindAndKey = UInt32(newValue.rawValue) << 30 | (kindAndKey & Self.keyMask) }
    }

    /// Index of the token's fold key in the document's ``Document/vocabulary``.
    public var key: Int32 {
        get { Int32(bitPattern: kindAndKey & Self.keyMask) }
        set {
            precondition(newValue >= 0 && UInt32(newValue) <= Self.keyMask, "a token's key must be in 0..<2^30")
            kindAndKey = (kindAndKey & ~Self.keyMask) | UInt32(newValue)
        }
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}
