import ParallaxTestSupport
import Testing

@testable import ParallaxKit

/// The order of a report's findings: along A, a finding on B alone half a step after the A
/// sentence its neighbours link to, then by category and id.
@Suite("Reading order of findings")
struct ReadingOrderTests {
    @Test("Categories compare in the order they are declared")
    func categoryOrder() {
        #expect(FindingCategory.allCases.map(\.rank) == Array(FindingCategory.allCases.indices))
        #expect(FindingCategory.allCases.shuffled().sorted() == FindingCategory.allCases)
    }

    @Test("The June 2021 pair's findings are in reading order, then by category")
    func findingsInReadingOrder() throws {
        let a = try TestPaths.document(TestPaths.june2021ChinaDaily, id: "A")
        let b = try TestPaths.document(TestPaths.june2021Readout, id: "B")
        let report = Comparison(a: a, b: b).report
        let order = ReadingOrder(report)
        #expect(report.findings.count > 30)
        // Each finding's key no larger than the next one's.
        let keys = report.findings.map { (order.key($0), $0.category.rank) }
        for (x, y) in zip(keys, keys.dropFirst()) {
            #expect((x.0.position, x.0.b, x.0.start, x.1) <= (y.0.position, y.0.b, y.0.start, y.1))
        }
        // Findings before and after moves and one-sided sentences: not one block per kind.
        #expect(Set(report.findings.prefix(10).map(\.category)).count > 1)
    }
}
