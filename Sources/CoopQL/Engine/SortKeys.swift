/// Sort orders over columns. Text sorts by Vietnamese alphabetical order: each distinct string is
/// ranked once (dictionary encoding makes that cheap) and rows compare by rank.
enum SortKeys {
    /// A column seen as something rows can be ordered by.
    enum Ranks {
        case ints([Int64])
        case doubles([Double])

        @inline(__always) func less(_ i: Int, _ j: Int) -> Bool {
            switch self {
            case .ints(let a): return a[i] < a[j]
            case .doubles(let a): return a[i] < a[j]
            }
        }

        @inline(__always) func equal(_ i: Int, _ j: Int) -> Bool {
            switch self {
            case .ints(let a): return a[i] == a[j]
            case .doubles(let a): return a[i] == a[j]
            }
        }
    }

    static func ranks(_ c: Column) -> Ranks {
        switch c.storage {
        case .int(let a): return .ints(a)
        case .date(let a): return .ints(a.map(Int64.init))
        case .bool(let a): return .ints(a.map { $0 ? 1 : 0 })
        case .decimal(let a): return .doubles(a)
        case .text(let codes, let dict):
            let rank = textRanks(dict)
            return .ints(codes.map { Int64(rank[Int($0)]) })
        }
    }

    /// The position of each dictionary string in Vietnamese alphabetical order.
    static func textRanks(_ dict: StringDictionary) -> [Int32] {
        let keys = dict.strings.map(vietnameseCollationKey)
        let order = dict.strings.indices.sorted { keys[$0] < keys[$1] }
        var rank = [Int32](repeating: 0, count: dict.strings.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        return rank
    }

    /// The row order for sort keys: stable, nulls last whatever the direction. With a `limit`, only
    /// that many first rows, chosen in one pass that keeps the best rows seen so far (`top`), so
    /// the other rows are compared once each and never sorted.
    static func permutation(_ keys: [(column: Column, descending: Bool)], rowCount: Int, limit: Int? = nil) -> [Int32] {
        let ranked = keys.map { (ranks: ranks($0.column), column: $0.column, descending: $0.descending) }
        let before = { (a: Int32, b: Int32) -> Bool in
            let i = Int(a), j = Int(b)
            for key in ranked {
                let vi = key.column.isValid(i), vj = key.column.isValid(j)
                if vi != vj { return vi }
                if !vi || key.ranks.equal(i, j) { continue }
                return key.descending ? key.ranks.less(j, i) : key.ranks.less(i, j)
            }
            return a < b
        }
        if let limit, limit < rowCount / 8 {
            return best(limit, of: rowCount, before: before)
        }
        var order = (0..<rowCount).map(Int32.init)
        order.sort(by: before)
        if let limit, limit < order.count { order = Array(order.prefix(limit)) }
        return order
    }

    /// The first `k` rows in the order `before`, in that order: a sorted list of the best rows so
    /// far, which a row enters only when it comes before the last of them.
    static func best(_ k: Int, of rowCount: Int, before: (Int32, Int32) -> Bool) -> [Int32] {
        guard k > 0 else { return [] }
        var kept: [Int32] = []
        kept.reserveCapacity(k + 1)
        for r in 0..<Int32(rowCount) {
            if kept.count == k, !before(r, kept[k - 1]) { continue }
            // Binary search for the place: after every kept row that comes before r.
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(kept[mid], r) { lo = mid + 1 } else { hi = mid }
            }
            kept.insert(r, at: lo)
            if kept.count > k { kept.removeLast() }
        }
        return kept
    }
}
