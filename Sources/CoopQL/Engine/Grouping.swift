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
        guard !keys.isEmpty else { return single(rowCount: rowCount) }
        if keys.count == 1 {
            let dense = denseCodes(keys[0], rowCount: rowCount)
            return Grouping(ids: dense.codes, count: dense.cardinality, firstRows: firstRows(dense.codes, dense.cardinality))
        }
        // Each key as a number below its width; the keys together as one mixed-radix number, so
        // the rows are numbered once at the end (keeping the first-seen order). Only when the
        // product of the widths grows too large is the part so far numbered densely first.
        var mixed = [Int64](repeating: 0, count: rowCount)
        var width: Int64 = 1
        for key in keys {
            let (codes, keyWidth) = smallCodes(key, rowCount: rowCount)
            var (product, overflow) = width.multipliedReportingOverflow(by: keyWidth)
            if overflow || product > 1 << 40 {
                let dense = renumber(mixed, range: 0...max(0, width - 1), validity: nil)
                for i in 0..<rowCount { mixed[i] = Int64(dense.codes[i]) }
                width = Int64(max(1, dense.cardinality))
                (product, overflow) = width.multipliedReportingOverflow(by: keyWidth)
                precondition(!overflow, "group keys too wide")
            }
            codes.withUnsafeBufferPointer { c in
                mixed.withUnsafeMutableBufferPointer { m in
                    for i in 0..<rowCount { m[i] = m[i] &* keyWidth &+ c[i] }
                }
            }
            width = product
        }
        let combined = renumber(mixed, range: 0...max(0, width - 1), validity: nil)
        return Grouping(ids: combined.codes, count: combined.cardinality, firstRows: firstRows(combined.codes, combined.cardinality))
    }

    /// The first row of each group, for groups numbered in order of first appearance.
    static func firstRows(_ ids: [Int32], _ count: Int) -> [Int32] {
        var first = [Int32](repeating: -1, count: count)
        var next: Int32 = 0
        for i in ids.indices where ids[i] == next {
            first[Int(next)] = Int32(i)
            next += 1
            if Int(next) == count { break }
        }
        return first
    }

    /// Codes 0..<width for one column, equal exactly when the values are (null being a value of
    /// its own): text keeps its dictionary codes, anything else is numbered densely.
    static func smallCodes(_ column: Column, rowCount: Int) -> (codes: [Int64], width: Int64) {
        if case .text(let codes, let dict) = column.storage {
            let nullCode = Int64(dict.strings.count)
            var out = codes.map(Int64.init)
            if let v = column.validity { for i in 0..<rowCount where !v[i] { out[i] = nullCode } }
            return (out, nullCode + 1)
        }
        let dense = denseCodes(column, rowCount: rowCount)
        return (dense.codes.map(Int64.init), Int64(max(1, dense.cardinality)))
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
        var seen = IntHashTable(expected: min(values.count, 1 << 16))
        for i in values.indices {
            if isNull(i) { codes[i] = codeForNull(); continue }
            codes[i] = seen.value(for: values[i]) { defer { next += 1 }; return next }
        }
        return (codes, Int(next))
    }
}
