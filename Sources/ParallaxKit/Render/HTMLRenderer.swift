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
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String {
        let layout = ReportLayout(report)
        let order = layout.findingOrder()
        // Finding numbers (1-based) in document order.
        var number = Array(repeating: 0, count: report.findings.count)
        for (n, index) in order.enumerated() { number[index] = n + 1 }

        // Marks per sentence: word ranges, and findings about whole sentences.
        var marks: [ReportLayout.Side: [Int: [(range: Range<Int>, tag: Int)]]] = [.a: [:], .b: [:]]
        var whole: [ReportLayout.Side: [Int: [Int]]] = [.a: [:], .b: [:]]
        var anyFinding: [ReportLayout.Side: [Int: [Int]]] = [.a: [:], .b: [:]]
        for (index, finding) in report.findings.enumerated() {
            for side in ReportLayout.Side.allCases {
                guard let span = side == .a ? finding.a : finding.b, let document = layout.document(side) else { continue }
                for k in span.sentences {
                    guard let sentence = ReportLayout.sentence(k, in: document) else { continue }
                    anyFinding[side, default: [:]][k, default: []].append(index)
                    if let range = ReportLayout.markedRange(of: span, in: sentence) {
                        marks[side, default: [:]][k, default: []].append((range, index))
                    } else {
                        // The whole sentence, or a further sentence of a span that names several.
                        whole[side, default: [:]][k, default: []].append(index)
                    }
                }
            }
        }
        // Alignment groups per sentence, and each sentence's first counterpart.
        var groups: [ReportLayout.Side: [Int: [Int]]] = [.a: [:], .b: [:]]
        var counterpart: [ReportLayout.Side: [Int: String]] = [.a: [:], .b: [:]]
        for (g, alignment) in report.alignments.enumerated() {
            for k in alignment.a { groups[.a, default: [:]][k, default: []].append(g + 1) }
            for k in alignment.b { groups[.b, default: [:]][k, default: []].append(g + 1) }
            if let first = alignment.b.min() { for k in alignment.a where counterpart[.a]?[k] == nil { counterpart[.a, default: [:]][k] = "s-B-\(first)" } }
            if let first = alignment.a.min() { for k in alignment.b where counterpart[.b]?[k] == nil { counterpart[.b, default: [:]][k] = "s-A-\(first)" } }
        }

        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '\(scriptHash)'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"parallax \(escape(report.tool.version))\">\n"
        let names = ReportLayout.Side.allCases.map { layout.document($0).map { fileName($0.path) } ?? $0.label }
        out += "<title>Parallax: \(escape(names[0])) ↔ \(escape(names[1]))</title>\n"
        out += "<style>\n\(style)</style>\n</head>\n<body>\n"

        // Summary.
        let summary = report.summary
        out += "<header>\n<h1>Parallax: \(escape(names[0])) ↔ \(escape(names[1]))</h1>\n"
        if summary.verdict != .same {
            let what = summary.verdict == .unsure ? "It is unsure whether these accounts describe the same event." : "These accounts do not appear to describe the same event."
            out += "<p class=\"alarm\" role=\"alert\">\(what)</p>\n"
            if let event = summary.event {
                out += "<ul class=\"evidence\">\n" + TerminalRenderer.evidence(event).map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        out += "<table class=\"summary\">\n"
        out += "<tr><th>Coverage A→B</th><td>\(ReportLayout.percent(summary.coverageA))</td>"
            + "<th>Coverage B→A</th><td>\(ReportLayout.percent(summary.coverageB))</td>"
            + "<th>Same event</th><td>\(summary.verdict == .same ? "yes" : summary.verdict == .unsure ? "<strong>unsure</strong>" : "<strong>no</strong>")</td></tr>\n</table>\n"
        let counts = layout.counts()
        out += "<form class=\"filters\" aria-label=\"Show findings by category\">\n"
        for entry in counts {
            let c = entry.category.rawValue
            out += "<label class=\"chip cat-\(c)\"><input type=\"checkbox\" id=\"show-\(c)\" checked> \(c) <span class=\"count\">\(entry.count)</span></label>\n"
        }
        if counts.isEmpty { out += "<span>No findings.</span>\n" }
        out += "</form>\n</header>\n<main>\n"

        // The accounts.
        for side in ReportLayout.Side.allCases {
            guard let document = layout.document(side) else { continue }
            let label = side.label
            out += "<section class=\"doc\" id=\"doc-\(label)\" aria-label=\"Account \(label)\">\n"
            out += "<h2><span class=\"side\">\(label)</span> \(escape(document.path))</h2>\n"
            out += "<p class=\"meta\">\(escape(document.encoding)) · \(document.sentences.count) sentences · sha256 \(escape(String(document.sha256.prefix(12))))…</p>\n"
            out += "<div class=\"body\">\n"
            var lastBlock: Int?
            for sentence in document.sentences {
                let k = sentence.index
                var classes = ["s"]
                if let lastBlock, lastBlock != sentence.paragraph { classes.append("para") }
                lastBlock = sentence.paragraph
                if sentence.boilerplate { classes.append("bp") }
                if sentence.duplicateOf != nil { classes.append("dup") }
                let wholeFindings = (whole[side]?[k] ?? []).sorted { report.findings[$0].category < report.findings[$1].category }
                if let first = wholeFindings.first { classes.append("cat-\(report.findings[first].category.rawValue)") }
                for category in Set(wholeFindings.map { report.findings[$0].category }).sorted() where !classes.contains("cat-\(category.rawValue)") {
                    classes.append("cat-\(category.rawValue)")
                }
                let sentenceGroups = groups[side]?[k] ?? []
                if sentenceGroups.isEmpty && sentence.isContent { classes.append("alone") }
                var attributes = "class=\"\(classes.joined(separator: " "))\" id=\"s-\(label)-\(k)\" data-s=\"\(label)\(k)\""
                if !sentenceGroups.isEmpty { attributes += " data-groups=\"\(sentenceGroups.map { "g\($0)" }.joined(separator: " "))\"" }
                let related = Set(anyFinding[side]?[k] ?? []).map { number[$0] }.sorted()
                if !related.isEmpty { attributes += " data-findings=\"\(related.map { "f\($0)" }.joined(separator: " "))\"" }
                if sentenceGroups.isEmpty == false { attributes += " tabindex=\"0\"" }
                out += "<div \(attributes)>"
                let title = "\(label) \(k), line \(sentence.line), column \(sentence.column)"
                if let target = counterpart[side]?[k] {
                    out += "<a class=\"n\" href=\"#\(target)\" title=\"\(title); go to its counterpart\">\(k)</a> "
                } else {
                    out += "<span class=\"n\" title=\"\(title)\">\(k)</span> "
                }
                out += "<span class=\"t\">"
                let sentenceMarks = marks[side]?[k] ?? []
                for piece in ReportLayout.pieces(of: sentence.text, marks: sentenceMarks) {
                    if piece.tags.isEmpty {
                        out += escape(piece.text)
                    } else {
                        let categories = Set(piece.tags.map { report.findings[$0].category }).sorted()
                        let cls = categories.map { "cat-\($0.rawValue)" }.joined(separator: " ")
                        let ids = piece.tags.map { "f\(number[$0])" }.sorted().joined(separator: " ")
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

        // Findings.
        out += "<section class=\"findings\" aria-label=\"Findings\">\n<h2>Findings</h2>\n"
        if summary.verdict != .same && !order.isEmpty {
            out += "<p class=\"note\">The accounts may not tell one event: read the findings below with that in mind.</p>\n"
        }
        out += "<ol>\n"
        for (n, index) in order.enumerated() {
            let finding = report.findings[index]
            let c = finding.category.rawValue
            var sentenceIDs: [String] = []
            for side in ReportLayout.Side.allCases {
                if let span = side == .a ? finding.a : finding.b { sentenceIDs += span.sentences.map { "s-\(side.label)-\($0)" } }
            }
            out += "<li class=\"f cat-\(c) sev-\(finding.severity.rawValue)\" id=\"f\(n + 1)\" data-category=\"\(c)\""
                + " data-finding-id=\"\(escape(finding.id))\" data-sentences=\"\(sentenceIDs.joined(separator: " "))\" tabindex=\"0\">\n"
            out += "<div class=\"fh\"><span class=\"chip cat-\(c)\">\(c)</span> <span class=\"sev\">\(finding.severity.rawValue)</span></div>\n"
            out += "<div class=\"msg\">\(escape(finding.message))</div>\n"
            for side in ReportLayout.Side.allCases {
                guard let span = side == .a ? finding.a : finding.b, let document = layout.document(side) else { continue }
                let location = ReportLayout.location(span, in: document)
                let shown = fileName(document.path) + location.dropFirst(document.path.count)
                let target = span.sentences.first.map { "#s-\(side.label)-\($0)" } ?? "#doc-\(side.label)"
                out += "<div class=\"loc\"><span class=\"side\">\(side.label)</span> <a href=\"\(target)\" title=\"\(escape(location))\">\(escape(shown))</a></div>\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n</main>\n"
        out += "<footer>parallax \(escape(report.tool.version)) · schema \(report.schemaVersion)</footer>\n"
        out += "<script>\(script)</script>\n</body>\n</html>\n"
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
    public static func scriptJSON(_ text: String) -> String {
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
            h1 { font-size: 1.15rem; margin: 0 0 .3rem; }
            h2 { font-size: 1rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
            .alarm { font-weight: bold; color: #fff; background: #cf222e; padding: .4rem .6rem; border-radius: 4px; }
            table.summary { border-collapse: collapse; margin: .2rem 0 .4rem; }
            table.summary th { font-weight: 600; text-align: left; padding: 0 .3rem 0 0; }
            table.summary td { padding: 0 1.2rem 0 0; font-variant-numeric: tabular-nums; }
            .filters { display: flex; flex-wrap: wrap; gap: .4rem; }
            .chip { display: inline-block; border: 1px solid var(--fg); color: var(--fg); background: var(--bg); border-radius: 1rem; padding: 0 .55rem; font-size: .85rem; }
            label.chip { cursor: pointer; user-select: none; }
            .count { font-weight: bold; }
            main { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; padding: .6rem 1rem; }
            @media (min-width: 1200px) { main { grid-template-columns: 1fr 1fr minmax(16rem, 22rem); } }
            @media (max-width: 700px) { main { grid-template-columns: 1fr; } }
            .doc, .findings { min-width: 0; }
            .side { display: inline-block; font-weight: bold; background: #1f2328; color: #fff; border-radius: 3px; padding: 0 .35rem; }
            .meta { color: #57606a; font-size: .8rem; margin: 0 0 .3rem; }
            .body, .findings ol { max-height: calc(100vh - 11rem); min-height: 20rem; overflow-y: auto; border: 1px solid #d0d7de; border-radius: 6px; }
            .body { padding: .3rem .5rem; }
            .s { position: relative; padding: .15rem .3rem .15rem 2.2rem; border-left: 4px solid transparent; border-radius: 3px; margin: 1px 0; scroll-margin: 3rem; }
            .s.para { margin-top: .7rem; }
            .s[data-groups] { cursor: pointer; }
            .s .n { position: absolute; left: .2rem; width: 1.6rem; text-align: right; color: #8c959f; font-size: .75rem; padding-top: .15rem; text-decoration: none; }
            .s.bp { color: #8c959f; font-style: italic; }
            .s.dup { color: #8c959f; text-decoration: line-through dotted #8c959f; }
            .tag { font-size: .7rem; color: #57606a; border: 1px solid #d0d7de; border-radius: 3px; padding: 0 .25rem; font-style: normal; text-decoration: none; }
            .s.alone { border-left-style: dashed; }
            .w { text-decoration: none; border-radius: 2px; padding: 0 1px; background: var(--bg); box-shadow: inset 0 -2px 0 var(--fg); }
            .s[class*="cat-"] { border-left-color: var(--fg); background: var(--bg); }
            .s:hover, .s.hov { outline: 2px solid #54aeff; }
            .s.sel { outline: 2px solid #0969da; background: #ddf4ff; }
            .s.lit { outline: 3px solid #0969da; background: #b6e3ff; }
            .s:target { outline: 3px solid #0969da; }
            .findings ol { list-style: none; margin: 0; padding: .3rem; }
            .f { border-left: 4px solid var(--fg); padding: .25rem .5rem; margin: 0 0 .4rem; background: #f6f8fa; border-radius: 3px; cursor: pointer; }
            .f.sel { outline: 2px solid #0969da; }
            .f .sev { font-size: .8rem; color: #57606a; }
            .f.sev-error .sev { color: #cf222e; font-weight: bold; }
            .f .msg { font-size: .9rem; overflow-wrap: anywhere; }
            .f .loc { font-size: .8rem; overflow-wrap: anywhere; }
            .f .loc .side { font-size: .7rem; }
            .note { color: #57606a; font-size: .85rem; }
            footer { color: #8c959f; font-size: .75rem; padding: .3rem 1rem 1rem; }
            #selftest-result { display: block; margin: .3rem 0 0; font: .8rem monospace; }
            @media print { .body, .findings ol { max-height: none; overflow: visible; } }

            """
        for (category, fg, bg) in categoryColors {
            let c = category.rawValue
            css += ".cat-\(c) { --fg: \(fg); --bg: \(bg); }\n"
        }
        for (category, _, _) in categoryColors {
            let c = category.rawValue
            css += "body:has(#show-\(c):not(:checked)) .f.cat-\(c) { display: none; }\n"
            css += "body:has(#show-\(c):not(:checked)) .w.cat-\(c), body:has(#show-\(c):not(:checked)) .s.cat-\(c) { --fg: transparent; --bg: transparent; }\n"
        }
        return css
    }()

    // MARK: - Script

    /// Static: it reads the page's data attributes and holds no input text.
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
            if (!box) { return; }
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
          function select(sentence) {
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
            clear('sel'); clear('lit');
            finding.classList.add('sel');
            var sentences = words(finding.getAttribute('data-sentences')).map(function (id) { return document.getElementById(id); }).filter(Boolean);
            sentences.forEach(function (s) { s.classList.add('lit'); });
            revealFirstPerColumn(sentences);
          }
          document.addEventListener('click', function (event) {
            if (event.target.closest('a, input, label')) { return; }
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

          // Self-test (the page opened with #selftest): click the middle of the first A sentence
          // that has a counterpart in B, at the point where it is drawn, then read what lit up.
          if (location.hash !== '#selftest') { return; }
          var result = 'fail: no A sentence with a counterpart in B';
          var candidates = all('#doc-A .s[data-groups]').filter(function (s) {
            return partners(s).some(function (p) { return p.closest('#doc-B'); });
          });
          var pick = candidates[Math.floor(candidates.length / 2)];
          if (pick) {
            reveal(pick);
            var r = pick.querySelector('.t').getBoundingClientRect();
            var x = r.left + Math.min(20, r.width / 2), y = r.top + Math.min(8, r.height / 2);
            var hit = document.elementFromPoint(x, y);
            if (!hit || !pick.contains(hit)) {
              result = 'fail: the point clicked is not on ' + pick.id;
            } else {
              hit.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y, view: window }));
              var lit = all('.s.lit').map(function (s) { return s.id; });
              var expected = partners(pick).map(function (s) { return s.id; });
              var visible = all('#doc-B .s.lit').filter(function (s) {
                var box = s.closest('.body').getBoundingClientRect(), e = s.getBoundingClientRect();
                return e.bottom > box.top && e.top < box.bottom;
              });
              var ok = pick.classList.contains('sel') && lit.length > 0
                && expected.every(function (id) { return lit.indexOf(id) >= 0; }) && visible.length > 0;
              result = (ok ? 'pass' : 'fail') + ': clicked ' + pick.id + '; lit ' + lit.join(',') + '; expected ' + expected.join(',')
                + '; visible in B ' + visible.map(function (s) { return s.id; }).join(',');
            }
          }
          var filter = document.querySelector('.filters input');
          if (filter && result.indexOf('pass') === 0) {
            var category = filter.id.replace('show-', '');
            var finding = document.querySelector('.f.cat-' + category);
            filter.click();
            var hidden = finding && getComputedStyle(finding).display === 'none';
            filter.click();
            var shown = finding && getComputedStyle(finding).display !== 'none';
            result += hidden && shown ? '; filter ' + category + ' hides and shows its findings' : '; fail: filter ' + category + ' does not hide its findings';
            if (!(hidden && shown)) { result = result.replace(/^pass/, 'fail'); }
          }
          document.documentElement.setAttribute('data-selftest', result);
          var output = document.createElement('output');
          output.id = 'selftest-result';
          output.textContent = 'self-test ' + result;
          document.querySelector('header').appendChild(output);
        })();

        """
}
