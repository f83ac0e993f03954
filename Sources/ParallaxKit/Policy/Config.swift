import Foundation
import Yams

/// A configuration file that Parallax cannot use: the file, the line, the key and the problem.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var line: Int?
    public var key: String?
    public var problem: String

    public init(path: String, line: Int?, key: String?, problem: String) {
        self.path = path
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var out = path
        if let line { out += ":\(line)" }
        out += ": "
        if let key { out += "\(key): " }
        return out + problem
    }
}

/// The project configuration (`parallax.yml`): which pairs to check, the glossary, extra
/// boilerplate phrases, the language, severities per finding category, the thresholds of the
/// check, and the baseline file. Unknown keys, wrong types and bad values are errors that name
/// the file, the line and the key.
public struct Config: Sendable, Equatable {
    /// A pair of accounts to compare, paths relative to the configuration file's folder.
    public struct Pair: Sendable, Equatable {
        public var a: String
        public var b: String
        /// A name for reports (defaults to the folder of A).
        public var name: String?

        public init(a: String, b: String, name: String? = nil) {
            self.a = a
            self.b = b
            self.name = name
        }
    }

    /// The limits `parallax check` enforces.
    public struct Thresholds: Sendable, Equatable {
        /// Minimum share of A's content that B covers.
        public var minCoverageA: Double?
        /// Minimum share of B's content that A covers.
        public var minCoverageB: Double?
        /// Most findings allowed per category (after the baseline).
        public var maxCount: [FindingCategory: Int] = [:]
        /// Largest drift score allowed for any aligned group.
        public var maxDrift: Double?

        public init() {}
    }

    /// The file this configuration came from (nil for the defaults).
    public var path: String?
    public var language = "en"
    public var pairs: [Pair] = []
    /// Glossary classes: each a list of variants that mean the same.
    public var glossary: [[String]] = []
    /// Phrases that mark a line as page chrome, added to the built-in list.
    public var boilerplate: [String] = []
    /// Whether short lines without sentence punctuation (headlines) are boilerplate.
    public var headingsAreBoilerplate = false
    /// Whether a lone sentence on each side of an order gap is paired by the order alone (see
    /// ``AlignmentOptions/pairLoneGaps``): right for translations, off to see every substituted
    /// sentence as an omission and an addition.
    public var pairLoneGaps = true
    /// How sentences are linked (`alignment: auto | ordered | rewrite`; see ``AlignmentMode``).
    public var alignment = AlignmentMode.auto
    public var severities: [FindingCategory: Severity] = [:]
    public var thresholds = Thresholds()
    /// The lowest severity that fails `parallax check` (default: error).
    public var failOn: Severity = .error
    /// The baseline file of accepted findings, relative to the configuration file's folder.
    public var baseline: String?

    public init() {}

    /// The folder paths in the file are relative to.
    public var directory: String {
        guard let path else { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// A path from the file, made absolute against the file's folder.
    public func resolve(_ relative: String) -> String {
        if relative.hasPrefix("/") || relative == "-" { return relative }
        return URL(fileURLWithPath: directory).appendingPathComponent(relative).standardizedFileURL.path
    }

    /// The baseline file in force: `explicit` if given, else the configuration's.
    public func baselinePath(_ explicit: String?) -> String? {
        explicit ?? baseline.map(resolve)
    }

    /// The name of the configuration file Parallax looks for.
    public static let fileName = "parallax.yml"

    /// The configuration file that applies to `inputs`: `parallax.yml` in the folder of the
    /// first file input or in one of its parents (stopping at a folder with `.git`).
    public static func discover(near inputs: [String]) -> String? {
        guard let input = inputs.first(where: { $0 != "-" }) else { return nil }
        var folder = URL(fileURLWithPath: input).standardizedFileURL.deletingLastPathComponent()
        let manager = FileManager.default
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            if manager.fileExists(atPath: candidate) { return candidate }
            if manager.fileExists(atPath: folder.appendingPathComponent(".git").path) || folder.path == "/" { return nil }
            folder.deleteLastPathComponent()
        }
    }

    /// Reads a configuration file.
    public static func load(path: String) throws(ConfigError) -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw ConfigError(
                path: path, line: nil, key: nil,
                problem: !exists ? "no such file" : isDirectory.boolValue ? "is a directory, not a file" : "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: nil, key: nil, problem: "is not UTF-8 text")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses configuration text; `path` names it in errors.
    public static func parse(yaml text: String, path: String) throws(ConfigError) -> Config {
        let limit = YAMLSize.limit(byteCount: text.utf8.count)
        if YAMLSize.exceeds(text, limit: limit) {
            let problem =
                "expands its YAML aliases to more than \(limit) values (\(YAMLSize.baseNodes) and \(YAMLSize.nodesPerByte) a byte); write the lists out instead"
            throw ConfigError(path: path, line: nil, key: nil, problem: problem)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(path: path, line: Self.line(of: error), key: nil, problem: "is not valid YAML (\(Self.summary(of: error)))")
        } catch {
            throw ConfigError(path: path, line: nil, key: nil, problem: "is not valid YAML")
        }
        var config = Config()
        config.path = path
        guard let root else { return config }
        let reader = Reader(path: path)
        let top = try reader.mapping(root, key: nil)
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "language":
                let language = try reader.string(value, key: key)
                guard Languages.isSupported(language) else { throw reader.error(value, key, Languages.problem(language)) }
                config.language = language
            case "pairs":
                config.pairs = try reader.sequence(value, key: key).enumerated().map { (i, item) throws(ConfigError) in
                    try reader.pair(item, key: "pairs[\(i)]")
                }
            case "glossary":
                config.glossary = try reader.sequence(value, key: key).enumerated().map { (i, item) throws(ConfigError) in
                    let variants = try reader.sequence(item, key: "glossary[\(i)]").map { (v) throws(ConfigError) in
                        try reader.string(v, key: "glossary[\(i)]")
                    }
                    guard variants.count >= 2 else { throw reader.error(item, "glossary[\(i)]", "a class needs at least two variants") }
                    return variants
                }
            case "boilerplate":
                config.boilerplate = try reader.sequence(value, key: key).map { (v) throws(ConfigError) in try reader.string(v, key: key) }
            case "headingsAreBoilerplate":
                config.headingsAreBoilerplate = try reader.bool(value, key: key)
            case "pairLoneGaps":
                config.pairLoneGaps = try reader.bool(value, key: key)
            case "alignment":
                let name = try reader.string(value, key: key)
                guard let mode = AlignmentMode(rawValue: name) else {
                    throw reader.error(
                        value, key, "must be one of \(AlignmentMode.allCases.map(\.rawValue).joined(separator: ", ")), not \(name)")
                }
                config.alignment = mode
            case "severity":
                for (categoryNode, severityNode) in try reader.mapping(value, key: key) {
                    let name = categoryNode.string ?? ""
                    // Categories that earlier versions listed but never reported: accepted, no effect.
                    if FindingCategory.retired.contains(name) { continue }
                    guard let category = FindingCategory(rawValue: name) else {
                        throw reader.error(
                            categoryNode, "severity.\(name)",
                            "unknown finding category (one of \(FindingCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    config.severities[category] = try reader.severity(severityNode, key: "severity.\(name)")
                }
            case "thresholds":
                config.thresholds = try reader.thresholds(value)
            case "failOn":
                config.failOn = try reader.severity(value, key: key)
            case "baseline":
                config.baseline = try reader.string(value, key: key)
            default:
                throw reader.error(
                    keyNode, key,
                    "unknown key (known: language, pairs, glossary, boilerplate, headingsAreBoilerplate, pairLoneGaps, alignment, severity, thresholds, failOn, baseline)"
                )
            }
        }
        return config
    }

    // MARK: - YAML errors

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _): return "duplicated keys: \(duplicates.joined(separator: ", "))"
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "syntax error"
        }
    }
}

/// Reads typed values from YAML nodes, with errors that name the line and key.
private struct Reader {
    let path: String

    func error(_ node: Node, _ key: String?, _ problem: String) -> ConfigError {
        ConfigError(path: path, line: node.mark?.line, key: key, problem: problem)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func mapping(_ node: Node, key: String?) throws(ConfigError) -> [(Node, Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, key, "expected a mapping of keys to values, got \(describe(node))")
        }
        var seen = Set<String>()
        var pairs: [(Node, Node)] = []
        for (k, v) in mapping {
            let name = k.string ?? ""
            guard seen.insert(name).inserted else { throw error(k, key.map { "\($0).\(name)" } ?? name, "duplicated key") }
            pairs.append((k, v))
        }
        return pairs
    }

    func sequence(_ node: Node, key: String) throws(ConfigError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, key, "expected a list, got \(describe(node))") }
        return Array(sequence)
    }

    func string(_ node: Node, key: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(node, key, "expected a text, got \(describe(node))")
        }
        return scalar.string
    }

    func bool(_ node: Node, key: String) throws(ConfigError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error(node, key, "expected true or false, got \(describe(node))") }
        return value
    }

    func share(_ node: Node, key: String) throws(ConfigError) -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value >= 0, value <= 1 else {
            throw error(node, key, "expected a number from 0 to 1, got \(describe(node))")
        }
        return value
    }

    func count(_ node: Node, key: String) throws(ConfigError) -> Int {
        guard case .scalar = node, let value = node.int, value >= 0 else {
            throw error(node, key, "expected a whole number of 0 or more, got \(describe(node))")
        }
        return value
    }

    func severity(_ node: Node, key: String) throws(ConfigError) -> Severity {
        guard case .scalar(let scalar) = node, let value = Severity(rawValue: scalar.string) else {
            throw error(node, key, "expected error, warning or info, got \(describe(node))")
        }
        return value
    }

    func pair(_ node: Node, key: String) throws(ConfigError) -> Config.Pair {
        var a: String?
        var b: String?
        var name: String?
        for (k, v) in try mapping(node, key: key) {
            switch k.string ?? "" {
            case "a": a = try string(v, key: "\(key).a")
            case "b": b = try string(v, key: "\(key).b")
            case "name": name = try string(v, key: "\(key).name")
            case let other: throw error(k, "\(key).\(other)", "unknown key (known: a, b, name)")
            }
        }
        guard let a, let b else { throw error(node, key, "a pair needs both a and b") }
        return Config.Pair(a: a, b: b, name: name)
    }

    func thresholds(_ node: Node) throws(ConfigError) -> Config.Thresholds {
        var t = Config.Thresholds()
        for (k, v) in try mapping(node, key: "thresholds") {
            let name = k.string ?? ""
            let key = "thresholds.\(name)"
            switch name {
            case "minCoverageA": t.minCoverageA = try share(v, key: key)
            case "minCoverageB": t.minCoverageB = try share(v, key: key)
            case "maxDrift": t.maxDrift = try share(v, key: key)
            case "maxCount":
                for (c, n) in try mapping(v, key: key) {
                    let category = c.string ?? ""
                    if FindingCategory.retired.contains(category) { continue }
                    guard let value = FindingCategory(rawValue: category) else {
                        throw error(
                            c, "\(key).\(category)",
                            "unknown finding category (one of \(FindingCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    t.maxCount[value] = try count(n, key: "\(key).\(category)")
                }
            default:
                throw error(k, key, "unknown key (known: minCoverageA, minCoverageB, maxCount, maxDrift)")
            }
        }
        return t
    }
}

extension Config {
    /// The analysis and comparison options this configuration asks for.
    /// - Throws: ``EngineError`` when ICU fails to fold a glossary variant.
    public func options(pins: [SentencePin] = []) throws(EngineError) -> (analysis: AnalysisOptions, comparison: ComparisonOptions) {
        let analysis = AnalysisOptions(
            language: language,
            chrome: ChromeRules(extraPrefixes: boilerplate, headingsAreBoilerplate: headingsAreBoilerplate))
        let glossary = glossary.isEmpty ? Glossary.empty : try Glossary(classes: glossary, normalizer: analysis.normalizer)
        var alignment = AlignmentOptions(language: language, glossary: glossary, pairLoneGaps: pairLoneGaps)
        alignment.mode = self.alignment
        alignment.pins = pins
        let comparison = ComparisonOptions(alignment: alignment, severities: severities)
        return (analysis, comparison)
    }
}
