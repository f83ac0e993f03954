/// Every token of a few short texts with its key after each layer, and which tokens of
/// different texts meet at which layer: what `parallax normalize` shows.
public struct FoldTable: Sendable {
    struct Row: Sendable {
        /// Which text the token came from (0-based).
        var text: Int
        /// Keys indexed by ``FoldLayer`` raw value, through ``FoldLayer/orthography``.
        var keys: [String]
    }

    let rows: [Row]
    /// Pairs of rows from different texts that meet, with the first layer at which they do.
    let meetings: [(first: Int, second: Int, layer: FoldLayer, note: String?)]

    public init(texts: [String], normalizer: Normalizer = Normalizer()) throws(EngineError) {
        var tokenTexts: [(text: Int, token: String)] = []
        for (i, text) in texts.enumerated() {
            guard let source = try? SourceText(bytes: Array(text.utf8), path: "TEXT \(i + 1)") else { continue }
            let document = try Document(source: source, options: AnalysisOptions(normalizer: normalizer))
            for token in document.tokens where token.kind != .punctuation {
                tokenTexts.append((i, document.text(of: token)))
            }
        }
        let layered = try normalizer.layers(of: tokenTexts.map(\.token))
        let context = FoldContext(keys: layered.map { $0[FoldLayer.orthography.rawValue] })
        var rows: [Row] = []
        for (i, item) in tokenTexts.enumerated() {
            var keys = layered[i]
            keys[FoldLayer.orthography.rawValue] = context.key(keys[FoldLayer.orthography.rawValue])
            rows.append(Row(text: item.text, keys: keys))
        }
        var meetings: [(Int, Int, FoldLayer, String?)] = []
        for a in rows.indices {
            for b in rows.indices where b > a && rows[a].text != rows[b].text {
                // Scalar by scalar: String's == would call "e\u{301}" and "\u{E9}" equal as written.
                if let layer = FoldLayer.allCases.first(where: {
                    $0 <= .orthography && Self.same(rows[a].keys[$0.rawValue], rows[b].keys[$0.rawValue])
                }) {
                    meetings.append((a, b, layer, nil))
                }
            }
        }
        // Open compounds: two adjacent tokens of one text that spell a closed form of another.
        for a in rows.indices.dropLast() where rows[a].text == rows[a + 1].text {
            let first = rows[a].keys[FoldLayer.orthography.rawValue]
            let second = rows[a + 1].keys[FoldLayer.orthography.rawValue]
            guard context.isOpenCompound(first, second) else { continue }
            for b in rows.indices
            where rows[b].text != rows[a].text && Self.same(rows[b].keys[FoldLayer.orthography.rawValue], first + second) {
                meetings.append((a, b, .orthography, "open compound"))
            }
        }
        self.rows = rows
        self.meetings = meetings
    }

    /// Whether two keys are the same scalars (not merely canonically equivalent).
    static func same(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// A plain-text table, escaped for a terminal.
    public func render() -> String {
        let layers = FoldLayer.allCases.filter { $0 <= .orthography }
        var table: [[String]] = [["text"] + layers.map(\.description)]
        for row in rows { table.append([String(row.text + 1)] + row.keys.map(TerminalText.escape)) }
        var widths = [Int](repeating: 0, count: table[0].count)
        for line in table { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for line in table {
            let cells = line.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        if !meetings.isEmpty {
            out += "\nmeet:\n"
            for m in meetings {
                let a = rows[m.first].keys[0]
                let b = rows[m.second].keys[0]
                let pair = m.note == "open compound" ? "\(a) \(rows[m.first + 1].keys[0])" : a
                out += "  \(TerminalText.escape(pair)) = \(TerminalText.escape(b))  (\(m.layer)\(m.note.map { ", \($0)" } ?? ""))\n"
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
