/// Reports as one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for
/// code-scanning dashboards such as GitHub's.
///
/// The log has one run with every report's results. Its tool is `parallax` with one rule per
/// finding category (``FindingCategory``, ids `parallax/<category>`, in the category order, so a
/// rule's index never depends on the findings), each with the level of its category's findings
/// (error → `error`, warning → `warning`, info → `note`).
///
/// Each finding is one result at the side it is about (an omission at A, an addition at B, any
/// other finding at B when B has words to point at, else at A), with the other side as a related
/// location, `partialFingerprints["parallax/v1"]` the finding's id, and an external suppression
/// when the baseline accepts it (status `accepted`) or it sits on an uncertain link (status
/// `underReview`, the reason in the result's `properties.uncertain`). A note about a whole
/// document points at the file, without a region.
///
/// Regions give lines and columns and, when the inputs' texts are passed as `sources`, character
/// offsets and exact snippets (see ``SpanLocator`` for what happens without them). Columns and
/// character offsets count Unicode scalars: the run says so with `columnKind`
/// `unicodeCodePoints`, and `newlineSequences` lists LF, CRLF and a lone CR, the line ends
/// Parallax counts. Artifacts carry the inputs' SHA-256 and encoding; their URIs are the paths
/// as given, percent-encoded (an absolute path as a `file://` URI) or, with a `root`, relative to
/// it with `uriBaseId` `SRCROOT`, which the run's `originalUriBaseIds` maps to the root.
///
/// The output is deterministic: sorted keys, no timestamps, findings in document order.
public enum SARIFRenderer {
    /// The SARIF schema the output follows.
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// Renders reports (one per compared pair) as a SARIF log.
    /// - Parameters:
    ///   - reports: The reports; their results go into one run.
    ///   - suppressed: Ids of findings the baseline accepts: their results carry an external
    ///     suppression.
    ///   - sources: The inputs' texts, for exact lines, columns and character offsets; matched to
    ///     the reports' documents by SHA-256.
    ///   - root: The folder locations are relative to (see ``FilePaths/repositoryRoot(from:)``);
    ///     nil for the documents' paths as they are.
    /// - Returns: The log as JSON, ending with a newline.
    public static func render(
        _ reports: [Report], suppressed: Set<String> = [], sources: [SourceText] = [], root: String? = nil
    ) -> String {
        let log = makeLog(reports, suppressed: suppressed, sources: sources, root: root)
        do {
            return try JSONOutput.encode(log)
        } catch {
            // Encoding plain strings and integers cannot fail.
            preconditionFailure("SARIF log could not be encoded: \(error)")
        }
    }

    // MARK: - Building

    /// The id of the base URI of locations relative to the root.
    static let rootBase = "SRCROOT"

    static func makeLog(_ reports: [Report], suppressed: Set<String>, sources: [SourceText], root: String? = nil) -> Log {
        func artifactLocation(_ path: String, index: Int?) -> ArtifactLocation {
            guard let root else { return ArtifactLocation(uri: uri(forPath: path), index: index) }
            let relative = FilePaths.ciPath(path, root: root)
            return ArtifactLocation(uri: uri(forPath: relative), uriBaseId: relative.hasPrefix("/") ? nil : rootBase, index: index)
        }
        let rules = FindingCategory.allCases.map { category -> ReportingDescriptor in
            let rule = FindingRule(category: category)
            let severity =
                reports.lazy.flatMap(\.findings).first { $0.category == category }?.severity
                ?? ComparisonOptions.defaultSeverities[category] ?? .warning
            return ReportingDescriptor(
                id: rule.id, name: rule.name,
                shortDescription: Message(text: rule.shortDescription),
                fullDescription: Message(text: rule.shortDescription + " " + rule.help),
                help: Message(text: rule.help),
                defaultConfiguration: ReportingConfiguration(level: level(severity)))
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: FindingCategory.allCases.enumerated().map { ($1, $0) })

        var artifacts: [Artifact] = []
        var artifactIndex: [String: Int] = [:]
        func artifact(for document: DocumentRecord) -> Int {
            let key = document.sha256 + "\u{0}" + document.path
            if let index = artifactIndex[key] { return index }
            artifacts.append(
                Artifact(
                    location: artifactLocation(document.path, index: nil),
                    encoding: document.encoding, hashes: ["sha-256": document.sha256]))
            artifactIndex[key] = artifacts.count - 1
            return artifacts.count - 1
        }

        var results: [Result] = []
        for report in reports {
            let layout = ReportLayout(report)
            let order = layout.findingOrder()
            var locators: [ReportLayout.Side: SpanLocator] = [:]
            var regions: [ReportLayout.Side: [SpanRegion?]] = [:]
            for side in ReportLayout.Side.allCases {
                guard let document = layout.document(side) else { continue }
                let locator = SpanLocator(document: document, sources: sources)
                locators[side] = locator
                regions[side] = locator.regions(order.map { report.findings[$0].span(side) })
            }
            for (position, index) in order.enumerated() {
                let finding = report.findings[index]
                let primary = ReportLayout.Side.primary(of: finding)
                func location(_ side: ReportLayout.Side) -> PhysicalLocation? {
                    guard finding.span(side) != nil, let document = layout.document(side) else { return nil }
                    let region = regions[side]?[position].map(Region.init)
                    return PhysicalLocation(
                        artifactLocation: artifactLocation(document.path, index: artifact(for: document)),
                        region: region)
                }
                var locations: [Location] = []
                if let physical = location(primary) {
                    locations.append(Location(id: nil, physicalLocation: physical, message: nil))
                }
                var related: [Location] = []
                if let physical = location(primary.other), let span = finding.span(primary.other) {
                    let words = regions[primary.other]?[position]?.snippet ?? span.text
                    let text =
                        span.sentences.isEmpty || words.isEmpty
                        ? "\(primary.other.label): the whole account"
                        : "\(primary.other.label): \(excerpt(words))"
                    related.append(Location(id: 1, physicalLocation: physical, message: Message(text: text)))
                }
                results.append(
                    Result(
                        ruleId: FindingRule(category: finding.category).id,
                        ruleIndex: ruleIndex[finding.category] ?? 0,
                        level: level(finding.severity),
                        message: Message(text: finding.message),
                        locations: locations,
                        relatedLocations: related.isEmpty ? nil : related,
                        partialFingerprints: ["parallax/v1": finding.id],
                        suppressions: suppression(finding, suppressed: suppressed).map { [$0] },
                        properties: finding.uncertainReason.map { ["uncertain": $0] }))
            }
        }
        let version = reports.first?.tool.version ?? parallaxVersion
        let run = Run(
            tool: Tool(driver: ToolComponent(name: "parallax", version: version, semanticVersion: version, rules: rules)),
            originalUriBaseIds: root.map { [rootBase: ArtifactLocation(uri: uri(forPath: $0.hasSuffix("/") ? $0 : $0 + "/"), index: nil)] },
            artifacts: artifacts, results: results, columnKind: "unicodeCodePoints",
            newlineSequences: ["\r\n", "\n", "\r"])
        return Log(schema: schemaURI, version: "2.1.0", runs: [run])
    }

    /// Why a result is suppressed: the baseline accepts it, or its link is uncertain (for review).
    static func suppression(_ finding: Finding, suppressed: Set<String>) -> Suppression? {
        if finding.accepted || suppressed.contains(finding.id) {
            return Suppression(kind: "external", status: "accepted", justification: "Accepted in the Parallax baseline.")
        }
        guard let reason = finding.uncertainReason else { return nil }
        let justification = "On an uncertain link, for a person to review: \(reason)."
        return Suppression(kind: "external", status: "underReview", justification: justification)
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A path as a URI reference: unreserved characters and `/` kept, every other byte of its
    /// UTF-8 percent-encoded (so a `:` in a relative path cannot read as a scheme, and spaces,
    /// `%`, `#` and `?` stay part of the path); an absolute path becomes a `file://` URI.
    static func uri(forPath path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + out : out
    }

    /// At most 200 scalars of a text, for a message.
    static func excerpt(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 200 else { return "“\(text)”" }
        var short = String.UnicodeScalarView()
        short.append(contentsOf: scalars.prefix(200))
        return "“\(String(short))…”"
    }

    // MARK: - The SARIF object model (the part Parallax writes)

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]?
        var artifacts: [Artifact]
        var results: [Result]
        var columnKind: String
        var newlineSequences: [String]
    }

    struct Tool: Encodable {
        var driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: ReportingConfiguration
    }

    struct ReportingConfiguration: Encodable {
        var level: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Artifact: Encodable {
        var location: ArtifactLocation
        var encoding: String
        var hashes: [String: String]
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String? = nil
        var index: Int?
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: [String: String]? = nil
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var charOffset: Int?
        var charLength: Int?
        var snippet: Message

        init(_ region: SpanRegion) {
            startLine = region.startLine
            startColumn = region.startColumn
            endLine = region.endLine
            endColumn = region.endColumn
            charOffset = region.charOffset
            charLength = region.charLength
            snippet = Message(text: region.snippet)
        }
    }

    struct Suppression: Encodable {
        var kind: String
        var status: String
        var justification: String
    }
}
