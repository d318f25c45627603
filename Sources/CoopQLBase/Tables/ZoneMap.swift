import Synchronization

/// The smallest and largest value in each block of 4,096 rows of a number or date column: what
/// lets a `where` skip blocks where no row can pass, and `top` skip blocks where no row can beat
/// the rows it already keeps, without reading them.
///
/// Working one out reads the whole column, so only the columns of a session's tables get one (see
/// `Table.withZoneMaps`), worked out the first time a query can use it and then kept.
package struct ZoneMap: Sendable {
    /// The bounds of each block, in the column's own cell type. A block with no value (only
    /// nulls) has `lower > upper` (the type's largest and smallest value), so no test of a range
    /// passes it. A decimal block holding NaN has the widest bounds, so nothing skips it.
    package enum Bounds: Sendable {
        case ints(lower: [Int64], upper: [Int64])
        case doubles(lower: [Double], upper: [Double])
        case dates(lower: [Int32], upper: [Int32])
    }

    package let bounds: Bounds

    package static let blockShift = 12
    package static let blockSize = 1 << blockShift

    /// How many blocks `rowCount` rows make.
    package static func blockCount(rowCount: Int) -> Int { (rowCount + blockSize - 1) >> blockShift }

    /// The rows of block `b`.
    package static func rows(ofBlock b: Int, rowCount: Int) -> Range<Int> {
        (b << blockShift)..<min(rowCount, (b + 1) << blockShift)
    }

    /// The zone map of a column, or nil for a type that has none (text, true/false).
    init?(_ column: Column) {
        let validity = column.validity
        switch column.storage {
        case .int(let a):
            let (lower, upper) = ZoneMap.bounds(a, validity: validity, empty: (.max, .min))
            bounds = .ints(lower: lower, upper: upper)
        case .decimal(let a):
            let (lower, upper) = ZoneMap.bounds(a, validity: validity, empty: (.infinity, -.infinity),
                                                unordered: (-.infinity, .infinity))
            bounds = .doubles(lower: lower, upper: upper)
        case .date(let a):
            let (lower, upper) = ZoneMap.bounds(a, validity: validity, empty: (.max, .min))
            bounds = .dates(lower: lower, upper: upper)
        case .bool, .text:
            return nil
        }
    }

    /// Each block's bounds, the blocks shared out over the cores. `empty`: the bounds of a block
    /// with no value; `unordered`: those of a block holding a value that compares with nothing
    /// (NaN), which no test may rule out.
    private static func bounds<T: Comparable>(_ values: [T], validity: Bitmap?, empty: (lower: T, upper: T),
                                              unordered: (lower: T, upper: T)? = nil) -> ([T], [T]) {
        let blocks = blockCount(rowCount: values.count)
        let pieces = Parallel.stretches(rowCount: blocks, pieces: Parallel.pieceCount(rowCount: values.count))
        let parts = Parallel.map(pieces.count) { p -> (lower: [T], upper: [T]) in
            var lower: [T] = [], upper: [T] = []
            lower.reserveCapacity(pieces[p].count)
            upper.reserveCapacity(pieces[p].count)
            values.withUnsafeBufferPointer { v in
                for b in pieces[p] {
                    var low = empty.lower, high = empty.upper
                    for i in rows(ofBlock: b, rowCount: values.count) where validity?[i] ?? true {
                        let x = v[i]
                        if let unordered, x != x { (low, high) = unordered; break }
                        if x < low { low = x }
                        if x > high { high = x }
                    }
                    lower.append(low)
                    upper.append(high)
                }
            }
            return (lower, upper)
        }
        return (parts.flatMap(\.lower), parts.flatMap(\.upper))
    }
}

/// A column's zone map, worked out once on first use and shared by every copy of the column (a
/// table's column and the tables made from it by stages that keep it as it is).
package final class ZoneMapCache: Sendable {
    private let map = Mutex<ZoneMap?>(nil)

    /// The zone map of `column`, which must be the column this cache belongs to.
    package func zoneMap(of column: Column) -> ZoneMap? {
        map.withLock { cached in
            if let cached { return cached }
            cached = ZoneMap(column)
            return cached
        }
    }
}

extension Table {
    /// The same table with a zone-map cache on each number or date column long enough to be
    /// split into blocks; for tables a session keeps, which queries read many times.
    package func withZoneMaps() -> Table {
        var t = self
        for i in t.columns.indices where t.columns[i].count >= 4 * ZoneMap.blockSize {
            switch t.columns[i].storage {
            case .int, .decimal, .date: t.columns[i].zoneMaps = ZoneMapCache()
            case .bool, .text: break
            }
        }
        return t
    }
}

extension Column {
    /// The column's zone map when it has a cache for one (see `Table.withZoneMaps`) and its type has one.
    package var zoneMap: ZoneMap? { zoneMaps?.zoneMap(of: self) }
}
