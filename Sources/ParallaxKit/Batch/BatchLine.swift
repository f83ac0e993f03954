/// The lines `parallax batch` writes, one JSON object a line, keys sorted:
/// `{"id":…,"report":…,"status":"ok"}` (with `"passed":…` when the policy was applied) or
/// `{"error":…,"id":…,"status":"error"}` (`"id":null` when the record had none).
///
/// The report is ``JSONOutput/encode(_:)``'s text for it, the bytes `compare --format json` writes,
/// with the white space between tokens left out so that it fits on one line.
public enum BatchLine {
    /// The line of a pair that ran. `summaryOnly` leaves out the documents and the alignments
    /// (their arrays are empty); `passed` is the policy's verdict when it was applied.
    public static func ok(id: String, report: Report, summaryOnly: Bool = false, passed: Bool? = nil) throws -> String {
        var report = report
        if summaryOnly {
            report.documents = []
            report.alignments = []
        }
        var line = Array("{\"id\":".utf8) + quoted(id)
        if let passed { line += Array(",\"passed\":\(passed)".utf8) }
        line += Array(",\"report\":".utf8)
        line += compacted(Array(try ReportOutput.render([report], as: .json).utf8))
        line += Array(",\"status\":\"ok\"}\n".utf8)
        return String(decoding: line, as: UTF8.self)
    }

    /// The line of a record that could not run.
    public static func error(id: String?, problem: String) -> String {
        var line = Array("{\"error\":".utf8) + quoted(problem) + Array(",\"id\":".utf8)
        line += id.map(quoted) ?? Array("null".utf8)
        line += Array(",\"status\":\"error\"}\n".utf8)
        return String(decoding: line, as: UTF8.self)
    }

    /// A string as JSON, escaped as the report's strings are.
    private static func quoted(_ text: String) -> [UInt8] {
        var json = JSONWriter()
        json.string(text)
        return json.bytes
    }

    /// JSON without the white space between its tokens (spaces and line breaks outside strings;
    /// inside a string ``JSONWriter`` escapes every line break, so none is raw).
    static func compacted(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        var inString = false
        var escaped = false
        for byte in json {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                out.append(byte)
            } else if byte != 0x20 && byte != 0x0A {
                if byte == 0x22 { inString = true }
                out.append(byte)
            }
        }
        return out
    }
}
