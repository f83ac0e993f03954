import ArgumentParser
import Foundation
import ParallaxKit

/// Options shared by the commands that compare two accounts.
struct ComparisonArguments: ParsableArguments {
    @Argument(help: "The first account, A ('-' for standard input).")
    var a: String

    @Argument(help: "The second account, B ('-' for standard input).")
    var b: String

    @Option(help: "Language of the accounts (an ICU locale such as en); overrides the configuration's.")
    var language: String?

    @Option(help: "Configuration file (default: parallax.yml next to A or in a folder above it).")
    var config: String?

    @Flag(help: "Use no configuration file, even if one is found.")
    var noConfig = false

    @Option(help: "Baseline file (accepted findings and pinned links; default: the configuration's).")
    var baseline: String?

    @Flag(help: "Leave headline-like lines (short, unpunctuated) out of the comparison, as page chrome.")
    var headingsAsBoilerplate = false

    @Option(help: "How sentences are linked: auto (from the order evidence), ordered (translations, light edits) or rewrite (retellings: best partners without the order's support, no moves); overrides the configuration's.")
    var alignment: String?

    func validate() throws {
        if a == "-" && b == "-" { throw ValidationError("Only one of A and B can be '-' (standard input).") }
        if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together.") }
        if let alignment, AlignmentMode(rawValue: alignment) == nil {
            throw ValidationError("--alignment must be one of \(AlignmentMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(alignment)'.")
        }
    }

    /// The configuration in force: the file given, the one found near the inputs, or none.
    func loadConfig() throws -> Config {
        var loaded = Config()
        if let config {
            loaded = try Config.load(path: config)
        } else if !noConfig, let found = Config.discover(near: [a, b]) {
            loaded = try Config.load(path: found)
        }
        if let language { loaded.language = language }
        if headingsAsBoilerplate { loaded.headingsAreBoilerplate = true }
        if let alignment, let mode = AlignmentMode(rawValue: alignment) { loaded.alignment = mode }
        return loaded
    }

    /// Reads and compares the two accounts under the configuration, honouring the pins of the
    /// baseline.
    func compare() throws -> Comparison {
        let config = try loadConfig()
        let pins = try config.baselinePath(baseline).map { try Baseline.load(path: $0) }?.sentencePins(for: config.pairName(a: a, b: b)) ?? []
        return try Self.compare(a: a, b: b, config: config, pins: pins)
    }

    static func compare(a: String, b: String, config: Config, pins: [SentencePin] = []) throws -> Comparison {
        let (analysis, options) = try config.options(pins: pins)
        let documents = try Document.read([(a, "A"), (b, "B")], options: analysis)
        Console.noteGuessedEncodings(documents.map(\.source))
        return Comparison(a: documents[0], b: documents[1], options: options)
    }
}

/// `parallax compare A B`: aligns two accounts and reports what one adds, omits, or words
/// differently.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two accounts sentence by sentence.",
        discussion: "Exit status 0 when the comparison ran (whatever it found); 2 on bad input."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case terminal, json, markdown, html, sarif, junit, github
    }

    @OptionGroup var inputs: ComparisonArguments

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .terminal

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .customLong("no-color"), help: "No colour in terminal output (also when NO_COLOR is set, or output is not a terminal).")
    var noColor = false

    func run() throws {
        let config = try inputs.loadConfig()
        // The baseline: its pins shape the alignment; its accepted findings are suppressed in
        // the CI formats (SARIF suppressions, no GitHub annotation, no JUnit failure).
        let baseline = try config.baselinePath(inputs.baseline).map { try Baseline.load(path: $0) }
        let pair = config.pairName(a: inputs.a, b: inputs.b)
        let comparison = try ComparisonArguments.compare(
            a: inputs.a, b: inputs.b, config: config, pins: baseline?.sentencePins(for: pair) ?? [])
        let report = comparison.report
        let suppressed = baseline?.ids(for: pair) ?? []
        let sources = [comparison.a.source, comparison.b.source]
        let text: String
        switch format {
        case .json: text = try JSONOutput.encode(report)
        case .markdown: text = MarkdownRenderer.render(report)
        case .html: text = HTMLRenderer.render(report)
        case .sarif: text = SARIFRenderer.render([report], suppressed: suppressed, sources: sources)
        case .github: text = GitHubRenderer.render([report], suppressed: suppressed, sources: sources)
        case .junit:
            // Reproducible: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else now.
            guard let timestamp = JUnitRenderer.timestamp(environment: ProcessInfo.processInfo.environment, now: Date()) else {
                throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01.")
            }
            text = JUnitRenderer.render([report], timestamp: timestamp, failLevel: config.failOn, suppressed: suppressed, sources: sources)
        case .terminal:
            // Written to a file, the report has no colour and the default width.
            let toTerminal = output == nil
            let options = TerminalRenderer.Options(
                width: toTerminal ? Console.terminalWidth : Console.defaultWidth,
                color: toTerminal && Console.colorEnabled(disabled: noColor))
            text = TerminalRenderer.render(report, options: options)
        }
        if let output {
            try Console.writeFile(
                text, to: output, inputs: [inputs.a, inputs.b], configuration: config.path, baseline: config.baselinePath(inputs.baseline))
        } else {
            Console.write(text)
        }
    }
}
