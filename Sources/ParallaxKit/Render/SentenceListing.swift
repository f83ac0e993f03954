/// The text `parallax segment` prints: a line naming the file, its encoding and its counts,
/// then one sentence a line, `index line:column`, its flags (boilerplate and why, duplicate of
/// which sentence) and its text. Input text is escaped (``TerminalText/escape(_:)``).
public enum SentenceListing {
    public static func render(_ document: Document) -> String {
        let sentences = document.sentences
        let boilerplate = sentences.filter(\.boilerplate).count
        let duplicates = sentences.filter { $0.duplicateOf != nil }.count
        let name = document.source.path == "-" ? "<stdin>" : TerminalText.escape(document.source.path)
        let noun = sentences.count == 1 ? "sentence" : "sentences"
        var out = "\(name) (\(document.source.encoding)): \(sentences.count) \(noun), \(boilerplate) boilerplate, \(duplicates) duplicate\n"
        let width = String(max(sentences.count - 1, 0)).count
        for sentence in sentences {
            var flags: [String] = []
            if let reason = sentence.boilerplateReason { flags.append("boilerplate: \(TerminalText.escape(reason))") }
            if let original = sentence.duplicateOf { flags.append("duplicate of \(original)") }
            let index = String(sentence.index)
            let padded = String(repeating: " ", count: width - index.count) + index
            let flagText = flags.isEmpty ? "" : " [" + flags.joined(separator: "; ") + "]"
            out += "\(padded) \(sentence.line):\(sentence.column)\(flagText) \(TerminalText.escape(sentence.text))\n"
        }
        return out
    }
}
