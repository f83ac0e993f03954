/// One rule of the check that a pair of accounts breaks.
public struct Violation: Sendable, Equatable {
    /// The rule: "severity", "sameEvent", "minCoverageA", "minCoverageB", "maxCount.<category>",
    /// "maxDrift".
    public var rule: String
    /// What is wrong, by how much, for a person.
    public var message: String
    /// Where: the findings behind it (the first one's place is shown).
    public var findings: [Finding]
    /// The rule's figures, by name (see the README's verdict contract): "count" for severity;
    /// "actual" and "minimum" for the coverages; "actual" and "maximum" for a count;
    /// "count", "worst" and "maximum" for drift; "coverageA", "coverageB" and "score" for the event.
    public var figures: [String: Double] = [:]
}

/// The result of checking one pair against the policy.
public struct GateResult: Sendable {
    public var pair: String
    public var report: Report
    /// Findings that count: not accepted in the baseline, not on an uncertain link.
    public var open: [Finding]
    /// Findings the baseline accepts.
    public var accepted: [Finding]
    /// Findings on links the engine is unsure of: for a person to review, never failing the check.
    public var needsReview: [Finding]
    public var violations: [Violation]
    /// Baseline entries of this pair whose finding no longer occurs.
    public var stale: [Baseline.Entry]

    public var passed: Bool { violations.isEmpty }
}

/// The policy `parallax check` enforces: no open finding at or above the fail level, the
/// accounts of one event, coverage and counts and drift within the configured thresholds.
public struct Gate: Sendable {
    public var failOn: Severity
    public var thresholds: Config.Thresholds

    public init(failOn: Severity = .error, thresholds: Config.Thresholds = Config.Thresholds()) {
        self.failOn = failOn
        self.thresholds = thresholds
    }

    /// Holds a report to the policy. The findings the baseline accepts for `pair` (a
    /// ``PairIdentity/key``) are marked ``Finding/accepted`` in the result's report; they and the
    /// findings on uncertain links (``Finding/uncertainReason``) do not count.
    public func evaluate(_ report: Report, pair: String, baseline: Baseline) -> GateResult {
        let report = report.markingAccepted(baseline.ids(for: pair))
        var open: [Finding] = []
        var accepted: [Finding] = []
        var review: [Finding] = []
        for finding in report.findings {
            if finding.accepted {
                accepted.append(finding)
            } else if finding.uncertainReason != nil {
                review.append(finding)
            } else {
                open.append(finding)
            }
        }
        var violations: [Violation] = []
        let failing = open.filter { $0.severity >= failOn }
        if !failing.isEmpty {
            let byCategory = Dictionary(grouping: failing, by: \.category).sorted { $0.key < $1.key }
                .map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
            violations.append(
                Violation(
                    rule: "severity",
                    message: "\(failing.count) finding\(failing.count == 1 ? "" : "s") at \(failOn.rawValue) or above: \(byCategory)",
                    findings: failing, figures: ["count": Double(failing.count)]))
        }
        let summary = report.summary
        // Only a verdict of a different event fails: "unsure" is for a person to read.
        if summary.verdict == .different {
            let conflicts = summary.event.map { $0.conflicting.isEmpty ? "" : "; " + $0.conflicting.joined(separator: "; ") } ?? ""
            violations.append(
                Violation(
                    rule: "sameEvent",
                    message:
                        "the accounts do not appear to describe the same event (coverage A \(Self.percent(summary.coverageA)), B \(Self.percent(summary.coverageB))\(conflicts))",
                    findings: [],
                    figures: ["coverageA": summary.coverageA, "coverageB": summary.coverageB, "score": summary.event?.score ?? 0]))
        }
        if let minimum = thresholds.minCoverageA, summary.coverageA < minimum {
            violations.append(
                Violation(
                    rule: "minCoverageA",
                    message:
                        "B covers \(Self.percent(summary.coverageA)) of A, below the minimum \(Self.percent(minimum)) (short by \(Self.percent(minimum - summary.coverageA)))",
                    findings: open.filter { $0.category == .omission }, figures: ["actual": summary.coverageA, "minimum": minimum]))
        }
        if let minimum = thresholds.minCoverageB, summary.coverageB < minimum {
            violations.append(
                Violation(
                    rule: "minCoverageB",
                    message:
                        "A covers \(Self.percent(summary.coverageB)) of B, below the minimum \(Self.percent(minimum)) (short by \(Self.percent(minimum - summary.coverageB)))",
                    findings: open.filter { $0.category == .addition }, figures: ["actual": summary.coverageB, "minimum": minimum]))
        }
        for (category, maximum) in thresholds.maxCount.sorted(by: { $0.key < $1.key }) {
            let found = open.filter { $0.category == category }
            if found.count > maximum {
                violations.append(
                    Violation(
                        rule: "maxCount.\(category.rawValue)",
                        message:
                            "\(found.count) \(category.rawValue) finding\(found.count == 1 ? "" : "s"), more than the maximum \(maximum) (over by \(found.count - maximum))",
                        findings: found, figures: ["actual": Double(found.count), "maximum": Double(maximum)]))
            }
        }
        if let maximum = thresholds.maxDrift {
            let drifting = open.filter { $0.category == .drift && $0.weight > maximum }
            if let worst = drifting.map(\.weight).max() {
                violations.append(
                    Violation(
                        rule: "maxDrift",
                        message:
                            "\(drifting.count) group\(drifting.count == 1 ? "" : "s") drift more than \(Self.percent(maximum)) (the worst \(Self.percent(worst)))",
                        findings: drifting, figures: ["count": Double(drifting.count), "worst": worst, "maximum": maximum]))
            }
        }
        return GateResult(
            pair: pair, report: report, open: open, accepted: accepted, needsReview: review,
            violations: violations, stale: baseline.stale(for: pair, in: report))
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
