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
            current folder, or --config). Findings accepted in the baseline do not count, nor do \
            findings on links the engine is unsure of (they are listed for review). Exit status: \
            0 the policy holds; 1 it does not; 2 usage, input or configuration error; 3 internal error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit, github
    }

    @Argument(help: "The two accounts A and B (default: the pairs of the configuration).")
    var files: [String] = []

    @Option(help: "Configuration file (default: parallax.yml next to the files, or in the current folder).")
    var config: String?

    @Option(help: "Baseline file of accepted findings (default: the configuration's baseline).")
    var baseline: String?

    @Option(help: "The lowest severity that fails the check: error, warning or info (default: the configuration's, else error).")
    var failOn: FailLevel?

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write the format to this file; standard output keeps the summary.")
    var output: String?

    @Flag(help: "Accept every current finding: write them all to the baseline (atomically), dropping stale entries.")
    var updateBaseline = false

    func validate() throws {
        guard files.isEmpty || files.count == 2 else {
            throw ValidationError("Give two files (A and B), or none to check the configuration's pairs.")
        }
        if files.count == 2 && files[0] == "-" && files[1] == "-" {
            throw ValidationError("Only one of A and B can be '-' (standard input).")
        }
    }

    func run() throws {
        let loaded = try loadConfig()
        let pairs = try pairs(in: loaded)
        let baselinePath = loaded.baselinePath(baseline)
        let current = try baselinePath.map { try Baseline.load(path: $0) } ?? Baseline()
        let gate = Gate(failOn: failOn?.severity ?? loaded.failOn, thresholds: loaded.thresholds)

        var results: [GateResult] = []
        var sources: [SourceText] = []
        for pair in pairs {
            let name = pair.name ?? "\(pair.a) ↔ \(pair.b)"
            let comparison = try ComparisonArguments.compare(a: pair.a, b: pair.b, config: loaded, pins: current.sentencePins(for: name))
            sources += [comparison.a.source, comparison.b.source]
            results.append(gate.evaluate(comparison.report, pair: name, baseline: current))
        }

        if updateBaseline {
            guard let baselinePath else {
                throw ValidationError("--update-baseline needs a baseline file: give --baseline FILE or set baseline in the configuration.")
            }
            // Read again under the lock: another run may have written other pairs since.
            let written = try Console.withLock(beside: baselinePath) {
                var latest = try Baseline.load(path: baselinePath)
                for result in results {
                    latest = latest.replacing(pair: result.pair, with: result.report.findings.map { Baseline.Entry($0, pair: result.pair) })
                }
                try Console.writeFile(
                    try latest.encoded(), to: baselinePath, inputs: pairs.flatMap { [$0.a, $0.b] }, configuration: loaded.path)
                return latest.accepted.count
            }
            Console.write("parallax check: wrote \(written) accepted finding\(written == 1 ? "" : "s") to \(TerminalText.escape(baselinePath))\n")
            return
        }

        let summary = Self.summary(results, gate: gate)
        let reports = results.map(\.report)
        // Findings the baseline accepts, and those on uncertain links: suppressed in the CI formats.
        let suppressed = Set(results.flatMap { $0.accepted.map(\.id) + $0.needsReview.map(\.id) })
        let formatted: String
        switch format {
        case .text: formatted = summary
        case .json: formatted = try JSONOutput.encode(reports)
        case .sarif: formatted = SARIFRenderer.render(reports, suppressed: suppressed, sources: sources)
        case .github: formatted = GitHubRenderer.render(reports, suppressed: suppressed, sources: sources)
        case .junit:
            guard let timestamp = JUnitRenderer.timestamp(environment: ProcessInfo.processInfo.environment, now: Date()) else {
                throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01.")
            }
            formatted = JUnitRenderer.render(reports, timestamp: timestamp, failLevel: gate.failOn, suppressed: suppressed, sources: sources)
        }
        if let output {
            try Console.writeFile(
                formatted, to: output, inputs: pairs.flatMap { [$0.a, $0.b] }, configuration: loaded.path, baseline: baselinePath)
            Console.write(summary)
        } else {
            Console.write(formatted)
        }
        if !results.allSatisfy(\.passed) { throw ExitCode(ExitStatus.violations) }
    }

    private func loadConfig() throws -> Config {
        if let config { return try Config.load(path: config) }
        let near = files.isEmpty ? [FileManager.default.currentDirectoryPath + "/" + Config.fileName] : files
        if let found = Config.discover(near: near) { return try Config.load(path: found) }
        return Config()
    }

    private func pairs(in config: Config) throws -> [Config.Pair] {
        if files.count == 2 { return [Config.Pair(a: files[0], b: files[1])] }
        guard !config.pairs.isEmpty else {
            throw ValidationError(config.path.map { "\($0) lists no pairs; give two files or add pairs to it." }
                ?? "No files given and no \(Config.fileName) found here; give two files or a configuration with pairs.")
        }
        return config.pairs.map { Config.Pair(a: Self.relative(config.resolve($0.a)), b: Self.relative(config.resolve($0.b)), name: $0.name) }
    }

    /// A path relative to the current folder when it is inside it (how reports name files).
    static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// What failed, by how much, and where; then what was set aside.
    static func summary(_ results: [GateResult], gate: Gate) -> String {
        let failed = results.filter { !$0.passed }.count
        var out = "parallax check: \(results.count) pair\(results.count == 1 ? "" : "s"), \(failed) failed (failing on \(gate.failOn.rawValue) and above)\n"
        for result in results {
            let a = result.report.documents.first?.path ?? "A"
            let b = result.report.documents.last?.path ?? "B"
            out += "\(result.passed ? "PASS" : "FAIL") \(TerminalText.escape(result.pair))\n"
            for violation in result.violations {
                out += "  \(violation.rule): \(TerminalText.escape(violation.message))\n"
                for finding in violation.findings.prefix(5) {
                    out += "    \(finding.category.rawValue) at \(TerminalText.escape(place(finding, result.report, a: a, b: b))): \(TerminalText.escape(finding.message))\n"
                }
                if violation.findings.count > 5 { out += "    … and \(violation.findings.count - 5) more\n" }
            }
            var notes: [String] = []
            if !result.accepted.isEmpty { notes.append("\(result.accepted.count) accepted by the baseline") }
            if !result.needsReview.isEmpty { notes.append("\(result.needsReview.count) on uncertain links, for review") }
            if !result.stale.isEmpty { notes.append("\(result.stale.count) stale baseline entr\(result.stale.count == 1 ? "y" : "ies") (prune with --update-baseline)") }
            if !notes.isEmpty { out += "  " + notes.joined(separator: "; ") + "\n" }
        }
        return out
    }

    /// FILE:LINE:COLUMN of a finding's first sentence (B's when it has one).
    static func place(_ finding: Finding, _ report: Report, a: String, b: String) -> String {
        let (span, document, path) = finding.b.map { ($0, report.documents.last, b) } ?? (finding.a, report.documents.first, a)
        guard let span, let index = span.sentences.first, let document, index < document.sentences.count else { return path }
        let sentence = document.sentences[index]
        return "\(path):\(sentence.line):\(sentence.column)"
    }
}

/// The fail level as the command line spells it (the CLI's own type, mapped to ``Severity``).
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info

    var severity: Severity { Severity(rawValue: rawValue) ?? .error }
}
