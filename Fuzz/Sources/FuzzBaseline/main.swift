import Foundation
import FuzzSupport
import ParallaxKit

/// A baseline file: decoded, or refused; what decodes encodes again and reads back the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBaseline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Data(Fuzz.bytes(data, size))
    guard let baseline = try? JSONDecoder().decode(Baseline.self, from: bytes) else { return 0 }
    do {
        let again = try JSONDecoder().decode(Baseline.self, from: Data(try baseline.encoded().utf8))
        Fuzz.require(again == baseline, "a baseline does not read back as written")
        // Every entry moved to one pair: that pair then holds every fingerprint.
        let moved = baseline.accepted.map { Baseline.Entry(id: $0.id, pair: "p", category: $0.category, a: $0.a, b: $0.b) }
        Fuzz.require(baseline.replacing(pair: "p", with: moved).ids(for: "p") == Set(moved.map(\.id)), "replacing a pair's entries")
    } catch {
        Fuzz.fail("a decoded baseline does not encode: \(error)")
    }
    return 0
}
