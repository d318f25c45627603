import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLShell

/// The REPL's loop and dot commands, fed lines without a terminal.
@Suite struct REPLTests {
    /// A REPL on the fixture data whose output and errors are collected.
    final class Harness {
        var out = "", err = ""
        let repl: LineREPL
        /// What was written, with CSV's CRLF line ends made plain.
        var text: String { out.replacingOccurrences(of: "\r\n", with: "\n") }
        init() throws {
            let shell = Shell(session: try Fixtures.session(), write: { _ in }, writeError: { _ in })
            repl = LineREPL(shell: shell)
            shell.write = { [unowned self] in out += $0 }
            shell.writeError = { [unowned self] in err += $0 }
        }
        func type(_ lines: String...) { for l in lines { repl.handle(l) } }
    }

    static func temporary(_ name: String) -> String {
        TemporaryFolders.path("repl-\(name)")
    }

    @Test func multiLineEntriesEndAtACompleteStatementOrABlankLine() throws {
        let h = try Harness()
        h.type("cooperatives |", "count")
        #expect(h.out == "20\n")
        h.type("cooperatives | where", "")
        #expect(h.err.contains("error"))
        // An entry starting with | continues the previous query.
        h.out = ""
        h.type("cooperatives | where province == \"Bạc Liêu\"", "| count")
        #expect(h.out.hasSuffix("4\n"))
    }

    @Test func historyKeepsEachEntryWholeAndAtOnce() throws {
        let h = try Harness()
        let path = Self.temporary("history")
        h.repl.history = HistoryFile(path: path)
        var remembered: [String] = []
        h.repl.remember = { remembered.append($0) }
        h.type("cooperatives |", "  where province == \"Bạc Liêu\" |", "  count")
        #expect(HistoryFile(path: path).load() == ["cooperatives |\n  where province == \"Bạc Liêu\" |\n  count"])
        h.type(".tables")
        #expect(HistoryFile(path: path).load().count == 2)
        #expect(remembered.count == 2)
        // A recalled multi-line entry comes back as one line holding line breaks, and runs.
        h.out = ""
        h.type(remembered[0])
        #expect(h.out == "4\n")
    }

    @Test func helpTopicsHaveExamplesThatRun() throws {
        let h = try Harness()
        h.type(".help")
        #expect(h.out.contains(".explain") && h.out.contains("tutorial"))
        h.out = ""
        h.type(".help where")
        #expect(h.out.contains("lesson 2"))
        h.type(".help wher")
        #expect(h.err.contains("did you mean where?"))
        let session = SampleFixture.session()
        for entry in HelpTopics.stages + HelpTopics.functions + HelpTopics.operators {
            #expect(throws: Never.self, "\(entry.name): \(entry.example)") { _ = try session.evaluate(entry.example) }
        }
    }

    @Test func formatLangTimerAndParams() throws {
        let h = try Harness()
        h.type(".format csv", "cooperatives | count by kind | sort by kind")
        #expect(h.text == "kind,count\ngroup,2\nhtx,17\nunion,1\n")
        h.out = ""
        h.type(".format table", ".lang en", "print 1915")
        #expect(h.out == "1,915\n")
        h.type(".timer on", "print 1")
        #expect(h.err.contains("time: "))
        h.out = ""
        h.type("param province = \"Bắc Ninh\"", "let n = 3", ".params")
        #expect(h.out.contains("$province: text = Bắc Ninh") && h.out.contains("n: int (let)"))
        h.type(".format xml")
        #expect(h.err.contains("usage: .format"))
    }

    @Test func outputGoesToAFileAndBack() throws {
        let h = try Harness()
        let path = Self.temporary("out.txt")
        h.type(".output \(path)", "print \"Bạc Liêu\"", ".output", "print 2")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Bạc Liêu\n")
        #expect(h.out == "2\n")
    }

    @Test func loadAFolderOrAFileAndRunAScript() throws {
        let h = try Harness()
        let folder = Self.temporary("load")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "code,tên\n1,Bạc Liêu\n2,Bắc Ninh\n".write(toFile: folder + "/places.csv", atomically: true, encoding: .utf8)
        h.type(".load \(folder)/places.csv")
        #expect(h.out.contains("places (2 rows)"))
        h.out = ""
        h.type("places | count")
        #expect(h.out == "2\n")
        try "print \"from a script\"\n".write(toFile: folder + "/s.coop", atomically: true, encoding: .utf8)
        h.type(".run \(folder)/s.coop")
        #expect(h.out.hasSuffix("from a script\n"))
        h.type(".load /no/such/place")
        #expect(h.err.contains("no such file"))
    }

    @Test func cancellingStopsALongQuery() throws {
        let h = try Harness()
        let asked = ManagedFlag()
        h.repl.interruptRequested = { asked.value }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { asked.value = true }
        h.type("fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)", "print fib(40)")
        #expect(h.err.contains("cancelled"))
        asked.value = false
        h.out = ""
        h.type("print fib(10)")
        #expect(h.out == "55\n")
    }

    @Test func initFileRunsFirst() throws {
        let h = try Harness()
        let path = Self.temporary("rc")
        try ".format csv\nlet greeting = \"xin chào\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        h.repl.runInitFile(environment: ["COOPQL_INIT": path])
        h.type("print greeting", "cooperatives | count by kind | sort by kind | take 1")
        #expect(h.text == "xin chào\nkind,count\ngroup,2\n")
    }

    /// An error shows the entry with the spot marked, a suggestion and the lesson to read; the
    /// REPL goes on.
    @Test func errorsPointAtTheTutorial() throws {
        let h = try Harness()
        h.type(#"cooperatives | where sector == "agricuture" | count"#)
        #expect(h.err.contains("^^^") && h.err.contains(#"did you mean "agriculture"?"#))
        #expect(h.err.contains("tutorial lesson 2"))
        h.err = ""
        h.type("loans | join cooperatives", "")
        #expect(h.err.contains("tutorial lesson 6"))
        h.type("print 1")
        #expect(h.out == "1\n")
    }

    /// The prompt shows before the data is loaded; the first entry waits for the load.
    @Test func entriesWaitForTheDataLoadingBehindThePrompt() throws {
        var out = ""
        let shell = Shell(session: Session(), write: { out += $0 }, writeError: { out += $0 })
        let repl = LineREPL(shell: shell)
        let session = shell.session
        repl.startInBackground {
            usleep(200_000)
            _ = try? session.loadDirectory(Fixtures.dataDirectory)
        }
        repl.handle("cooperatives | count")
        #expect(out == "20\n")
    }

    @Test func unknownCommandsSuggest() throws {
        let h = try Harness()
        h.type(".tabels")
        #expect(h.err.contains("did you mean .tables?"))
        #expect(h.repl.handle(".quit") == false)
    }
}
