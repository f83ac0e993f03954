import Foundation
import ParallaxKit
import SystemPackage

/// One decision of `parallax review`, as a line of the review log: a JSON object per line,
/// appended beside the baseline. The log keeps what the baseline cannot: rejections and their
/// notes. A finding whose latest entry is a rejection counts as reviewed when review reopens.
public struct ReviewLogEntry: Sendable, Hashable, Codable {
    public enum Decision: String, Sendable, Hashable, Codable {
        /// Left failing, with a note saying why when there is one.
        case rejected
        /// Accepted into the baseline (logged when it undoes an earlier rejection, or is new).
        case accepted
        /// Not a decision: the finding the person was on when they saved and quit, where the
        /// next review of the pair resumes.
        case stopped
    }

    public var pair: String
    /// The finding's fingerprint (``Finding/id``).
    public var id: String
    public var decision: Decision
    public var category: FindingCategory
    public var note: String?
    /// The finding's words on each side, for the person reading the log.
    public var a: String?
    public var b: String?
    /// When it was decided (ISO 8601, UTC); set by the caller.
    public var time: String?

    public init(
        pair: String, id: String, decision: Decision, category: FindingCategory, note: String? = nil, a: String? = nil, b: String? = nil,
        time: String? = nil
    ) {
        self.pair = pair
        self.id = id
        self.decision = decision
        self.category = category
        self.note = note
        self.a = a
        self.b = b
        self.time = time
    }
}

/// Reading and writing the review log (JSON lines).
public enum ReviewLog {
    /// The log that goes with a baseline file: `<baseline>.review.log`.
    public static func path(forBaseline baseline: String) -> String {
        baseline + ".review.log"
    }

    /// Reads a log; a missing file is an empty log. A line that is not an entry is an error
    /// naming the file and the line.
    public static func load(path: String) throws(InputError) -> [ReviewLogEntry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, problem: "cannot be read")
        }
        return try parse(data, path: path)
    }

    /// The entries of a log's bytes.
    public static func parse(_ data: Data, path: String) throws(InputError) -> [ReviewLogEntry] {
        var entries: [ReviewLogEntry] = []
        let decoder = JSONDecoder()
        for (n, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do {
                entries.append(try decoder.decode(ReviewLogEntry.self, from: Data(line)))
            } catch {
                throw InputError(path: path, problem: "line \(n + 1) is not a review log entry (\(Baseline.describe(error)))")
            }
        }
        return entries
    }

    /// One entry as a line of the log: compact JSON with sorted keys and a final line feed.
    public static func line(_ entry: ReviewLogEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n"
    }

    /// Appends `entries` to the log at `path` in one write (`O_APPEND`, so that two runs never
    /// interleave within a line), creating it (mode 0644 less the umask) when missing.
    public static func append(_ entries: [ReviewLogEntry], to path: String) throws {
        let bytes = Array(try entries.map(line).joined().utf8)
        guard !bytes.isEmpty else { return }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.append, .create, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw InputError(path: path, problem: "cannot be opened for appending (\(InputError.reason(error)))")
        }
        do {
            try descriptor.closeAfter { _ = try descriptor.writeAll(bytes) }
        } catch {
            throw InputError(path: path, problem: "cannot be written (\(InputError.reason(error)))")
        }
    }

    /// The finding of `pair` the last review stopped on (its fingerprint), if one was logged.
    public static func stoppedAt(in entries: [ReviewLogEntry], pair: String) -> String? {
        entries.last { $0.pair == pair && $0.decision == .stopped }?.id
    }

    /// The findings of `pair` whose latest entry is a rejection, with its note.
    public static func rejections(in entries: [ReviewLogEntry], pair: String) -> [String: String?] {
        var latest: [String: ReviewLogEntry] = [:]
        for entry in entries where entry.pair == pair && entry.decision != .stopped { latest[entry.id] = entry }
        var out: [String: String?] = [:]
        for (id, entry) in latest where entry.decision == .rejected { out[id] = .some(entry.note) }
        return out
    }
}
