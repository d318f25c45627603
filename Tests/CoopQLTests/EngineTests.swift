import Foundation
import Testing
@testable import CoopQL

/// The engine's semantics, through queries over small tables built in code, with every expected
/// value worked out by hand from the table below.
///
///     t:  id  name       grp   x     d           flag   amt
///          1  Bắc Kạn    a     5     2021-01-05  true   1.5
///          2  An         b     null  2020-06-01  false  null
///          3  Đà Nẵng    a     7     null        true   2.5
///          4  Ân         null  7     2022-03-01  null   1.5
///          5  Dương      b     3     2020-06-01  false  0.5
///          6  Ăn         a     null  2019-12-31  true   null
///          7  Bạc Liêu   null  2     2021-01-05  false  2.5
///
///     r:  k     v          (right side of joins: "a" twice, a key t lacks, a null key)
///         a     10
///         b     20
///         a     30
///         c     40
///         null  50
@Suite struct EngineTests {
    // MARK: - Helpers

    static func day(_ s: String) -> Day { Day.parse(s)! }
    static func date(_ s: String) -> Value { .date(day(s)) }

    static func table(_ columns: [(String, DataType, [Value])]) -> Table {
        Table(names: columns.map(\.0), columns: columns.map { Column.from($0.2, type: $0.1) })
    }

    static let t = table([
        ("id", .int, (1...7).map { .int(Int64($0)) }),
        ("name", .text, ["Bắc Kạn", "An", "Đà Nẵng", "Ân", "Dương", "Ăn", "Bạc Liêu"].map { .text($0) }),
        ("grp", .text, [.text("a"), .text("b"), .text("a"), .null, .text("b"), .text("a"), .null]),
        ("x", .int, [.int(5), .null, .int(7), .int(7), .int(3), .null, .int(2)]),
        ("d", .date, [date("2021-01-05"), date("2020-06-01"), .null, date("2022-03-01"), date("2020-06-01"), date("2019-12-31"), date("2021-01-05")]),
        ("flag", .bool, [.bool(true), .bool(false), .bool(true), .null, .bool(false), .bool(true), .bool(false)]),
        ("amt", .decimal, [.decimal(1.5), .null, .decimal(2.5), .decimal(1.5), .decimal(0.5), .null, .decimal(2.5)]),
    ])

    static let r = table([
        ("k", .text, [.text("a"), .text("b"), .text("a"), .text("c"), .null]),
        ("v", .int, [.int(10), .int(20), .int(30), .int(40), .int(50)]),
    ])

    static func session() -> Session {
        let s = Session()
        s.addTable("t", t)
        s.addTable("r", r)
        return s
    }

    func eval(_ text: String, _ session: Session = EngineTests.session(), parameters: [String: String] = [:]) throws -> Value? {
        try session.evaluate(text, parameters: parameters)
    }

    /// The rows of the table a query gives.
    func rows(_ text: String, _ session: Session = EngineTests.session()) throws -> [[Value]] {
        let value = try eval(text, session)
        return try #require(Fixtures.rows(value), "`\(text)` did not give a table: \(String(describing: value))")
    }

    /// One column of the table a query gives, by name.
    func column(_ text: String, _ name: String, _ session: Session = EngineTests.session()) throws -> [Value] {
        guard case .table(let table)? = try eval(text, session) else {
            Issue.record("`\(text)` did not give a table")
            return []
        }
        let index = try #require(table.schema.names.firstIndex(of: name), "no column \(name) in \(table.schema.names)")
        return table.rows.map { $0[index] }
    }

    /// The ids of the rows a query keeps, in order.
    func ids(_ text: String, _ session: Session = EngineTests.session()) throws -> [Int64] {
        try column(text, "id", session).map { v in
            guard case .int(let i) = v else { Issue.record("id \(v) is not an int"); return -1 }
            return i
        }
    }

    /// The diagnostic a run throws (it must throw).
    func failure(_ text: String, _ session: Session = EngineTests.session()) throws -> Diagnostic {
        do {
            let value = try session.evaluate(text)
            Issue.record("expected an error from `\(text)`, got \(String(describing: value))")
            throw CancellationError()
        } catch let list as DiagnosticList {
            return try #require(list.diagnostics.first)
        }
    }

    /// Runs a script and collects what `print` printed.
    func printed(_ text: String, _ session: Session = EngineTests.session()) throws -> [[Value]] {
        var out: [[Value]] = []
        try session.run(SourceText(name: "<test>", text: text)) { output in
            if case .printed(let values) = output { out.append(values) }
        }
        return out
    }

    func isDecimal(_ v: Value?) -> Bool { if case .decimal? = v { return true } else { return false } }

    func close(_ v: Value, _ expected: Double) -> Bool {
        guard case .decimal(let d) = v else { return false }
        return abs(d - expected) < 1e-9
    }

    // MARK: - Three-valued logic and nulls

    @Test func threeValuedLogicOnSingleValues() throws {
        #expect(try eval("null and false") == .bool(false))
        #expect(try eval("false and null") == .bool(false))
        #expect(try eval("null or true") == .bool(true))
        #expect(try eval("true or null") == .bool(true))
        #expect(try eval("null and true") == .null)
        #expect(try eval("null or false") == .null)
        #expect(try eval("not (null and true)") == .null)
    }

    @Test func threeValuedLogicOnColumns() throws {
        // flag: true false true null false true false
        let q = "t | select id, a = flag and false, o = flag or true, n = flag and true, f = flag or false, nf = not flag"
        #expect(try column(q, "a") == Array(repeating: .bool(false), count: 7))
        #expect(try column(q, "o") == Array(repeating: .bool(true), count: 7))
        #expect(try column(q, "n") == [.bool(true), .bool(false), .bool(true), .null, .bool(false), .bool(true), .bool(false)])
        #expect(try column(q, "f") == [.bool(true), .bool(false), .bool(true), .null, .bool(false), .bool(true), .bool(false)])
        #expect(try column(q, "nf") == [.bool(false), .bool(true), .bool(false), .null, .bool(true), .bool(false), .bool(true)])
        // A column that is null on one side and decisive on the other.
        // x > 4: true null true true false null false
        #expect(try column("t | select v = x > 4 or flag", "v") ==
                [.bool(true), .null, .bool(true), .bool(true), .bool(false), .bool(true), .bool(false)])
        #expect(try column("t | select v = x > 4 and flag", "v") ==
                [.bool(true), .bool(false), .bool(true), .null, .bool(false), .null, .bool(false)])
    }

    @Test func whereDropsNull() throws {
        // x: 5 null 7 7 3 null 2
        #expect(try ids("t | where x > 3") == [1, 3, 4])
        #expect(try ids("t | where not (x > 3)") == [5, 7])
        #expect(try ids("t | where x != 5") == [3, 4, 5, 7])
        #expect(try ids("t | where flag") == [1, 3, 6])
        #expect(try ids("t | where not flag") == [2, 5, 7])
        #expect(try ids("t | where null") == [])
        #expect(try ids("t | where x > 3 and flag") == [1, 3])
    }

    @Test func isNullAndIsNotNull() throws {
        #expect(try ids("t | where x is null") == [2, 6])
        #expect(try ids("t | where x is not null") == [1, 3, 4, 5, 7])
        #expect(try ids("t | where grp is null") == [4, 7])
        #expect(try ids("t | where d is null") == [3])
        #expect(try ids("t | where x + amt is null") == [2, 6])
        #expect(try ids("t | where id is null") == [])
        #expect(try eval("null is null") == .bool(true))
        #expect(try eval("1 is not null") == .bool(true))
    }

    @Test func coalesce() throws {
        #expect(try eval("null ?? 3") == .int(3))
        #expect(try eval("2 ?? 3") == .int(2))
        #expect(try column("t | select y = x ?? 0", "y") == [.int(5), .int(0), .int(7), .int(7), .int(3), .int(0), .int(2)])
        #expect(try column("t | select y = x ?? id", "y") == [.int(5), .int(2), .int(7), .int(7), .int(3), .int(6), .int(2)])
        #expect(try column(#"t | select g = grp ?? "-""#, "g") == ["a", "b", "a", "-", "b", "a", "-"].map { .text($0) })
        let mixed = try column("t | select y = amt ?? 0", "y")
        #expect(mixed == [.decimal(1.5), .decimal(0), .decimal(2.5), .decimal(1.5), .decimal(0.5), .decimal(0), .decimal(2.5)])
        #expect(mixed.allSatisfy(isDecimal))
    }

    // MARK: - in / not in

    @Test func inAndNotInOnText() throws {
        #expect(try ids(#"t | where grp in ["a", "c"]"#) == [1, 3, 6])
        // Null is neither in nor out.
        #expect(try ids(#"t | where grp not in ["a"]"#) == [2, 5])
        #expect(try ids(#"t | where name in ["Đà Nẵng", "An", "nobody"]"#) == [2, 3])
        #expect(try eval(#""b" in ["a", "b"]"#) == .bool(true))
        #expect(try eval(#""z" not in ["a", "b"]"#) == .bool(true))
    }

    @Test func inAndNotInOnNumbers() throws {
        #expect(try ids("t | where x in [5, 2]") == [1, 7])
        #expect(try ids("t | where x not in [5, 2]") == [3, 4, 5])
        #expect(try ids("t | where x in 3..6") == [1, 5])
        #expect(try ids("t | where amt in [1.5]") == [1, 4])
        #expect(try eval("2 in [1, 2]") == .bool(true))
        #expect(try eval("null in [1, 2]") == .null)
    }

    @Test func inOnDatesAndRanges() throws {
        #expect(try ids(#"t | where d in [date("2021-01-05"), date("2020-06-01")]"#) == [1, 2, 5, 7])
        #expect(try ids("t | where year(d) in 2020..2021") == [1, 2, 5, 7])
        #expect(try ids("t | where year(d) not in 2020..2021") == [4, 6])
        #expect(try ids(#"t | where d in date("2020-06-01")..date("2021-01-05")"#) == [1, 2, 5, 7])
        #expect(try eval("1..3") == .list([.int(1), .int(2), .int(3)]))
        #expect(try eval("3..1") == .list([]))
    }

    @Test func inOnTheFixtures() throws {
        // Founded 2020–2022 in cooperatives.csv: ids 5, 8, 10, 11, 12, 14, 15, 16, 19, 20.
        #expect(try Fixtures.query("cooperatives | where year(founded) in 2020..2022 | count") == .int(10))
    }

    // MARK: - Arithmetic

    @Test func integerOverflowIsAnError() throws {
        for q in ["9223372036854775807 + 1", "4611686018427387904 * 2", "-9223372036854775807 - 2",
                  "let m = -9223372036854775807 - 1\n-m"] {
            let d = try failure(q)
            #expect(d.kind == .runtime, "\(q)")
            #expect(d.message == "integer overflow: the result does not fit in 64 bits", "\(q)")
            #expect(d.suggestion == "compute with decimals instead, e.g. multiply by 1.0 first")
        }
        // The edges themselves are fine.
        #expect(try eval("-9223372036854775807 - 1") == .int(Int64.min))
        #expect(try eval("9223372036854775806 + 1") == .int(Int64.max))
    }

    @Test func integerOverflowInColumns() throws {
        let s = Session()
        s.addTable("big", EngineTests.table([
            ("id", .int, [.int(1), .int(2), .int(3)]),
            ("n", .int, [.int(1), .int(Int64.max), .null]),
            ("low", .int, [.int(-1), .int(Int64.min), .null]),
        ]))
        for q in ["big | extend y = n + 1", "big | extend y = n * 2", "big | extend y = -low", "big | extend y = low - 1",
                  "big | summarize s = sum(n)", "big | summarize s = sum(low) by id = 0"] {
            let d = try failure(q, s)
            #expect(d.message == "integer overflow: the result does not fit in 64 bits", "\(q)")
        }
        // Rows that do not overflow, or hold null, are fine.
        #expect(try column("big | where id != 2 | select y = n + 1, z = -low", "y", s) == [.int(2), .null])
        #expect(try column("big | where id != 2 | select y = n + 1, z = -low", "z", s) == [.int(1), .null])
        #expect(try column("big | select y = n * 1.0", "y", s).map(isDecimal) == [true, true, false])
    }

    @Test func divisionByZero() throws {
        for q in ["1 / 0", "1 % 0", "1.0 / 0", "t | extend y = 10 / (x - 5)", "t | extend y = id % (x - 7)"] {
            let d = try failure(q)
            #expect(d.kind == .runtime, "\(q)")
            #expect(d.message == "division by zero", "\(q)")
            #expect(d.suggestion == "guard it: if d == 0 then null else n / d")
        }
        let d = try failure("print 1\nt | extend y = 10 / (x - 5)")
        #expect(d.location?.line == 2)
        #expect(d.location?.column == 16)
        // A null divisor is no division at all.
        #expect(try column("t | where x is null or x == 3 | select y = 12 / (x - 2)", "y") == [.null, .decimal(12), .null])
    }

    @Test func ifGuardsDivisionByZero() throws {
        #expect(try eval("if 0 == 0 then null else 1 / 0") == .null)
        // x - 5 is 0 for row 1; the else branch never sees it.
        let y = try column("t | select y = if x == 5 then null else 10 / (x - 5)", "y")
        #expect(y == [.null, .null, .decimal(5), .decimal(5), .decimal(-5), .null, .decimal(-10 / 3.0)])
        let n = try column("t | select y = if x - 5 != 0 then 10 / (x - 5) else 0.0", "y")
        #expect(n == [.decimal(0), .decimal(0), .decimal(5), .decimal(5), .decimal(-5), .decimal(0), .decimal(-10 / 3.0)])
    }

    @Test func slashAlwaysGivesADecimal() throws {
        let half = try eval("7 / 2")
        #expect(half == .decimal(3.5))
        #expect(isDecimal(half))
        let whole = try eval("6 / 3")
        #expect(isDecimal(whole) && whole == .decimal(2))
        let col = try column("t | where x is not null | select y = x / 2", "y")
        #expect(col == [.decimal(2.5), .decimal(3.5), .decimal(3.5), .decimal(1.5), .decimal(1)])
        #expect(col.allSatisfy(isDecimal))
    }

    @Test func remainder() throws {
        #expect(try eval("7 % 3") == .int(1))
        #expect(try eval("6 % 3") == .int(0))
        #expect(try eval("7.5 % 2") == .decimal(1.5))
        #expect(try column("t | select y = x % 2", "y") == [.int(1), .null, .int(1), .int(1), .int(1), .null, .int(0)])
        #expect(try column("t | select y = id % 3", "y") == [1, 2, 0, 1, 2, 0, 1].map { .int($0) })
    }

    @Test func textConcatenation() throws {
        #expect(try eval(#""Hợp " + "tác""#) == .text("Hợp tác"))
        #expect(try column(#"t | where id <= 4 | select s = name + "/" + grp"#, "s") ==
                [.text("Bắc Kạn/a"), .text("An/b"), .text("Đà Nẵng/a"), .null])
        #expect(try eval(#""a" + null"#) == .null)
    }

    @Test func dateArithmetic() throws {
        #expect(try eval(#"date("2022-01-31") + 1"#) == EngineTests.date("2022-02-01"))
        #expect(try eval(#"date("2022-03-01") - 1"#) == EngineTests.date("2022-02-28"))
        #expect(try eval(#"date("2024-03-01") - 1"#) == EngineTests.date("2024-02-29"))
        #expect(try eval(#"date("2024-03-01") - date("2024-02-01")"#) == .int(29))
        #expect(try eval(#"date("2022-01-01") - date("2022-12-31")"#) == .int(-364))
        #expect(try column("t | select e = d + 30", "e") ==
                [EngineTests.date("2021-02-04"), EngineTests.date("2020-07-01"), .null, EngineTests.date("2022-03-31"),
                 EngineTests.date("2020-07-01"), EngineTests.date("2020-01-30"), EngineTests.date("2021-02-04")])
        #expect(try column(#"t | select g = d - date("2020-01-01")"#, "g") ==
                [.int(370), .int(152), .null, .int(790), .int(152), .int(-1), .int(370)])
    }

    // MARK: - Text matching

    @Test func containsAndEqualsFoldCaseAndAccents() throws {
        #expect(try eval(#""Đà Nẵng" =~ "da nang""#) == .bool(true))
        #expect(try eval(#""ĐÀ NẴNG" =~ "đà nẵng""#) == .bool(true))
        #expect(try eval(#""Đà Nẵng" =~ "da""#) == .bool(false))
        #expect(try eval(#""HTX Đồng Phú" ~ "dong phu""#) == .bool(true))
        #expect(try eval(#""HTX Đồng Phú" !~ "dong phu""#) == .bool(false))
        #expect(try eval(#""Đà Nẵng" !~ "hue""#) == .bool(true))
        #expect(try ids(#"t | where name ~ "an""#) == [1, 2, 3, 4, 6])
        #expect(try ids(#"t | where name =~ "an""#) == [2, 4, 6])
        #expect(try ids(#"t | where name !~ "an""#) == [5, 7])
        #expect(try ids(#"t | where name =~ "DUONG""#) == [5])
        #expect(try ids(#"t | where name ~ "đà""#) == [3])
        #expect(try ids(#"t | where grp !~ "a""#) == [2, 5])
    }

    @Test func decomposedTextIsNormalisedByTheLoader() throws {
        let dir = TemporaryFolders.url("nfd")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Row 1 is "Hòa" decomposed (o + U+0300), row 2 precomposed, row 3 "Đồng".
        try Data("id,name\n1,Ho\u{0300}a\n2,H\u{00F2}a\n3,\u{0110}\u{1ED3}ng\n".utf8).write(to: dir.appendingPathComponent("w.csv"))
        let s = Session()
        try s.loadDirectory(dir.path)
        #expect(try ids(#"w | where name =~ "hoa""#, s) == [1, 2])
        #expect(try ids(#"w | where name == "Hòa""#, s) == [1, 2])
        #expect(try ids(#"w | where name ~ "dong""#, s) == [3])
        #expect(try rows("w | count by name", s) == [[.text("Hòa"), .int(2)], [.text("Đồng"), .int(1)]])
        // Stored precomposed: three scalars, not four.
        let first = try column("w | where id == 1 | select name", "name", s)
        guard case .text(let stored)? = first.first else { Issue.record("no text"); return }
        #expect(Array(stored.unicodeScalars).map(\.value) == [0x48, 0xF2, 0x61])
        #expect(try column("w | select l = len(name)", "l", s) == [.int(3), .int(3), .int(4)])
    }

    // MARK: - Sorting

    @Test func sortIsVietnameseAlphabetical() throws {
        #expect(try column("t | sort by name | select name", "name") ==
                ["An", "Ăn", "Ân", "Bạc Liêu", "Bắc Kạn", "Dương", "Đà Nẵng"].map { .text($0) })
        #expect(try column("t | sort by name desc | select name", "name") ==
                ["Đà Nẵng", "Dương", "Bắc Kạn", "Bạc Liêu", "Ân", "Ăn", "An"].map { .text($0) })
    }

    @Test func sortPutsNullsLastBothWays() throws {
        #expect(try ids("t | sort by x") == [7, 5, 1, 3, 4, 2, 6])
        #expect(try ids("t | sort by x desc") == [3, 4, 1, 5, 7, 2, 6])
        #expect(try ids("t | sort by d") == [6, 2, 5, 1, 7, 4, 3])
        #expect(try ids("t | sort by d desc") == [4, 1, 7, 2, 5, 6, 3])
        #expect(try ids("t | sort by grp desc") == [2, 5, 1, 3, 6, 4, 7])
    }

    @Test func sortIsStable() throws {
        // Equal keys keep their order: flag false = 2, 5, 7; true = 1, 3, 6; null = 4.
        #expect(try ids("t | sort by flag") == [2, 5, 7, 1, 3, 6, 4])
        #expect(try ids("t | sort by flag desc") == [1, 3, 6, 2, 5, 7, 4])
        // Sorting twice keeps the first order within ties of the second key.
        #expect(try ids("t | sort by name | sort by grp") == [6, 1, 3, 2, 5, 4, 7])
    }

    @Test func sortByManyKeys() throws {
        #expect(try ids("t | sort by grp desc, x desc") == [5, 2, 3, 1, 6, 4, 7])
        // amt 2.5: Bạc Liêu (7) < Đà Nẵng (3); 1.5: Ân (4) < Bắc Kạn (1).
        #expect(try ids("t | sort by amt desc, name") == [7, 3, 4, 1, 5, 2, 6])
        #expect(try ids("t | sort by year(d), id desc") == [6, 5, 2, 7, 1, 4, 3])
    }

    // MARK: - take, top, distinct

    @Test func take() throws {
        #expect(try ids("t | take 0") == [])
        #expect(try ids("t | take 3") == [1, 2, 3])
        #expect(try ids("t | take 100") == [1, 2, 3, 4, 5, 6, 7])
        #expect(try eval("param n = 2\nt | take $n | count") == .int(2))
        let d = try failure("t | take -1")
        #expect(d.kind == .runtime)
        #expect(d.message == "`take` needs a number of rows that is not negative, not -1")
        #expect(try failure("t | top -2 by x").message == "`top` needs a number of rows that is not negative, not -2")
    }

    @Test func topWithTies() throws {
        // `top` is descending unless told; ties keep their order.
        #expect(try ids("t | top 2 by x") == [3, 4])
        #expect(try ids("t | top 3 by x") == [3, 4, 1])
        #expect(try ids("t | top 2 by x asc") == [7, 5])
        #expect(try ids("t | top 1 by amt") == [3])
        // Only the first key defaults to descending; `id` breaks the tie ascending, as in `sort`.
        #expect(try ids("t | top 2 by flag, id") == [1, 3])
        #expect(try ids("t | top 0 by x") == [])
        #expect(try ids("t | top 50 by x") == [3, 4, 1, 5, 7, 2, 6])
    }

    @Test func distinctKeepsFirstAppearance() throws {
        #expect(try rows("t | distinct grp") == [[.text("a")], [.text("b")], [.null]])
        #expect(try rows("t | distinct grp, flag") ==
                [[.text("a"), .bool(true)], [.text("b"), .bool(false)], [.null, .null], [.null, .bool(false)]])
        #expect(try rows("t | select grp | distinct") == [[.text("a")], [.text("b")], [.null]])
        #expect(try rows("t | distinct y = year(d)") == [[.int(2021)], [.int(2020)], [.null], [.int(2022)], [.int(2019)]])
        #expect(try rows("t | select x, amt | distinct") ==
                [[.int(5), .decimal(1.5)], [.null, .null], [.int(7), .decimal(2.5)], [.int(7), .decimal(1.5)],
                 [.int(3), .decimal(0.5)], [.int(2), .decimal(2.5)]])
        #expect(try rows("t | where false | distinct grp") == [])
    }

    // MARK: - Grouping

    @Test func nullKeysFormTheirOwnGroup() throws {
        #expect(try rows("t | count by grp") == [[.text("a"), .int(3)], [.text("b"), .int(2)], [.null, .int(2)]])
        #expect(try rows("t | count by x") ==
                [[.int(5), .int(1)], [.null, .int(2)], [.int(7), .int(2)], [.int(3), .int(1)], [.int(2), .int(1)]])
    }

    @Test func groupByTwoKeys() throws {
        #expect(try rows("t | summarize n = count(), s = sum(x) by grp, flag") == [
            [.text("a"), .bool(true), .int(3), .int(12)],
            [.text("b"), .bool(false), .int(2), .int(3)],
            [.null, .null, .int(1), .int(7)],
            [.null, .bool(false), .int(1), .int(2)],
        ])
    }

    @Test func groupByBoolDateAndDecimalKeys() throws {
        #expect(try rows("t | count by flag") == [[.bool(true), .int(3)], [.bool(false), .int(3)], [.null, .int(1)]])
        #expect(try rows("t | count by d") == [
            [EngineTests.date("2021-01-05"), .int(2)], [EngineTests.date("2020-06-01"), .int(2)], [.null, .int(1)],
            [EngineTests.date("2022-03-01"), .int(1)], [EngineTests.date("2019-12-31"), .int(1)],
        ])
        #expect(try rows("t | count by amt") ==
                [[.decimal(1.5), .int(2)], [.null, .int(2)], [.decimal(2.5), .int(2)], [.decimal(0.5), .int(1)]])
        #expect(try rows("t | summarize ids = sum(id) by big = x > 4") ==
                [[.bool(true), .int(8)], [.null, .int(8)], [.bool(false), .int(12)]])
    }

    // MARK: - Aggregates

    @Test func aggregatesPerGroup() throws {
        let q = "t | summarize n = count(), nx = count(x), t = count_if(flag), s = sum(x), a = avg(x), lo = min(name), hi = max(name), first = min(d), last = max(d), cd = count_distinct(x) by grp"
        #expect(try rows(q) == [
            // a: ids 1, 3, 6 — x 5, 7, null; names Bắc Kạn, Đà Nẵng, Ăn; d 2021-01-05, null, 2019-12-31
            [.text("a"), .int(3), .int(2), .int(3), .int(12), .decimal(6), .text("Ăn"), .text("Đà Nẵng"),
             EngineTests.date("2019-12-31"), EngineTests.date("2021-01-05"), .int(2)],
            // b: ids 2, 5 — x null, 3
            [.text("b"), .int(2), .int(1), .int(0), .int(3), .decimal(3), .text("An"), .text("Dương"),
             EngineTests.date("2020-06-01"), EngineTests.date("2020-06-01"), .int(1)],
            // null: ids 4, 7 — x 7, 2
            [.null, .int(2), .int(2), .int(0), .int(9), .decimal(4.5), .text("Ân"), .text("Bạc Liêu"),
             EngineTests.date("2021-01-05"), EngineTests.date("2022-03-01"), .int(2)],
        ])
    }

    @Test func sumOfAGroupWithoutValuesIsNull() throws {
        // Group 6 holds only row 6, whose x is null; group 2 only row 2.
        #expect(try rows("t | where x is null | summarize s = sum(x), a = avg(x), m = min(x), c = count(x), n = count() by id") ==
                [[.int(2), .null, .null, .null, .int(0), .int(1)], [.int(6), .null, .null, .null, .int(0), .int(1)]])
        #expect(try rows("t | summarize s = sum(amt) by grp") == [[.text("a"), .decimal(4)], [.text("b"), .decimal(0.5)], [.null, .decimal(4)]])
    }

    @Test func median() throws {
        // Odd: 2 3 5 7 7 → 5. Even: 2 3 7 7 → 5.0 (mean of 3 and 7).
        #expect(try rows("t | summarize m = median(x)") == [[.decimal(5)]])
        #expect(try rows("t | where id != 1 | summarize m = median(x)") == [[.decimal(5)]])
        #expect(try rows("t | where id <= 3 | summarize m = median(x)") == [[.decimal(6)]])
        #expect(try rows("t | summarize m = median(amt) by grp") == [[.text("a"), .decimal(2)], [.text("b"), .decimal(0.5)], [.null, .decimal(2)]])
    }

    @Test func countDistinct() throws {
        #expect(try rows("t | summarize a = count_distinct(x), b = count_distinct(grp), c = count_distinct(d), e = count_distinct(amt), f = count_distinct(flag)") ==
                [[.int(4), .int(2), .int(4), .int(3), .int(2)]])
    }

    @Test func summarizeWithoutByOnAnEmptyTable() throws {
        #expect(try rows("t | where false | summarize n = count(), s = sum(x), m = max(name), a = avg(amt)") ==
                [[.int(0), .null, .null, .null]])
        #expect(try rows("t | where false | count by grp") == [])
        #expect(try eval("t | where false | count") == .int(0))
    }

    // MARK: - Joins

    @Test func innerJoinMultipliesRowsInLeftThenRightOrder() throws {
        let got = try rows("t | join r on grp == r.k | select id, v")
        #expect(got == [[1, 10], [1, 30], [2, 20], [3, 10], [3, 30], [5, 20], [6, 10], [6, 30]].map { $0.map { .int(Int64($0)) } })
    }

    @Test func leftJoinKeepsUnmatchedRowsWithNulls() throws {
        let got = try rows("t | left join r on grp == r.k | select id, k, v")
        #expect(got == [
            [.int(1), .text("a"), .int(10)], [.int(1), .text("a"), .int(30)], [.int(2), .text("b"), .int(20)],
            [.int(3), .text("a"), .int(10)], [.int(3), .text("a"), .int(30)], [.int(4), .null, .null],
            [.int(5), .text("b"), .int(20)], [.int(6), .text("a"), .int(10)], [.int(6), .text("a"), .int(30)],
            [.int(7), .null, .null],
        ])
    }

    @Test func nullKeysNeverMatch() throws {
        // r has a null key and t has two: none of them pair up, in either direction.
        #expect(try ids("t | join r on grp == r.k | where grp is null") == [])
        #expect(try eval("r | join t on k == t.grp | where k is null | count") == .int(0))
        #expect(try rows("r | left join t on k == t.grp | where k is null | select v, id") == [[.int(50), .null]])
        #expect(try rows("r | left join t on k == t.grp | select v, id") ==
                [[10, 1], [10, 3], [10, 6], [20, 2], [20, 5], [30, 1], [30, 3], [30, 6]].map { $0.map { .int(Int64($0)) } }
                + [[.int(40), .null], [.int(50), .null]])
    }

    @Test func joinOnTwoKeys() throws {
        let s = EngineTests.session()
        s.addTable("pairs", EngineTests.table([
            ("g", .text, [.text("a"), .text("a"), .text("b"), .text("b")]),
            ("f", .bool, [.bool(true), .bool(false), .bool(false), .bool(true)]),
            ("label", .text, [.text("a-yes"), .text("a-no"), .text("b-no"), .text("b-yes")]),
        ]))
        #expect(try rows("t | join pairs on grp == pairs.g and flag == pairs.f | select id, label", s) ==
                [[.int(1), .text("a-yes")], [.int(2), .text("b-no")], [.int(3), .text("a-yes")], [.int(5), .text("b-no")], [.int(6), .text("a-yes")]])
        // The order of the two conditions does not matter, nor which side is written first.
        #expect(try rows("t | join pairs on pairs.f == flag and grp == pairs.g | select id, label", s) ==
                [[.int(1), .text("a-yes")], [.int(2), .text("b-no")], [.int(3), .text("a-yes")], [.int(5), .text("b-no")], [.int(6), .text("a-yes")]])
    }

    @Test func joinOnTextKeysAcrossDictionaries() throws {
        let s = EngineTests.session()
        // Same strings in another order, plus strings t lacks: the codes differ between the tables.
        s.addTable("places", EngineTests.table([
            ("place", .text, ["Huế", "Dương", "An", "Bắc Kạn", "Đà Nẵng", "Hà Nội"].map { .text($0) }),
            ("code", .int, [.int(46), .int(99), .int(1), .int(6), .int(48), .int(1)]),
        ]))
        #expect(try rows("t | join places on name == places.place | select id, code", s) ==
                [[.int(1), .int(6)], [.int(2), .int(1)], [.int(3), .int(48)], [.int(5), .int(99)]])
        #expect(try rows("places | left join t on place == t.name | select code, id", s) ==
                [[.int(46), .null], [.int(99), .int(5)], [.int(1), .int(2)], [.int(6), .int(1)], [.int(48), .int(3)], [.int(1), .null]])
    }

    @Test func joinOnFixtures() throws {
        // Loans per province of the borrowing cooperative, worked out from loans.csv by hand.
        let got = try rows("loans | join cooperatives on coop_id == cooperatives.id | summarize n = count(), total = sum(amount) by cooperatives.province | sort by province",
                           try Fixtures.session())
        #expect(got == [
            [.text("Bạc Liêu"), .int(2), .int(1_600_000_000)],
            [.text("Bắc Kạn"), .int(2), .int(500_000_000)],
            [.text("Bắc Ninh"), .int(5), .int(3_370_000_000)],
            [.text("Bình Phước"), .int(3), .int(2_350_000_000)],
        ])
    }

    @Test
    func leftJoinAgainstAnEmptyComputedTextColumn() throws {
        // `k + "!"` over no rows builds a text column with an empty dictionary; the left join then
        // fills it with nulls (code 0), which text kernels look up in that empty dictionary.
        let right = #"(r | where false | extend kk = k + "!") as z on grp == z.kk"#
        #expect(try eval("t | left join \(right) | where z.kk == \"a!\" | count") == .int(0))
        #expect(try ids("t | left join \(right) | sort by kk, id") == [1, 2, 3, 4, 5, 6, 7])
        #expect(try eval("t | left join \(right) | where kk ~ \"a\" | count") == .int(0))
        #expect(try eval("t | left join \(right) | where kk in [\"a!\"] | count") == .int(0))
        #expect(try rows("t | left join \(right) | summarize m = min(kk), c = count_distinct(kk)") == [[.null, .int(0)]])
    }

    @Test
    func smallestIntegerIsAValueNotNull() throws {
        let s = EngineTests.session()
        s.addTable("m", EngineTests.table([
            ("id", .int, [.int(1), .int(2), .int(3)]),
            ("n", .int, [.int(Int64.min), .null, .int(Int64.min)]),
        ]))
        #expect(try rows("m | count by n", s) == [[.int(Int64.min), .int(2)], [.null, .int(1)]])
        #expect(try rows("m | distinct n", s) == [[.int(Int64.min)], [.null]])
        #expect(try rows("m | join (m | select n2 = n, id2 = id) as z on n == z.n2 | select id, id2", s) ==
                [[.int(1), .int(1)], [.int(1), .int(3)], [.int(3), .int(1)], [.int(3), .int(3)]])
    }

    // MARK: - percent, pivot

    @Test func percentSumsToOneHundred() throws {
        // x sums to 24 over the non-null rows.
        let p = try column("t | select p = percent(x)", "p")
        let expected: [Double?] = [500.0 / 24, nil, 700.0 / 24, 700.0 / 24, 300.0 / 24, nil, 200.0 / 24]
        for (got, want) in zip(p, expected) {
            if let want { #expect(close(got, want), "\(got) vs \(want)") } else { #expect(got == .null) }
        }
        let total = p.compactMap { v -> Double? in if case .decimal(let d) = v { return d } else { return nil } }.reduce(0, +)
        #expect(abs(total - 100) < 1e-9)
        let counts = try column("t | count by grp | extend pct = percent(count)", "pct")
        #expect(counts.count == 3)
        #expect(close(counts[0], 300.0 / 7) && close(counts[1], 200.0 / 7) && close(counts[2], 200.0 / 7))
    }

    @Test func percentOfAColumnSummingToZeroIsNull() throws {
        #expect(try column("t | select p = percent(x - x)", "p") == Array(repeating: .null, count: 7))
        #expect(try column("t | select p = percent(id * 0)", "p") == Array(repeating: .null, count: 7))
    }

    @Test
    func percentInsideIfUsesTheWholeColumn() throws {
        // x sums to 24; rows with x > 2 should get 100·x/24, the rest 0.
        let p = try column("t | select p = if x > 2 then percent(x) else 0.0", "p")
        #expect(close(p[0], 500.0 / 24))
        #expect(close(p[2], 700.0 / 24))
        #expect(close(p[4], 300.0 / 24))
        #expect(p[6] == .decimal(0))
    }

    @Test func pivotFillsZeroForCountsAndNullForSums() throws {
        let counts = try eval("t | pivot count() by grp, flag")
        #expect(Fixtures.names(counts) == ["grp", "false", "true", "null"])
        #expect(Fixtures.rows(counts) == [
            [.text("a"), .int(0), .int(3), .int(0)],
            [.text("b"), .int(2), .int(0), .int(0)],
            [.null, .int(1), .int(0), .int(1)],
        ])
        let sums = try eval("t | pivot sum(x) by grp, flag")
        #expect(Fixtures.names(sums) == ["grp", "false", "true", "null"])
        #expect(Fixtures.rows(sums) == [
            [.text("a"), .null, .int(12), .null],
            [.text("b"), .int(3), .null, .null],
            [.null, .int(2), .null, .int(7)],
        ])
        // Rows in Vietnamese order, whatever order the data came in.
        let byName = try eval("t | pivot count() by name, grp")
        #expect(Fixtures.rows(byName)?.map { $0[0] } == ["An", "Ăn", "Ân", "Bạc Liêu", "Bắc Kạn", "Dương", "Đà Nẵng"].map { .text($0) })
        #expect(Fixtures.names(byName) == ["name", "a", "b", "null"])
    }

    // MARK: - extend, select

    @Test func extendReplacesAnExistingColumnInPlace() throws {
        let value = try eval("t | extend x = x * 10, extra = id + 100 | where id <= 2")
        #expect(Fixtures.names(value) == ["id", "name", "grp", "x", "d", "flag", "amt", "extra"])
        #expect(Fixtures.rows(value)?.map { [$0[3], $0[7]] } == [[.int(50), .int(101)], [.null, .int(102)]])
        // The replaced column is read as it was before the stage.
        #expect(try column("t | extend x = x + 1 | extend x = x + 1", "x") == [.int(7), .null, .int(9), .int(9), .int(5), .null, .int(4)])
    }

    @Test func selectRenames() throws {
        let value = try eval("t | where id == 3 | select n = name, id, twice = id * 2")
        #expect(Fixtures.names(value) == ["n", "id", "twice"])
        #expect(Fixtures.rows(value) == [[.text("Đà Nẵng"), .int(3), .int(6)]])
        #expect(try column("t | select n = name | where n ~ \"bac\"", "n") == [.text("Bắc Kạn"), .text("Bạc Liêu")])
    }

    // MARK: - Functions, let, for, if

    @Test func recursiveFunction() throws {
        #expect(try eval("fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\nfib(20)") == .int(6765))
        #expect(try eval("fn fact(n) = if n <= 1 then 1 else n * fact(n - 1)\nfact(20)") == .int(2_432_902_008_176_640_000))
        // And over a column, row by row: fib of 5 7 7 3 2.
        #expect(try column("fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\nt | where x is not null | select f = fib(x)", "f") ==
                [.int(5), .int(13), .int(13), .int(2), .int(1)])
    }

    @Test func functionCalledOnAColumnInsideAStage() throws {
        let q = "fn share(part, whole) = round(100.0 * part / whole, 1)\nt | extend s = share(x, 30) | select id, s"
        #expect(try column(q, "s") == [.decimal(16.7), .null, .decimal(23.3), .decimal(23.3), .decimal(10), .null, .decimal(6.7)])
        let label = "fn size(v) = if v > 4 then \"big\" else \"small\"\nt | where x is not null | select l = size(x)"
        #expect(try column(label, "l") == ["big", "big", "big", "small", "small"].map { .text($0) })
    }

    @Test func endlessRecursionIsAnErrorNotACrash() throws {
        let d = try failure("fn loop(n) = loop(n + 1)\nloop(1)")
        #expect(d.kind == .runtime)
        #expect(d.message == "function calls nested more than 2000 deep: does `loop` call itself without end?")
        #expect(d.suggestion == "give the recursion a case that stops it, as in if n < 2 then n else …")
        #expect(d.location?.line == 1 && d.location?.column == 14)
        // Over a column too, and the session still works afterwards.
        let s = EngineTests.session()
        #expect(try failure("fn down(n) = down(n - 1)\nt | extend y = down(x)", s).message.hasPrefix("function calls nested more than 2000 deep"))
        #expect(try eval("t | count", s) == .int(7))
    }

    @Test func letValuesAreReused() throws {
        let script = """
        let a = t | where grp == "a"
        let n = a | count
        print n, a | summarize s = sum(x)
        print n * 2, a | where x > 5 | count
        """
        let out = try printed(script)
        #expect(out.count == 2)
        #expect(out.first?.first == .int(3))
        #expect(Fixtures.rows(out.first?.last) == [[.int(12)]])
        #expect(out.last == [.int(6), .int(1)])
        // A let value survives into later runs of the same session.
        let s = EngineTests.session()
        _ = try eval("let big = t | where x > 4", s)
        #expect(try eval("big | count", s) == .int(3))
    }

    @Test func forGoesOverTheRowsOfATable() throws {
        let out = try printed("for s in t | where grp == \"b\" | sort by id desc {\n    print s.id, s.name, s.x\n}")
        // `print` writes an id as its plain digits (see `NumberRole`), so `s.id` comes out as text.
        #expect(out == [[.text("5"), .text("Dương"), .int(3)], [.text("2"), .text("An"), .null]])
        let counts = try printed("for g in t | count by grp {\n  print g.grp, g.count\n}")
        #expect(counts == [[.text("a"), .int(3)], [.text("b"), .int(2)], [.null, .int(2)]])
        #expect(try printed("for i in 1..3 { print i, i * i }") == [[.int(1), .int(1)], [.int(2), .int(4)], [.int(3), .int(9)]])
        #expect(try printed("for s in t | where false { print s.id }") == [])
    }

    @Test
    func loopVariableInsideAStage() throws {
        #expect(try printed("for g in [\"a\", \"b\"] {\n  print g, t | where grp == g | count\n}") == [[.text("a"), .int(3)], [.text("b"), .int(2)]])
        #expect(try eval("fn in_group(g) = t | where grp == g | count\nin_group(\"a\")") == .int(3))
        #expect(try printed("for k in [1, 2] { print t | take k | count }") == [[.int(1)], [.int(2)]])
    }

    @Test func ifElifElseStatements() throws {
        func pick(_ n: Int) throws -> [[Value]] {
            try printed("let n = \(n)\nif n > 10 {\n  print \"big\"\n} elif n > 5 {\n  print \"medium\"\n} elif n > 0 {\n  print \"small\"\n} else {\n  print \"none\"\n}\nprint \"done\"")
        }
        #expect(try pick(20) == [[.text("big")], [.text("done")]])
        #expect(try pick(7) == [[.text("medium")], [.text("done")]])
        #expect(try pick(1) == [[.text("small")], [.text("done")]])
        #expect(try pick(0) == [[.text("none")], [.text("done")]])
        // A null condition takes no branch but `else`.
        #expect(try printed("if null { print 1 } else { print 2 }") == [[.int(2)]])
        #expect(try printed("if (t | count) == 7 { print \"seven\" }") == [[.text("seven")]])
    }

    // MARK: - import

    @Test func importFromAnAllowedFolder() throws {
        let dir = TemporaryFolders.url("import")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lib = dir.appendingPathComponent("lib.coop")
        try "fn dbl(v) = v * 2\nlet base = 21\nprint \"loaded\"\n".write(to: lib, atomically: true, encoding: .utf8)
        let s = EngineTests.session()
        s.allowedDirectories = [dir.path]
        #expect(try printed("import \"\(lib.path)\"\nprint dbl(base)\nprint t | where x > base / 5 | count", s) ==
                [[.text("loaded")], [.int(42)], [.int(3)]])
    }

    @Test func importOutsideTheAllowedFoldersIsRefused() throws {
        let root = TemporaryFolders.url("import")
        let allowed = root.appendingPathComponent("allowed"), other = root.appendingPathComponent("allowedx")
        try FileManager.default.createDirectory(at: allowed, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = other.appendingPathComponent("secret.coop")
        try "let secret = 1\n".write(to: secret, atomically: true, encoding: .utf8)

        let s = EngineTests.session()
        s.allowedDirectories = [allowed.path]
        for path in [secret.path, allowed.path + "/../allowedx/secret.coop"] {
            let d = try failure("import \"\(path)\"\nprint 1", s)
            #expect(d.message == "cannot import \(path): it is outside the folders this session may read")
            #expect(d.location?.line == 1 && d.location?.column == 1)
        }
        // With no allowed folder at all, nothing may be read.
        let none = try failure("import \"\(secret.path)\"", EngineTests.session())
        #expect(none.message == "cannot import \(secret.path): it is outside the folders this session may read")
        #expect(none.hint == "allowed: none")
    }

    @Test
    func runtimeErrorInAnImportedFilePointsIntoThatFile() throws {
        let dir = TemporaryFolders.url("import")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.coop")
        try "\n\n\nlet boom = 1 / 0\n".write(to: bad, atomically: true, encoding: .utf8)
        let s = EngineTests.session()
        s.allowedDirectories = [dir.path]
        let d = try failure("import \"\(bad.path)\"\nprint 1", s)
        #expect(d.message == "division by zero")
        #expect(d.source?.name.hasSuffix("bad.coop") == true)
        #expect(d.location?.line == 4)
        #expect(d.location?.column == 12)
    }

    // MARK: - extend in order, qualifiers, stage error places

    @Test func extendItemsSeeEarlierItems() throws {
        let values = try column("t | sort by id | take 3 | extend a = id * 10, b = a + 1, id = b * 2", "id")
        #expect(values == [.int(22), .int(42), .int(62)])
        let b = try column("t | sort by id | take 2 | extend a = id * 10, b = a + 1", "b")
        #expect(b == [.int(11), .int(21)])
    }

    @Test func replacedColumnKeepsItsTable() throws {
        #expect(try column("t | extend x = 0 | where t.x == 0 | count by grp | sort by grp", "count") == [.int(3), .int(2), .int(2)])
    }

    @Test func negativeTakePointsAtItsCount() throws {
        let d = try failure("t | take 0 - 1")
        #expect(d.message == "`take` needs a number of rows that is not negative, not -1")
        #expect(d.location?.line == 1 && d.location?.column == 10)
    }
}
