import ArgumentParser
import Foundation
import ParallaxKit
import SystemPackage

/// `parallax batch [MANIFEST|-]`: compares every pair a JSON Lines manifest lists, one process
/// for them all, and writes one JSON line per pair in the manifest's order.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Compare the pairs a JSON Lines manifest lists; one JSON line out per pair.",
        discussion: """
            Each manifest line is an object: "id", and "a" and "b" (files, relative to the \
            manifest's folder) or "aText" and "bText" (the texts themselves); optional \
            "language" and "config" (a configuration file, relative to the manifest's folder). \
            Each output line, in the manifest's order: "id", "status" ("ok" or "error"), and \
            "report" (what compare --format json writes, on one line) or "error". A bad record \
            gives an error line and the batch goes on. Exit status: 0 every pair ran (and, \
            with --check, passed); 1 with --check, a pair failed the policy; 2 a record could \
            not run, or bad usage or input; 3 internal error.
            """
    )

    @Argument(help: "The manifest, JSON Lines ('-' for standard input).")
    var manifest = "-"

    @Option(help: "Pairs compared at once, each on one thread (default: one per core).")
    var jobs: Int?

    @Option(name: [.short, .customLong("output")], help: "Write the lines to this file (atomically: FILE.partial grows, then is renamed).")
    var output: String?

    @Flag(help: "Continue a run that was stopped: keep the lines already in FILE.partial (or FILE) and compare the rest.")
    var resume = false

    @Flag(help: "Apply each pair's policy (as check does): each line says \"passed\"; exit 1 when a pair fails.")
    var check = false

    @Flag(help: "Reports without the documents and alignments: the summary and the findings.")
    var summaryOnly = false

    @Option(help: "Language of the accounts (an ICU locale); a record's own \"language\" comes first.")
    var language: String?

    @Option(help: "Configuration file for the records that name none (default: parallax.yml near each pair's A).")
    var config: String?

    @Flag(help: "Use no configuration file for the records that name none.")
    var noConfig = false

    @Flag(name: [.short, .long], help: "Say nothing on standard error but errors (no progress line).")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
        if resume && output == nil { throw ValidationError("--resume needs --output FILE: a run to standard output cannot be continued.") }
        if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together.") }
    }

    func run() throws {
        let input = try ManifestInput(path: manifest)
        defer { input.close() }
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let plan = try BatchPlan(
            manifest: manifest, language: language, noConfig: noConfig,
            config: try config.map { path throws in try Config.load(path: path) })
        let sink = try BatchSink(output: output, manifest: manifest, resume: resume)
        let progress = ProgressLine(quiet: quiet, delay: 0)
        defer { progress?.finish() }
        let total = progress == nil ? nil : input.countLines()

        var kept = 0
        var counts = BatchCounts()
        let started = Date()
        try OrderedWork.run(
            jobs: jobs, window: 4 * jobs,
            next: { () throws -> BatchPlan.Job? in
                while let line = try input.nextLine() {
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    let job = plan.job(line)
                    if kept < sink.kept.count {
                        // Already in the output of the stopped run: it must be this record's line.
                        guard sink.kept[kept].id == job.id else {
                            throw InputError(
                                path: sink.resumedFrom,
                                problem:
                                    "line \(kept + 1) is for id \(sink.kept[kept].id ?? "null"), but the manifest's record there is \(job.id ?? "null"): not a run of this manifest; remove it or run without --resume"
                            )
                        }
                        counts.count(sink.kept[kept].status)
                        kept += 1
                        continue
                    }
                    return job
                }
                guard kept == sink.kept.count else {
                    throw InputError(
                        path: sink.resumedFrom,
                        problem:
                            "has \(sink.kept.count) lines but the manifest only \(kept) records: not a run of this manifest; remove it or run without --resume"
                    )
                }
                return nil
            },
            work: { job in Concurrently.onThisThread { job.run(check: check, summaryOnly: summaryOnly) } },
            emit: { result in
                try sink.write(result.line)
                counts.count(result.status)
                if let progress {
                    let done = counts.total - kept
                    let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
                    var status = "batch: \(counts.total)\(total.map { " of \($0)" } ?? "") pairs, \(String(format: "%.1f", rate)) pairs/s"
                    if let total, rate > 0, done > 0 {
                        status += ", about \(ProgressLine.duration(Double(total - counts.total) / rate)) left"
                    }
                    progress.update(status)
                }
            })
        progress?.finish()
        try sink.finish()
        if let output, !quiet {
            let lines = "\(counts.total) line\(counts.total == 1 ? "" : "s")"
            Console.note("wrote \(lines) (\(counts.total - counts.errors) compared, \(counts.errors) errors) to \(output)")
        }

        if counts.errors > 0 {
            Console.error(
                "\(counts.errors) of \(counts.total) record\(counts.total == 1 ? "" : "s") could not be compared (their lines say \"status\":\"error\")"
            )
            throw ExitCode(ExitStatus.trouble)
        }
        if check && counts.failed > 0 {
            Console.error("\(counts.failed) of \(counts.total) pair\(counts.total == 1 ? "" : "s") failed the policy")
            throw ExitCode(ExitStatus.violations)
        }
    }
}

/// What became of the pairs so far.
struct BatchCounts {
    var total = 0
    var errors = 0
    var failed = 0

    mutating func count(_ status: BatchStatus) {
        total += 1
        switch status {
        case .error: errors += 1
        case .failed: failed += 1
        case .ok: break
        }
    }
}

/// How one pair went.
enum BatchStatus: Sendable {
    case ok, failed, error
}

/// Turns manifest lines into jobs: records parsed, files placed, configurations and baselines
/// loaded (each file once). Runs on the reading thread only.
final class BatchPlan {
    /// One pair, ready to run on any thread; or a record that cannot run.
    struct Job: Sendable {
        enum Work: Sendable {
            case failed(String)
            case pair(a: BatchRecord.Source, b: BatchRecord.Source, config: Config, baseline: Baseline, pairName: String)
        }

        var id: String?
        var work: Work

        /// The output line, and how the pair went.
        func run(check: Bool, summaryOnly: Bool) -> (line: String, status: BatchStatus) {
            switch work {
            case .failed(let problem):
                return (BatchLine.error(id: id, problem: problem), .error)
            case .pair(let a, let b, let config, let baseline, let pairName):
                do {
                    let (analysis, options) = try config.options(pins: baseline.sentencePins(for: pairName))
                    let documentA = try Document(source: try Self.source(a, name: "aText"), id: "A", options: analysis)
                    let documentB = try Document(source: try Self.source(b, name: "bText"), id: "B", options: analysis)
                    let report = Comparison(a: documentA, b: documentB, options: options).report
                    let passed =
                        check
                        ? Gate(failOn: config.failOn, thresholds: config.thresholds).evaluate(report, pair: pairName, baseline: baseline)
                            .passed : nil
                    return (
                        try BatchLine.ok(id: id ?? "", report: report, summaryOnly: summaryOnly, passed: passed),
                        passed == false ? .failed : .ok
                    )
                } catch let error as InputError {
                    return (BatchLine.error(id: id, problem: error.description), .error)
                } catch {
                    return (BatchLine.error(id: id, problem: "internal error: \(error)"), .error)
                }
            }
        }

        /// An account's text: the file read, or the inline text under the name `name`.
        private static func source(_ source: BatchRecord.Source, name: String) throws(InputError) -> SourceText {
            switch source {
            case .file(let path): try SourceText.read(path: path)
            case .text(let text): try SourceText(bytes: Array(text.utf8), path: name)
            }
        }
    }

    /// The manifest's folder, which record paths are relative to.
    private let folder: String
    private let language: String?
    private let noConfig: Bool
    private let config: Config?
    private var configs: [String: Result<Config, ConfigError>] = [:]
    private var discovered: [String: String?] = [:]
    private var baselines: [String: Result<Baseline, InputError>] = [:]

    init(manifest: String, language: String?, noConfig: Bool, config: Config?) throws {
        self.folder = manifest == "-" ? "" : (manifest as NSString).deletingLastPathComponent
        self.language = language
        self.noConfig = noConfig
        self.config = config
    }

    /// A path from the manifest as the process can open it: relative to the manifest's folder.
    func place(_ path: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// The job for one manifest line.
    func job(_ line: [UInt8]) -> Job {
        let record: BatchRecord
        do {
            record = try BatchRecord.parse(line)
        } catch {
            // No place in the message: the output's lines follow the manifest's (non-blank) lines
            // one for one, and a line number would mean nothing in a part of a manifest (Spark).
            return Job(id: error.id, work: .failed("record \(error.problem)"))
        }
        let a = placed(record.a)
        let b = placed(record.b)
        do {
            var config = try self.config(for: record, a: a, b: b)
            if let language = record.language ?? language { config.language = language }
            // The pair's baseline key as compare and check make it (configured name, else the
            // resolved paths relative to the baseline's folder).
            let baselinePath = config.baselinePath(nil)
            let identity = config.pairIdentity(a: name(a, "aText"), b: name(b, "bText"), baseline: baselinePath)
            let baseline = try (baselinePath.map { try self.baseline($0) } ?? Baseline()).claiming(identity)
            return Job(id: record.id, work: .pair(a: a, b: b, config: config, baseline: baseline, pairName: identity.key))
        } catch let error as ConfigError {
            return Job(id: record.id, work: .failed(error.description))
        } catch let error as InputError {
            return Job(id: record.id, work: .failed(error.description))
        } catch {
            return Job(id: record.id, work: .failed("\(error)"))
        }
    }

    private func placed(_ source: BatchRecord.Source) -> BatchRecord.Source {
        if case .file(let path) = source { return .file(place(path)) }
        return source
    }

    private func name(_ source: BatchRecord.Source, _ inline: String) -> String {
        if case .file(let path) = source { return path }
        return inline
    }

    /// The record's configuration; else --config; else the one found near A (as compare finds
    /// it), unless --no-config; else the defaults.
    private func config(for record: BatchRecord, a: BatchRecord.Source, b: BatchRecord.Source) throws(ConfigError) -> Config {
        if let path = record.config { return try load(place(path)) }
        if let config { return config }
        guard !noConfig, case .file(let path) = a else { return Config() }
        let folder = (path as NSString).deletingLastPathComponent
        let found: String?
        if let known = discovered[folder] {
            found = known
        } else {
            found = Config.discover(near: [path])
            discovered[folder] = found
        }
        return try found.map { path throws(ConfigError) in try load(path) } ?? Config()
    }

    private func load(_ path: String) throws(ConfigError) -> Config {
        if let known = configs[path] { return try known.get() }
        let result = Result { () throws(ConfigError) in try Config.load(path: path) }
        configs[path] = result
        return try result.get()
    }

    private func baseline(_ path: String) throws(InputError) -> Baseline {
        if let known = baselines[path] { return try known.get() }
        let result = Result { () throws(InputError) in try Baseline.load(path: path) }
        baselines[path] = result
        return try result.get()
    }
}

/// The manifest, read a line at a time (a manifest can be larger than memory).
final class ManifestInput {
    private let path: String
    private let descriptor: FileDescriptor
    private var reader: LineReader

    init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = .standardInput
        } else {
            do {
                if try FilePath(path).stat().type == .directory { throw InputError(path: path, problem: "is a directory, not a file") }
                descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
            } catch Errno.noSuchFileOrDirectory {
                throw InputError(path: path, problem: "no such file")
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError(path: path, problem: "cannot be read (\(InputError.reason(error)))")
            }
        }
        reader = LineReader(descriptor)
    }

    func nextLine() throws -> [UInt8]? {
        do {
            return try reader.next()?.line
        } catch {
            throw InputError(path: path, problem: "cannot be read (\(InputError.reason(error)))")
        }
    }

    /// Lines in the manifest, for the progress line; nil when it is not a regular file (it is read
    /// once more, from the start, on a descriptor of its own).
    func countLines() -> Int? {
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var count = 0
        var last: UInt8 = 0x0A
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk where byte == 0x0A { count += 1 }
            last = chunk.last ?? last
        }
        return count + (last == 0x0A ? 0 : 1)
    }

    func close() {
        if descriptor != .standardInput { try? descriptor.close() }
    }
}

/// Lines from a file descriptor, each without its line feed, and whether it had one.
struct LineReader {
    let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(_ descriptor: FileDescriptor) {
        self.descriptor = descriptor
    }

    mutating func next() throws(Errno) -> (line: [UInt8], terminated: Bool)? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return (line, true)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return (line, false)
            }
            searchFrom = buffer.count
            if start > 0 {
                buffer.removeFirst(start)
                searchFrom -= start
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            // swift-system's read retries on EINTR.
            let n: Int
            do {
                n = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0) }
            } catch {
                throw error as? Errno ?? .ioError
            }
            if n == 0 { atEnd = true } else { buffer.append(contentsOf: chunk[0..<n]) }
        }
    }
}

/// Where the lines go: standard output, or FILE through FILE.partial. Each line is appended to
/// FILE.partial whole as it comes; at the end FILE.partial is renamed to FILE, so FILE is only
/// ever absent or complete, and a run that was stopped leaves FILE.partial for `--resume`.
final class BatchSink {
    /// A line kept from the stopped run: its id and how it went.
    struct Kept {
        var id: String?
        var status: BatchStatus
    }

    private let output: String?
    private let partial: String?
    private var descriptor = FileDescriptor.standardOutput
    /// The lines kept from the stopped run, in order.
    private(set) var kept: [Kept] = []
    /// The file they came from.
    private(set) var resumedFrom = ""

    init(output: String?, manifest: String, resume: Bool) throws {
        self.output = output
        guard let output else {
            partial = nil
            return
        }
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        if manifest != "-", URL(fileURLWithPath: manifest).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw InputError(path: output, problem: "is the manifest; refusing to write over it")
        }
        let type = (try? FilePath(target.path).stat())?.type
        let exists = type != nil
        if type == .directory { throw InputError(path: output, problem: "is a directory; give a file to write") }
        if let type, type != .regular {
            // A device or a pipe is written to as it is (renaming over it would replace it).
            if resume { throw InputError(path: output, problem: "is not a regular file; a run to it cannot be continued") }
            partial = nil
            do {
                descriptor = try FileDescriptor.open(FilePath(target.path), .writeOnly, options: [.closeOnExec])
            } catch {
                throw InputError(path: output, problem: "cannot be written (\(InputError.reason(error)))")
            }
            return
        }
        let partial = target.path + ".partial"
        self.partial = partial
        var keptBytes = 0
        if resume {
            let source = FileManager.default.fileExists(atPath: partial) ? partial : exists ? target.path : nil
            if let source {
                resumedFrom = source == partial ? output + ".partial" : output
                keptBytes = try Self.readKept(source, name: resumedFrom, into: &kept)
                if source != partial {
                    // A finished run: its lines start the new partial file.
                    guard
                        (try? FileManager.default.copyItem(atPath: source, toPath: partial)) != nil
                            || FileManager.default.fileExists(atPath: partial)
                    else {
                        throw InputError(path: partial, problem: "cannot be written")
                    }
                }
            }
        }
        do {
            descriptor = try FileDescriptor.open(
                FilePath(partial), .writeOnly, options: resume ? [.create, .closeOnExec] : [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
            // A line the stopped run was cut off in is dropped; the record runs again.
            try descriptor.resize(to: Int64(keptBytes))
            try descriptor.seek(offset: Int64(keptBytes), from: .start)
        } catch {
            throw InputError(path: output + ".partial", problem: "cannot be written (\(InputError.reason(error)))")
        }
    }

    /// Reads the complete lines of a stopped run's output; the bytes they take.
    private static func readKept(_ path: String, name: String, into kept: inout [Kept]) throws -> Int {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw InputError(path: name, problem: "cannot be read (\(InputError.reason(error)))")
        }
        defer { try? descriptor.close() }
        var reader = LineReader(descriptor)
        var bytes = 0
        do {
            while let (line, terminated) = try reader.next(), terminated {
                guard let status = Self.status(line) else { break }
                kept.append(Kept(id: status.id, status: status.status))
                bytes += line.count + 1
            }
        } catch {
            throw InputError(path: name, problem: "cannot be read (\(InputError.reason(error)))")
        }
        return bytes
    }

    /// The id and status of an output line; nil when it is not one.
    private static func status(_ line: [UInt8]) -> (id: String?, status: BatchStatus)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let status = object["status"] as? String
        else { return nil }
        let id = object["id"] as? String
        if status == "error" { return (id, .error) }
        return (id, object["passed"] as? Bool == false ? .failed : .ok)
    }

    func write(_ line: String) throws {
        guard let code = Console.writeAll(descriptor, Array(line.utf8)) else { return }
        guard let output else { Console.outputFailed(code) }
        throw InputError(path: partial == nil ? output : output + ".partial", problem: "cannot be written (\(InputError.reason(code)))")
    }

    /// Closes the file and renames FILE.partial to FILE.
    func finish() throws {
        guard let output else { return }
        defer { descriptor = FileDescriptor(rawValue: -1) }
        do {
            try descriptor.close()
        } catch {
            throw InputError(path: output, problem: "cannot be written (\(InputError.reason(error)))")
        }
        guard let partial else { return }
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        // swift-system has no rename: called directly.
        if rename(partial, target) != 0 {
            throw InputError(path: output, problem: "cannot be written (\(InputError.reason(Errno(rawValue: errno))))")
        }
    }
}
