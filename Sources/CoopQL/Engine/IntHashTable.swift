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
