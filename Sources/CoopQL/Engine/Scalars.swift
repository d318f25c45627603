import CoopQLBase

/// Operators on single values: the scripting path (`let x = 1 + 2`, function calls on scalars).
/// The column kernels implement the same rules over whole columns.
enum Scalars {
    static func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (_, .null): return .null
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, .int(let i)):
            let (r, overflow) = Int64(0).subtractingReportingOverflow(i)
            if overflow { throw Kernels.overflowError() }
            return .int(r)
        case (.negate, .decimal(let d)): return .decimal(-d)
        default: throw KernelError("`\(op.rawValue)` cannot apply to \(v.type)")
        }
    }

    static func logic(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        let decisive = op == .or
        if case .bool(let x) = a, x == decisive { return .bool(decisive) }
        if case .bool(let y) = b, y == decisive { return .bool(decisive) }
        if case .bool = a, case .bool = b { return .bool(!decisive) }
        if (a.isNull || a.type == .bool) && (b.isNull || b.type == .bool) { return .null }
        throw KernelError("`\(op.rawValue)` needs true or false on both sides")
    }

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if a.isNull || b.isNull { return .null }
        switch op {
        case .add, .subtract, .multiply, .remainder, .divide:
            return try arithmetic(op, a, b)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            guard let order = compare(a, b) else { throw KernelError("cannot compare \(a.type) with \(b.type)") }
            return .bool(op.accepts(order))
        case .contains, .notContains, .foldedEqual:
            guard case .text(let x) = a, case .text(let y) = b else { throw KernelError("`\(op.rawValue)` compares text") }
            return .bool(TextMatch(op, y).matches(x))
        case .and, .or: return try logic(op, a, b)
        case .coalesce: return a
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)) where op != .divide:
            return .int(try Arithmetic.int(op, x, y))
        case (.text(let x), .text(let y)) where op == .add:
            return .text(x + y)
        case (.date(let d), .int(let n)) where op == .add || op == .subtract:
            return .date(Day(number: try Arithmetic.shift(d.number, op, n)))
        case (.date(let x), .date(let y)) where op == .subtract:
            return .int(Int64(x.number) - Int64(y.number))
        default:
            guard let x = a.asDouble, let y = b.asDouble else {
                throw KernelError("`\(op.rawValue)` cannot apply to \(a.type) and \(b.type)")
            }
            return .decimal(try Arithmetic.double(op, x, y))
        }
    }

    /// The order of two values of comparable types; nil when they do not compare.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.text(let x), .text(let y)): return x == y ? 0 : (vietnameseLess(x, y) ? -1 : 1)
        case (.date(let x), .date(let y)): return x.number < y.number ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        default:
            guard let x = a.asDouble, let y = b.asDouble else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }
}

/// Integer and decimal arithmetic with the language's rules: integer overflow and division by
/// zero are errors, never a wrapped number or a crash.
enum Arithmetic {
    @inline(__always)
    static func int(_ op: BinaryOperator, _ x: Int64, _ y: Int64) throws -> Int64 {
        let (r, overflow): (Int64, Bool)
        switch op {
        case .add: (r, overflow) = x.addingReportingOverflow(y)
        case .subtract: (r, overflow) = x.subtractingReportingOverflow(y)
        case .multiply: (r, overflow) = x.multipliedReportingOverflow(by: y)
        case .remainder:
            if y == 0 { throw divisionByZero() }
            (r, overflow) = x.remainderReportingOverflow(dividingBy: y)
        default: throw KernelError("`\(op.rawValue)` is not an integer operation")
        }
        if overflow { throw Kernels.overflowError() }
        return r
    }

    /// A day number moved by `n` days (`+` or `-`); a day outside the calendar is an error, not a
    /// wrapped number or a crash, however large `n` is.
    @inline(__always)
    static func shift(_ day: Int32, _ op: BinaryOperator, _ n: Int64) throws -> Int32 {
        let (r, overflow) = op == .add ? Int64(day).addingReportingOverflow(n) : Int64(day).subtractingReportingOverflow(n)
        guard !overflow, let r32 = Int32(exactly: r) else { throw dateOutOfRange() }
        return r32
    }

    static func dateOutOfRange() -> KernelError {
        KernelError("the date is out of range: the number of days moves it past any calendar",
                    suggestion: "check the number of days added to or taken from the date")
    }

    @inline(__always)
    static func double(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Double {
        let r: Double
        switch op {
        case .add: r = x + y
        case .subtract: r = x - y
        case .multiply: r = x * y
        case .divide:
            if y == 0 { throw divisionByZero() }
            r = x / y
        case .remainder:
            if y == 0 { throw divisionByZero() }
            r = x.truncatingRemainder(dividingBy: y)
        default: throw KernelError("`\(op.rawValue)` is not an arithmetic operation")
        }
        if !r.isFinite && x.isFinite && y.isFinite { throw notANumber() }
        return r
    }

    /// Decimal arithmetic whose result is past the largest decimal (about 1.8e308) or no number at
    /// all is an error at the operator, as integer overflow is: never ∞ or NaN shown as a result.
    /// (A NaN already in the data passes through; the operator did not make it.)
    static func notANumber() -> KernelError {
        KernelError("decimal overflow: the result is too large to be a number (past about 1.8e308)",
                    suggestion: "check the sizes of the numbers; divide before multiplying")
    }

    static func divisionByZero() -> KernelError {
        KernelError("division by zero", suggestion: "guard it: if d == 0 then null else n / d")
    }
}

extension BinaryOperator {
    /// Whether a comparison holds for an order (-1, 0, 1).
    func accepts(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        case .greaterEqual: return order >= 0
        default: return false
        }
    }
}

/// `~`, `!~` and `=~` against one pattern, folded once.
struct TextMatch {
    let op: BinaryOperator
    let folded: String
    init(_ op: BinaryOperator, _ pattern: String) {
        self.op = op
        self.folded = foldForSearch(pattern)
    }
    func matches(_ s: String) -> Bool {
        var f = foldForSearch(s)
        switch op {
        case .contains: return contains(&f)
        case .notContains: return !contains(&f)
        default: return f == folded
        }
    }

    /// A byte search: folded text has no accents left to compare canonically.
    private func contains(_ f: inout String) -> Bool {
        var pattern = folded
        if pattern.isEmpty { return true }
        return f.withUTF8 { hay in pattern.withUTF8 { SearchFolding.bytes(hay, contain: $0) } }
    }
}
