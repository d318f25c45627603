import Testing
@testable import CoopQL

/// The engine's own data structures: the integer hash table, the join index and the column
/// liveness that lets stages skip gathering columns nobody reads.
@Suite struct EngineStructureTests {
    @Test func intHashTableStoresFindsAndGrows() {
        var t = IntHashTable(expected: 2)
        var reference: [Int64: Int32] = [:]
        var x: UInt64 = 12345
        for i in 0..<10_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let key = Int64(bitPattern: x) >> Int64(i % 50) // Spread and clustered keys, negatives too.
            #expect(t.set(key, Int32(i)) == reference[key])
            reference[key] = Int32(i)
        }
        #expect(t.count == reference.count)
        for (k, v) in reference { #expect(t.get(k) == v) }
        #expect(t.get(Int64.min + 7) == reference[Int64.min + 7])
        #expect(t.value(for: 424242, orInsert: { 9 }) == (reference[424242] ?? 9))
    }

    @Test(arguments: [Int64(1), Int64(1) << 40])
    func joinIndexChainsRowsInOrder(scale: Int64) {
        // Small keys take the dense path, keys far apart the hashed one; both answer alike.
        let keys: [Int64] = [3, 1, 3, 7, 1, 3].map { $0 * scale }
        let matchable = [true, true, true, true, false, true]
        let index = JoinIndex(keys: keys, matchable: matchable)
        func rows(_ key: Int64) -> [Int32] {
            var out: [Int32] = [], r = index.probe(.integers([key], valid: nil), count: 1).firsts[0]
            while r >= 0 { out.append(r); r = index.next[Int(r)] }
            return out
        }
        #expect(rows(3 * scale) == [0, 2, 5])
        #expect(rows(1 * scale) == [1]) // Row 4 cannot match.
        #expect(rows(7 * scale) == [3])
        #expect(rows(5 * scale) == [])
        #expect(rows(-1) == [])
        #expect(rows(Int64.max) == [])
        let probe: [Int64] = [7, 3, 5, 1, 3].map { $0 * scale }
        let found = index.probe(.encoded(values: probe, matchable: [true, true, true, true, false]), count: probe.count)
        #expect(found.firsts == [3, 0, -1, 1, -1])
        #expect(found.matched == 3)
    }

    @Test func joinedQueriesAgreeWithAndWithoutPruning() throws {
        let session = Session()
        let coops = Table(names: ["id", "province", "size"],
                          columns: [Column(.int([1, 2, 3])),
                                    Column.from([.text("A"), .text("B"), .text("A")], type: .text),
                                    Column(.int([10, 20, 30]))])
        let members = Table(names: ["id", "coop_id", "amount"],
                            columns: [Column(.int([1, 2, 3, 4, 5])), Column(.int([1, 1, 2, 3, 9])),
                                      Column(.int([5, 6, 7, 8, 9]))])
        session.addTable("coops", coops)
        session.addTable("members", members)
        let grouped = try session.evaluate("""
            members | join coops on coop_id == coops.id | where amount > 5
            | summarize n = count(), total = sum(amount) by coops.province | sort by province
            """)
        guard case .table(let t)? = grouped else { Issue.record("not a table"); return }
        #expect(t.rows == [[.text("A"), .int(2), .int(14)], [.text("B"), .int(1), .int(7)]])
        // The whole joined table when it is the result: every column is there.
        let whole = try session.evaluate("members | join coops on coop_id == coops.id | where amount > 6")
        guard case .table(let w)? = whole else { Issue.record("not a table"); return }
        #expect(w.columns.count == 6)
        #expect(w.rows == [[.int(3), .int(2), .int(7), .int(2), .text("B"), .int(20)],
                           [.int(4), .int(3), .int(8), .int(3), .text("A"), .int(30)]])
    }

    @Test func topKeepsTheSameRowsAsAFullSort() {
        // Many ties, so the order among equal values (row order) matters too.
        let values: [Int64] = (0..<1000).map { Int64(($0 * 7919) % 37) }
        let column = Column(.int(values))
        for limit in [0, 1, 5, 100] {
            for descending in [false, true] {
                let full = Array(SortKeys.permutation([(column, descending)], rowCount: values.count).prefix(limit))
                #expect(SortKeys.permutation([(column, descending)], rowCount: values.count, limit: limit) == full)
            }
        }
    }
}
