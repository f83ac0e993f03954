import Foundation
import ParallaxKit
import ParallaxTestSupport
import Testing

/// The report is a contract of its own: read back from the JSON it writes, it is the same value,
/// and writing it again gives the same bytes.
@Suite("Report JSON round trip")
struct ReportRoundTripTests {
    @Test("The June 2021 report read back from its JSON equals the report, and writes the same bytes")
    func june() throws {
        var report = try RendererSnapshotTests.june2021()
        // The fields a gate or the aligner fills in travel too.
        report.findings[0].accepted = true
        report.findings[report.findings.count - 1].uncertainReason = "the link rests on one shared name"
        let json = try JSONOutput.encode(report)
        let back = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        #expect(back == report)
        #expect(try JSONOutput.encode(back) == json)
        #expect(back.documents.allSatisfy { document in document.sentences.contains { $0.paragraph > 0 } })
    }
}
