import ParallaxKit
import ParallaxReview
import Testing

@Suite("Review: key decoding")
struct KeyDecoderTests {
    @Test("Letters, Enter, Backspace, Ctrl-C and UTF-8 characters")
    func plain() {
        #expect(
            KeyDecoder().decodeAll("aR/\r\u{7F}\u{3}é中") == [
                .character("a"), .character("R"), .character("/"), .enter, .backspace, .interrupt, .character("é"), .character("中"),
            ])
    }

    @Test("Arrows and editing keys, CSI and SS3, with modifiers")
    func sequences() {
        #expect(
            KeyDecoder().decodeAll("\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}[1;5D\u{1B}[3~\u{1B}[H\u{1B}[4~\u{1B}[6~") == [
                .up, .down, .right, .left, .delete, .home, .end, .pageDown,
            ])
    }

    @Test("A sequence split across reads is held back until complete")
    func split() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.hasPending)
        #expect(decoder.feed([0x5B]) == [])
        #expect(decoder.feed([0x41, 0x61]) == [.up, .character("a")])
        #expect(decoder.feed([0xC3]) == [])
        #expect(decoder.feed([0xA9]) == [.character("é")])
    }

    @Test("A lone ESC is Escape once nothing follows")
    func loneEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPending)
    }
}
