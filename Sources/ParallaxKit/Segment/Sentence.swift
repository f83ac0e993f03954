/// A sentence of a document, as in the JSON report's `documents[].sentences[]`.
public struct Sentence: Sendable, Hashable, Codable {
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

    /// Why the sentence is boilerplate (not part of the JSON contract).
    public var boilerplateReason: String?
    /// Which cleaned block (paragraph or standalone line) the sentence is in.
    public var block: Int
    /// The sentence's tokens: indices into ``Document/tokens``.
    public var tokenRange: Range<Int>

    enum CodingKeys: String, CodingKey {
        case index, text, start, end, line, column, boilerplate, duplicateOf
    }

    public init(index: Int, text: String, start: Int, end: Int, line: Int, column: Int, boilerplate: Bool,
                duplicateOf: Int?, boilerplateReason: String? = nil, block: Int = 0, tokenRange: Range<Int> = 0..<0) {
        self.index = index
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.boilerplate = boilerplate
        self.duplicateOf = duplicateOf
        self.boilerplateReason = boilerplateReason
        self.block = block
        self.tokenRange = tokenRange
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(index: try c.decode(Int.self, forKey: .index), text: try c.decode(String.self, forKey: .text),
                  start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end),
                  line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column),
                  boilerplate: try c.decode(Bool.self, forKey: .boilerplate),
                  duplicateOf: try c.decodeIfPresent(Int.self, forKey: .duplicateOf))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(boilerplate, forKey: .boilerplate)
        try c.encode(duplicateOf, forKey: .duplicateOf)  // null, not absent, as the contract shows
    }

    /// Whether the sentence takes part in alignment.
    public var isContent: Bool { !boilerplate && duplicateOf == nil }
}
