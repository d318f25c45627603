import CoopQLBase

/// `count_distinct(x)` per group: how many different non-null values each group holds.
///
/// Each value is read as a small code (text by dictionary code, integers and dates by offset
/// from the smallest when their range is small, anything else numbered first), so that a
/// (group, value) pair is a number. Few pairs get a bit each; many pairs (thousands of groups
/// times a hundred thousand identifiers) would make that bitmap large and its reads random, so
/// then each value remembers the first group it was met in, which answers at once in the usual
/// case of a value belonging to one group (an identifier grouped by its own attributes), and
/// only pairs beyond that go to a hash table.
enum DistinctCount {
    static func perGroup(_ column: Column, _ g: Grouping, _ rowCount: Int) -> [Int64] {
        func counted(_ codes: KeyCodes) -> [Int64] {
            codes.codes.withUnsafeBufferPointer { c in count(column, g, rowCount, width: codes.width) { c[$0] } }
        }
        switch column.storage {
        case .text(let codes, let dictionary):
            return codes.withUnsafeBufferPointer { c in
                count(column, g, rowCount, width: dictionary.strings.count) { c[$0] }
            }
        case .int(let values):
            if let (low, width) = smallRange(values, column.validity) {
                return values.withUnsafeBufferPointer { v in
                    count(column, g, rowCount, width: width) { Int32(truncatingIfNeeded: v[$0] &- low) }
                }
            }
            // The range is known to be wide: straight to hashing, without `KeyCodes` scanning it again.
            return counted(KeyCodes.hashed(column))
        case .date(let days):
            if let (low, width) = smallRange(days, column.validity) {
                return days.withUnsafeBufferPointer { v in
                    count(column, g, rowCount, width: width) { Int32(truncatingIfNeeded: Int64(v[$0]) &- low) }
                }
            }
            return counted(KeyCodes.hashed(column))
        default:
            break
        }
        return counted(KeyCodes(column))
    }

    /// The smallest value and the width of the range when the values span a small range (see
    /// `ValueRange`), else nil.
    private static func smallRange<T: FixedWidthInteger>(_ values: [T], _ validity: Bitmap?) -> (low: Int64, width: Int)? {
        guard let range = ValueRange.of(values, validity: validity) else { return (0, 1) } // Every row is null.
        return ValueRange.isSmall(range, count: values.count) ? (range.low, Int(range.high - range.low) + 1) : nil
    }

    /// Counts the distinct (group, code) pairs of the rows whose value is not null.
    @inline(__always)
    private static func count(_ column: Column, _ g: Grouping, _ rowCount: Int, width: Int,
                              code: (Int) -> Int32) -> [Int64] {
        var counts = [Int64](repeating: 0, count: g.count)
        let valid = column.validity, width = max(1, width)
        let pairs = g.count.multipliedReportingOverflow(by: width)
        g.ids.withUnsafeBufferPointer { ids in
            counts.withUnsafeMutableBufferPointer { counts in
                if !pairs.overflow, pairs.partialValue <= 1 << 23 {
                    var seen = Bitmap(count: pairs.partialValue, value: false)
                    for i in 0..<rowCount where valid?[i] ?? true {
                        let k = Int(ids[i])
                        let pair = k * width + Int(code(i))
                        if !seen[pair] { seen[pair] = true; counts[k] += 1 }
                    }
                    return
                }
                var firstGroup = [Int32](repeating: -1, count: width)
                var others = IntHashTable(expected: 1 << 10)
                // Rows often come in runs of one value in one group (members of one cooperative):
                // a row like the one before it is passed over at once.
                var previous = (group: Int32(-1), code: -1)
                firstGroup.withUnsafeMutableBufferPointer { firstGroup in
                    for i in 0..<rowCount where valid?[i] ?? true {
                        let k = ids[i], c = Int(code(i))
                        if k == previous.group, c == previous.code { continue }
                        previous = (k, c)
                        let first = firstGroup[c]
                        if first == k { continue }
                        if first < 0 { firstGroup[c] = k; counts[Int(k)] += 1; continue }
                        if others.set(Int64(k) * Int64(width) + Int64(c), 0) == nil { counts[Int(k)] += 1 }
                    }
                }
            }
        }
        return counts
    }
}
