import CoopQLBase

/// `summarize` once its key columns are known: on a table (the stage alone) or on the rows of a
/// run of joins (`JoinedRows`), where each key may lie on a different table's rows.
enum Summarize {
    /// The aggregates over the groups, then the output expressions over keys and aggregates.
    /// `argument(i)` gives aggregate i's argument for the grouped rows (computed when needed, so
    /// one argument's column is let go before the next is made).
    static func finish(_ grouping: Grouping, keyValues: [Column], aggregates: [AggregateCall],
                       argument: (Int) throws -> Vec?, rowCount: Int, outputKernels: [Kernel],
                       outputs: [BoundExpr], schema: TableSchema, runtime: Runtime) throws -> Table {
        var groups = keyValues
        for (i, call) in aggregates.enumerated() {
            groups.append(try Aggregation.compute(call, argument: try argument(i), grouping: grouping, rowCount: rowCount))
        }
        let grouped = Frame(columns: groups, rowCount: grouping.count, locals: [])
        let columns = try zip(outputKernels, outputs).map { k, o in try k(grouped, runtime).materialize(grouping.count, type: o.type) }
        return Operators.retype(schema, columns, rowCount: grouping.count)
    }

    /// Groups of joined rows by keys that each lie on one level's rows. Keys on the same table are
    /// combined on that table's rows; a side's codes are read through to its parent's rows, so
    /// a key of a table joined to a table joined to the members becomes one code per cooperative,
    /// say; and only then are the codes read for each joined row and numbered by first appearance.
    static func grouping(_ keys: [(level: JoinedRows.Level, column: Column)], of rows: JoinedRows) -> Grouping {
        guard !keys.isEmpty else { return Grouping.single(rowCount: rows.rowCount) }
        var byLevel: [JoinedRows.Level: [KeyCodes]] = [:]
        for (level, column) in keys { byLevel[level, default: []].append(KeyCodes(column)) }
        // A side's parent comes before it, so going from the last side back hangs each on its parent.
        for k in rows.sides.indices.reversed() {
            guard let parent = rows.sides[k].parent, let codes = byLevel.removeValue(forKey: .side(k)) else { continue }
            let combined = KeyCodes.combine(codes)
            byLevel[.side(parent), default: []].append(combined.lifted(through: rows.sides[k].rows))
        }
        let levels = byLevel.keys.sorted { order($0) < order($1) }.map { level in
            (level: level, codes: KeyCodes.combine(byLevel[level]!))
        }
        if levels.count == 1 {
            return Grouping.build(levels[0].codes, through: rows.rows(from: levels[0].level), rowCount: rows.rowCount)
        }
        let lifted = levels.map { level, codes in rows.rows(from: level).map { codes.lifted(through: $0) } ?? codes }
        return Grouping.build(combining: lifted)
    }

    private static func order(_ level: JoinedRows.Level) -> Int {
        switch level {
        case .base: return -1
        case .side(let k): return k
        case .joined: return Int.max
        }
    }
}
