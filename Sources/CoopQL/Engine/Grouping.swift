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
            combined = renumber(pairs, range: 0...max(0, Int64(combined.cardinality) * width - 1), validity: nil)
        }
        var firstRows = [Int32](repeating: -1, count: combined.cardinality)
        for i in 0..<rowCount where firstRows[Int(combined.codes[i])] < 0 { firstRows[Int(combined.codes[i])] = Int32(i) }
        return Grouping(ids: combined.codes, count: combined.cardinality, firstRows: firstRows)
    }

    /// Dense codes 0..<cardinality for one column, in order of first appearance; null is a value
    /// of its own.
    static func denseCodes(_ column: Column, rowCount: Int) -> (codes: [Int32], cardinality: Int) {
        switch column.storage {
        case .text(let codes, let dict):
            // Dictionary codes are already small: index by them directly.
            return renumber(codes.map(Int64.init), range: 0...Int64(max(0, dict.strings.count - 1)), validity: column.validity)
        default:
            return renumber(encode(column), range: nil, validity: column.validity)
        }
    }

    /// Each cell as an Int64 that is equal exactly when the values are equal (cells under a null
    /// are left as they are: the validity says which count).
    static func encode(_ column: Column) -> [Int64] {
        switch column.storage {
        case .int(let a): return a
        case .date(let a): return a.map(Int64.init)
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .decimal(let a): return a.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
        case .text(let codes, _): return codes.map(Int64.init)
        }
    }

    /// Numbers values densely in order of first appearance, nulls sharing one number: by direct
    /// indexing when the values fall in a small range, else by hashing.
    static func renumber(_ values: [Int64], range known: ClosedRange<Int64>?, validity: Bitmap?)
        -> (codes: [Int32], cardinality: Int) {
        var codes = [Int32](repeating: 0, count: values.count)
        var next: Int32 = 0
        var nullCode: Int32 = -1
        @inline(__always) func isNull(_ i: Int) -> Bool { validity.map { !$0[i] } ?? false }
        @inline(__always) func codeForNull() -> Int32 {
            if nullCode < 0 { nullCode = next; next += 1 }
            return nullCode
        }
        var low: Int64 = 0, high: Int64 = -1
        if let known { low = known.lowerBound; high = known.upperBound } else {
            var first = true
            for i in values.indices where !isNull(i) {
                if first { low = values[i]; high = values[i]; first = false }
                else { low = min(low, values[i]); high = max(high, values[i]) }
            }
        }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span >= 0, span < Int64(max(1 << 16, values.count * 2)) {
            var slot = [Int32](repeating: -1, count: Int(span) + 1)
            for i in values.indices {
                if isNull(i) { codes[i] = codeForNull(); continue }
                let s = Int(values[i] - low)
                if slot[s] < 0 { slot[s] = next; next += 1 }
                codes[i] = slot[s]
            }
            return (codes, Int(next))
        }
        var seen: [Int64: Int32] = [:]
        seen.reserveCapacity(min(values.count, 1 << 16))
        for i in values.indices {
            if isNull(i) { codes[i] = codeForNull(); continue }
            if let c = seen[values[i]] { codes[i] = c }
            else { seen[values[i]] = next; codes[i] = next; next += 1 }
        }
        return (codes, Int(next))
    }
}
