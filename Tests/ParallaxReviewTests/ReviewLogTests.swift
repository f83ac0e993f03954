import Foundation
import ParallaxKit
import ParallaxReview
import ParallaxTestSupport
import Testing

@Suite("Review: the log")
struct ReviewLogTests {
    static func entry(_ id: String, _ decision: ReviewLogEntry.Decision, note: String? = nil) -> ReviewLogEntry {
        ReviewLogEntry(pair: "a.txt ↔ b.txt", id: id, decision: decision, category: .drift, note: note, a: "one", b: "two", time: "t")
    }

    @Test("Appends create the log, then add to it; it reads back as the entries in order")
    func appendAndLoad() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = ReviewLog.path(forBaseline: folder.appendingPathComponent("baseline.json").path)
        let first = [Self.entry("f1", .rejected, note: "wrong pair"), Self.entry("f2", .accepted)]
        let second = [Self.entry("f1", .accepted), Self.entry("f3", .stopped)]
        try ReviewLog.append(first, to: path)
        try ReviewLog.append([], to: path)
        try ReviewLog.append(second, to: path)
        #expect(try ReviewLog.load(path: path) == first + second)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == (try (first + second).map(ReviewLog.line)).joined())
        #expect(ReviewLog.rejections(in: first + second, pair: "a.txt ↔ b.txt").isEmpty)
        #expect(ReviewLog.stoppedAt(in: first + second, pair: "a.txt ↔ b.txt") == "f3")
    }

    @Test("Nothing to append leaves no file behind")
    func nothing() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("baseline.json.review.log").path
        try ReviewLog.append([], to: path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A log that cannot be opened is an input error naming it and the system's reason")
    func cannotOpen() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/baseline.json.review.log").path
        #expect(throws: InputError(path: path, problem: "cannot be opened for appending (No such file or directory)")) {
            try ReviewLog.append([Self.entry("f1", .accepted)], to: path)
        }
        // A folder where the log should be.
        let taken = folder.appendingPathComponent("taken.review.log")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        #expect(throws: InputError(path: taken.path, problem: "cannot be opened for appending (Is a directory)")) {
            try ReviewLog.append([Self.entry("f1", .accepted)], to: taken.path)
        }
    }
}
