import Foundation
import Testing
@testable import CoopQL

/// Bad input gets a message naming file:line:column, the line shown with the spot marked, a
/// suggestion or what was expected, exit status 1, and never a crash.
@Suite struct BadInputTests {
    /// Writes `bytes` to a script file, runs it, and returns the result and the file's path.
    func run(_ bytes: [UInt8], name: String = "bad.coop") throws -> (CommandResult, String) {
        let dir = TemporaryFolders.url("bad")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let result = try CLI.run(["run", file.path, "--data", Fixtures.dataDirectory])
        try? FileManager.default.removeItem(at: dir)
        return (result, file.path)
    }

    func run(_ text: String) throws -> (CommandResult, String) { try run(Array(text.utf8)) }

    /// The stderr lines: location line, source line, marker line, suggestion lines.
    func lines(_ r: CommandResult) -> [String] { r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func unterminatedString() throws {
        let (r, path) = try run("cooperatives | where province == \"Bắc Ninh | count\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0] == "\(path):1:34: error: unterminated string")
        #expect(l[1] == " 1 | cooperatives | where province == \"Bắc Ninh | count")
        #expect(l[2] == "   |                                  ^^^^^^^^^^^^^^^^^")
        #expect(r.stderr.contains("add a closing \""))
        #expect(r.stdout.isEmpty)
    }

    @Test func strayCharacter() throws {
        // (`&&`, an operator of other languages, has a message of its own: see habit-and-and.)
        let (r, path) = try run("cooperatives | where members > 10 & kind == \"htx\" | count\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0] == "\(path):1:35: error: unexpected character `&`")
        #expect(l[2] == "   |                                   ^")
        #expect(r.stderr.contains("write `and`"))
    }

    @Test func unknownStage() throws {
        let (r, path) = try run("cooperatives | wher x\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0] == "\(path):1:16: error: unknown stage `wher`")
        #expect(l[2] == "   |                ^^^^")
        #expect(r.stderr.contains("did you mean `where`?"))
    }

    @Test func unknownColumnSuggestsTheClosest() throws {
        let (r, path) = try run("# count one province\ncooperatives | where provnce == \"Bắc Ninh\" | count\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0] == "\(path):2:22: error: unknown column `provnce`")
        #expect(l[1] == " 2 | cooperatives | where provnce == \"Bắc Ninh\" | count")
        #expect(l[2] == "   |                      ^^^^^^^")
        #expect(r.stderr.contains("did you mean `province`?"))
    }

    @Test func sumOfText() throws {
        let (r, path) = try run("cooperatives | summarize total = sum(name)\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0] == "\(path):1:38: error: sum() needs a number, but `name` is text")
        #expect(l[2] == "   |                                      ^^^^")
        #expect(r.stderr.contains("count()"))
    }

    @Test func missingClosingBracketAtEndOfFile() throws {
        let (r, path) = try run("cooperatives\n| where sector in [\"agriculture\", \"credit\"\n| count\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0].hasPrefix("\(path):2:19: error: this `[` is never closed"))
        #expect(l[2] == "   |                   ^")
        #expect(r.stderr.contains("add `]`"))
    }

    @Test func divisionByZeroIsAnError() throws {
        let (r, path) = try run("cooperatives | extend per_member = charter_capital / (members - members) | count\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0] == "\(path):1:36: error: division by zero")
        #expect(r.stderr.contains("if d == 0 then null else n / d"))
    }

    @Test func integerOverflow() throws {
        let (r, path) = try run("let big = 9223372036854775807\nbig + 1\n")
        #expect(r.status == 1)
        let l = lines(r)
        #expect(l[0] == "\(path):2:1: error: integer overflow: the result does not fit in 64 bits")
        #expect(l[2] == "   | ^^^^^^^")
    }

    @Test func integerLiteralTooLarge() throws {
        let (r, path) = try run("cooperatives | where charter_capital > 99999999999999999999 | count\n")
        #expect(r.status == 1)
        #expect(lines(r)[0] == "\(path):1:40: error: the integer 99999999999999999999 does not fit in 64 bits")
    }

    @Test func tenThousandNestedParentheses() throws {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "\n"
        let (r, path) = try run(deep)
        #expect(r.status == 1)
        #expect(lines(r)[0] == "\(path):1:101: error: expression nested too deeply (more than 100 levels)")
        #expect(r.stderr.contains("split it with `let`"))
    }

    @Test func binaryFile() throws {
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFE]
        let (r, path) = try run(elf, name: "program.coop")
        #expect(r.status == 1)
        #expect(lines(r)[0] == "\(path):1:8: error: this is not CoopQL source text: it holds a NUL byte")
        #expect(r.stderr.contains("UTF-8 text"))
    }

    @Test func severalErrorsInOneScript() throws {
        let (r, path) = try run("cooperatives | wher x\ncooperatives | count by provnce\nloans | count\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):1:16: error: unknown stage `wher`"))
        #expect(r.stderr.contains("\(path):2:25: error: unknown column `provnce`"))
        #expect(r.stdout.isEmpty, "nothing runs when the script has errors")
    }

    @Test func wrongUsageExitsWithTwo() throws {
        let r = try CLI.run(["--format", "xml", "-c", "1"])
        #expect(r.status == 2)
        let missing = try CLI.run(["run", "/no/such/file.coop"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read /no/such/file.coop"))
    }
}
