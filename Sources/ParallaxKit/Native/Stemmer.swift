internal import CStemmer

/// A Snowball stemmer (Debian's libstemmer), for the aligner's morphology: "politicizing" and
/// "politicization" both become "polit". A stemmer object is not thread-safe: make one per task.
final class Stemmer {
    private let handle: OpaquePointer?
    /// Stems already asked for: the classifier asks for the same words again and again.
    private var memo: [String: String] = [:]
    /// Whether ``stem(_:)`` keeps what it found in `memo`.
    private let remembers: Bool

    /// A stemmer for a language (ISO 639-1 code or Snowball name, e.g. "en", "english"); one that
    /// returns words unchanged when Snowball has no stemmer for it. A caller that asks for each
    /// word once (it keeps the stem of each key it has) passes `remembers: false`: the table of
    /// stems would only cost memory, as much as the caller's own.
    init(language: String, remembers: Bool = true) {
        let code = String(language.prefix { $0.isLetter }).lowercased()
        self.handle = sb_stemmer_new(code, "UTF_8")
        self.remembers = remembers
    }

    deinit {
        if let handle { sb_stemmer_delete(handle) }
    }

    /// The stem of a lowercase word (`sb_stemmer_stem`).
    func stem(_ word: String) -> String {
        guard remembers else { return computeStem(word) }
        if let known = memo[word] { return known }
        let stemmed = computeStem(word)
        memo[word] = stemmed
        return stemmed
    }

    private func computeStem(_ word: String) -> String {
        guard let handle, !word.isEmpty else { return word }
        var bytes = Array(word.utf8)
        guard bytes.count < 256 else { return word }
        let result = bytes.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let stemmed = sb_stemmer_stem(handle, buffer.baseAddress, Int32(buffer.count)) else { return nil }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        }
        return result ?? word
    }
}
