import ArgumentParser
import Foundation
import ParallaxKit
import ParallaxReview

/// `parallax review A B`: walks through the findings of a pair in a full-screen terminal
/// interface and records the decisions: accepted findings in the baseline (the file `check`
/// reads), rejections with their notes in the review log beside it, pins and unlinks of
/// sentences in the baseline's pins. With `--accept-all` or `--accept CATEGORY` it needs no
/// terminal.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the findings of two accounts one by one; accepted ones go to the baseline.",
        discussion: """
            Keys: a accept, r reject (with a note), s skip; A R S the same for all remaining \
            (after asking, with the count of findings and errors); \
            j k next and previous; n next unreviewed; / search; w whole sentence pair; u unlink \
            and p pin the finding's sentences; ? help; q save and quit; Q or x quit without \
            saving. Decisions are written (atomically) only on q: accepted findings to the \
            baseline, rejections to <baseline>.review.log with the finding you stopped on; \
            reopening resumes at the first finding not yet accepted or rejected from there. --accept-all and --accept CATEGORY accept without a \
            terminal. Exit status: 0 done; 2 usage, input or configuration error, or no terminal; \
            130 interrupted (nothing saved).
            """
    )

    @OptionGroup var inputs: ComparisonArguments

    @Flag(help: "Accept every finding into the baseline, without a terminal, and exit.")
    var acceptAll = false

    @Option(
        name: .customLong("accept"),
        help: ArgumentHelp(
            "Accept every finding of this category into the baseline, without a terminal, and exit (repeatable).", valueName: "category"),
        completion: .list(FindingCategory.allCases.map(\.rawValue)))
    var acceptCategories: [String] = []

    @OptionGroup var colors: ColorOptions

    @Flag(name: [.short, .long], help: "Print nothing on success (errors still go to standard error).")
    var quiet = false

    var interactive: Bool { !acceptAll && acceptCategories.isEmpty }

    func validate() throws {
        for name in acceptCategories where FindingCategory(rawValue: name) == nil {
            throw ValidationError(
                "--accept: unknown category '\(name)'\(Suggest.hint(name, among: FindingCategory.allCases.map(\.rawValue))) (known: \(FindingCategory.allCases.map(\.rawValue).joined(separator: ", ")))."
            )
        }
        if acceptAll && !acceptCategories.isEmpty {
            throw ValidationError("--accept-all accepts every category: give it or --accept, not both.")
        }
        if interactive && (inputs.a == "-" || inputs.b == "-") {
            throw ValidationError("review reads keys from standard input: give A and B as files (or use --accept-all / --accept).")
        }
    }

    func run() throws {
        if interactive && !Terminal.isInteractive {
            Console.usageError(notATerminalMessage())
            throw ExitCode(ExitStatus.trouble)
        }
        let setting = try inputs.setting()
        let config = setting.config
        guard let baselinePath = setting.baselinePath else {
            throw ValidationError(
                "review needs a baseline file to record decisions in: give --baseline FILE, or set baseline in the configuration (\(Config.fileName))."
            )
        }
        let identity = setting.identity(a: inputs.a, b: inputs.b)
        let baseline = setting.baseline.claiming(identity)
        let pair = identity.key
        let comparison = try ComparisonArguments.compare(a: inputs.a, b: inputs.b, config: config, pins: baseline.sentencePins(for: pair))
        if interactive {
            try review(comparison, identity: identity, baseline: baseline, baselinePath: baselinePath, configPath: config.path)
        } else {
            try acceptWithoutTerminal(comparison.report, identity: identity, baselinePath: baselinePath, configPath: config.path)
        }
    }

    // MARK: - Without a terminal

    private func acceptWithoutTerminal(_ report: Report, identity: PairIdentity, baselinePath: String, configPath: String?) throws {
        let pair = identity.key
        let categories = Set(acceptCategories.compactMap(FindingCategory.init(rawValue:)))
        let chosen = report.findings.filter { acceptAll || categories.contains($0.category) }
        // Read again under the lock: another run may have written other pairs since.
        let added = try Console.withLock(beside: baselinePath) {
            let latest = try Baseline.load(path: baselinePath).claiming(identity)
            let existing = latest.accepted.filter { $0.pair == pair }
            let known = Set(existing.map(\.id))
            let added = chosen.filter { !known.contains($0.id) }
            let updated = latest.replacing(pair: pair, with: existing + added.map { Baseline.Entry($0, pair: pair) })
            try Console.writeFile(try updated.encoded(), to: baselinePath, inputs: [inputs.a, inputs.b], configuration: configPath)
            return added
        }
        let already = chosen.count - added.count
        if quiet { return }
        Console.write(
            "parallax review: accepted \(added.count) finding\(added.count == 1 ? "" : "s") of \(TerminalText.escape(pair))\(already > 0 ? " (\(already) already accepted)" : "") into \(TerminalText.escape(baselinePath))\n"
                + "Gate it in CI with:\n" + TerminalText.escape(command(["check"] + checkArguments())) + "\n")
    }

    /// Quoted for a POSIX shell when it needs to be.
    private func quote(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "-_./:@%+=,".contains($0) }
            ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func command(_ words: [String]) -> String { "  " + (["parallax"] + words).joined(separator: " ") }

    /// The files and the options that choose the configuration and baseline, as given.
    private func configArguments() -> [String] {
        var options: [String] = []
        if let config = inputs.config { options += ["--config", quote(config)] }
        if inputs.noConfig { options.append("--no-config") }
        if let language = inputs.language { options += ["--language", quote(language)] }
        if let alignment = inputs.options.alignment { options += ["--alignment", quote(alignment)] }
        if inputs.options.headingsAsBoilerplate { options.append("--headings-as-boilerplate") }
        if let path = inputs.baseline { options += ["--baseline", quote(path)] }
        return options
    }

    /// What `check` needs to gate this pair as review sees it.
    private func checkArguments() -> [String] { [quote(inputs.a), quote(inputs.b)] + configArguments() }

    /// What to run instead when there is no terminal.
    private func notATerminalMessage() -> String {
        let files = [quote(inputs.a), quote(inputs.b)]
        let options = configArguments()
        return [
            "review is interactive: it needs a terminal on standard input and standard output, and this is not one (a pipe, a file or CI).",
            "Run instead:",
            command(["compare"] + files + options) + "    # read the findings",
            command(["check"] + checkArguments()) + "    # the CI gate: exit 1 on findings the baseline does not accept",
            command(["review", "--accept-all"] + files + options) + "    # accept every finding into the baseline",
            command(["review", "--accept", "CATEGORY"] + files + options) + "    # accept the findings of one category",
        ].joined(separator: "\n")
    }

    // MARK: - On a terminal

    private func review(_ comparison: Comparison, identity: PairIdentity, baseline: Baseline, baselinePath: String, configPath: String?)
        throws
    {
        let pair = identity.key
        let logPath = ReviewLog.path(forBaseline: baselinePath)
        let log = try ReviewLog.load(path: logPath)
        let fingerprints = [comparison.a, comparison.b].map { document in
            document.sentences.indices.map { document.fingerprint(ofSentence: $0) }
        }
        var session = ReviewSession(report: comparison.report, pair: pair, baseline: baseline, log: log, fingerprints: fingerprints)
        let color = colors.enabled(toTerminal: true)

        let terminal = try Terminal()
        let outcome = session.run(on: terminal, color: color)
        terminal.restore()

        switch outcome {
        case .save:
            try save(session, identity: identity, baselinePath: baselinePath, configPath: configPath, logPath: logPath)
        case .interrupt:
            Console.error("review interrupted; nothing saved")
            throw ExitCode(130)
        default:
            if !quiet { Console.write("parallax review: quit without saving; \(TerminalText.escape(baselinePath)) is unchanged\n") }
        }
    }

    private func save(_ session: ReviewSession, identity: PairIdentity, baselinePath: String, configPath: String?, logPath: String) throws {
        let counts = session.counts
        let entries = session.logEntries(time: Date().ISO8601Format())
        guard session.hasUnsavedWork else {
            // Only where the person stopped, for the next review to resume there.
            try ReviewLog.append(entries, to: logPath)
            if !quiet {
                Console.write(
                    "parallax review: nothing changed; \(counts.accepted) accepted, \(counts.rejected) rejected, \(counts.open) open\n")
            }
            return
        }
        // The session's decisions applied to the baseline as it is now, under the lock.
        try Console.withLock(beside: baselinePath) {
            let updated = session.savedBaseline(try Baseline.load(path: baselinePath).claiming(identity))
            try Console.writeFile(try updated.encoded(), to: baselinePath, inputs: [inputs.a, inputs.b], configuration: configPath)
        }
        try ReviewLog.append(entries, to: logPath)
        let changes = session.changes
        let accepted = changes.filter { $0.decision == .accepted }.count
        let rejected = changes.count - accepted
        var line = "parallax review: saved \(accepted) accepted and \(rejected) rejected"
        if !session.pins.isEmpty { line += ", \(session.pins.count) pin\(session.pins.count == 1 ? "" : "s")" }
        line += " to \(TerminalText.escape(baselinePath))"
        if !entries.isEmpty { line += " (log: \(TerminalText.escape(logPath)))" }
        line += "; \(counts.open) finding\(counts.open == 1 ? "" : "s") of \(TerminalText.escape(session.pair)) still open\n"
        if !quiet { Console.write(line) }
    }
}
