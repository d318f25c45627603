import Foundation
import Testing
@testable import CoopQL

/// The checker stage: every name resolved and every type worked out before anything runs. Each
/// problem is a diagnostic with a kind, a message, a place (line:column) and, where one helps, a
/// suggestion. Tables are built in code so every expected answer can be worked out by hand.
@Suite struct CheckerTests {
    // MARK: - Helpers

    /// t: id int, name text, grp text, x int (with nulls), d date, amt decimal, flag bool.
    /// r: k text, v int.
    static func session() -> Session {
        let s = Session()
        s.addTable("t", Table(names: ["id", "name", "grp", "x", "d", "amt", "flag"], columns: [
            Column.from([.int(1), .int(2), .int(3)], type: .int),
            Column.from([.text("Bắc Kạn"), .text("An"), .text("Đà Nẵng")], type: .text),
            Column.from([.text("a"), .text("b"), .null], type: .text),
            Column.from([.int(5), .null, .int(7)], type: .int),
            Column.from([.date(Day(year: 2021, month: 1, day: 5)!), .null, .date(Day(year: 2020, month: 6, day: 1)!)], type: .date),
            Column.from([.decimal(1.5), .decimal(2.5), .null], type: .decimal),
            Column.from([.bool(true), .bool(false), .null], type: .bool),
        ]))
        s.addTable("r", Table(names: ["k", "v"], columns: [
            Column.from([.text("a"), .text("b")], type: .text),
            Column.from([.int(10), .int(20)], type: .int),
        ]))
        return s
    }

    /// The diagnostics a run throws; records an issue when it runs without one.
    func problems(_ text: String, in session: Session = CheckerTests.session(),
                  parameters: [String: String] = [:]) -> [Diagnostic] {
        do {
            _ = try session.evaluate(text, parameters: parameters)
            Issue.record("expected an error from: \(text)")
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The single diagnostic a run throws.
    func problem(_ text: String, in session: Session = CheckerTests.session(),
                 parameters: [String: String] = [:]) throws -> Diagnostic {
        let all = problems(text, in: session, parameters: parameters)
        try #require(all.count == 1, "expected one problem, got: \(all.map(\.message))")
        return all[0]
    }

    /// What the checker alone says of a script: its bound statements and its diagnostics.
    func check(_ text: String, in session: Session = CheckerTests.session()) throws -> ([BoundStatement], [Diagnostic]) {
        let source = SourceText(name: "<test>", text: text)
        let script = try Parser.parse(source)
        let checker = Checker(environment: session.checkerEnvironment, source: source)
        let statements = checker.check(script)
        return (statements, checker.diagnostics)
    }

    /// The type the checker gives the last statement, which must be an expression.
    func typeOf(_ text: String, in session: Session = CheckerTests.session()) throws -> DataType {
        let (statements, diagnostics) = try check(text, in: session)
        #expect(diagnostics.isEmpty, "unexpected: \(diagnostics.map(\.message))")
        guard case .expression(let e)? = statements.last?.kind else {
            Issue.record("the last statement of `\(text)` is not an expression")
            return .any
        }
        return e.type
    }

    /// Names and types of the table the last statement gives.
    func schemaOf(_ text: String, in session: Session = CheckerTests.session()) throws -> (names: [String], types: [DataType]) {
        guard case .table(let schema) = try typeOf(text, in: session) else {
            Issue.record("`\(text)` does not give a table")
            return ([], [])
        }
        return (schema.names, schema.columns.map(\.type))
    }

    func at(_ d: Diagnostic, _ line: Int, _ column: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(d.location?.line == line, "line", sourceLocation: sourceLocation)
        #expect(d.location?.column == column, "column", sourceLocation: sourceLocation)
    }

    // MARK: - Types of expressions

    @Test func divisionIsAlwaysDecimal() throws {
        #expect(try typeOf("7 / 2") == .decimal)
        #expect(try typeOf("6 / 3") == .decimal)
        #expect(try typeOf("t | extend y = x / 2") == .table(TableSchema([
            ColumnSchema("id", .int, qualifier: "t"), ColumnSchema("name", .text, qualifier: "t"),
            ColumnSchema("grp", .text, qualifier: "t"), ColumnSchema("x", .int, qualifier: "t"),
            ColumnSchema("d", .date, qualifier: "t"), ColumnSchema("amt", .decimal, qualifier: "t"),
            ColumnSchema("flag", .bool, qualifier: "t"), ColumnSchema("y", .decimal),
        ])))
        // And the value agrees with the type: 6 / 3 is the decimal 2.0, not the integer 2.
        let s = CheckerTests.session()
        guard case .decimal(let d)? = try s.evaluate("6 / 3") else { Issue.record("6 / 3 is not a decimal"); return }
        #expect(d == 2.0)
        guard case .decimal(let h)? = try s.evaluate("7 / 2") else { Issue.record("7 / 2 is not a decimal"); return }
        #expect(h == 3.5)
    }

    @Test func operatorTypes() throws {
        #expect(try typeOf("1 + 2") == .int)
        #expect(try typeOf("7 % 2") == .int)
        #expect(try typeOf("2 * 3") == .int)
        #expect(try typeOf("1 + 2.5") == .decimal)
        #expect(try typeOf("7.5 % 2") == .decimal)
        #expect(try typeOf("-2") == .int)
        #expect(try typeOf(#""a" + "b""#) == .text)
        #expect(try typeOf(#"date("2022-01-31") + 1"#) == .date)
        #expect(try typeOf(#"date("2022-01-31") - 1"#) == .date)
        #expect(try typeOf(#"date("2022-03-01") - date("2022-02-01")"#) == .int)
        #expect(try typeOf("1 < 2") == .bool)
        #expect(try typeOf(#""Hòa" =~ "hoa""#) == .bool)
        #expect(try typeOf("null ?? 1") == .int)
        #expect(try typeOf("if true then 1 else 2.5") == .decimal)
        #expect(try typeOf("[1, 2.5]") == .list(.decimal))
        #expect(try typeOf("1..3") == .list(.int))
        #expect(try typeOf("2 in [1, 2]") == .bool)
        #expect(try typeOf("null is null") == .bool)
        #expect(try typeOf("t | count") == .int)
        #expect(try typeOf("year(date(\"2022-01-31\"))") == .int)
        #expect(try typeOf("round(2)") == .decimal)
        #expect(try typeOf("len(\"abc\")") == .int)
    }

    @Test func columnTypesInsideStages() throws {
        let (names, types) = try schemaOf(#"t | select id, s = name + "!", later = d + 30, gap = d - d, half = x / 2, both = x + amt, big = x > 3, z = amt ?? 0"#)
        #expect(names == ["id", "s", "later", "gap", "half", "both", "big", "z"])
        #expect(types == [.int, .text, .date, .int, .decimal, .decimal, .bool, .decimal])
    }

    @Test func countBySchema() throws {
        let (names, types) = try schemaOf("t | count by grp")
        #expect(names == ["grp", "count"])
        #expect(types == [.text, .int])
        let two = try schemaOf("t | count by grp, flag")
        #expect(two.names == ["grp", "flag", "count"])
        #expect(two.types == [.text, .bool, .int])
        let named = try schemaOf("t | count by y = year(d)")
        #expect(named.names == ["y", "count"])
        #expect(named.types == [.int, .int])
    }

    @Test func summarizeOutputNames() throws {
        let (names, types) = try schemaOf("t | summarize sum(x), avg(x), count(), count(x), min(d), max(name), median(amt), count_distinct(grp), count_if(flag) by grp")
        #expect(names == ["grp", "sum_x", "avg_x", "count", "count_x", "min_d", "max_name", "median_amt", "count_distinct_grp", "count_if_flag"])
        #expect(types == [.text, .int, .decimal, .int, .int, .date, .text, .decimal, .int, .int])
        // Given names win; sum of a decimal is a decimal.
        let named = try schemaOf("t | summarize n = count(), total = sum(amt)")
        #expect(named.names == ["n", "total"])
        #expect(named.types == [.int, .decimal])
        // On the fixtures: the name the brief promises, and the value behind it.
        let session = try Fixtures.session()
        #expect(try schemaOf("cooperatives | summarize sum(members)", in: session).names == ["sum_members"])
        let value = try session.evaluate("cooperatives | summarize sum(members)")
        #expect(Fixtures.rows(value) == [[.int(1581)]])
    }

    @Test func qualifiedKeyIsNamedByItsColumn() throws {
        let session = try Fixtures.session()
        let query = "members | join cooperatives on coop_id == cooperatives.id | count by cooperatives.province"
        let (names, types) = try schemaOf(query, in: session)
        #expect(names == ["province", "count"])
        #expect(types == [.text, .int])
        let value = try session.evaluate(query)
        #expect(Fixtures.names(value) == ["province", "count"])
        // The later stages can name the key by its bare name.
        let sorted = try session.evaluate(query + " | sort by province | select province")
        #expect(Fixtures.rows(sorted)?.map { $0[0] } == [.text("Bạc Liêu"), .text("Bắc Kạn"), .text("Bắc Ninh"), .text("Bình Phước")])
    }

    @Test func selectRenamesAndDerivesNames() throws {
        let (names, types) = try schemaOf("t | select n = name, x, year(d), round(amt, 1)")
        #expect(names == ["n", "x", "year_d", "round(amt, 1)"])
        #expect(types == [.text, .int, .int, .decimal])
    }

    // MARK: - Unknown names

    @Test func unknownTableSuggestsTheClosest() throws {
        let d = try problem("cooperative | count", in: try Fixtures.session())
        #expect(d.kind == .name)
        #expect(d.message == "unknown name `cooperative`")
        at(d, 1, 1)
        #expect(d.suggestion == "did you mean `cooperatives`?")
    }

    @Test func unknownTableWithNothingCloseListsTheTables() throws {
        let d = try problem("zzzzzz | count")
        #expect(d.kind == .name)
        #expect(d.message == "unknown name `zzzzzz`")
        #expect(d.suggestion == nil)
        #expect(d.hint == "the tables are: provinces, r, t")
    }

    @Test func unknownColumnSuggestsTheClosest() throws {
        let d = try problem("t | where grp == \"a\"\n  | where nmae == \"An\" | count")
        #expect(d.kind == .name)
        #expect(d.message == "unknown column `nmae`")
        at(d, 2, 11)
        #expect(d.suggestion == "did you mean `name`?")
    }

    @Test func unknownColumnWithNothingCloseListsTheColumns() throws {
        let d = try problem("r | where zzzzzz == 1")
        #expect(d.message == "unknown column `zzzzzz`")
        at(d, 1, 11)
        #expect(d.suggestion == nil)
        #expect(d.hint == "the columns here are: k, v")
    }

    @Test func unknownFunctionSuggestsBuiltinsAndOwnFunctions() throws {
        let d = try problem("t | extend y = yeer(d)")
        #expect(d.kind == .name)
        #expect(d.message == "unknown function `yeer`")
        at(d, 1, 16)
        #expect(d.suggestion == "did you mean `year`?")
        #expect(d.hint == "define your own with: fn yeer(x) = …")

        let own = try problem("fn share(a, b) = a / b\nshre(1, 2)")
        #expect(own.message == "unknown function `shre`")
        at(own, 2, 1)
        #expect(own.suggestion == "did you mean `share`?")
    }

    @Test func unknownParameterSuggestsTheClosest() throws {
        let d = try problem("param year = 2022\nt | where x == $yaer | count")
        #expect(d.kind == .name)
        #expect(d.message == "unknown parameter `$yaer`")
        at(d, 2, 16)
        #expect(d.suggestion == "did you mean `$year`?")
    }

    @Test func parameterWithoutDollarSign() throws {
        let d = try problem("param year = 2022\nprint year")
        #expect(d.message == "unknown name `year`")
        at(d, 2, 7)
        #expect(d.suggestion == "parameters are read with a dollar sign: `$year`")
    }

    // MARK: - Types of arguments and operands

    @Test func sumOfText() throws {
        let d = try problem("t | summarize s = sum(name)")
        #expect(d.kind == .type)
        #expect(d.message == "sum() needs a number, but `name` is text")
        at(d, 1, 23)
        #expect(d.suggestion == "count the rows with count(), or the different values with count_distinct(name)")
        #expect(d.hint == "sum(x): the total of a number column")
    }

    @Test func avgOfDateAndBuiltinOfWrongType() throws {
        let d = try problem("t | summarize a = avg(d)")
        #expect(d.message == "avg() needs a number, but `d` is date")
        at(d, 1, 23)
        let y = try problem("t | extend y = year(name)")
        #expect(y.kind == .type)
        #expect(y.message == "year() needs a date as argument 1, but `name` is text")
        at(y, 1, 21)
        #expect(y.suggestion == "turn the text into a date: date(name)")
    }

    @Test func dateComparedWithText() throws {
        let d = try problem(#"t | where d > "2021-01-01" | count"#)
        #expect(d.kind == .type)
        #expect(d.message == "cannot compare date with text")
        at(d, 1, 11)
        #expect(d.suggestion == #"turn the text into a date: date("2021-01-01")"#)
        // Text on the left reads the same way.
        let flipped = try problem(#"t | where "2021-01-01" <= d | count"#)
        #expect(flipped.message == "cannot compare text with date")
        #expect(flipped.suggestion == #"turn the text into a date: date("2021-01-01")"#)
    }

    @Test func numberComparedWithText() throws {
        let d = try problem(#"t | where x > "3""#)
        #expect(d.message == "cannot compare int with text")
        at(d, 1, 11)
        #expect(d.suggestion == #"turn the text into a number: int("3")"#)
    }

    @Test func arithmeticOnText() throws {
        let d = try problem("t | extend y = name - 1")
        #expect(d.kind == .type)
        #expect(d.message == "`-` needs numbers, but this is text - int")
        at(d, 1, 16)
        #expect(d.suggestion == "turn the text into a number: int(name)")
        let neg = try problem(#"-"a""#)
        #expect(neg.message == "`-` needs a number, but this is text")
        at(neg, 1, 2)
    }

    @Test func otherTypeErrors() throws {
        let w = try problem("t | where x")
        #expect(w.message == "`where` keeps rows where its condition is true, but this is int")
        at(w, 1, 11)
        let list = try problem(#"[1, "a"]"#)
        #expect(list.message == "a list holds values of one type; this one mixes int and text")
        let inList = try problem(#"t | where x in ["a", "b"]"#)
        #expect(inList.message == "cannot look for int in a list of text")
        at(inList, 1, 11)
        let branches = try problem(#"if true then 1 else "a""#)
        #expect(branches.message == "the two branches of `if` give different types: int and text")
        let take = try problem(#"t | take "a""#)
        #expect(take.message == "`take` needs a whole number of rows, but this is text")
        at(take, 1, 10)
        let pipe = try problem("let n = t | count\nn | where x > 1")
        #expect(pipe.message == "`|` needs a table, a list or a range on its left, but `n` is int")
        at(pipe, 2, 1)
        let cond = try problem("if 1 { print 1 }")
        #expect(cond.message == "an `if` condition must be true or false, but this is int")
        let loop = try problem("for i in 3 { print i }")
        #expect(loop.message == "`for` goes over a table, a list or a range, not int")
    }

    @Test
    func listOfColumnsInsideAStageIsRefusedBeforeRunning() throws {
        var emitted = 0
        do {
            try CheckerTests.session().run(SourceText(name: "<test>", text: "print 1\nt | where x in [id, 5] | count")) { _ in emitted += 1 }
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.kind != .runtime)
            #expect(error.diagnostics.first?.location?.line == 2)
        }
        #expect(emitted == 0)
    }

    @Test func constantDateIsCheckedBeforeRunning() throws {
        var emitted = 0
        do {
            try CheckerTests.session().run(SourceText(name: "<test>", text: "print 1\nt | where d > date(\"31/02/2022\") | count")) { _ in emitted += 1 }
            Issue.record("expected an error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(error.diagnostics.count == 1)
            #expect(d.message == #""31/02/2022" is not a date"#)
            at(d, 2, 15)
            #expect(d.suggestion == #"write dates as "2022-12-23", "23/12/2022" or "23-12-2022""#)
        }
        #expect(emitted == 0)
    }

    // MARK: - Argument counts

    @Test func wrongArgumentCounts() throws {
        let builtin = try problem("t | select name, year(d, 1)")
        #expect(builtin.kind == .type)
        #expect(builtin.message == "year() takes 1 argument, but 2 were given")
        at(builtin, 1, 18)
        #expect(builtin.hint == "year(d): the year of a date")

        let range = try problem("t | extend y = round()")
        #expect(range.message == "round() takes 1 to 2 arguments, but 0 were given")
        at(range, 1, 16)

        let two = try problem("t | where starts_with(name)")
        #expect(two.message == "starts_with() takes 2 arguments, but 1 was given")

        let aggregate = try problem("t | summarize n = count(x, id)")
        #expect(aggregate.message == "count() takes 0 to 1 arguments, but 2 were given")
        at(aggregate, 1, 19)

        let own = try problem("fn f(v) = v + 1\nf(1, 2)")
        #expect(own.message == "f() takes 1 argument, but 2 were given")
        at(own, 2, 1)
        #expect(own.hint == nil)

        let none = try problem("fn g(a, b) = a + b\nprint g()")
        #expect(none.message == "g() takes 2 arguments, but 0 were given")
        at(none, 2, 7)
    }

    // MARK: - Aggregates

    @Test func aggregateOutsideSummarize() throws {
        let extend = try problem("t | extend y = sum(x)")
        #expect(extend.kind == .type)
        #expect(extend.message == "sum() is an aggregate: it belongs in `summarize`")
        at(extend, 1, 16)
        #expect(extend.suggestion == "write … | summarize n = sum(x)")
        #expect(extend.hint == nil)

        let filter = try problem("t | where count() > 1")
        #expect(filter.message == "count() is an aggregate: it belongs in `summarize`")
        at(filter, 1, 11)

        let topLevel = try problem("max(3)")
        #expect(topLevel.message == "max() is an aggregate: it belongs in `summarize`")
        #expect(topLevel.hint == "aggregates work on the rows of a table")
    }

    @Test func columnOutsideAggregateInSummarize() throws {
        let d = try problem("t | summarize x by grp")
        #expect(d.kind == .type)
        #expect(d.message == "`x` is a column: in `summarize` it must be inside an aggregate")
        at(d, 1, 15)
        #expect(d.suggestion == "write sum(x), or put it after `by` to group by it")

        let mixed = try problem("t | summarize n = count() + x")
        #expect(mixed.message == "`x` is a column: in `summarize` it must be inside an aggregate")
        at(mixed, 1, 29)

        // Expressions over aggregates are fine, and so are columns inside them.
        #expect(try typeOf("t | summarize n = count() + 1, m = sum(x * 2) / count()") ==
                .table(TableSchema([ColumnSchema("n", .int), ColumnSchema("m", .decimal)])))
    }

    @Test func aggregateInsideAggregate() throws {
        let d = try problem("t | summarize s = sum(sum(x))")
        #expect(d.message == "an aggregate cannot contain another aggregate")
        at(d, 1, 23)
    }

    @Test func percentOutsideAStage() throws {
        let d = try problem("percent(3)")
        #expect(d.message == "percent(x) works on a column of a table: use it in `extend` or `select`")
        at(d, 1, 1)
        #expect(d.suggestion == "write … | extend pct = percent(count)")
    }

    // MARK: - Stages

    @Test func stageAfterCount() throws {
        let d = try problem("t | where grp == \"a\" | count | where x > 1")
        #expect(d.kind == .type)
        #expect(d.message == "`count` gives a number, so no stage can follow it")
        at(d, 1, 32)
        #expect(d.suggestion == "to count per group, write count by column")
        // `count by` gives a table, so stages may follow it.
        let grouped = try CheckerTests.session().evaluate("t | count by grp | where count > 0 | count")
        #expect(grouped == .int(3))
    }

    @Test func duplicateOutputNames() throws {
        let select = try problem("t | select name, name")
        #expect(select.kind == .name)
        #expect(select.message == "two columns would be named `name`")
        at(select, 1, 18)
        let summarize = try problem("t | summarize n = count() by grp, n = x")
        #expect(summarize.message == "two columns would be named `n`")
        at(summarize, 1, 19)
    }

    @Test func ambiguousColumnAfterJoin() throws {
        let session = try Fixtures.session()
        let d = try problem("members | join cooperatives on coop_id == cooperatives.id | select id", in: session)
        #expect(d.kind == .name)
        #expect(d.message == "`id` is ambiguous here: it could be members.id or cooperatives.id")
        at(d, 1, 68)
        #expect(d.suggestion == "write members.id or cooperatives.id")
        // Qualified, both are found, and each keeps its bare name.
        let value = try session.evaluate("members | join cooperatives on coop_id == cooperatives.id | where members.id == 1 | select members.id, cooperatives.id, cooperatives.name")
        #expect(Fixtures.names(value) == ["members.id", "cooperatives.id", "name"])
        #expect(Fixtures.rows(value) == [[.int(1), .int(1), .text("HTX Nông nghiệp Tân Thành")]])
    }

    @Test func joinConditionMustBeEquality() throws {
        let d = try problem("t | join r on grp != r.k")
        #expect(d.kind == .syntax)
        #expect(d.message == "a join condition is `left_key == right_key`, several joined by `and`")
        at(d, 1, 15)
        let sides = try problem("t | join r on id == x")
        #expect(sides.message.hasPrefix("each side of a join condition must name columns of one table"))
        let types = try problem("t | join r on id == r.k")
        #expect(types.message == "the join keys have different types: int and text")
    }

    // MARK: - Parameters

    @Test func paramOfTheWrongType() throws {
        let d = try problem("param year = 2022\nprint $year", parameters: ["year": "abc"])
        #expect(d.kind == .usage)
        #expect(d.message == "--param year=abc: `abc` is not a whole number")
        at(d, 1, 7)
        #expect(d.suggestion == "give year a whole number, such as 2022")

        let date = try problem("param since = date(\"2022-01-01\")\nprint $since", parameters: ["since": "2022-13-01"])
        #expect(date.message == "--param since=2022-13-01: `2022-13-01` is not a date (YYYY-MM-DD or dd/mm/yyyy)")
        #expect(date.suggestion == "give since a date such as 2022-12-23 or 23/12/2022")
    }

    @Test func paramOverridesAreTyped() throws {
        let s = CheckerTests.session()
        #expect(try s.evaluate("param year = 2022\n$year + 1", parameters: ["year": "2021"]) == .int(2022))
        #expect(try s.evaluate("param year = 2022\n$year + 1") == .int(2023))
        let since = try s.evaluate("param since = date(\"2022-01-01\")\n$since", parameters: ["since": "31/12/2021"])
        #expect(since == .date(Day(year: 2021, month: 12, day: 31)!))
        #expect(try s.evaluate("param active: bool = false\n$active", parameters: ["active": "có"]) == .bool(true))
    }

    @Test func undeclaredParam() throws {
        let d = try problem("param year = 2022\nprint $year", parameters: ["yaer": "2021"])
        #expect(d.kind == .usage)
        #expect(d.message == "--param yaer: the script declares no parameter `yaer`")
        #expect(d.location == nil)
        #expect(d.suggestion == "did you mean year?")
        #expect(d.hint == "it declares: year")

        let none = try problem("print 1", parameters: ["year": "2021"])
        #expect(none.message == "--param year: the script declares no parameter `year`")
        #expect(none.hint == "it declares no parameters")
    }

    @Test func undeclaredParamStopsTheRunBeforeItStarts() throws {
        var emitted = 0
        do {
            try CheckerTests.session().run(SourceText(name: "<test>", text: "print 1\nparam year = 2022"), parameters: ["month": "3"]) { _ in emitted += 1 }
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["--param month: the script declares no parameter `month`"])
        }
        #expect(emitted == 0)
    }

    @Test func paramWithoutDefault() throws {
        let d = try problem("param year: int\nt | where year(d) == $year | count")
        #expect(d.kind == .usage)
        #expect(d.message == "parameter `year` has no default and was not given")
        at(d, 1, 7)
        #expect(d.suggestion == "pass --param year=… or give it a default: param year = …")
        // Given on the command line, it runs: one row of t was founded in 2021.
        #expect(try CheckerTests.session().evaluate("param year: int\nt | where year(d) == $year | count", parameters: ["year": "2021"]) == .int(1))
    }

    @Test func paramDefaultOfTheWrongDeclaredType() throws {
        let d = try problem(#"param year: int = "2022""#)
        #expect(d.kind == .type)
        #expect(d.message == "the default of `year` is text, but the parameter is declared int")
        at(d, 1, 19)
    }

    // MARK: - Functions, blocks and statements

    @Test func functionReadsEarlierLetsButNotLoopVariables() throws {
        #expect(try CheckerTests.session().evaluate("let g = 5\nfn f(v) = v + g\nf(1)") == .int(6))
        // A function's body is checked where it is called: a `let` made before the call is known,
        // one made after it is not.
        #expect(try CheckerTests.session().evaluate("fn f(v) = v + h\nlet h = 5\nf(1)") == .int(6))
        let later = try problem("fn f(v) = v + h\nprint f(1)\nlet h = 5")
        #expect(later.kind == .name)
        #expect(later.message == "unknown name `h`")
        at(later, 1, 15)
        // Nor is a `for` variable of the place where it is called.
        let loop = try problem("fn f(v) = v + i\nfor i in 1..2 { print f(i) }")
        #expect(loop.message == "unknown name `i`")
    }

    @Test func builtinCannotBeRedefined() throws {
        let d = try problem("fn year(v) = v")
        #expect(d.kind == .name)
        #expect(d.message == "`year` is a built-in function and cannot be redefined")
        at(d, 1, 4)
        #expect(d.suggestion == "choose another name")
    }

    @Test func letInsideABlock() throws {
        let d = try problem("if true {\n  let z = 1\n}")
        #expect(d.kind == .syntax)
        #expect(d.message == "`let` is only allowed at the top level of a script")
        at(d, 2, 7)
        let inFor = try problem("for i in 1..2 {\n    print i\n    let z = i\n}")
        #expect(inFor.message == "`let` is only allowed at the top level of a script")
        at(inFor, 3, 9)
    }

    @Test func checkingHappensBeforeRunning() throws {
        var outputs: [Output] = []
        do {
            try CheckerTests.session().run(SourceText(name: "<test>", text: "print 1\nprint 2\nprint nope")) { outputs.append($0) }
            Issue.record("expected an error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(error.diagnostics.count == 1)
            #expect(d.kind == .name)
            #expect(d.message == "unknown name `nope`")
            at(d, 3, 7)
        }
        #expect(outputs.isEmpty, "lines 1–2 must not run when line 3 does not check")
    }

    @Test func runtimeErrorStopsAfterEarlierLinesRan() throws {
        // The contrast: a problem found only by running comes after lines 1–2 have printed.
        var printed: [[Value]] = []
        do {
            try CheckerTests.session().run(SourceText(name: "<test>", text: "print 1\nprint 2\nprint 1 / 0\nprint 4")) { output in
                if case .printed(let values) = output { printed.append(values) }
            }
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.kind) == [.runtime])
            #expect(error.diagnostics.first?.message == "division by zero")
        }
        #expect(printed == [[.int(1)], [.int(2)]])
    }

    @Test func everyWrongStatementIsReportedInSourceOrder() throws {
        let all = problems("t | count by grpp\nprint nope\nfn f(v) = v\nf()\nt | summarize sum(name)")
        #expect(all.map(\.message) == [
            "unknown column `grpp`", "unknown name `nope`", "f() takes 1 argument, but 0 were given",
            "sum() needs a number, but `name` is text",
        ])
        #expect(all.map { $0.location?.line } == [1, 2, 4, 5])
    }

    @Test func failedLetStillDefinesItsName() throws {
        // One problem, not a second "unknown name `a`" on line 2.
        let all = problems("let a = nope\nprint a + 1")
        #expect(all.map(\.message) == ["unknown name `nope`"])
    }

    @Test func forVariableFieldsAreChecked() throws {
        let d = try problem("for s in t { print s.nmae }")
        #expect(d.kind == .name)
        #expect(d.message == "this row has no field `nmae`")
        #expect(d.suggestion == "did you mean `name`?")
    }
}
