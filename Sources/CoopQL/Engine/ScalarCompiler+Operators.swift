import CoopQLBase

/// An `if` condition compiled for the scalar path: whether it is true (false and null both
/// choose the other branch).
typealias ScalarTest = (Slots, Runtime) throws -> Bool

/// Operators of the scalar path, with the rules of `Scalars` (the reference for single values).
/// Integers take a direct path and fall back to `Scalars` on overflow, so its error is the one
/// raised. An operand that is a slot or a constant is read in place rather than through a
/// closure of its own: `n - 1` or `n < 2` is one closure, not three.
extension ScalarCompiler {
    func compileBinary(_ op: BinaryOperator, _ l: BoundExpr, _ r: BoundExpr, _ place: Place) -> ScalarCode {
        switch op {
        case .and, .or:
            // The right side is computed only when the left does not decide.
            let kl = compile(l), kr = compile(r)
            let decisive = op == .or
            return { slots, runtime in
                let a = try kl(slots, runtime)
                if case .bool(let b) = a, b == decisive { return a }
                let b = try kr(slots, runtime)
                return try place.run { try Scalars.logic(op, a, b) }
            }
        case .coalesce:
            let kl = compile(l), kr = compile(r)
            return { slots, runtime in
                let a = try kl(slots, runtime)
                return a.isNull ? try kr(slots, runtime) : a
            }
        default:
            return withOperands(l, r, OperatorCode(op: op, place: place))
        }
    }

    func compileTest(_ e: BoundExpr) -> ScalarTest {
        if case .binary(let op, let l, let r) = e.kind, op.isComparison {
            return withOperands(l, r, ComparisonTest(op: op, place: place(e)))
        }
        let k = compile(e)
        return { slots, runtime in
            if case .bool(true) = try k(slots, runtime) { return true }
            return false
        }
    }

    /// `if c then a else b`: a branch that is a slot or a constant is read in place, as the
    /// operands of an operator are (`if n < 2 then n else …`).
    func compileConditional(_ test: @escaping ScalarTest, _ a: BoundExpr, _ b: BoundExpr) -> ScalarCode {
        switch a.kind {
        case .local(let slot): return compileConditional(test, SlotOperand(slot: slot), b)
        case .constant(let v): return compileConditional(test, ConstantOperand(constant: v), b)
        default: return compileConditional(test, CodeOperand(code: compile(a)), b)
        }
    }

    private func compileConditional<A: ScalarOperand>(_ test: @escaping ScalarTest, _ a: A, _ b: BoundExpr) -> ScalarCode {
        switch b.kind {
        case .local(let slot): return Self.conditional(test, a, SlotOperand(slot: slot))
        case .constant(let v): return Self.conditional(test, a, ConstantOperand(constant: v))
        default: return Self.conditional(test, a, CodeOperand(code: compile(b)))
        }
    }

    private static func conditional<A: ScalarOperand, B: ScalarOperand>(_ test: @escaping ScalarTest, _ a: A, _ b: B) -> ScalarCode {
        return { slots, runtime in try test(slots, runtime) ? try a.value(slots, runtime) : try b.value(slots, runtime) }
    }

    // Hands `use` the two operands, each as the most direct reader there is for it; generic
    // specialisation then gives every pairing a closure of its own. Written once per kind of
    // result: a closure that came back through a generic result type would be called through a
    // conversion thunk.

    func withOperands(_ l: BoundExpr, _ r: BoundExpr, _ use: OperatorCode) -> ScalarCode {
        switch l.kind {
        case .local(let slot): return withRight(SlotOperand(slot: slot), r, use)
        case .constant(.int(let i)): return withRight(IntConstantOperand(constant: i), r, use)
        case .constant(let v): return withRight(ConstantOperand(constant: v), r, use)
        default: return withRight(CodeOperand(code: compile(l)), r, use)
        }
    }

    private func withRight<L: ScalarOperand>(_ l: L, _ r: BoundExpr, _ use: OperatorCode) -> ScalarCode {
        switch r.kind {
        case .local(let slot): return use.use(l, SlotOperand(slot: slot))
        case .constant(.int(let i)): return use.use(l, IntConstantOperand(constant: i))
        case .constant(let v): return use.use(l, ConstantOperand(constant: v))
        default: return use.use(l, CodeOperand(code: compile(r)))
        }
    }

    func withOperands(_ l: BoundExpr, _ r: BoundExpr, _ use: ComparisonTest) -> ScalarTest {
        switch l.kind {
        case .local(let slot): return withRight(SlotOperand(slot: slot), r, use)
        case .constant(.int(let i)): return withRight(IntConstantOperand(constant: i), r, use)
        case .constant(let v): return withRight(ConstantOperand(constant: v), r, use)
        default: return withRight(CodeOperand(code: compile(l)), r, use)
        }
    }

    private func withRight<L: ScalarOperand>(_ l: L, _ r: BoundExpr, _ use: ComparisonTest) -> ScalarTest {
        switch r.kind {
        case .local(let slot): return use.use(l, SlotOperand(slot: slot))
        case .constant(.int(let i)): return use.use(l, IntConstantOperand(constant: i))
        case .constant(let v): return use.use(l, ConstantOperand(constant: v))
        default: return use.use(l, CodeOperand(code: compile(r)))
        }
    }
}

/// Reads one operand of an operator.
protocol ScalarOperand {
    func value(_ slots: Slots, _ runtime: Runtime) throws -> Value
}

struct SlotOperand: ScalarOperand {
    let slot: Int
    @inline(__always) func value(_ slots: Slots, _ runtime: Runtime) -> Value { slots[slot] }
}

/// An integer constant: the operator's integer path then checks only the other side.
struct IntConstantOperand: ScalarOperand {
    let constant: Int64
    @inline(__always) func value(_ slots: Slots, _ runtime: Runtime) -> Value { .int(constant) }
}

struct ConstantOperand: ScalarOperand {
    let constant: Value
    @inline(__always) func value(_ slots: Slots, _ runtime: Runtime) -> Value { constant }
}

struct CodeOperand: ScalarOperand {
    let code: ScalarCode
    @inline(__always) func value(_ slots: Slots, _ runtime: Runtime) throws -> Value { try code(slots, runtime) }
}

/// The value of an arithmetic, comparison or text operator. The closures hold only the integer
/// path; everything else is one call away (`Scalars`), so the common case stays small.
struct OperatorCode {
    let op: BinaryOperator
    let place: Place

    func use<L: ScalarOperand, R: ScalarOperand>(_ l: L, _ r: R) -> ScalarCode {
        let op = self.op, place = self.place
        switch op {
        case .add:
            return { slots, runtime in
                let a = try l.value(slots, runtime), b = try r.value(slots, runtime)
                if case .int(let x) = a, case .int(let y) = b {
                    let (v, overflow) = x.addingReportingOverflow(y)
                    if !overflow { return .int(v) }
                }
                return try Self.general(op, a, b, place)
            }
        case .subtract:
            return { slots, runtime in
                let a = try l.value(slots, runtime), b = try r.value(slots, runtime)
                if case .int(let x) = a, case .int(let y) = b {
                    let (v, overflow) = x.subtractingReportingOverflow(y)
                    if !overflow { return .int(v) }
                }
                return try Self.general(op, a, b, place)
            }
        case .multiply:
            return { slots, runtime in
                let a = try l.value(slots, runtime), b = try r.value(slots, runtime)
                if case .int(let x) = a, case .int(let y) = b {
                    let (v, overflow) = x.multipliedReportingOverflow(by: y)
                    if !overflow { return .int(v) }
                }
                return try Self.general(op, a, b, place)
            }
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return { slots, runtime in
                let a = try l.value(slots, runtime), b = try r.value(slots, runtime)
                if case .int(let x) = a, case .int(let y) = b { return .bool(op.holds(x, y)) }
                return try Self.general(op, a, b, place)
            }
        default:
            return { slots, runtime in
                let a = try l.value(slots, runtime), b = try r.value(slots, runtime)
                return try Self.general(op, a, b, place)
            }
        }
    }

    /// Any operands, by the rules of `Scalars`; an error points at the operator's expression.
    @inline(never)
    static func general(_ op: BinaryOperator, _ a: Value, _ b: Value, _ place: Place) throws -> Value {
        try place.run { try Scalars.binary(op, a, b) }
    }
}

/// A comparison used as an `if` condition: integers compare without making a value.
struct ComparisonTest {
    let op: BinaryOperator
    let place: Place

    func use<L: ScalarOperand, R: ScalarOperand>(_ l: L, _ r: R) -> ScalarTest {
        let op = self.op, place = self.place
        return { slots, runtime in
            let a = try l.value(slots, runtime), b = try r.value(slots, runtime)
            if case .int(let x) = a, case .int(let y) = b { return op.holds(x, y) }
            return try OperatorCode.general(op, a, b, place) == .bool(true)
        }
    }
}
