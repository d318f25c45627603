import CoopQLBase

/// `join … | summarize …` run as one operator over `JoinedRows`: the joins record row numbers,
/// and the summarize computes each key and argument on the smallest table holding what it reads,
/// reading the result for the joined rows through those numbers. The answer, the errors and what
/// the run's limits count are those of running the stages one by one.
extension PipelineCompiler {
    /// Joins and the `summarize` after them as one operator (`FuseJoinsSummarize` decides when,
    /// and which joined columns are `keeping`).
    func compileJoinsThenSummarize(_ joinSteps: [PlanNode.JoinStep], _ summarizeStage: BoundStage,
                                   keeping keep: Set<Int>?) -> Operator {
        guard case .aggregate(let keys, let aggregates, let outputs) = summarizeStage.kind else {
            preconditionFailure("joins are run together only with the summarize after them")
        }
        let expressions = ExpressionCompiler(source: source)
        let source = self.source

        var joins: [JoinPart] = []
        for step in joinSteps {
            guard case .join(let kind, let right, let alias, let leftKeys, let rightKeys) = step.stage.kind else {
                preconditionFailure("only joins run before the summarize")
            }
            joins.append(JoinPart(keepUnmatched: kind == .left, right: expressions.compile(right), alias: alias,
                                  leftKeys: leftKeys, leftKernels: leftKeys.map(expressions.compile),
                                  rightKeys: rightKeys, rightKernels: rightKeys.map(expressions.compile),
                                  live: step.live, place: PipelineCompiler.place(of: step.stage)))
        }
        let summarize = SummarizePart(keys: keys, keyKernels: keys.map(expressions.compile), aggregates: aggregates,
                                      argumentKernels: aggregates.map { $0.argument.map(expressions.compile) },
                                      outputs: outputs, outputKernels: outputs.map(expressions.compile),
                                      schema: summarizeStage.output)
        let summarizePlace = PipelineCompiler.place(of: summarizeStage)
        let parts = joins

        return { table, runtime, locals in
            var rows = JoinedRows(base: table)
            var bytes = JoinedBytes(table)
            for (j, join) in parts.enumerated() {
                if j > 0 { try runtime.checkCancelled() }
                try PipelineCompiler.locating(at: join.place, in: source) {
                    try join.run(&rows, &bytes, keeping: keep, runtime: runtime, locals: locals)
                }
                // The limits count what the join would have given out.
                try runtime.budget.materialised(rows: rows.rowCount, bytes: bytes.total)
            }
            try runtime.checkCancelled()
            return .table(try PipelineCompiler.locating(at: summarizePlace, in: source) {
                try summarize.run(rows, runtime: runtime, locals: locals)
            })
        }
    }
}

/// One join of the run, compiled.
private struct JoinPart: Sendable {
    let keepUnmatched: Bool
    let right: Kernel
    let alias: String
    let leftKeys: [BoundExpr], leftKernels: [Kernel]
    let rightKeys: [BoundExpr], rightKernels: [Kernel]
    /// The output columns later stages read, as `PruneColumns` found them (for the limits).
    let live: Set<Int>?
    let place: Span

    func run(_ rows: inout JoinedRows, _ bytes: inout JoinedBytes, keeping needed: Set<Int>?,
             runtime: Runtime, locals: [Vec]) throws {
        guard case .scalar(.table(let raw)) = try right(Frame.single(locals), runtime) else {
            throw KernelError("the right side of a join is not a table")
        }
        let rightTable = raw.qualified(by: alias)
        let (level, leftVecs) = try JoinedEvaluation.evaluate(leftKernels, leftKeys, on: rows, runtime: runtime, locals: locals)
        let leftColumns = zip(leftVecs, leftKeys).map { $0.materialize(rows.count(at: level), type: $1.type) }
        let rf = frame(rightTable, locals)
        let rightColumns = try zip(rightKernels, rightKeys).map { k, e in
            try k(rf, runtime).materialize(rightTable.rowCount, type: e.type)
        }
        let width = rows.width
        let keeping = needed.map { Set($0.filter { $0 >= width }.map { $0 - width }) }
        // Joined rows here are row numbers, one per side so far and the new one.
        let rowBytes = 4 * (rows.sides.count + 2)
        let outcome = try rows.join(rightTable, keeping: keeping, rightKeys: rightColumns, leftKeys: leftColumns, at: level,
                                    keepUnmatched: keepUnmatched) { n in
            try runtime.budget.admit(rows: n, bytesPerRow: rowBytes, what: "the join")
        }
        bytes.join(rightTable, rowCount: rows.rowCount, outcome: outcome, live: live)
    }
}

/// The summarize ending the run, compiled.
private struct SummarizePart: Sendable {
    let keys: [BoundExpr], keyKernels: [Kernel]
    let aggregates: [AggregateCall], argumentKernels: [Kernel?]
    let outputs: [BoundExpr], outputKernels: [Kernel]
    let schema: TableSchema

    func run(_ rows: JoinedRows, runtime: Runtime, locals: [Vec]) throws -> Table {
        let keyed = try zip(keyKernels, keys).map { k, key in
            let (level, vecs) = try JoinedEvaluation.evaluate([k], [key], on: rows, runtime: runtime, locals: locals)
            return (level: level, column: vecs[0].materialize(rows.count(at: level), type: key.type))
        }
        let grouping = Summarize.grouping(keyed, of: rows)
        let keyValues = keyed.map { level, column in
            column.gather(grouping.firstRows.map { Int32(rows.row(at: level, of: Int($0))) })
        }
        return try Summarize.finish(grouping, keyValues: keyValues, aggregates: aggregates, argument: { i in
            guard let kernel = argumentKernels[i], let argument = aggregates[i].argument else { return nil }
            let (level, vecs) = try JoinedEvaluation.evaluate([kernel], [argument], on: rows, runtime: runtime, locals: locals)
            guard case .column(let c) = vecs[0], let through = rows.rows(from: level) else { return vecs[0] }
            return .column(c.gather(through))
        }, rowCount: rows.rowCount, outputKernels: outputKernels, outputs: outputs, schema: schema, runtime: runtime)
    }
}

/// Where expressions over joined rows are computed.
enum JoinedEvaluation {
    /// Runs `kernels` on the smallest table holding every column `exprs` read, or on the joined
    /// rows when they read several tables or are not computed row by row. When the smaller table
    /// fails (it may hold rows the join left out, and those may be the ones that fail), they run on
    /// the joined rows, which fail exactly where the stage-by-stage run would.
    static func evaluate(_ kernels: [Kernel], _ exprs: [BoundExpr], on rows: JoinedRows,
                         runtime: Runtime, locals: [Vec]) throws -> (level: JoinedRows.Level, values: [Vec]) {
        let reads = self.reads(exprs)
        // Pipelines run with one value per variable (see `ExpressionCompiler`); a variable holding
        // a column would belong to the joined rows.
        let scalarLocals = locals.allSatisfy { if case .scalar = $0 { return true } else { return false } }
        if let reads, scalarLocals, exprs.allSatisfy(isRowWise) {
            let level = rows.level(of: reads)
            if level != .joined {
                let f = rows.frame(at: level, reading: reads, locals: locals)
                do { return (level, try kernels.map { try $0(f, runtime) }) }
                catch let limit as LimitExceeded { throw limit }
                catch {}
            }
        }
        let f = rows.frame(at: .joined, reading: reads, locals: locals)
        return (.joined, try kernels.map { try $0(f, runtime) })
    }

    /// The columns the expressions read; nil when a nested pipeline might read any.
    static func reads(_ exprs: [BoundExpr]) -> Set<Int>? {
        PruneColumns.columns(readBy: exprs)
    }

    /// Whether the value for a row depends on that row alone, so that computing it on another
    /// table's rows and reading it through row numbers gives the same: not `percent` (the whole
    /// column), nor a function defined by the script or the host (which count steps per call).
    static func isRowWise(_ e: BoundExpr) -> Bool {
        var rowWise = true
        e.forEachNode { node in
            switch node.kind {
            case .window, .userCall, .pipeline, .table: rowWise = false
            default: break
            }
        }
        return rowWise
    }
}

/// The estimated bytes of the table each join of the run would have given out when run alone,
/// column by column, so the run's limits count the same: a join keeps the incoming table as it is
/// when every row is there once in order, and otherwise copies the columns later stages read.
struct JoinedBytes {
    private var bytes: [Int]
    private var sources: [Column]

    init(_ table: Table) {
        bytes = table.columns.map { $0.estimatedBytes(rows: $0.count) }
        sources = table.columns
    }

    var total: Int { bytes.reduce(0, +) }

    mutating func join(_ right: Table, rowCount: Int, outcome: JoinedRows.Outcome, live: Set<Int>?) {
        let width = sources.count
        if !outcome.leftKept {
            for c in 0..<width { bytes[c] = live?.contains(c) ?? true ? sources[c].estimatedBytes(rows: rowCount) : 0 }
        }
        for (j, column) in right.columns.enumerated() {
            if outcome.rightWhole { bytes.append(column.estimatedBytes(rows: column.count)) }
            else { bytes.append(live?.contains(width + j) ?? true ? column.estimatedBytes(rows: rowCount) : 0) }
            sources.append(column)
        }
    }
}
