/// A document as the JSON report's `documents[]` entry.
public struct DocumentRecord: Sendable, Codable, Hashable {
    public var id: String
    public var path: String
    public var encoding: String
    public var sha256: String
    public var sentences: [Sentence]

    public init(_ document: Document) {
        self.id = document.id
        self.path = document.source.path
        self.encoding = document.source.encoding
        self.sha256 = document.source.sha256
        self.sentences = document.sentences
    }
}
