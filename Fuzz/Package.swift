// swift-tools-version: 6.1
// libFuzzer targets over ParallaxKit, kept out of the main package's build and tests.
// `Scripts/fuzz [seconds]` builds and runs them (see the README, "Fuzzing").
import Foundation
import PackageDescription

// The main package, one folder up; a path dependency's identity is its folder's name, which
// depends on where the repository was cloned.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let kit: Target.Dependency = .product(name: "ParallaxKit", package: root.lastPathComponent)

let targets = ["FuzzRead", "FuzzDocument", "FuzzCompare", "FuzzConfig", "FuzzBaseline", "FuzzRender"]

let package = Package(
    name: "ParallaxFuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        // Each fuzz target's `main`: SwiftPM links an executable with `--defsym main=<Module>_main`,
        // which a `-parse-as-library` module never defines; this C target defines them all and
        // hands over to libFuzzer's driver.
        .target(name: "FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: [kit]),
    ] + targets.map { .executableTarget(name: $0, dependencies: ["FuzzDriver", "FuzzSupport", kit]) },
    swiftLanguageModes: [.v6]
)
