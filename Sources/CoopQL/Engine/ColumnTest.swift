import CoopQLBase

/// A `where` condition that names the rows it keeps by itself: `column <cmp> constant` (the
/// constant on either side) and the text matches `column ~ "…"`, `!~`, `=~`.
///
/// The expression kernels would first make a column of true/false over every row and then list
/// the true ones. Testing the column directly writes row numbers straight away, works on any
/// stretch of rows alone (so the work can be shared out over the cores, or done only on the blocks
/// a later `top` still needs), and lets a zone map rule out whole blocks unread. Any other
/// condition (`and`, `or`, functions, two columns) goes through the kernels as before.
struct ColumnTest: Sendable {
    /// The column tested, by position in the stage's input.
    let column: Int
    /// The operator, as if the column were written on its left.
    let op: BinaryOperator
    /// The other side: a value fixed for the whole run (a literal, a parameter, a variable).
    let constant: Kernel

    /// The test a condition is, if it has one of the shapes above.
    init?(_ condition: BoundExpr, compiler: ExpressionCompiler) {
        guard case .binary(let op, let left, let right) = condition.kind else { return nil }
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            if case .column(let i) = left.kind, ColumnTest.isFixed(right) {
                (column, self.op, constant) = (i, op, compiler.compile(right))
            } else if case .column(let i) = right.kind, ColumnTest.isFixed(left) {
                (column, self.op, constant) = (i, ColumnTest.mirrored(op), compiler.compile(left))
            } else {
                return nil
            }
        case .contains, .notContains, .foldedEqual:
            guard case .column(let i) = left.kind, ColumnTest.isFixed(right) else { return nil }
            (column, self.op, constant) = (i, op, compiler.compile(right))
        default:
            return nil
        }
    }

    /// Whether an expression stands for one value for the whole run. Only reads of values count,
    /// so computing it once instead of over the rows changes nothing (not even a host function's
    /// step count).
    private static func isFixed(_ e: BoundExpr) -> Bool {
        switch e.kind {
        case .constant, .parameter, .global, .local: return true
        case .unary(.negate, let x): return isFixed(x)
        default: return false
        }
    }

    /// `c < x` is `x > c`.
    private static func mirrored(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        default: return op
        }
    }

    /// The rows of `table` that pass, as candidates for the stage; nil when the values met at run
    /// time are not ones this test handles (a variable holding a column, types the kernels would
    /// convert or reject), and the kernels must decide.
    func candidates(_ table: Table, runtime: Runtime, locals: [Vec]) throws -> CandidateRows? {
        guard case .scalar(let value) = try constant(Frame.single(locals), runtime) else { return nil }
        // A null on either side makes the comparison null, which `where` counts as false.
        if value.isNull { return .listed([]) }
        let c = table.columns[column]
        guard let test = RowTest(c, op, value) else { return nil }
        return .tested(test, rowCount: table.rowCount)
    }
}
