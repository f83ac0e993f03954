import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxKit

@Suite("Pair identity and languages")
struct PairIdentityTests {
    @Test("Relative paths climb out with .. and meet at the common folder")
    func relative() {
        #expect(FilePaths.relative("/r/texts/a.txt", to: "/r/gate") == "../texts/a.txt")
        #expect(FilePaths.relative("/r/gate/a.txt", to: "/r/gate") == "a.txt")
        #expect(FilePaths.relative("/r/gate", to: "/r/gate") == ".")
        #expect(FilePaths.relative("/x/a.txt", to: "/r/gate") == "../../x/a.txt")
        #expect(FilePaths.ciPath("-", root: "/r") == "-")
    }

    @Test("Every spelling of a pair's paths gives one key; an old key is claimed and rewritten, its duplicates dropped")
    func spellings() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = FilePaths.real(folder.path)
        try FileManager.default.createDirectory(atPath: root + "/texts", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/gate", withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt"] { try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/texts/" + name)) }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/texts")
        var config = try Config.parse(yaml: "baseline: baseline.json\n", path: root + "/gate/parallax.yml")
        let baseline = root + "/gate/baseline.json"
        let keys = Set(
            [
                (root + "/texts/a.txt", root + "/texts/b.txt"),
                (root + "/gate/../texts/a.txt", root + "/link/b.txt"),
                (root + "/link/../texts/a.txt", root + "/texts/./b.txt"),
            ].map { config.pairIdentity(a: $0.0, b: $0.1, baseline: baseline).key })
        #expect(keys == ["../texts/a.txt ↔ ../texts/b.txt"])
        // A missing file resolves through its folder.
        #expect(FilePaths.real(root + "/link/new.txt") == root + "/texts/new.txt")

        let identity = config.pairIdentity(a: root + "/link/a.txt", b: root + "/texts/b.txt", baseline: baseline)
        let finding = Finding(id: "0123456789abcdef", category: .drift, severity: .info, message: "m", a: nil, b: nil)
        let old = Baseline(accepted: [
            Baseline.Entry(finding, pair: root + "/texts/a.txt ↔ " + root + "/link/b.txt"),
            Baseline.Entry(finding, pair: identity.key),
            Baseline.Entry(finding, pair: "other ↔ pair"),
        ])
        let claimed = old.claiming(identity)
        #expect(claimed.accepted.map(\.pair).sorted() == [identity.key, "other ↔ pair"].sorted())
        #expect(claimed.ids(for: identity.key) == [finding.id])

        // A configured pair goes by its name, whatever the spelling.
        config = try Config.parse(
            yaml: "pairs:\n  - name: p\n    a: ../texts/a.txt\n    b: ../link/b.txt\n", path: root + "/gate/parallax.yml")
        #expect(config.pairIdentity(a: root + "/link/a.txt", b: root + "/texts/b.txt", baseline: nil).key == "p")
    }

    @Test("Supported languages: codes with an optional region; anything else is refused with the list")
    func languages() throws {
        #expect(Languages.supported.contains("en"))
        #expect(Languages.supported == Languages.supported.sorted())
        for good in ["en", "en-GB", "pt_BR", "ru"] { #expect(Languages.isSupported(good), "\(good)") }
        for bad in ["xx", "english", "en-", "", "EN"] { #expect(!Languages.isSupported(bad), "\(bad)") }
        #expect(throws: ConfigError.self) { try Config.parse(yaml: "language: klingon\n", path: "p.yml") }
        do {
            _ = try Config.parse(yaml: "language: klingon\n", path: "p.yml")
        } catch {
            #expect(error.description.hasPrefix("p.yml:1: language: unsupported language 'klingon' (supported: ar, ca,"), "\(error)")
        }
    }
}
