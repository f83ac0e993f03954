import ArgumentParser
import Foundation
import ParallaxKit

/// `parallax check`: the CI gate. Compares each pair and holds the findings and figures to the
/// policy of the configuration; exit 0 when it holds, 1 when it does not.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check pairs of accounts against the policy: exit 0 when it holds, 1 when it does not.",
        discussion: """
            With no files, checks every pair listed in the configuration (parallax.yml in the \
            current folder or above, or --config). Findings accepted in the baseline do not count, \
            nor do findings on links the engine is unsure of (they are listed for review). A pair \
            is the same pair however its paths are written. Exit status: \
            0 the policy holds; 1 it does not; 2 usage, input or configuration error; 3 internal error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit, github
    }

    @Argument(help: "The two accounts A and B (default: the pairs of the configuration).")
    var files: [String] = []

    @OptionGroup var options: ConfigOptions

    @Option(help: "The lowest severity that fails the check: error, warning or info (default: the configuration's, else error).")
    var failOn: FailLevel?

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")) (json: the verdict, with the reports).")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write the format to this file; standard output keeps the summary.")
    var output: String?

    @Flag(help: "Accept every current finding: write them all to the baseline (atomically; created when missing), dropping stale entries.")
    var updateBaseline = false

    @Flag(name: [.short, .long], help: "Say nothing on standard error but errors (no note of the file written, no progress line).")
    var quiet = false

    func validate() throws {
        guard files.isEmpty || files.count == 2 else {
            throw ValidationError("Give two files (A and B), or none to check the configuration's pairs.")
        }
        if files.count == 2 && files[0] == "-" && files[1] == "-" {
            throw ValidationError("Only one of A and B can be '-' (standard input).")
        }
    }

    func run() throws {
        let here = FileManager.default.currentDirectoryPath
        let setting = try options.setting(near: files.isEmpty ? [here + "/" + Config.fileName] : files)
        let loaded = setting.config
        let pairs = try pairs(in: loaded)
        var current = setting.baseline
        let gate = Gate(failOn: failOn?.severity ?? loaded.failOn, thresholds: loaded.thresholds)

        var checked: [Verdict.Checked] = []
        var sources: [SourceText] = []
        let progress = ProgressLine(quiet: quiet, delay: 1)
        defer { progress?.finish() }
        for (i, pair) in pairs.enumerated() {
            let identity = setting.identity(a: pair.a, b: pair.b)
            current = current.claiming(identity)
            let pins = current.sentencePins(for: identity.key)
            let comparison = try ComparisonArguments.compare(
                a: pair.a, b: pair.b, config: loaded, pins: pins, progress: progress, pair: "pair \(i + 1) of \(pairs.count): ")
            sources += [comparison.a.source, comparison.b.source]
            let result = gate.evaluate(comparison.report, pair: identity.key, baseline: current)
            checked.append(Verdict.Checked(identity: identity, result: result))
        }

        progress?.finish()

        if updateBaseline {
            guard let baselinePath = setting.baselinePath else {
                throw ValidationError("--update-baseline needs a baseline file: give --baseline FILE or set baseline in the configuration.")
            }
            // Read again under the lock: another run may have written other pairs since; entries
            // of these pairs under older keys are claimed as in the check itself.
            let written = try Console.withLock(beside: baselinePath) {
                var latest = try Baseline.load(path: baselinePath)
                for pair in checked {
                    let key = pair.identity.key
                    latest = latest.claiming(pair.identity)
                        .replacing(pair: key, with: pair.result.report.findings.map { Baseline.Entry($0, pair: key) })
                }
                try Console.writeFile(
                    try latest.encoded(), to: baselinePath, inputs: pairs.flatMap { [$0.a, $0.b] }, configuration: loaded.path)
                return latest.accepted.count
            }
            let verb = setting.baselineExists ? "wrote" : "created"
            let file = TerminalText.escape(Setting.shown(baselinePath))
            Console.write("parallax check: \(verb) \(file) with \(written) accepted finding\(written == 1 ? "" : "s")\n")
            return
        }

        let verdict = Verdict(
            checked, gate: gate, config: loaded.path.map(Setting.shown), baseline: setting.baselineFile, notes: setting.notes)
        let summary = CheckSummary.render(verdict, checked)
        let reports = checked.map(\.result.report)
        let root = FilePaths.repositoryRoot()
        let formatted: String
        switch format {
        case .text: formatted = summary
        case .json: formatted = try JSONOutput.encode(verdict)
        case .sarif, .github, .junit:
            let context = ReportOutput.Context(sources: sources, root: root, failLevel: gate.failOn)
            formatted = try Console.rendered(reports, as: ReportOutput.Format(rawValue: format.rawValue) ?? .sarif, context: context)
        }
        if let output {
            try Console.writeFile(
                formatted, to: output, inputs: pairs.flatMap { [$0.a, $0.b] }, configuration: loaded.path, baseline: setting.baselinePath)
            if !quiet {
                let n = reports.reduce(0) { $0 + $1.findings.count }
                let counted = "\(n) finding\(n == 1 ? "" : "s") in \(reports.count) pair\(reports.count == 1 ? "" : "s")"
                Console.note("wrote the \(format.rawValue) output (\(counted)) to \(output)")
            }
            Console.write(summary)
        } else {
            Console.write(formatted)
        }
        if verdict.exitStatus != 0 { throw ExitCode(Int32(verdict.exitStatus)) }
    }

    private func pairs(in config: Config) throws -> [Config.Pair] {
        if files.count == 2 { return [Config.Pair(a: files[0], b: files[1])] }
        guard !config.pairs.isEmpty else {
            throw ValidationError(
                config.path.map { "\($0) lists no pairs; give two files or add pairs to it." }
                    ?? "No files given and no \(Config.fileName) found here; give two files or a configuration with pairs.")
        }
        return config.pairs.map {
            Config.Pair(a: Setting.shown(config.resolve($0.a)), b: Setting.shown(config.resolve($0.b)), name: $0.name)
        }
    }
}

/// The fail level as the command line spells it (the CLI's own type, mapped to ``Severity``).
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info

    var severity: Severity { Severity(rawValue: rawValue) ?? .error }
}
