/// Aggregates computed per group in one pass over the rows: each yields a column with one cell
/// per group.
enum Aggregation {
    static func compute(_ call: AggregateCall, argument: Vec?, grouping g: Grouping, rowCount: Int) throws -> Column {
        let n = g.count
        switch call.function {
        case .count:
            var counts = [Int64](repeating: 0, count: n)
            if let argument, case .column(let c) = argument, c.validity != nil {
                for i in 0..<rowCount where c.isValid(i) { counts[Int(g.ids[i])] += 1 }
            } else if case .scalar(.null)? = argument {
                // count(null) counts nothing.
            } else {
                for i in 0..<rowCount { counts[Int(g.ids[i])] += 1 }
            }
            return Column(.int(counts))
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
            switch c.storage {
            case .int(let values):
                for i in 0..<rowCount where c.isValid(i) { sums[Int(g.ids[i])] += Double(values[i]); counts[Int(g.ids[i])] += 1 }
            case .decimal(let values):
                for i in 0..<rowCount where c.isValid(i) { sums[Int(g.ids[i])] += values[i]; counts[Int(g.ids[i])] += 1 }
            default:
                throw KernelError("avg() needs numbers")
            }
            return Column(.decimal((0..<n).map { counts[$0] == 0 ? 0 : sums[$0] / Double(counts[$0]) }),
                          validity: validity(counts.map { $0 > 0 }))
        case .min, .max:
            return extreme(argument!.materialize(rowCount, type: call.type), g, rowCount, max: call.function == .max)
        case .median:
            return try median(argument!.materialize(rowCount, type: call.type), g, rowCount)
        case .count_distinct:
            let c = argument!.materialize(rowCount, type: .int)
            let codes = Grouping.denseCodes(c, rowCount: rowCount)
            var counts = [Int64](repeating: 0, count: n)
            let width = Int64(codes.cardinality)
            // Each (group, value) pair counts once: a bit per pair when they fit in 64 MB, else a hash table.
            if Int64(n) * width <= 1 << 29 {
                var seen = Bitmap(count: Int(Int64(n) * width), value: false)
                for i in 0..<rowCount where c.isValid(i) {
                    let key = Int(Int64(g.ids[i]) * width + Int64(codes.codes[i]))
                    if !seen[key] { seen[key] = true; counts[Int(g.ids[i])] += 1 }
                }
            } else {
                var seen = IntHashTable(expected: min(rowCount, 1 << 20))
                for i in 0..<rowCount where c.isValid(i) {
                    let key = Int64(g.ids[i]) * width + Int64(codes.codes[i])
                    if seen.set(key, 0) == nil { counts[Int(g.ids[i])] += 1 }
                }
            }
            return Column(.int(counts))
        }
    }

    static func validity(_ present: [Bool]) -> Bitmap? {
        var bits = Bitmap(count: present.count, value: true)
        for (i, p) in present.enumerated() where !p { bits[i] = false }
        return bits
    }

    /// Sum per group; integer sums that overflow are an error. A group with no values sums to null.
    static func sum(_ c: Column, _ g: Grouping, _ rowCount: Int) throws -> Column {
        var seen = [Bool](repeating: false, count: g.count)
        switch c.storage {
        case .int(let a):
            var sums = [Int64](repeating: 0, count: g.count)
            for i in 0..<rowCount where c.isValid(i) {
                let k = Int(g.ids[i])
                let (r, overflow) = sums[k].addingReportingOverflow(a[i])
                if overflow { throw Kernels.overflowError() }
                sums[k] = r
                seen[k] = true
            }
            return Column(.int(sums), validity: validity(seen))
        case .decimal(let a):
            var sums = [Double](repeating: 0, count: g.count)
            for i in 0..<rowCount where c.isValid(i) { sums[Int(g.ids[i])] += a[i]; seen[Int(g.ids[i])] = true }
            return Column(.decimal(sums), validity: validity(seen))
        default:
            throw KernelError("sum() needs numbers")
        }
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
            let sorted = perGroup[k].sorted()
            let mid = sorted.count / 2
            // Dates take the lower middle day; numbers the mean of the two middles.
            out[k] = sorted.count % 2 == 1 || isDate ? sorted[sorted.count % 2 == 1 ? mid : mid - 1] : (sorted[mid - 1] + sorted[mid]) / 2
            present[k] = true
        }
        if isDate { return Column(.date(out.map { Int32($0) }), validity: validity(present)) }
        return Column(.decimal(out), validity: validity(present))
    }
}
