import ArgumentParser
import Foundation
import ParallaxKit

/// The two accounts and the configuration options of the commands that compare one pair.
struct ComparisonArguments: ParsableArguments {
    @Argument(help: "The first account, A ('-' for standard input).", completion: .file())
    var a: String

    @Argument(help: "The second account, B ('-' for standard input).", completion: .file())
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

    static func compare(
        a: String, b: String, config: Config, pins: [SentencePin] = [], progress: ProgressLine? = nil, pair: String = ""
    ) throws -> Comparison {
        let (analysis, options) = try config.options(pins: pins)
        progress?.step(1, "reading the accounts", prefix: pair)
        let documents = try Document.read([(RawArguments.location(a), "A"), (RawArguments.location(b), "B")], options: analysis)
        Console.noteGuessedEncodings(documents.map(\.source))
        return Comparison(a: documents[0], b: documents[1], options: options, progress: progress?.stages(prefix: pair))
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

        var output: ReportOutput.Format { ReportOutput.Format(rawValue: rawValue) ?? .terminal }
    }

    @OptionGroup var inputs: ComparisonArguments

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .terminal

    @Option(
        name: [.short, .customLong("output")], help: "Write the report to this file (atomically) instead of standard output.",
        completion: .file())
    var output: String?

    @OptionGroup var reading: ReadingOptions

    @Flag(name: [.short, .long], help: "Say nothing on standard error but errors (no note of the file written, no progress line).")
    var quiet = false

    func validate() throws {
        if format != .terminal && reading.shapesTerminalReport {
            throw ValidationError(
                "--sort, --severity and --category shape the terminal report; with --format \(format.rawValue) the report holds every finding."
            )
        }
    }

    func run() throws {
        let setting = try inputs.setting()
        let config = setting.config
        // The baseline: its pins shape the alignment; the findings it accepts are marked.
        let pair = setting.identity(a: inputs.a, b: inputs.b)
        let baseline = setting.baseline.claiming(pair)
        let progress = ProgressLine(quiet: quiet, delay: 1)
        defer { progress?.finish() }
        let comparison = try ComparisonArguments.compare(
            a: inputs.a, b: inputs.b, config: config, pins: baseline.sentencePins(for: pair.key), progress: progress)
        progress?.step(4, "writing the report")
        let report = comparison.report.markingAccepted(baseline.ids(for: pair.key))
        var notes = setting.notes
        if setting.baselineExists, baseline.count(for: pair.key) == 0, let path = setting.baselinePath {
            notes.append(Verdict.noEntryNote(baseline: Setting.shown(path), key: pair.key))
        }
        for note in notes { Console.error("note: " + note) }
        // Written to a file, the terminal report has the default width, and no colour unless
        // --color always.
        let toTerminal = output == nil && Console.isTerminal
        let context = ReportOutput.Context(
            sources: [comparison.a.source, comparison.b.source], root: FilePaths.repositoryRoot(), failLevel: config.failOn,
            terminal: try reading.terminalOptions(
                width: output == nil ? Console.terminalWidth : Console.defaultWidth,
                color: reading.colors.enabled(toTerminal: toTerminal)))
        // The JSON report goes out as it is made: its text is several times the size of the
        // inputs, and is never whole in memory.
        let streams = format == .json
        let text = streams ? "" : try Console.rendered([report], as: format.output, context: context)
        progress?.finish()
        if let output {
            let (read, baseline) = ([inputs.a, inputs.b], config.baselinePath(inputs.baseline))
            if streams {
                try Console.writeFile(to: output, inputs: read, configuration: config.path, baseline: baseline) { write in
                    try ReportOutput.write([report], as: .json, context: context, to: write)
                }
            } else {
                try Console.writeFile(text, to: output, inputs: read, configuration: config.path, baseline: baseline)
            }
            if !quiet {
                let n = report.findings.count
                Console.note("wrote the \(format.rawValue) report (\(n) finding\(n == 1 ? "" : "s")) to \(output)")
            }
        } else if streams {
            try ReportOutput.write([report], as: .json, context: context) { Console.write($0) }
        } else {
            Pager.write(text, enabled: format == .terminal && !reading.noPager)
        }
    }
}
