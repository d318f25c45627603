import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLShell

/// What a sqlite3 or DuckDB user expects of the shell: dot commands in scripts and piped input,
/// `.mode`, `--version`, a banner, and groups in a stable order.
@Suite struct ShellPolishTests {
    @Test func dotCommandsInPipedInput() throws {
        let script = ".mode csv\ncooperatives | count by kind\n.format json\ncooperatives | count\n"
        let r = try CLI.run(["--data", Fixtures.dataDirectory], stdin: script)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("kind,count\r\n"))
        #expect(r.stdout.hasSuffix("\r\n20\n"))
    }

    @Test func dotCommandsInAScriptFile() throws {
        let folder = TemporaryFolders.path("script-commands")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A `.` line inside an unfinished string is part of the statement, not a command.
        let text = ".format csv\nprint \"\"\"\n.format json\"\"\"\ncooperatives | count by kind\n.mode nonsense\nprint 1\n"
        try text.write(toFile: folder + "/s.coop", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "s.coop", "--data", Fixtures.dataDirectory], directory: folder)
        // The bad `.mode` stops the script: status 1, and the line after it never runs.
        #expect(r.status == 1)
        #expect(r.stdout.contains("kind,count\r\n"))
        #expect(r.stdout.hasPrefix(".format json\n"))
        #expect(!r.stdout.hasSuffix("1\n"))
        #expect(r.stderr.contains("s.coop:5: the script stops here: .mode nonsense did not succeed"))
    }

    @Test func errorsKeepTheLineNumbersOfTheWholeScript() throws {
        let r = try CLI.run(["--data", Fixtures.dataDirectory], stdin: ".mode csv\n\ncooperatives | wher x\n")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("<stdin>:3:16: error: unknown stage `wher`"))
    }

    @Test func modeIsAnAliasOfFormat() {
        let shell = Shell(write: { _ in }, writeError: { _ in })
        let repl = LineREPL(shell: shell)
        repl.handle(".mode csv")
        #expect(shell.options.format == .csv)
        repl.handle(".mode box")
        #expect(shell.options.format == .table)
        #expect(Completer(session: shell.session).complete(".mo").candidates == [".mode"])
    }

    @Test func versionAndBanner() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == ShellMessages.version + "\n")
        #expect(ShellMessages.banner(.vi).contains(".help") && ShellMessages.banner(.vi).contains(ShellMessages.version))
        #expect(ShellMessages.banner(.en).contains(".help"))
        #expect(ShellMessages.banner(.vi) != ShellMessages.banner(.en))
        #expect(ShellMessages.banner(.vi).filter { $0 == "\n" }.count == 1)
    }

    /// `count by` gives its groups in the order each group's first row comes, with many rows
    /// (counted on all cores) as with few: here z, m, a — not sorted, and the same every run.
    @Test func countByOrderIsFirstAppearance() throws {
        let query = #"1..300000 | extend k = if value % 3 == 1 then "z" else if value % 3 == 2 then "m" else "a" | count by k"#
        for _ in 0..<3 {
            let r = try CLI.run(["--no-data", "--format", "csv", "-c", query])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "k,count\r\nz,100000\r\nm,100000\r\na,100000\r\n")
        }
    }
}
