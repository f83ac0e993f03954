import Foundation
import FuzzSupport
import ParallaxKit

/// Every renderer on a compared pair (the input split as FuzzCompare splits it). Terminal
/// output without colour holds no escape character: untrusted text is escaped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    guard let comparison = Fuzz.comparison(bytes) else { return 0 }
    let report = comparison.report
    let sources = [comparison.a.source, comparison.b.source]
    let suppressed = Set(report.findings.prefix(2).map(\.id))
    let width = 20 + Int(bytes.first ?? 0)
    let plain = TerminalRenderer.render(report, options: TerminalRenderer.Options(width: width, color: false))
    Fuzz.require(!plain.unicodeScalars.contains("\u{1B}"), "an escape character in terminal output without colour")
    _ = TerminalRenderer.render(report, options: TerminalRenderer.Options(width: width, color: true))
    _ = MarkdownRenderer.render(report)
    _ = MarkdownRenderer.render(report, options: MarkdownRenderer.Options(maxFindings: 3, maxCharacters: 2_000, maxSentenceCharacters: 40))
    _ = HTMLRenderer.render(report)
    _ = SARIFRenderer.render([report], suppressed: suppressed, sources: sources)
    _ = GitHubRenderer.render([report], suppressed: suppressed, sources: sources)
    _ = JUnitRenderer.render([report], timestamp: Date(timeIntervalSince1970: 0), suppressed: suppressed, sources: sources)
    return 0
}
