import ArgumentParser
import Foundation
import ParallaxKit

/// The two accounts and the configuration options of the commands that compare one pair.
struct ComparisonArguments: ParsableArguments {
    @Argument(help: "The first account, A ('-' for standard input).")
    var a: String

    @Argument(help: "The second account, B ('-' for standard input).")
    var b: String

    @OptionGroup var options: ConfigOptions

    var config: String? { options.config }
    var noConfig: Bool { options.noConfig }
    var language: String? { options.language }
    var baseline: String? { options.baseline }

    func validate() throws {
        if a == "-" && b == "-" { throw ValidationError("Only one of A and B can be '-' (standard input).") }
    }

    /// The configuration and baseline in force for the pair.
    func setting() throws -> Setting {
        try options.setting(near: [a, b])
    }

    static func compare(a: String, b: String, config: Config, pins: [SentencePin] = []) throws -> Comparison {
        let (analysis, options) = try config.options(pins: pins)
        let documents = try Document.read([(RawArguments.location(a), "A"), (RawArguments.location(b), "B")], options: analysis)
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
        let setting = try inputs.setting()
        let config = setting.config
        // The baseline: its pins shape the alignment; the findings it accepts are marked.
        let pair = setting.identity(a: inputs.a, b: inputs.b)
        let baseline = setting.baseline.claiming(pair)
        let comparison = try ComparisonArguments.compare(
            a: inputs.a, b: inputs.b, config: config, pins: baseline.sentencePins(for: pair.key))
        let report = comparison.report.markingAccepted(baseline.ids(for: pair.key))
        var notes = setting.notes
        if setting.baselineExists, baseline.count(for: pair.key) == 0, let path = setting.baselinePath {
            notes.append(Verdict.noEntryNote(baseline: Setting.shown(path), key: pair.key))
        }
        for note in notes { Console.error("note: " + note) }
        let sources = [comparison.a.source, comparison.b.source]
        let root = FilePaths.repositoryRoot()
        let text: String
        switch format {
        case .json: text = try JSONOutput.encode(report)
        case .markdown: text = MarkdownRenderer.render(report)
        case .html: text = HTMLRenderer.render(report)
        case .sarif: text = SARIFRenderer.render([report], sources: sources, root: root)
        case .github: text = GitHubRenderer.render([report], sources: sources, root: root)
        case .junit:
            // Reproducible: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else now.
            guard let timestamp = JUnitRenderer.timestamp(environment: ProcessInfo.processInfo.environment, now: Date()) else {
                throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01.")
            }
            text = JUnitRenderer.render([report], timestamp: timestamp, failLevel: config.failOn, sources: sources)
        case .terminal:
            // Written to a file, the report has no colour and the default width.
            let toTerminal = output == nil
            let options = TerminalRenderer.Options(
                width: toTerminal ? Console.terminalWidth : Console.defaultWidth,
                color: toTerminal && Console.colorEnabled(disabled: noColor))
            text = TerminalRenderer.render(report, options: options)
        }
        if let output {
            try Console.writeFile(text, to: output, inputs: [inputs.a, inputs.b])
        } else {
            Console.write(text)
        }
    }
}
