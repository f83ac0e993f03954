import Foundation
import ParallaxTestSupport

/// A world-readable temporary folder for files a test hands to `parallax` (an unprivileged
/// run must be able to reach them), removed when the value goes away.
final class Scratch {
    let folder: URL

    init() throws {
        folder = try TestPaths.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    }

    deinit {
        // A mode-000 file inside does not stop root from removing it; as non-root, restore first.
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent(name).path)
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `bytes` to a file named `name` with `mode`, and returns its path.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8], mode: Int = 0o644) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }

    @discardableResult
    func file(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
        try file(name, Array(text.utf8), mode: mode)
    }

    /// The path of `name` in the folder (which may not exist).
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}
