import Testing
@testable import CoopQL
@testable import CoopQLSample

/// Joins followed by `summarize` run as one operator over row numbers (`JoinedRows`); these tests
/// hold its answers, errors and limits to those of the stages run one by one, which a `where true`
/// between the joins and the summarize brings about.
@Suite struct JoinSummarizeTests {
    /// Members (`m`) of cooperatives (`c`, ids 1…coops, but members also name ids that do not
    /// exist, and some name none), provinces (`p`, keyed by a name, with a dictionary in another
    /// order and one province missing) and a table with repeated provinces (`q`).
    static func session(members: Int, coops: Int) -> Session {
        var numbers = SampleRandom(seed: 7)
        let provinces = ["Bắc Ninh", "Bạc Liêu", "Bắc Kạn", "Bình Phước", "Hà Giang", "Cao Bằng"]
        let c = Table(names: ["id", "province", "founded", "size"], columns: [
            Column(.int((1...Int64(coops)).map { $0 })),
            Column(.text(codes: (0..<coops).map { _ in Int32(numbers.below(provinces.count)) }, dictionary: StringDictionary(provinces))),
            Column(.date((0..<coops).map { _ in Int32(7000 + numbers.below(9000)) })),
            Column(.int((0..<coops).map { _ in Int64(numbers.below(300)) }))
        ])
        var coopIDs = [Int64](), amounts = [Int64](), genders = [Int32]()
        var idValid = Bitmap(count: members, value: true)
        for i in 0..<members {
            // Runs of members of one cooperative, as in real data, and a few strays.
            coopIDs.append(i % 97 == 0 ? Int64(coops + 1 + numbers.below(50)) : Int64(1 + (i / 7 + numbers.below(2)) % coops))
            if i % 89 == 0 { idValid[i] = false }
            amounts.append(Int64(numbers.below(1_000_000)) * 100)
            genders.append(Int32(numbers.below(2)))
        }
        let m = Table(names: ["id", "coop_id", "amount", "gender"], columns: [
            Column(.int((0..<Int64(members)).map { $0 })),
            Column(.int(coopIDs), validity: idValid),
            Column(.int(amounts)),
            Column(.text(codes: genders, dictionary: StringDictionary(["female", "male"])))
        ])
        let p = Table(names: ["name", "region"], columns: [
            Column(.text(codes: [0, 1, 2, 3, 4], dictionary: StringDictionary(["Cao Bằng", "Hà Giang", "Bình Phước", "Bạc Liêu", "Bắc Ninh"]))),
            Column(.text(codes: [0, 0, 1, 2, 0], dictionary: StringDictionary(["north", "southeast", "mekong"])))
        ])
        let q = Table(names: ["province", "program"], columns: [
            Column(.text(codes: [0, 1, 0, 2], dictionary: StringDictionary(["Bắc Ninh", "Bắc Kạn", "Cao Bằng"]))),
            Column(.int([1, 2, 3, 4]))
        ])
        let session = Session()
        session.addTable("m", m)
        session.addTable("c", c)
        session.addTable("p", p)
        session.addTable("q", q)
        return session
    }

    static func table(_ session: Session, _ query: String) throws -> Table {
        guard case .table(let t)? = try session.evaluate(query) else { throw Diagnostic(.usage, "not a table: \(query)") }
        return t
    }

    /// The query as written (joins and summarize as one) and with the stages run one by one.
    static func bothWays(_ session: Session, _ joins: String, _ summarize: String) throws -> (together: Table, apart: Table) {
        (try table(session, "\(joins) | \(summarize)"), try table(session, "\(joins) | where true | \(summarize)"))
    }

    static let queries: [(joins: String, summarize: String)] = [
        ("m | join c on coop_id == c.id",
         "summarize n = count(), s = sum(amount), d = count_distinct(coop_id), a = avg(amount), x = max(amount) by c.province"),
        ("m | join c on coop_id == c.id | join p on c.province == p.name",
         "summarize n = count(), s = sum(amount), d = count_distinct(coop_id) by p.region, c.province, y = year(c.founded)"),
        ("m | left join c on coop_id == c.id",
         "summarize n = count(), k = count(c.id), big = max(c.size) by c.province, missing = c.id is null"),
        ("m | left join c on coop_id == c.id | left join p on c.province == p.name",
         "summarize n = count(), r = count(p.region) by p.region, shown = if p.region is null then \"none\" else p.region"),
        ("m | join c on coop_id == c.id | left join p on c.province == p.name",
         "summarize n = count() by gender, p.region"),
        ("m | join c on coop_id == c.id | join q on c.province == q.province",
         "summarize n = count(), s = sum(q.program) by q.program, c.province"),
        ("m | join c on coop_id == c.id and amount % 300 == c.size",
         "summarize n = count() by c.province"),
        ("m | join c on coop_id == c.id",
         "summarize n = count(), s = sum(c.size), t = sum(amount + c.size)"),
        ("m | join c on coop_id == c.id",
         "summarize n = count() by gender, old = c.founded < date(\"2000-01-01\"), c.size % 7"),
        ("m | join c on text(coop_id) == text(c.id)",
         "summarize n = count(), d = count_distinct(c.province) by gender"),
        ("m | join c on coop_id == c.id | join p on c.province == p.name",
         "summarize n = count(), m = median(amount), f = count_if(gender == \"female\") by p.region")
    ]

    static func expectSameAnswers(_ session: Session, _ queries: [(joins: String, summarize: String)]) throws {
        for (joins, summarize) in queries {
            let (together, apart) = try bothWays(session, joins, summarize)
            #expect(together.rows == apart.rows, "\(joins) | \(summarize)")
            #expect(together.rowCount > 0, "\(joins) | \(summarize)")
        }
    }

    @Test func answersAsStageByStage() throws {
        try Self.expectSameAnswers(Self.session(members: 2_000, coops: 300), Self.queries)
    }

    /// Enough rows that probing, numbering and adding are cut into stretches for all cores.
    @Test func answersAsStageByStageOnManyRows() throws {
        try Self.expectSameAnswers(Self.session(members: 600_000, coops: 40_000), Array(Self.queries.prefix(4)))
    }

    @Test func unmatchedRowsOfALeftJoinAreNulls() throws {
        let session = Self.session(members: 2_000, coops: 300)
        let t = try Self.table(session, "m | left join c on coop_id == c.id | summarize n = count() by c.province, c.id is null")
        // Members naming no cooperative, or one that does not exist, are one group of nulls.
        let nulls = t.rows.filter { $0[0] == .null }
        #expect(nulls.count == 1)
        #expect(nulls.first?[1] == .bool(true))
        let strays = try session.evaluate("m | where coop_id is null or coop_id > 300 | count")
        #expect(nulls.first?[2] == strays)
        #expect(t.rows.filter { $0[0] != .null }.allSatisfy { $0[1] == .bool(false) })
    }

    @Test func anErrorOnARowTheJoinLeavesOutIsNoError() throws {
        let session = Self.session(members: 2_000, coops: 300)
        // Cooperative 300 + 1 does not exist; make one that exists but has no members.
        let lonely = try Self.table(session, "c | left join m on c.id == m.coop_id | where m.id is null | select c.id")
        guard let id = lonely.rows.first?.first, case .int(let k) = id else {
            Issue.record("every cooperative has members"); return
        }
        let summarize = "summarize n = count() by x = 1000 / (c.id - \(k))"
        let (together, apart) = try Self.bothWays(session, "m | join c on coop_id == c.id", summarize)
        #expect(together.rows == apart.rows)
        // An error on a row the join keeps is still an error, pointing at the expression.
        #expect(throws: DiagnosticList.self) {
            _ = try session.evaluate("m | join c on coop_id == c.id | summarize n = count() by x = 1000 / (c.id - 1)")
        }
    }

    @Test func aFunctionCalledForEachRow() throws {
        // The pipeline runs once per row of `c`, its key reading that row's value of the parameter.
        let session = Self.session(members: 2_000, coops: 300)
        func answer(_ between: String) throws -> Table {
            try Self.table(session, """
                fn f(x) = m | join c on coop_id == c.id \(between)| summarize n = count() by k = c.size > x | count
                c | select id, a = f(size) | take 20
                """)
        }
        #expect(try answer("").rows == answer("| where true ").rows)
    }

    @Test func emptySides() throws {
        let session = Self.session(members: 2_000, coops: 300)
        session.addTable("none", Table(names: ["id", "province"], columns: [Column(.int([])), Column(.text(codes: [], dictionary: StringDictionary([])))]))
        for (joins, summarize) in [("m | join none on coop_id == none.id", "summarize n = count() by none.province"),
                                   ("m | left join none on coop_id == none.id", "summarize n = count(), s = sum(amount) by none.province"),
                                   ("m | where amount < 0 | join c on coop_id == c.id", "summarize n = count(), s = sum(amount) by c.province"),
                                   ("m | where amount < 0 | join c on coop_id == c.id", "summarize n = count(), s = sum(amount)")] {
            let (together, apart) = try Self.bothWays(session, joins, summarize)
            #expect(together.rows == apart.rows, "\(joins) | \(summarize)")
        }
    }

    @Test func limitsCountTheJoinsAsStageByStage() throws {
        let session = Self.session(members: 2_000, coops: 300)
        func used(_ query: String) throws -> [Int] {
            _ = try Self.table(session, query)
            let budget = session.runtime.budget
            return [budget.rows, budget.bytes, budget.steps]
        }
        for (joins, summarize) in Self.queries {
            let together = try used("\(joins) | \(summarize)")
            // Each `where true` gives out the last join's table once more, as it came; so the
            // stages alone count what one gives minus the table that gives out.
            let once = try used("\(joins) | where true | \(summarize)")
            let twice = try used("\(joins) | where true | where true | \(summarize)")
            #expect(together == zip(once, twice).map { 2 * $0 - $1 }, "\(joins)")
        }
        session.limits = Limits(maxRows: 100)
        #expect(throws: DiagnosticList.self) { _ = try session.evaluate("m | join c on coop_id == c.id | summarize n = count() by c.province") }
    }

    @Test(arguments: [1, 2, 3, 5])
    func firstAppearanceInStretchesIsOnePassFromTheTop(pieces: Int) {
        var numbers = SampleRandom(seed: 11)
        let codes = (0..<100_000).map { i in Int32(i < 50 ? 0 : numbers.below(i % 3 == 0 ? 700 : 40)) }
        let rows = (0..<150_000).map { _ in Int32(numbers.below(codes.count)) }
        for through in [nil, rows] {
            let count = through?.count ?? codes.count
            let numbered = FirstAppearance.number(KeyCodes(codes: codes, width: 700), through: through, count: count, pieces: pieces)
            var reference: [Int32: Int32] = [:], ids: [Int32] = [], firsts: [Int32] = []
            for i in 0..<count {
                let code = codes[Int(through?[i] ?? Int32(i))]
                if reference[code] == nil { reference[code] = Int32(reference.count); firsts.append(Int32(i)) }
                ids.append(reference[code]!)
            }
            #expect(numbered.ids == ids)
            #expect(numbered.count == reference.count)
            #expect(numbered.firstRows == firsts)
        }
    }

    @Test func wholeSumsAgreeWithAddingRowByRow() throws {
        let session = Session()
        let big = Int64.max / 2 + 1
        // Running totals that overflow although the last does not: an error, as row by row.
        session.addTable("t", Table(names: ["g", "v"], columns: [Column(.int([1, 1, 1, 2])), Column(.int([big, big, -big, 5]))]))
        #expect(throws: DiagnosticList.self) { _ = try session.evaluate("t | summarize s = sum(v) by g") }
        session.addTable("u", Table(names: ["g", "v"], columns: [Column(.int([1, 1, 2])), Column(.int([big, -big, 5]), validity: {
            var b = Bitmap(count: 3, value: true); b[2] = false; return b }())]))
        guard case .table(let u)? = try session.evaluate("u | summarize s = sum(v), a = avg(v) by g") else { Issue.record("not a table"); return }
        #expect(u.rows == [[.int(1), .int(0), .decimal(0)], [.int(2), .null, .null]])
    }
}
