// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parallax",
    products: [
        .library(name: "ParallaxKit", targets: ["ParallaxKit"]),
        .executable(name: "parallax", targets: ["parallax"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
    ],
    targets: [
        // Our own small C API over the system's ICU. Only its .c files include <unicode/*.h>;
        // see DESIGN.md ("Why ICU sits behind a C target").
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // The C library allocator's policy for large blocks (AllocatorPolicy.swift).
        .target(name: "CAllocator"),
        // Snowball stemmers from the system (Debian's libstemmer-dev).
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "ParallaxKit",
            dependencies: [
                "CICU", "CStemmer", "CAllocator",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The full-screen terminal interface of `parallax review` (raw mode, keys, screens, the
        // session's state machine and its log), above the engine: ParallaxKit has no terminal UI.
        .target(
            name: "ParallaxReview",
            dependencies: [
                "ParallaxKit",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxKit", "ParallaxReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Benchmarks (release builds only): `Benchmarks/run` prints the figures.
        .executableTarget(
            name: "ParallaxBenchmarks",
            dependencies: ["ParallaxKit"],
            path: "Benchmarks/ParallaxBenchmarks"
        ),
        .target(
            name: "ParallaxTestSupport",
            dependencies: ["ParallaxKit", "ParallaxReview"],
            path: "Tests/ParallaxTestSupport"
        ),
        .testTarget(
            name: "ParallaxKitTests",
            dependencies: ["ParallaxKit", "ParallaxTestSupport"],
            exclude: ["Report/Snapshots"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "ParallaxReviewTests",
            dependencies: ["ParallaxKit", "ParallaxReview", "ParallaxTestSupport"]
        ),
        .testTarget(
            name: "ParallaxCLITests",
            dependencies: ["ParallaxKit", "ParallaxReview", "ParallaxTestSupport", .product(name: "SystemPackage", package: "swift-system")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
