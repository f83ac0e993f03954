import Foundation

/// The one entry point that renders reports in any format: `compare`, `check` and `batch` call
/// it, so a format means the same bytes whichever command writes it.
public enum ReportOutput {
    /// The formats of one or more reports.
    public enum Format: String, Sendable, CaseIterable {
        case terminal, json, markdown, html, sarif, junit, github

        /// Whether the format holds several reports in one document (the CI formats); the
        /// others render one report.
        var holdsSeveralReports: Bool { self == .sarif || self == .junit || self == .github }
    }

    /// What a format needs besides the reports.
    public struct Context: Sendable {
        /// The inputs' texts, for exact lines and columns (CI formats).
        public var sources: [SourceText]
        /// The folder CI paths are relative to (see ``FilePaths/repositoryRoot(from:)``); nil
        /// for the documents' paths as given.
        public var root: String?
        /// The severity from which a JUnit test case fails.
        public var failLevel: Severity
        /// The environment, for `SOURCE_DATE_EPOCH` (JUnit's timestamp).
        public var environment: [String: String]
        /// The time to record when `SOURCE_DATE_EPOCH` is not set.
        public var now: Date
        /// The terminal report's width, colour, order and filters.
        public var terminal: TerminalRenderer.Options

        public init(
            sources: [SourceText] = [], root: String? = nil, failLevel: Severity = .error,
            environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date(),
            terminal: TerminalRenderer.Options = TerminalRenderer.Options()
        ) {
            self.sources = sources
            self.root = root
            self.failLevel = failLevel
            self.environment = environment
            self.now = now
            self.terminal = terminal
        }
    }

    /// A setting the output cannot be made with (a `SOURCE_DATE_EPOCH` that is not a number).
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Writes `reports` in `format`, the bytes ``render(_:as:context:)`` gives, to `sink`: the
    /// JSON report in pieces as it is made (its text is never whole in memory), the others at
    /// once.
    /// - Throws: ``Problem``, or the sink's first error.
    public static func write(
        _ reports: [Report], as format: Format, context: Context = Context(), to sink: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        if format == .json {
            guard let first = reports.first else { return }
            try JSONOutput.write(first, to: sink)
            return
        }
        var text = try render(reports, as: format, context: context)
        try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
    }

    /// `reports` in `format`. The single-report formats render the first report; the CI formats
    /// render them all.
    public static func render(_ reports: [Report], as format: Format, context: Context = Context()) throws -> String {
        guard let first = reports.first else { return "" }
        switch format {
        case .terminal: return TerminalRenderer.render(first, options: context.terminal)
        case .json: return try JSONOutput.encode(first)
        case .markdown: return MarkdownRenderer.render(first)
        case .html: return HTMLRenderer.render(first)
        case .sarif: return SARIFRenderer.render(reports, sources: context.sources, root: context.root)
        case .github: return GitHubRenderer.render(reports, sources: context.sources, root: context.root)
        case .junit:
            // Reproducible: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else now.
            guard let timestamp = JUnitRenderer.timestamp(environment: context.environment, now: context.now) else {
                throw Problem(description: "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01.")
            }
            return JUnitRenderer.render(reports, timestamp: timestamp, failLevel: context.failLevel, sources: context.sources)
        }
    }
}
