/// Styled text for a terminal: characters with an optional SGR style, wrapped by display width.
package struct StyledText {
    package struct Cell {
        package var character: Character
        /// The SGR parameters (e.g. "1;31"), nil for plain text.
        package var style: String?
    }

    package var cells: [Cell] = []

    package init() {}

    package init(_ text: String, style: String? = nil) {
        append(text, style: style)
    }

    /// Appends text that is already safe for a terminal (escaped).
    package mutating func append(_ text: String, style: String? = nil) {
        for character in text { cells.append(Cell(character: character, style: style)) }
    }

    package mutating func append(_ other: StyledText) {
        cells.append(contentsOf: other.cells)
    }

    package var width: Int { cells.reduce(0) { $0 + DisplayWidth.of($1.character) } }

    /// Lines of at most `width` columns: breaks at spaces (runs of spaces become one), and inside
    /// a word only when the word alone is wider than a line.
    package func wrapped(width: Int) -> [StyledText] {
        let width = max(width, 1)
        var lines: [StyledText] = []
        var line = StyledText()
        var lineWidth = 0
        var i = 0
        while i < cells.count {
            if cells[i].character == " " {
                i += 1
                continue
            }
            var j = i
            var wordWidth = 0
            while j < cells.count && cells[j].character != " " {
                wordWidth += DisplayWidth.of(cells[j].character)
                j += 1
            }
            if !line.cells.isEmpty {
                // A word longer than a whole line starts beside what is there and is cut anyway.
                if lineWidth + 1 + wordWidth <= width || (wordWidth > width && lineWidth + 2 < width) {
                    line.cells.append(Cell(character: " ", style: cells[i - 1].style))
                    lineWidth += 1
                } else {
                    lines.append(line)
                    line = StyledText()
                    lineWidth = 0
                }
            }
            // Place the word, cutting it where it overflows: after the last '/' or '-' that fits
            // when there is one (paths, compounds), else at the last character that fits.
            var k = i
            while k < j {
                var end = k
                var used = lineWidth
                var lastBreak: Int?
                while end < j {
                    let w = DisplayWidth.of(cells[end].character)
                    if used + w > width { break }
                    used += w
                    end += 1
                    if end < j, cells[end - 1].character == "/" || cells[end - 1].character == "-" { lastBreak = end }
                }
                if end < j, let lastBreak, lastBreak > k { end = lastBreak }
                if end == k {
                    if line.cells.isEmpty {
                        end = k + 1
                    } else {
                        lines.append(line)
                        line = StyledText()
                        lineWidth = 0
                        continue
                    }
                }
                for cell in cells[k..<end] {
                    line.cells.append(cell)
                    lineWidth += DisplayWidth.of(cell.character)
                }
                k = end
                if k < j {
                    lines.append(line)
                    line = StyledText()
                    lineWidth = 0
                }
            }
            i = j
        }
        if !line.cells.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The text, with SGR sequences around styled runs when `color` is on (each run is reset at
    /// its end, so no style leaks into the next column or line), padded with spaces to `pad`
    /// columns.
    package func rendered(color: Bool, pad: Int = 0) -> String {
        var out = ""
        var i = 0
        while i < cells.count {
            let style = cells[i].style
            var run = ""
            while i < cells.count && cells[i].style == style {
                run.append(cells[i].character)
                i += 1
            }
            if color, let style {
                out += "\u{1B}[\(style)m" + run + "\u{1B}[0m"
            } else {
                out += run
            }
        }
        let w = width
        if pad > w { out += String(repeating: " ", count: pad - w) }
        return out
    }
}
