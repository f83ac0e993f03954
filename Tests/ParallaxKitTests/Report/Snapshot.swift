import Foundation
import Testing

/// Compares `actual` with the snapshot file `name` in the `Snapshots` folder beside this file,
/// byte for byte. With `RECORD_SNAPSHOTS=1` in the environment it writes the file instead (and
/// the test passes). On a mismatch it records the first differing line and writes the actual
/// text beside the temporary folder's copy for a `diff`.
func expectSnapshot(
    _ actual: String, named name: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = snapshotsFolder.appendingPathComponent(name)
    let bytes = Data(actual.utf8)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            Issue.record("cannot record snapshot \(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "no snapshot \(name) in \(snapshotsFolder.path); run RECORD_SNAPSHOTS=1 swift test to record it", sourceLocation: sourceLocation
        )
        return
    }
    guard expected != bytes else { return }
    let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line = Array(zip(expectedLines, actualLines)).firstIndex { $0.0 != $0.1 } ?? min(expectedLines.count, actualLines.count)
    let got = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-snapshot-\(name)")
    try? bytes.write(to: got)
    Issue.record(
        """
        snapshot \(name) differs at line \(line + 1):
          expected: \(line < expectedLines.count ? String(expectedLines[line]).debugDescription : "(end)")
          actual:   \(line < actualLines.count ? String(actualLines[line]).debugDescription : "(end)")
        actual written to \(got.path); `diff` it, and if the change is intended run RECORD_SNAPSHOTS=1 swift test
        """, sourceLocation: sourceLocation)
}

/// `Tests/ParallaxKitTests/Report/Snapshots`, found from this file's path (no resources needed).
let snapshotsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
