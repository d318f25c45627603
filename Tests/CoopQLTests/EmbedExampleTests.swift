import Foundation
import Testing

/// Builds and runs the embedding examples (Swift, C, Python), the C API check program (under
/// LeakSanitizer), and the C example under valgrind, checking what they print.
@Suite struct EmbedExampleTests {
    /// The build folder holding the products (libcoopql_c.so, coopql-embed-example).
    static var products: URL { Bundle.module.bundleURL.deletingLastPathComponent() }
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var library: String { products.appendingPathComponent("libcoopql_c.so").path }
    static var data: String { repository.appendingPathComponent("examples/data").path }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    /// The Swift toolchain's clang when there is one (its LeakSanitizer matches the Swift runtime),
    /// else the system's C compiler.
    static var compiler: String {
        let toolchain = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .map { "\($0)/clang" } + ["/opt/swift/usr/bin/clang"]
        return toolchain.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "cc"
    }

    /// Compiles a C file against the shared library into a fresh temporary folder.
    static func compileC(_ source: String, flags: [String] = []) throws -> (binary: String, folder: URL) {
        let folder = TemporaryFolders.url("c")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("a.out").path
        let cc = try run("/usr/bin/env", [compiler, "-Wall", "-Wextra", "-Werror"] + flags + ["-o", binary, source,
                                          "-I", repository.appendingPathComponent("include").path,
                                          "-L", products.path, "-lcoopql_c", "-lpthread", "-Wl,-rpath,\(products.path)"])
        #expect(cc.status == 0, "\(cc.stderr)")
        return (binary, folder)
    }

    @Test func swiftExample() throws {
        let out = try Self.run(Self.products.appendingPathComponent("coopql-embed-example").path, [])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == """
            min 10: name,loud → AN PHÚ! BÌNH MINH!
            min 20: name,loud → BÌNH MINH!
            total: [
              {"n": 42}
            ]
            count: 3
            error name at 1:15: unknown column `membrs`; did you mean `members`?

            """)
    }

    static let cExpected = """
        1 rows, 4 columns: name/3 members/1 founded/5 tag/3
        HTX Nông nghiệp Tân Thành | 25 | 2018-03-12 | BK
        json: []
        founded since 2020: 11
        error name at 1:22: unknown column `membrs`; did you mean `members`?
        error runtime at 1:1: host function `initials` failed: boom is not a name
        error limit at 0:0: the query went over its step limit of 5 steps

        """

    @Test func cExample() throws {
        let (binary, folder) = try Self.compileC(Self.repository.appendingPathComponent("examples/embed/c/main.c").path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try Self.run(binary, [Self.data])
        #expect(out.status == 0)
        #expect(out.stdout == Self.cExpected)
    }

    @Test func everyCFunctionEveryLimitEveryBadInput() throws {
        // Built with LeakSanitizer: at exit it reports any block the library leaked (exit status 23).
        let (binary, folder) = try Self.compileC(Self.repository.appendingPathComponent("Tests/embed/capi_check.c").path,
                                                 flags: ["-g", "-fsanitize=leak"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try Self.run(binary, [Self.data, folder.path])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(!out.stderr.contains("LeakSanitizer"), "\(out.stderr)")
        #expect(out.stdout.hasSuffix(", 0 failed\n"), "\(out.stdout)")
    }

    /// Needs valgrind: on a machine without it the test is reported as skipped, not as passed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind"), "needs /usr/bin/valgrind"))
    func cExampleUnderValgrind() throws {
        let script = Self.repository.appendingPathComponent("examples/embed/c/valgrind.sh").path
        let out = try Self.run("/bin/sh", [script, Self.products.path, Self.data])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.hasPrefix(Self.cExpected))
        #expect(out.stdout.contains("definitely lost: 0 bytes in 0 blocks"))
        #expect(out.stdout.contains("ERROR SUMMARY: 0 errors"))
        #expect(!out.stdout.contains("Invalid read") && !out.stdout.contains("Invalid write"))
    }

    /// The README's Embedding snippets are cut from the examples these tests run: each must still
    /// be there, line for line.
    @Test func readmeSnippetsAreInTheExamples() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Embedding"))
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let files = ["swift": "examples/embed/swift/main.swift", "c": "examples/embed/c/main.c",
                     "python": "examples/embed/python/demo.py"]
        var found = 0
        for block in section[..<end].components(separatedBy: "\n```").dropFirst().enumerated() where block.offset % 2 == 0 {
            let lines = block.element.split(separator: "\n", omittingEmptySubsequences: false)
            guard let language = lines.first.map(String.init), let file = files[language] else { continue }
            let snippet = lines.dropFirst().joined(separator: "\n")
            let source = try String(contentsOf: Self.repository.appendingPathComponent(file), encoding: .utf8)
            #expect(source.contains(snippet), "README \(language) snippet is not in \(file)")
            found += 1
        }
        #expect(found == 3)
    }

    @Test func pythonExampleWithFlatMemoryOver10000Queries() throws {
        let demo = Self.repository.appendingPathComponent("examples/embed/python/demo.py").path
        let out = try Self.run("/usr/bin/env", ["python3", demo, Self.data, "--loop", "10000"],
                               environment: ["COOPQL_LIBRARY": Self.library])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(5)) == [
            "Quỹ tín dụng nhân dân Lạc Vệ 1200",
            "HTX Nông nghiệp Hòa Long 60",
            "count: 4",
            "error name at 1:22: unknown column `membrs`; did you mean `members`?",
            "limit: limit the query went over its step limit of 5 steps",
        ])
        // "rss before=…kB after=…kB growth=…kB over 10000 queries": growth under 2 MB.
        let rss = lines.last ?? ""
        let growth = rss.split(separator: " ").first { $0.hasPrefix("growth=") }
            .flatMap { Int($0.dropFirst("growth=".count).dropLast(2)) }
        #expect(growth != nil && growth! < 2048, "\(rss)")
    }
}
