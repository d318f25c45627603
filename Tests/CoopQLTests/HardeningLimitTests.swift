import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLShell

/// The command line runs under limits, shown in --help and set by --max-*; a join or pivot past
/// the memory limit stops before it allocates.
@Suite struct HardeningLimitTests {
    @Test func endlessLoopOnTheCommandLineStopsAtMaxTime() throws {
        let started = Date()
        let r = try CLI.run(["--no-data", "--max-time", "1", "-c", "for i in 1..9223372036854775807 { }"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("time limit of 1"))
        #expect(r.stderr.contains("--max-time"))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func selfJoinPastTheMemoryLimitIsAnErrorBeforeItAllocates() throws {
        let r = try CLI.run(["--data", Fixtures.dataDirectory, "--max-memory", "1KB", "-c",
                             "members | join members as m on members.gender == m.gender | select members.id, m.id"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the join would give"))
        #expect(r.stderr.contains("over the memory limit of 1 KB"))
        #expect(r.stderr.contains("<command>:1:11:"))
        // The same join fits the default limit.
        let ok = try CLI.run(["--data", Fixtures.dataDirectory, "-c",
                              "members | join members as m on members.gender == m.gender | count"])
        #expect(ok.status == 0)
    }

    @Test func selfJoinOfGeneratedMembersIsRefusedNotKilled() throws {
        // Half a million rows on a key of two values: 10¹¹ joined rows, far past any memory.
        let s = Session()
        let n = 500_000
        s.addTable("people", Table(names: ["id", "gender"], columns: [
            Column(.int((0..<n).map(Int64.init))),
            Column.from((0..<n).map { .text($0 % 2 == 0 ? "male" : "female") }, type: .text),
        ]))
        s.limits = Limits.commandLine(interactive: false)
        var refusal: Diagnostic?
        do { _ = try s.evaluate("people | join people as p on people.gender == p.gender | count") }
        catch { refusal = error.diagnostics.first }
        #expect(refusal?.kind == .limit)
        #expect(refusal?.message.contains("the join would give 125000000000 rows") == true)
    }

    @Test func pivotPastTheMemoryLimitIsAnErrorBeforeItAllocates() throws {
        let r = try CLI.run(["--data", Fixtures.dataDirectory, "--max-memory", "1KB", "-c", "members | pivot count() by id, full_name"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the pivot would give"))
    }

    @Test func maxRowsAndMaxStepsStopARun() throws {
        let rows = try CLI.run(["--data", Fixtures.dataDirectory, "--max-rows", "5", "-c", "members | where id > 0 | count"])
        #expect(rows.status == 1 && rows.stderr.contains("limit of 5 rows"))
        let steps = try CLI.run(["--no-data", "--max-steps", "100", "-c", "fn f(n) = if n == 0 then 0 else f(n - 1)\nf(1000)"])
        #expect(steps.status == 1 && steps.stderr.contains("step limit of 100"))
    }

    @Test func limitsAndTheirDefaultsAreInHelp() throws {
        let help = try CLI.run(["run", "--help"])
        for option in ["--max-time", "--max-memory", "--max-steps", "--max-rows"] { #expect(help.stdout.contains(option)) }
        #expect(help.stdout.contains("1 hour"))
        #expect(help.stdout.contains("half the physical"))
    }

    @Test func badLimitValuesAreUsageErrors() throws {
        let r = try CLI.run(["--no-data", "--max-memory", "lots", "-c", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("512MB or 4GB"))
    }

    @Test func commandLineDefaults() {
        let batch = Limits.commandLine(interactive: false), shell = Limits.commandLine(interactive: true)
        #expect(batch.timeout == 3600 && shell.timeout == nil)
        #expect(batch.maxSteps == nil && shell.maxSteps == nil)
        #expect(batch.maxBytes == Int(ProcessInfo.processInfo.physicalMemory / 2))
        #expect(shell.maxBytes == batch.maxBytes)
    }

    @Test func sizesAsPeopleWriteThem() {
        #expect(ByteSize.parse("512MB") == 512 << 20)
        #expect(ByteSize.parse("4GB") == 4 << 30)
        #expect(ByteSize.parse("4gb") == 4 << 30)
        #expect(ByteSize.parse("1.5GB") == 3 << 29)
        #expect(ByteSize.parse("2048") == 2048)
        #expect(ByteSize.parse("-1GB") == nil && ByteSize.parse("GB") == nil && ByteSize.parse("x") == nil)
    }

    @Test func dotLimitsShowsAndSetsTheLimits() throws {
        var out = ""
        let shell = Shell(options: RenderOptions(), write: { out += $0 }, writeError: { out += $0 })
        let repl = LineREPL(shell: shell)
        shell.session.limits = Limits.commandLine(interactive: true)
        _ = repl.command(".limits")
        #expect(out.contains("time:   none"))
        _ = repl.command(".limits max-time 30")
        _ = repl.command(".limits max-memory 2GB")
        #expect(shell.session.limits.timeout == 30 && shell.session.limits.maxBytes == 2 << 30)
        out = ""
        _ = repl.command(".limits max-memory lots")
        #expect(out.contains("512MB or 4GB"))
    }

    @Test func queryStartingWithADashIsTakenByMinusC() throws {
        let r = try CLI.run(["--no-data", "-c", "-7 % 3"])
        #expect(r.status == 0)
        #expect(r.stdout == "-1\n")
    }
}
