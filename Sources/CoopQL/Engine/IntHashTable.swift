/// A hash table from Int64 keys to Int32 values, by open addressing with linear probing: two flat
/// arrays and no per-entry allocation, which is what joins and groupings on integer keys need
/// (Swift's `Dictionary` hashes with SipHash and is several times slower for this).
struct IntHashTable {
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0
    /// A value that is never stored: it marks an empty slot.
    static let empty: Int32 = -1

    /// A table for about `expected` entries; it grows when needed.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: IntHashTable.empty, count: capacity)
        mask = capacity - 1
    }

    @inline(__always) private func slot(_ key: Int64) -> Int {
        // Fibonacci hashing: the multiply spreads the bits, the high ones pick the slot.
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value stored for `key`, or nil.
    @inline(__always) func get(_ key: Int64) -> Int32? {
        var s = slot(key)
        while true {
            let v = values[s]
            if v == IntHashTable.empty { return nil }
            if keys[s] == key { return v }
            s = (s + 1) & mask
        }
    }

    /// Stores `value` (not negative) for `key`; returns the value the key had before, if any.
    @discardableResult
    mutating func set(_ key: Int64, _ value: Int32) -> Int32? {
        precondition(value >= 0, "IntHashTable stores non-negative values")
        if (count + 1) * 2 > keys.count { grow() }
        var s = slot(key)
        while true {
            let v = values[s]
            if v == IntHashTable.empty {
                keys[s] = key; values[s] = value; count += 1
                return nil
            }
            if keys[s] == key { values[s] = value; return v }
            s = (s + 1) & mask
        }
    }

    /// The value for `key`, inserting `make()` first when there is none.
    @inline(__always)
    mutating func value(for key: Int64, orInsert make: () -> Int32) -> Int32 {
        if let v = get(key) { return v }
        let v = make()
        set(key, v)
        return v
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: IntHashTable.empty, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for i in oldKeys.indices where oldValues[i] != IntHashTable.empty { set(oldKeys[i], oldValues[i]) }
    }
}

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

    /// Indexes the rows whose `matchable` is true by `keys`, each chain in row order.
    init(keys: [Int64], matchable: [Bool]) {
        next = Array(repeating: -1, count: keys.count)
        var low = Int64.max, high = Int64.min
        for i in keys.indices where matchable[i] { low = min(low, keys[i]); high = max(high, keys[i]) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if low > high {
            heads = .dense(low: 0, heads: [])
        } else if !overflow, span < Int64(max(1 << 16, keys.count * 2)) {
            var h = [Int32](repeating: -1, count: Int(span) + 1)
            for r in stride(from: keys.count - 1, through: 0, by: -1) where matchable[r] {
                let s = Int(keys[r] - low)
                next[r] = h[s]
                h[s] = Int32(r)
            }
            heads = .dense(low: low, heads: h)
        } else {
            var table = IntHashTable(expected: keys.count)
            for r in stride(from: keys.count - 1, through: 0, by: -1) where matchable[r] {
                if let previous = table.set(keys[r], Int32(r)) { next[r] = previous }
            }
            heads = .hashed(table)
        }
    }

    /// The first row for each of `keys` (-1 for none, or where `matchable` is false): one loop per
    /// kind of index, so the per-row work is a lookup and nothing else.
    func firsts(_ keys: [Int64], matchable: [Bool]) -> [Int32] {
        var out = [Int32](repeating: -1, count: keys.count)
        out.withUnsafeMutableBufferPointer { out in
            keys.withUnsafeBufferPointer { keys in
                switch heads {
                case .dense(let low, let h):
                    h.withUnsafeBufferPointer { h in
                        let size = Int64(h.count)
                        for i in keys.indices where matchable[i] {
                            let (s, overflow) = keys[i].subtractingReportingOverflow(low)
                            if !overflow, s >= 0, s < size { out[i] = h[Int(s)] }
                        }
                    }
                case .hashed(let table):
                    for i in keys.indices where matchable[i] { out[i] = table.get(keys[i]) ?? -1 }
                }
            }
        }
        return out
    }

    /// The first row with `key`, or -1.
    @inline(__always) func first(_ key: Int64) -> Int32 {
        switch heads {
        case .dense(let low, let h):
            let (s, overflow) = key.subtractingReportingOverflow(low)
            return !overflow && s >= 0 && s < Int64(h.count) ? h[Int(s)] : -1
        case .hashed(let table):
            return table.get(key) ?? -1
        }
    }
}
