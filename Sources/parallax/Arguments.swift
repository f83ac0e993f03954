import Foundation
import ParallaxKit
import SystemPackage

/// The command line as the process received it: bytes, which need not be UTF-8.
///
/// Swift decodes `CommandLine.arguments` as UTF-8 and replaces each byte that is not UTF-8 with
/// U+FFFD, so two Latin-1 file names that differ in one byte (`caf\xE9.txt`, `caf\xE8.txt`)
/// would arrive as the same text. Before parsing, each such byte is carried instead as a scalar
/// of its own at the end of plane 16's private use area (U+10FF80 + byte − 0x80), which the
/// parser passes through unchanged; ``location(_:)`` turns a path argument back into the exact
/// bytes of the file name.
enum RawArguments {
    /// The first scalar of the range that stands for the bytes 0x80–0xFF.
    private static let base: UInt32 = 0x10FF00

    /// The arguments after the program name, each byte that is not UTF-8 carried as a scalar
    /// ``location(_:)`` reads back.
    static func load() -> [String] {
        (1..<Int(CommandLine.argc)).map { i in
            guard let raw = CommandLine.unsafeArgv[i] else { return "" }
            return carried(UnsafeBufferPointer(start: raw, count: strlen(raw)).map { UInt8(bitPattern: $0) })
        }
    }

    /// `bytes` as text: UTF-8 where it is, each other byte as U+10FF00 + byte.
    static func carried(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            // One scalar from byte i; on an error, byte i alone is carried and decoding
            // starts again after it.
            var iterator = bytes[i...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                scalars.append(scalar)
                i += UTF8.width(scalar)
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(bytes[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `argument` stands for: its UTF-8, with each carried scalar as its byte.
    static func bytes(_ argument: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in argument.unicodeScalars {
            if scalar.value >= base + 0x80 && scalar.value <= base + 0xFF {
                out.append(UInt8(scalar.value - base))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// Where a path argument reads from: `-` is standard input; a file is named by the bytes
    /// the user gave, and shown with U+FFFD for a byte that is not UTF-8.
    static func location(_ argument: String) -> InputLocation {
        guard argument != "-" else { return .standardInput }
        let bytes = bytes(argument)
        guard !bytes.contains(0) else { return InputLocation(path: argument) }
        return InputLocation(file: FilePath(platformString: bytes.map { CChar(bitPattern: $0) } + [0]))
    }

    /// The argument as a person reads it: each carried byte as U+FFFD.
    static func display(_ argument: String) -> String {
        String(decoding: bytes(argument), as: UTF8.self)
    }
}
