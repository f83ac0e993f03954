import FuzzSupport
import ParallaxKit

/// Reading: bytes of any encoding decoded to UTF-8, or refused with an input error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRead(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    guard let source = try? SourceText(bytes: bytes, path: "input.txt") else { return 0 }
    Fuzz.require(String(validating: source.utf8, as: UTF8.self) != nil, "decoded text (\(source.encoding)) is not valid UTF-8")
    Fuzz.require(!source.encoding.isEmpty, "no encoding named")
    return 0
}
