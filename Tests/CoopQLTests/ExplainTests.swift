import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLShell

/// `.explain` prints the plan that runs; `.explain analyze` runs it and shows each operator's
/// rows and time. The plans of `Fixtures/golden/explain/NAME.coop` are compared with `NAME.out`
/// (`UPDATE_GOLDEN=1` records them).
@Suite struct ExplainTests {
    typealias Harness = REPLTests.Harness

    @Test func plansMatchTheirGoldenOutput() throws {
        let folder = Fixtures.repository.appendingPathComponent("Tests/CoopQLTests/Fixtures/golden/explain")
        let cases = GoldenTests.files(under: folder, ending: ".coop")
        #expect(cases.count >= 6)
        for file in cases {
            let query = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let h = try Harness()
            h.type(".explain " + query)
            #expect(h.err.isEmpty, "\(file.lastPathComponent): \(h.err)")
            try GoldenTests.check(h.out, against: file.deletingPathExtension().appendingPathExtension("out"), file.lastPathComponent)
        }
    }

    @Test func explainShowsThePlanLastOperatorFirst() throws {
        let h = try Harness()
        h.type(".explain cooperatives | where province == \"Bạc Liêu\" | count by sector")
        let lines = h.out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("operator") && lines[0].hasSuffix("columns"))
        #expect(lines[1].hasPrefix("count by sector") && lines[1].hasSuffix(" 2"))
        #expect(lines[2].hasPrefix("└─ where province == \"Bạc Liêu\""))
        #expect(lines[3].hasPrefix("   └─ cooperatives"))
        h.type(".explain cooperatives | wher x")
        #expect(h.err.contains("error"))
        h.err = ""
        h.type(".explain analyze")
        #expect(h.err.contains("usage: .explain [analyze] QUERY"))
    }

    @Test func explainAnalyzeShowsEachOperatorsRowsAndTime() throws {
        let h = try Harness()
        h.type(".explain analyze cooperatives | where province == \"Bạc Liêu\" | count by sector")
        let lines = h.out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasSuffix("rows       time"))
        #expect(lines[1].hasPrefix("count by sector") && lines[1].hasSuffix("ms"))
        #expect(lines[2].contains("where province") && lines[2].contains(" 4 ") && lines[2].hasSuffix("ms"))
        #expect(lines[3].hasPrefix("   └─ cooperatives") && lines[3].contains(" 20 ") && lines[3].hasSuffix("ms"))
    }

    /// Stages the engine runs as one operator share a line, which names the rule that joined
    /// them, with the rows of their result.
    @Test func stagesRunAsOneShareALine() throws {
        let h = try Harness()
        h.type(".explain analyze cooperatives | where members > 0 | top 3 by members | select name")
        let lines = h.out.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("select name") && lines[1].contains(" 3 "))
        #expect(lines[2].hasPrefix("└─ where members > 0") && !lines[2].contains("ms"))
        #expect(lines[3].hasPrefix("   top 3 by members") && lines[3].contains(" 3 ")
                && lines[3].hasSuffix("ms  ← one operator: fuse where with top, sort or take"))
        #expect(lines[4].hasPrefix("   └─ cooperatives"))
    }

    /// `.explain` goes the way every query goes: problems in source order, the limits started
    /// afresh (not what an earlier query used), and a cancel left from before forgotten.
    @Test func explainTakesTheDriversPath() throws {
        let session = try Fixtures.session()
        do {
            _ = try session.explain("loans | select zilch\ncooperatives | where nope > 1")
            Issue.record("unknown columns were accepted")
        } catch {
            let starts = error.diagnostics.compactMap { $0.span?.start }
            #expect(starts.count == 2 && starts == starts.sorted())
        }
        session.limits.maxRows = 30
        _ = try session.evaluate("cooperatives | take 20")
        session.cancel()
        let plan = try session.explain("cooperatives | take 20", analyze: true)
        #expect(plan.map(\.rows) == [20, 20])
        #expect(plan.allSatisfy { $0.seconds != nil })
    }
}
