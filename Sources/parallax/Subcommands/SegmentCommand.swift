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
            Console.write(Self.render(document))
        }
    }

    static func render(_ document: Document) -> String {
        let sentences = document.sentences
        let boilerplate = sentences.filter(\.boilerplate).count
        let duplicates = sentences.filter { $0.duplicateOf != nil }.count
        let name = document.source.path == "-" ? "<stdin>" : TerminalText.escape(document.source.path)
        var out =
            "\(name) (\(document.source.encoding)): \(sentences.count) \(sentences.count == 1 ? "sentence" : "sentences"), \(boilerplate) boilerplate, \(duplicates) duplicate\n"
        let width = String(max(sentences.count - 1, 0)).count
        for sentence in sentences {
            var flags: [String] = []
            if let reason = sentence.boilerplateReason { flags.append("boilerplate: \(reason)") }
            if let original = sentence.duplicateOf { flags.append("duplicate of \(original)") }
            let index = String(sentence.index)
            let padded = String(repeating: " ", count: width - index.count) + index
            let flagText = flags.isEmpty ? "" : " [" + flags.joined(separator: "; ") + "]"
            out += "\(padded) \(sentence.line):\(sentence.column)\(flagText) \(TerminalText.escape(sentence.text))\n"
        }
        return out
    }
}
