import Foundation
import ParallaxKit

/// Paths into the package for tests: the package root, `Fixtures/`, and the shared data folder.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let fixtures = root.appendingPathComponent("Fixtures")

    /// A fixture file, by its path under `Fixtures/`.
    public static func fixture(_ relative: String) -> String {
        fixtures.appendingPathComponent(relative).path
    }

    /// The June 2021 pair: the China Daily story and the official readout of the 2021-06-28 call.
    public static let june2021ChinaDaily = fixture("2021-06-28-xi-putin-video-call/china-daily.txt")
    public static let june2021Readout = fixture("2021-06-28-xi-putin-video-call/official-readout.txt")
    public static let may2025Moscow = fixture("2025-05-08-xi-putin-moscow-talks/xinhua-blog-repost.txt")
    public static let march2023Kremlin = fixture("2023-03-21-xi-putin-kremlin-talks/bernama-xinhua.txt")
    public static let april2021Dialogue = fixture("2021-04-20-cpc-united-russia-dialogue/china-daily.txt")

    /// Reads and analyzes a file.
    public static func document(_ path: String, id: String = "A") throws -> Document {
        try Document(source: SourceText.read(path: path), id: id)
    }

    /// Analyzes a string as if it were a file.
    public static func document(text: String, path: String = "text.txt", id: String = "A") throws -> Document {
        try Document(source: SourceText(bytes: Array(text.utf8), path: path), id: id)
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
