import ArgumentParser
import Foundation
import ParallaxKit

/// The options that choose the configuration and the baseline and override the configuration's
/// settings: declared once, shared by `compare`, `review` and `check`.
struct ConfigOptions: ParsableArguments {
    @Option(
        help:
            "Language of the accounts (ISO 639-1 code, a region may follow: en, en-GB); overrides the configuration's. Supported: \(Languages.supported.joined(separator: ", "))."
    )
    var language: String?

    @Option(
        help:
            "Configuration file (default: parallax.yml next to the inputs or in a folder above them; for check without files, in the current folder or above).",
        completion: .file(extensions: ["yml", "yaml"])
    )
    var config: String?

    @Flag(help: "Use no configuration file, even if one is found.")
    var noConfig = false

    @Option(
        help: "Baseline file (accepted findings and pinned links; default: the configuration's).", completion: .file(extensions: ["json"]))
    var baseline: String?

    @Flag(help: "Leave headline-like lines (short, unpunctuated) out of the comparison, as page chrome.")
    var headingsAsBoilerplate = false

    @Option(
        help:
            "How sentences are linked: auto (from the order evidence), ordered (translations, light edits) or rewrite (retellings: best partners without the order's support, no moves); overrides the configuration's."
    )
    var alignment: String?

    func validate() throws {
        if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together.") }
        if let alignment, AlignmentMode(rawValue: alignment) == nil {
            throw ValidationError(
                "--alignment must be one of \(AlignmentMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(alignment)'.")
        }
        if let language, !Languages.isSupported(language) {
            throw ValidationError("--language: \(Languages.problem(language)).")
        }
    }

    /// The configuration in force: the file given, the one found near `inputs` (files, or a
    /// would-be `parallax.yml` in the current folder), or none; with the overrides.
    func loadConfig(near inputs: [String]) throws -> Config {
        var loaded = Config()
        if let config {
            loaded = try Config.load(path: config)
        } else if !noConfig, let found = Config.discover(near: inputs) {
            loaded = try Config.load(path: found)
        }
        if let language { loaded.language = language }
        if headingsAsBoilerplate { loaded.headingsAreBoilerplate = true }
        if let alignment, let mode = AlignmentMode(rawValue: alignment) { loaded.alignment = mode }
        return loaded
    }

    /// The configuration and the baseline in force.
    func setting(near inputs: [String]) throws -> Setting {
        let config = try loadConfig(near: inputs)
        let path = config.baselinePath(baseline)
        var isDirectory: ObjCBool = false
        let exists = path.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) } ?? false
        var notes: [String] = []
        if let path, !exists {
            let named = baseline != nil ? "given with --baseline" : "named in \(Setting.shown(config.path ?? Config.fileName))"
            notes.append(
                "the baseline \(Setting.shown(path)) (\(named)) does not exist: no finding is accepted; `parallax check --update-baseline` or `parallax review` creates it"
            )
        }
        return Setting(
            config: config, baselinePath: path, baselineExists: exists && !isDirectory.boolValue,
            baseline: try path.map { try Baseline.load(path: $0) } ?? Baseline(), notes: notes)
    }
}

/// The configuration and the baseline a command runs under, and what to tell about them.
struct Setting {
    var config: Config
    /// The baseline file in force (given, or the configuration's); nil when there is none.
    var baselinePath: String?
    var baselineExists: Bool
    /// The baseline as read (empty when the file does not exist).
    var baseline: Baseline
    /// Notices about the configuration and the baseline (a baseline that does not exist).
    var notes: [String]

    /// The pair of accounts `a` and `b` as the baseline knows it.
    func identity(a: String, b: String) -> PairIdentity {
        config.pairIdentity(a: a, b: b, baseline: baselinePath)
    }

    /// The baseline file for the verdict document.
    var baselineFile: Verdict.BaselineFile? {
        baselinePath.map { Verdict.BaselineFile(path: Self.shown($0), exists: baselineExists, entries: baseline.accepted.count) }
    }

    /// A path relative to the current folder when it is inside it (how reports name files).
    static func shown(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        let absolute = path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL.path : path
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : path
    }
}
