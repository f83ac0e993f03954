/// The verdict of `parallax check`: what `check --format json` writes (the verdict contract,
/// `verdictSchemaVersion` 1, in the README; its JSON Schema is `Tests/verdict.schema.json`), and
/// what the text summary is made from.
///
/// One top-level verdict and the exit status it implies; the configuration and the baseline in
/// force; then per pair its name, key, paths, verdict, the rules it breaks with their figures,
/// the open findings by severity, the accepted, uncertain and stale counts, notes, and the
/// report (the report contract, with `accepted` and `uncertain` on its findings).
public struct Verdict: Sendable, Codable, Equatable {
    public static let currentSchemaVersion = 1

    public var verdictSchemaVersion: Int
    public var tool: Report.Tool
    /// "pass" when every pair holds to the policy, else "fail".
    public var verdict: String
    /// The exit status `check` ends with for this verdict: 0 pass, 1 fail.
    public var exitStatus: Int
    /// The lowest severity that fails.
    public var failOn: Severity
    /// The configuration file used (as named or found), or nil for the defaults.
    public var config: String?
    /// The baseline file in force, or nil when there is none.
    public var baseline: BaselineFile?
    /// What a person should know about the configuration and baseline (a baseline that does
    /// not exist).
    public var notes: [String]
    public var pairs: [PairVerdict]

    public struct BaselineFile: Sendable, Codable, Equatable {
        public var path: String
        public var exists: Bool
        /// Accepted findings in the file, of every pair.
        public var entries: Int

        public init(path: String, exists: Bool, entries: Int) {
            self.path = path
            self.exists = exists
            self.entries = entries
        }
    }

    public struct PairVerdict: Sendable, Codable, Equatable {
        /// The configuration's name of the pair, else "A ↔ B" as given.
        public var name: String
        /// Its key in the baseline (``PairIdentity/key``).
        public var key: String
        public var a: String
        public var b: String
        /// "pass" or "fail".
        public var verdict: String
        /// The rules the pair breaks (empty when it passes).
        public var violations: [RuleVerdict]
        /// Open findings (not accepted, not on an uncertain link) by severity; every severity is
        /// present.
        public var severities: [String: Int]
        public var counts: Counts
        public var notes: [String]
        public var report: Report
    }

    public struct Counts: Sendable, Codable, Equatable {
        /// Every finding of the report.
        public var findings: Int
        /// Findings that count against the policy.
        public var open: Int
        /// Findings the baseline accepts.
        public var accepted: Int
        /// Findings on links the aligner is unsure of: for review, never failing.
        public var uncertain: Int
        /// Baseline entries of the pair whose finding no longer occurs.
        public var stale: Int
    }

    public struct RuleVerdict: Sendable, Codable, Equatable {
        public var rule: String
        public var message: String
        /// The rule's figures (see ``Violation/figures``).
        public var figures: [String: Double]
        /// Ids of the findings behind it.
        public var findings: [String]
    }

    /// One checked pair: who it is, the paths as reported, and the gate's result.
    public struct Checked: Sendable {
        public var identity: PairIdentity
        public var result: GateResult

        public init(identity: PairIdentity, result: GateResult) {
            self.identity = identity
            self.result = result
        }
    }

    /// What to say when the baseline has no entry for a pair.
    public static func noEntryNote(baseline: String, key: String) -> String {
        "the baseline \(baseline) has no entry for this pair (key “\(key)”): nothing of it is accepted"
    }

    /// The verdict on `pairs` under `gate`, with `baseline` (nil when there is no baseline file)
    /// as it was read for them.
    public init(_ pairs: [Checked], gate: Gate, config: String?, baseline: BaselineFile?, notes: [String] = []) {
        verdictSchemaVersion = Self.currentSchemaVersion
        tool = pairs.first?.result.report.tool ?? Report.Tool(name: "parallax", version: parallaxVersion)
        let passed = pairs.allSatisfy(\.result.passed)
        verdict = passed ? "pass" : "fail"
        exitStatus = passed ? 0 : 1
        failOn = gate.failOn
        self.config = config
        self.baseline = baseline
        self.notes = notes
        self.pairs = pairs.map { checked in
            let result = checked.result
            var severities = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
            for finding in result.open { severities[finding.severity.rawValue, default: 0] += 1 }
            var notes: [String] = []
            if let baseline, baseline.exists, result.accepted.isEmpty, result.stale.isEmpty {
                notes.append(Self.noEntryNote(baseline: baseline.path, key: checked.identity.key))
            }
            return PairVerdict(
                name: checked.identity.name, key: checked.identity.key,
                a: result.report.documents.first?.path ?? "", b: result.report.documents.last?.path ?? "",
                verdict: result.passed ? "pass" : "fail",
                violations: result.violations.map {
                    RuleVerdict(rule: $0.rule, message: $0.message, figures: $0.figures, findings: $0.findings.map(\.id))
                },
                severities: severities,
                counts: Counts(
                    findings: result.report.findings.count, open: result.open.count, accepted: result.accepted.count,
                    uncertain: result.needsReview.count, stale: result.stale.count),
                notes: notes, report: result.report)
        }
    }
}
