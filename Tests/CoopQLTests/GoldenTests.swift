import Foundation
import Testing
@testable import CoopQL

/// Runs every example script, and every error case under Fixtures/golden, through the real
/// `coopql` and compares what it prints with the expected output committed beside it.
/// `UPDATE_GOLDEN=1 Scripts/test` writes the current output as the new expectation.
@Suite struct GoldenTests {
    static let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    static func files(under folder: URL, ending suffix: String) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.path.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }

    /// Compares `actual` with the file at `expected`, or records it when updating.
    static func check(_ actual: String, against expected: URL, _ what: String) throws {
        if update {
            try actual.write(to: expected, atomically: true, encoding: .utf8)
            return
        }
        guard let wanted = try? String(contentsOf: expected, encoding: .utf8) else {
            Issue.record("\(what): no expected output at \(expected.lastPathComponent); run UPDATE_GOLDEN=1 Scripts/test")
            return
        }
        if actual != wanted {
            Issue.record("\(what) differs from \(expected.lastPathComponent):\n--- expected\n\(wanted)\n--- actual\n\(actual)")
        }
    }

    @Test func exampleScripts() throws {
        let examples = Fixtures.repository.appendingPathComponent("examples")
        let scripts = Self.files(under: examples.appendingPathComponent("scripts"), ending: ".coop")
        #expect(scripts.count >= 3)
        for script in scripts {
            let relative = "scripts/" + script.lastPathComponent
            let result = try CLI.run(["run", relative, "--data", "data"], directory: examples.path)
            #expect(result.status == 0, "\(relative): \(result.stderr)")
            try Self.check(result.stdout, against: script.deletingPathExtension().appendingPathExtension("out"), relative)
        }
    }

    /// `examples/questions.coop`: twenty questions over the bundled sample data, answered.
    @Test func analystQuestions() throws {
        let examples = Fixtures.repository.appendingPathComponent("examples")
        let result = try CLI.run(["run", "questions.coop", "--data", SampleFixture.directory], directory: examples.path)
        #expect(result.status == 0, "questions.coop: \(result.stderr)")
        #expect(result.stdout.components(separatedBy: " dòng\n").count - 1 == 20, "twenty answers, each a table")
        try Self.check(result.stdout, against: examples.appendingPathComponent("questions.out"), "questions.coop")
    }

    /// Each `Fixtures/golden/errors/NAME.coop` must fail with exactly the message in `NAME.err`,
    /// with status 1, or 2 for the `usage-` cases (a problem with how coopql was called).
    @Test func errorMessages() throws {
        let folder = Fixtures.root.appendingPathComponent("golden/errors")
        let sourceFolder = Fixtures.repository.appendingPathComponent("Tests/CoopQLTests/Fixtures/golden/errors")
        let cases = Self.files(under: folder, ending: ".coop")
        #expect(cases.count >= 10)
        for file in cases {
            let result = try CLI.run(["run", file.lastPathComponent, "--data", Fixtures.dataDirectory], directory: folder.path)
            let status: Int32 = file.lastPathComponent.hasPrefix("usage-") ? 2 : 1
            #expect(result.status == status, "\(file.lastPathComponent) should fail with status \(status), got \(result.status)")
            #expect(result.stdout.isEmpty || file.lastPathComponent.hasPrefix("runtime"), "\(file.lastPathComponent) printed results")
            let expected = sourceFolder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".err")
            try Self.check(result.stderr, against: expected, file.lastPathComponent)
        }
    }

    /// Each habit from SQL and KQL (`golden/errors/habit-*.coop`) is one error, never a cascade,
    /// and its suggestion shows the CoopQL way.
    @Test func eachHabitIsOneError() throws {
        let folder = Fixtures.root.appendingPathComponent("golden/errors")
        let habits = Self.files(under: folder, ending: ".coop").filter { $0.lastPathComponent.hasPrefix("habit-") }
        #expect(habits.count >= 19)
        for file in habits {
            let result = try CLI.run(["run", file.lastPathComponent, "--data", Fixtures.dataDirectory], directory: folder.path)
            #expect(result.status == 1, "\(file.lastPathComponent)")
            #expect(result.stderr.components(separatedBy: ": error: ").count == 2, "\(file.lastPathComponent): \(result.stderr)")
            #expect(result.stderr.contains("  = write "), "\(file.lastPathComponent) shows no CoopQL way: \(result.stderr)")
        }
    }
}
