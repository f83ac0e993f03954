import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// Negative controls: the June 2021 China Daily story (seed 000) against accounts of other
/// events told in the same formulaic language must be judged not the same event; against the
/// readout of the same call (001) it must.
@Suite("Same event")
struct SameEventTests {
    struct Control: Sendable, CustomTestStringConvertible {
        var order: Int
        var other: String
        var sameEvent: Bool
        var name: String {
            URL(fileURLWithPath: other).deletingLastPathComponent().lastPathComponent + "/" + URL(fileURLWithPath: other).lastPathComponent
        }
        var testDescription: String { "000 vs \(name): sameEvent \(sameEvent)" }
    }

    static let controls = [
        Control(order: 1, other: TestPaths.june2021Readout, sameEvent: true),
        Control(order: 2, other: TestPaths.may2025Moscow, sameEvent: false),
        Control(order: 3, other: TestPaths.march2023Kremlin, sameEvent: false),
        Control(order: 4, other: TestPaths.april2021Dialogue, sameEvent: false),
    ]

    @Test("summary.sameEvent", arguments: controls)
    func sameEvent(_ control: Control) throws {
        let a = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let b = try TestPaths.document(control.other, id: "B")
        let summary = Comparison(a: a, b: b).report.summary
        AlignmentCorpora.figures(
            "6.\(control.order)",
            [
                String(
                    format: "Same event: 000 vs %@: coverage A %.3f, B %.3f, sameEvent %@ (expected %@)",
                    control.name, summary.coverageA, summary.coverageB, "\(summary.sameEvent)", "\(control.sameEvent)")
            ])
        #expect(summary.sameEvent == control.sameEvent, "coverage A \(summary.coverageA), B \(summary.coverageB)")
    }
}
