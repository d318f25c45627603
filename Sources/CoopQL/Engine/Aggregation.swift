import CoopQLBase

/// Aggregates computed per group in one pass over the rows: each yields a column with one cell
/// per group.
enum Aggregation {
    static func compute(_ call: AggregateCall, argument: Vec?, grouping g: Grouping, rowCount: Int) throws -> Column {
        let n = g.count
        switch call.function {
        case .count:
            if let argument, case .column(let c) = argument, let validity = c.validity {
                return Column(.int(counts(g, rowCount, validity: validity)))
            } else if case .scalar(.null)? = argument {
                // count(null) counts nothing.
                return Column(.int(Array(repeating: 0, count: n)))
            }
            return Column(.int(counts(g, rowCount, validity: nil)))
        case .count_if:
            var counts = [Int64](repeating: 0, count: n)
            let c = argument!.materialize(rowCount, type: .bool)
            guard case .bool(let bits) = c.storage else { throw KernelError("count_if() needs a condition") }
            for i in 0..<rowCount where bits[i] && c.isValid(i) { counts[Int(g.ids[i])] += 1 }
            return Column(.int(counts))
        case .sum:
            return try sum(argument!.materialize(rowCount, type: call.type), g, rowCount)
        case .avg:
            let c = argument!.materialize(rowCount, type: .decimal)
            var sums = [Double](repeating: 0, count: n), counts = [Int](repeating: 0, count: n)
            // Whole numbers are added as they are read, without a column of doubles first.
            func add<T>(_ values: [T], _ double: (T) -> Double) {
                values.withUnsafeBufferPointer { v in
                    g.ids.withUnsafeBufferPointer { ids in
                        for i in 0..<rowCount where c.validity?[i] ?? true {
                            let k = Int(ids[i])
                            sums[k] += double(v[i])
                            counts[k] += 1
                        }
                    }
                }
            }
            switch c.storage {
            case .int(let values):
                // Exactly the doubles' sums when no total can pass 2^53 (see `WholeSums`).
                if let whole = WholeSums.perGroup(values, validity: c.validity, g, rowCount: rowCount, limit: 1 << 53, counting: true) {
                    sums = whole.sums.map(Double.init)
                    counts = whole.counts!.map(Int.init)
                } else {
                    add(values, Double.init)
                }
            case .decimal(let values): add(values) { $0 }
            default: throw KernelError("avg() needs numbers")
            }
            return Column(.decimal((0..<n).map { counts[$0] == 0 ? 0 : sums[$0] / Double(counts[$0]) }),
                          validity: validity(counts.map { $0 > 0 }))
        case .min, .max:
            return extreme(argument!.materialize(rowCount, type: call.type), g, rowCount, max: call.function == .max)
        case .median:
            return try median(argument!.materialize(rowCount, type: call.type), g, rowCount)
        case .count_distinct:
            return Column(.int(DistinctCount.perGroup(argument!.materialize(rowCount, type: .int), g, rowCount)))
        }
    }

    /// Rows per group not under a null of `validity`, counted on all cores: each stretch of rows
    /// counts into its own array, and the arrays are added.
    static func counts(_ g: Grouping, _ rowCount: Int, validity: Bitmap?) -> [Int64] {
        let stretches = Parallel.stretches(rowCount: rowCount, pieces: Lanes.pieces(rowCount: rowCount, groups: g.count))
        let parts = g.ids.withUnsafeBufferPointer { ids in
            Parallel.map(stretches.count) { p in
                let lanes = Lanes(groups: g.count)
                var counts = [Int64](repeating: 0, count: lanes.slots)
                counts.withUnsafeMutableBufferPointer { counts in
                    if let validity {
                        for i in stretches[p] where validity[i] { counts[lanes.slot(ids[i], i)] += 1 }
                    } else {
                        for i in stretches[p] { counts[lanes.slot(ids[i], i)] += 1 }
                    }
                }
                return lanes.totals(counts)
            }
        }
        return Lanes.add(parts)
    }

    static func validity(_ present: [Bool]) -> Bitmap? {
        var bits = Bitmap(count: present.count, value: true)
        for (i, p) in present.enumerated() where !p { bits[i] = false }
        return bits
    }

    /// Sum per group; integer sums that overflow are an error. A group with no values sums to null.
    static func sum(_ c: Column, _ g: Grouping, _ rowCount: Int) throws -> Column {
        switch c.storage {
        case .int(let a):
            let needCounts = c.validity != nil || !g.everyGroupHasRows
            if let whole = WholeSums.perGroup(a, validity: c.validity, g, rowCount: rowCount, limit: UInt64(Int64.max),
                                              counting: needCounts) {
                return Column(.int(whole.sums), validity: whole.counts.flatMap { counts in validity(counts.map { $0 > 0 }) })
            }
            var sums = [Int64](repeating: 0, count: g.count)
            var seen = [Bool](repeating: false, count: g.count)
            var overflow = false
            a.withUnsafeBufferPointer { a in
                g.ids.withUnsafeBufferPointer { ids in
                    sums.withUnsafeMutableBufferPointer { sums in
                        // Rows in order, so an overflow is met where adding them one by one meets it.
                        @inline(__always) func add(_ i: Int) -> Bool {
                            let k = Int(ids[i])
                            let (r, o) = sums[k].addingReportingOverflow(a[i])
                            sums[k] = r
                            seen[k] = true
                            return !o
                        }
                        if let validity = c.validity {
                            for i in 0..<rowCount where validity[i] { if !add(i) { overflow = true; return } }
                        } else {
                            for i in 0..<rowCount { if !add(i) { overflow = true; return } }
                        }
                    }
                }
            }
            if overflow { throw Kernels.overflowError() }
            return Column(.int(sums), validity: present(c, g, seen: seen))
        case .decimal(let a):
            var sums = [Double](repeating: 0, count: g.count)
            var seen = [Bool](repeating: false, count: g.count)
            for i in 0..<rowCount where c.isValid(i) {
                let k = Int(g.ids[i])
                sums[k] += a[i]
                seen[k] = true
            }
            return Column(.decimal(sums), validity: present(c, g, seen: seen))
        default:
            throw KernelError("sum() needs numbers")
        }
    }

    /// Which groups had a value to sum (`seen`, marked while adding); nil when every group has
    /// rows and no value is null, so all are present. A group with none sums to null.
    static func present(_ c: Column, _ g: Grouping, seen: [Bool]) -> Bitmap? {
        if c.validity == nil, g.everyGroupHasRows { return nil }
        return validity(seen)
    }

    /// Smallest or largest value per group; text by Vietnamese alphabetical order.
    static func extreme(_ c: Column, _ g: Grouping, _ rowCount: Int, max: Bool) -> Column {
        let ranks = SortKeys.ranks(c)
        var best = [Int32](repeating: -1, count: g.count)
        for i in 0..<rowCount where c.isValid(i) {
            let k = Int(g.ids[i])
            let b = best[k]
            if b < 0 { best[k] = Int32(i); continue }
            let better = max ? ranks.less(Int(b), i) : ranks.less(i, Int(b))
            if better { best[k] = Int32(i) }
        }
        return c.gather(best)
    }

    static func median(_ c: Column, _ g: Grouping, _ rowCount: Int) throws -> Column {
        var perGroup = [[Double]](repeating: [], count: g.count)
        let isDate = c.type == .date
        let values: [Double]
        if case .date(let a) = c.storage { values = a.map(Double.init) }
        else if let d = c.doubles { values = d }
        else { throw KernelError("median() needs numbers or dates") }
        for i in 0..<rowCount where c.isValid(i) { perGroup[Int(g.ids[i])].append(values[i]) }
        var out = [Double](repeating: 0, count: g.count)
        var present = [Bool](repeating: false, count: g.count)
        for k in 0..<g.count where !perGroup[k].isEmpty {
            // NaN after every number, as sorting and `min`/`max` have it (plain `<` leaves the
            // order of a list holding NaN to chance).
            let sorted = perGroup[k].sorted { $0 < $1 || (!$0.isNaN && $1.isNaN) }
            let mid = sorted.count / 2
            // Dates take the lower middle day; numbers the mean of the two middles.
            out[k] = sorted.count % 2 == 1 || isDate ? sorted[sorted.count % 2 == 1 ? mid : mid - 1] : (sorted[mid - 1] + sorted[mid]) / 2
            present[k] = true
        }
        if isDate { return Column(.date(out.map { Int32($0) }), validity: validity(present)) }
        return Column(.decimal(out), validity: validity(present))
    }
}
