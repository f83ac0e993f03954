/// A document as the JSON report's `documents[]` entry.
public struct DocumentRecord: Sendable, Codable, Hashable {
    public var id: String
    public var path: String
    public var encoding: String
    public var sha256: String
    public var sentences: [SentenceRecord]

    public init(id: String, path: String, encoding: String, sha256: String, sentences: [SentenceRecord]) {
        self.id = id
        self.path = path
        self.encoding = encoding
        self.sha256 = sha256
        self.sentences = sentences
    }

    /// The record of an analysed document.
    public init(_ document: Document) {
        self.init(
            id: document.id, path: document.source.path, encoding: document.source.encoding, sha256: document.source.sha256,
            sentences: document.sentences.map(SentenceRecord.init))
    }
}

/// A sentence of a document, as in the JSON report's `documents[].sentences[]`: what a reader of
/// the report needs, and nothing of the engine's working state, so that a report read back from
/// its JSON equals the report written.
public struct SentenceRecord: Sendable, Codable, Hashable {
    /// Position in the document, from 0.
    public var index: Int
    /// The sentence's text: its bytes with line breaks and tabs as spaces, so that byte `k` of
    /// the text is byte `start + k` of the input.
    public var text: String {
        get { textStorage.string }
        set { textStorage = SentenceText(newValue) }
    }
    /// Where ``text`` comes from: a record of an engine sentence shares its document's bytes.
    private var textStorage: SentenceText
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
    /// Which paragraph (or standalone line) of the cleaned text the sentence is in, from 0
    /// (absent in reports written before it was added: read as 0).
    public var paragraph: Int

    public init(
        index: Int, text: String, start: Int, end: Int, line: Int, column: Int, boilerplate: Bool, duplicateOf: Int?, paragraph: Int = 0
    ) {
        self.index = index
        self.textStorage = SentenceText(text)
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.boilerplate = boilerplate
        self.duplicateOf = duplicateOf
        self.paragraph = paragraph
    }

    /// The record of an engine sentence.
    public init(_ sentence: Sentence) {
        self.init(
            index: sentence.index, text: "", start: sentence.start, end: sentence.end, line: sentence.line,
            column: sentence.column, boilerplate: sentence.boilerplate, duplicateOf: sentence.duplicateOf, paragraph: sentence.block)
        self.textStorage = sentence.textStorage
    }

    enum CodingKeys: String, CodingKey { case index, text, start, end, line, column, boilerplate, duplicateOf, paragraph }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            index: try c.decode(Int.self, forKey: .index), text: try c.decode(String.self, forKey: .text),
            start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end),
            line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column),
            boilerplate: try c.decode(Bool.self, forKey: .boilerplate),
            duplicateOf: try c.decodeIfPresent(Int.self, forKey: .duplicateOf),
            paragraph: try c.decodeIfPresent(Int.self, forKey: .paragraph) ?? 0)
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
        try c.encode(paragraph, forKey: .paragraph)
    }

    /// Whether the sentence took part in alignment.
    public var isContent: Bool { !boilerplate && duplicateOf == nil }
}
