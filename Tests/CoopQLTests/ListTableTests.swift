import Foundation
import Testing
@testable import CoopQL

/// A list or a range on the left of `|` is a table of one column, `value`, a row per item.
@Suite struct ListTableTests {
    func eval(_ text: String, _ session: Session = EngineTests.session()) throws -> Value? {
        try session.evaluate(text)
    }

    func rows(_ text: String) throws -> [[Value]] {
        try #require(Fixtures.rows(try eval(text)), "`\(text)` did not give a table")
    }

    func problem(_ text: String) -> Diagnostic? {
        do {
            _ = try EngineTests.session().evaluate(text)
            Issue.record("expected an error from `\(text)`")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    // MARK: - Checker

    @Test func theSourceIsATableOfOneColumnNamedValue() throws {
        let checker = CheckerTests()
        #expect(try checker.schemaOf("[3, 1, 2] | sort by value").names == ["value"])
        #expect(try checker.schemaOf("[3, 1, 2] | sort by value").types == [.int])
        #expect(try checker.schemaOf("1..10 | where value > 5").types == [.int])
        #expect(try checker.schemaOf("[1, 2.5] | select value").types == [.decimal])
        #expect(try checker.schemaOf(#"["a", null] | select value"#).types == [.text])
        #expect(try checker.schemaOf(#"date("2024-01-01")..date("2024-01-31") | select value"#).types == [.date])
        #expect(try checker.schemaOf("1..10 | summarize total = sum(value)").names == ["total"])
        #expect(try checker.typeOf("value(1..10 | summarize sum(value))") == .int)
        #expect(try checker.typeOf("[1, 2] | count") == .int)
    }

    @Test func listsOfRowsTablesOrListsAreRefused() throws {
        let checker = CheckerTests()
        let rows = try checker.problem("for r in t { print [r] | count }")
        #expect(rows.kind == .type)
        #expect(rows.message == "a list of rows cannot start a pipeline: only a list of single values (numbers, text, dates, true or false) is read as a table")
        #expect(rows.hint == "a list or a range on the left of `|` becomes a table of one column named `value`")
        checker.at(rows, 1, 20)
        #expect(try checker.problem("[t, r] | count").message.hasPrefix("a list of tables cannot start a pipeline"))
        #expect(try checker.problem("[[1], [2]] | count").message.hasPrefix("a list of lists cannot start a pipeline"))
        let mixed = try checker.problem(#"[1, "a"] | count"#)
        #expect(mixed.message == "a list holds values of one type; this one mixes int and text")
        let number = try checker.problem("let n = 3\nn | count")
        #expect(number.message == "`|` needs a table, a list or a range on its left, but `n` is int")
        // A column of the list's table is named like any other.
        #expect(try checker.problem("[1, 2] | where valu > 1").suggestion == "did you mean `value`?")
    }

    // MARK: - Engine

    @Test func aggregatesSortsAndFilters() throws {
        #expect(try rows("1..5 | summarize total = sum(value)") == [[.int(15)]])
        #expect(try eval("value(1..100000 | summarize sum(value))") == .int(5_000_050_000))
        #expect(try rows("[3, 1, 2] | sort by value") == [[.int(1)], [.int(2)], [.int(3)]])
        #expect(try rows("[3, 1, 2] | sort by value desc | take 1") == [[.int(3)]])
        #expect(try rows(#"["b", "a", "b"] | count by value | sort by value"#) == [[.text("a"), .int(1)], [.text("b"), .int(2)]])
        #expect(try rows("1..4 | extend sq = value * value | where sq > 4 | select sq") == [[.int(9)], [.int(16)]])
        #expect(try rows("[1, 2.5] | summarize s = sum(value)") == [[.decimal(3.5)]])
        #expect(try rows("[1, null, 3] | summarize n = count(value), rows = count()") == [[.int(2), .int(3)]])
        #expect(try eval(#"date("2024-02-27")..date("2024-03-01") | count"#) == .int(4))
        #expect(try eval("5..1 | count") == .int(0))
        #expect(try eval("[1, 2] | join t on value == t.id | count") == .int(2))
    }

    @Test func listsMadeAtRunTime() throws {
        let total = "fn total(xs) = value(xs | summarize sum(value))\n"
        #expect(try eval(total + "total([1, 2, 3])") == .int(6))
        #expect(try eval(total + "total(1..4)") == .int(10))
        let out = try EngineTests().printed("for n in 1..3 { print value(1..n | summarize sum(value)) }")
        #expect(out == [[.int(1)], [.int(3)], [.int(6)]])
    }

    @Test func aRangeTooLongToMakeIsAnError() throws {
        let d = try #require(problem("1..20000000 | count"))
        #expect(d.kind == .runtime)
        #expect(d.message == "a range may hold at most 10.000.000 values")
        #expect(d.location?.line == 1 && d.location?.column == 1)
    }
}
