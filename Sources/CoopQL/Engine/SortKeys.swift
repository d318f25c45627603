import CoopQLBase

/// Sort orders over columns. Text sorts by Vietnamese alphabetical order: each distinct string is
/// ranked once per dictionary (see `StringDictionary.collationRanks`) and rows compare by rank.
enum SortKeys {
    /// A column seen as something rows can be ordered by, without copying its cells.
    enum Ranks {
        case ints([Int64])
        case doubles([Double])
        case dates([Int32])
        case bools([Bool])
        /// Text: each row's code, and each code's alphabetical rank.
        case ranked(codes: [Int32], rank: [Int32])

        @inline(__always) func less(_ i: Int, _ j: Int) -> Bool {
            switch self {
            case .ints(let a): return a[i] < a[j]
            // NaN last, after every number (as comparisons order it), so the order stays total.
            case .doubles(let a): return !(a[i] >= a[j]) && !a[i].isNaN
            case .dates(let a): return a[i] < a[j]
            case .bools(let a): return !a[i] && a[j]
            case .ranked(let codes, let rank): return rank[Int(codes[i])] < rank[Int(codes[j])]
            }
        }

        @inline(__always) func equal(_ i: Int, _ j: Int) -> Bool {
            switch self {
            case .ints(let a): return a[i] == a[j]
            case .doubles(let a): return a[i] == a[j] || (a[i].isNaN && a[j].isNaN)
            case .dates(let a): return a[i] == a[j]
            case .bools(let a): return a[i] == a[j]
            case .ranked(let codes, _): return codes[i] == codes[j]
            }
        }
    }

    static func ranks(_ c: Column) -> Ranks {
        switch c.storage {
        case .int(let a): return .ints(a)
        case .date(let a): return .dates(a)
        case .bool(let a): return .bools(a)
        case .decimal(let a): return .doubles(a)
        case .text(let codes, let dict): return .ranked(codes: codes, rank: dict.collationRanks)
        }
    }

    /// A sort key: a column and its direction.
    typealias Key = (column: Column, descending: Bool)

    /// The order of rows under sort keys: nulls last whatever the direction, and rows equal on
    /// every key in row order, so the order is total and any way of sorting gives the same rows.
    struct Order {
        let keys: [(ranks: Ranks, column: Column, descending: Bool)]

        init(_ keys: [Key]) {
            self.keys = keys.map { (ranks: ranks($0.column), column: $0.column, descending: $0.descending) }
        }

        /// Whether row `a` comes before row `b`.
        func before(_ a: Int32, _ b: Int32) -> Bool {
            let i = Int(a), j = Int(b)
            for key in keys {
                let vi = key.column.isValid(i), vj = key.column.isValid(j)
                if vi != vj { return vi }
                if !vi || key.ranks.equal(i, j) { continue }
                return key.descending ? key.ranks.less(j, i) : key.ranks.less(i, j)
            }
            return a < b
        }
    }

    /// The row order for sort keys (see `Order`). With a `limit`, only that many first rows
    /// (`top`), chosen by `TopRows` so that most rows are compared once and never sorted.
    static func permutation(_ keys: [Key], rowCount: Int, limit: Int? = nil) -> [Int32] {
        permutation(keys, of: .all(rowCount), limit: limit)
    }

    /// The order of the `candidates` rows under sort keys, cut to `limit` rows if given.
    static func permutation(_ keys: [Key], of candidates: CandidateRows, limit: Int? = nil) -> [Int32] {
        let order = Order(keys)
        if let limit, !candidates.isSmall(comparedTo: limit) {
            return TopRows.pick(limit, order: order, from: candidates)
        }
        var rows = candidates.selection()
        rows.sort(by: order.before)
        if let limit, limit < rows.count { rows.removeSubrange(limit...) }
        return rows
    }
}
