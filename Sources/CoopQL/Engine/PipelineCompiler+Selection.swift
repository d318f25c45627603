import CoopQLBase

/// A compiled `where` condition: a `ColumnTest` when it has that shape, the expression kernels
/// otherwise (and when the test cannot handle the values met at run time).
struct RowFilter: Sendable {
    let kernel: Kernel
    let test: ColumnTest?

    init(_ condition: BoundExpr, compiler: ExpressionCompiler) {
        kernel = compiler.compile(condition)
        test = ColumnTest(condition, compiler: compiler)
    }

    /// The rows of `table` the condition keeps.
    func candidates(_ table: Table, runtime: Runtime, locals: [Vec]) throws -> CandidateRows {
        if let test, let rows = try test.candidates(table, runtime: runtime, locals: locals) { return rows }
        return Operators.candidates(try kernel(frame(table, locals), runtime), rowCount: table.rowCount)
    }
}

extension PipelineCompiler {
    /// `where` then `top`, `sort` or `take` as one operator, handing the second stage the rows
    /// the `where` keeps as `CandidateRows` (`FuseFilterPick` decides when it may).
    /// `live`: the output columns of the second stage that later stages read.
    func compileFiltered(_ first: BoundStage, then next: BoundStage, live: Set<Int>?) -> Operator {
        guard case .filter(let condition) = first.kind else { preconditionFailure("a filtered pick starts with `where`") }
        let expressions = ExpressionCompiler(source: source)
        /// The second stage, given the rows the `where` keeps.
        let pick: @Sendable (Table, CandidateRows, Runtime, [Vec]) throws -> Table
        switch next.kind {
        case .take(let n):
            let kn = expressions.compile(n)
            pick = { table, rows, runtime, locals in
                let count = try Operators.rowLimit(try kn(Frame.single(locals), runtime), stage: "take")
                let kept = rows.prefix(count)
                try runtime.budget.materialised(rows: kept.count, bytes: 4 * kept.count)
                return table.gather(kept, live: live)
            }
        case .sort(let keys), .top(_, let keys):
            let ks = keys.map { expressions.compile($0.expr) }
            var kn: Kernel? = nil
            if case .top(let n, _) = next.kind { kn = expressions.compile(n) }
            pick = { [kn] table, rows, runtime, locals in
                var rows = rows
                let limit = try kn.map { try Operators.rowLimit(try $0(Frame.single(locals), runtime), stage: "top") }
                if limit == nil, case .tested = rows { rows = .listed(rows.selection()) }
                // The rows listed count as what the `where` gave out; rows `top` tests block by
                // block are never listed.
                if case .listed(let list) = rows { try runtime.budget.materialised(rows: list.count, bytes: 4 * list.count) }
                return try Operators.sort(table, rows: rows, keys: keys, kernels: ks, runtime: runtime, locals: locals,
                                          limit: limit, live: live)
            }
        default:
            preconditionFailure("only `take`, `sort` and `top` run over a `where`'s rows")
        }
        let filter = RowFilter(condition, compiler: expressions)
        let source = self.source
        let filterPlace = first.span, nextPlace = PipelineCompiler.place(of: next)
        return { table, runtime, locals in
            let rows = try PipelineCompiler.locating(at: filterPlace, in: source) {
                try filter.candidates(table, runtime: runtime, locals: locals)
            }
            try runtime.checkCancelled()
            return .table(try PipelineCompiler.locating(at: nextPlace, in: source) {
                try pick(table, rows, runtime, locals)
            })
        }
    }
}
