import Foundation
import Testing
@testable import CoopQL

/// Queries that crashed the process or printed ∞ / NaN: each is now an error at its place (or,
/// for `top`, the order `sort` gives), never a crash.
@Suite struct HardeningQueryTests {
    func failure(_ text: String) throws -> Diagnostic {
        do {
            _ = try Fixtures.query(text)
        } catch let list as DiagnosticList {
            return try #require(list.diagnostics.first)
        }
        Issue.record("expected an error from \(text)")
        throw CancellationError()
    }

    /// The marked text of a diagnostic: what its span covers in the query.
    func marked(_ d: Diagnostic, in text: String) throws -> String {
        let span = try #require(d.span)
        let bytes = Array(text.utf8)
        return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    @Test func stageAfterPivotIsAnErrorNotACrash() throws {
        let q = "loans | pivot count() by fund, status | extend z = 1"
        let d = try failure(q)
        #expect(d.message.contains("cannot follow `pivot`"))
        #expect(try marked(d, in: q) == "extend")
    }

    @Test func pivotOfAListByItsOwnValueThenExtendIsAnErrorNotACrash() throws {
        let q = "[1, 2] | pivot count() by value, value | extend z = 1"
        #expect(try failure(q).message.contains("cannot follow `pivot`"))
    }

    @Test func whereAfterPivotExplainsThatPivotColumnsComeFromTheData() throws {
        let q = "cooperatives | pivot count() by province, status | where active > 1"
        let d = try failure(q)
        #expect(d.message.contains("known only when it runs"))
        #expect(try marked(d, in: q) == "where")
    }

    @Test func sortTopAndTakeMayFollowPivot() throws {
        let value = try Fixtures.query("cooperatives | pivot count() by province, status | sort by province desc | take 2")
        let names = try #require(Fixtures.names(value))
        #expect(names.first == "province" && names.contains("active"))
        #expect(Fixtures.rows(value)?.count == 2)
    }

    @Test func aLetOfAPivotKnowsItsColumnsInTheNextRun() throws {
        let s = try Fixtures.session()
        _ = try s.evaluate("let p = cooperatives | pivot count() by province, status")
        let n = try s.evaluate("p | where active >= 1 | count")
        guard case .int(let count)? = n else { Issue.record("no count: \(String(describing: n))"); return }
        #expect(count > 0)
    }

    @Test func dateLiteralPlusHugeIntegerIsAnErrorNotACrash() throws {
        let q = #"date("2022-01-01") + 9223372036854775807"#
        let d = try failure(q)
        #expect(d.message.contains("date is out of range"))
        #expect(try marked(d, in: q) == q)
    }

    @Test func todayPlusHugeIntegerIsAnErrorNotACrash() throws {
        #expect(try failure("today() + 9223372036854775807").message.contains("date is out of range"))
        #expect(try failure("today() - 9223372036854775807").message.contains("date is out of range"))
    }

    @Test func dateColumnPlusHugeIntegerIsAnErrorNotACrash() throws {
        let q = "cooperatives | select founded + 9223372036854775807"
        let d = try failure(q)
        #expect(d.message.contains("date is out of range"))
        #expect(try marked(d, in: q) == "founded + 9223372036854775807")
    }

    @Test func decimalLiteralPastTheLargestDecimalIsAnErrorAtItsPlace() throws {
        let q = "1 + 1e400"
        let d = try failure(q)
        #expect(d.message.contains("too large to be a decimal"))
        #expect(try marked(d, in: q) == "1e400")
    }

    @Test func decimalOverflowIsAnErrorAtTheOperatorNotInfinity() throws {
        let q = "1 + 1e300 * 1e300"
        let d = try failure(q)
        #expect(d.message.contains("decimal overflow"))
        #expect(try marked(d, in: q) == "1e300 * 1e300")
        // Column at a time, too.
        let c = "cooperatives | select x = charter_capital * 1e300"
        #expect(try marked(try failure(c), in: c) == "charter_capital * 1e300")
        #expect(try failure("1e308 / 0.001").message.contains("decimal overflow"))
    }

    @Test func topBreaksTiesByLaterKeysAscendingAsSortDoes() throws {
        let top = try Fixtures.query("cooperatives | top 5 by status, id | select id")
        let sorted = try Fixtures.query("cooperatives | sort by status desc, id | take 5 | select id")
        #expect(Fixtures.rows(top) == Fixtures.rows(sorted))
        let explicit = try Fixtures.query("cooperatives | top 5 by status, id desc | select id")
        #expect(Fixtures.rows(explicit) == Fixtures.rows(try Fixtures.query("cooperatives | sort by status desc, id desc | take 5 | select id")))
    }
}
