import ArgumentParser
import ParallaxKit

/// `parallax segment FILE`: shows how a file is cleaned and cut into sentences.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Show the sentences of a file, with boilerplate and duplicates marked.",
        discussion: "Text format: one sentence a line, `index line:column`, then flags. JSON: the report's documents[] entry."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The file to read ('-' for standard input).")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Language of the text (an ICU locale).")
    var language: String = "en"

    func run() throws {
        let source = try SourceText.read(RawArguments.location(file))
        Console.noteGuessedEncodings([source])
        let document = try Document(source: source, id: "A", options: AnalysisOptions(language: language))
        switch format {
        case .json:
            Console.write(try JSONOutput.encode(DocumentRecord(document)))
        case .text:
            Console.write(SentenceListing.render(document))
        }
    }
}
