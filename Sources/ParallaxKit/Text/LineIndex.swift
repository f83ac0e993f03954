import Algorithms
import Foundation

/// Maps UTF-8 byte offsets of a text to 1-based lines and columns (columns counted in Unicode
/// scalars). A line ends at LF, CRLF or a lone CR.
struct LineIndex: Sendable {
    /// The byte offset at which each line starts.
    private let lineStarts: [Int]
    private let utf8: [UInt8]

    init(utf8: [UInt8]) {
        var starts = [0]
        var i = 0
        let n = utf8.count
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            if memchr(base, 0x0D, n) == nil {
                // Line feeds only, the common case: memchr finds them.
                while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(i)
                }
                return
            }
            while i < n {
                let byte = bytes[i]
                if byte == 0x0A {
                    starts.append(i + 1)
                } else if byte == 0x0D {
                    if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        self.lineStarts = starts
        self.utf8 = utf8
    }

    /// The 1-based line and column of each byte offset. Offsets in ascending order are resolved
    /// in one pass, so a document with one enormous line costs no more than one with many.
    func locations(of offsets: [Int]) -> [(line: Int, column: Int)] {
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
            column += Self.scalarCount(utf8, cursor..<target)
            cursor = max(cursor, target)
            result.append((line + 1, column))
        }
        return result
    }

    /// The 1-based line and column of one byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        locations(of: [offset])[0]
    }

    /// The number of UTF-8 sequences that start in `range`: bytes that are not continuation
    /// bytes (10xxxxxx), counted eight at a time.
    static func scalarCount(_ utf8: [UInt8], _ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        return utf8.withUnsafeBufferPointer { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            var count = 0
            var i = range.lowerBound
            while i + 8 <= range.upperBound {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // A continuation byte has its top bits 10: high bit set, next bit clear.
                let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                count += 8 - continuation.nonzeroBitCount
                i += 8
            }
            while i < range.upperBound {
                if base[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }

    private func lineNumber(of offset: Int) -> Int {
        // The last line that starts at or before the offset.
        max(lineStarts.partitioningIndex { $0 > offset } - 1, 0)
    }
}
