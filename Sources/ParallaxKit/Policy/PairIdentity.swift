import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a pair of accounts is known in a baseline, however its paths were typed: `review`,
/// `check` and `compare` all find its entries through ``Config/pairIdentity(a:b:baseline:)``.
public struct PairIdentity: Sendable, Equatable {
    /// For people: the configuration's name of the pair, else "A ↔ B" as given.
    public var name: String
    /// The key of the pair's entries in the baseline: the configuration's name of the pair when
    /// it has one, else both paths relative to the baseline file's folder, after `.`, `..` and
    /// symbolic links are resolved ("a.txt ↔ sub/b.txt").
    public var key: String
    /// The real paths of A and B ("-" for standard input).
    var files: [String]
    /// The real folders an older key's paths may be relative to: the current folder (older
    /// versions keyed a pair by its paths as typed), the configuration's and the baseline's.
    var folders: [String]

    /// Whether baseline entries under `pair` belong to this pair: its key, or a key an older
    /// version wrote ("A ↔ B" with the paths as typed, from any of ``folders``).
    public func owns(_ pair: String) -> Bool {
        if pair == key { return true }
        let parts = pair.components(separatedBy: " ↔ ")
        guard parts.count == 2, !files.contains("-") else { return false }
        return folders.contains { folder in
            zip(parts, files).allSatisfy { FilePaths.real($0.0, in: folder) == $0.1 }
        }
    }
}

/// Paths as the file system resolves them.
public enum FilePaths {
    /// `path` made absolute against `folder` (default: the current folder) with `.`, `..` and
    /// symbolic links resolved (`realpath(3)`); for a path that does not exist, its deepest
    /// existing folder resolved and the rest appended. "-" (standard input) stays "-".
    public static func real(_ path: String, in folder: String? = nil) -> String {
        guard path != "-" else { return path }
        let absolute = path.hasPrefix("/") ? path : (folder ?? FileManager.default.currentDirectoryPath) + "/" + path
        if let resolved = realpath(absolute, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        guard parent != url.path, parent != "/" || url.path != "/" else { return url.path }
        let base = real(parent)
        return (base.hasSuffix("/") ? base : base + "/") + url.lastPathComponent
    }

    /// `path` relative to `folder` (both absolute and resolved), with `..` where it lies outside.
    public static func relative(_ path: String, to folder: String) -> String {
        let target = path.split(separator: "/")
        let base = folder.split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// A document's path as a CI service resolves it: relative to `root` (a resolved folder) when
    /// the file is inside it, else absolute. Standard input ("-") stays "-".
    static func ciPath(_ path: String, root: String) -> String {
        guard path != "-" else { return path }
        let file = real(path)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// The folder a CI service resolves paths against: the top of the git work tree around
    /// `folder` (the first folder upwards holding `.git`, a folder or a worktree's file), else
    /// `folder` itself. Resolved.
    public static func repositoryRoot(from folder: String = FileManager.default.currentDirectoryPath) -> String {
        let start = real(folder)
        var current = start
        while true {
            if FileManager.default.fileExists(atPath: current + (current == "/" ? "" : "/") + ".git") { return current }
            guard current != "/" else { return start }
            current = URL(fileURLWithPath: current).deletingLastPathComponent().path
        }
    }
}

extension Config {
    /// The identity of the pair of accounts `a` and `b` (paths as given, relative to the current
    /// folder) in the baseline at `baseline`: a pair of the configuration's `pairs` with these
    /// files goes by its name; any other by its paths relative to the baseline file's folder
    /// (the current folder when there is no baseline).
    public func pairIdentity(a: String, b: String, baseline: String?) -> PairIdentity {
        let here = FileManager.default.currentDirectoryPath
        let files = [FilePaths.real(a), FilePaths.real(b)]
        let configured = pairs.first { [FilePaths.real(resolve($0.a)), FilePaths.real(resolve($0.b))] == files }
        let baseFolder = FilePaths.real(
            baseline.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: here + "/")).deletingLastPathComponent().path } ?? here
        )
        let paths = files.map { $0 == "-" ? "-" : FilePaths.relative($0, to: baseFolder) }.joined(separator: " ↔ ")
        var folders: [String] = []
        for folder in [FilePaths.real(here), FilePaths.real(directory), baseFolder] where !folders.contains(folder) {
            folders.append(folder)
        }
        if let configured, configured.name == nil {
            return PairIdentity(name: "\(configured.a) ↔ \(configured.b)", key: paths, files: files, folders: folders)
        }
        return PairIdentity(name: configured?.name ?? "\(a) ↔ \(b)", key: configured?.name ?? paths, files: files, folders: folders)
    }
}

extension Baseline {
    /// A copy in which the entries and pins of `pair` written under an older key (see
    /// ``PairIdentity/owns(_:)``) carry its key: an old baseline keeps working, and is written
    /// with the new keys.
    public func claiming(_ pair: PairIdentity) -> Baseline {
        let owned = Set(accepted.map(\.pair) + pins.map(\.pair)).filter { $0 != pair.key && pair.owns($0) }
        guard !owned.isEmpty else { return self }
        var copy = self
        for i in copy.accepted.indices where owned.contains(copy.accepted[i].pair) { copy.accepted[i].pair = pair.key }
        for i in copy.pins.indices where owned.contains(copy.pins[i].pair) { copy.pins[i].pair = pair.key }
        let pins = copy.pins
        copy = copy.replacing(pair: pair.key, with: copy.accepted.filter { $0.pair == pair.key })
        copy.pins = []
        for pin in pins { copy = copy.adding(pin) }
        return copy
    }

    /// The number of accepted findings recorded for `pair`.
    public func count(for pair: String) -> Int {
        accepted.reduce(0) { $0 + ($1.pair == pair ? 1 : 0) }
    }
}
