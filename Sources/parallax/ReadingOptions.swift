import ArgumentParser
import Foundation
import ParallaxKit

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    /// On a terminal, unless `NO_COLOR` is set.
    case auto
    case always
    case never

    /// Whether to colour, for output to a terminal (`toTerminal`) or not; `--no-color` (the
    /// older flag) wins over everything.
    func enabled(noColorFlag: Bool, toTerminal: Bool) -> Bool {
        if noColorFlag { return false }
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return toTerminal && Console.colorEnabled(disabled: false)
        }
    }
}

/// `--color auto|always|never`, and `--no-color` (hidden: the older spelling of never).
struct ColorOptions: ParsableArguments {
    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always (also for | less -R or a file), never.")
    var color: ColorChoice = .auto

    @Flag(name: .customLong("no-color"), help: ArgumentHelp("The same as --color never.", visibility: .hidden))
    var noColor = false

    /// Whether to colour output that goes to a terminal (`toTerminal`) or not.
    func enabled(toTerminal: Bool) -> Bool { color.enabled(noColorFlag: noColor, toTerminal: toTerminal) }
}

extension Severity: ExpressibleByArgument {}
extension FindingCategory: ExpressibleByArgument {}
extension TerminalRenderer.Sort: ExpressibleByArgument {}

/// The options of a report a person reads: what to show, in what order, in colour or not,
/// paged or not.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Order of the sentence pairs in terminal output: severity (pairs with errors first) or document.")
    var sort: TerminalRenderer.Sort = .severity

    @Option(
        name: .customLong("severity"),
        help: ArgumentHelp("Show only findings of this severity or higher (error, warning, info) in terminal output.", valueName: "level"))
    var minimumSeverity: Severity?

    @Option(
        name: .customLong("category"),
        help: ArgumentHelp("Show only findings of this category in terminal output (repeatable, or comma-separated).", valueName: "name"),
        completion: .list(FindingCategory.allCases.map(\.rawValue)))
    var categoryNames: [String] = []

    @OptionGroup var colors: ColorOptions

    @Flag(help: "Never page the output (by default long terminal output goes through $PARALLAX_PAGER, $PAGER or less -R).")
    var noPager = false

    /// The categories asked for, each name checked.
    func categories() throws -> Set<FindingCategory> {
        var out = Set<FindingCategory>()
        for name in categoryNames.flatMap({ $0.split(separator: ",") }).map({ String($0).trimmingCharacters(in: .whitespaces) })
        where !name.isEmpty {
            guard let category = FindingCategory(rawValue: name) else {
                throw ValidationError(
                    "--category: unknown category '\(name)'\(Suggest.hint(name, among: FindingCategory.allCases.map(\.rawValue))) (known: \(FindingCategory.allCases.map(\.rawValue).joined(separator: ", ")))."
                )
            }
            out.insert(category)
        }
        return out
    }

    /// Whether any option that shapes the terminal report was given.
    var shapesTerminalReport: Bool { sort != .severity || minimumSeverity != nil || !categoryNames.isEmpty }

    func validate() throws { _ = try categories() }

    func terminalOptions(width: Int, color: Bool) throws -> TerminalRenderer.Options {
        TerminalRenderer.Options(width: width, color: color, sort: sort, minimumSeverity: minimumSeverity, categories: try categories())
    }
}
