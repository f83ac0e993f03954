import Foundation

/// Findings a person has reviewed and accepted, by fingerprint, with the text they were
/// accepted for. An accepted finding stops failing `parallax check` until the sentences around
/// it change (their text is part of the fingerprint).
public struct Baseline: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable, Hashable {
        /// The finding's fingerprint (``Finding/id``).
        public var id: String
        /// Which pair of accounts it belongs to.
        public var pair: String
        public var category: FindingCategory
        /// The words of A and B it was accepted for, for the person reading the file.
        public var a: String?
        public var b: String?
        /// Why it was accepted, if someone said.
        public var note: String?
        /// The finding's message when it was accepted, for the person reading the file (absent
        /// in entries written before it was kept).
        public var message: String?
        /// The finding's severity when it was accepted (absent in older entries).
        public var severity: Severity?

        public init(
            id: String, pair: String, category: FindingCategory, a: String?, b: String?, note: String? = nil, message: String? = nil,
            severity: Severity? = nil
        ) {
            self.id = id
            self.pair = pair
            self.category = category
            self.a = a
            self.b = b
            self.note = note
            self.message = message
            self.severity = severity
        }

        public init(_ finding: Finding, pair: String, note: String? = nil) {
            self.init(
                id: finding.id, pair: pair, category: finding.category, a: finding.a?.text, b: finding.b?.text, note: note,
                message: finding.message, severity: finding.severity)
        }
    }

    /// A pin or unlink a person made in review, for one pair.
    public struct Pin: Sendable, Equatable, Codable, Hashable {
        public var pair: String
        public var pin: SentencePin
        /// The sentences' text when the pin was made, for the person reading the file.
        public var aText: String
        public var bText: String

        public init(pair: String, pin: SentencePin, aText: String, bText: String) {
            self.pair = pair
            self.pin = pin
            self.aText = aText
            self.bText = bText
        }
    }

    public var schemaVersion: Int
    public var accepted: [Entry]
    /// Corrections of the aligner, honoured by every compare, check and review of the pair.
    public var pins: [Pin]

    public init(accepted: [Entry] = [], pins: [Pin] = []) {
        self.schemaVersion = 1
        self.accepted = accepted
        self.pins = pins
    }

    enum CodingKeys: String, CodingKey { case schemaVersion, accepted, pins }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        accepted = try c.decode([Entry].self, forKey: .accepted)
        pins = try c.decodeIfPresent([Pin].self, forKey: .pins) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(accepted, forKey: .accepted)
        if !pins.isEmpty { try c.encode(pins, forKey: .pins) }
    }

    /// The aligner corrections for a pair.
    public func sentencePins(for pair: String) -> [SentencePin] {
        pins.filter { $0.pair == pair }.map(\.pin)
    }

    /// A copy with a pin added (replacing any earlier pin of the same two sentences).
    public func adding(_ pin: Pin) -> Baseline {
        var copy = self
        copy.pins.removeAll { $0.pair == pin.pair && $0.pin.a == pin.pin.a && $0.pin.b == pin.pin.b }
        copy.pins.append(pin)
        copy.pins.sort { ($0.pair, $0.pin.a, $0.pin.b) < ($1.pair, $1.pin.a, $1.pin.b) }
        return copy
    }

    /// The fingerprints accepted for a pair.
    public func ids(for pair: String) -> Set<String> {
        Set(accepted.filter { $0.pair == pair }.map(\.id))
    }

    /// Entries of `pair` whose finding no longer occurs: they can be pruned.
    public func stale(for pair: String, in report: Report) -> [Entry] {
        let current = Set(report.findings.map(\.id))
        return accepted.filter { $0.pair == pair && !current.contains($0.id) }
    }

    /// A copy with the pair's entries replaced by `entries`, sorted, one per fingerprint.
    public func replacing(pair: String, with entries: [Entry]) -> Baseline {
        var kept = accepted.filter { $0.pair != pair }
        var seen = Set<String>()
        for entry in entries where seen.insert(entry.id).inserted { kept.append(entry) }
        return Baseline(accepted: kept.sorted { ($0.pair, $0.id) < ($1.pair, $1.id) }, pins: pins)
    }

    /// Reads a baseline file; a missing file is an empty baseline.
    public static func load(path: String) throws(InputError) -> Baseline {
        guard FileManager.default.fileExists(atPath: path) else { return Baseline() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, problem: "cannot be read")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.schemaVersion == 1 else {
                throw InputError(
                    path: path, problem: "is a baseline of schema version \(baseline.schemaVersion); this Parallax reads version 1")
            }
            return baseline
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, problem: "is not a Parallax baseline (\(Self.describe(error)))")
        }
    }

    package static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing key \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }

    /// The file's text: sorted keys, stable order, a final newline.
    public func encoded() throws -> String {
        try JSONOutput.encode(self)
    }
}
