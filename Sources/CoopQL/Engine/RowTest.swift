import CoopQLBase

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
