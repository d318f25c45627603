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

/// A test of one column's cells, ready to run over any stretch of rows.
struct RowTest {
    /// Writes the rows of the range that pass into the buffer (room for the range's length), in
    /// order, and returns how many it wrote.
    let select: (Range<Int>, UnsafeMutablePointer<Int32>) -> Int
    /// False when the zone map shows that no row of a block can pass (see `ZoneMap`).
    let mayPass: (Int) -> Bool

    /// The test `cell op value` on a column, with the kernels' meaning (`Kernels.comparison`,
    /// `Kernels.textMatch`); nil for the operands they would convert or reject.
    init?(_ column: Column, _ op: BinaryOperator, _ value: Value) {
        let validity = column.validity
        let zones = column.zoneMap?.bounds
        switch (op, column.storage, value) {
        case (.contains, .text(let codes, let dict), .text(let pattern)),
             (.notContains, .text(let codes, let dict), .text(let pattern)),
             (.foldedEqual, .text(let codes, let dict), .text(let pattern)):
            self.init(codes: codes, hits: Kernels.matchHits(op, dict, pattern), validity: validity)
        case (.contains, _, _), (.notContains, _, _), (.foldedEqual, _, _):
            return nil
        case (_, .text(let codes, let dict), .text(let constant)):
            self.init(codes: codes, hits: Kernels.comparisonHits(op, dict, constant, flipped: false), validity: validity)
        case (_, .int(let a), .int(let x)):
            guard case .ints(let lower, let upper)? = zones else { self.init(a, op, x, validity: validity); return }
            self.init(a, op, x, validity: validity, zones: (lower, upper))
        case (_, .decimal, .int(let x)):
            self.init(column, op, .decimal(Double(x)))
        case (_, .decimal(let a), .decimal(let x)):
            // Against NaN every cell orders as greater (see `Kernels.comparison`): left to them.
            if x.isNaN { return nil }
            // A block holding NaN has the bounds (-∞, ∞), yet its NaN rows pass `> ∞`.
            guard case .doubles(let lower, let upper)? = zones, x.isFinite else { self.init(a, op, x, validity: validity); return }
            self.init(a, op, x, validity: validity, zones: (lower, upper))
        case (_, .date(let a), .date(let day)):
            guard case .dates(let lower, let upper)? = zones else { self.init(a, op, day.number, validity: validity); return }
            self.init(a, op, day.number, validity: validity, zones: (lower, upper))
        default:
            return nil
        }
    }

    /// Text: the kernels decide once per distinct string (`hits`), rows pass by their code.
    private init(codes: [Int32], hits: [Bool], validity: Bitmap?) {
        select = { rows, out in
            codes.withUnsafeBufferPointer { codes in
                hits.withUnsafeBufferPointer { hits in
                    RowTest.collect(rows, into: out, validity: validity) { hits[Int(codes[$0])] }
                }
            }
        }
        mayPass = { _ in true }
    }

    /// Numbers and dates: each cell compared with the constant; with a zone map, a block whose
    /// bounds rule the comparison out is skipped.
    private init<T: Comparable>(_ values: [T], _ op: BinaryOperator, _ x: T, validity: Bitmap?,
                                zones: (lower: [T], upper: [T])? = nil) {
        select = { rows, out in
            values.withUnsafeBufferPointer { v in
                // One loop per operator, so the loop body holds no switch. A NaN cell orders
                // after every number, as in the kernels: it passes `>`, `>=` and `!=` only.
                switch op {
                case .equal: return RowTest.collect(rows, into: out, validity: validity) { v[$0] == x }
                case .notEqual: return RowTest.collect(rows, into: out, validity: validity) { v[$0] != x }
                case .less: return RowTest.collect(rows, into: out, validity: validity) { v[$0] < x }
                case .lessEqual: return RowTest.collect(rows, into: out, validity: validity) { v[$0] <= x }
                case .greater: return RowTest.collect(rows, into: out, validity: validity) { !(v[$0] <= x) }
                default: return RowTest.collect(rows, into: out, validity: validity) { !(v[$0] < x) }
                }
            }
        }
        guard let (lower, upper) = zones else { mayPass = { _ in true }; return }
        mayPass = { b in
            let low = lower[b], high = upper[b]
            switch op {
            case .equal: return low <= x && x <= high
            case .notEqual: return !(low == x && high == x)
            case .less: return low < x
            case .lessEqual: return low <= x
            case .greater: return high > x
            default: return high >= x
            }
        }
    }

    /// Writes each row of `rows` into `out` and moves on past it only if it passes and is not
    /// null: no branch to mispredict when about half the rows pass.
    @inline(__always)
    private static func collect(_ rows: Range<Int>, into out: UnsafeMutablePointer<Int32>, validity: Bitmap?,
                                _ passes: (Int) -> Bool) -> Int {
        var n = 0
        if let validity {
            for i in rows {
                out[n] = Int32(truncatingIfNeeded: i)
                n &+= passes(i) && validity[i] ? 1 : 0
            }
        } else {
            for i in rows {
                out[n] = Int32(truncatingIfNeeded: i)
                n &+= passes(i) ? 1 : 0
            }
        }
        return n
    }
}
