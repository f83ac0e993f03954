// A long pair has tens of thousands of findings, each with an id and two spans. Stored as
// strings and arrays, each of those is an object on the heap of its own; these are the compact
// forms the report keeps instead, behind the same public `String` and `[Int]` properties.

/// A finding's id as stored: an id the engine makes (16 lowercase hex digits, the first 64 bits
/// of a fingerprint) as its number; any other id (from a report or a baseline written by hand)
/// as its text. Every id has one form, so two ids are equal when their texts are.
enum FindingID: Sendable, Hashable, Comparable {
    case fingerprint(UInt64)
    case text(String)

    /// The id of the text `id`.
    init(_ id: String) {
        var value: UInt64 = 0
        var digits = 0
        for byte in id.utf8 {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default:
                self = .text(id)
                return
            }
            digits += 1
            guard digits <= 16 else { break }
            value = value << 4 | UInt64(digit)
        }
        self = digits == 16 ? .fingerprint(value) : .text(id)
    }

    /// The id as written in a report.
    var string: String {
        switch self {
        case .text(let text):
            return text
        case .fingerprint(let value):
            return String(unsafeUninitializedCapacity: 16) { buffer in
                for i in 0..<16 {
                    let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * i)) & 0xF
                    buffer[i] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                }
                return 16
            }
        }
    }

    /// The order of the ids' texts (for two fingerprints, the order of their numbers is the same).
    static func < (x: FindingID, y: FindingID) -> Bool {
        if case .fingerprint(let a) = x, case .fingerprint(let b) = y { return a < b }
        return x.string < y.string
    }
}

/// A span's sentence indices as stored: a run of consecutive indices (one sentence, or none:
/// nearly every span) in place, other lists as an array.
enum SentenceList: Sendable, Hashable {
    case run(first: Int32, count: UInt16)
    case list([Int])

    /// No sentences.
    static let none = SentenceList.run(first: 0, count: 0)

    /// One sentence.
    init(sentence: Int) {
        if let first = Int32(exactly: sentence) {
            self = .run(first: first, count: 1)
        } else {
            self = .list([sentence])
        }
    }

    init(_ sentences: [Int]) {
        guard let head = sentences.first else {
            self = .none
            return
        }
        if sentences.count <= Int(UInt16.max), let first = Int32(exactly: head),
            sentences.indices.allSatisfy({ sentences[$0] &- head == $0 })
        {
            self = .run(first: first, count: UInt16(sentences.count))
        } else {
            self = .list(sentences)
        }
    }

    var array: [Int] {
        switch self {
        case .run(let first, let count): Array(Int(first)..<(Int(first) + Int(count)))
        case .list(let list): list
        }
    }

    /// The smallest index (nil for none), without making the array.
    var lowest: Int? {
        switch self {
        case .run(let first, let count): count == 0 ? nil : Int(first)
        case .list(let list): list.min()
        }
    }
}

extension SentenceList: RandomAccessCollection {
    var startIndex: Int { 0 }

    var endIndex: Int {
        switch self {
        case .run(_, let count): Int(count)
        case .list(let list): list.count
        }
    }

    subscript(position: Int) -> Int {
        switch self {
        case .run(let first, _): Int(first) + position
        case .list(let list): list[position]
        }
    }
}

/// A finding's message as stored: its text, or, for the findings a long text of numbers has by
/// the tens of thousands (a value one side lacks, a value changed), what kind of value it is:
/// the values are the texts of the finding's spans, and the message is written out when it is
/// read.
enum FindingMessage: Sendable {
    case text(String)
    /// "`kind` differ: A “value”, B has none." (`inA`), or "… A has none, B “value”."
    case lacking(FactKind, inA: Bool)
    /// "`kind` differ: A “value”, B “value”."
    case changed(FactKind)

    /// The kinds of value the number rule compares, as its messages name them.
    enum FactKind: String, Sendable {
        case numbers = "Numbers"
        case dates = "Dates"
    }

    /// Whether the message is written from the finding's spans.
    var readsSpans: Bool {
        if case .text = self { false } else { true }
    }

    /// The message of a finding on spans `a` and `b`.
    func text(a: Span?, b: Span?) -> String {
        switch self {
        case .text(let text):
            text
        case .lacking(let kind, true):
            "\(kind.rawValue) differ: A \(Self.quote(a?.text ?? "")), B has none."
        case .lacking(let kind, false):
            "\(kind.rawValue) differ: A has none, B \(Self.quote(b?.text ?? ""))."
        case .changed(let kind):
            "\(kind.rawValue) differ: A \(Self.quote(a?.text ?? "")), B \(Self.quote(b?.text ?? ""))."
        }
    }

    /// Words of a message, quoted; a long run is cut to its first and last words
    /// (``ShortenedText/shortened(_:limit:)``), so a message stays a line a person can read.
    static func quote(_ text: String, empty: String = "nothing") -> String {
        text.isEmpty ? empty : "\u{201C}\(ShortenedText.shortened(text))\u{201D}"
    }
}
