import ArgumentParser
import Foundation
import ParallaxKit

@main
struct Parallax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "Compare accounts of the same event: what one adds, omits, and words differently.",
        discussion: """
            Exit status: 0 success; 1 `check` found violations; 2 usage, input or configuration \
            error; 3 internal error.
            """,
        version: parallaxVersion,
        subcommands: [
            CompareCommand.self, CheckCommand.self, BatchCommand.self, ReviewCommand.self, SegmentCommand.self, NormalizeCommand.self,
        ]
    )

    /// Runs the command and maps every failure to the documented exit status:
    /// 2 for usage and input errors, 3 for internal errors.
    static func main() {
        // Large arrays, once freed, go back to the system instead of swelling the peak.
        AllocatorPolicy.returnLargeBlocksWhenFreed()
        do {
            // A first word that is no subcommand (and no option): say so, with the closest
            // name, rather than argument-parser's "3 unexpected arguments".
            let arguments = RawArguments.load()
            if let first = arguments.first, !first.hasPrefix("-") {
                let names = configuration.subcommands.map { $0._commandName } + ["help"]
                if !names.contains(first) {
                    Console.usageError(
                        "unknown command '\(first)'\(Suggest.hint(first, among: names)) (commands: \(names.dropLast().joined(separator: ", ")))\nUsage: parallax <subcommand>\n  See 'parallax --help' for more information."
                    )
                    Foundation.exit(ExitStatus.trouble)
                }
            }
            var command = try parseAsRoot(arguments)
            // For the tests of the exit status: PARALLAX_FAULT=internal makes the run fail as an
            // internal error would, after the arguments are parsed.
            if ProcessInfo.processInfo.environment["PARALLAX_FAULT"] == "internal" {
                throw EngineError("fault injected by PARALLAX_FAULT=internal")
            }
            try command.run()
        } catch let error as InputError {
            Console.error(error.description)
            Foundation.exit(ExitStatus.trouble)
        } catch let error as ConfigError {
            Console.error(error.description)
            Foundation.exit(ExitStatus.trouble)
        } catch let error as EngineError {
            Console.error("internal error: \(error.description)")
            Foundation.exit(ExitStatus.internalError)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            // argument-parser's own errors: usage errors, and --help / --version, which it
            // reports as errors with a success code (the help command throws from `run()`).
            switch exitCode(for: error) {
            case .success:
                Console.write(fullMessage(for: error) + "\n")
                Foundation.exit(ExitStatus.success)
            case .validationFailure:
                Console.usageError(fullMessage(for: error))
                Foundation.exit(ExitStatus.trouble)
            default:
                // Anything else (an encoder failure, say) is ours, not the user's: never exit
                // 1, which `check` uses to say "violations found".
                Console.error("internal error: \(fullMessage(for: error))")
                Foundation.exit(ExitStatus.internalError)
            }
        }
    }
}

/// The exit statuses of DESIGN.md's CLI contract.
enum ExitStatus {
    static let success: Int32 = 0
    static let violations: Int32 = 1
    static let trouble: Int32 = 2
    static let internalError: Int32 = 3
}
