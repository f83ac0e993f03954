import FuzzSupport
import ParallaxKit

/// Cleaning, segmenting and normalizing one account, in a language the last byte picks, and its
/// `segment --format json` record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    let languages = ["en", "de", "fr", "ru", "tr", "zh", "ja", "ar"]
    let language = languages[Int(bytes.last ?? 0) % languages.count]
    let options = AnalysisOptions(language: language, chrome: ChromeRules(headingsAreBoilerplate: (bytes.first ?? 0) & 1 == 1))
    guard let document = Fuzz.document(bytes, id: "A", options: options) else { return 0 }
    do {
        _ = try JSONOutput.encode(DocumentRecord(document))
    } catch {
        Fuzz.fail("the document record does not encode: \(error)")
    }
    return 0
}
