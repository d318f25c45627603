import Testing
@testable import CoopQL

/// Small promises of the row-picking pieces: which columns get zone maps, how `take 0` and the
/// choice between sorting and keeping the best rows treat tested rows, and the range limit.
@Suite struct CandidateRowsTests {
    @Test func onlyNumberAndDateColumnsGetZoneMaps() {
        let rows = 4 * ZoneMap.blockSize
        let table = Table(names: ["i", "d", "day", "t", "b"], columns: [
            Column(.int(Array(repeating: 1, count: rows))),
            Column(.decimal(Array(repeating: 1, count: rows))),
            Column(.date(Array(repeating: 1, count: rows))),
            Column(.text(codes: Array(repeating: 0, count: rows), dictionary: StringDictionary(["a"]))),
            Column(.bool(Array(repeating: true, count: rows))),
        ]).withZoneMaps()
        #expect(table.columns.map { $0.zoneMaps != nil } == [true, true, true, false, false])
    }

    @Test func testedRowsTakeNoneForZeroAndSortWhenTheLimitIsLarge() throws {
        let column = Column(.int((0..<1_000).map { Int64($0) }))
        let test = try #require(RowTest(column, .greater, .int(10)))
        let tested = CandidateRows.tested(test, rowCount: 1_000)
        #expect(tested.prefix(0).isEmpty)
        #expect(tested.prefix(3) == [11, 12, 13])
        #expect(tested.isSmall(comparedTo: 200))
        #expect(!tested.isSmall(comparedTo: 10))
        let keys: [SortKeys.Key] = [(column: column, descending: true)]
        #expect(SortKeys.permutation(keys, of: tested, limit: 200) == (800..<1_000).reversed().map(Int32.init))
    }

    @Test func everyRangeTooLongToMakeSaysTheSame() throws {
        let s = Session()
        for query in ["1..20000000 | count", "let xs = 1..20000000", "date(\"2000-01-01\")..date(\"2000-01-01\") + 10000000 | count"] {
            #expect(throws: DiagnosticList.self) { try s.evaluate(query) }
            do { _ = try s.evaluate(query) } catch {
                #expect(error.diagnostics.first?.message == "a range may hold at most 10.000.000 values", "\(query)")
            }
        }
    }
}
