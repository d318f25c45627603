/// The builders of one stretch of a file's columns, and the order a row's cells are added in.
struct ColumnSet {
    var builders: [ColumnBuilder]
    /// Declared columns, whose cells may be refused: added first, so that a refused row can be
    /// taken back before any inferred column (whose type may have moved) has seen it.
    var checked: [Int]
    /// The other columns.
    var unchecked: [Int]

    /// Fresh builders for every column of the plan.
    init(_ plan: ColumnPlan, reserving reserve: Int) {
        builders = (0..<plan.width).map { plan.builder($0, reserving: reserve) }
        checked = plan.declaredColumns
        unchecked = plan.inferredColumns
    }

    /// Builders reading `columns` again as text and ignoring the rest.
    init(rereading columns: [Int], width: Int, reserving reserve: (Int) -> Int) {
        builders = (0..<width).map { columns.contains($0) ? ColumnBuilder.text(reserving: reserve($0)) : .skipping }
        checked = []
        unchecked = columns
    }
}

/// What reading a stretch of rows gave.
struct RowsRead {
    var rows = 0
    /// Where reading stopped: after the stretch's last row, or at a refused row when strict.
    var end: Int
    /// Rows refused, in order: leniently all of them, strictly the one that stopped the read.
    var problems: [RowProblem] = []
    /// Where each refused row starts, for a later pass over the same rows to pass them over too.
    var skipped: [Int] = []

    mutating func refuse(_ problem: RowProblem) {
        problems.append(problem)
        skipped.append(problem.rowStart)
    }
}
