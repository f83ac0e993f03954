import Foundation

/// One line of a batch manifest (JSON Lines): a pair of accounts to compare.
///
/// `{"id": "p1", "a": "wire/1.txt", "b": "rewrites/1.txt"}` names files, relative to the
/// manifest's folder; `{"id": "p2", "aText": "…", "bText": "…"}` carries the texts inline (what a
/// manifest needs on machines that do not share its folder). `language` and `config` are
/// optional: an ICU locale, and a configuration file relative to the manifest's folder.
/// Other keys are ignored.
public struct BatchRecord: Sendable, Equatable {
    /// Where an account comes from.
    public enum Source: Sendable, Equatable {
        /// A file, the path as the manifest writes it.
        case file(String)
        /// The text itself.
        case text(String)
    }

    public var id: String
    public var a: Source
    public var b: Source
    public var language: String?
    public var config: String?

    public init(id: String, a: Source, b: Source, language: String? = nil, config: String? = nil) {
        self.id = id
        self.a = a
        self.b = b
        self.language = language
        self.config = config
    }

    /// Reads one manifest line.
    /// - Throws: ``BatchRecordError`` naming the problem, with the record's id when it has one.
    public static func parse(_ line: some Collection<UInt8>) throws(BatchRecordError) -> BatchRecord {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(line), options: []) as? [String: Any] else {
                throw BatchRecordError(id: nil, problem: "is not a JSON object")
            }
            object = parsed
        } catch let error as BatchRecordError {
            throw error
        } catch {
            throw BatchRecordError(id: nil, problem: "is not valid JSON")
        }
        guard let idValue = object["id"] else { throw BatchRecordError(id: nil, problem: "has no id") }
        guard let id = idValue as? String, !id.isEmpty else {
            throw BatchRecordError(id: nil, problem: "id must be a non-empty string")
        }
        func string(_ key: String) throws(BatchRecordError) -> String? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard let text = value as? String else { throw BatchRecordError(id: id, problem: "\(key) must be a string") }
            return text
        }
        func source(_ side: String) throws(BatchRecordError) -> Source {
            switch (try string(side), try string(side + "Text")) {
            case (let path?, nil): return .file(path)
            case (nil, let text?): return .text(text)
            case (.some, .some): throw BatchRecordError(id: id, problem: "gives both \(side) and \(side)Text; give one")
            case (nil, nil): throw BatchRecordError(id: id, problem: "has neither \(side) (a file) nor \(side)Text (the text)")
            }
        }
        return BatchRecord(id: id, a: try source("a"), b: try source("b"), language: try string("language"), config: try string("config"))
    }
}

/// A manifest line that cannot be run: the problem, and the record's id when it has one.
public struct BatchRecordError: Error, Sendable, Equatable {
    public var id: String?
    public var problem: String

    public init(id: String?, problem: String) {
        self.id = id
        self.problem = problem
    }
}
