import FuzzSupport
import ParallaxKit

/// Comparing two accounts: the input split at its first unit separator (0x1F), else in the middle.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCompare(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = Fuzz.comparison(Fuzz.bytes(data, size))
    return 0
}
