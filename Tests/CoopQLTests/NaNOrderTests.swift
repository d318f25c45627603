import Testing
@testable import CoopQL
@testable import CoopQLBase
@testable import CoopQLSample

/// NaN (which `decimal("nan")` makes) orders after every number, as `Scalars.compare` and the
/// comparison kernels have it: `where`'s fast path, zone maps, sorting and `top` all agree.
@Suite struct NaNOrderTests {
    /// Decimals with a few NaNs, infinities, nulls and many ties; `count` over 4 blocks gives the
    /// column a zone map, with blocks that hold NaN and blocks that do not.
    static func column(rows: Int, zoneMaps: Bool) -> Column {
        var random = SampleRandom(seed: 5)
        var validity = Bitmap(count: rows, value: true)
        let values = (0..<rows).map { i -> Double in
            if random.below(12) == 0 { validity[i] = false }
            switch random.below(40) {
            case 0 where i < rows / 2: return .nan  // NaN only in the first half's blocks
            case 1: return .infinity
            case 2: return -.infinity
            default: return Double(random.below(20)) / 2
            }
        }
        var c = Column(.decimal(values), validity: validity)
        if zoneMaps { c.zoneMaps = ZoneMapCache() }
        return c
    }

    @Test(arguments: [(600, false, 1), (30_000, true, 1), (30_000, true, 3)])
    func whereOnNaNAgreesWithTheKernels(rows: Int, zoneMaps: Bool, pieces: Int) throws {
        let c = Self.column(rows: rows, zoneMaps: zoneMaps)
        for op in SelectionTests.comparisons {
            for x in [3.5, 0, .infinity, -.infinity, 100] {
                let test = try #require(RowTest(c, op, .decimal(x)))
                let picked = CandidateRows.tested(test, rowCount: rows).selection(pieces: pieces)
                #expect(picked == (try SelectionTests.kernelRows(c, op, .decimal(x))), "\(op) \(x)")
            }
            // Against a NaN constant, the kernels decide.
            #expect(RowTest(c, op, .decimal(.nan)) == nil)
        }
    }

    @Test func whereOnNaNThroughQueries() throws {
        let s = Session()
        s.addTable("r", Table(names: ["m", "n"], columns: [Self.column(rows: 20_000, zoneMaps: false),
                                                             Column(.int((0..<20_000).map { Int64($0) }))]))
        _ = try s.evaluate("let inf = decimal(\"inf\")")
        _ = try s.evaluate("let nan = decimal(\"nan\")")
        for op in ["==", "!=", "<", "<=", ">", ">="] {
            for x in ["2.5", "inf", "nan"] {
                // `m + 0.0` is no column, so the kernels decide that one.
                let fast = try SelectionTests.result(s, "r | where m \(op) \(x) | select n")
                let kernels = try SelectionTests.result(s, "r | where m + 0.0 \(op) \(x) | select n")
                #expect(fast == kernels, "m \(op) \(x)")
            }
        }
        // Only the NaN rows pass `> ∞`.
        #expect(!(try SelectionTests.result(s, "r | where m > inf | select n")).isEmpty)
    }

    /// Rows in order: numbers ascending (descending), NaN after (before) them, nulls last either way,
    /// ties by row.
    static func expectedOrder(_ c: Column, descending: Bool) -> [Int32] {
        guard case .decimal(let a) = c.storage else { return [] }
        func rank(_ i: Int) -> (Int, Double) {
            if !c.isValid(i) { return (2, 0) }
            if a[i].isNaN { return descending ? (0, 0) : (1, 0) }
            return descending ? (1, -a[i]) : (0, a[i])
        }
        return (0..<Int32(c.count)).sorted { i, j in
            let x = rank(Int(i)), y = rank(Int(j))
            return x.0 != y.0 ? x.0 < y.0 : (x.1 != y.1 ? x.1 < y.1 : i < j)
        }
    }

    @Test(arguments: [(600, false, 1), (30_000, true, 1), (30_000, false, 2)])
    func sortAndTopPutNaNAfterEveryNumber(rows: Int, zoneMaps: Bool, pieces: Int) {
        let c = Self.column(rows: rows, zoneMaps: zoneMaps)
        for descending in [false, true] {
            let expected = Self.expectedOrder(c, descending: descending)
            let keys: [SortKeys.Key] = [(column: c, descending: descending)]
            #expect(SortKeys.permutation(keys, rowCount: rows) == expected, "descending \(descending)")
            for limit in [1, 30, 500] {
                let top = TopRows.pick(limit, order: SortKeys.Order(keys), from: .all(rows), pieces: pieces)
                #expect(top == Array(expected.prefix(limit)), "descending \(descending) limit \(limit)")
            }
        }
    }

    @Test func sortAndTopOnNaNThroughQueries() throws {
        let c = Self.column(rows: 20_000, zoneMaps: false)
        let s = Session()
        s.addTable("r", Table(names: ["m", "n"], columns: [c, Column(.int((0..<20_000).map { Int64($0) }))]))
        for (direction, descending) in [("asc", false), ("desc", true)] {
            let expected = Self.expectedOrder(c, descending: descending).map { [Value.int(Int64($0))] }
            #expect(try SelectionTests.result(s, "r | sort by m \(direction) | select n") == expected)
            #expect(try SelectionTests.result(s, "r | top 40 by m \(direction) | select n") == Array(expected.prefix(40)))
        }
    }
}
