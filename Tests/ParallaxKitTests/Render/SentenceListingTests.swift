import ParallaxKit
import ParallaxTestSupport
import Testing

@Suite("Render: the sentence listing of parallax segment")
struct SentenceListingTests {
    /// Twelve sentences in five paragraphs, the last repeating the first.
    static let text = """
        Alpha one went first. Beta two came after it.

        Gamma three arrived. Delta four stayed. Epsilon five left early.

        Zeta six spoke. Eta seven listened. Theta eight wrote it down. Iota nine signed.

        Kappa ten closed the meeting.

        Alpha one went first. Beta two came after it.

        """

    @Test("A header with the counts, then one sentence a line: the index padded, line:column, flags, text")
    func listing() throws {
        let document = try TestPaths.document(text: Self.text, path: "talks.txt")
        let sentences = document.sentences
        try #require(sentences.count == 12)
        let lines = SentenceListing.render(document).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == sentences.count + 2)
        #expect(lines.last == "")
        let boilerplate = sentences.filter(\.boilerplate).count
        #expect(lines[0] == "talks.txt (UTF-8): 12 sentences, \(boilerplate) boilerplate, 2 duplicate")
        // Twelve sentences: indices take two columns.
        #expect(lines[1] == " 0 1:1 Alpha one went first.")
        #expect(lines[2] == " 1 1:23 Beta two came after it.")
        #expect(lines[10] == " 9 7:1 Kappa ten closed the meeting.")
        // The repeated paragraph points at the first one's sentences.
        #expect(lines[11] == "10 9:1 [duplicate of 0] Alpha one went first.")
        #expect(lines[12] == "11 9:23 [duplicate of 1] Beta two came after it.")
    }

    @Test("One sentence is said in the singular; standard input is <stdin>")
    func singular() throws {
        let document = try TestPaths.document(text: "Only this one.\n", path: "-")
        #expect(SentenceListing.render(document) == "<stdin> (UTF-8): 1 sentence, 0 boilerplate, 0 duplicate\n0 1:1 Only this one.\n")
    }

    @Test("Control characters in the text and the file name reach the output escaped")
    func escaped() throws {
        let document = try TestPaths.document(text: "A \u{1B}[2J wiped screen here.\n", path: "bad\u{1B}]0;title\u{7}.txt")
        let listing = SentenceListing.render(document)
        #expect(!listing.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(listing.hasPrefix(TerminalText.escape("bad\u{1B}]0;title\u{7}.txt") + " (UTF-8): 1 sentence"))
        let sentence = try #require(document.sentences.first)
        #expect(sentence.text.unicodeScalars.contains("\u{1B}"))
        #expect(listing.hasSuffix(" 1:1 \(TerminalText.escape(sentence.text))\n"))
    }
}
