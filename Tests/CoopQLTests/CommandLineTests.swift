import Foundation
import Testing
@testable import CoopQL

/// The command line as a user meets it: standard input, files, formats, `-o`, exit statuses.
@Suite struct CommandLineTests {
    func temporaryFolder() throws -> URL {
        let dir = TemporaryFolders.url("cli")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func emptyScriptPrintsNothingAndSucceeds() throws {
        let r = try CLI.run(["--data", Fixtures.dataDirectory], stdin: "")
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty)
        let comments = try CLI.run(["--data", Fixtures.dataDirectory], stdin: "# only a comment\n\n")
        #expect(comments.status == 0 && comments.stdout.isEmpty)
    }

    @Test func letFnAndParamPrintNothing() throws {
        let r = try CLI.run([], stdin: "let x = 1\nfn f(a) = a\nparam p = 2\n")
        #expect(r.status == 0 && r.stdout.isEmpty)
    }

    @Test func scriptOnStandardInput() throws {
        let r = try CLI.run(["--data", Fixtures.dataDirectory], stdin: "cooperatives | count\nloans | count\n")
        #expect(r.status == 0)
        #expect(r.stdout == "20\n12\n")
    }

    @Test func formats() throws {
        let q = #"cooperatives | where province == "Bắc Kạn" | sort by id | take 2 | select id, name, members"#
        let csv = try CLI.query(q, format: "csv")
        #expect(csv.stdout == "id,name,members\r\n1,HTX Nông nghiệp Tân Thành,25\r\n2,HTX Thương mại và Dịch vụ Nông nghiệp Dương Phong,12\r\n")
        let md = try CLI.query(q, format: "markdown")
        #expect(md.stdout.hasPrefix("| id | name | members |\n|---:|---|---:|\n| 1 | HTX Nông nghiệp Tân Thành | 25 |"))
        let json = try CLI.query(q, format: "json")
        let rows = try #require(json.json as? [[String: Any]])
        #expect(rows.count == 2 && rows[0]["members"] as? Int == 25)
        // Keys come in column order.
        #expect(json.stdout.contains(#"{"id": 1, "name": "HTX Nông nghiệp Tân Thành", "members": 25}"#))
        let table = try CLI.query(q, format: "table")
        #expect(table.stdout.contains("│  1 │ HTX Nông nghiệp Tân Thành                         │      25 │"))
    }

    @Test func jsonScalarsAndNulls() throws {
        #expect(try CLI.query(#"date("23/12/2022")"#).stdout == "\"2022-12-23\"\n")
        #expect(try CLI.query("null").stdout == "null\n")
        #expect(try CLI.query("7 / 2").stdout == "3.5\n")
        #expect(try CLI.query(#""Bắc Ninh""#).stdout == "\"Bắc Ninh\"\n")
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("result.csv").path
        let ok = try CLI.run(["-c", "cooperatives | count by kind", "--data", Fixtures.dataDirectory, "--format", "csv", "-o", out])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        let first = try String(contentsOfFile: out, encoding: .utf8)
        #expect(first.hasPrefix("kind,count\r\n"))
        // A failing run must leave the earlier file as it was.
        let bad = try CLI.run(["-c", "cooperatives | count by nothing", "--data", Fixtures.dataDirectory, "-o", out])
        #expect(bad.status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == first)
        // A later successful run replaces it.
        let again = try CLI.run(["-c", "cooperatives | count by province", "--data", Fixtures.dataDirectory, "--format", "csv", "-o", out])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("province,count\r\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["result.csv"])
    }

    /// Without `--format`, `-o FILE`'s extension chooses the format, when it names one the
    /// command can write; `--format` always wins.
    @Test func outputFileExtensionChoosesTheFormat() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let q = "cooperatives | count by kind"
        func written(_ name: String, _ extra: [String] = []) throws -> String {
            let out = dir.appendingPathComponent(name).path
            let r = try CLI.run(["-c", q, "--data", Fixtures.dataDirectory, "-o", out] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try String(contentsOfFile: out, encoding: .utf8)
        }
        #expect(try written("kinds.csv").hasPrefix("kind,count\r\n"))
        #expect(try written("kinds.JSON").hasPrefix("[\n  {\"kind\": "))
        #expect(try written("kinds.md").hasPrefix("| kind | count |"))
        #expect(try written("kinds.txt").hasPrefix("┌"))
        // A query cannot be a page: an .html file gets the default table.
        #expect(try written("kinds.html").hasPrefix("┌"))
        #expect(try written("override.csv", ["--format", "json"]).hasPrefix("[\n  {\"kind\": "))
    }

    @Test func aReportOnlyFormatIsWrongUsageForAQuery() throws {
        let r = try CLI.query("cooperatives | count", format: "html")
        #expect(r.status == 2)
        #expect(r.stderr.contains("The value 'html' is invalid for '--format <format>'"))
        // The formats a query can be written in are listed, and only those.
        #expect(r.stderr.contains("- markdown") && !r.stderr.contains("- html"))
        #expect(try CLI.query("cooperatives | count", format: "yaml").status == 2)
    }

    @Test func runtimeErrorKeepsEarlierOutputAndFails() throws {
        let r = try CLI.run(["--data", Fixtures.dataDirectory], stdin: "cooperatives | count\n1 / 0\nloans | count\n")
        #expect(r.status == 1)
        #expect(r.stdout == "20\n")
        #expect(r.stderr.hasPrefix("<stdin>:2:1: error: division by zero"))
    }

    @Test func executableScriptWithShebang() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("hello.coop")
        try "#!/usr/bin/env coopql\nprint \"xin chào\", 1915\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let process = Process()
        process.executableURL = script
        let binDir = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        process.environment = ["PATH": binDir + ":/usr/bin:/bin", "NO_COLOR": "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(out == "xin chào 1.915\n")
    }

    @Test func usageErrors() throws {
        let badParam = try CLI.run(["-c", "1", "--param", "novalue"])
        #expect(badParam.status == 2)
        #expect(badParam.stderr.contains("--param needs name=value"))
        let undeclared = try CLI.run(["-c", "1", "--param", "year=2022"])
        #expect(undeclared.status == 2)
        #expect(undeclared.stderr.contains("the script declares no parameter `year`"))
        let missingData = try CLI.run(["-c", "1", "--data", "/no/such/folder"])
        #expect(missingData.status == 1)
        #expect(missingData.stderr.contains("/no/such/folder"))
    }

    @Test func parameterOfTheWrongType() throws {
        let r = try CLI.run(["--param", "year=twenty"], stdin: "param year = 2022\n$year\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("`twenty` is not a whole number"))
    }
}
