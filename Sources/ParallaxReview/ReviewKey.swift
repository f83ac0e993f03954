/// A key press as `parallax review` understands it, decoded from the bytes a terminal sends.
public enum ReviewKey: Sendable, Hashable {
    /// A printable character (letters, digits, punctuation, any Unicode character).
    case character(Character)
    case enter
    case backspace
    case delete
    case escape
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab
    /// Ctrl-C, read as a byte (the terminal is in raw mode, so it sends no SIGINT).
    case interrupt
    /// Ctrl-D.
    case endOfInput
    /// Ctrl-L: draw the screen again.
    case redraw
    /// Ctrl-U: clear the line being edited.
    case clearLine
    /// Ctrl-W: delete the word before the cursor.
    case deleteWord
}

/// Turns the bytes read from a terminal in raw mode into ``ReviewKey``s: UTF-8 characters,
/// control characters, and the escape sequences of arrows and editing keys (CSI `ESC [ … final`
/// and SS3 `ESC O x`, with or without modifier parameters).
///
/// A lone ESC cannot be told from the start of a sequence until no more bytes come: the caller
/// feeds what it read, and calls ``flush()`` when a short wait brings nothing more.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// Whether bytes are held back waiting for the rest of an escape sequence or character.
    public var hasPending: Bool { !pending.isEmpty }

    /// Decodes `bytes` (after anything held back), holding back an incomplete sequence.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ReviewKey] {
        pending.append(contentsOf: bytes)
        var keys: [ReviewKey] = []
        var i = 0
        while i < pending.count {
            guard let (key, length) = Self.decode(pending, at: i) else { break }
            if let key { keys.append(key) }
            i += length
        }
        pending.removeFirst(i)
        return keys
    }

    /// Decodes whatever is held back as if no more bytes will follow: a lone ESC is Escape;
    /// an incomplete sequence is dropped.
    public mutating func flush() -> [ReviewKey] {
        defer { pending = [] }
        // A lone ESC is Escape; an escape sequence or character cut short means nothing.
        return pending == [0x1B] ? [.escape] : []
    }

    /// The key at `i` and how many bytes it takes (a nil key for bytes that mean nothing), or
    /// nil when the bytes there are the incomplete start of something.
    static func decode(_ bytes: [UInt8], at i: Int) -> (ReviewKey?, Int)? {
        let byte = bytes[i]
        switch byte {
        case 0x1B:
            guard i + 1 < bytes.count else { return nil }
            let next = bytes[i + 1]
            if next == 0x5B { return csi(bytes, at: i) }
            if next == 0x4F {
                guard i + 2 < bytes.count else { return nil }
                return (arrow(bytes[i + 2]), 3)
            }
            if next == 0x1B { return (.escape, 1) }
            // Alt+key: the key alone.
            return (.escape, 1)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x09: return (.tab, 1)
        case 0x03: return (.interrupt, 1)
        case 0x04: return (.endOfInput, 1)
        case 0x0C: return (.redraw, 1)
        case 0x15: return (.clearLine, 1)
        case 0x17: return (.deleteWord, 1)
        case 0x00..<0x20: return (nil, 1)
        case 0x20..<0x7F: return (.character(Character(Unicode.Scalar(byte))), 1)
        default:
            // UTF-8: a lead byte and its continuation bytes.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard length > 1 else { return (nil, 1) }
            guard i + length <= bytes.count else { return nil }
            let scalars = String(decoding: bytes[i..<i + length], as: UTF8.self)
            guard let character = scalars.first, !scalars.unicodeScalars.contains("\u{FFFD}") else { return (nil, 1) }
            return (.character(character), length)
        }
    }

    /// `ESC [ params final`: arrows, Home/End, `ESC [ n ~` editing keys.
    private static func csi(_ bytes: [UInt8], at i: Int) -> (ReviewKey?, Int)? {
        var j = i + 2
        while j < bytes.count, (0x20...0x3F).contains(bytes[j]) { j += 1 }
        guard j < bytes.count else { return nil }
        let final = bytes[j]
        let length = j - i + 1
        if final == 0x7E {
            let number = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).split(separator: ";").first.flatMap { Int($0) }
            switch number {
            case 1, 7: return (.home, length)
            case 4, 8: return (.end, length)
            case 3: return (.delete, length)
            case 5: return (.pageUp, length)
            case 6: return (.pageDown, length)
            default: return (nil, length)
            }
        }
        return (arrow(final), length)
    }

    private static func arrow(_ final: UInt8) -> ReviewKey? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        default: nil
        }
    }
}
