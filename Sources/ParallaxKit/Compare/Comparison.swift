/// Options for a comparison.
public struct ComparisonOptions: Sendable {
    public var alignment: AlignmentOptions
    /// Severity of each finding category.
    public var severities: [FindingCategory: Severity]

    /// The categories whose severity the caller set (the configuration's `severity:`).
    public private(set) var configured: Set<FindingCategory>

    /// Each category's default severity, from its rule (``FindingCategory/info``).
    public static let defaultSeverities: [FindingCategory: Severity] = Dictionary(
        uniqueKeysWithValues: FindingCategory.allCases.map { ($0, $0.info.defaultSeverity) })

    public init(alignment: AlignmentOptions = AlignmentOptions(), severities: [FindingCategory: Severity] = [:]) {
        self.alignment = alignment
        self.severities = Self.defaultSeverities.merging(severities) { $1 }
        self.configured = Set(severities.keys)
    }

    func severity(_ category: FindingCategory) -> Severity { severities[category] ?? .warning }

    /// The severity of a finding of `category` whose default differs from the category's: a
    /// name replaced by another is an error (the category's default is a warning), a number one
    /// side leaves out a warning (the default is an error). The configuration's severity for the
    /// category, when it sets one, still decides.
    func severity(_ category: FindingCategory, unlessConfigured fallback: Severity) -> Severity {
        configured.contains(category) ? severity(category) : fallback
    }
}

/// The stages of a ``Comparison``, in order, for a progress display.
public enum ComparisonStage: Int, Sendable, CaseIterable {
    /// Folding words, weighing terms, linking sentences.
    case linking = 1
    /// Classifying the differences into findings.
    case reporting

    /// What the stage does, in a few words.
    public var description: String {
        switch self {
        case .linking: "linking sentences"
        case .reporting: "finding the differences"
        }
    }
}

/// Compares two accounts: aligns their sentences and reports what differs.
///
/// ```swift
/// let a = try Document(source: SourceText.read(path: "a.txt"), id: "A")
/// let b = try Document(source: SourceText.read(path: "b.txt"), id: "B")
/// let report = Comparison(a: a, b: b).report
/// ```
public struct Comparison: Sendable {
    public let a: Document
    public let b: Document
    public let options: ComparisonOptions
    /// The report: documents, alignments, findings, summary.
    public let report: Report

    /// Compares `a` and `b`; `progress`, when given, hears of each stage as it begins (the
    /// library prints nothing: the caller shows it as it sees fit).
    public init(a: Document, b: Document, options: ComparisonOptions = ComparisonOptions(), progress: ((ComparisonStage) -> Void)? = nil) {
        self.a = a
        self.b = b
        self.options = options
        progress?(.linking)
        let folder = WordFolder(documents: [a, b], glossary: options.alignment.glossary)
        let model = TermModel(
            a: a, b: b, folder: folder, language: options.alignment.language, fingerprints: !options.alignment.pins.isEmpty)
        let alignment = Aligner(model: model, options: options.alignment).result()
        progress?(.reporting)
        let builder = ReportBuilder(a: a, b: b, folder: folder, alignment: alignment, options: options)
        self.report = builder.build()
    }
}
