import Foundation
import ParallaxKit
import ParallaxTestSupport
import SystemPackage
import Testing

/// File names are bytes: two names that differ only in one byte that is not UTF-8 (Latin-1
/// `caf\xE9.txt` and `caf\xE8.txt`, which Swift's decoded command line shows alike) name two files,
/// and each is read for itself.
@Suite("File names that are not UTF-8")
struct FileNameTests {
    /// A temporary folder holding `café.txt` and `cafè.txt` under Latin-1 names, each with a
    /// sentence of its own.
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (byte, text) in [
            (UInt8(0xE9), "The minister met the president on Monday.\n"), (0xE8, "The king visited the city on Friday evening.\n"),
        ] {
            let path = FilePath(
                platformString: (Array(folder.path.utf8) + Array("/caf".utf8) + [byte] + Array(".txt".utf8) + [0]).map {
                    CChar(bitPattern: $0)
                })
            let descriptor = try FileDescriptor.open(path, .writeOnly, options: [.create, .truncate], permissions: .ownerReadWrite)
            _ = try descriptor.closeAfter { try descriptor.writeAll(Array(text.utf8)) }
        }
        return folder
    }

    @Test("The library reads each of two Latin-1 names as its own file")
    func library() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String] = []
        for byte in [UInt8(0xE9), 0xE8] {
            let bytes = Array(folder.path.utf8) + Array("/caf".utf8) + [byte] + Array(".txt".utf8) + [0]
            let source = try SourceText.read(InputLocation(file: FilePath(platformString: bytes.map { CChar(bitPattern: $0) })))
            #expect(source.path == folder.path + "/caf\u{FFFD}.txt")
            texts.append(source.string)
        }
        #expect(texts == ["The minister met the president on Monday.\n", "The king visited the city on Friday evening.\n"])
    }

    @Test("compare A B with names that differ in one non-UTF-8 byte reads both files")
    func compare() throws {
        let binary = try #require(ParallaxCommand.binary)
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // printf makes the raw bytes: Process can only pass arguments that are UTF-8.
        process.arguments = [
            "-c",
            "cd '\(folder.path)' && '\(binary.path)' compare \"$(printf 'caf\\351.txt')\" \"$(printf 'caf\\350.txt')\" --no-config --format json",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try JSONDecoder().decode(Report.self, from: data)
        #expect(report.documents.map(\.path) == ["caf\u{FFFD}.txt", "caf\u{FFFD}.txt"])
        #expect(
            report.documents.map { $0.sentences.map(\.text) } == [
                ["The minister met the president on Monday."], ["The king visited the city on Friday evening."],
            ])
    }
}
