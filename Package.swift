// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CoopQL",
    products: [
        .library(name: "CoopQL", targets: ["CoopQL"]),
        .executable(name: "coopql", targets: ["coopql"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The whole language: syntax → semantics → engine → runtime → rendering.
        .target(name: "CoopQL"),
        // A thin command line: parses arguments and calls the library.
        .executableTarget(
            name: "coopql",
            dependencies: [
                "CoopQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CoopQLTests",
            dependencies: ["CoopQL"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
