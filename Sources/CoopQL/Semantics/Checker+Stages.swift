import CoopQLBase

/// Binding pipelines: each stage is checked against the schema the stage before it produces.
extension Checker {
    func bindPipeline(_ head: Expr, _ stages: [Stage], _ e: Expr, _ scope: Scope) throws(Failure) -> BoundExpr {
        var outer = scope
        outer.row = nil
        outer.aggregates = nil
        outer.insideAggregate = false
        let source = try bind(head, outer)
        var schema: TableSchema
        switch source.type {
        case .table(let s):
            schema = s
        case .list(let element):
            schema = try listTableSchema(element, head)
        case .any:
            throw fail(.type, "the columns of `\(self.source.slice(head.span))` are not known here, so it cannot start a pipeline", head.span,
                       hint: "a function's parameters have no known columns; pass the finished value instead")
        default:
            throw fail(.type, "`|` needs a table, a list or a range on its left, but `\(self.source.slice(head.span))` is \(source.type)", head.span,
                       suggestion: "start from a table such as cooperatives, a list such as [1, 2] or a range such as 1..10")
        }
        var bound: [BoundStage] = []
        var resultType: DataType = .table(schema)
        var presentation: Presentation?
        var pivotSpan: Span?
        for (i, stage) in stages.enumerated() {
            if case .present(let how) = stage.kind {
                guard i == stages.count - 1 else {
                    throw fail(.type, "`\(how.rawValue)` says how to show the result, so it must be the last stage", stage.nameSpan)
                }
                if how == .chart { try checkChartable(schema, stage) }
                presentation = how
                break
            }
            if case .count(let by) = stage.kind, by.isEmpty {
                if i != stages.count - 1 {
                    throw fail(.type, "`count` gives a number, so no stage can follow it", stages[i + 1].nameSpan,
                               suggestion: "to count per group, write count by column")
                }
                bound.append(BoundStage(kind: .countRows, output: schema, span: stage.span))
                resultType = .int
                break
            }
            if let pivotSpan { try checkAfterPivot(stage, pivotSpan) }
            let b = try bindStage(stage, schema, outer)
            if case .pivot = stage.kind { pivotSpan = stage.nameSpan }
            bound.append(b)
            schema = b.output
            resultType = .table(schema)
        }
        return BoundExpr(.pipeline(BoundPipeline(source: source, stages: bound, presentation: presentation)), resultType, e.span)
    }

    /// A pivot's value columns are named after the values of its column key, so they are known
    /// only when the data is, not when the query is checked. After a pivot, then, only stages
    /// that keep every column as it is may follow: `sort`, `top` and `take` by the row key, and
    /// the presentation stages. A stage that names or adds columns is refused here, at its place,
    /// rather than meeting columns it was not checked against when it runs.
    func checkAfterPivot(_ stage: Stage, _ pivotSpan: Span) throws(Failure) {
        switch stage.kind {
        case .sort, .top, .take, .present: return
        default:
            throw fail(.type, "`\(source.slice(stage.nameSpan))` cannot follow `pivot`: the pivot's columns are named after values in the data, so they are known only when it runs",
                       stage.nameSpan,
                       suggestion: "do this before the pivot, or keep the pivot as the last step: only sort, top and take (by the row key) may follow it",
                       hint: "`let t = … | pivot …` keeps the result; in the shell a later entry sees its columns")
        }
    }

    /// A list or a range on the left of `|` is read as a table of one column, `value`, a row per
    /// item: so it can be summed, sorted or counted like any table. Its items must be single values.
    func listTableSchema(_ element: DataType, _ head: Expr) throws(Failure) -> TableSchema {
        guard element.isScalar else {
            let items: String
            switch element {
            case .record: items = "rows"
            case .table: items = "tables"
            default: items = "lists"
            }
            throw fail(.type, "a list of \(items) cannot start a pipeline: only a list of single values (numbers, text, dates, true or false) is read as a table", head.span,
                       suggestion: "list one field of each row, such as [row.name], or start the pipeline from the table itself",
                       hint: "a list or a range on the left of `|` becomes a table of one column named `value`")
        }
        return TableSchema.listTable(of: element)
    }

    /// A chart needs a column to label the bars and a number column to size them.
    func checkChartable(_ schema: TableSchema, _ stage: Stage) throws(Failure) {
        guard schema.columns.count >= 2, schema.columns.dropFirst().contains(where: { $0.type == .int || $0.type == .decimal || $0.type == .any })
        else {
            throw fail(.type, "a chart needs a first column to label the bars and a number column to size them", stage.nameSpan,
                       suggestion: "chart a grouping, as in … | count by sector | chart")
        }
    }

    func bindStage(_ stage: Stage, _ input: TableSchema, _ outer: Scope) throws(Failure) -> BoundStage {
        var row = outer
        row.row = input
        func make(_ kind: BoundStage.Kind, _ output: TableSchema) -> BoundStage {
            BoundStage(kind: kind, output: output, span: stage.span)
        }
        switch stage.kind {
        case .where(let condition):
            let c = try bind(condition, row)
            try expectType(c, .bool, "`where` keeps rows where its condition is true")
            return make(.filter(c), input)
        case .select(let items):
            let (exprs, columns) = try bindNamed(items, row)
            return make(.project(exprs), TableSchema(columns))
        case .extend(let items):
            // Each item sees the columns before it, including those the same `extend` made.
            var columns = input.columns
            var steps: [(BoundExpr, Int)] = []
            for item in items {
                var scope = row
                scope.row = TableSchema(columns)
                let b = try bind(item.expr, scope)
                try requireScalar(b, item.expr)
                // Extending with an existing bare name replaces that column, which keeps its table.
                if let i = columns.firstIndex(where: { $0.name == item.name }) {
                    columns[i].type = b.type
                    steps.append((b, i))
                } else {
                    columns.append(ColumnSchema(item.name!, b.type))
                    steps.append((b, columns.count - 1))
                }
            }
            return make(.extend(steps.map { (expr: $0.0, target: $0.1) }), TableSchema(columns))
        case .summarize(let items, let by):
            return try bindGrouping(items: items, by: by, input, row, stage)
        case .count(let by):
            let count = NamedExpr(name: "count", expr: Expr(.call("count", []), stage.nameSpan))
            return try bindGrouping(items: [count], by: by, input, row, stage)
        case .sort(let keys):
            return make(.sort(try bindSortKeys(keys, row)), input)
        case .take(let n):
            return make(.take(try bindCount(n, outer, "take")), input)
        case .top(let n, let keys):
            return make(.top(try bindCount(n, outer, "top"), try bindSortKeys(keys, row)), input)
        case .distinct(let items):
            if items.isEmpty {
                let all = input.columns.indices.map { BoundExpr(.column($0), input.columns[$0].type, stage.span) }
                return make(.distinct(all), input)
            }
            let (exprs, columns) = try bindNamed(items, row)
            return make(.distinct(exprs), TableSchema(columns))
        case .join(let kind, let right, let alias, let on):
            return try bindJoin(kind, right, alias, on, input, outer, stage)
        case .pivot(let aggregate, let rows, let columns):
            return try bindPivot(aggregate, rows, columns, input, row, stage)
        case .present:
            preconditionFailure("presentation stages are handled by bindPipeline")
        }
    }

    /// Binds `name = expr` items; an unnamed item is named after its column or its text.
    func bindNamed(_ items: [NamedExpr], _ scope: Scope) throws(Failure) -> ([BoundExpr], [ColumnSchema]) {
        var exprs: [BoundExpr] = []
        var columns: [ColumnSchema] = []
        for item in items {
            let b = try bind(item.expr, scope)
            try requireScalar(b, item.expr)
            var column = ColumnSchema(item.name ?? derivedName(item.expr), b.type)
            // A column taken as it is keeps its table, so `t.c` still finds it later.
            if item.name == nil, case .column(let i) = b.kind, let row = scope.row { column.qualifier = row.columns[i].qualifier }
            if let clash = columns.firstIndex(where: { $0.name == column.name && $0.qualifier == column.qualifier }) {
                throw fail(.name, "two columns would be named `\(column.name)`", item.expr.span,
                           suggestion: "name one of them: newname = \(source.slice(items[clash].expr.span))")
            }
            exprs.append(b)
            columns.append(column)
        }
        return (exprs, columns)
    }

    /// The name a column gets when none is given: `province` for `province` or `t.province`,
    /// `sum_members` for `sum(members)`, `count` for `count()`, else the expression's text.
    func derivedName(_ e: Expr) -> String {
        switch e.kind {
        case .name(let n): return n
        case .member(_, let f): return f
        case .call(let f, let args):
            if args.isEmpty { return f }
            if args.count == 1 { return "\(f)_\(derivedName(args[0]))" }
            return source.slice(e.span)
        default: return source.slice(e.span)
        }
    }

    func requireScalar(_ b: BoundExpr, _ e: Expr) throws(Failure) {
        guard b.type.isScalar else {
            throw fail(.type, "a column holds single values, but `\(source.slice(e.span))` is \(b.type)", e.span,
                       suggestion: b.type == .table(TableSchema([])) ? nil : "end the inner pipeline with count or an aggregate")
        }
    }

    func bindSortKeys(_ keys: [SortKey], _ scope: Scope) throws(Failure) -> [BoundSortKey] {
        try keys.map { k throws(Failure) in
            let b = try bind(k.expr, scope)
            try requireScalar(b, k.expr)
            return BoundSortKey(expr: b, descending: k.descending)
        }
    }

    func bindCount(_ n: Expr, _ scope: Scope, _ stage: String) throws(Failure) -> BoundExpr {
        let b = try bind(n, scope)
        guard b.type.fits(.int), b.type != .null else {
            throw fail(.type, "`\(stage)` needs a whole number of rows, but this is \(b.type)", n.span)
        }
        return b
    }

    func bindGrouping(items: [NamedExpr], by: [NamedExpr], _ input: TableSchema, _ row: Scope,
                       _ stage: Stage) throws(Failure) -> BoundStage {
        let (keys, keyColumns) = try bindNamed(by, row)
        let collector = AggregateCollector(keyCount: keys.count)
        var aggregateScope = row
        aggregateScope.aggregates = collector
        var outputs = keys.indices.map { BoundExpr(.column($0), keys[$0].type, keys[$0].span) }
        var columns = keyColumns
        for item in items {
            let b = try bind(item.expr, aggregateScope)
            try requireScalar(b, item.expr)
            let name = item.name ?? derivedName(item.expr)
            if columns.contains(where: { $0.name == name }) {
                throw fail(.name, "two columns would be named `\(name)`", item.expr.span,
                           suggestion: "give it another name: other = \(source.slice(item.expr.span))")
            }
            outputs.append(b)
            columns.append(ColumnSchema(name, b.type))
        }
        return BoundStage(kind: .aggregate(keys: keys, aggregates: collector.calls, outputs: outputs),
                          output: TableSchema(columns), span: stage.span)
    }

    func bindPivot(_ aggregate: Expr, _ rows: NamedExpr, _ columns: NamedExpr, _ input: TableSchema,
                   _ row: Scope, _ stage: Stage) throws(Failure) -> BoundStage {
        guard case .call(let name, _) = aggregate.kind, AggregateFunction(rawValue: name) != nil else {
            throw fail(.type, "`pivot` needs one aggregate, such as count() or sum(members)", aggregate.span)
        }
        let collector = AggregateCollector(keyCount: 2)
        var scope = row
        scope.aggregates = collector
        _ = try bind(aggregate, scope)
        let r = try bind(rows.expr, row), c = try bind(columns.expr, row)
        try requireScalar(r, rows.expr)
        try requireScalar(c, columns.expr)
        // The value columns are known only when the data is: the schema lists the row key alone
        // and the checker lets later stages name only that.
        var rowColumn = ColumnSchema(rows.name ?? derivedName(rows.expr), r.type)
        if case .column(let i) = r.kind { rowColumn.qualifier = input.columns[i].qualifier }
        return BoundStage(kind: .pivot(collector.calls[0], rows: r, columns: c), output: TableSchema([rowColumn]),
                          span: stage.span)
    }

    func bindJoin(_ kind: JoinKind, _ right: Expr, _ alias: String?, _ on: Expr, _ input: TableSchema,
                  _ outer: Scope, _ stage: Stage) throws(Failure) -> BoundStage {
        let r = try bind(right, outer)
        guard case .table(let rightSchemaRaw) = r.type else {
            throw fail(.type, "`join` needs a table, but this is \(r.type)", right.span)
        }
        let name = alias ?? defaultAlias(right)
        var rightSchema = rightSchemaRaw
        for i in rightSchema.columns.indices { rightSchema.columns[i].qualifier = name }
        let combined = TableSchema(input.columns + rightSchema.columns)
        var both = outer
        both.row = combined
        var leftScope = outer, rightScope = outer
        leftScope.row = input
        rightScope.row = rightSchema
        var leftKeys: [BoundExpr] = [], rightKeys: [BoundExpr] = []
        for (a, b) in try equalityPairs(on) {
            let ba = try bind(a, both), bb = try bind(b, both)
            let sideA = side(ba, leftCount: input.columns.count), sideB = side(bb, leftCount: input.columns.count)
            let (l, rr): (Expr, Expr)
            switch (sideA, sideB) {
            case (.left, .right): (l, rr) = (a, b)
            case (.right, .left): (l, rr) = (b, a)
            default:
                throw fail(.type, "each side of a join condition must name columns of one table: the left side's on one side of `==`, `\(name)`'s on the other",
                           Span(a.span.start, b.span.end), suggestion: "write join … on left_key == \(name).key")
            }
            let lk = try bind(l, leftScope), rk = try bind(rr, rightScope)
            guard comparable(lk.type, rk.type) else {
                throw fail(.type, "the join keys have different types: \(lk.type) and \(rk.type)", Span(a.span.start, b.span.end))
            }
            leftKeys.append(lk)
            rightKeys.append(rk)
        }
        return BoundStage(kind: .join(kind, right: r, alias: name, leftKeys: leftKeys, rightKeys: rightKeys),
                          output: combined, span: stage.span)
    }

    /// The name a join's right side goes by when `as` gives none: its table's or variable's name.
    func defaultAlias(_ e: Expr) -> String {
        switch e.kind {
        case .name(let n): return n
        case .pipeline(let head, _): return defaultAlias(head)
        default: return "right"
        }
    }

    /// `a == b and c == d` → [(a, b), (c, d)].
    func equalityPairs(_ e: Expr) throws(Failure) -> [(Expr, Expr)] {
        switch e.kind {
        case .binary(.and, let l, let r): return try equalityPairs(l) + equalityPairs(r)
        case .binary(.equal, let l, let r): return [(l, r)]
        default:
            throw fail(.syntax, "a join condition is `left_key == right_key`, several joined by `and`", e.span,
                       suggestion: "write join table on coop_id == table.id")
        }
    }

    enum Side { case left, right, both, neither }

    func side(_ e: BoundExpr, leftCount: Int) -> Side {
        let columns = e.columnsRead
        let left = columns.contains { $0 < leftCount }, right = columns.contains { $0 >= leftCount }
        switch (left, right) {
        case (true, false): return .left
        case (false, true): return .right
        case (true, true): return .both
        default: return .neither
        }
    }
}

/// A stage after checking: what it does, over which columns, and the columns it gives out.
struct BoundStage: Sendable {
    enum Kind: Sendable {
        case filter(BoundExpr)
        /// `select`: the output columns, each an expression over the input.
        case project([BoundExpr])
        /// `extend`: computed in order, each replacing column `target` or (at the end) adding it,
        /// so later items see earlier ones.
        case extend([(expr: BoundExpr, target: Int)])
        /// `summarize`, `count by`: group by the keys, compute aggregates, then the outputs over the
        /// table of keys followed by aggregate results.
        case aggregate(keys: [BoundExpr], aggregates: [AggregateCall], outputs: [BoundExpr])
        case countRows
        case sort([BoundSortKey])
        case take(BoundExpr)
        case top(BoundExpr, [BoundSortKey])
        case distinct([BoundExpr])
        case join(JoinKind, right: BoundExpr, alias: String, leftKeys: [BoundExpr], rightKeys: [BoundExpr])
        case pivot(AggregateCall, rows: BoundExpr, columns: BoundExpr)
    }

    var kind: Kind
    var output: TableSchema
    var span: Span
}

struct BoundSortKey: Sendable {
    var expr: BoundExpr
    var descending: Bool
}
