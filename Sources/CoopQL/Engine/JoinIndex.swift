import CoopQLBase

/// The rows of one side of a join by key: the first row of each key, then a chain through the
/// following ones. Keys in a small range (identifiers, dictionary codes) index an array directly;
/// others go through an `IntHashTable`.
struct JoinIndex {
    private enum Heads {
        case dense(low: Int64, heads: [Int32])
        case hashed(IntHashTable)
    }
    private var heads: Heads
    /// The next row with the same key as a row, or -1.
    private(set) var next: [Int32]
    /// Whether no two indexed rows share a key: then a probe finds at most one row, and the
    /// chains need not be followed.
    private(set) var isUnique = true

    /// Indexes the rows whose `matchable` is true by `keys`, each chain in row order.
    init(keys: [Int64], matchable: [Bool]) {
        next = Array(repeating: -1, count: keys.count)
        var low = Int64.max, high = Int64.min
        for i in keys.indices where matchable[i] { low = min(low, keys[i]); high = max(high, keys[i]) }
        var unique = true
        if low > high {
            heads = .dense(low: 0, heads: [])
        } else if ValueRange.isSmall((low, high), count: keys.count) {
            var h = [Int32](repeating: -1, count: Int(high - low) + 1)
            for r in stride(from: keys.count - 1, through: 0, by: -1) where matchable[r] {
                let s = Int(keys[r] - low)
                if h[s] >= 0 { unique = false }
                next[r] = h[s]
                h[s] = Int32(r)
            }
            heads = .dense(low: low, heads: h)
        } else {
            var table = IntHashTable(expected: keys.count)
            for r in stride(from: keys.count - 1, through: 0, by: -1) where matchable[r] {
                if let previous = table.set(keys[r], Int32(r)) { next[r] = previous; unique = false }
            }
            heads = .hashed(table)
        }
        isUnique = unique
    }

    /// The first row for each of `count` probe keys (-1 for none), and how many found one. Large
    /// probes are cut into stretches run on all cores; each writes only its own rows.
    func probe(_ keys: ProbeKeys, count: Int) -> (firsts: [Int32], matched: Int) {
        var matched = 0
        let firsts = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            let buffer = out
            let stretches = Parallel.stretches(rowCount: count, pieces: Parallel.pieceCount(rowCount: count))
            let found = Parallel.map(stretches.count) { p in probe(keys, stretches[p], into: buffer) }
            matched = found.reduce(0, +)
            initialized = count
        }
        return (firsts, matched)
    }

    /// One stretch of a probe: one loop per kind of key and of index, so that the work per row is
    /// a load, a lookup and a store.
    private func probe(_ keys: ProbeKeys, _ rows: Range<Int>, into out: UnsafeMutableBufferPointer<Int32>) -> Int {
        switch keys {
        case .integers(let values, let valid):
            return values.withUnsafeBufferPointer { v in
                probe(rows, into: out) { i in valid.map { $0[i] } ?? true ? v[i] : nil }
            }
        case .days(let values, let valid):
            return values.withUnsafeBufferPointer { v in
                probe(rows, into: out) { i in valid.map { $0[i] } ?? true ? Int64(v[i]) : nil }
            }
        case .translated(let codes, let translation, let valid):
            return codes.withUnsafeBufferPointer { c in
                translation.withUnsafeBufferPointer { t in
                    probe(rows, into: out) { i in
                        let k = t[Int(c[i])]
                        return k >= 0 && valid.map { $0[i] } ?? true ? Int64(k) : nil
                    }
                }
            }
        case .encoded(let values, let matchable):
            return values.withUnsafeBufferPointer { v in
                matchable.withUnsafeBufferPointer { m in probe(rows, into: out) { i in m[i] ? v[i] : nil } }
            }
        }
    }

    @inline(__always)
    private func probe(_ rows: Range<Int>, into out: UnsafeMutableBufferPointer<Int32>, key: (Int) -> Int64?) -> Int {
        var matched = 0
        switch heads {
        case .dense(let low, let h):
            h.withUnsafeBufferPointer { h in
                let size = UInt64(h.count)
                for i in rows {
                    var r: Int32 = -1
                    // At or above `low`, the difference fits an unsigned number exactly.
                    if let k = key(i), k >= low {
                        let s = UInt64(bitPattern: k &- low)
                        if s < size { r = h[Int(s)] }
                    }
                    out[i] = r
                    if r >= 0 { matched += 1 }
                }
            }
        case .hashed(let table):
            for i in rows {
                let r = key(i).flatMap { table.get($0) } ?? -1
                out[i] = r
                if r >= 0 { matched += 1 }
            }
        }
        return matched
    }
}

/// The probing side's keys, in the numbering of the indexed side's keys.
enum ProbeKeys {
    /// Whole numbers, null where `valid` says so.
    case integers([Int64], valid: Bitmap?)
    /// Dates as day numbers.
    case days([Int32], valid: Bitmap?)
    /// Text: each dictionary code's code on the other side (-1: that side lacks the string).
    case translated(codes: [Int32], translation: [Int32], valid: Bitmap?)
    /// Any other key, already encoded; `matchable` false where a row can match nothing.
    case encoded(values: [Int64], matchable: [Bool])
}
