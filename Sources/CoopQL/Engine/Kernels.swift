import CoopQLBase

/// Column-at-a-time operations behind the operators of the language. Each takes its operands as
/// `Vec`s (a column, or one value for all rows) and loops over plain typed arrays.
///
/// Cells under a null hold a zero value (0, false, code 0), so loops may compute them blindly;
/// the result's validity says which results count.
enum Kernels {
    static func unary(_ op: UnaryOperator, _ x: Vec, _ count: Int) throws -> Vec {
        switch (op, x) {
        case (_, .scalar(let v)): return .scalar(try Scalars.unary(op, v))
        case (.not, .column(let c)):
            guard case .bool(let a) = c.storage else { throw KernelError("`not` needs true or false") }
            return .column(Column(.bool(a.map { !$0 }), validity: c.validity))
        case (.negate, .column(let c)):
            switch c.storage {
            case .int(let a):
                var out = [Int64](repeating: 0, count: a.count)
                for i in a.indices {
                    let (r, overflow) = Int64(0).subtractingReportingOverflow(a[i])
                    if overflow && c.isValid(i) { throw overflowError() }
                    out[i] = r
                }
                return .column(Column(.int(out), validity: c.validity))
            case .decimal(let a): return .column(Column(.decimal(a.map { -$0 }), validity: c.validity))
            default: throw KernelError("`-` needs a number")
            }
        }
    }

    static func overflowError() -> KernelError {
        KernelError("integer overflow: the result does not fit in 64 bits",
                    suggestion: "compute with decimals instead, e.g. multiply by 1.0 first")
    }

    static func isNull(_ x: Vec, negated: Bool, _ count: Int) -> Vec {
        switch x {
        case .scalar(let v): return .scalar(.bool(v.isNull != negated))
        case .column(let c):
            guard let validity = c.validity else { return .scalar(.bool(negated)) }
            return .column(Column(.bool((0..<count).map { validity[$0] == negated })))
        }
    }

    /// Three-valued `and` / `or`: null and false is false, null or true is true, else null.
    static func logic(_ op: BinaryOperator, _ a: Vec, _ b: Vec, _ count: Int) throws -> Vec {
        if case .scalar(let x) = a, case .scalar(let y) = b { return .scalar(try Scalars.logic(op, x, y)) }
        let ca = a.materialize(count, type: .bool), cb = b.materialize(count, type: .bool)
        guard case .bool(let x) = ca.storage, case .bool(let y) = cb.storage else {
            throw KernelError("`\(op.rawValue)` needs true or false on both sides")
        }
        var out = [Bool](repeating: false, count: count)
        if ca.validity == nil && cb.validity == nil {
            if op == .and { for i in 0..<count { out[i] = x[i] && y[i] } }
            else { for i in 0..<count { out[i] = x[i] || y[i] } }
            return .column(Column(.bool(out)))
        }
        var valid = Bitmap(count: count, value: true)
        for i in 0..<count {
            let va = ca.isValid(i), vb = cb.isValid(i)
            let decisive = op == .or
            if (va && x[i] == decisive) || (vb && y[i] == decisive) { out[i] = decisive }
            else if va && vb { out[i] = !decisive }
            else { valid[i] = false }
        }
        return .column(Column(.bool(out), validity: valid))
    }

    static func coalesce(_ a: Vec, _ b: Vec, _ count: Int, type: DataType) throws -> Vec {
        if case .scalar(let x) = a, case .scalar(let y) = b { return .scalar(x.isNull ? y : x) }
        let ca = a.materialize(count, type: type)
        guard let validity = ca.validity else { return a }
        var missing: [Int32] = [], present: [Int32] = []
        for i in 0..<count { if validity[i] { present.append(Int32(i)) } else { missing.append(Int32(i)) } }
        let fill: Vec
        switch b {
        case .scalar: fill = b
        case .column(let cb): fill = .column(cb.gather(missing))
        }
        return .column(Column.merge([(present, .column(ca.gather(present))), (missing, fill)], count: count, type: type))
    }

    /// `x in list`: the list is a constant, so it becomes a set looked up once per distinct value.
    static func isIn(_ x: Vec, _ list: Vec, negated: Bool, _ count: Int) throws -> Vec {
        guard case .scalar(.list(let items)) = list else { throw KernelError("`in` needs a list") }
        switch x {
        case .scalar(let v):
            if v.isNull { return .scalar(.null) }
            return .scalar(.bool(items.contains(v) != negated))
        case .column(let c):
            var out = [Bool](repeating: false, count: count)
            switch c.storage {
            case .text(let codes, let dict):
                let wanted = Set(items.compactMap { if case .text(let s) = $0 { return s } else { return nil } })
                let hit = dict.strings.map { wanted.contains($0) != negated }
                for i in 0..<count { out[i] = hit[Int(codes[i])] }
            case .int(let a):
                let wanted = Set(items.compactMap { v -> Int64? in
                    if case .int(let i) = v { return i }
                    if case .decimal(let d) = v, d == d.rounded(), abs(d) < 9e18 { return Int64(d) }
                    return nil
                })
                for i in 0..<count { out[i] = wanted.contains(a[i]) != negated }
            case .decimal(let a):
                let wanted = Set(items.compactMap(\.asDouble))
                for i in 0..<count { out[i] = wanted.contains(a[i]) != negated }
            case .date(let a):
                let wanted = Set(items.compactMap { if case .date(let d) = $0 { return d.number } else { return nil } })
                for i in 0..<count { out[i] = wanted.contains(a[i]) != negated }
            case .bool(let a):
                let wanted = Set(items.compactMap { if case .bool(let b) = $0 { return b } else { return nil } })
                for i in 0..<count { out[i] = wanted.contains(a[i]) != negated }
            }
            return .column(Column(.bool(out), validity: c.validity))
        }
    }

    /// Most values a range made into a list (or a table) may hold; `for` counts through a range
    /// without making it, so it has no such limit.
    static let maxRangeCount: Int64 = 10_000_000

    /// `a..b`: every whole number (or day) from a to b, both included.
    static func range(_ lo: Vec, _ hi: Vec) throws -> Vec {
        guard case .scalar(let a) = lo, case .scalar(let b) = hi else {
            throw KernelError("a range inside a stage must go between fixed values")
        }
        switch try RangeEnds(a, b, made: true) {
        case .ints(let x, let y)?: return .scalar(.list(x <= y ? (x...y).map(Value.int) : []))
        case .days(let x, let y)?: return .scalar(.list(x <= y ? (x...y).map { .date(Day(number: $0)) } : []))
        case nil: return .scalar(.null)
        }
    }
}

/// The two ends of a range `a..b`, checked the same way wherever a range is gone through.
enum RangeEnds {
    case ints(Int64, Int64)
    /// Day numbers.
    case days(Int32, Int32)

    /// Nil when either end is null. `made`: the range is to be made into a list or a table, so it
    /// may hold at most `Kernels.maxRangeCount` values.
    init?(_ lo: Value, _ hi: Value, made: Bool) throws {
        switch (lo, hi) {
        case (.int(let x), .int(let y)):
            if made { try RangeEnds.checkCount(x, y) }
            self = .ints(x, y)
        case (.date(let x), .date(let y)):
            if made { try RangeEnds.checkCount(Int64(x.number), Int64(y.number)) }
            self = .days(x.number, y.number)
        case (.null, _), (_, .null):
            return nil
        default:
            throw KernelError("a range goes between two whole numbers or two dates")
        }
    }

    /// An empty range (`y` before `x`) is always fine.
    private static func checkCount(_ x: Int64, _ y: Int64) throws {
        let (span, overflow) = y.subtractingReportingOverflow(x)
        guard y < x || (!overflow && span < Kernels.maxRangeCount) else {
            let most = formatInteger(Kernels.maxRangeCount, style: .vietnamese)
            throw KernelError("a range may hold at most \(most) values")
        }
    }
}
