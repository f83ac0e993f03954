import FuzzSupport
import ParallaxKit

/// A configuration file: parsed (YAML, then Parallax's keys) and turned into options (the
/// glossary folded through ICU), or refused with a configuration error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    guard let config = try? Config.parse(yaml: text, path: "parallax.yml") else { return 0 }
    _ = try? config.options()
    return 0
}
