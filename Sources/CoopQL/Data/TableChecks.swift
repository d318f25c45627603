import CoopQLBase

/// The checks that need a whole column: a key that repeats, a reference that finds no row.
enum TableChecks {
    /// The rows, in order, whose cell repeats an earlier row's, each with the first row holding it.
    /// Nulls repeat nothing.
    static func duplicates(in column: Column) -> [(row: Int, first: Int)] {
        let keys: [Int64]
        switch column.storage {
        case .int(let values):
            // Rising ids, the usual case, cannot repeat: one pass tells, with no hashing.
            if column.validity == nil, isRising(values) { return [] }
            keys = values
        case .decimal(let values): keys = values.map { Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }
        case .date(let values): keys = values.map(Int64.init)
        case .bool(let values): keys = values.map { $0 ? 1 : 0 }
        // One code per distinct text: the loader's dictionaries hold each NFC string once.
        case .text(let codes, _): keys = codes.map(Int64.init)
        }
        var firstRow = [Int64: Int](minimumCapacity: keys.count)
        var result: [(row: Int, first: Int)] = []
        for (row, key) in keys.enumerated() where column.isValid(row) {
            if let first = firstRow[key] { result.append((row, first)) } else { firstRow[key] = row }
        }
        return result
    }

    private static func isRising(_ values: [Int64]) -> Bool {
        values.withUnsafeBufferPointer { v in
            var i = 1
            while i < v.count {
                if v[i] <= v[i - 1] { return false }
                i += 1
            }
            return true
        }
    }

    /// The rows whose (non-null) cell is no cell of `keys`; nil when the two columns' types
    /// cannot be compared (then nothing is checked).
    static func unmatched(_ column: Column, in keys: Column) -> [Int]? {
        switch (column.storage, keys.storage) {
        case (.int(let values), .int(let ids)):
            let known = IntSet(ids, validity: keys.validity)
            return values.indices.filter { column.isValid($0) && !known.contains(values[$0]) }
        case (.text(let codes, let dictionary), .text(let keyCodes, let keyDictionary)):
            let known = Set(keyCodes.indices.filter(keys.isValid).map { keyDictionary.strings[Int(keyCodes[$0])] })
            let found = dictionary.strings.map(known.contains)
            return codes.indices.filter { column.isValid($0) && !found[Int(codes[$0])] }
        default:
            return nil
        }
    }

    /// A set of ints: a bit per value when they span a narrow range (ids usually do), else hashed.
    private struct IntSet {
        private var low: Int64 = 0
        private var bits: [Bool] = []
        private var hashed: Set<Int64>? = nil

        init(_ values: [Int64], validity: Bitmap?) {
            let present = validity == nil ? values : values.indices.filter { validity![$0] }.map { values[$0] }
            guard let low = present.min(), let high = present.max() else { return }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            if !overflow, span < Int64(8 * present.count + 1024) {
                self.low = low
                bits = Array(repeating: false, count: Int(span) + 1)
                for v in present { bits[Int(v - low)] = true }
            } else {
                hashed = Set(present)
            }
        }

        func contains(_ v: Int64) -> Bool {
            if let hashed { return hashed.contains(v) }
            let (offset, overflow) = v.subtractingReportingOverflow(low)
            return !overflow && offset >= 0 && offset < Int64(bits.count) && bits[Int(offset)]
        }
    }
}
