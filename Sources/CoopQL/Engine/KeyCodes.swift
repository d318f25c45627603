import CoopQLBase

/// One grouping key as small codes `0..<width`, equal exactly when the values are equal (null
/// being a value of its own). The codes follow no particular order: `Grouping` numbers the groups
/// by first appearance afterwards. Text keeps its dictionary codes and integers and dates in a
/// small range their offset from the smallest, so neither is hashed; other values are numbered
/// through a hash table.
struct KeyCodes {
    var codes: [Int32]
    var width: Int

    init(codes: [Int32], width: Int) {
        self.codes = codes
        self.width = width
    }

    init(_ column: Column) {
        switch column.storage {
        case .text(let codes, let dictionary):
            let nullCode = Int32(dictionary.strings.count)
            self.init(codes: KeyCodes.replacingNulls(codes, with: nullCode, validity: column.validity), width: Int(nullCode) + 1)
        case .int(let values):
            self = KeyCodes.offsets(values, validity: column.validity) ?? KeyCodes.hashed(column)
        case .date(let days):
            self = KeyCodes.offsets(days, validity: column.validity) ?? KeyCodes.hashed(column)
        case .bool(let bits):
            let codes = bits.map { Int32($0 ? 1 : 0) }
            self.init(codes: KeyCodes.replacingNulls(codes, with: 2, validity: column.validity), width: 3)
        case .decimal:
            self = KeyCodes.hashed(column)
        }
    }

    /// Codes as `value - smallest` when the values span a range no wider than about twice their
    /// number; the code after the range stands for null. Nil for a wider range.
    private static func offsets<T: FixedWidthInteger>(_ values: [T], validity: Bitmap?) -> KeyCodes? {
        guard let (low, high) = ValueRange.of(values, validity: validity) else {
            return KeyCodes(codes: Array(repeating: 0, count: values.count), width: 1) // All null.
        }
        guard ValueRange.isSmall((low, high), count: values.count) else { return nil }
        let nullCode = Int32(high - low + 1)
        let codes = [Int32](unsafeUninitializedCapacity: values.count) { out, initialized in
            values.withUnsafeBufferPointer { v in
                for i in v.indices { out[i] = Int32(truncatingIfNeeded: Int64(v[i]) &- low) }
            }
            if let validity { for i in 0..<values.count where !validity[i] { out[i] = nullCode } }
            initialized = values.count
        }
        return KeyCodes(codes: codes, width: Int(nullCode) + 1)
    }

    /// Codes numbered densely through a hash table: for values not in a small range (callers
    /// that have already found the range wide come here directly).
    static func hashed(_ column: Column) -> KeyCodes {
        let dense = Grouping.renumber(Grouping.encode(column), validity: column.validity)
        return KeyCodes(codes: dense.codes, width: max(1, dense.cardinality))
    }

    private static func replacingNulls(_ codes: [Int32], with nullCode: Int32, validity: Bitmap?) -> [Int32] {
        guard let validity else { return codes }
        var out = codes
        for i in out.indices where !validity[i] { out[i] = nullCode }
        return out
    }

    /// The code of row `rows[i]` for each i: a key computed on a joined table's own rows, read
    /// for the rows of the join. `rows` never holds -1 here.
    func lifted(through rows: [Int32]) -> KeyCodes {
        KeyCodes(codes: Gather.values(codes, at: rows), width: width)
    }

    /// Several keys over the same rows as one: codes equal exactly when every key's are. The
    /// codes are combined as one mixed-radix number; when that would grow too wide for 32 bits,
    /// the part so far is numbered densely first, and pairs are hashed only when even that is too
    /// wide.
    static func combine(_ keys: [KeyCodes]) -> KeyCodes {
        precondition(!keys.isEmpty, "no keys to combine")
        guard keys.count > 1 else { return keys[0] }
        var combined = keys[0]
        var rest = keys.dropFirst()
        if fitsIn32Bits(keys[0].width, keys[1].width) {
            // The first two in one pass into a new array, which the others then change in place.
            combined = KeyCodes(codes: mixed(keys[0], keys[1]), width: keys[0].width * keys[1].width)
            rest = rest.dropFirst()
        }
        for key in rest {
            if !fitsIn32Bits(combined.width, key.width) {
                combined.width = FirstAppearance.numberInPlace(&combined.codes, width: combined.width).count
            }
            guard fitsIn32Bits(combined.width, key.width) else { combined = pairsHashed(combined, key); continue }
            let radix = Int32(key.width)
            key.codes.withUnsafeBufferPointer { c in
                combined.codes.withUnsafeMutableBufferPointer { m in
                    for i in m.indices { m[i] = m[i] &* radix &+ c[i] }
                }
            }
            combined.width *= key.width
        }
        return combined
    }

    private static func mixed(_ a: KeyCodes, _ b: KeyCodes) -> [Int32] {
        let radix = Int32(b.width)
        return [Int32](unsafeUninitializedCapacity: a.codes.count) { out, initialized in
            a.codes.withUnsafeBufferPointer { a in
                b.codes.withUnsafeBufferPointer { b in
                    for i in a.indices { out[i] = a[i] &* radix &+ b[i] }
                }
            }
            initialized = a.codes.count
        }
    }

    private static func fitsIn32Bits(_ a: Int, _ b: Int) -> Bool {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return !overflow && product <= Int(Int32.max)
    }

    /// Two keys as one by numbering their pairs through a hash table.
    private static func pairsHashed(_ a: KeyCodes, _ b: KeyCodes) -> KeyCodes {
        var seen = IntHashTable(expected: min(a.codes.count, 1 << 16))
        var next: Int32 = 0
        var codes = a.codes
        for i in codes.indices {
            let pair = Int64(codes[i]) * Int64(b.width) + Int64(b.codes[i])
            codes[i] = seen.value(for: pair) { defer { next += 1 }; return next }
        }
        return KeyCodes(codes: codes, width: max(1, Int(next)))
    }
}
