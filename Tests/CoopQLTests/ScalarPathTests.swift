import Foundation
import Testing
@testable import CoopQL

/// The scalar path (`ScalarCompiler`, `ScriptCompiler`): statements and functions called with
/// single values run as closures over a frame of slots instead of column kernels. Its results
/// must be those of the column path, which runs the same function body when it is called on
/// columns inside a stage; its errors must point where the column path's point; and cancels,
/// limits and the call-depth limit must still stop it.
@Suite struct ScalarPathTests {
    /// v: one column per type, with nulls and awkward values (negative, zero, empty text).
    static let v = Table(names: ["a", "b", "x", "s", "d", "p"], columns: [
        Column.from([.int(5), .int(-3), .null, .int(7), .int(0)], type: .int),
        Column.from([.int(2), .int(4), .int(6), .null, .int(3)], type: .int),
        Column.from([.decimal(1.5), .null, .decimal(-2.25), .decimal(0.1), .decimal(3)], type: .decimal),
        Column.from([.text("Bắc Ninh"), .text("an"), .null, .text("Đà Nẵng"), .text("")], type: .text),
        Column.from([.date(Day(year: 2021, month: 1, day: 5)!), .null, .date(Day(year: 2020, month: 2, day: 29)!),
                     .date(Day(year: 2022, month: 12, day: 31)!), .date(Day(year: 2019, month: 1, day: 1)!)], type: .date),
        Column.from([.bool(true), .bool(false), .null, .bool(true), .bool(false)], type: .bool),
    ])

    static func session() -> Session {
        let s = Session()
        s.addTable("v", v)
        s.addTable("t", EngineTests.t)
        return s
    }

    func printed(_ text: String, _ session: Session = ScalarPathTests.session()) throws -> [[Value]] {
        var out: [[Value]] = []
        try session.run(SourceText(name: "<test>", text: text)) { output in
            if case .printed(let values) = output { out.append(values) }
        }
        return out
    }

    func failure(_ text: String, _ session: Session = ScalarPathTests.session()) -> Diagnostic? {
        do {
            _ = try session.evaluate(text)
            Issue.record("expected an error from `\(text)`")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    /// The body computed for each row of `v` both ways: at statement level with the row's values
    /// (scalar path), and inside a stage over the columns (column path).
    func bothPaths(_ body: String) throws -> (scalar: [Value], column: [Value]) {
        let define = "fn f(a, b, x, s, d, p) = \(body)\n"
        let scalar = try printed(define + "for r in v {\n  print f(r.a, r.b, r.x, r.s, r.d, r.p)\n}").map { $0[0] }
        guard case .table(let table)? = try Self.session().evaluate(define + "v | select y = f(a, b, x, s, d, p)") else {
            Issue.record("`\(body)` in a stage did not give a table")
            return ([], [])
        }
        return (scalar, table.rows.map { $0[0] })
    }

    @Test(arguments: [
        // Arithmetic, with nulls on either side.
        "a + b * 2 - a % 3", "a / b", "-a + x", "x * 2 - 1", "a - b", "a * b",
        // Text.
        #"s + "!""#, "upper(s)", "len(s)", #"s ~ "an""#, #"s =~ "AN""#, #"s < "Bình""#, #"s == "an""#,
        // Dates.
        "d + a", "year(d)", #"d - date("2020-01-01")"#, #"d < date("2021-01-01")"#, "month(d) + day(d)",
        // Comparisons.
        "a == b", "a != b", "a >= b", "x > a", "a < 5",
        // Choices.
        #"if a > b then "gt" elif a == b then "eq" else "lt""#, "if p then a else b", "if a is null then -1 else a",
        // Nulls.
        "a ?? b", #"s ?? "none""#, "x ?? 0.0", "a is null", "s is not null", "a in [1, 5, 7]", "a not in [5]", "a in 0..5",
        // Three-valued logic.
        "p and a > 2", "p or a > 2", "not p", #"p and s ~ "a""#, "(a > b) or p",
        // Built-ins.
        "round(x, 1)", "text(a)", "int(x)", "abs(a)", "floor(x)", "fmt(a)",
    ])
    func sameResultOnBothPaths(_ body: String) throws {
        let (scalar, column) = try bothPaths(body)
        #expect(scalar.count == 5)
        #expect(scalar == column, "`\(body)`: scalar \(scalar) vs column \(column)")
        for (s, c) in zip(scalar, column) {
            #expect(s.isNull == c.isNull, "`\(body)`: null on one path only: \(s) vs \(c)")
        }
    }

    @Test func recursionOnBothPaths() throws {
        let fib = "fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\n"
        #expect(try printed(fib + "print fib(20), fib(0), fib(1)") == [[.int(6765), .int(0), .int(1)]])
        let column = try #require(Fixtures.rows(try Self.session().evaluate(fib + "t | where x is not null | select f = fib(x)")))
        #expect(column.map { $0[0] } == [.int(5), .int(13), .int(13), .int(2), .int(1)])
        // Two arguments, and three or more (each kind of frame).
        let gcd = "fn gcd(a, b) = if b == 0 then a else gcd(b, a % b)\n"
        #expect(try printed(gcd + "print gcd(1071, 462), gcd(7, 0)") == [[.int(21), .int(7)]])
        let sum3 = "fn down(a, b, c) = if a == 0 then b + c else down(a - 1, b + 1, c * 2)\n"
        #expect(try printed(sum3 + "print down(10, 0, 1)") == [[.int(1034)]])
    }

    @Test func functionCalledAtStatementLevelAndInsideAStage() throws {
        let size = "fn size(v) = if v > 4 then \"big\" else \"small\"\n"
        let out = try printed(size + "print size(5), size(1)\nprint t | where x is not null | select l = size(x)")
        #expect(out.first == [.text("big"), .text("small")])
        #expect(Fixtures.rows(out.last?.first)?.map { $0[0] } == ["big", "big", "big", "small", "small"].map { .text($0) })
        // Called with single values inside a stage: the scalar path, the same answer.
        let twice = "fn twice(n) = n * 2\n"
        let ids = try #require(Fixtures.rows(try Self.session().evaluate(twice + "t | where x > twice(2) | select id")))
        #expect(ids.map { $0[0] } == [.int(1), .int(3), .int(4)])
    }

    @Test func andOrSkipTheRightSideOnlyWhenTheLeftDecides() throws {
        #expect(try printed("print false and 1 % 0 == 1, true or 1 % 0 == 1") == [[.bool(false), .bool(true)]])
        // null does not decide: the right side runs, and its error is raised.
        #expect(failure("print null and 1 % 0 == 1")?.message == "division by zero")
        #expect(try printed("print null ?? 3, 4 ?? 1 % 0") == [[.int(3), .int(4)]])
    }

    @Test func errorsPointAtTheirExpressionOnBothPaths() throws {
        let fact = "fn fact(n) = if n <= 1 then 1 else n * fact(n - 1)\n"
        let scalar = try #require(failure(fact + "print fact(25)"))
        #expect(scalar.kind == .runtime)
        #expect(scalar.message.hasPrefix("integer overflow"))
        #expect(scalar.location?.line == 1 && scalar.location?.column == 36)
        let column = try #require(failure(fact + "t | where id == 1 | extend y = fact(x + 20)"))
        #expect(column.message == scalar.message)
        #expect(column.location?.line == 1 && column.location?.column == 36)
        let zero = try #require(failure("fn q(a, b) = a % b\nprint q(7, 0)"))
        #expect(zero.message == "division by zero")
        #expect(zero.location?.line == 1 && zero.location?.column == 14)
        let statement = try #require(failure("let n = 0\nprint 1, 10 / n"))
        #expect(statement.location?.line == 2 && statement.location?.column == 10)
    }

    @Test func depthLimitOnEveryKindOfFrame() throws {
        for script in ["fn one(n) = one(n + 1)\none(1)", "fn two(a, b) = two(b, a + 1)\ntwo(1, 2)",
                       "fn three(a, b, c) = three(c, a, b)\nthree(1, 2, 3)"] {
            let d = try #require(failure(script))
            #expect(d.message.hasPrefix("function calls nested more than 2000 deep"), "\(script): \(d.message)")
            #expect(d.location?.line == 1)
        }
        // The depth is given back after an error: the session runs deep recursion again.
        let s = Self.session()
        _ = failure("fn one(n) = one(n + 1)\none(1)", s)
        #expect(try s.evaluate("fn down(n) = if n == 0 then 0 else down(n - 1)\ndown(1500)") == .int(0))
    }

    /// 2^40 calls, never deep: only a limit or a cancel stops it.
    static let runaway = "fn f(n) = if n == 0 then 0 else f(n - 1) + f(n - 1)\nf(40)"

    @Test func stepAndTimeLimitsStopARunawayRecursion() throws {
        let s = Self.session()
        s.limits = Limits(maxSteps: 10_000)
        let steps = try #require(failure(Self.runaway, s))
        #expect(steps.kind == .limit && steps.message.contains("step limit of 10000"))
        s.limits = Limits(timeout: 0.2)
        let started = Date()
        let time = try #require(failure(Self.runaway, s))
        #expect(time.kind == .limit && time.message.contains("time limit"))
        #expect(Date().timeIntervalSince(started) < 10)
        // And a loop whose body does nothing, over a range far too long to make into a list.
        let loop = try #require(failure("for i in 1..9000000000000000000 {\n}", s))
        #expect(loop.message.contains("time limit"))
        s.limits = .none
        #expect(try s.evaluate("fn f(n) = if n == 0 then 0 else f(n - 1) + f(n - 1)\nf(10)") == .int(0))
    }

    @Test func cancelFromAnotherThreadStopsARunawayRecursion() throws {
        for script in [Self.runaway, "for i in 1..9000000000000000000 {\n}"] {
            let s = Self.session()
            let canceller = Thread { Thread.sleep(forTimeInterval: 0.2); s.cancel() }
            canceller.start()
            let d = try #require(failure(script, s))
            #expect(d.kind == .limit && d.message.contains("cancelled"))
            #expect(try s.evaluate("1 + 1") == .int(2))
        }
    }

    @Test func forCountsThroughARangeWithoutMakingIt() throws {
        #expect(try printed("for i in 3..5 { print i }") == [[.int(3)], [.int(4)], [.int(5)]])
        #expect(try printed("for i in 5..3 { print i }") == [])
        #expect(try printed("for i in null..3 { print i }") == [])
        let days = try printed(#"for d in date("2024-02-28")..date("2024-03-01") { print day(d) }"#)
        #expect(days == [[.int(28)], [.int(29)], [.int(1)]])
        // Nested loops, each with its own variable; the body compiled once runs every turn.
        #expect(try printed("for i in 1..2 { for j in i..2 { print i, j } }") == [[.int(1), .int(1)], [.int(1), .int(2)], [.int(2), .int(2)]])
        // A loop variable read inside a pipeline in the body.
        #expect(try printed("for k in 1..2 { print t | take k | count }") == [[.int(1)], [.int(2)]])
    }
}
