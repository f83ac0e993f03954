import Foundation

/// Deterministic JSON: sorted keys, no escaped slashes, a final newline, and every character that
/// could drive or deceive a terminal escaped as `\uXXXX` (`JSONEncoder` escapes only
/// U+0000–U+001F; DEL, the C1 controls, bidirectional controls and U+2028/U+2029 are escaped
/// here). Outside strings JSON is ASCII, so each such character is inside a string, where the
/// escape means the same.
public enum JSONOutput {
    /// The report and its parts (``JSONWritable`` values) are written by ``JSONWriter``, the same
    /// bytes as `JSONEncoder` gives them, several times faster on a large report; other values
    /// go through `JSONEncoder`.
    public static func encode(_ value: some Encodable) throws -> String {
        guard let writable = value as? any JSONWritable else { return try encodedByFoundation(value) }
        var writer = JSONWriter()
        try writable.write(to: &writer)
        return writer.finished()
    }

    /// Writes `value` as ``encode(_:)`` gives it, handing the bytes to `sink` in pieces as they
    /// are made (the report's types) rather than making the whole text first: a report's JSON
    /// is several times the size of its inputs.
    /// - Throws: an encoding error, or the sink's first error (nothing is handed on after it).
    public static func write(_ value: some Encodable, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let writable = value as? any JSONWritable else {
            var text = try encodedByFoundation(value)
            try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
            return
        }
        var writer = JSONWriter(sink: sink)
        try writable.write(to: &writer)
        try writer.finish()
    }

    /// Through `JSONEncoder`: what ``JSONWriter`` must match.
    static func encodedByFoundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return escapingControls(String(decoding: data, as: UTF8.self)) + "\n"
    }

    static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && (Characters.isUnsafeForDisplay(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029)
    }
}
