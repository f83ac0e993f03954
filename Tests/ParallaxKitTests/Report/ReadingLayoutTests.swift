import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The terminal report a person scans: the header and closing counts, each sentence pair once
/// with its findings under it, errors first, filters, short quotes, accepted and uncertain.
@Suite("Terminal report layout")
struct TerminalLayoutTests {
    @Test("June 2021 pair: errors first, numbered in order; each sentence pair once; every finding listed once", arguments: [80, 160])
    func errorsFirstPairsOnce(_ width: Int) throws {
        let report = try RendererSnapshotTests.june2021()
        let text = TerminalRenderer.render(report, options: .init(width: width, color: false))
        let lines = TerminalReport.findingLines(text)
        #expect(lines.count == report.findings.count)
        #expect(lines.map(\.0) == Array(1...report.findings.count))
        let errors = report.findings.filter { $0.severity == .error }.count
        #expect(errors >= 2)
        // Pairs holding errors first, each with its errors first.
        let blocks = text.components(separatedBy: "\n── ").dropFirst().map { TerminalReport.findingLines(String($0)).map(\.1) }
        let withErrors = blocks.map { $0.contains(.error) }
        #expect(withErrors == withErrors.sorted { $0 && !$1 }, "pairs with errors come first")
        #expect(blocks.allSatisfy { $0 == $0.sorted(by: >) }, "in a pair, errors first")
        #expect(lines.first?.1 == .error)
        // Each pair once: no rule repeated, and as many rules as distinct sentence pairs.
        let rules = TerminalReport.pairRules(text)
        #expect(Set(rules).count == rules.count, "a sentence pair printed twice")
        let pairs = Set(report.findings.map { f in "\(f.a?.sentences ?? [-1])|\(f.b?.sentences ?? [-1])" })
        #expect(rules.count == pairs.count)
        // A sentence shown once however many findings it has: the omission, entity, drift and
        // formatting findings on A 3:117 share one pair.
        let sentence = "Beijing and Moscow agreed on Monday"
        #expect(text.components(separatedBy: "\n").filter { $0.contains("A Fixtures/") && $0.contains(":3:117") }.count == 1)
        #expect(text.contains(sentence) || width < 100)
        // The header says the counts by severity and the verdict, and so does the last line.
        let first = text.prefix { $0 != "\n" }
        #expect(first.hasPrefix("Same event · \(report.findings.count) findings: \(errors) errors"))
        // The closing line, joined where it wraps.
        let last = ("── " + (text.components(separatedBy: "\n── ").last ?? ""))
            .split(separator: "\n").joined(separator: " ")
        #expect(last.hasPrefix("── \(report.findings.count) findings: \(errors) errors") && last.hasSuffix("Same event"))
        #expect(last.contains("in \(rules.count) sentence pairs"))
    }

    @Test("--sort document keeps the accounts' order; severity within a pair is then document order")
    func documentOrder() throws {
        let report = try RendererSnapshotTests.june2021()
        let text = TerminalRenderer.render(report, options: .init(width: 100, sort: .document))
        let layout = ReportLayout(report)
        let order = layout.findingOrder()
        // The first finding line is the first finding in document order.
        let firstMessage = TerminalText.escape(report.findings[order[0]].message)
        let firstLine = text.split(separator: "\n").first { Int($0.split(separator: " ").first ?? "") == 1 } ?? ""
        #expect(firstLine.contains(firstMessage.prefix(30)))
        // Pairs follow the order of their first findings.
        let groups = layout.pairGroups(of: Array(report.findings.indices), sort: .document)
        let firsts = groups.map { order.firstIndex(of: $0.findings[0]) ?? -1 }
        #expect(firsts == firsts.sorted())
    }

    @Test("--severity and --category filter what is listed; the counts say how many of how many")
    func filters() throws {
        let report = try HandMadeReport.tiny()
        let errors = TerminalRenderer.render(report, options: .init(width: 100, minimumSeverity: .error))
        #expect(TerminalReport.findingLines(errors).count == 2)
        #expect(TerminalReport.findingLines(errors).allSatisfy { $0.1 == .error })
        #expect(errors.contains("Showing 2 of 8 findings (errors)."))
        let warnings = TerminalRenderer.render(report, options: .init(width: 100, minimumSeverity: .warning))
        #expect(TerminalReport.findingLines(warnings).count == 5)
        let drift = TerminalRenderer.render(report, options: .init(width: 100, categories: [.drift, .attribution]))
        #expect(TerminalReport.findingLines(drift).count == 2)
        #expect(!drift.contains("· number ·"))
        #expect(drift.split(separator: "\n").last?.contains("(of 8; drift, attribution)") == true)
        // The header still counts every finding.
        #expect(drift.hasPrefix("Same event · 8 findings: 2 errors, 3 warnings, 3 info"))
    }

    @Test("A pair with one finding marks its words; with several, each finding quotes its own words in a little context")
    func marksAndExcerpts() throws {
        let report = try HandMadeReport.tiny()
        let text = TerminalRenderer.render(report, options: .init(width: 80))
        // A 1 ↔ B 1 holds the number, drift and omission findings: excerpts under each.
        #expect(text.contains("    A They signed [-3-] agreements on energy and…"))
        #expect(text.contains("    B Both sides signed {+5+} agreements on energy."))
        #expect(text.contains("    A …3 agreements on energy[- and trade-]."))
        // The pair's sentence itself is printed once, unmarked.
        #expect(text.contains("\n  They signed 3 agreements on energy and trade.\n"))
        // A 2 ↔ B 2 has one finding: its words are marked in the pair.
        #expect(text.contains("[-Officials said-] the talks"))
    }

    @Test("Accepted findings are dimmed and labelled; uncertain ones say why")
    func acceptedAndUncertain() throws {
        var report = try HandMadeReport.tiny()
        report.findings[1].accepted = true
        report.findings[2].uncertainReason = "the link's score is close to the next best"
        let plain = TerminalRenderer.render(report, options: .init(width: 100))
        #expect(plain.contains("✖ error · number · accepted · Number differs"))
        #expect(plain.contains("· drift · uncertain · Wording drifts"))
        #expect(plain.contains("uncertain link: the link's score is close to the next best"))
        #expect(plain.hasPrefix("Same event · 8 findings: 2 errors, 3 warnings, 3 info (1 accepted, 1 uncertain)"))
        let colored = TerminalRenderer.render(report, options: .init(width: 100, color: true))
        #expect(colored.contains("\u{1B}[2m2 ✖ error · number\u{1B}[0m"), "the accepted finding is dimmed, its severity too")
        #expect(colored.contains("\u{1B}[1;31m✖ error\u{1B}[0m"), "an open error is not")
    }

    @Test("Long quotes are cut to their first and last words")
    func shortened() {
        #expect(ShortenedText.shortened("one two three") == "one two three")
        let long = "to Xi, who is also general secretary of the Communist Party of China Central Committee, on the th"
        let cut = ShortenedText.shortened(long)
        #expect(cut == "to Xi, who is also … Central Committee, on the th")
        #expect(cut.split(separator: " ").filter { $0 != "…" }.count == 10)
        #expect(ReportLayout.context("a b c d e f", words: 2, keepEnd: true) == "…e f")
        #expect(ReportLayout.context(" a b c d e f", words: 2, keepEnd: false) == " a b…")
    }

    /// The byte path cuts exactly as the definition does (splitting at " " by characters) on
    /// every text it takes, and turns away a text where a space could join another character.
    @Test("Quotes cut on bytes as by characters")
    func shortenedBytesMatchCharacters() throws {
        let lines = try AlignmentCorpora.wmt().a.prefix(300)
        var generator = SplitMix64(seed: 15)
        var texts: [String] = ["", " ", "   ", "a", " a b c d e f g h i j k l ", "a  b   c d e f g h i j k l m  "]
        for line in lines {
            texts.append(line)
            // Runs of spaces at the ends and between words.
            var spaced = ""
            for word in line.split(separator: " ") {
                spaced += String(repeating: " ", count: Int(generator.next() % 3)) + word
            }
            texts.append(spaced + String(repeating: " ", count: Int(generator.next() % 3)))
        }
        var byBytes = 0
        for text in texts {
            for limit in [1, 3, 4, 10] {
                if let fast = ShortenedText.bySpaces(text, limit: limit) {
                    byBytes += 1
                    #expect(fast == ShortenedText.byCharacters(text, limit: limit), "\(limit): \(text)")
                }
            }
        }
        #expect(byBytes > 1000)
        // A combining mark after a space, or a prepended mark before one, makes one character
        // with the space: the byte path declines.
        #expect(ShortenedText.bySpaces("a \u{301}b c d e f g h i j k l", limit: 3) == nil)
        #expect(ShortenedText.bySpaces("a\u{600} b c d e f g h i j k l", limit: 3) == nil)
        #expect(ShortenedText.shortened("a \u{301}b c d e f g h i j k l", limit: 3) == "a \u{301}b c … l")
    }

    @Test("The engine's messages quote at most ten words a run")
    func messagesQuoteShortly() throws {
        let report = try RendererSnapshotTests.june2021()
        var quotes = 0
        for finding in report.findings {
            for quote in finding.message.split(separator: "\u{201C}").dropFirst() {
                let inside = quote.prefix { $0 != "\u{201D}" }
                quotes += 1
                #expect(inside.split(separator: " ").filter { $0 != "…" }.count <= 10, "\(inside)")
            }
        }
        #expect(quotes > 20)
    }
}

@Suite("HTML report structure")
struct HTMLLayoutTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("A legend; severity by shape and word; errors listed first; findings before the accounts; no test harness")
    func structure() throws {
        let report = try RendererSnapshotTests.june2021()
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<details class=\"legend\"><summary>Legend</summary>"))
        for (shape, word) in [("✖", "error"), ("▲", "warning"), ("●", "info")] {
            #expect(html.contains("<span class=\"sev sev-\(word)\"><span aria-hidden=\"true\">\(shape)</span> \(word)</span>"))
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        let items = html.components(separatedBy: "<li class=\"f ").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(items.count == report.findings.count)
        // Listed as on a terminal: pairs with errors first.
        let layout = ReportLayout(report)
        let order = layout.pairGroups(of: Array(report.findings.indices), sort: .severity).flatMap(\.findings)
        #expect(items.map { $0.contains("sev-error") } == order.map { report.findings[$0].severity == .error })
        #expect(items.first?.contains("sev-error") == true)
        let findings = try #require(html.range(of: "<section class=\"findings\""))
        let accountA = try #require(html.range(of: "<section class=\"doc\" id=\"doc-A\""))
        #expect(findings.lowerBound < accountA.lowerBound, "findings first (the first thing on a narrow screen)")
        #expect(!html.contains("selftest"))
        #expect(Self.count("<script", in: html) == 1)
        // Counts by severity in the header, linking to the first of each.
        #expect(
            html.contains("<a href=\"#f1\"><span class=\"sev sev-error\"><span aria-hidden=\"true\">✖</span> \(errors) errors</span></a>"))
    }

    @Test("Each side carries its own categories: an omission on A, an addition on B")
    func sidesOwnCategories() throws {
        let html = HTMLRenderer.render(try HandMadeReport.tiny())
        // The omission of " and trade" marks A's words; its B sentence carries no omission.
        #expect(html.contains("<del class=\"w cat-omission\""))
        #expect(!html.contains("<ins class=\"w cat-omission\""))
        let line = try #require(html.split(separator: "\n").first { $0.contains("id=\"s-B-1\"") })
        #expect(!line.contains("cat-omission"), "\(line)")
        // The addition is on B's sentence 3.
        #expect(html.contains("<div class=\"s cat-addition\" id=\"s-B-3\""))
    }

    @Test("Accepted and uncertain findings are marked, with the reason")
    func acceptedUncertain() throws {
        var report = try HandMadeReport.tiny()
        report.findings[1].accepted = true
        report.findings[2].uncertainReason = "two B sentences fit <equally>"
        let html = HTMLRenderer.render(report)
        #expect(html.contains("class=\"f cat-number sev-error acc\""))
        #expect(html.contains("<span class=\"badge acc\">✓ accepted</span>"))
        #expect(html.contains("<span class=\"badge unc\">? uncertain</span>"))
        #expect(html.contains("<div class=\"why\">Uncertain link: two B sentences fit &lt;equally&gt;</div>"))
        #expect(html.contains("✓ 1 accepted") && html.contains("? 1 uncertain"))
    }

    /// A report of `n` aligned sentence pairs a side, each pair with a drift finding.
    static func large(_ n: Int) throws -> (Report, Int) {
        let words = ["talks", "minister", "agreement", "energy", "trade", "summit", "border", "treaty", "said", "Moscow"]
        let a = (0..<n).map { k in
            "Sentence \(k) of A: the \(words[k % 10]) and the \(words[(k * 7) % 10]) were discussed at length on day \(k % 31)."
        }
        let b = (0..<n).map { k in
            "Sentence \(k) of B: the \(words[(k + 3) % 10]) and the \(words[(k * 7) % 10]) were discussed at length on day \(k % 31)."
        }
        let docA = try HandMadeReport.document(id: "A", path: "a.txt", a)
        let docB = try HandMadeReport.document(id: "B", path: "b.txt", b)
        let alignments = (0..<n).map {
            Alignment(a: [$0], b: [$0], score: 0.8, coverageA: 0.9, coverageB: 0.9, moved: false, uncertain: false, drift: 0.1)
        }
        let findings = (0..<n).map { k in
            Finding(
                id: "d\(k)", category: k % 50 == 0 ? .number : .drift, severity: k % 50 == 0 ? .error : .info,
                message: "Wording drifts: “\(words[k % 10])” → “\(words[(k + 3) % 10])”.",
                a: HandMadeReport.span(docA, k, words[k % 10]), b: HandMadeReport.span(docB, k, words[(k + 3) % 10]), weight: 0.1)
        }
        let inputs = (a + b).reduce(0) { $0 + $1.utf8.count + 1 }
        return (HandMadeReport.report(a: docA, b: docB, alignments: alignments, findings: findings), inputs)
    }

    @Test("A large pair gets a light page: the data once as JSON, drawn by the script, within three times the inputs")
    func light() throws {
        let (report, inputs) = try Self.large(2000)
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<script type=\"application/json\" id=\"report-data\">"))
        #expect(!html.contains("<div class=\"s"), "no sentence drawn in the page itself")
        #expect(html.utf8.count <= 3 * inputs, "\(html.utf8.count) bytes for \(inputs) bytes of input")
        // The data parses, holds every finding in the listed order (errors first) and every sentence.
        let start = try #require(html.range(of: "id=\"report-data\">")).upperBound
        let end = try #require(html.range(of: "</script>", range: start..<html.endIndex)).lowerBound
        let data = try #require(try JSONSerialization.jsonObject(with: Data(html[start..<end].utf8)) as? [String: Any])
        let findings = try #require(data["f"] as? [[Any]])
        #expect(findings.count == report.findings.count)
        #expect((findings.first?[2] as? String) == "error")
        #expect((data["a"] as? [Any])?.count == 2000 && (data["b"] as? [Any])?.count == 2000)
        // A small report is drawn in the page, without JSON.
        let (small, _) = try Self.large(100)
        #expect(!HTMLRenderer.render(small).contains("id=\"report-data\""))
    }

    @Test("The light page's marks are in UTF-16 units, as the script slices text")
    func lightMarks() throws {
        let (report, _) = try Self.large(1600)
        var wide = report
        wide.documents[0].sentences[0].text = "北京 " + report.documents[0].sentences[0].text
        wide.documents[0].sentences[0].end += 7
        wide.findings[0].a = Span(
            sentences: [0], start: wide.documents[0].sentences[0].start + 7, end: wide.documents[0].sentences[0].start + 15,
            text: "Sentence")
        let html = HTMLRenderer.render(wide)
        // "北京 " is 7 UTF-8 bytes but 3 UTF-16 units: the mark starts at 3.
        #expect(html.contains("\"北京 Sentence 0 of A:") && html.contains("[[3,11,"), "marks in UTF-16 units")
    }
}
