/// Maps UTF-8 byte offsets of a text to 1-based lines and columns (columns counted in Unicode
/// scalars). A line ends at LF, CRLF or a lone CR.
public struct LineIndex: Sendable {
    /// The byte offset at which each line starts.
    private let lineStarts: [Int]
    private let utf8: [UInt8]

    public init(utf8: [UInt8]) {
        var starts = [0]
        var i = 0
        let n = utf8.count
        while i < n {
            let byte = utf8[i]
            if byte == 0x0A {
                starts.append(i + 1)
            } else if byte == 0x0D {
                if i + 1 < n, utf8[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.lineStarts = starts
        self.utf8 = utf8
    }

    /// The 1-based line and column of each byte offset. Offsets in ascending order are resolved
    /// in one pass, so a document with one enormous line costs no more than one with many.
    public func locations(of offsets: [Int]) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        result.reserveCapacity(offsets.count)
        var line = 0
        var cursor = 0
        var column = 1
        for offset in offsets {
            let target = min(max(offset, 0), utf8.count)
            if target < cursor {
                // Out of order: start again from the line's beginning.
                line = lineNumber(of: target)
                cursor = lineStarts[line]
                column = 1
            }
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= target {
                line += 1
                cursor = lineStarts[line]
                column = 1
            }
            while cursor < target {
                if utf8[cursor] & 0xC0 != 0x80 { column += 1 }
                cursor += 1
            }
            result.append((line + 1, column))
        }
        return result
    }

    /// The 1-based line and column of one byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        locations(of: [offset])[0]
    }

    private func lineNumber(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
