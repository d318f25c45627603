/// Assigns each row a dense group number from the values of its key columns, numbering groups in
/// the order they first appear. Text keys group by dictionary code and small-range integer keys by
/// direct indexing, so neither hashes per row; other keys hash their 64-bit encoding.
struct Grouping {
    /// The group of each row.
    var ids: [Int32]
    var count: Int
    /// The first row of each group: where its key values are read from.
    var firstRows: [Int32]

    /// One group holding every row: a `summarize` without `by`.
    static func single(rowCount: Int) -> Grouping {
        Grouping(ids: Array(repeating: 0, count: rowCount), count: 1, firstRows: [0])
    }

    static func build(_ keys: [Column], rowCount: Int) -> Grouping {
        guard let first = keys.first else { return single(rowCount: rowCount) }
        var combined = denseCodes(first, rowCount: rowCount)
        for key in keys.dropFirst() {
            let next = denseCodes(key, rowCount: rowCount)
            // Pair the two numbers and number the pairs again, keeping the first-seen order.
            var pairs = [Int64](repeating: 0, count: rowCount)
            let width = Int64(next.cardinality)
            for i in 0..<rowCount { pairs[i] = Int64(combined.codes[i]) * width + Int64(next.codes[i]) }
            combined = renumber(pairs, limit: Int64(combined.cardinality) * width)
        }
        var firstRows = [Int32](repeating: -1, count: combined.cardinality)
        for i in 0..<rowCount where firstRows[Int(combined.codes[i])] < 0 { firstRows[Int(combined.codes[i])] = Int32(i) }
        return Grouping(ids: combined.codes, count: combined.cardinality, firstRows: firstRows)
    }

    /// Dense codes 0..<cardinality for one column, in order of first appearance; null is a value.
    static func denseCodes(_ column: Column, rowCount: Int) -> (codes: [Int32], cardinality: Int) {
        switch column.storage {
        case .text(let codes, let dict):
            // Dictionary codes are already small: slot `dict.count` stands for null.
            let nullSlot = Int64(dict.strings.count)
            if let validity = column.validity {
                return renumber((0..<rowCount).map { validity[$0] ? Int64(codes[$0]) : nullSlot }, limit: nullSlot + 1)
            }
            return renumber(codes.map(Int64.init), limit: nullSlot + 1)
        default:
            return renumber(encode(column), limit: nil)
        }
    }

    /// Each cell as an Int64 that is equal exactly when the values are equal; null gets a value of
    /// its own (`Int64.min`, which no other encoding produces for valid cells).
    static func encode(_ column: Column) -> [Int64] {
        var out: [Int64]
        switch column.storage {
        case .int(let a): out = a
        case .date(let a): out = a.map(Int64.init)
        case .bool(let a): out = a.map { $0 ? 1 : 0 }
        case .decimal(let a): out = a.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
        case .text(let codes, _): out = codes.map(Int64.init)
        }
        if let validity = column.validity {
            for i in out.indices where !validity[i] { out[i] = Int64.min }
        }
        return out
    }

    /// Numbers values densely in order of first appearance: by direct indexing when the values
    /// fall in a small range, else by hashing.
    static func renumber(_ values: [Int64], limit: Int64?) -> (codes: [Int32], cardinality: Int) {
        var codes = [Int32](repeating: 0, count: values.count)
        var next: Int32 = 0
        var low: Int64 = 0, high: Int64 = -1
        if let limit { high = limit - 1 } else if let mn = values.min(), let mx = values.max() { low = mn; high = mx }
        let span = high &- low
        if span >= 0, span < Int64(max(1 << 16, values.count * 2)) {
            var slot = [Int32](repeating: -1, count: Int(span) + 1)
            for i in values.indices {
                let s = Int(values[i] - low)
                if slot[s] < 0 { slot[s] = next; next += 1 }
                codes[i] = slot[s]
            }
            return (codes, Int(next))
        }
        var seen: [Int64: Int32] = [:]
        seen.reserveCapacity(min(values.count, 1 << 16))
        for i in values.indices {
            if let c = seen[values[i]] { codes[i] = c }
            else { seen[values[i]] = next; codes[i] = next; next += 1 }
        }
        return (codes, Int(next))
    }
}
