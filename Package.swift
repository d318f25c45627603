// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CoopQL",
    products: [
        .library(name: "CoopQL", targets: ["CoopQL"]),
        .executable(name: "coopql", targets: ["coopql"]),
        // The C interface (include/coopql.h) as a shared library, for C, Python and other hosts.
        .library(name: "coopql_c", type: .dynamic, targets: ["CoopQLC"]),
        .executable(name: "coopql-embed-example", targets: ["EmbedExample"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The whole language: syntax → semantics → engine → runtime → rendering.
        .target(name: "CoopQL", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Debian's libedit (libedit-dev) for the REPL's line editing; only the executable links it.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // A thin command line: parses arguments and calls the library.
        .executableTarget(
            name: "coopql",
            dependencies: [
                "CoopQL",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `@_cdecl` functions behind include/coopql.h; no Swift type crosses them.
        .target(name: "CoopQLC", dependencies: ["CoopQL"]),
        // The Swift embedding example (examples/embed/swift), built so the tests can run it.
        .executableTarget(name: "EmbedExample", dependencies: ["CoopQL"], path: "examples/embed/swift",
                          exclude: ["README.md"]),
        .testTarget(
            name: "CoopQLTests",
            dependencies: ["CoopQL"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
