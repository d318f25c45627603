import CoopQLBase

/// Compiles the operators of a physical plan (see `Planner`) into one closure: the scan, then
/// each operator over a whole table. Which stages run together and which columns each hands on
/// are the plan's decisions (the rules in `Plan/Rules`); this only compiles what it is given.
/// Expressions inside stages are compiled once, here, not per row or per run.
struct PipelineCompiler {
    let source: SourceText

    /// An operator: the table coming in, the runtime, and the values of the parameters and `for`
    /// variables in scope where the pipeline is written (a stage may read them).
    typealias Operator = @Sendable (Table, Runtime, [Vec]) throws -> Value

    func compile(_ pipeline: BoundPipeline) -> @Sendable (Runtime, [Vec]) throws -> Value {
        compile(Planner.physical(pipeline))
    }

    func compile(_ plan: PhysicalPlan) -> @Sendable (Runtime, [Vec]) throws -> Value {
        let (head, headSpan) = compileScan(plan)
        let operators = plan.operators.dropFirst().map(compile)
        let source = self.source
        return { runtime, locals in
            guard case .scalar(.table(var table)) = try head(Frame.single(locals), runtime) else {
                throw Diagnostic(.runtime, "`|` needs a table, a list or a range on its left", at: headSpan, in: source)
            }
            for (i, op) in operators.enumerated() {
                try runtime.checkCancelled()
                let value = try op(table, runtime, locals)
                guard case .table(let next) = value else {
                    precondition(i == operators.count - 1, "only the last stage may yield a non-table")
                    return value
                }
                table = next
                // The host's step and memory limits count what each stage gives out.
                try runtime.budget.materialised(next)
            }
            return .table(table)
        }
    }

    /// The plan's first operator, which gives the table the others work on.
    func compileScan(_ plan: PhysicalPlan) -> (Kernel, Span) {
        guard case .scan(let expr) = plan.operators[0].op else { preconditionFailure("a plan starts with its scan") }
        return (ExpressionCompiler(source: source).compileTableSource(expr), expr.span)
    }

    /// One operator of the plan after the scan.
    func compile(_ op: PhysicalPlan.Operator) -> Operator {
        switch op.op {
        case .scan: preconditionFailure("only the first operator is a scan")
        case .stage(let stage): return compile(stage, live: op.live)
        case .filterThenPick(let filter, let pick): return compileFiltered(filter, then: pick, live: op.live)
        case .joinsThenSummarize(let joins, let summarize, let keeping):
            return compileJoinsThenSummarize(joins, summarize, keeping: keeping)
        }
    }

    /// A stage's operator; a problem it finds itself (not inside an expression, which knows its
    /// own place) points at the stage, or at the row count of `take` and `top`.
    /// `live`: the output columns later stages read (nil: all); see `PruneColumns`.
    func compile(_ stage: BoundStage, live: Set<Int>? = nil) -> Operator {
        let op = operation(stage, live: live)
        let place = PipelineCompiler.place(of: stage)
        let source = self.source
        return { table, runtime, locals in
            try PipelineCompiler.locating(at: place, in: source) { try op(table, runtime, locals) }
        }
    }

    /// Where a stage's own problems point: the stage, or the row count of `take` and `top`.
    static func place(of stage: BoundStage) -> Span {
        switch stage.kind {
        case .take(let n), .top(let n, _): return n.span
        default: return stage.span
        }
    }

    /// Runs `body`, turning a problem it finds into a diagnostic that points at `place`.
    static func locating<T>(at place: Span, in source: SourceText, _ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let problem as KernelError {
            throw Diagnostic(.runtime, problem.message, at: place, in: source, suggestion: problem.suggestion)
        } catch let limit as LimitExceeded where limit.beforeAllocation {
            throw Diagnostic(.limit, limit.message, at: place, in: source, hint: limit.hint)
        }
    }

    private func operation(_ stage: BoundStage, live: Set<Int>?) -> Operator {
        let expressions = ExpressionCompiler(source: source)
        let output = stage.output
        switch stage.kind {
        case .filter(let condition):
            let filter = RowFilter(condition, compiler: expressions)
            return { table, runtime, locals in
                .table(Operators.filter(table, try filter.candidates(table, runtime: runtime, locals: locals), live: live))
            }
        case .project(let items):
            let ks = items.map(expressions.compile)
            return { table, runtime, locals in
                let f = frame(table, locals)
                let columns = try zip(ks, items).map { k, item in try k(f, runtime).materialize(table.rowCount, type: item.type) }
                return .table(Operators.retype(output, columns, rowCount: table.rowCount))
            }
        case .extend(let steps):
            let ks = steps.map { expressions.compile($0.expr) }
            return { table, runtime, locals in
                var columns = table.columns
                for (k, step) in zip(ks, steps) {
                    let column = try k(Frame(columns: columns, rowCount: table.rowCount, locals: locals), runtime)
                        .materialize(table.rowCount, type: step.expr.type)
                    if step.target < columns.count { columns[step.target] = column } else { columns.append(column) }
                }
                return .table(Operators.retype(output, columns, rowCount: table.rowCount))
            }
        case .aggregate(let keys, let aggregates, let outputs):
            let keyKernels = keys.map(expressions.compile)
            let argumentKernels = aggregates.map { $0.argument.map(expressions.compile) }
            let outputKernels = outputs.map(expressions.compile)
            return { table, runtime, locals in
                let f = frame(table, locals)
                let keyColumns = try zip(keyKernels, keys).map { k, key in try k(f, runtime).materialize(table.rowCount, type: key.type) }
                let grouping = Grouping.build(keyColumns, rowCount: table.rowCount)
                return .table(try Summarize.finish(grouping, keyValues: keyColumns.map { $0.gather(grouping.firstRows) },
                                                   aggregates: aggregates, argument: { i in try argumentKernels[i].map { try $0(f, runtime) } },
                                                   rowCount: table.rowCount, outputKernels: outputKernels, outputs: outputs,
                                                   schema: output, runtime: runtime))
            }
        case .countRows:
            return { table, _, _ in .int(Int64(table.rowCount)) }
        case .sort(let keys):
            let ks = keys.map { expressions.compile($0.expr) }
            return { table, runtime, locals in
                .table(try Operators.sort(table, keys: keys, kernels: ks, runtime: runtime, locals: locals, limit: nil, live: live))
            }
        case .take(let n):
            let k = expressions.compile(n)
            return { table, runtime, locals in
                let count = try Operators.rowLimit(try k(Frame.single(locals), runtime), stage: "take")
                return .table(table.gather((0..<Int32(min(count, table.rowCount))).map { $0 }, live: live))
            }
        case .top(let n, let keys):
            let kn = expressions.compile(n)
            let ks = keys.map { expressions.compile($0.expr) }
            return { table, runtime, locals in
                let count = try Operators.rowLimit(try kn(Frame.single(locals), runtime), stage: "top")
                return .table(try Operators.sort(table, keys: keys, kernels: ks, runtime: runtime, locals: locals, limit: count, live: live))
            }
        case .distinct(let items):
            let ks = items.map(expressions.compile)
            return { table, runtime, locals in
                let f = frame(table, locals)
                let columns = try zip(ks, items).map { k, item in try k(f, runtime).materialize(table.rowCount, type: item.type) }
                let grouping = Grouping.build(columns, rowCount: table.rowCount)
                let distinct = columns.map { $0.gather(table.rowCount == 0 ? [] : grouping.firstRows) }
                return .table(Operators.retype(output, distinct, rowCount: table.rowCount == 0 ? 0 : grouping.count))
            }
        case .join(let kind, let right, let alias, let leftKeys, let rightKeys):
            let kr = expressions.compile(right)
            let kl = leftKeys.map(expressions.compile), krk = rightKeys.map(expressions.compile)
            return { table, runtime, locals in
                guard case .scalar(.table(let rightTableRaw)) = try kr(Frame.single(locals), runtime) else {
                    throw KernelError("the right side of a join is not a table")
                }
                let rightTable = rightTableRaw.qualified(by: alias)
                let lf = frame(table, locals), rf = frame(rightTable, locals)
                let lcols = try zip(kl, leftKeys).map { k, e in try k(lf, runtime).materialize(table.rowCount, type: e.type) }
                let rcols = try zip(krk, rightKeys).map { k, e in try k(rf, runtime).materialize(rightTable.rowCount, type: e.type) }
                let rowBytes = JoinBytes.perRow(table, rightTable)
                let match = try HashJoin.match(left: lcols, right: rcols, leftCount: table.rowCount,
                                               rightCount: rightTable.rowCount, keepUnmatched: kind == .left) { rows in
                    try runtime.budget.admit(rows: rows, bytesPerRow: rowBytes, what: "the join")
                }
                let width = table.columns.count
                let l = match.left.map { table.gather($0, live: live.map { Set($0.filter { $0 < width }) }) } ?? table
                let r = rightTable.gather(match.right, live: live.map { Set($0.filter { $0 >= width }.map { $0 - width }) })
                return .table(Table(schema: TableSchema(l.schema.columns + r.schema.columns),
                                    columns: l.columns + r.columns, rowCount: match.right.count))
            }
        case .pivot(let aggregate, let rows, let columns):
            let kr = expressions.compile(rows), kc = expressions.compile(columns)
            let ka = aggregate.argument.map(expressions.compile)
            return { table, runtime, locals in
                let f = frame(table, locals)
                let rowKey = try kr(f, runtime).materialize(table.rowCount, type: rows.type)
                let columnKey = try kc(f, runtime).materialize(table.rowCount, type: columns.type)
                let argument = try ka.map { try $0(f, runtime) }
                return .table(try Pivot.make(aggregate, argument: argument, rows: rowKey, columns: columnKey,
                                             rowName: output.columns[0], rowCount: table.rowCount) { cells in
                    try runtime.budget.admit(rows: cells, bytesPerRow: 9, what: "the pivot", unit: "cells")
                })
            }
        }
    }
}

/// A frame over all columns of a table, with the variables in scope.
@inline(__always) func frame(_ table: Table, _ locals: [Vec]) -> Frame {
    Frame(columns: table.columns, rowCount: table.rowCount, locals: locals)
}

enum Operators {
    /// The rows a `where` keeps (see `RowFilter`), gathered.
    static func filter(_ table: Table, _ rows: CandidateRows, live: Set<Int>? = nil) -> Table {
        if case .all = rows { return table }
        let selection = rows.selection()
        if selection.count == table.rowCount { return table }
        return table.gather(selection, live: live)
    }

    /// The rows where a condition's value is true; null counts as false.
    static func candidates(_ condition: Vec, rowCount: Int) -> CandidateRows {
        switch condition {
        case .scalar(.bool(true)): return .all(rowCount)
        case .scalar: return .listed([])
        case .column(let c):
            guard case .bool(let bits) = c.storage else { return .listed([]) }
            var selection: [Int32] = []
            selection.reserveCapacity(rowCount / 4)
            bits.withUnsafeBufferPointer { bits in
                if let validity = c.validity {
                    for i in 0..<rowCount where bits[i] && validity[i] { selection.append(Int32(i)) }
                } else {
                    for i in 0..<rowCount where bits[i] { selection.append(Int32(i)) }
                }
            }
            return .listed(selection)
        }
    }

    /// A table with the checker's names and the columns' real types (the checker may have known
    /// only `any` or `null` for a column).
    static func retype(_ schema: TableSchema, _ columns: [Column], rowCount: Int) -> Table {
        var s = schema
        for i in s.columns.indices { s.columns[i].type = columns[i].type }
        return Table(schema: s, columns: columns, rowCount: rowCount)
    }

    static func rowLimit(_ v: Vec, stage: String) throws -> Int {
        guard case .scalar(.int(let n)) = v else { throw KernelError("`\(stage)` needs a whole number of rows") }
        guard n >= 0 else { throw KernelError("`\(stage)` needs a number of rows that is not negative, not \(n)") }
        return Int(min(n, Int64(Int32.max)))
    }

    /// `sort` (no limit) and `top` over the `rows` of a table (all of them if nil); only the rows
    /// given out are gathered.
    static func sort(_ table: Table, rows: CandidateRows? = nil, keys: [BoundSortKey], kernels: [Kernel],
                     runtime: Runtime, locals: [Vec], limit: Int?, live: Set<Int>? = nil) throws -> Table {
        let f = frame(table, locals)
        let columns = try zip(kernels, keys).map { k, key in
            (column: try k(f, runtime).materialize(table.rowCount, type: key.expr.type), descending: key.descending)
        }
        let order = SortKeys.permutation(columns, of: rows ?? .all(table.rowCount), limit: limit)
        return table.gather(order, live: live)
    }
}
