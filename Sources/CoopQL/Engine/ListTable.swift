import CoopQLBase

/// A list or a range on the left of `|` is a table of one column, `value`, a row per item (as
/// the checker says with `TableSchema.listTable`), so `1..100 | summarize sum(value)` and
/// `[3, 1, 2] | sort by value` run through the same stages as any table.
extension ExpressionCompiler {
    /// The value on the left of `|`, as a table. A table is taken as it is; a range fills its
    /// column straight from its two ends, without a list of values in between.
    func compileTableSource(_ e: BoundExpr) -> Kernel {
        guard case .list(let element) = e.type else { return compile(e) }
        let place = Place(span: e.span, source: source)
        if case .range(let lo, let hi) = e.kind {
            let kl = compile(lo), kh = compile(hi)
            return { frame, runtime in
                let a = try kl(frame, runtime).single, b = try kh(frame, runtime).single
                return .scalar(.table(try place.run { try Table.ofRange(a, b, element: element) }))
            }
        }
        let k = compile(e)
        return { frame, runtime in
            switch try k(frame, runtime).single {
            case .list(let items): return .scalar(.table(try place.run { try Table.ofList(items, element: element) }))
            case .null: return .scalar(.table(try Table.ofList([], element: element)))
            case let other: return .scalar(other)
            }
        }
    }
}

extension BoundPipeline {
    /// The columns of the table the first stage reads.
    var sourceSchema: TableSchema? {
        switch source.type {
        case .table(let schema): return schema
        case .list(let element): return TableSchema.listTable(of: element)
        default: return nil
        }
    }
}

extension Table {
    /// The table of a list's items, in order, in a column `value` of the list's type.
    static func ofList(_ items: [Value], element: DataType) throws -> Table {
        var type = element
        if type == .any || type == .null {
            // The checker could not tell (a function's parameter): the items say.
            guard let found = DataType.unify(items.map(\.type)), found.isScalar else {
                throw KernelError("a list read as a table must hold single values of one type")
            }
            type = found == .null || found == .any ? .int : found
        }
        return listTable(Column.from(items, type: type))
    }

    /// The table of every whole number (or day) from `lo` to `hi`, both included; none when
    /// `hi` comes before `lo` or either end is null.
    static func ofRange(_ lo: Value, _ hi: Value, element: DataType) throws -> Table {
        switch try RangeEnds(lo, hi, made: true) {
        case .ints(let x, let y)?: return listTable(Column(.int(x <= y ? Array(x...y) : [])))
        case .days(let x, let y)?: return listTable(Column(.date(x <= y ? Array(x...y) : [])))
        case nil: return listTable(Column.from([], type: element == .date ? .date : .int))
        }
    }

    private static func listTable(_ column: Column) -> Table {
        Table(schema: TableSchema.listTable(of: column.type), columns: [column], rowCount: column.count)
    }
}
