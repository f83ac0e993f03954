import Foundation

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
        guard utf8.contains(where: { !Self.isWhitespace($0) }) else {
            throw InputError(path: path, problem: "has no text (only white space)")
        }
        try Self.rejectBinary(utf8, path: path, controls: controls)
        self.utf8 = utf8
        self.encoding = encoding
    }

    /// Reads and decodes a file, or standard input when `path` is `-`.
    public static func read(path: String) throws(InputError) -> SourceText {
        try SourceText(bytes: readBytes(path: path), path: path)
    }

    /// The decoded text as a Swift string.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    // MARK: - Reading

    static func readBytes(path: String) throws(InputError) -> [UInt8] {
        if path == "-" {
            return try readAll(fd: 0, path: path)
        }
        let name = fileSystemName(path)
        var info = stat()
        guard stat(name, &info) == 0 else {
            throw InputError(path: path, problem: errno == ENOENT ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw InputError(path: path, problem: "is a directory, not a file") }
        if Int(info.st_size) > maximumSize {
            throw InputError(path: path, problem: "is too large (\(info.st_size) bytes; at most \(maximumSize) are read)")
        }
        let fd = open(name, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(path: path, problem: errno == EACCES ? "cannot be read (permission denied)" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        return try readAll(fd: fd, path: path)
    }

    /// The bytes to give the file system for `path`. Swift decodes the command line as UTF-8 and
    /// replaces bytes that are not UTF-8 with U+FFFD, so a file name in another encoding
    /// ("caf\xE9.txt" in Latin-1) arrives changed. When `path` holds a U+FFFD, the raw argument
    /// that decodes to it (whole, or after the `=` of `--option=value`) gives the bytes.
    static func fileSystemName(_ path: String) -> [CChar] {
        guard path.unicodeScalars.contains("\u{FFFD}") else { return Array(path.utf8CString) }
        let arguments = CommandLine.unsafeArgv
        for i in 0..<Int(CommandLine.argc) {
            guard let raw = arguments[i] else { continue }
            let bytes = UnsafeBufferPointer(start: raw, count: strlen(raw)).map { UInt8(bitPattern: $0) }
            var candidates = [bytes[...]]
            if let equals = bytes.firstIndex(of: 0x3D) { candidates.append(bytes[(equals + 1)...]) }
            for candidate in candidates where String(decoding: candidate, as: UTF8.self) == path {
                return candidate.map { CChar(bitPattern: $0) } + [0]
            }
        }
        return Array(path.utf8CString)
    }

    /// Reads to the end of `fd`, or a little past ``maximumSize`` (the caller reports that).
    /// A read error is an input error: half a file must never pass for the whole of it.
    private static func readAll(fd: Int32, path: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maximumSize {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw InputError(path: path, problem: "is a directory, not a file") }
                throw InputError(path: path, problem: "cannot be read (\(String(cString: strerror(errno))))")
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
        for (bom, charset) in [([0xFF, 0xFE, 0, 0] as [UInt8], "UTF-32LE"), ([0, 0, 0xFE, 0xFF], "UTF-32BE"),
                               ([0xFF, 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")] where bytes.starts(with: bom) {
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
            throw InputError(path: path, problem: "is not valid UTF-8: invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at line \(line), column \(column) (byte \(offset))")
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
            throw InputError(path: path, problem: "is not valid UTF-8: invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at line \(line), column \(column) (byte \(offset + offsetBias))")
        }
    }

    /// Decodes `bytes` from `charset`; `detected` says the charset is ICU's guess rather than
    /// what a byte order mark said, which the error message then says too.
    private static func convert(_ bytes: [UInt8], from charset: String, path: String, offsetBias: Int,
                                detected: Bool = false) throws(InputError) -> [UInt8] {
        let utf16: [UInt16]
        let what = detected ? "is not UTF-8 and cannot be decoded as \(charset), the encoding it seems to be in" : "cannot be decoded as \(charset)"
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
                    if isControl(byte) { controls += 1 }
                    return 1
                }
            }
        }
        if controls > 8 && controls * 100 > utf8.count {
            throw InputError(path: path, problem: "looks binary (\(controls) control characters in \(utf8.count) bytes)")
        }
    }

    /// A control character that marks binary data: below 0x20, and not tab, a line break, form
    /// feed or escape (ANSI sequences are shown escaped).
    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }
}

/// A one-pass UTF-8 validity check (RFC 3629: no overlongs, no surrogates, nothing above
/// U+10FFFF) over the whole input: the first invalid byte, and how many valid multi-byte
/// sequences and invalid bytes there are (an invalid byte is skipped and the scan goes on).
struct UTF8Check {
    var firstInvalidOffset: Int?
    var validMultibyteSequences = 0
    var invalidBytes = 0
    /// NUL bytes, and control characters other than tab, line breaks, form feed and escape.
    var nulBytes = 0
    var controlBytes = 0

    /// The scalar of the well-formed multi-byte sequence (RFC 3629: no overlongs, no
    /// surrogates, nothing above U+10FFFF) that starts at `i` and ends by `end`, and its length;
    /// nil when the bytes there are not one.
    @inline(__always)
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (value: UInt32, length: Int)? {
        let c = b[i]
        var value: UInt32
        var length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2; value = UInt32(c & 0x1F)
        case 0xE0: length = 3; low = 0xA0; value = UInt32(c & 0x0F)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(c & 0x0F)
        case 0xED: length = 3; high = 0x9F; value = UInt32(c & 0x0F)
        case 0xF0: length = 4; low = 0x90; value = UInt32(c & 0x07)
        case 0xF1...0xF3: length = 4; value = UInt32(c & 0x07)
        case 0xF4: length = 4; high = 0x8F; value = UInt32(c & 0x07)
        default: return nil
        }
        guard i + length <= end, b[i + 1] >= low, b[i + 1] <= high else { return nil }
        for j in 1..<length {
            let next = b[i + j]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (value, length)
    }

    private mutating func invalid(at offset: Int) {
        if firstInvalidOffset == nil { firstInvalidOffset = offset }
        invalidBytes += 1
    }

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            // Printable ASCII, most of any text, is skipped eight bytes at a time.
            ByteText.forEachUnprintable(b) { c, i in
                if c < 0x80 {
                    if c == 0 { nulBytes += 1 }
                    if SourceText.isControl(c) { controlBytes += 1 }
                    return 1
                }
                if let sequence = Self.scalar(in: b, at: i, end: n) {
                    validMultibyteSequences += 1
                    return sequence.length
                }
                invalid(at: i)
                return 1
            }
        }
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
