import CoopQLBase

/// Sums of whole numbers per group, added on all cores.
///
/// Adding stretch by stretch changes the order of the additions. That does not change an exact
/// total, but it may change what a running total meets on the way: an overflow of Int64 (an
/// error when rows are added one by one), or a double's rounding (for `avg`). So each stretch also
/// finds the largest magnitude it adds: when the number of rows times that stays within `limit`,
/// no running total in any order can pass `limit`, and the answer is exactly the one-by-one
/// answer. Otherwise there is no answer here, and the caller adds row by row.
enum WholeSums {
    /// Per group, the sum of the values not under a null and (when `counting`) how many there were.
    static func perGroup(_ values: [Int64], validity: Bitmap?, _ g: Grouping, rowCount: Int, limit: UInt64,
                         counting: Bool) -> (sums: [Int64], counts: [Int64]?)? {
        let stretches = Parallel.stretches(rowCount: rowCount, pieces: Lanes.pieces(rowCount: rowCount, groups: g.count))
        let parts = values.withUnsafeBufferPointer { v in
            g.ids.withUnsafeBufferPointer { ids in
                Parallel.map(stretches.count) { p in
                    stretch(v, ids, validity, stretches[p], groups: g.count, counting: counting)
                }
            }
        }
        let largest = parts.map(\.largest).max() ?? 0
        let (bound, overflow) = UInt64(rowCount).multipliedReportingOverflow(by: largest)
        guard !overflow, bound <= limit else { return nil }
        return (Lanes.add(parts.map(\.sums)), counting ? Lanes.add(parts.map { $0.counts! }) : nil)
    }

    private static func stretch(_ v: UnsafeBufferPointer<Int64>, _ ids: UnsafeBufferPointer<Int32>, _ validity: Bitmap?,
                                _ rows: Range<Int>, groups: Int, counting: Bool)
        -> (sums: [Int64], counts: [Int64]?, largest: UInt64) {
        let lanes = Lanes(groups: groups)
        var sums = [Int64](repeating: 0, count: lanes.slots)
        var counts = [Int64](repeating: 0, count: counting ? lanes.slots : 0)
        var largest: UInt64 = 0
        sums.withUnsafeMutableBufferPointer { sums in
            counts.withUnsafeMutableBufferPointer { counts in
                // Wrapping additions: whether any could have overflowed is decided by `largest`.
                switch (validity, counting) {
                case (nil, false):
                    for i in rows { sums[lanes.slot(ids[i], i)] &+= v[i]; largest = max(largest, v[i].magnitude) }
                case (nil, true):
                    for i in rows {
                        let s = lanes.slot(ids[i], i)
                        sums[s] &+= v[i]; counts[s] += 1; largest = max(largest, v[i].magnitude)
                    }
                case (let validity?, _):
                    for i in rows where validity[i] {
                        let s = lanes.slot(ids[i], i)
                        sums[s] &+= v[i]; largest = max(largest, v[i].magnitude)
                        if counting { counts[s] += 1 }
                    }
                }
            }
        }
        return (lanes.totals(sums), counting ? lanes.totals(counts) : nil, largest)
    }
}

/// Several totals per group, for adding rows into per-group totals: consecutive rows (often of
/// the same group) go to different totals, so an addition need not wait for the one before it
/// to be stored. The totals of a group lie side by side, in one cache line.
struct Lanes {
    /// Totals per group: 4, or 1 when there are so many groups that the copies would not fit in
    /// the caches anyway.
    let count: Int
    let groups: Int

    init(groups: Int) {
        self.groups = groups
        count = groups <= 1 << 14 ? 4 : 1
    }

    var slots: Int { groups * count }

    /// Where row `row` of group `group` adds.
    @inline(__always) func slot(_ group: Int32, _ row: Int) -> Int { Int(group) &* count &+ (row & (count &- 1)) }

    /// How many stretches to cut `rowCount` rows into when each keeps its own totals for
    /// `groups` groups: one when the groups are many for the rows a stretch would have, since
    /// then each stretch's totals, and adding them up afterwards, cost more than the rows save.
    static func pieces(rowCount: Int, groups: Int) -> Int {
        let pieces = Parallel.pieceCount(rowCount: rowCount)
        return groups * 8 > rowCount / pieces ? 1 : pieces
    }

    /// The totals of several stretches, group by group (wrapping: callers decide overflow).
    static func add(_ parts: [[Int64]]) -> [Int64] {
        var total = parts[0]
        total.withUnsafeMutableBufferPointer { total in
            for part in parts.dropFirst() { for k in total.indices { total[k] &+= part[k] } }
        }
        return total
    }

    /// Each group's totals added up.
    func totals(_ slots: [Int64]) -> [Int64] {
        guard count > 1 else { return slots }
        return (0..<groups).map { k in (0..<count).reduce(Int64(0)) { $0 &+ slots[k * count + $1] } }
    }
}
