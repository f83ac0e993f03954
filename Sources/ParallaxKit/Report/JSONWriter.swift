/// A value that writes itself as JSON with a ``JSONWriter``, byte for byte as
/// ``JSONOutput/encodedByFoundation(_:)`` would through `JSONEncoder`, without `Codable`'s
/// per-value boxes and key sorting: the report's types, whose JSON is the contract.
protocol JSONWritable: Encodable {
    /// Writes the value; an object writes its keys in the order `JSONEncoder`'s `.sortedKeys`
    /// gives (by UTF-8 bytes).
    func write(to json: inout JSONWriter) throws
}

/// Writes JSON into bytes as ``JSONOutput`` promises it: two-space pretty printing with
/// `"key" : value`, an empty container as `[` or `{`, an empty line and the closing bracket;
/// whole doubles without `.0`; `JSONEncoder`'s escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// `\u001b` for the other C0 controls; `/` unescaped) and ``JSONOutput``'s (`\u009B` for DEL,
/// the C1 controls, the bidirectional controls and U+2028/U+2029).
///
/// The caller gives an object's keys in sorted order: the writer neither sorts nor checks them.
///
/// Made with a sink, the writer streams: it hands its bytes to the sink whenever it holds
/// ``chunkSize`` of them at the start of an element (so never inside a string or a number),
/// and keeps no more than about that much, however long the document.
struct JSONWriter {
    /// The bytes written and not yet handed to the sink (all of them without a sink).
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// The open container has no element yet.
    private var isFirst = true
    /// Where the bytes go when the writer streams.
    private let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    /// The sink's first error: nothing more is handed to it, and ``finish()`` throws it.
    private var failure: (any Error)?

    /// How many bytes a streaming writer gathers before it hands them on.
    static let chunkSize = 1 << 16

    init(capacity: Int = 0) {
        sink = nil
        bytes.reserveCapacity(capacity)
    }

    /// A writer that streams to `sink`.
    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        bytes.reserveCapacity(Self.chunkSize * 2)
    }

    /// The text written, with a final line break.
    mutating func finished() -> String {
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Ends a streamed document: the final line break, and what is left to the sink.
    /// - Throws: the sink's first error.
    mutating func finish() throws {
        bytes.append(0x0A)
        handOn()
        if let failure { throw failure }
    }

    private mutating func handOn() {
        guard let sink else { return }
        if failure == nil {
            do {
                try bytes.withUnsafeBytes { try sink($0) }
            } catch {
                failure = error
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: - Containers

    /// An object: `body` writes its members, each a ``key(_:)`` and a value.
    mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
        open(0x7B)
        try body(&self)
        close(0x7D)
    }

    /// An array of `elements`, each written by `body`.
    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) throws -> Void) rethrows {
        open(0x5B)
        for element in elements {
            separate()
            try body(&self, element)
        }
        close(0x5D)
    }

    /// An array of integers.
    mutating func array(_ elements: some Sequence<Int>) {
        array(elements) { $0.int($1) }
    }

    /// The next member's key, an ASCII name that needs no escape.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])
    }

    /// The next member's key, escaped as any string.
    mutating func key(_ name: String) {
        separate()
        string(name)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20])
    }

    /// A member: its key and value.
    mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func member(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }

    mutating func member(_ name: StaticString, _ value: some Sequence<Int>) {
        key(name)
        array(value)
    }

    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ value: [String]) {
        key(name)
        array(value) { $0.string($1) }
    }

    mutating func member(_ name: StaticString, _ value: Double) throws {
        key(name)
        try double(value)
    }

    /// A member whose value writes itself; `null` for none.
    mutating func member(_ name: StaticString, _ value: (some JSONWritable)?) throws {
        key(name)
        if let value { try value.write(to: &self) } else { null() }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        depth -= 1
        writeIndent()
        bytes.append(bracket)
        // The container was an element of its parent.
        isFirst = false
    }

    /// Before an element or member: a comma and line break after the previous one, and the
    /// indentation.
    private mutating func separate() {
        breakLine()
        // At a line's start: a piece handed on ends with a line break.
        if bytes.count >= Self.chunkSize { handOn() }
        writeIndent()
    }

    /// After an element or member, before the next: a comma and a line break.
    private mutating func breakLine() {
        if isFirst {
            isFirst = false
        } else {
            bytes.append(0x2C)
            bytes.append(0x0A)
        }
    }

    // MARK: - Long arrays on all cores

    /// How many elements of a long array are written at a time, on all cores.
    static let concurrentBatch = 2048

    /// A writer for a run of a long array's elements, at the array's depth: its bytes join the
    /// array's writer's.
    private init(depth: Int, isFirst: Bool) {
        sink = nil
        self.depth = depth
        self.isFirst = isFirst
    }

    /// An array of `elements`, the same bytes as ``array(_:_:)`` gives, written a batch at a
    /// time: each core writes a run of the batch into bytes of its own, and the runs join in
    /// order. A streaming writer hands on at the line starts between elements, as it does
    /// between members.
    mutating func array<T: JSONWritable & Sendable>(concurrently elements: [T]) throws {
        guard elements.count > 1 else {
            try array(elements) { try $1.write(to: &$0) }
            return
        }
        open(0x5B)
        let depth = depth
        var start = elements.startIndex
        while start < elements.endIndex {
            let batch = start..<min(elements.endIndex, start + Self.concurrentBatch)
            let leads = start == elements.startIndex
            let runs = Concurrently.map(batch.count) { range -> [Result<(bytes: [UInt8], lineStarts: [Int]), any Error>] in
                var writer = JSONWriter(depth: depth, isFirst: leads && range.lowerBound == 0)
                var lineStarts: [Int] = []
                lineStarts.reserveCapacity(range.count)
                do {
                    for element in elements[(batch.lowerBound + range.lowerBound)..<(batch.lowerBound + range.upperBound)] {
                        writer.breakLine()
                        lineStarts.append(writer.bytes.count)
                        writer.writeIndent()
                        try element.write(to: &writer)
                    }
                } catch {
                    return [.failure(error)]
                }
                return [.success((writer.bytes, lineStarts))]
            }
            for run in runs {
                let (written, lineStarts) = try run.get()
                var from = 0
                for lineStart in lineStarts {
                    bytes.append(contentsOf: written[from..<lineStart])
                    from = lineStart
                    if bytes.count >= Self.chunkSize { handOn() }
                }
                bytes.append(contentsOf: written[from...])
            }
            start = batch.upperBound
        }
        isFirst = false
        close(0x5D)
    }

    private mutating func writeIndent() {
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    // MARK: - Values

    mutating func bool(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    mutating func null() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        // The magnitude's digits, least significant first, then reversed in place.
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// A double as `JSONEncoder` writes it: its `description` without a final `.0`. Infinity and
    /// NaN are not JSON, and throw as they do there.
    mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A string in quotes, escaped.
    mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            let count = utf8.count
            // Bytes from `mark` on are copied as they are when the next escape (or the end) comes.
            var mark = 0
            var i = 0
            while i < count {
                let byte = utf8[i]
                if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C {
                    i += 1
                    continue
                }
                // The scalar that starts here, and how many bytes it takes (continuation bytes
                // and four-byte scalars, never escaped, pass as one byte each).
                var scalar = UInt32(byte)
                var width = 1
                if byte >= 0xC0 && byte < 0xE0 && i + 1 < count {
                    scalar = UInt32(byte & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    width = 2
                } else if byte >= 0xE0 && byte < 0xF0 && i + 2 < count {
                    scalar = UInt32(byte & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    width = 3
                } else if byte >= 0x80 {
                    i += 1
                    continue
                }
                let escape = Self.escape(scalar)
                guard !escape.isEmpty else {
                    i += width
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i]))
                bytes.append(contentsOf: escape)
                i += width
                mark = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<count]))
        }
        bytes.append(0x22)
    }

    /// What stands for a scalar in a JSON string, or nothing when it stands for itself:
    /// `JSONEncoder`'s escapes below U+0020, then ``JSONOutput``'s.
    static func escape(_ scalar: UInt32) -> [UInt8] {
        switch scalar {
        case 0x22: return [0x5C, 0x22]
        case 0x5C: return [0x5C, 0x5C]
        case 0x08: return [0x5C, 0x62]
        case 0x0C: return [0x5C, 0x66]
        case 0x0A: return [0x5C, 0x6E]
        case 0x0D: return [0x5C, 0x72]
        case 0x09: return [0x5C, 0x74]
        case 0..<0x20: return unicodeEscape(scalar, uppercase: false)
        default:
            guard let value = Unicode.Scalar(scalar), JSONOutput.needsEscape(value) else { return [] }
            return unicodeEscape(scalar, uppercase: true)
        }
    }

    /// `\u` and at least four hex digits.
    private static func unicodeEscape(_ scalar: UInt32, uppercase: Bool) -> [UInt8] {
        let hex = Array(String(scalar, radix: 16, uppercase: uppercase).utf8)
        return [0x5C, 0x75] + [UInt8](repeating: 0x30, count: max(0, 4 - hex.count)) + hex
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.array(self) { try $1.write(to: &$0) }
    }
}

// MARK: - The report's types

extension Report: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.key("alignments")
            try json.array(concurrently: alignments)
            try json.member("documents", documents)
            json.key("findings")
            try json.array(concurrently: findings)
            json.member("schemaVersion", schemaVersion)
            try json.member("summary", summary)
            json.key("tool")
            json.object { json in
                json.member("name", tool.name)
                json.member("version", tool.version)
            }
        }
    }
}

extension DocumentRecord: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.member("encoding", encoding)
            json.member("id", id)
            json.member("path", path)
            json.key("sentences")
            try json.array(concurrently: sentences)
            json.member("sha256", sha256)
        }
    }
}

extension SentenceRecord: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        json.object { json in
            json.member("boilerplate", boilerplate)
            json.member("column", column)
            json.member("duplicateOf", duplicateOf)
            json.member("end", end)
            json.member("index", index)
            json.member("line", line)
            json.member("paragraph", paragraph)
            json.member("start", start)
            json.member("text", text)
        }
    }
}

extension Alignment: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.member("a", a)
            json.member("b", b)
            try json.member("coverageA", coverageA)
            try json.member("coverageB", coverageB)
            try json.member("drift", drift)
            json.member("moved", moved)
            try json.member("score", score)
            json.member("uncertain", uncertain)
        }
    }
}

extension Finding: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.member("a", a)
            if accepted { json.member("accepted", true) }
            try json.member("b", b)
            json.member("category", category.rawValue)
            json.member("id", id)
            json.member("message", message)
            json.member("severity", severity.rawValue)
            if let uncertainReason { json.member("uncertain", uncertainReason) }
            try json.member("weight", weight)
        }
    }
}

extension Span: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        json.object { json in
            json.member("end", end)
            json.member("sentences", sentenceList)
            json.member("start", start)
            json.member("text", text)
        }
    }
}

extension Summary: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.key("counts")
            json.object { json in
                for (category, count) in counts.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    json.key(category)
                    json.int(count)
                }
            }
            try json.member("coverageA", coverageA)
            try json.member("coverageB", coverageB)
            if let event {
                json.key("event")
                try event.write(to: &json)
            }
            if let limits, !limits.isEmpty {
                json.key("limits")
                json.array(limits) { json, note in
                    json.object { json in
                        json.member("count", note.count)
                        json.member("document", note.document)
                        json.member("limit", note.limit)
                        json.member("message", note.message)
                        json.member("value", note.value)
                    }
                }
            }
            json.member("sameEvent", sameEvent)
        }
    }
}

extension EventEvidence: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.member("agreeing", agreeing)
            json.member("conflicting", conflicting)
            try json.member("score", score)
            json.member("verdict", verdict.rawValue)
        }
    }
}
