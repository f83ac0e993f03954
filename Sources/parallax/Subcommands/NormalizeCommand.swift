import ArgumentParser
import ParallaxKit

/// `parallax normalize TEXT…`: shows each token's fold key after each layer.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show each token's fold key after each normalization layer.",
        discussion: """
            Layers: unicode (NFKC_Casefold), typography, diacritics, script (Any-Latin; Latin-ASCII), \
            orthography (compounds, possessives, British/American spelling when both forms are \
            among the TEXTs). Tokens from different TEXTs that meet are listed with the layer \
            where they meet.
            """
    )

    @Argument(help: "Texts to tokenize and fold.")
    var texts: [String]

    @Flag(help: "Leave other scripts as they are (no script layer).")
    var noTransliteration = false

    func validate() throws {
        if texts.isEmpty { throw ValidationError("Give at least one TEXT.") }
    }

    func run() throws {
        let normalizer = Normalizer(transliterateScripts: !noTransliteration)
        let table = try FoldTable(texts: texts, normalizer: normalizer)
        Console.write(table.render())
    }
}
