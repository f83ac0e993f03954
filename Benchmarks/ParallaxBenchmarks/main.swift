// The pipeline benchmark: read (decode) + clean + segment + normalize, over bytes already in
// memory. `Benchmarks/run` drives it and prints the table; see Benchmarks/README.md.
//
//   ParallaxBenchmarks corpus MB OUT SEED...   writes the seeds, concatenated and repeated
//                                              (copies separated by a blank line), to OUT
//                                              until it holds at least MB × 10^6 bytes
//   ParallaxBenchmarks run FILE                times SourceText(bytes:path:) + Document(source:)
//                                              once over FILE's bytes and prints one line
//   ParallaxBenchmarks phases FILE             times the steps one by one (decode, clean, the
//                                              whole Document), CPU seconds, medians of 5 runs,
//                                              to show where the time goes
//   ParallaxBenchmarks digest FILE...          prints a checksum of each file's Document (tokens,
//                                              keys, sentences, blocks): an optimization must
//                                              leave it unchanged
import Foundation
import ParallaxKit

// MARK: - Measuring

/// Seconds on a clock: monotonic wall time, or this process's CPU time.
func seconds(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// A field of /proc/self/status in bytes (`VmRSS`, `VmHWM`), or nil off Linux.
func procStatus(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        let number = line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
        return number.map { $0 * 1024 }
    }
    return nil
}

/// Resets the peak RSS (VmHWM) to the current RSS (Linux: `echo 5 > /proc/self/clear_refs`).
func resetPeakRSS() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    do {
        try handle.write(contentsOf: Data("5".utf8))
        return true
    } catch {
        return false
    }
}

/// Peak RSS of the process in bytes: VmHWM, or getrusage's ru_maxrss.
func peakRSS() -> Int {
    if let hwm = procStatus("VmHWM") { return hwm }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ParallaxBenchmarks: \(message)\n".utf8))
    exit(2)
}

func readFile(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return [UInt8](data)
}

// MARK: - Commands

/// The seeds, each ending in a line feed, joined by a blank line, repeated with a blank line
/// between copies until the corpus holds at least `megabytes` × 10^6 bytes.
func makeCorpus(megabytes: Double, seeds: [String]) -> [UInt8] {
    var copy: [UInt8] = []
    for path in seeds {
        var bytes = readFile(path)
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 { bytes.removeLast() }
        if !copy.isEmpty { copy += [0x0A, 0x0A] }
        copy += bytes
    }
    copy.append(0x0A)
    let target = Int(megabytes * 1_000_000)
    var corpus: [UInt8] = []
    corpus.reserveCapacity(target + copy.count + 1)
    while corpus.count < target {
        if !corpus.isEmpty { corpus.append(0x0A) }
        corpus += copy
    }
    return corpus
}

/// One timed run of the pipeline over `bytes`.
func analyze(_ bytes: [UInt8], path: String) -> Document {
    do {
        let source = try SourceText(bytes: bytes, path: path)
        return try Document(source: source, id: "A")
    } catch {
        fail("\(path): \(error)")
    }
}

/// FNV-1a over everything a Document holds, so that two builds can be compared.
struct Digest {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<T: BinaryInteger>(_ number: T) {
        var n = Int64(number)
        for _ in 0..<8 {
            value = (value ^ UInt64(UInt8(truncatingIfNeeded: n))) &* 0x100_0000_01b3
            n >>= 8
        }
    }

    mutating func add(_ text: String?) {
        guard let text else {
            add(-1)
            return
        }
        add(text.utf8.count)
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }

    init(_ document: Document) {
        for token in document.tokens {
            add(token.start)
            add(token.end)
            add(token.kind.rawValue)
            add(token.key)
        }
        for key in document.vocabulary { add(key) }
        for s in document.sentences {
            add(s.index)
            add(s.text)
            add(s.start)
            add(s.end)
            add(s.line)
            add(s.column)
            add(s.boilerplate ? 1 : 0)
            add(s.duplicateOf ?? -1)
            add(s.boilerplateReason)
            add(s.block)
            add(s.tokenRange.lowerBound)
            add(s.tokenRange.upperBound)
        }
        for block in document.blocks {
            add(block.range.lowerBound)
            add(block.range.upperBound)
            add(block.boilerplate)
            add(block.duplicateOf ?? -1)
        }
    }
}

// The allocator's policy as the command-line tool sets it, so that the peaks are the tool's.
AllocatorPolicy.returnLargeBlocksWhenFreed()
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    fail("usage: ParallaxBenchmarks corpus MB OUT SEED... | run FILE | phases FILE | digest FILE...")
}
switch arguments[1] {
case "corpus":
    guard arguments.count >= 5, let megabytes = Double(arguments[2]) else {
        fail("usage: ParallaxBenchmarks corpus MB OUT SEED...")
    }
    let corpus = makeCorpus(megabytes: megabytes, seeds: Array(arguments[4...]))
    guard FileManager.default.createFile(atPath: arguments[3], contents: Data(corpus)) else {
        fail("cannot write \(arguments[3])")
    }
case "run":
    guard arguments.count == 3 else { fail("usage: ParallaxBenchmarks run FILE") }
    let path = arguments[2]
    let bytes = readFile(path)
    // Warm-up (not timed): ICU's data, break iterator prototypes, transliterators, on the first
    // 64 KB (cut after a line feed) so that the timed run measures the work, not the set-up.
    var cut = min(bytes.count, 1 << 16)
    while cut < bytes.count, bytes[cut - 1] != 0x0A { cut += 1 }
    _ = analyze(Array(bytes[0..<cut]), path: path)
    let canReset = resetPeakRSS()
    let baseline = procStatus("VmRSS") ?? 0
    let start = seconds()
    let startCPU = seconds(CLOCK_PROCESS_CPUTIME_ID)
    let document = analyze(bytes, path: path)
    let wall = seconds() - start
    let cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - startCPU
    let peak = peakRSS()
    let megabytes = Double(bytes.count) / 1_000_000
    print(
        String(
            format:
                "parallax seconds %.6f cpu %.6f bytes %d mbps %.2f rss_base %d rss_peak %d peak_reset %@ tokens %d sentences %d vocabulary %d",
            wall, cpu, bytes.count, megabytes / wall, baseline, peak, canReset ? "yes" : "no",
            document.tokens.count, document.sentences.count, document.vocabulary.count))
case "phases":
    guard arguments.count == 3 else { fail("usage: ParallaxBenchmarks phases FILE") }
    let path = arguments[2]
    let bytes = readFile(path)
    _ = analyze(Array(bytes.prefix(1 << 16)), path: path)
    /// The median CPU seconds of five runs of `body`.
    func median(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = seconds(CLOCK_PROCESS_CPUTIME_ID)
            try body()
            times.append(seconds(CLOCK_PROCESS_CPUTIME_ID) - start)
        }
        return times.sorted()[2]
    }
    do {
        let source = try SourceText(bytes: bytes, path: path)
        let decode = try median { _ = try SourceText(bytes: bytes, path: path) }
        let clean = median { _ = Cleaner().clean(source.utf8) }
        let document = try median { _ = try Document(source: source, id: "A") }
        print(
            String(
                format: "decode %.3f clean %.3f document %.3f (of which not clean %.3f) total %.3f",
                decode, clean, document, document - clean, decode + document))
    } catch {
        fail("\(path): \(error)")
    }
case "digest":
    for path in arguments.dropFirst(2) {
        let document = analyze(readFile(path), path: path)
        let digest = Digest(document)
        print(
            String(
                format: "%016llx tokens %d sentences %d vocabulary %d blocks %d %@", digest.value,
                document.tokens.count, document.sentences.count, document.vocabulary.count, document.blocks.count, path))
    }
default:
    fail("unknown command \(arguments[1]); use corpus, run, phases or digest")
}
