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

    /// The row order for sort keys: stable, nulls last whatever the direction.
    static func permutation(_ keys: [(column: Column, descending: Bool)], rowCount: Int) -> [Int32] {
        let ranked = keys.map { (ranks: ranks($0.column), column: $0.column, descending: $0.descending) }
        var order = (0..<rowCount).map(Int32.init)
        order.sort { a, b in
            let i = Int(a), j = Int(b)
            for key in ranked {
                let vi = key.column.isValid(i), vj = key.column.isValid(j)
                if vi != vj { return vi }
                if !vi || key.ranks.equal(i, j) { continue }
                return key.descending ? key.ranks.less(j, i) : key.ranks.less(i, j)
            }
            return a < b
        }
        return order
    }
}
