/// The result of comparing accounts: the JSON report's contract (schemaVersion 1, see DESIGN.md),
/// and the one value every renderer works from.
public struct Report: Sendable, Codable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: Tool
    /// Every sentence of every input, boilerplate included.
    public var documents: [DocumentRecord]
    public var alignments: [Alignment]
    public var findings: [Finding]
    public var summary: Summary

    public struct Tool: Sendable, Codable, Hashable {
        public var name: String
        public var version: String
    }

    public init(documents: [DocumentRecord], alignments: [Alignment], findings: [Finding], summary: Summary) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = Tool(name: "parallax", version: parallaxVersion)
        self.documents = documents
        self.alignments = alignments
        self.findings = findings
        self.summary = summary
    }
}

extension Report {
    /// The report with the findings whose ids are in `ids` marked ``Finding/accepted`` (the
    /// others unmarked).
    public func markingAccepted(_ ids: Set<String>) -> Report {
        var copy = self
        for i in copy.findings.indices { copy.findings[i].accepted = ids.contains(copy.findings[i].id) }
        return copy
    }
}

/// Sentences of A and of B that answer to each other. One side empty: an omission or addition.
public struct Alignment: Sendable, Codable, Hashable {
    /// Sentence indices in A.
    public var a: [Int]
    /// Sentence indices in B.
    public var b: [Int]
    /// How similar the two sides are, 0 to 1 (weighted cosine over content terms).
    public var score: Double
    /// Share of A's content (by weight) that B carries.
    public var coverageA: Double
    /// Share of B's content that A carries.
    public var coverageB: Double
    /// The pair is out of the order that most of the accounts keep.
    public var moved: Bool
    /// The engine is unsure of this link: route it to a person rather than fail a gate on it.
    public var uncertain: Bool
    /// How far the wording drifts between the two sides, 0 (the same words after folding) to 1
    /// (no word in common); 0 for one-sided groups.
    public var drift: Double

    public init(a: [Int], b: [Int], score: Double, coverageA: Double, coverageB: Double, moved: Bool, uncertain: Bool, drift: Double = 0) {
        self.a = a
        self.b = b
        self.score = score
        self.coverageA = coverageA
        self.coverageB = coverageB
        self.moved = moved
        self.uncertain = uncertain
        self.drift = drift
    }
}

/// What kind of difference a finding is.
public enum FindingCategory: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case addition, omission, drift, terminology, number, entity, attribution, negation, moved, formatting

    public static func < (x: FindingCategory, y: FindingCategory) -> Bool { x.rank < y.rank }

    /// The category's place in ``allCases``: the order of categories in a report.
    var rank: Int { Self.ranks[self] ?? 0 }

    /// Each category's place, made once (`allCases` is a new array at each use).
    private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// Names of categories that earlier versions declared but never reported (page chrome and
    /// repeated paragraphs are marked on the documents' sentences instead). A configuration
    /// that sets them still loads; the setting has no effect.
    public static let retired: Set<String> = ["boilerplate", "duplicate"]
}

/// How much a finding matters; set per category by the configuration.
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case error, warning, info

    /// Errors rank highest.
    public static func < (x: Severity, y: Severity) -> Bool { x.rank < y.rank }

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// A place in one account: sentences, and the UTF-8 byte span of the words in question (for a
/// finding about whole sentences, the span of the first of them; for a note about the whole
/// document, no sentences and the span of the whole text). Because a sentence's `text` keeps the
/// input's bytes, the words are `text.utf8[start - sentence.start ..< end - sentence.start]`.
public struct Span: Sendable, Codable, Hashable {
    // The offsets as stored, in 32 bits: an input is at most `SourceText.maximumSize` bytes. A
    // larger offset given is clamped; a report holding one is refused when read.
    private var start32: Int32
    private var end32: Int32
    public var start: Int {
        get { Int(start32) }
        set { start32 = Int32(clamping: newValue) }
    }
    public var end: Int {
        get { Int(end32) }
        set { end32 = Int32(clamping: newValue) }
    }
    public var text: String
    /// ``sentences`` as stored (a run of sentences without an array of its own).
    var sentenceList: SentenceList

    public var sentences: [Int] {
        get { sentenceList.array }
        set { sentenceList = SentenceList(newValue) }
    }

    enum CodingKeys: String, CodingKey { case sentences, start, end, text }

    public init(sentences: [Int], start: Int, end: Int, text: String) {
        self.init(SentenceList(sentences), start: start, end: end, text: text)
    }

    /// A span in one sentence.
    init(sentence: Int, start: Int, end: Int, text: String) {
        self.init(SentenceList(sentence: sentence), start: start, end: end, text: text)
    }

    init(_ sentences: SentenceList, start: Int, end: Int, text: String) {
        self.sentenceList = sentences
        self.start32 = Int32(clamping: start)
        self.end32 = Int32(clamping: end)
        self.text = text
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sentences, forKey: .sentences)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sentenceList = SentenceList(try c.decode([Int].self, forKey: .sentences))
        start32 = try c.decode(Int32.self, forKey: .start)
        end32 = try c.decode(Int32.self, forKey: .end)
        text = try c.decode(String.self, forKey: .text)
    }
}

/// A difference between the accounts.
public struct Finding: Sendable, Codable, Hashable {
    /// ``id`` as stored (an id the engine made as its number).
    var storedID: FindingID
    /// A fingerprint of the category and the normalized text of both sides: stable while
    /// those sentences do not change, whatever changes elsewhere.
    public var id: String {
        get { storedID.string }
        set { storedID = FindingID(newValue) }
    }
    public var category: FindingCategory
    public var severity: Severity
    /// The baseline accepts this finding: it is shown, marked, and does not fail a gate. Written
    /// to JSON only when true. (Declared here, beside the other one-byte fields: a finding is
    /// 8 bytes smaller.)
    public var accepted: Bool = false
    /// ``message`` as stored.
    var storedMessage: FindingMessage
    /// One line for a person.
    public var message: String {
        get { storedMessage.text(a: a, b: b) }
        set { storedMessage = .text(newValue) }
    }
    // A message written from a span keeps its text when the span is replaced.
    public var a: Span? {
        didSet { if storedMessage.readsSpans { storedMessage = .text(storedMessage.text(a: oldValue, b: b)) } }
    }
    public var b: Span? {
        didSet { if storedMessage.readsSpans { storedMessage = .text(storedMessage.text(a: a, b: oldValue)) } }
    }
    /// How much the finding matters within its category, for ranking: what an addition or
    /// omission holds (numbers, names, quotations and attributed claims count more than length),
    /// or the size of a drift.
    public var weight: Double
    /// Why the link this finding sits on is uncertain (nil when it is not): such a finding goes to
    /// a person rather than failing a gate. Written to JSON only when set.
    public var uncertainReason: String? = nil

    public static func == (x: Finding, y: Finding) -> Bool {
        x.storedID == y.storedID && x.category == y.category && x.severity == y.severity && x.accepted == y.accepted
            && x.message == y.message && x.a == y.a && x.b == y.b && x.weight == y.weight && x.uncertainReason == y.uncertainReason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedID)
        hasher.combine(category)
        hasher.combine(severity)
        hasher.combine(accepted)
        hasher.combine(message)
        hasher.combine(a)
        hasher.combine(b)
        hasher.combine(weight)
        hasher.combine(uncertainReason)
    }

    enum CodingKeys: String, CodingKey { case id, category, severity, message, a, b, weight, accepted, uncertain }

    public init(id: String, category: FindingCategory, severity: Severity, message: String, a: Span?, b: Span?, weight: Double = 0) {
        self.init(id: FindingID(id), category: category, severity: severity, message: message, a: a, b: b, weight: weight)
    }

    init(id: FindingID, category: FindingCategory, severity: Severity, message: String, a: Span?, b: Span?, weight: Double = 0) {
        self.init(id: id, category: category, severity: severity, message: .text(message), a: a, b: b, weight: weight)
    }

    init(id: FindingID, category: FindingCategory, severity: Severity, message: FindingMessage, a: Span?, b: Span?, weight: Double = 0) {
        self.storedID = id
        self.storedMessage = message
        self.category = category
        self.severity = severity
        self.a = a
        self.b = b
        self.weight = weight
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(category, forKey: .category)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
        try c.encode(a, forKey: .a)  // null when absent: the contract always has both keys
        try c.encode(b, forKey: .b)
        try c.encode(weight, forKey: .weight)
        if accepted { try c.encode(true, forKey: .accepted) }
        try c.encodeIfPresent(uncertainReason, forKey: .uncertain)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        storedID = FindingID(try c.decode(String.self, forKey: .id))
        category = try c.decode(FindingCategory.self, forKey: .category)
        severity = try c.decode(Severity.self, forKey: .severity)
        storedMessage = .text(try c.decode(String.self, forKey: .message))
        a = try c.decodeIfPresent(Span.self, forKey: .a)
        b = try c.decodeIfPresent(Span.self, forKey: .b)
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 0
        accepted = try c.decodeIfPresent(Bool.self, forKey: .accepted) ?? false
        uncertainReason = try c.decodeIfPresent(String.self, forKey: .uncertain)
    }
}

/// The report's headline figures.
public struct Summary: Sendable, Codable, Hashable {
    /// Share of A's content that B covers.
    public var coverageA: Double
    /// Share of B's content that A covers.
    public var coverageB: Double
    /// True when the accounts are judged to describe one event (``EventEvidence/verdict`` is
    /// ``EventVerdict/same``).
    public var sameEvent: Bool
    /// Findings per category (categories with none are left out).
    public var counts: [String: Int]
    /// Why the accounts are judged to describe one event, or not (absent in reports written
    /// before it was added).
    public var event: EventEvidence?
    /// The limits on the work of a stage that these inputs reached, and what was done instead
    /// (absent when none was reached, so in every ordinary report).
    public var limits: [LimitNote]?

    public init(
        coverageA: Double, coverageB: Double, sameEvent: Bool, counts: [String: Int], event: EventEvidence? = nil,
        limits: [LimitNote]? = nil
    ) {
        self.coverageA = coverageA
        self.coverageB = coverageB
        self.sameEvent = sameEvent
        self.counts = counts
        self.event = event
        self.limits = limits
    }

    /// The verdict: from ``event``, or from ``sameEvent`` for a report without it.
    public var verdict: EventVerdict { event?.verdict ?? (sameEvent ? .same : .different) }
}

/// A limit on the work of a stage (named constants in the code, see the README's "Limits"),
/// reached by an input: the report says so, because what was compared is then not quite what
/// the input says (a sentence of 100,000 words is compared in pieces).
public struct LimitNote: Sendable, Codable, Hashable {
    /// The limit's name: `sentenceTokens` (``LongSentences/maxTokens``).
    public var limit: String
    /// The document it was applied to: "A", "B", …
    public var document: String
    /// The limit's value (for `sentenceTokens`, tokens).
    public var value: Int
    /// How many times it was applied (for `sentenceTokens`, sentences cut into pieces).
    public var count: Int
    /// The same, for a person.
    public var message: String

    public init(limit: String, document: String, value: Int, count: Int, message: String) {
        self.limit = limit
        self.document = document
        self.value = value
        self.count = count
        self.message = message
    }

    /// The note for a document whose over-long sentences were cut, or nil when none was.
    static func sentenceTokens(_ document: Document) -> LimitNote? {
        let n = document.splitSentences
        guard n > 0 else { return nil }
        let limit = LongSentences.maxTokens
        return LimitNote(
            limit: "sentenceTokens", document: document.id, value: limit, count: n,
            message: "\(document.id): \(n) sentence\(n == 1 ? "" : "s") longer than \(limit) tokens \(n == 1 ? "was" : "were") "
                + "cut into pieces of at most \(limit) tokens (at clause punctuation where there is some) for alignment and comparison")
    }
}

/// Whether two accounts describe one event.
public enum EventVerdict: String, Sendable, Codable, Hashable {
    case same = "true"
    case different = "false"
    case unsure
}

/// The evidence for an ``EventVerdict``: what is specific to the event (rare names and words,
/// numbers, the date each account is told under) and what the accounts share of it.
public struct EventEvidence: Sendable, Codable, Hashable {
    public var verdict: EventVerdict
    /// The weight of the anchors both accounts share, as a share of the smaller account's (0 to 1).
    public var score: Double
    /// Anchors both accounts have, heaviest first ("dated 2021-06-28", "Maathai", "Nairobi").
    public var agreeing: [String]
    /// Anchors that contradict each other ("A is dated 2021-06-28, B 2025-05-08").
    public var conflicting: [String]

    public init(verdict: EventVerdict, score: Double, agreeing: [String], conflicting: [String]) {
        self.verdict = verdict
        self.score = score
        self.agreeing = agreeing
        self.conflicting = conflicting
    }
}
