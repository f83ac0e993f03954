import Foundation

/// The report as one self-contained HTML file: the summary, the two accounts side by side
/// (every sentence; boilerplate greyed, duplicates marked), the findings coloured by category
/// with a filter per category, and the changed words marked inside the sentences.
///
/// Aligned sentences are linked: each sentence carries its alignment groups
/// (`data-groups="g3 g7"`), and hovering or clicking it lights up the sentences that share a
/// group and scrolls them into view. Without JavaScript the page still reads: the category
/// filters are CSS (`:has()`), and each sentence's number links to its first counterpart.
///
/// Nothing is fetched (inline CSS and script, no fonts; a Content-Security-Policy forbids any
/// load), every piece of input text is HTML-escaped after ``TerminalText`` escaping, and the
/// script holds no input at all. The output is the same for the same report.
/// The report as one self-contained HTML file: the summary with the verdict and the counts by
/// severity, a legend, the findings (pairs with errors first, each finding's severity shown by
/// a shape and a word), and the two accounts side by side with the changed words marked; each
/// side carries only its own categories (an omission lives on A, an addition on B).
///
/// Aligned sentences are linked: each sentence carries its alignment groups
/// (`data-groups="g3 g7"`), and hovering or clicking it lights up the sentences that share a
/// group and scrolls them into view. Without JavaScript the page still reads: the category
/// filters are CSS (`:has()`), and each sentence's number links to its first counterpart.
///
/// A large pair (more than ``lightThreshold`` sentences) gets a light page instead: the data
/// once, as JSON, and the script draws only the findings and sentences in view, so the page
/// stays within a few times the size of the inputs.
///
/// Nothing is fetched (inline CSS and script, no fonts; a Content-Security-Policy forbids any
/// load), every piece of input text is HTML-escaped after ``TerminalText`` escaping (or written
/// as JSON that cannot end its element), and the script holds no input at all. The output is
/// the same for the same report.
public enum HTMLRenderer {
    /// Sentences (both accounts together) above which the page is drawn by its script.
    static let lightThreshold = 3000

    public static func render(_ report: Report) -> String {
        let layout = ReportLayout(report)
        let sentences = report.documents.reduce(0) { $0 + $1.sentences.count }
        // Pairs with errors first, then warnings, then the rest, as on a terminal.
        let order = layout.pairGroups(of: Array(report.findings.indices), sort: .severity).flatMap(\.findings)
        // Finding numbers (1-based) in the order listed.
        var number = Array(repeating: 0, count: report.findings.count)
        for (n, index) in order.enumerated() { number[index] = n + 1 }
        let names = ReportLayout.Side.allCases.map { layout.document($0).map { fileName($0.path) } ?? $0.label }

        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '\(scriptHash)'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"parallax \(escape(report.tool.version))\">\n"
        out += "<title>Parallax: \(escape(names[0])) ↔ \(escape(names[1]))</title>\n"
        out += "<style>\n\(style)</style>\n</head>\n<body>\n"
        out += header(report, layout: layout, names: names, order: order, number: number)
        out += "<main>\n"
        if sentences > lightThreshold {
            out += lightBody(report, layout: layout, order: order, number: number)
        } else {
            out += findingsSection(report, layout: layout, order: order)
            out += accounts(report, layout: layout, number: number)
        }
        out += "</main>\n"
        out += "<footer>parallax \(escape(report.tool.version)) · schema \(report.schemaVersion)</footer>\n"
        out += "<script>\(script)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Header and legend

    /// A severity by shape and word, not colour alone: `✖ error`, `▲ warning`, `● info`.
    static func severityBadge(_ severity: Severity, text: String? = nil) -> String {
        let shape = severity == .info ? "●" : TerminalRenderer.severityMark(severity)
        return "<span class=\"sev sev-\(severity.rawValue)\"><span aria-hidden=\"true\">\(shape)</span> \(text ?? severity.rawValue)</span>"
    }

    static func header(_ report: Report, layout: ReportLayout, names: [String], order: [Int], number: [Int]) -> String {
        let summary = report.summary
        var out = "<header>\n<h1>Parallax: \(escape(names[0])) ↔ \(escape(names[1]))</h1>\n"
        if summary.verdict != .same {
            let what =
                summary.verdict == .unsure
                ? "It is unsure whether these accounts describe the same event."
                : "These accounts do not appear to describe the same event."
            out += "<p class=\"alarm\" role=\"alert\">\(what)</p>\n"
            if let event = summary.event {
                out +=
                    "<ul class=\"evidence\">\n" + TerminalRenderer.evidence(event).map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        out += "<table class=\"summary\">\n"
        out +=
            "<tr><th>Coverage A→B</th><td>\(ReportLayout.percent(summary.coverageA))</td>"
            + "<th>Coverage B→A</th><td>\(ReportLayout.percent(summary.coverageB))</td>"
            + "<th>Same event</th><td>\(summary.verdict == .same ? "yes" : summary.verdict == .unsure ? "<strong>unsure</strong>" : "<strong>no</strong>")</td></tr>\n</table>\n"
        // Counts by severity, each linking to its first finding.
        var counts: [String] = []
        for severity in Severity.allCases {
            let of = order.filter { report.findings[$0].severity == severity }
            guard let first = of.first else { continue }
            let word = severity == .info ? "info" : of.count == 1 ? severity.rawValue : severity.rawValue + "s"
            counts.append("<a href=\"#f\(number[first])\">\(severityBadge(severity, text: "\(of.count) \(word)"))</a>")
        }
        let accepted = report.findings.filter(\.accepted).count
        let uncertain = report.findings.filter { $0.uncertainReason != nil }.count
        if accepted > 0 { counts.append("<span class=\"badge acc\">✓ \(accepted) accepted</span>") }
        if uncertain > 0 { counts.append("<span class=\"badge unc\">? \(uncertain) uncertain</span>") }
        out +=
            "<p class=\"counts\">"
            + (counts.isEmpty
                ? "No findings."
                : "\(report.findings.count) finding\(report.findings.count == 1 ? "" : "s"): " + counts.joined(separator: " ")) + "</p>\n"
        let categories = layout.counts()
        if !categories.isEmpty {
            out += "<form class=\"filters\" aria-label=\"Show findings by category\">\n"
            for entry in categories {
                let c = entry.category.rawValue
                out +=
                    "<label class=\"chip cat-\(c)\"><input type=\"checkbox\" id=\"show-\(c)\" checked> \(c) <span class=\"count\">\(entry.count)</span></label>\n"
            }
            out += "</form>\n"
        }
        out += legend(categories.map(\.category))
        out += "</header>\n"
        return out
    }

    /// What the shapes, marks and colours mean.
    static func legend(_ categories: [FindingCategory]) -> String {
        var out = "<details class=\"legend\"><summary>Legend</summary>\n<dl>\n"
        out += "<dt>\(severityBadge(.error))</dt><dd>fails <code>parallax check</code> unless accepted</dd>\n"
        out += "<dt>\(severityBadge(.warning))</dt><dd>worth a look</dd>\n"
        out += "<dt>\(severityBadge(.info))</dt><dd>for the record</dd>\n"
        out += "<dt><span class=\"badge acc\">✓ accepted</span></dt><dd>in the baseline: shown, does not fail the check</dd>\n"
        out += "<dt><span class=\"badge unc\">? uncertain</span></dt><dd>on a link the engine is unsure of: for a person to judge</dd>\n"
        out +=
            "<dt><del class=\"w lg\">A words</del> <ins class=\"w lg\">B words</ins></dt><dd>the words of A and of B a finding is about (the underline has the category's colour)</dd>\n"
        out +=
            "<dt><span class=\"s lg cat-omission\">A sentence</span></dt><dd>the bar at its left: a finding about the whole sentence, in the category's colour; an omission is drawn on A, an addition on B</dd>\n"
        out += "<dt><span class=\"s lg alone\">sentence</span></dt><dd>dashed bar: no counterpart in the other account</dd>\n"
        for category in categories {
            out +=
                "<dt><span class=\"chip cat-\(category.rawValue)\">\(category.rawValue)</span></dt><dd>\(escape(category.info.summary))</dd>\n"
        }
        out +=
            "</dl>\n<p>Findings are listed with errors first. Click or press Enter on a sentence to light up its counterpart; on a finding, to show its sentences.</p>\n</details>\n"
        return out
    }

    // MARK: - Findings

    static func findingsSection(_ report: Report, layout: ReportLayout, order: [Int]) -> String {
        var out = "<section class=\"findings\" aria-label=\"Findings\">\n<h2>Findings</h2>\n"
        if report.summary.verdict != .same && !order.isEmpty {
            out += "<p class=\"note\">The accounts may not tell one event: read the findings below with that in mind.</p>\n"
        }
        out += "<ol>\n"
        for (n, index) in order.enumerated() {
            out += findingItem(report.findings[index], number: n + 1, layout: layout)
        }
        out += "</ol>\n</section>\n"
        return out
    }

    static func findingItem(_ finding: Finding, number: Int, layout: ReportLayout) -> String {
        let c = finding.category.rawValue
        var sentenceIDs: [String] = []
        for side in ReportLayout.Side.allCases {
            if let span = side == .a ? finding.a : finding.b { sentenceIDs += span.sentences.map { "s-\(side.label)-\($0)" } }
        }
        var classes = "f cat-\(c) sev-\(finding.severity.rawValue)"
        if finding.accepted { classes += " acc" }
        if finding.uncertainReason != nil { classes += " unc" }
        var out =
            "<li class=\"\(classes)\" id=\"f\(number)\" data-category=\"\(c)\""
            + " data-finding-id=\"\(escape(finding.id))\" data-sentences=\"\(sentenceIDs.joined(separator: " "))\" tabindex=\"0\">\n"
        out += "<div class=\"fh\">\(severityBadge(finding.severity)) <span class=\"chip cat-\(c)\">\(c)</span>"
        if finding.accepted { out += " <span class=\"badge acc\">✓ accepted</span>" }
        if finding.uncertainReason != nil { out += " <span class=\"badge unc\">? uncertain</span>" }
        out += " <span class=\"num\">#\(number)</span></div>\n"
        out += "<div class=\"msg\">\(escape(finding.message))</div>\n"
        if let reason = finding.uncertainReason { out += "<div class=\"why\">Uncertain link: \(escape(reason))</div>\n" }
        for side in ReportLayout.Side.allCases {
            guard let span = side == .a ? finding.a : finding.b, let document = layout.document(side) else { continue }
            let location = ReportLayout.location(span, in: document)
            let shown = fileName(document.path) + location.dropFirst(document.path.count)
            let target = span.sentences.first.map { "#s-\(side.label)-\($0)" } ?? "#doc-\(side.label)"
            out +=
                "<div class=\"loc\"><span class=\"side\">\(side.label)</span> <a href=\"\(target)\" title=\"\(escape(location))\">\(escape(shown))</a></div>\n"
        }
        out += "</li>\n"
        return out
    }

    // MARK: - The accounts

    /// What the page marks on each sentence: word ranges (with the finding), the findings about
    /// the whole sentence, every finding touching it, its alignment groups and first counterpart.
    struct SentenceMarks {
        var marks: [ReportLayout.Side: [Int: [(range: Range<Int>, tag: Int)]]] = [.a: [:], .b: [:]]
        var whole: [ReportLayout.Side: [Int: [Int]]] = [.a: [:], .b: [:]]
        var any: [ReportLayout.Side: [Int: [Int]]] = [.a: [:], .b: [:]]
        var groups: [ReportLayout.Side: [Int: [Int]]] = [.a: [:], .b: [:]]
        var counterpart: [ReportLayout.Side: [Int: Int]] = [.a: [:], .b: [:]]

        init(_ report: Report, layout: ReportLayout) {
            for (index, finding) in report.findings.enumerated() {
                for side in ReportLayout.Side.allCases {
                    guard let span = side == .a ? finding.a : finding.b, let document = layout.document(side) else { continue }
                    // An omission is A's words, an addition B's: the other side only links.
                    let own = ReportLayout.belongs(finding.category, to: side)
                    for k in span.sentences {
                        guard let sentence = ReportLayout.sentence(k, in: document) else { continue }
                        any[side, default: [:]][k, default: []].append(index)
                        guard own else { continue }
                        if let range = ReportLayout.markedRange(of: span, in: sentence) {
                            marks[side, default: [:]][k, default: []].append((range, index))
                        } else {
                            whole[side, default: [:]][k, default: []].append(index)
                        }
                    }
                }
            }
            for (g, alignment) in report.alignments.enumerated() {
                for k in alignment.a { groups[.a, default: [:]][k, default: []].append(g + 1) }
                for k in alignment.b { groups[.b, default: [:]][k, default: []].append(g + 1) }
                if let first = alignment.b.min() {
                    for k in alignment.a where counterpart[.a]?[k] == nil { counterpart[.a, default: [:]][k] = first }
                }
                if let first = alignment.a.min() {
                    for k in alignment.b where counterpart[.b]?[k] == nil { counterpart[.b, default: [:]][k] = first }
                }
            }
        }
    }

    static func accounts(_ report: Report, layout: ReportLayout, number: [Int]) -> String {
        let m = SentenceMarks(report, layout: layout)
        var out = ""
        for side in ReportLayout.Side.allCases {
            guard let document = layout.document(side) else { continue }
            let label = side.label
            let other = side == .a ? "B" : "A"
            out += docHeading(document, side: side)
            out += "<div class=\"body\">\n"
            var lastBlock: Int?
            for sentence in document.sentences {
                let k = sentence.index
                var classes = ["s"]
                if let lastBlock, lastBlock != sentence.paragraph { classes.append("para") }
                lastBlock = sentence.paragraph
                if sentence.boilerplate { classes.append("bp") }
                if sentence.duplicateOf != nil { classes.append("dup") }
                let wholeFindings = (m.whole[side]?[k] ?? []).sorted { report.findings[$0].category < report.findings[$1].category }
                for category in wholeFindings.map({ report.findings[$0].category }) where !classes.contains("cat-\(category.rawValue)") {
                    classes.append("cat-\(category.rawValue)")
                }
                let sentenceGroups = m.groups[side]?[k] ?? []
                if sentenceGroups.isEmpty && sentence.isContent { classes.append("alone") }
                var attributes = "class=\"\(classes.joined(separator: " "))\" id=\"s-\(label)-\(k)\""
                if !sentenceGroups.isEmpty {
                    attributes += " data-groups=\"\(sentenceGroups.map { "g\($0)" }.joined(separator: " "))\" tabindex=\"0\""
                }
                let related = Set(m.any[side]?[k] ?? []).map { number[$0] }.sorted()
                if !related.isEmpty { attributes += " data-findings=\"\(related.map { "f\($0)" }.joined(separator: " "))\"" }
                out += "<div \(attributes)>"
                let title = "\(label) \(k), line \(sentence.line), column \(sentence.column)"
                if let target = m.counterpart[side]?[k] {
                    out += "<a class=\"n\" href=\"#s-\(other)-\(target)\" title=\"\(title); go to its counterpart\">\(k)</a> "
                } else {
                    out += "<span class=\"n\" title=\"\(title)\">\(k)</span> "
                }
                out += "<span class=\"t\">"
                for piece in ReportLayout.pieces(of: sentence.text, marks: m.marks[side]?[k] ?? []) {
                    if piece.tags.isEmpty {
                        out += escape(piece.text)
                    } else {
                        let categories = Set(piece.tags.map { report.findings[$0].category }).sorted()
                        let cls = categories.map { "cat-\($0.rawValue)" }.joined(separator: " ")
                        let ids = piece.tags.map { number[$0] }.sorted().map { "f\($0)" }.joined(separator: " ")
                        let element = side == .a ? "del" : "ins"
                        out += "<\(element) class=\"w \(cls)\" data-findings=\"\(ids)\">\(escape(piece.text))</\(element)>"
                    }
                }
                out += "</span>"
                if sentence.boilerplate { out += " <span class=\"tag\">boilerplate</span>" }
                if let original = sentence.duplicateOf {
                    out += " <a class=\"tag\" href=\"#s-\(label)-\(original)\">duplicate of \(original)</a>"
                }
                out += "</div>\n"
            }
            out += "</div>\n</section>\n"
        }
        return out
    }

    static func docHeading(_ document: DocumentRecord, side: ReportLayout.Side) -> String {
        let label = side.label
        var out = "<section class=\"doc\" id=\"doc-\(label)\" aria-label=\"Account \(label)\">\n"
        out += "<h2><span class=\"side\">\(label)</span> \(escape(document.path))</h2>\n"
        out +=
            "<p class=\"meta\">\(escape(document.encoding)) · \(document.sentences.count) sentences · sha256 \(escape(String(document.sha256.prefix(12))))…</p>\n"
        return out
    }

    // MARK: - The light page

    /// The findings and the accounts of a large pair as JSON, once, for the script to draw the
    /// part in view: `{"f": [[number, category, severity, message, A sentences, B sentences,
    /// A location, B location, accepted, uncertain reason]], "a"/"b": [[text, flags, groups,
    /// marks, whole categories, counterpart]]}` where flags are 1 boilerplate, 2 duplicate,
    /// 4 no counterpart, 8 new paragraph; marks are `[from, to, category, finding]` in UTF-16
    /// units of the text.
    static func lightBody(_ report: Report, layout: ReportLayout, order: [Int], number: [Int]) -> String {
        let m = SentenceMarks(report, layout: layout)
        let categories = FindingCategory.allCases
        func category(_ c: FindingCategory) -> Int { categories.firstIndex(of: c) ?? 0 }
        var json = "{\"categories\":[" + categories.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "],\"f\":["
        for (n, index) in order.enumerated() {
            let f = report.findings[index]
            if n > 0 { json += ",\n" }
            var locations: [String] = []
            for side in ReportLayout.Side.allCases {
                guard let span = side == .a ? f.a : f.b, let document = layout.document(side) else {
                    locations.append("null")
                    continue
                }
                let location = ReportLayout.location(span, in: document)
                locations.append(scriptJSON(fileName(document.path) + location.dropFirst(document.path.count)))
            }
            json +=
                "[\(n + 1),\(category(f.category)),\"\(f.severity.rawValue)\",\(scriptJSON(f.message)),"
                + "[\((f.a?.sentences ?? []).map(String.init).joined(separator: ","))],[\((f.b?.sentences ?? []).map(String.init).joined(separator: ","))],"
                + "\(locations[0]),\(locations[1]),\(f.accepted ? 1 : 0),\(f.uncertainReason.map(scriptJSON) ?? "null")]"
        }
        json += "]"
        for side in ReportLayout.Side.allCases {
            json += ",\"\(side == .a ? "a" : "b")\":["
            guard let document = layout.document(side) else {
                json += "]"
                continue
            }
            var lastBlock: Int?
            for (i, sentence) in document.sentences.enumerated() {
                let k = sentence.index
                if i > 0 { json += ",\n" }
                var flags = 0
                if sentence.boilerplate { flags |= 1 }
                if sentence.duplicateOf != nil { flags |= 2 }
                let sentenceGroups = m.groups[side]?[k] ?? []
                if sentenceGroups.isEmpty && sentence.isContent { flags |= 4 }
                if let lastBlock, lastBlock != sentence.paragraph { flags |= 8 }
                lastBlock = sentence.paragraph
                let utf8 = Array(sentence.text.utf8)
                func utf16(_ byte: Int) -> Int { String(decoding: utf8[..<byte], as: UTF8.self).utf16.count }
                let marks = (m.marks[side]?[k] ?? []).map { mark in
                    "[\(utf16(mark.range.lowerBound)),\(utf16(mark.range.upperBound)),\(category(report.findings[mark.tag].category)),\(number[mark.tag])]"
                }
                let whole = Set((m.whole[side]?[k] ?? []).map { category(report.findings[$0].category) }).sorted()
                json +=
                    "[\(scriptJSON(TerminalText.escape(sentence.text))),\(flags),[\(sentenceGroups.map(String.init).joined(separator: ","))],"
                    + "[\(marks.joined(separator: ","))],[\(whole.map(String.init).joined(separator: ","))],\(m.counterpart[side]?[k].map(String.init) ?? "null")]"
            }
            json += "]"
        }
        json += "}"
        var out = "<section class=\"findings\" aria-label=\"Findings\">\n<h2>Findings</h2>\n"
        out += "<p class=\"note\">A large pair: the page draws the findings and sentences in view (it needs JavaScript).</p>\n"
        out +=
            "<ol id=\"light-findings\"></ol>\n<button type=\"button\" id=\"more-findings\" hidden>Show more findings</button>\n</section>\n"
        for side in ReportLayout.Side.allCases {
            guard let document = layout.document(side) else { continue }
            out += docHeading(document, side: side)
            out += "<div class=\"body\" data-side=\"\(side.label)\"></div>\n</section>\n"
        }
        out += "<script type=\"application/json\" id=\"report-data\">\(json)</script>\n"
        return out
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Text safe in HTML content and in quoted attribute values: controls escaped as on a
    /// terminal, then `&`, `<`, `>`, `"`, `'` as character references.
    public static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in TerminalText.escape(String(text)).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A string for a `<script>`: JSON, with `<`, `>`, `&` and the line separators as `\u`
    /// escapes, so that it can neither end the script element nor start a comment.
    static func scriptJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x3C, 0x3E, 0x26, 0x27, 0x2028, 0x2029, 0..<0x20, 0x7F..<0xA0:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `'sha256-…'` of the script, for the Content-Security-Policy.
    static let scriptHash: String = {
        let hex = Array(SHA256.hex(Array(script.utf8)).utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i + 1 < hex.count {
            func nibble(_ c: UInt8) -> UInt8 { c >= 0x61 ? c - 0x61 + 10 : c - 0x30 }
            bytes.append(nibble(hex[i]) << 4 | nibble(hex[i + 1]))
            i += 2
        }
        return "sha256-" + Data(bytes).base64EncodedString()
    }()

    // MARK: - Style

    static let categoryColors: [(FindingCategory, fg: String, bg: String)] = FindingCategory.allCases.map {
        ($0, $0.info.htmlColors.foreground, $0.info.htmlColors.background)
    }

    static let style: String = {
        var css = """
            :root { color-scheme: light; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
            body { margin: 0; }
            header { padding: .6rem 1rem; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
            h1 { font-size: 1.15rem; margin: 0 0 .3rem; overflow-wrap: anywhere; }
            h2 { font-size: 1rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
            .alarm { font-weight: bold; color: #fff; background: #a40e26; padding: .4rem .6rem; border-radius: 4px; }
            table.summary { border-collapse: collapse; margin: .2rem 0 .4rem; }
            table.summary th { font-weight: 600; text-align: left; padding: 0 .3rem 0 0; }
            table.summary td { padding: 0 1.2rem 0 0; font-variant-numeric: tabular-nums; }
            .counts { margin: .2rem 0 .4rem; }
            .counts a { text-decoration: none; }
            .filters { display: flex; flex-wrap: wrap; gap: .4rem; }
            .chip { display: inline-block; border: 1px solid var(--fg); color: var(--fg); background: var(--bg); border-radius: 1rem; padding: 0 .55rem; font-size: .85rem; }
            label.chip { cursor: pointer; user-select: none; }
            .count { font-weight: bold; }
            .sev { display: inline-block; border-radius: 3px; padding: 0 .4rem; font-size: .8rem; font-weight: 600; border: 1px solid #57606a; color: #424a53; background: #fff; }
            .sev.sev-error { background: #a40e26; border-color: #a40e26; color: #fff; }
            .sev.sev-warning { background: #fff8c5; border-color: #9a6700; color: #5c3b00; }
            .badge { display: inline-block; border-radius: 3px; padding: 0 .35rem; font-size: .8rem; border: 1px solid; }
            .badge.acc { color: #116329; background: #dafbe1; border-color: #1a7f37; }
            .badge.unc { color: #5c3b00; background: #fff8c5; border: 1px dashed #9a6700; }
            .legend { margin: .5rem 0 0; font-size: .85rem; }
            .legend summary { cursor: pointer; font-weight: 600; }
            .legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .7rem; align-items: baseline; margin: .4rem 0; }
            .legend dd { margin: 0; }
            .legend p { margin: .2rem 0; }
            .s.lg { display: inline-block; padding: 0 .4rem; border-left-width: 4px; }
            main { display: flex; flex-direction: column; gap: .9rem; padding: .6rem; }
            @media (max-width: 700px) { table.summary tr { display: flex; flex-wrap: wrap; gap: 0 .3rem; } table.summary td { padding-right: .8rem; } }
            .doc, .findings { min-width: 0; }
            .side { display: inline-block; font-weight: bold; background: #1f2328; color: #fff; border-radius: 3px; padding: 0 .35rem; }
            .meta { color: #57606a; font-size: .8rem; margin: 0 0 .3rem; }
            .body, .findings ol { border: 1px solid #d0d7de; border-radius: 6px; }
            @media (min-width: 701px) {
              main { display: grid; grid-template-columns: 1fr 1fr; grid-template-areas: "f f" "a b"; gap: .8rem 1rem; padding: .6rem 1rem; }
              .findings { grid-area: f; }
              #doc-A { grid-area: a; }
              #doc-B { grid-area: b; }
              .findings ol { max-height: 40vh; overflow-y: auto; }
              .body { max-height: calc(100vh - 8rem); min-height: 20rem; overflow-y: auto; }
            }
            @media (min-width: 1200px) {
              main { grid-template-columns: 1fr 1fr minmax(18rem, 26rem); grid-template-areas: "a b f"; }
              .findings ol, .body { max-height: calc(100vh - 11rem); min-height: 20rem; }
            }
            .body { padding: .3rem .5rem; }
            .s { position: relative; padding: .15rem .3rem .15rem 2.7rem; border-left: 4px solid transparent; border-radius: 3px; margin: 1px 0; scroll-margin: 3rem; }
            .s.para { margin-top: .7rem; }
            .s[data-groups] { cursor: pointer; }
            .s .n { position: absolute; left: .1rem; width: 2.3rem; text-align: right; color: #57606a; font-size: .75rem; padding-top: .15rem; text-decoration: none; }
            .s.bp { color: #57606a; font-style: italic; }
            .s.dup { color: #57606a; text-decoration: line-through dotted #57606a; }
            .tag { font-size: .7rem; color: #57606a; border: 1px solid #d0d7de; border-radius: 3px; padding: 0 .25rem; font-style: normal; text-decoration: none; }
            .s.alone { border-left-style: dashed; border-left-color: #57606a; }
            .w { text-decoration: none; color: inherit; border-radius: 2px; padding: 0 1px; background: var(--bg); box-shadow: inset 0 -2px 0 var(--fg); }
            .w.lg { --fg: #57606a; --bg: #eaeef2; }
            .s[class*="cat-"] { border-left-color: var(--fg); background: var(--bg); }
            .s:hover, .s.hov { outline: 2px dotted #1f2328; }
            .s.sel { outline: 3px solid #1f2328; background: #eaeef2; }
            .s.lit { outline: 3px double #1f2328; background: #eaeef2; }
            .s:target { outline: 3px solid #1f2328; }
            .findings ol { list-style: none; margin: 0; padding: .3rem; }
            .f { border-left: 4px solid var(--fg); padding: .25rem .5rem; margin: 0 0 .4rem; background: #f6f8fa; border-radius: 3px; cursor: pointer; }
            .f.sev-error { border: 2px solid #a40e26; border-left-width: 8px; background: #fff5f5; }
            .f.acc { background: #fff; border-style: dotted; }
            .f.acc .msg { color: #424a53; }
            .f.sel { outline: 3px solid #1f2328; }
            .f.lit { outline: 2px dotted #1f2328; }
            .f .num { font-size: .75rem; color: #57606a; }
            .f .msg { font-size: .9rem; overflow-wrap: anywhere; }
            .f .why { font-size: .8rem; color: #5c3b00; }
            .f .loc { font-size: .8rem; overflow-wrap: anywhere; }
            .f .loc .side { font-size: .7rem; }
            .f a { color: #0550ae; }
            .note { color: #57606a; font-size: .85rem; }
            .more { display: block; margin: .3rem auto; font: inherit; font-size: .85rem; }
            footer { color: #57606a; font-size: .75rem; padding: .3rem 1rem 1rem; }
            @media print { .body, .findings ol { max-height: none; overflow: visible; } }

            """
        for (category, fg, bg) in categoryColors {
            let c = category.rawValue
            css += ".cat-\(c) { --fg: \(fg); --bg: \(bg); }\n"
        }
        for (category, _, _) in categoryColors {
            let c = category.rawValue
            css += "body:has(#show-\(c):not(:checked)) .f.cat-\(c) { display: none; }\n"
            css +=
                "body:has(#show-\(c):not(:checked)) .w.cat-\(c), body:has(#show-\(c):not(:checked)) .s.cat-\(c) { --fg: transparent; --bg: transparent; }\n"
        }
        return css
    }()

    // MARK: - Script

    /// Static: it reads the page's data attributes (and, on a light page, its JSON) and holds
    /// no input text.
    static let script = """

        (function () {
          'use strict';
          function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
          function words(value) { return (value || '').split(' ').filter(function (w) { return w.length > 0; }); }
          function partners(sentence) {
            var out = [];
            words(sentence.getAttribute('data-groups')).forEach(function (g) {
              all('.s[data-groups~="' + g + '"]').forEach(function (s) { if (s !== sentence && out.indexOf(s) < 0) { out.push(s); } });
            });
            return out;
          }
          function clear(name) { all('.' + name).forEach(function (e) { e.classList.remove(name); }); }
          function reveal(element) {
            var box = element.closest('.body, ol');
            if (!box || box.scrollHeight <= box.clientHeight) { element.scrollIntoView({ block: 'nearest' }); return; }
            var top = element.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
            box.scrollTop = Math.max(0, top - box.clientHeight / 3);
          }
          function revealFirstPerColumn(elements) {
            var seen = [];
            elements.forEach(function (e) {
              var box = e.closest('.body, ol');
              if (box && seen.indexOf(box) < 0) { seen.push(box); reveal(e); }
            });
          }
          // A light page draws sentences on demand: these make sure what is about to be shown is drawn.
          var hooks = { sentence: function () {}, finding: function () {} };
          function select(sentence) {
            hooks.sentence(sentence);
            clear('sel'); clear('lit');
            sentence.classList.add('sel');
            var others = partners(sentence);
            others.forEach(function (s) { s.classList.add('lit'); });
            revealFirstPerColumn(others);
            words(sentence.getAttribute('data-findings')).forEach(function (id) {
              var f = document.getElementById(id);
              if (f) { f.classList.add('lit'); }
            });
            return others;
          }
          function selectFinding(finding) {
            hooks.finding(finding);
            clear('sel'); clear('lit');
            finding.classList.add('sel');
            var sentences = words(finding.getAttribute('data-sentences')).map(function (id) { return document.getElementById(id); }).filter(Boolean);
            sentences.forEach(function (s) { s.classList.add('lit'); });
            revealFirstPerColumn(sentences);
          }
          document.addEventListener('click', function (event) {
            if (event.target.closest('a, input, label, button, summary')) { return; }
            var sentence = event.target.closest('.s[data-groups]');
            if (sentence) { select(sentence); return; }
            var finding = event.target.closest('.f');
            if (finding) { selectFinding(finding); }
          });
          document.addEventListener('keydown', function (event) {
            if (event.key !== 'Enter') { return; }
            var target = event.target;
            if (target.matches && target.matches('.s[data-groups]')) { select(target); }
            else if (target.matches && target.matches('.f')) { selectFinding(target); }
          });
          document.addEventListener('mouseover', function (event) {
            var sentence = event.target.closest && event.target.closest('.s[data-groups]');
            clear('hov');
            if (sentence) { partners(sentence).forEach(function (s) { s.classList.add('hov'); }); }
          });

          var source = document.getElementById('report-data');
          if (!source) { return; }
          // The light page: findings a page at a time, each account a window of sentences.
          var data = JSON.parse(source.textContent);
          var cats = data.categories;
          var shapes = { error: '\\u2716', warning: '\\u25B2', info: '\\u25CF' };
          var pageSize = 100, windowSize = 80;
          function el(tag, cls, text) {
            var e = document.createElement(tag);
            if (cls) { e.className = cls; }
            if (text !== undefined && text !== null) { e.textContent = text; }
            return e;
          }
          function badge(severity) {
            var b = el('span', 'sev sev-' + severity);
            var shape = el('span', null, shapes[severity]);
            shape.setAttribute('aria-hidden', 'true');
            b.appendChild(shape);
            b.appendChild(document.createTextNode(' ' + severity));
            return b;
          }
          var list = document.getElementById('light-findings');
          var more = document.getElementById('more-findings');
          var shown = 0;
          function drawFindings() {
            var end = Math.min(shown + pageSize, data.f.length);
            for (; shown < end; shown++) {
              var f = data.f[shown], c = cats[f[1]];
              var li = el('li', 'f cat-' + c + ' sev-' + f[2] + (f[8] ? ' acc' : '') + (f[9] !== null ? ' unc' : ''));
              li.id = 'f' + f[0];
              li.tabIndex = 0;
              li.setAttribute('data-category', c);
              li.setAttribute('data-sentences', f[4].map(function (k) { return 's-A-' + k; }).concat(f[5].map(function (k) { return 's-B-' + k; })).join(' '));
              var head = el('div', 'fh');
              head.appendChild(badge(f[2]));
              head.appendChild(document.createTextNode(' '));
              head.appendChild(el('span', 'chip cat-' + c, c));
              if (f[8]) { head.appendChild(document.createTextNode(' ')); head.appendChild(el('span', 'badge acc', '\\u2713 accepted')); }
              if (f[9] !== null) { head.appendChild(document.createTextNode(' ')); head.appendChild(el('span', 'badge unc', '? uncertain')); }
              head.appendChild(el('span', 'num', ' #' + f[0]));
              li.appendChild(head);
              li.appendChild(el('div', 'msg', f[3]));
              if (f[9] !== null) { li.appendChild(el('div', 'why', 'Uncertain link: ' + f[9])); }
              [['A', f[6]], ['B', f[7]]].forEach(function (side) {
                if (side[1] === null) { return; }
                var loc = el('div', 'loc');
                loc.appendChild(el('span', 'side', side[0]));
                loc.appendChild(document.createTextNode(' ' + side[1]));
                li.appendChild(loc);
              });
              list.appendChild(li);
            }
            more.hidden = shown >= data.f.length;
            more.className = 'more';
            more.textContent = 'Show ' + Math.min(pageSize, data.f.length - shown) + ' more (' + (data.f.length - shown) + ' not shown)';
          }
          more.addEventListener('click', drawFindings);
          drawFindings();
          function sentence(side, k, row) {
            var d = el('div', 's');
            d.id = 's-' + side + '-' + k;
            if (row[1] & 1) { d.classList.add('bp'); }
            if (row[1] & 2) { d.classList.add('dup'); }
            if (row[1] & 4) { d.classList.add('alone'); }
            if (row[1] & 8) { d.classList.add('para'); }
            row[4].forEach(function (c) { d.classList.add('cat-' + cats[c]); });
            if (row[2].length) {
              d.setAttribute('data-groups', row[2].map(function (g) { return 'g' + g; }).join(' '));
              d.tabIndex = 0;
            }
            d.appendChild(el('span', 'n', String(k)));
            d.appendChild(document.createTextNode(' '));
            var t = el('span', 't'), text = row[0], marks = row[3];
            var bounds = [0, text.length];
            marks.forEach(function (m) { bounds.push(m[0], m[1]); });
            bounds = bounds.filter(function (b, i) { return bounds.indexOf(b) === i; }).sort(function (x, y) { return x - y; });
            for (var i = 0; i + 1 < bounds.length; i++) {
              var lo = bounds[i], hi = bounds[i + 1], piece = text.slice(lo, hi);
              var over = marks.filter(function (m) { return m[0] <= lo && hi <= m[1]; });
              if (!over.length) { t.appendChild(document.createTextNode(piece)); continue; }
              var w = el(side === 'A' ? 'del' : 'ins', 'w', piece);
              over.forEach(function (m) { w.classList.add('cat-' + cats[m[2]]); });
              w.setAttribute('data-findings', over.map(function (m) { return 'f' + m[3]; }).join(' '));
              t.appendChild(w);
            }
            d.appendChild(t);
            return d;
          }
          function draw(side, center) {
            var body = document.querySelector('.body[data-side="' + side + '"]');
            var rows = side === 'A' ? data.a : data.b;
            var from = Math.max(0, Math.min(center - windowSize / 2, rows.length - windowSize)), to = Math.min(rows.length, from + windowSize);
            body.textContent = '';
            if (from > 0) { body.appendChild(nav(side, from - windowSize / 2, 'Earlier sentences (' + from + ')')); }
            for (var k = from; k < to; k++) { body.appendChild(sentence(side, k, rows[k])); }
            if (to < rows.length) { body.appendChild(nav(side, to + windowSize / 2, 'Later sentences (' + (rows.length - to) + ')')); }
            body.setAttribute('data-from', from);
            body.setAttribute('data-to', to);
          }
          function nav(side, center, label) {
            var b = el('button', 'more', label);
            b.type = 'button';
            b.addEventListener('click', function () { draw(side, center); });
            return b;
          }
          function ensure(side, k) {
            var body = document.querySelector('.body[data-side="' + side + '"]');
            if (k === undefined || k === null || !body) { return; }
            if (k < +body.getAttribute('data-from') || k >= +body.getAttribute('data-to')) { draw(side, k); }
          }
          hooks.sentence = function (s) {
            var parts = s.id.split('-'), side = parts[1], k = +parts[2];
            var row = (side === 'A' ? data.a : data.b)[k];
            if (row) { ensure(side === 'A' ? 'B' : 'A', row[5]); }
          };
          hooks.finding = function (f) {
            var first = { A: null, B: null };
            words(f.getAttribute('data-sentences')).forEach(function (id) {
              var parts = id.split('-');
              if (first[parts[1]] === null) { first[parts[1]] = +parts[2]; }
            });
            ensure('A', first.A);
            ensure('B', first.B);
          };
          draw('A', 0);
          draw('B', 0);
        })();

        """
}
