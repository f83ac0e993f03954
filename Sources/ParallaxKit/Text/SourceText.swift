import Foundation
import SystemPackage

/// An input account as decoded text: UTF-8 bytes, the encoding they were decoded from, and the
/// SHA-256 of the bytes as read.
///
/// All offsets in Parallax are UTF-8 byte offsets into ``utf8``: for a UTF-8 file without a BOM,
/// the file's own bytes.
public struct SourceText: Sendable {
    /// The path as the user gave it; `-` for standard input.
    public let path: String
    /// The text, decoded to UTF-8 (a byte order mark is not part of it).
    public let utf8: [UInt8]
    /// The encoding the input was decoded from, e.g. `UTF-8`, `UTF-16LE`, `windows-1252`.
    public let encoding: String
    /// Lowercase hex SHA-256 of the bytes as read (before decoding).
    public let sha256: String

    /// Whether ``encoding`` is ICU's guess: the bytes were not UTF-8 and had no byte order mark
    /// (every encoding but the `UTF-` ones is a guess).
    public var encodingGuessed: Bool { !encoding.hasPrefix("UTF-") }

    /// The largest input Parallax reads (256 MiB).
    public static let maximumSize = 256 << 20

    /// Decodes `bytes` read from `path`.
    ///
    /// UTF-8 with or without a BOM and UTF-16 or UTF-32 with a BOM are recognised directly;
    /// anything else goes through ICU's charset detector and converter.
    /// - Throws: ``InputError`` when the bytes are empty, binary (NUL bytes or mostly control
    ///   characters), invalid UTF-8, or cannot be decoded from the detected charset.
    public init(bytes: [UInt8], path: String) throws(InputError) {
        self.path = path
        self.sha256 = SHA256.hex(bytes)
        guard !bytes.isEmpty else { throw InputError(path: path, problem: "is empty") }
        guard bytes.count <= Self.maximumSize else {
            throw InputError(path: path, problem: "is too large (\(bytes.count) bytes; at most \(Self.maximumSize) are read)")
        }
        let (utf8, encoding, controls) = try Self.decode(bytes, path: path)
        guard utf8.contains(where: { !Characters.isASCIISpace($0) }) else {
            throw InputError(path: path, problem: "has no text (only white space)")
        }
        try Self.rejectBinary(utf8, path: path, controls: controls)
        self.utf8 = utf8
        self.encoding = encoding
    }

    /// Reads and decodes a file, or standard input when `path` is `-`.
    public static func read(path: String) throws(InputError) -> SourceText {
        try read(InputLocation(path: path))
    }

    /// Reads and decodes the input at `location`; the report names it by its display path.
    public static func read(_ location: InputLocation) throws(InputError) -> SourceText {
        try SourceText(bytes: readBytes(location), path: location.path)
    }

    /// The decoded text as a Swift string.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    // MARK: - Reading

    static func readBytes(_ location: InputLocation) throws(InputError) -> [UInt8] {
        let path = location.path
        guard let file = location.file else { return try readAll(FileDescriptor.standardInput, path: path) }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(file, .readOnly, options: [.closeOnExec])
        } catch {
            throw InputError(path: path, problem: Self.problem(error, opening: true))
        }
        defer { try? descriptor.close() }
        // The checks are made on the opened file, so that what is checked is what is read.
        let info: Stat
        do {
            info = try descriptor.stat()
        } catch {
            throw InputError(path: path, problem: Self.problem(error, opening: false))
        }
        if info.type == .directory { throw InputError(path: path, problem: "is a directory, not a file") }
        if info.size > Int64(maximumSize) {
            throw InputError(path: path, problem: "is too large (\(info.size) bytes; at most \(maximumSize) are read)")
        }
        return try readAll(descriptor, path: path, expected: Int(info.size))
    }

    /// What went wrong, for a person: "no such file", "cannot be read (permission denied)".
    private static func problem(_ error: any Error, opening: Bool) -> String {
        guard let errno = error as? Errno else { return "cannot be read (\(error))" }
        switch errno {
        case .noSuchFileOrDirectory where opening: return "no such file"
        case .permissionDenied: return "cannot be read (permission denied)"
        case .isDirectory: return "is a directory, not a file"
        default: return "cannot be read (\(InputError.reason(errno)))"
        }
    }

    /// Reads to the end of `descriptor`, or a little past ``maximumSize`` (the caller reports
    /// that). A read error is an input error: half a file must never pass for the whole of it.
    /// `expected`: the file's size when it has one, reserved up front, so that the bytes are
    /// not held in a buffer grown by doubling (up to twice their size).
    private static func readAll(_ descriptor: FileDescriptor, path: String, expected: Int = 0) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        if expected > 0 { bytes.reserveCapacity(min(expected, maximumSize)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maximumSize {
            let n: Int
            do {
                n = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0) }
            } catch {
                throw InputError(path: path, problem: Self.problem(error, opening: false))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    // MARK: - Decoding

    /// The text as UTF-8, the encoding it was in, and (when the scan that checked it counted
    /// them) its control characters.
    private static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> ([UInt8], String, Int?) {
        // Byte order marks first: they say what the encoding is.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            try validateUTF8(body, path: path, offsetBias: 3)
            return (body, "UTF-8", nil)
        }
        for (bom, charset) in [
            ([0xFF, 0xFE, 0, 0] as [UInt8], "UTF-32LE"), ([0, 0, 0xFE, 0xFF], "UTF-32BE"),
            ([0xFF, 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE"),
        ] where bytes.starts(with: bom) {
            return (try convert(Array(bytes.dropFirst(bom.count)), from: charset, path: path, offsetBias: bom.count), charset, nil)
        }
        let check = UTF8Check(bytes)
        if check.nulBytes > 0 {
            throw InputError(path: path, problem: "contains NUL bytes (a binary file, or UTF-16 without a byte order mark)")
        }
        guard let offset = check.firstInvalidOffset else { return (bytes, "UTF-8", check.controlBytes) }
        if check.validMultibyteSequences > 0 && check.validMultibyteSequences >= check.invalidBytes {
            // Real UTF-8 with a broken sequence in it (wherever the valid sequences are, before
            // or after it): decoding it as something else would turn every character into
            // mojibake. A legacy 8-bit text makes a valid UTF-8 sequence only by accident, and
            // rarely, while most of its non-ASCII bytes are invalid UTF-8.
            let (line, column) = LineIndex(utf8: bytes).location(of: offset)
            throw InputError(
                path: path,
                problem:
                    "is not valid UTF-8: invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at line \(line), column \(column) (byte \(offset))"
            )
        }
        // Not UTF-8: a legacy encoding, or not text at all. In every ASCII-based charset the
        // bytes below 0x20 are control characters, so a file full of them is binary whatever
        // ICU would guess (it guesses UTF-16 for random bytes).
        try rejectBinary(bytes, path: path)
        // A legacy encoding. Ask ICU which, and try its guesses best first: for a short text the
        // best guess can be a charset that cannot hold its bytes (ISO-8859-8 for a few words
        // of windows-1251 Russian), while the next one decodes it.
        let candidates: [(name: String, confidence: Int)]
        do {
            candidates = try bytes.withUnsafeBytes { raw in try Charset.candidates(raw) }
        } catch let error as ICUError {
            throw InputError(path: path, problem: "is not UTF-8 and its encoding cannot be detected (\(error))")
        } catch {
            throw InputError(path: path, problem: "is not UTF-8 and its encoding cannot be detected (\(error))")
        }
        var charsets: [String] = []
        for (i, candidate) in candidates.enumerated() where i == 0 || candidate.confidence >= minimumConfidence {
            if candidate.name.hasPrefix("UTF-8") || candidate.name.isEmpty { continue }
            // UTF-16 or UTF-32 without a byte order mark has NUL bytes (half of every ASCII
            // character, line breaks included) and this input has none (checked above): ICU
            // guesses UTF-16 for short inputs ("Caf\xE9.\n" becomes CJK). Assume the commonest
            // 8-bit encoding instead; its converter maps every byte.
            let charset = candidate.name.hasPrefix("UTF-16") || candidate.name.hasPrefix("UTF-32") ? "windows-1252" : candidate.name
            if !charsets.contains(charset) { charsets.append(charset) }
        }
        guard let best = charsets.first else {
            throw InputError(path: path, problem: "is not valid UTF-8 and no other encoding fits")
        }
        let bestFailure: InputError
        do {
            return (try convert(bytes, from: best, path: path, offsetBias: 0, detected: true), best, nil)
        } catch {
            bestFailure = error
        }
        for charset in charsets.dropFirst() {
            if let utf8 = try? convert(bytes, from: charset, path: path, offsetBias: 0, detected: true) { return (utf8, charset, nil) }
        }
        // None fits: the error names the best guess.
        throw bestFailure
    }

    /// ICU's guesses after the first are tried only when it is at least this confident in them
    /// (0–100).
    static let minimumConfidence = 20

    private static func validateUTF8(_ bytes: [UInt8], path: String, offsetBias: Int) throws(InputError) {
        if let offset = UTF8Check(bytes).firstInvalidOffset {
            let (line, column) = LineIndex(utf8: bytes).location(of: offset)
            throw InputError(
                path: path,
                problem:
                    "is not valid UTF-8: invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at line \(line), column \(column) (byte \(offset + offsetBias))"
            )
        }
    }

    /// Decodes `bytes` from `charset`; `detected` says the charset is ICU's guess rather than
    /// what a byte order mark said, which the error message then says too.
    private static func convert(
        _ bytes: [UInt8], from charset: String, path: String, offsetBias: Int,
        detected: Bool = false
    ) throws(InputError) -> [UInt8] {
        let utf16: [UInt16]
        let what =
            detected
            ? "is not UTF-8 and cannot be decoded as \(charset), the encoding it seems to be in" : "cannot be decoded as \(charset)"
        do {
            utf16 = try bytes.withUnsafeBytes { raw in try Charset.decode(raw, from: charset) }
        } catch let error as Charset.DecodeFailure {
            let at = error.byteOffset.map { ": invalid or unmapped bytes at byte \($0 + offsetBias)" } ?? ""
            throw InputError(path: path, problem: what + at + (detected ? " (convert it to UTF-8)" : ""))
        } catch {
            throw InputError(path: path, problem: what)
        }
        if utf16.contains(0) { throw InputError(path: path, problem: "contains NUL characters (a binary file?)") }
        return Array(String(decoding: utf16, as: UTF16.self).utf8)
    }

    /// Text with a few stray control characters is text (they are shown escaped); a file where
    /// they are common is not.
    private static func rejectBinary(_ utf8: [UInt8], path: String, controls known: Int? = nil) throws(InputError) {
        var controls = 0
        if let known {
            controls = known
        } else {
            utf8.withUnsafeBufferPointer { bytes in
                ByteText.forEachUnprintable(bytes) { byte, _ in
                    if Characters.isBinaryControl(byte) { controls += 1 }
                    return 1
                }
            }
        }
        if controls > 8 && controls * 100 > utf8.count {
            throw InputError(path: path, problem: "looks binary (\(controls) control characters in \(utf8.count) bytes)")
        }
    }

}

/// Where an account is read from: a file, named by its bytes (which need not be UTF-8: a Latin-1
/// name such as `caf\xE9.txt` is a different file from `caf\xE8.txt`), or standard input; and the
/// path the report shows for it.
public struct InputLocation: Sendable, Hashable {
    /// The name the report and messages use: the path as given, with any byte that is not UTF-8
    /// shown as U+FFFD; `-` for standard input.
    public let path: String
    /// The file; nil for standard input.
    public let file: FilePath?

    /// `path` as UTF-8 text; `-` is standard input.
    public init(path: String) {
        self.path = path
        self.file = path == "-" ? nil : FilePath(path)
    }

    /// A file named by its bytes.
    public init(file: FilePath) {
        self.file = file
        self.path = file.withPlatformString { String(cString: $0) }
    }

    public static let standardInput = InputLocation(path: "-")
}
