import CoopQLBase

/// Assigns each row a dense group number from the values of its key columns, numbering groups in
/// the order they first appear. Every key is first made small codes (`KeyCodes`): text keeps its
/// dictionary codes and small-range integers their offset from the smallest, so neither hashes
/// per row; several keys combine into one code per row, and the combined codes are numbered in
/// order of first appearance, on all cores when there are many rows.
struct Grouping {
    /// The group of each row.
    var ids: [Int32]
    var count: Int
    /// The first row of each group: where its key values are read from.
    var firstRows: [Int32]
    /// Whether no group is empty: true of groups found in rows, not of one group over no rows
    /// or of the cells of a crosstab.
    var everyGroupHasRows = false

    /// One group holding every row: a `summarize` without `by`.
    static func single(rowCount: Int) -> Grouping {
        Grouping(ids: Array(repeating: 0, count: rowCount), count: 1, firstRows: [0], everyGroupHasRows: rowCount > 0)
    }

    static func build(_ keys: [Column], rowCount: Int) -> Grouping {
        guard !keys.isEmpty else { return single(rowCount: rowCount) }
        // One text key is numbered from its dictionary codes where they lie; other keys' codes
        // are new arrays, numbered in place.
        if keys.count == 1, case .text = keys[0].storage { return build(KeyCodes(keys[0]), through: nil, rowCount: rowCount) }
        return build(combining: keys.map(KeyCodes.init))
    }

    /// Groups by one or more keys over the same rows. The combined codes are numbered where they
    /// lie (codes shared with a column are copied first, as Swift's arrays do).
    static func build(combining keys: [KeyCodes]) -> Grouping {
        var combined = KeyCodes.combine(keys)
        let numbered = FirstAppearance.numberInPlace(&combined.codes, width: combined.width)
        return Grouping(ids: combined.codes, count: numbered.count, firstRows: numbered.firstRows, everyGroupHasRows: true)
    }

    /// Groups of `rowCount` rows whose keys are `key`: row i has the code at `rows[i]` (a key
    /// computed on the rows of a joined table), or at i when `rows` is nil.
    static func build(_ key: KeyCodes, through rows: [Int32]?, rowCount: Int) -> Grouping {
        let numbered = FirstAppearance.number(key, through: rows, count: rowCount)
        return Grouping(ids: numbered.ids, count: numbered.count, firstRows: numbered.firstRows, everyGroupHasRows: true)
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

    /// Numbers values densely in order of first appearance through a hash table, nulls sharing
    /// one number. Values in a small range never come here: `KeyCodes` takes their offsets.
    static func renumber(_ values: [Int64], validity: Bitmap?) -> (codes: [Int32], cardinality: Int) {
        var codes = [Int32](repeating: 0, count: values.count)
        var next: Int32 = 0
        var nullCode: Int32 = -1
        @inline(__always) func isNull(_ i: Int) -> Bool { validity.map { !$0[i] } ?? false }
        @inline(__always) func codeForNull() -> Int32 {
            if nullCode < 0 { nullCode = next; next += 1 }
            return nullCode
        }
        var seen = IntHashTable(expected: min(values.count, 1 << 16))
        for i in values.indices {
            if isNull(i) { codes[i] = codeForNull(); continue }
            codes[i] = seen.value(for: values[i]) { defer { next += 1 }; return next }
        }
        return (codes, Int(next))
    }
}
