import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLBase
@testable import CoopQLSample

/// The paths that pick rows without a column of true/false: `ColumnTest` / `RowTest` for `where`,
/// `TopRows` for `top`, zone maps, and the folded strings a text dictionary keeps. Each is checked
/// against the plain path it stands in for (the kernels' true/false column, a full sort) on
/// random data with nulls and ties, done in one piece and shared out in several (as it is over
/// the cores on long tables).
@Suite struct SelectionTests {
    /// Random columns of every type the tests use, a tenth of the cells null, few distinct values
    /// (many ties). Long ones get a zone-map cache, as a session's tables do.
    static func columns(rows: Int, seed: UInt64, zoneMaps: Bool = false) -> [Column] {
        var random = SampleRandom(seed: seed)
        var validity = Bitmap(count: rows, value: true)
        for i in 0..<rows where random.below(10) == 0 { validity[i] = false }
        let names = ["Tân Thành", "tan thanh", "Bắc Ninh", "An", "Ăn", "Ân", "Đồng Tháp", "dong thap", ""]
        var columns = [
            Column(.int((0..<rows).map { _ in Int64(random.below(50)) - 10 }), validity: validity),
            Column(.decimal((0..<rows).map { _ in Double(random.below(40)) / 4 }), validity: validity),
            Column(.date((0..<rows).map { _ in Int32(18_000 + random.below(30)) }), validity: validity),
            Column(.text(codes: (0..<rows).map { _ in Int32(random.below(names.count)) },
                         dictionary: StringDictionary(names)), validity: validity),
            Column(.int((0..<rows).map { Int64($0) })),
        ]
        if zoneMaps { for i in columns.indices { columns[i].zoneMaps = ZoneMapCache() } }
        return columns
    }

    /// The rows the kernels' path keeps: a true/false column, then its true rows.
    static func kernelRows(_ column: Column, _ op: BinaryOperator, _ value: Value) throws -> [Int32] {
        let result = try Kernels.binary(op, .column(column), .scalar(value), column.count)
        return Operators.candidates(result, rowCount: column.count).selection()
    }

    static let comparisons: [BinaryOperator] = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]

    @Test(arguments: [(500, false, 1), (30_000, true, 1), (30_000, true, 3)])
    func rowTestsPickTheRowsTheKernelsPick(rows: Int, zoneMaps: Bool, pieces: Int) throws {
        let columns = Self.columns(rows: rows, seed: 7, zoneMaps: zoneMaps)
        let constants: [(Int, [Value])] = [
            (0, [.int(-10), .int(5), .int(39), .int(100)]),
            (1, [.decimal(2.25), .int(3), .decimal(-1)]),
            (2, [.date(Day(number: 18_010)), .date(Day(number: 17_000))]),
            (3, [.text("Bắc Ninh"), .text("B"), .text("")]),
        ]
        for (index, values) in constants {
            for op in Self.comparisons {
                for value in values {
                    let test = try #require(RowTest(columns[index], op, value))
                    let picked = CandidateRows.tested(test, rowCount: rows).selection(pieces: pieces)
                    #expect(picked == (try Self.kernelRows(columns[index], op, value)), "column \(index) \(op) \(value)")
                }
            }
        }
        for op in [BinaryOperator.contains, .notContains, .foldedEqual] {
            for pattern in ["tan thanh", "TÂN", "", "ng t", "x"] {
                let test = try #require(RowTest(columns[3], op, .text(pattern)))
                let picked = CandidateRows.tested(test, rowCount: rows).selection(pieces: pieces)
                #expect(picked == (try Self.kernelRows(columns[3], op, .text(pattern))), "\(op) \(pattern)")
            }
        }
        // Values the kernels would convert or reject are left to them.
        #expect(RowTest(columns[0], .less, .decimal(2.5)) == nil)
        #expect(RowTest(columns[0], .contains, .text("1")) == nil)
    }

    @Test func takeStopsAtItsRowsAndAgrees() throws {
        let columns = Self.columns(rows: 50_000, seed: 11, zoneMaps: true)
        let test = try #require(RowTest(columns[0], .greater, .int(30)))
        let all = try Self.kernelRows(columns[0], .greater, .int(30))
        for limit in [0, 1, 17, 5_000, 1_000_000] {
            #expect(CandidateRows.tested(test, rowCount: 50_000).prefix(limit) == Array(all.prefix(limit)))
        }
    }

    @Test func zoneMapsBoundEachBlock() throws {
        let rows = 4 * ZoneMap.blockSize + 100 // Four full blocks and a short one.
        var values = (0..<rows).map { Double($0 % 1000) }
        var validity = Bitmap(count: rows, value: true)
        for i in ZoneMap.rows(ofBlock: 1, rowCount: rows) { validity[i] = false } // Block 1: nulls only.
        values[2 * ZoneMap.blockSize + 5] = .nan
        values[4 * ZoneMap.blockSize + 3] = -7
        let column = Column(.decimal(values), validity: validity)
        guard case .doubles(let lower, let upper)? = ZoneMap(column)?.bounds else { Issue.record("no zone map"); return }
        #expect(lower == [0, .infinity, -.infinity, 0, -7])
        #expect(upper == [999, -.infinity, .infinity, 999, 483])
        #expect(ZoneMap(Column(.bool([true]))) == nil)
        // The cache is dropped when the cells change.
        var cached = column
        cached.zoneMaps = ZoneMapCache()
        #expect(cached.zoneMap != nil)
        cached.storage = .decimal([1, 2])
        #expect(cached.zoneMaps == nil)
        // A session's long columns get one; short ones do not.
        let table = Table(names: ["long", "short"], columns: [column, Column(.int([1]))]).withZoneMaps()
        #expect(table.columns[0].zoneMaps != nil && table.columns[1].zoneMaps == nil)
    }

    /// Sort keys over the random columns: one to three keys, either direction.
    static let keySets: [[(Int, Bool)]] = [
        [(0, true)], [(0, false)], [(1, true), (4, false)], [(2, false), (0, true)],
        [(3, false)], [(3, true), (1, false), (2, true)],
    ]

    /// 9,000 rows make three zone-map blocks, the last one short.
    @Test(arguments: [(300, false, 1), (9_000, true, 1), (9_000, false, 2), (9_000, true, 3)])
    func topKeepsTheRowsOfAFullSort(rows: Int, zoneMaps: Bool, pieces: Int) throws {
        let columns = Self.columns(rows: rows, seed: 3, zoneMaps: zoneMaps)
        let test = try #require(RowTest(columns[1], .greaterEqual, .decimal(2)))
        let tested = CandidateRows.tested(test, rowCount: rows)
        let passing = tested.selection()
        var passes = [Bool](repeating: false, count: rows)
        for row in passing { passes[Int(row)] = true }
        for keySet in Self.keySets {
            let keys = keySet.map { (column: columns[$0.0], descending: $0.1) }
            let order = SortKeys.Order(keys)
            var sorted = (0..<Int32(rows)).map { $0 }
            sorted.sort(by: order.before)
            let sortedPassing = sorted.filter { passes[Int($0)] }
            for (rowsIn, expected) in [(CandidateRows.all(rows), sorted), (tested, sortedPassing), (.listed(passing), sortedPassing)] {
                for limit in [1, 10, 250] {
                    let top = TopRows.pick(limit, order: order, from: rowsIn, pieces: pieces)
                    #expect(top == Array(expected.prefix(limit)), "keys \(keySet) limit \(limit)")
                }
                if rows <= 300 { #expect(SortKeys.permutation(keys, of: rowsIn) == expected) }
            }
        }
    }

    @Test func topTreatsEqualFirstKeysByTheNextKeyAndByRow() {
        // Every first key equal at the bar: the rows after it must still be looked at.
        let rows = 5 * ZoneMap.blockSize
        var first = Column(.int((0..<rows).map { $0 % 3 == 0 ? 9 : 1 }))
        first.zoneMaps = ZoneMapCache()
        let second = Column(.int((0..<rows).map { Int64(($0 * 7919) % 101) }))
        let order = SortKeys.Order([(first, true), (second, false)])
        var sorted = (0..<Int32(rows)).map { $0 }
        sorted.sort(by: order.before)
        #expect(TopRows.pick(40, order: order, from: .all(rows)) == Array(sorted.prefix(40)))
        let byRow = SortKeys.Order([(first, true)])
        #expect(TopRows.pick(3, order: byRow, from: .all(rows)) == [0, 3, 6])
    }

    @Test func bestRowsKeepsTheBestInOrder() {
        let column = Column(.int([5, 1, 9, 3, 9, 7, 1]))
        var best = BestRows(capacity: 3, order: SortKeys.Order([(column, true)]))
        for row in Int32(0)..<7 { best.offer(row) }
        #expect(best.sorted() == [2, 4, 5])
    }

    // MARK: - Folded strings

    @Test func foldedSearchAgreesWithFoldingEachString() {
        let strings = ["HTX Tân Thành", "tan thanh", "Tân Thạnh Đông", "Ho\u{0300}a Bình", "", "tan", "thanh tan",
                       "ĐỒNG THÁP", String(repeating: "ab", count: 40) + "tan thanh", "x\u{0}tan thanh"]
        let folded = FoldedStrings(strings)
        for pattern in ["tan thanh", "TÂN", "", "h", "hoa", "dong", "ab", "thanh tan thanh", "an\u{0}", "z"] {
            #expect(folded.containing(pattern) == strings.map { foldedContains($0, pattern) }, "\(pattern)")
            #expect(folded.equal(to: pattern) == strings.map { foldedEquals($0, pattern) }, "\(pattern)")
        }
    }

    @Test func firstMatchFindsEveryOccurrence() {
        var random = SampleRandom(seed: 5)
        let text = (0..<3000).map { _ in UInt8(0x61 + random.below(3)) }
        for pattern in [[0x61], [0x61, 0x62], [0x63, 0x61, 0x62, 0x61], Array(repeating: UInt8(0x61), count: 20)] as [[UInt8]] {
            var found: [Int] = [], from = 0
            text.withUnsafeBufferPointer { text in
                pattern.withUnsafeBufferPointer { pattern in
                    while let at = SearchFolding.firstMatch(of: pattern, in: text, from: from) { found.append(at); from = at + 1 }
                }
            }
            let expected = (0...(text.count - pattern.count)).filter { Array(text[$0..<($0 + pattern.count)]) == pattern }
            #expect(found == expected)
        }
    }

    /// The dictionary of a text column, nil for any other.
    private func textDictionary(_ column: Column) -> StringDictionary? {
        if case .text(_, let dictionary) = column.storage { dictionary } else { nil }
    }

    @Test func derivedStringsAreSharedByGatheredColumnsAndSafeAcrossThreads() throws {
        let names = (0..<5000).map { "Hợp tác xã Tân Thành \($0 % 97) \($0)" }
        let column = Column(.text(codes: (0..<20_000).map { Int32($0 % 5000) }, dictionary: StringDictionary(names)))
        let gathered = column.gather([5, 3, 1])
        let dict = try #require(textDictionary(column))
        let other = try #require(textDictionary(gathered), "a text column gathered is still a text column")
        #expect(dict.derived === other.derived)
        let expected = names.map { foldedContains($0, "tan thanh 4") }
        let ranks = vietnameseCollationRanks(names)
        // Many threads ask at once, before anything is kept: each gets the same, right answer.
        let answers = Parallel.map(16) { i in
            i % 2 == 0 ? (Kernels.matchHits(.contains, i % 4 == 0 ? dict : other, "tan thanh 4"), [Int32]())
                       : ([Bool](), (i % 3 == 0 ? dict : other).collationRanks)
        }
        // Even-numbered threads asked for the matches, odd-numbered ones for the ranks.
        #expect(answers.count == 16)
        for (i, (hits, ranked)) in answers.enumerated() {
            if i % 2 == 0 { #expect(hits == expected, "thread \(i)") } else { #expect(ranked == ranks, "thread \(i)") }
        }
        #expect(other.folded.bytes == dict.folded.bytes)
    }

    // MARK: - Through queries

    /// A session with one table of the random columns, named i, m, d, t, n (n numbers the rows).
    static func session(rows: Int) -> Session {
        let s = Session()
        s.addTable("r", Table(names: ["i", "m", "d", "t", "n"], columns: columns(rows: rows, seed: 9)))
        return s
    }

    static func result(_ s: Session, _ query: String) throws -> [[Value]] {
        guard case .table(let t)? = try s.evaluate(query) else { Issue.record("not a table: \(query)"); return [] }
        return t.rows
    }

    /// 20,000 rows: enough for the session to give the columns zone maps.
    @Test(arguments: [500, 20_000])
    func whereFollowedByAStageGivesWhatTheStagesGiveApart(rows: Int) throws {
        let s = Self.session(rows: rows)
        let conditions = ["i > 20", "5 >= i", "m < 3.5", "d == date(\"2019-04-01\")", "t ~ \"tan thanh\"", "t !~ \"an\"",
                          "t =~ \"AN\"", "t < \"Bắc\"", "i > 20 and m < 5", "i is null"]
        let stages = ["top 7 by i, m asc", "top 25 by t asc, n desc", "top 3 by d", "sort by m desc, t",
                      "take 12", "top 0 by i"]
        for condition in conditions {
            for stage in stages {
                let fused = try Self.result(s, "r | where \(condition) | \(stage)")
                // `extend` in between keeps the two stages apart.
                let apart = try Self.result(s, "r | where \(condition) | extend k = 1 | \(stage) | select i, m, d, t, n")
                #expect(fused == apart, "where \(condition) | \(stage)")
            }
        }
        // A variable as the constant, on the left.
        #expect(try Self.result(s, "let lo = 30\nr | where lo < i | take 5") ==
                (try Self.result(s, "r | where i > 30 | extend k = 1 | take 5 | select i, m, d, t, n")))
    }

    @Test func fusedStagesReportProblemsAtTheirOwnPlace() throws {
        let s = Self.session(rows: 100)
        let e = try #require(Self.failure(s, "r | where i > 1 | top -1 by i"))
        #expect(e.message == "`top` needs a number of rows that is not negative, not -1")
        #expect(e.location?.column == 23)
    }

    static func failure(_ s: Session, _ query: String) -> Diagnostic? {
        do { _ = try s.evaluate(query) } catch { return error.diagnostics.first }
        return nil
    }
}
