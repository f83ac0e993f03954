import ParallaxKit

/// What `parallax review` shows for a state, as lines for a terminal of a given size: a pure
/// function of a ``ReviewSession`` (no terminal needed, so it is tested at any size).
///
/// Every line is at most `width` columns wide (by ``DisplayWidth``, escape sequences aside), and
/// there are exactly `height` lines. All input text is escaped (``TerminalText/escape(_:)``).
/// Without colour there is no escape sequence at all: changed words are marked `[-…-]` (A) and
/// `{+…+}` (B), as in `parallax compare`.
public struct ReviewScreen: Sendable, Hashable {
    /// A place on the screen, from 0.
    public struct Position: Sendable, Hashable {
        public var row: Int
        public var column: Int
    }

    public var lines: [String]
    /// Where the terminal's cursor goes while text is typed (a note, a search); nil hides it.
    public var cursor: Position?

    /// The smallest terminal the interface is drawn for; smaller ones are asked to grow.
    public static let minimumWidth = 30
    public static let minimumHeight = 10
    /// Sentences of context shown before and after a finding's own, room permitting.
    static let contextSentences = 2

    public static func render(_ session: ReviewSession, width: Int, height: Int, color: Bool) -> ReviewScreen {
        let width = max(width, 1)
        let height = max(height, 1)
        guard width >= minimumWidth, height >= minimumHeight else {
            var lines = [
                StyledText(
                    "Terminal too small for parallax review (\(width)×\(height)); make it at least \(minimumWidth)×\(minimumHeight), or press Q to quit."
                )
            ]
            .flatMap { $0.wrapped(width: width) }
            lines = Array(lines.prefix(height))
            return finish(lines, width: width, height: height, color: color, cursor: nil)
        }
        var renderer = Renderer(session: session, width: width, height: height, color: color)
        return renderer.render()
    }

    /// Pads or cuts to `height` lines, each clipped to `width`, rendered.
    static func finish(_ styled: [StyledText], width: Int, height: Int, color: Bool, cursor: Position?) -> ReviewScreen {
        var lines = styled.prefix(height).map { $0.clipped(to: width).rendered(color: color) }
        while lines.count < height { lines.append("") }
        return ReviewScreen(lines: lines, cursor: cursor)
    }
}

// MARK: - Drawing

private struct Renderer {
    let session: ReviewSession
    let width: Int
    let height: Int
    let color: Bool
    let report: Report

    init(session: ReviewSession, width: Int, height: Int, color: Bool) {
        self.session = session
        self.width = width
        self.height = height
        self.color = color
        self.report = session.report
    }

    mutating func render() -> ReviewScreen {
        switch session.mode {
        case .help: return ReviewScreen.finish(help(), width: width, height: height, color: color, cursor: nil)
        case .summary: return ReviewScreen.finish(summary(), width: width, height: height, color: color, cursor: nil)
        default: break
        }
        guard let finding = session.current else {
            return ReviewScreen.finish(summary(), width: width, height: height, color: color, cursor: nil)
        }
        var top = [header(finding)]
        // The message whole, wrapped: up to half the screen (all but the frame with w), the
        // rest said to be there.
        let message = StyledText(TerminalText.escape(finding.message)).wrapped(width: width)
        let room = session.whole ? max(height - 8, 2) : max(height / 2 - 2, 3)
        if message.count <= room {
            top += message
        } else {
            top += message.prefix(room - 1)
            top.append(
                StyledText(
                    "… \(message.count - room + 1) more line\(message.count - room + 1 == 1 ? "" : "s") of the message; \(session.whole ? "a taller terminal shows them" : "w shows it whole")",
                    style: "2"))
        }
        top.append(StyledText())

        let (bottom, cursorRow, cursorColumn) = footer()
        let bodyHeight = max(height - top.count - bottom.count, 0)
        var body = self.body(finding, height: bodyHeight)
        while body.count < bodyHeight { body.append(StyledText()) }
        let lines = top + body + bottom
        let cursor = cursorRow.map { ReviewScreen.Position(row: top.count + bodyHeight + $0, column: min(cursorColumn, width - 1)) }
        return ReviewScreen.finish(lines, width: width, height: height, color: color, cursor: cursor)
    }

    // MARK: Header and footer

    /// `[4/23] drift · warning · to review` on the left, the pair and the counts on the right.
    func header(_ finding: Finding) -> StyledText {
        var left = StyledText("[\(session.position + 1)/\(session.order.count)]", style: "1")
        left.append(" ")
        left.append(finding.category.rawValue, style: TerminalRenderer.categoryStyle(finding.category))
        left.append(" · ")
        left.append(finding.severity.rawValue, style: TerminalRenderer.severityStyle(finding.severity))
        left.append(" · ")
        switch session.decision(of: finding) {
        case .accepted: left.append("✓ accepted", style: "1;32")
        case .rejected(let note):
            left.append("✗ rejected", style: "1;31")
            if let note { left.append(": " + TerminalText.escape(note), style: "2") }
        case .skipped: left.append("skipped", style: "2")
        case nil: left.append("to review", style: "2")
        }
        return withRight(left, right: countsText())
    }

    func countsText() -> StyledText {
        let counts = session.counts
        var right = StyledText(TerminalText.escape(session.pair), style: "2")
        right.append(" · \(counts.accepted) accepted · \(counts.rejected) rejected · \(counts.open) open")
        return right
    }

    /// `left`, then `right` flush right when both fit.
    func withRight(_ left: StyledText, right: StyledText) -> StyledText {
        let gap = width - left.width - right.width
        guard gap >= 2 else { return left }
        var line = left
        line.append(String(repeating: " ", count: gap))
        line.append(right)
        return line
    }

    static let keys: [(String, String)] = [
        ("a", "accept"), ("r", "reject"), ("s", "skip"), ("A/R/S", "all"), ("j/k", "next/prev"),
        ("n", "unreviewed"), ("/", "search"), ("w", "whole"), ("u", "unlink"), ("p", "pin"),
        ("?", "help"), ("q", "save & quit"), ("Q", "discard"),
    ]

    /// Key hints laid out in as few lines as the width allows (at most three).
    func keyLines(_ keys: [(String, String)]) -> [StyledText] {
        var lines: [StyledText] = []
        var line = StyledText()
        for (key, meaning) in keys {
            var item = StyledText(key, style: "1")
            item.append(" " + meaning)
            if line.width > 0 && line.width + 2 + item.width > width {
                lines.append(line)
                line = StyledText()
            }
            if line.width > 0 { line.append("  ") }
            line.append(item)
        }
        if line.width > 0 { lines.append(line) }
        return Array(lines.prefix(3))
    }

    /// The bottom lines: a status line and the keys, or the line editor of a note or search.
    /// Returns the row of the cursor within them and its column.
    func footer() -> ([StyledText], Int?, Int) {
        let status = StyledText(TerminalText.escape(session.status ?? ""), style: "1")
        switch session.mode {
        case .note(let editor, let all):
            let prompt = StyledText(
                all ? "Reject this and every remaining finding. Note (optional):" : "Reject. Note (optional), saying why:", style: "1")
            let (line, column) = editorLine(editor)
            return ([prompt, line, StyledText("Enter rejects · Esc cancels", style: "2")], 1, column)
        case .search(let editor):
            let (line, column) = editorLine(editor, prefix: "/")
            let hint =
                session.lastSearch.isEmpty
                ? "Enter finds the next match · Esc cancels"
                : "Enter finds the next match (empty: \u{201C}\(TerminalText.escape(session.lastSearch))\u{201D}) · Esc cancels"
            return (
                [StyledText("Search messages, categories, severities and sentences:", style: "1"), line, StyledText(hint, style: "2")], 1,
                column
            )
        case .confirmAll(let action):
            let scope = session.bulkScope
            let what = "\(scope.findings) finding\(scope.findings == 1 ? "" : "s") (this one and every later one still open)"
            let errors = scope.errors == 0 ? "none of them an error" : "\(scope.errors) of them error\(scope.errors == 1 ? "" : "s")"
            let then = action == .reject ? " (a note follows)" : ""
            let text = "\(action.verb) \(what), \(errors)?\(then) y \(action.verb.lowercased())s, any other key cancels."
            let style = scope.errors > 0 && action == .accept ? "1;31" : "1;33"
            return (StyledText(text, style: style).wrapped(width: width).prefix(2) + [StyledText()], nil, 0)
        case .confirmDiscard:
            let changes = session.changes.count
            let pins = session.pins.count
            var what: [String] = []
            if changes > 0 { what.append("\(changes) decision\(changes == 1 ? "" : "s")") }
            if pins > 0 { what.append("\(pins) pin\(pins == 1 ? "" : "s")") }
            let text =
                "Quit without saving \(what.isEmpty ? "this session's changes" : what.joined(separator: " and "))? y quits, any other key stays."
            return (StyledText(text, style: "1;33").wrapped(width: width).prefix(2) + [StyledText()], nil, 0)
        default:
            return ([status.clipped(to: width)] + keyLines(Self.keys), nil, 0)
        }
    }

    /// `> text` with the cursor kept in view (the text scrolls sideways when longer than the line).
    func editorLine(_ editor: LineEditor, prefix: String = "> ") -> (StyledText, Int) {
        let characters = editor.characters.map { TerminalText.escape(String($0)) }
        let room = max(width - DisplayWidth.of(prefix) - 1, 1)
        // Start far enough right that the cursor fits.
        var start = 0
        var used = characters[..<editor.cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while used > room - 1 && start < editor.cursor {
            used -= DisplayWidth.of(characters[start])
            start += 1
        }
        var line = StyledText(prefix)
        var column = DisplayWidth.of(prefix)
        var filled = 0
        for (i, piece) in characters.enumerated().dropFirst(start) {
            let w = DisplayWidth.of(piece)
            if filled + w > room { break }
            line.append(piece)
            filled += w
            if i < editor.cursor { column += w }
        }
        return (line, column)
    }

    // MARK: Body

    /// One piece of a side: a sentence's wrapped lines, and how far it is from the finding's
    /// own sentences (0 for them, -1 for the heading, which always stays).
    struct Block {
        var lines: [StyledText]
        var distance: Int
        /// The block holds the words the last search found: it stays on screen.
        var hit = false
    }

    func body(_ finding: Finding, height: Int) -> [StyledText] {
        guard height > 0 else { return [] }
        let sideBySide = width >= TerminalRenderer.sideBySideWidth
        if sideBySide {
            let left = (width - 3) / 2
            let right = width - 3 - left
            let a = fit(blocks(.a, finding, width: left), height: height)
            let b = fit(blocks(.b, finding, width: right), height: height)
            var rows: [StyledText] = []
            for row in 0..<max(a.count, b.count) {
                var line = row < a.count ? a[row] : StyledText()
                line.append(String(repeating: " ", count: max(left - line.width, 0)))
                line.append(" │ ", style: "2")
                if row < b.count { line.append(b[row]) }
                rows.append(line)
            }
            return rows
        }
        let a = blocks(.a, finding, width: width)
        let b = blocks(.b, finding, width: width)
        let needA = a.reduce(0) { $0 + $1.lines.count }
        let needB = b.reduce(0) { $0 + $1.lines.count }
        let room = max(height - 1, 0)
        let shareA = min(needA, max(room / 2, room - needB))
        let linesB = fit(b, height: room - shareA)
        // Lines B leaves unused (its blocks did not fill its share) go back to A.
        let linesA = fit(a, height: room - linesB.count)
        return linesA + [StyledText()] + linesB
    }

    /// The blocks as lines within `height`: context furthest from the finding goes first (after
    /// it before before it), then the finding's own lines are cut with a note.
    func fit(_ blocks: [Block], height: Int) -> [StyledText] {
        guard height > 0 else { return [] }
        var blocks = blocks
        var total = blocks.reduce(0) { $0 + $1.lines.count }
        while total > height {
            guard
                let victim = blocks.indices.filter({ blocks[$0].distance > 0 && !blocks[$0].hit }).max(by: {
                    (blocks[$0].distance, $0) < (blocks[$1].distance, $1)
                })
            else { break }
            total -= blocks[victim].lines.count
            blocks.remove(at: victim)
        }
        var lines = blocks.flatMap(\.lines)
        // Words a search found below the cut: leave out lines above them (after the heading)
        // instead, so that they are in view.
        if lines.count > height, let word = session.searchHit?.lowercased(), !word.isEmpty,
            let hit = lines.firstIndex(where: { $0.plain.lowercased().contains(word) }), hit >= height - 1
        {
            let heading = blocks.prefix { $0.distance == -1 }.reduce(0) { $0 + $1.lines.count }
            let from = max(height - heading > 3 ? hit - 1 : hit, heading)
            if heading + 2 <= height, from > heading {
                let skipped = from - heading
                lines =
                    Array(lines.prefix(heading)) + [StyledText("… \(skipped) line\(skipped == 1 ? "" : "s") above", style: "2")]
                    + Array(lines[from...])
            }
        }
        if lines.count > height {
            let hidden = lines.count - (height - 1)
            lines = Array(lines.prefix(height - 1))
            lines.append(
                StyledText(
                    session.whole
                        ? "… \(hidden) more line\(hidden == 1 ? "" : "s"); a taller terminal shows them"
                        : "… \(hidden) more line\(hidden == 1 ? "" : "s"); w shows the sentences whole", style: "2"))
        }
        return lines
    }

    /// One side of a finding: a heading, then its sentences with a few around them (unless
    /// showing the pair whole), changed words marked.
    func blocks(_ side: ReportLayout.Side, _ finding: Finding, width: Int) -> [Block] {
        let layout = ReportLayout(report)
        let span = side == .a ? finding.a : finding.b
        let other = side == .a ? finding.b : finding.a
        var heading = StyledText(side.label, style: "1")
        guard let document = layout.document(side) else { return [Block(lines: [heading], distance: -1)] }
        let focus = (span?.sentences ?? []).filter { ReportLayout.sentence($0, in: document) != nil }.sorted()
        var blocks: [Block] = []
        func sentence(_ index: Int, distance: Int) {
            guard let s = ReportLayout.sentence(index, in: document) else { return }
            let marked = distance == 0 ? span.flatMap { ReportLayout.markedRange(of: $0, in: s) } : nil
            let hit = session.searchHit.map { s.text.lowercased().contains($0.lowercased()) } ?? false
            blocks.append(
                Block(lines: text(s.text, marked: marked, side: side, focus: distance == 0, width: width), distance: distance, hit: hit))
        }
        let context = session.whole ? 0 : ReviewScreen.contextSentences
        let count = document.sentences.count

        if let first = focus.first, let last = focus.last {
            heading.append(" " + TerminalText.escape(ReportLayout.location(span, in: document)), style: "2")
            if focus.count > 1 { heading.append(" (\(focus.count) sentences)", style: "2") }
            blocks.append(Block(lines: heading.wrapped(width: width), distance: -1))
            for i in max(first - context, 0)..<first { sentence(i, distance: first - i) }
            for (n, index) in focus.enumerated() {
                if n > 0 {
                    let gap = index - focus[n - 1] - 1
                    if gap > 0 && gap <= context {
                        for i in (focus[n - 1] + 1)..<index { sentence(i, distance: 1) }
                    } else if gap > 0 {
                        blocks.append(Block(lines: [StyledText("  ⋮ \(gap) sentence\(gap == 1 ? "" : "s")", style: "2")], distance: 0))
                    }
                }
                sentence(index, distance: 0)
            }
            if last + 1 < count {
                for i in (last + 1)..<min(last + 1 + context, count) { sentence(i, distance: i - last) }
            }
        } else if other?.sentences.isEmpty != false {
            // A note about the accounts as a whole.
            heading.append(" " + TerminalText.escape(document.path) + " (the whole account)", style: "2")
            blocks.append(Block(lines: heading.wrapped(width: width), distance: -1))
            if let span, !span.text.isEmpty {
                let text = span.text.count > 400 ? String(span.text.prefix(400)) + " …" : span.text
                blocks.append(Block(lines: self.text(text, marked: nil, side: side, focus: true, width: width), distance: 0))
            } else {
                let note =
                    span == nil
                    ? "  (nothing in \(side.label))" : "  (about \(side.label) as a whole: \(count) sentence\(count == 1 ? "" : "s"))"
                blocks.append(Block(lines: StyledText(note, style: "2").wrapped(width: width), distance: 0))
            }
        } else {
            // Nothing on this side: the sentences around where it would be.
            heading.append(" — nothing in \(side.label)", style: "2")
            blocks.append(Block(lines: heading.wrapped(width: width), distance: -1))
            let anchor = self.anchor(side, other: other)
            if let anchor {
                for i in max(anchor - context + 1, 0)..<(anchor + 1) { sentence(i, distance: anchor - i + 1) }
            }
            let marker = StyledText("  (\(side == .a ? "B" : "A")'s words have no counterpart here)", style: "2;3")
            blocks.append(Block(lines: marker.wrapped(width: width), distance: 0))
            let next = (anchor ?? -1) + 1
            if next < count {
                for i in next..<min(next + context, count) { sentence(i, distance: i - next + 1) }
            }
        }
        return blocks
    }

    /// The sentence of `side` after which the other side's one-sided sentences would come: the
    /// last sentence of `side` aligned with a sentence of the other side before them.
    func anchor(_ side: ReportLayout.Side, other: Span?) -> Int? {
        guard let first = other?.sentences.min() else { return nil }
        var best: (other: Int, mine: Int)?
        for alignment in report.alignments where !alignment.a.isEmpty && !alignment.b.isEmpty {
            let (mine, theirs) = side == .a ? (alignment.a, alignment.b) : (alignment.b, alignment.a)
            guard let t = theirs.filter({ $0 < first }).max(), let m = mine.max() else { continue }
            if t > (best?.other ?? -1) { best = (t, m) }
        }
        return best?.mine
    }

    /// A sentence as lines of `width`: `> ` before the finding's own lines, two spaces before
    /// context (dimmed), the marked range highlighted.
    func text(_ text: String, marked: Range<Int>?, side: ReportLayout.Side, focus: Bool, width: Int) -> [StyledText] {
        let markStyle = side == .a ? "1;31" : "1;32"
        var styled = StyledText()
        let plainStyle: String? = focus ? nil : "2"
        for piece in ReportLayout.pieces(of: text, marks: marked.map { [($0, 0)] } ?? []) {
            let escaped = TerminalText.escape(piece.text)
            if piece.tags.isEmpty {
                styled.append(escaped, style: plainStyle)
            } else if color {
                styled.append(escaped, style: markStyle)
            } else {
                styled.append(side == .a ? "[-" + escaped + "-]" : "{+" + escaped + "+}")
            }
        }
        let gutter = focus ? "> " : "  "
        return styled.wrapped(width: max(width - 2, 1)).map { line in
            var out = StyledText(gutter, style: focus ? "1" : nil)
            out.append(line)
            return out
        }
    }

    // MARK: Help and summary

    func help() -> [StyledText] {
        var lines = [withRight(StyledText("parallax review: keys", style: "1"), right: countsText()), StyledText()]
        let entries: [(String, String)] = [
            ("a", "accept this finding: into the baseline, where it stops failing parallax check"),
            ("r", "reject it, with a note saying why (kept in the review log; it keeps failing)"),
            ("s", "skip it for now"),
            ("A R S", "accept, reject or skip this one and every remaining one (asks first, saying how many and how many errors)"),
            ("j k ↓ ↑", "next, previous finding (g G: first, last)"),
            ("n", "next finding not yet accepted or rejected"),
            (
                "/",
                "search messages, categories, severities and both sentences (an empty search repeats the last); the words found are kept in view"
            ),
            ("w", "show the finding's sentences whole, or in context again"),
            ("u", "unlink the finding's A and B sentences: the aligner will not pair them again"),
            ("p", "pin them: the aligner always pairs them"),
            ("q", "save the decisions and pins to the baseline, and quit"),
            ("Q x", "quit without saving"),
            ("Ctrl-C", "quit at once, without saving"),
        ]
        let keyWidth = 9
        for (key, meaning) in entries {
            let wrapped = StyledText(meaning).wrapped(width: max(width - keyWidth - 2, 10))
            for (i, line) in wrapped.enumerated() {
                var out = StyledText("  ")
                out.append(i == 0 ? key : "", style: "1")
                out.append(String(repeating: " ", count: keyWidth - (i == 0 ? DisplayWidth.of(key) : 0)))
                out.append(line)
                lines.append(out)
            }
        }
        lines.append(StyledText())
        lines += StyledText(
            "Changes take effect in the baseline only when you quit with q. Pins and unlinks apply from the next compare, check or review of this pair.",
            style: "2"
        ).wrapped(width: width)
        lines.append(StyledText())
        lines.append(StyledText("Press any key to go back.", style: "1"))
        return lines
    }

    func summary() -> [StyledText] {
        let counts = session.counts
        let total = report.findings.count
        var lines = [withRight(StyledText("parallax review", style: "1"), right: countsText()), StyledText()]
        let headline: String
        if total == 0 {
            headline = "No findings to review in this pair."
        } else if counts.open == 0 {
            headline = "All \(total) finding\(total == 1 ? " is" : "s are") accepted or rejected."
        } else {
            headline = "End of the findings: \(counts.open) of \(total) still open (skipped or not yet seen)."
        }
        lines += StyledText(headline, style: "1").wrapped(width: width)
        lines.append(StyledText())
        var decided = StyledText("  ✓ \(counts.accepted) accepted", style: "32")
        decided.append("   ")
        decided.append("✗ \(counts.rejected) rejected", style: "31")
        decided.append("   · \(counts.open) open")
        lines.append(decided)
        let changes = session.changes
        let accepted = changes.filter { $0.decision == .accepted }.count
        let rejected = changes.count - accepted
        let pins = session.pins.count
        lines += StyledText(
            "  This session: \(accepted) accepted, \(rejected) rejected, \(pins) pin\(pins == 1 ? "" : "s") or unlink\(pins == 1 ? "" : "s"); not saved until q.",
            style: "2"
        ).wrapped(width: width)
        if let status = session.status {
            lines.append(StyledText())
            lines += StyledText(TerminalText.escape(status), style: "1").wrapped(width: width)
        }
        var bottom = keyLines([
            ("q", "save and quit"), ("Q", "quit without saving"), ("k", "back to the last finding"), ("n", "next open finding"),
            ("?", "help"),
        ])
        if case .confirmDiscard = session.mode { bottom = footer().0 }
        let room = height - bottom.count
        lines = Array(lines.prefix(max(room, 0)))
        while lines.count < room { lines.append(StyledText()) }
        return lines + bottom
    }
}

// MARK: - Clipping

extension StyledText {
    /// The text cut to `width` columns, ending in `…` when something was cut.
    func clipped(to width: Int) -> StyledText {
        guard self.width > width else { return self }
        var out = StyledText()
        var used = 0
        for cell in cells {
            let w = DisplayWidth.of(cell.character)
            if used + w > width - 1 { break }
            out.cells.append(cell)
            used += w
        }
        if width >= 1 { out.append("…", style: cells.last?.style) }
        return out
    }

    /// The characters, without styles.
    var plain: String { String(cells.map(\.character)) }

    func appending(_ text: String, style: String? = nil) -> StyledText {
        var copy = self
        copy.append(text, style: style)
        return copy
    }
}
