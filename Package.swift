// swift-tools-version:6.0
import PackageDescription

// Whole-program view across our own targets in release builds: the engine's inner loops read
// columns, bitmaps and dictionaries that live in CoopQLBase, and without this every such read
// would be a call across a module boundary.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

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
        // The base every layer shares: values, types, tables and columns, source text and diagnostics.
        .target(name: "CoopQLBase", swiftSettings: crossModule),
        // The language: syntax → semantics → engine → runtime → rendering and reports, data
        // loading and the Swift embedding API.
        .target(name: "CoopQL", dependencies: ["CoopQLBase", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: crossModule),
        // Debian's libedit (libedit-dev) for the REPL's line editing; only the shell links it.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The interactive shell: REPL, completion, help, history, the command line's defaults.
        .target(name: "CoopQLShell", dependencies: ["CoopQL", "CoopQLSample", "CLibEdit"], swiftSettings: crossModule),
        // The synthetic cooperative data behind `coopql sample`, the tests and the benchmark.
        .target(name: "CoopQLSample", dependencies: ["CoopQL"], swiftSettings: crossModule),
        // A thin command line: parses arguments and calls the shell, the sample generator and the library.
        .executableTarget(
            name: "coopql",
            dependencies: [
                "CoopQL",
                "CoopQLShell",
                "CoopQLSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: crossModule
        ),
        // `@_cdecl` functions behind include/coopql.h; no Swift type crosses them.
        .target(name: "CoopQLC", dependencies: ["CoopQL"], swiftSettings: crossModule),
        // The Swift embedding example (examples/embed/swift), built so the tests can run it.
        .executableTarget(name: "EmbedExample", dependencies: ["CoopQL"], path: "examples/embed/swift",
                          exclude: ["README.md"]),
        .testTarget(
            name: "CoopQLTests",
            dependencies: ["CoopQLBase", "CoopQL", "CoopQLShell", "CoopQLSample"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
