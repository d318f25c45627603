import CoopQLBase

/// `pivot AGG by ROW, COL`: one row per ROW value, one column per COL value, cells = AGG over the
/// rows with both values. Rows and columns come in sorted order (Vietnamese order for text);
/// a combination with no rows holds 0 for counts and null for other aggregates.
enum Pivot {
    static func make(_ call: AggregateCall, argument: Vec?, rows: Column, columns: Column,
                     rowName: ColumnSchema, rowCount: Int, admit: (_ cells: Int) throws -> Void) throws -> Table {
        let rowGroups = Grouping.build([rows], rowCount: rowCount)
        let columnGroups = Grouping.build([columns], rowCount: rowCount)
        let width = columnGroups.count
        // A cell per (row value, column value): asked for before it is allocated.
        let (cellCount, overflow) = rowGroups.count.multipliedReportingOverflow(by: width)
        try admit(overflow ? .max : cellCount)
        // Aggregation reads only the ids and the count, not the first rows.
        let cells = Grouping(ids: (0..<rowCount).map { rowGroups.ids[$0] * Int32(width) + columnGroups.ids[$0] },
                             count: rowGroups.count * width, firstRows: [])
        let values = try Aggregation.compute(call, argument: argument, grouping: cells, rowCount: rowCount)
        var seen = [Bool](repeating: false, count: cells.count)
        for i in 0..<rowCount { seen[Int(cells.ids[i])] = true }

        let rowKeys = rows.gather(rowGroups.firstRows)
        let columnKeys = columns.gather(columnGroups.firstRows)
        let rowOrder = SortKeys.permutation([(rowKeys, false)], rowCount: rowGroups.count)
        let columnOrder = SortKeys.permutation([(columnKeys, false)], rowCount: columnGroups.count)

        var schema = [rowName]
        var out = [rowKeys.gather(rowOrder)]
        let countLike = [.count, .count_if, .count_distinct].contains(call.function)
        for c in columnOrder {
            let selection = rowOrder.map { r in Int32(Int(r) * width + Int(c)) }
            var column = values.gather(selection)
            if countLike {
                column.validity = nil
            } else {
                var validity = column.validity ?? Bitmap(count: selection.count, value: true)
                for (i, cell) in selection.enumerated() where !seen[Int(cell)] { validity[i] = false }
                column = Column(column.storage, validity: validity)
            }
            schema.append(ColumnSchema(title(columnKeys[Int(c)]), column.type))
            out.append(column)
        }
        return Table(schema: TableSchema(schema), columns: out, rowCount: rowGroups.count)
    }

    /// A column heading for a value of the pivot's column key.
    static func title(_ v: Value) -> String {
        switch v {
        case .text(let s): return s
        case .null: return "null"
        default: return plainText(v)
        }
    }
}
