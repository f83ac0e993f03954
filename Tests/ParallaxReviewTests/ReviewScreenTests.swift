import ParallaxKit
import ParallaxReview
import ParallaxTestSupport
import Testing

@Suite("Review: the screen")
struct ReviewScreenTests {
    /// The text without SGR sequences.
    static func visible(_ line: String) -> String {
        var out = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if s == "\u{1B}" {
                guard scalars.next() == "[" else { continue }
                while let t = scalars.next(), !(0x40...0x7E).contains(t.value) {}
                continue
            }
            out.unicodeScalars.append(s)
        }
        return out
    }

    static func expectFits(_ screen: ReviewScreen, width: Int, height: Int, color: Bool, sourceLocation: SourceLocation = #_sourceLocation)
    {
        #expect(screen.lines.count == height, sourceLocation: sourceLocation)
        for line in screen.lines {
            let text = visible(line)
            #expect(DisplayWidth.of(text) <= width, "\(DisplayWidth.of(text)) > \(width): \(text)", sourceLocation: sourceLocation)
            #expect(
                !text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }, "raw control in \(text)",
                sourceLocation: sourceLocation)
            if !color { #expect(!line.contains("\u{1B}"), sourceLocation: sourceLocation) }
        }
    }

    @Test(
        "Every finding fits 80×24, 160×40 and 200×50, with and without colour",
        arguments: [(80, 24), (160, 40), (200, 50), (100, 12)])
    func everyFindingFits(size: (Int, Int)) throws {
        var session = try ReviewFixture.session()
        for _ in session.order {
            for color in [false, true] {
                Self.expectFits(
                    ReviewScreen.render(session, width: size.0, height: size.1, color: color), width: size.0, height: size.1, color: color)
            }
            session.type("w")
            Self.expectFits(
                ReviewScreen.render(session, width: size.0, height: size.1, color: false), width: size.0, height: size.1, color: false)
            session.type("wj")
        }
    }

    @Test("Side by side when wide, one above the other at 80 columns; the counter and the keys shown")
    func layout() throws {
        var session = try ReviewFixture.session()
        session.type("jj")
        let narrow = ReviewScreen.render(session, width: 80, height: 24, color: false).lines
        let wide = ReviewScreen.render(session, width: 160, height: 30, color: false).lines
        #expect(narrow[0].hasPrefix("[3/\(session.order.count)]"))
        #expect(!narrow.contains { $0.contains(" │ ") })
        #expect(wide.contains { $0.contains(" │ ") })
        // Each side's header: "A path:line:column", or "A" alone when the path does not fit
        // beside it (a checkout in a longer folder).
        #expect(narrow.contains { $0 == "A" || $0.hasPrefix("A ") } && narrow.contains { $0 == "B" || $0.hasPrefix("B ") })
        #expect(narrow.joined().contains("a accept") && narrow.joined().contains("? help"))
    }

    @Test("Changed words marked: [-…-] and {+…+} without colour, red and green with it")
    func marks() throws {
        var session = try ReviewFixture.session()
        while let f = session.current, f.category != .drift { session.type("j") }
        let plain = ReviewScreen.render(session, width: 200, height: 50, color: false).lines.joined(separator: "\n")
        #expect(plain.contains("[-") && plain.contains("{+"))
        let colored = ReviewScreen.render(session, width: 200, height: 50, color: true).lines.joined(separator: "\n")
        #expect(colored.contains("\u{1B}[1;31m") && colored.contains("\u{1B}[1;32m"))
    }

    @Test("Control characters in the inputs are escaped")
    func hostileText() throws {
        let a = try TestPaths.document(
            text: "The minister spoke at noon.\n\nHe said \u{1B}[2Jthe talks went well.\n", path: "a\u{1B}.txt", id: "A")
        let b = try TestPaths.document(
            text: "The minister spoke at noon.\n\nHe said the \u{9B}31mtalks failed badly.\n", path: "b.txt", id: "B")
        let comparison = Comparison(a: a, b: b)
        var session = ReviewSession(report: comparison.report, pair: "p", fingerprints: ReviewFixture.fingerprints(comparison))
        #expect(!session.order.isEmpty)
        for _ in session.order {
            for color in [false, true] {
                let screen = ReviewScreen.render(session, width: 80, height: 24, color: color)
                Self.expectFits(screen, width: 80, height: 24, color: color)
                #expect(!screen.lines.contains { $0.contains("\u{1B}[2J") || $0.contains("\u{9B}") })
            }
            session.type("j")
        }
    }

    @Test("The note editor puts the cursor after the typed text; help and summary fit")
    func modes() throws {
        var session = try ReviewFixture.session()
        session.type("rnoted")
        let screen = ReviewScreen.render(session, width: 80, height: 24, color: false)
        let cursor = try #require(screen.cursor)
        #expect(screen.lines[cursor.row].hasPrefix("> noted"))
        #expect(cursor.column == 7)
        Self.expectFits(screen, width: 80, height: 24, color: false)
        // A note longer than the line scrolls.
        session.type(String(repeating: "long ", count: 40))
        let long = ReviewScreen.render(session, width: 80, height: 24, color: false)
        Self.expectFits(long, width: 80, height: 24, color: false)
        #expect(try #require(long.cursor).column < 80)
        session.handle(.escape)
        session.type("?")
        Self.expectFits(ReviewScreen.render(session, width: 80, height: 24, color: true), width: 80, height: 24, color: true)
        session.type("zSy")
        #expect(session.mode == .summary)
        let summary = ReviewScreen.render(session, width: 80, height: 24, color: false)
        Self.expectFits(summary, width: 80, height: 24, color: false)
        #expect(summary.lines.joined().contains("q save and quit"))
    }

    @Test("A terminal too small says so, within its size")
    func tooSmall() throws {
        let session = try ReviewFixture.session()
        for (w, h) in [(20, 5), (1, 1), (29, 30)] {
            Self.expectFits(ReviewScreen.render(session, width: w, height: h, color: true), width: w, height: h, color: true)
        }
    }
}

@Suite("Review: reading a finding")
struct ReviewReadingTests {
    @Test("The whole message is shown, wrapped, not cut after two lines", arguments: [(80, 24), (60, 30)])
    func wholeMessage(size: (Int, Int)) throws {
        var session = try ReviewFixture.session()
        var checked = 0
        for _ in session.order {
            if let finding = session.current, StyledLines.count(finding.message, width: size.0) > 2 {
                let screen = ReviewScreen.render(session, width: size.0, height: size.1, color: false).lines
                let flat = screen.joined(separator: " ").split(separator: " ").joined(separator: " ")
                #expect(flat.contains(finding.message.split(separator: " ").joined(separator: " ")), "\(finding.message)")
                checked += 1
            }
            session.type("j")
        }
        #expect(checked > 0, "the June pair has messages longer than two lines")
    }

    @Test("A search scrolls the words it found into view")
    func searchInView() throws {
        let session = try ReviewFixture.session()
        let found = try #require(ReviewSearchCase.find(in: session.report, pair: "june", width: 80, height: 24))
        var searched = session
        searched.type("/" + found.word + "\r")
        #expect(searched.position == found.position)
        #expect(searched.searchHit == found.word)
        #expect(ReviewSearchCase.text(searched, width: 80, height: 24).contains(found.word))
        // The next key clears it: the finding is drawn as before.
        searched.type("?")
        searched.type("z")
        #expect(searched.searchHit == nil)
    }
}

/// How many lines a message takes at a width, as the screen wraps it.
enum StyledLines {
    static func count(_ text: String, width: Int) -> Int {
        var lines = 1
        var used = 0
        for word in text.split(separator: " ") {
            let w = DisplayWidth.of(word)
            if used > 0 && used + 1 + w > width {
                lines += 1
                used = w
            } else {
                used += (used > 0 ? 1 : 0) + w
            }
        }
        return lines
    }
}
