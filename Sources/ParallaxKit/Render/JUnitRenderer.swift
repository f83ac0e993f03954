import Foundation

/// Reports as a JUnit XML report in the strict Apache Ant schema (`JUnit.xsd`), the form CI
/// servers read.
///
/// `<testsuites>` holds one `<testsuite>` per report (pair), with every attribute the schema
/// requires (`name`, `package`, `id`, `timestamp`, `hostname`, `tests`, `failures`, `errors`,
/// `time`) and its required `<properties>`, `<system-out>` and `<system-err>`. Each suite has one
/// `<testcase>` per finding category (named by the rule id, e.g. `parallax/omission`, with the
/// pair as its class name). A test case fails when its category has findings at or above
/// `failLevel` that the baseline does not accept and that do not sit on an uncertain link; its
/// `<failure>` lists them with their places and words. The suite's properties count the accepted
/// and uncertain findings, and its `<system-out>` lists them, marked `[accepted]` or
/// `[uncertain: why]`. Times are 0 (Parallax does not time a comparison per category), so the only value
/// that changes between runs is the timestamp, which the caller passes (the CLI uses
/// `SOURCE_DATE_EPOCH` when it is set).
///
/// All text is escaped for XML 1.0 by ``XMLText``: characters XML cannot carry, and terminal
/// controls, are shown as `\u{…}`.
public enum JUnitRenderer {
    /// Renders reports (one per compared pair) as a JUnit XML document.
    /// - Parameters:
    ///   - reports: The reports, one test suite each.
    ///   - timestamp: When the comparison ran, written in UTC without a time zone as the schema
    ///     demands (`2021-06-28T12:00:00`).
    ///   - failLevel: The lowest severity that fails a test case.
    ///   - suppressed: Ids of findings the baseline accepts (besides those marked
    ///     ``Finding/accepted``): they fail nothing.
    ///   - hostname: The host, `localhost` unless given.
    ///   - sources: The inputs' texts, for exact lines and columns in failure messages.
    /// - Returns: The XML document, ending with a newline.
    public static func render(
        _ reports: [Report], timestamp: Date, failLevel: Severity = .error, suppressed: Set<String> = [],
        hostname: String = "localhost", sources: [SourceText] = []
    ) -> String {
        let stamp = iso8601(timestamp)
        let host = XMLText.token(hostname).isEmpty ? "localhost" : XMLText.token(hostname)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (id, report) in reports.enumerated() {
            xml += suite(
                report, id: id, timestamp: stamp, hostname: host, failLevel: failLevel,
                suppressed: suppressed, sources: sources)
        }
        xml += "</testsuites>\n"
        return xml
    }

    // MARK: - A suite

    static func suite(
        _ report: Report, id: Int, timestamp: String, hostname: String, failLevel: Severity,
        suppressed: Set<String>, sources: [SourceText]
    ) -> String {
        let layout = ReportLayout(report)
        let name = pairName(layout)
        let order = layout.findingOrder()
        // Regions of every finding's sides, keyed by the finding's index: one pass per document.
        var regions: [ReportLayout.Side: [Int: SpanRegion]] = [:]
        for side in ReportLayout.Side.allCases {
            guard let document = layout.document(side) else { continue }
            let found = SpanLocator(document: document, sources: sources).regions(order.map { report.findings[$0].span(side) })
            regions[side] = Dictionary(uniqueKeysWithValues: zip(order, found).compactMap { index, region in region.map { (index, $0) } })
        }
        var accepted: [Int] = []
        var uncertain: [Int] = []
        var failing: [FindingCategory: [Int]] = [:]
        for index in order {
            let finding = report.findings[index]
            if finding.accepted || suppressed.contains(finding.id) {
                accepted.append(index)
            } else if finding.uncertainReason != nil {
                uncertain.append(index)
            } else if finding.severity >= failLevel {
                failing[finding.category, default: []].append(index)
            }
        }

        var cases = ""
        for category in FindingCategory.allCases {
            let rule = FindingRule(category: category)
            cases += "    <testcase name=\"\(XMLText.attribute(rule.id))\" classname=\"\(XMLText.attribute(name))\" time=\"0\""
            guard let findings = failing[category], !findings.isEmpty else {
                cases += "/>\n"
                continue
            }
            let worst = findings.map { report.findings[$0].severity }.max() ?? failLevel
            let message =
                "\(findings.count) \(category.rawValue) finding\(findings.count == 1 ? "" : "s") at or above \(failLevel.rawValue)"
            var body = rule.shortDescription + "\n"
            for index in findings {
                body +=
                    "\n"
                    + describe(
                        report.findings[index], layout: layout,
                        regions: regions.mapValues { $0[index] })
            }
            cases += ">\n      <failure message=\"\(XMLText.attribute(message))\" type=\"\(worst.rawValue)\">"
            cases += XMLText.text(body) + "</failure>\n    </testcase>\n"
        }

        let summary = report.summary
        let total = report.findings.count
        var out = "  <testsuite name=\"\(XMLText.attribute(name))\" package=\"parallax\" id=\"\(id)\""
        out += " timestamp=\"\(timestamp)\" hostname=\"\(XMLText.attribute(hostname))\""
        out += " tests=\"\(FindingCategory.allCases.count)\" failures=\"\(failing.count)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
        out += "    <properties>\n"
        var properties: [(String, String)] = []
        if let a = layout.document(.a) { properties += [("a", a.path), ("a.sha256", a.sha256)] }
        if let b = layout.document(.b) { properties += [("b", b.path), ("b.sha256", b.sha256)] }
        properties += [
            ("coverageA", "\(summary.coverageA)"), ("coverageB", "\(summary.coverageB)"),
            ("sameEvent", "\(summary.sameEvent)"), ("failLevel", failLevel.rawValue),
            ("findings", "\(total)"), ("accepted", "\(accepted.count)"), ("uncertain", "\(uncertain.count)"),
        ]
        for (key, value) in properties {
            out += "      <property name=\"\(XMLText.attribute(key))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        out += "    </properties>\n"
        out += cases
        var note = "Coverage A→B \(ReportLayout.percent(summary.coverageA)), B→A \(ReportLayout.percent(summary.coverageB)); "
        note +=
            summary.sameEvent
            ? "the accounts appear to describe the same event. " : "the accounts do not appear to describe the same event. "
        note += "\(total) finding\(total == 1 ? "" : "s")"
        note += accepted.isEmpty ? "" : ", \(accepted.count) accepted in the baseline"
        note += uncertain.isEmpty ? ".\n" : ", \(uncertain.count) on uncertain links (for review, failing nothing).\n"
        for index in accepted + uncertain {
            let finding = report.findings[index]
            let mark = finding.accepted || suppressed.contains(finding.id) ? "accepted" : "uncertain: \(finding.uncertainReason ?? "")"
            note += "[\(mark)] \(finding.category.rawValue) (\(finding.severity.rawValue)): \(finding.message) [\(finding.id)]\n"
        }
        out += "    <system-out>" + XMLText.text(note) + "</system-out>\n"
        out += "    <system-err></system-err>\n"
        out += "  </testsuite>\n"
        return out
    }

    /// A failing finding in a failure's text: severity and message, then each side's place and
    /// words.
    static func describe(_ finding: Finding, layout: ReportLayout, regions: [ReportLayout.Side: SpanRegion?]) -> String {
        var text = "\(finding.severity.rawValue): \(finding.message) [\(finding.id)]\n"
        for side in ReportLayout.Side.allCases {
            guard finding.span(side) != nil, let document = layout.document(side) else {
                text += "  \(side.label): nothing\n"
                continue
            }
            guard let region = regions[side] ?? nil else {
                text += "  \(side.label) \(document.path): the whole account\n"
                continue
            }
            text += "  \(side.label) \(document.path):\(region.startLine):\(region.startColumn): \(SARIFRenderer.excerpt(region.snippet))\n"
        }
        return text
    }

    /// `A-path ↔ B-path`, as a token.
    static func pairName(_ layout: ReportLayout) -> String {
        let name = XMLText.token("\(layout.document(.a)?.path ?? "A") ↔ \(layout.document(.b)?.path ?? "B")")
        return name.isEmpty ? "parallax" : name
    }

    /// `yyyy-MM-ddTHH:mm:ss` in UTC (the schema's pattern has no time zone); years outside
    /// 0000…9999 are clamped.
    static func iso8601(_ date: Date) -> String {
        let limit = 253_402_300_799.0  // 9999-12-31T23:59:59
        let seconds = Int64(min(max(date.timeIntervalSince1970.rounded(.down), -62_167_219_200), limit))
        var days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int64, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    }

    /// The time a reproducible build should record: `SOURCE_DATE_EPOCH` (seconds since
    /// 1970-01-01 UTC, https://reproducible-builds.org/specs/source-date-epoch/) when the
    /// environment sets it, else `now`.
    /// - Returns: nil when `SOURCE_DATE_EPOCH` is set but not a whole number of seconds.
    public static func timestamp(environment: [String: String], now: Date) -> Date? {
        guard let value = environment["SOURCE_DATE_EPOCH"] else { return now }
        guard let seconds = Int64(value.trimmingCharacters(in: .whitespaces)) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
