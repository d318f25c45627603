// swift-tools-version:6.0
import Foundation
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
        // Debian's SQLite (libsqlite3-dev): the differential tests compare query answers with it.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
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
            dependencies: ["CoopQLBase", "CoopQL", "CoopQLShell", "CoopQLSample", "CSQLite"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// Coverage-guided fuzz targets (libFuzzer), one executable each: declared only when Scripts/fuzz
// builds them (COOPQL_FUZZ=1, with -sanitize=fuzzer,address), so a normal build neither compiles
// nor links them.
if ProcessInfo.processInfo.environment["COOPQL_FUZZ"] != nil {
    // libFuzzer's driver, declared for Swift; the fuzzer runtime defines it.
    package.targets.append(.systemLibrary(name: "CLibFuzzer"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CoopQLBase", "CoopQL", "CLibFuzzer"]))
    for name in ["FuzzParse", "FuzzCheck", "FuzzQuery", "FuzzTemplate", "FuzzCSV", "FuzzJSON", "FuzzJSONLines"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport", "CoopQLBase", "CoopQL"]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
