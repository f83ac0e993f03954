/// Reports as GitHub Actions workflow commands: one annotation per finding,
/// `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=TITLE::MESSAGE` (a warning as
/// `::warning`, info as `::notice`), which a workflow step prints to put the findings on the
/// files in a pull request.
///
/// Each annotation points at the side the finding is about (as in ``SARIFRenderer``); the
/// message says what the finding is and quotes both sides' words. A note about a whole document
/// names the file only. Findings the baseline accepts (``Finding/accepted`` or `suppressed`) are
/// left out; a finding on an uncertain link is a `::notice` that says why the link is uncertain
/// (it fails no gate). A report with no annotation left is one `::notice` line that says so,
/// never nothing. With a `root`, `file=` is the path relative to it (the repository root), as a
/// CI service resolves it.
///
/// Escaping, as the runner decodes it: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`;
/// in properties also `:` and `,` become `%3A`, `%2C`. A command is one line, so no input text
/// can end it or start another; other control characters (C0, DEL, C1, bidirectional controls,
/// U+2028, U+2029) are shown as `\u{…}`, so an escape sequence in an input cannot drive the
/// terminal that shows the log.
public enum GitHubRenderer {
    /// Renders reports as workflow commands, one line per finding, in document order.
    /// - Parameters:
    ///   - reports: The reports (one per compared pair).
    ///   - suppressed: Ids of findings the baseline accepts: no annotation.
    ///   - sources: The inputs' texts, for exact lines and columns.
    ///   - root: The folder `file=` paths are relative to (see ``FilePaths/repositoryRoot(from:)``);
    ///     nil for the documents' paths as they are.
    /// - Returns: The workflow commands, one per line.
    public static func render(
        _ reports: [Report], suppressed: Set<String> = [], sources: [SourceText] = [], root: String? = nil
    ) -> String {
        var out = ""
        for report in reports {
            let layout = ReportLayout(report)
            let all = layout.findingOrder()
            let order = all.filter { !report.findings[$0].accepted && !suppressed.contains(report.findings[$0].id) }
            guard !order.isEmpty else {
                let a = layout.document(.a)?.path ?? "A"
                let b = layout.document(.b)?.path ?? "B"
                let accepted = all.count - order.count
                let what = all.isEmpty ? "no findings" : "no open findings: all \(accepted) accepted by the baseline"
                out += command("notice", properties: [("title", "Parallax")], message: "\(a) ↔ \(b): \(what)") + "\n"
                continue
            }
            var regions: [ReportLayout.Side: [SpanRegion?]] = [:]
            for side in ReportLayout.Side.allCases {
                guard let document = layout.document(side) else { continue }
                regions[side] = SpanLocator(document: document, sources: sources).regions(order.map { report.findings[$0].span(side) })
            }
            for (position, index) in order.enumerated() {
                let finding = report.findings[index]
                let side = ReportLayout.Side.primary(of: finding)
                var properties: [(String, String)] = []
                if let document = layout.document(side) {
                    properties.append(("file", root.map { FilePaths.ciPath(document.path, root: $0) } ?? document.path))
                }
                if let region = regions[side]?[position] {
                    properties += [
                        ("line", "\(region.startLine)"), ("endLine", "\(region.endLine)"),
                        ("col", "\(region.startColumn)"), ("endColumn", "\(region.endColumn)"),
                    ]
                }
                let uncertain = finding.uncertainReason != nil
                properties.append(("title", "Parallax \(finding.category.rawValue)\(uncertain ? " (uncertain link)" : "")"))
                var message = finding.message
                if let reason = finding.uncertainReason { message += "\nUncertain link, for review (fails no check): \(reason)." }
                for quoted in ReportLayout.Side.allCases {
                    guard let span = finding.span(quoted) else { continue }
                    let words = regions[quoted]?[position]?.snippet ?? ""
                    message +=
                        span.sentences.isEmpty || words.isEmpty
                        ? "\n\(quoted.label): the whole account"
                        : "\n\(quoted.label): \(SARIFRenderer.excerpt(words))"
                }
                out += command(uncertain ? "notice" : level(finding.severity), properties: properties, message: message) + "\n"
            }
        }
        return out
    }

    /// The workflow command for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// `::name key=value,…::message`, escaped.
    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))"
    }

    /// A command's message: `%`, CR, LF as the runner decodes them; other controls visible.
    static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// A property value: as a message, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default:
                if Characters.isUnsafeForDisplay(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += TerminalText.visible(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
