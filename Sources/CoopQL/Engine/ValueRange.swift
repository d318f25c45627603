import CoopQLBase

/// The smallest and largest whole number (or date, as a day number) of a column, which tells
/// whether the values can index an array directly instead of going through a hash table.
enum ValueRange {
    /// The bounds of the values not under a null, found on all cores (reading the column is all
    /// the work, so it goes as fast as memory gives it); nil when there is no such value.
    static func of<T: FixedWidthInteger>(_ values: [T], validity: Bitmap?) -> (low: Int64, high: Int64)? {
        let stretches = Parallel.stretches(rowCount: values.count, pieces: Parallel.pieceCount(rowCount: values.count))
        let parts = values.withUnsafeBufferPointer { v in
            Parallel.map(stretches.count) { p -> (low: T, high: T) in
                var low = T.max, high = T.min
                if let validity {
                    for i in stretches[p] where validity[i] {
                        if v[i] < low { low = v[i] }
                        if v[i] > high { high = v[i] }
                    }
                } else {
                    for i in stretches[p] {
                        if v[i] < low { low = v[i] }
                        if v[i] > high { high = v[i] }
                    }
                }
                return (low, high)
            }
        }
        let low = parts.map(\.low).min() ?? T.max, high = parts.map(\.high).max() ?? T.min
        return low <= high ? (Int64(low), Int64(high)) : nil
    }

    /// Whether `count` values spanning `low…high` can index an array directly: the range is no
    /// wider than twice their number, or 65,536.
    static func isSmall(_ range: (low: Int64, high: Int64), count: Int) -> Bool {
        let (span, overflow) = range.high.subtractingReportingOverflow(range.low)
        return !overflow && span < Int64(max(1 << 16, count * 2))
    }
}
