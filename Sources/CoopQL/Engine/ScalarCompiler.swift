import CoopQLBase

/// A compiled expression of the scalar path: computes one value from the slots of the frame it
/// runs in (a function's parameters, or a script's `for` variables) without building columns.
typealias ScalarCode = (Slots, Runtime) throws -> Value

/// The slots of one frame: a function call's arguments, or the `for` variables of a script.
typealias Slots = UnsafeMutablePointer<Value>

/// Compiles a checked expression that is computed once, outside any stage (a statement of a
/// script, the body of a function called with single values), into closures over a frame of
/// slots. The column kernels (`ExpressionCompiler`) would give the same value, but each of their
/// calls builds frames, arrays and `Vec`s meant for whole tables; here a call of a recursive
/// function allocates nothing, and integer arithmetic and comparisons take a direct path.
///
/// What needs whole tables (pipelines, a column, `percent`, a host function) is handed to the
/// column kernels, with the frame's slots as their variables.
struct ScalarCompiler {
    /// The source the expressions came from, so run-time errors can point into it.
    let source: SourceText
    /// How many slots the frame has: the column path is given all of them.
    let frameSize: Int

    func compile(_ e: BoundExpr) -> ScalarCode {
        switch e.kind {
        case .constant(let v):
            return { _, _ in v }
        case .local(let slot):
            return { slots, _ in slots[slot] }
        case .global(let name):
            return { _, runtime in runtime.globals[name] ?? .null }
        case .parameter(let name):
            return { _, runtime in runtime.params[name] ?? .null }
        case .table(let name):
            let place = self.place(e)
            return { _, runtime in
                guard let t = runtime.tables[name] else { throw place.error(KernelError("table `\(name)` is no longer loaded")) }
                return .table(t)
            }
        case .field(let base, let index):
            let b = compile(base)
            return { slots, runtime in
                guard case .record(let r) = try b(slots, runtime) else { return .null }
                return r.values[index]
            }
        case .unary(let op, let x):
            let k = compile(x)
            let place = self.place(e)
            return { slots, runtime in
                let v = try k(slots, runtime)
                return try place.run { try Scalars.unary(op, v) }
            }
        case .binary(let op, let l, let r):
            return compileBinary(op, l, r, place(e))
        case .isNull(let x, let negated):
            let k = compile(x)
            return { slots, runtime in .bool(try k(slots, runtime).isNull != negated) }
        case .isIn(let x, let list, let negated):
            let kx = compile(x), kl = compile(list)
            let place = self.place(e)
            return { slots, runtime in
                let v = try kx(slots, runtime), items = try kl(slots, runtime)
                return try place.run { try Kernels.isIn(.scalar(v), .scalar(items), negated: negated, 1).single }
            }
        case .range(let lo, let hi):
            let kl = compile(lo), kh = compile(hi)
            let place = self.place(e)
            return { slots, runtime in
                let a = try kl(slots, runtime), b = try kh(slots, runtime)
                return try place.run { try Kernels.range(.scalar(a), .scalar(b)).single }
            }
        case .list(let items):
            let ks = items.map(compile)
            return { slots, runtime in .list(try ks.map { try $0(slots, runtime) }) }
        case .conditional(let c, let a, let b):
            return compileConditional(compileTest(c), a, b)
        case .builtin(let builtin, let args):
            return compileBuiltin(builtin, args, place(e))
        case .userCall(let function, let args) where function.function.host == nil:
            return compileCall(function, args, place(e))
        case .column, .window, .userCall, .pipeline:
            return columnPath(e)
        }
    }

    private func compileBuiltin(_ builtin: Builtin, _ args: [BoundExpr], _ place: Place) -> ScalarCode {
        if builtin == .label {
            let k = compile(args[0])
            return { slots, runtime in BuiltinKernels.label(.scalar(try k(slots, runtime)), runtime.language).single }
        }
        let ks = args.map(compile)
        if builtin.usesLanguage {
            return { slots, runtime in
                let values = try ks.map { try $0(slots, runtime) }
                return try place.run { try Formatting.scalar(builtin, values, runtime.language) }
            }
        }
        return { slots, runtime in
            let values = try ks.map { try $0(slots, runtime) }
            return try place.run { try BuiltinKernels.scalar(builtin, values) }
        }
    }

    /// A call of a function defined with `fn`: the arguments are computed into a new frame on the
    /// thread's stack (one or two arguments, the usual case, without touching the heap), then the
    /// body runs in it. The checks of `Runtime.enterCall` (depth, cancel, steps, time) come first.
    private func compileCall(_ function: FunctionInstance, _ args: [BoundExpr], _ place: Place) -> ScalarCode {
        @inline(__always) func enter(_ runtime: Runtime) throws -> Unmanaged<ScalarFunction> {
            if let body = function.scalarCodeReference, runtime.enterCallQuickly() { return body }
            return try Self.enterSlowly(function, runtime, place)
        }
        // Closures kept apart, not in an array: one taken out of an array is called through an
        // extra conversion thunk.
        switch args.count {
        case 1:
            let k0 = compile(args[0])
            return { slots, runtime in
                var frame = try k0(slots, runtime)
                let body = try enter(runtime)
                defer { runtime.callDepth -= 1 }
                return try withUnsafeMutablePointer(to: &frame) { slots in
                    try body._withUnsafeGuaranteedRef { try $0.code(slots, runtime) }
                }
            }
        case 2:
            let k0 = compile(args[0]), k1 = compile(args[1])
            return { slots, runtime in
                var frame = (try k0(slots, runtime), try k1(slots, runtime))
                let body = try enter(runtime)
                defer { runtime.callDepth -= 1 }
                // A tuple of two values lies in memory as two slots side by side.
                return try withUnsafeMutablePointer(to: &frame) { pair in
                    try pair.withMemoryRebound(to: Value.self, capacity: 2) { slots in
                        try body._withUnsafeGuaranteedRef { try $0.code(slots, runtime) }
                    }
                }
            }
        default:
            let ks = args.map(compile)
            return { slots, runtime in
                let values = try ks.map { try $0(slots, runtime) }
                let body = try enter(runtime)
                defer { runtime.callDepth -= 1 }
                return try ScalarFrame.with(values) { slots in
                    try body._withUnsafeGuaranteedRef { try $0.code(slots, runtime) }
                }
            }
        }
    }

    /// A call's first (the body is compiled then), or one that a limit, a cancel or a clock
    /// reading may stop: kept out of line so the usual call stays small.
    @inline(never)
    private static func enterSlowly(_ function: FunctionInstance, _ runtime: Runtime, _ place: Place) throws -> Unmanaged<ScalarFunction> {
        let body = try place.run { try function.compileScalarCode(source: place.source) }
        try place.run { try runtime.enterCall(function) }
        return body
    }

    /// What the scalar path does not do itself goes to the column kernels, over one row, with the
    /// frame's slots as the kernels' variables. Those kernels point at their own errors.
    private func columnPath(_ e: BoundExpr) -> ScalarCode {
        let kernel = ExpressionCompiler(source: source).compile(e)
        let count = frameSize
        return { slots, runtime in
            let locals = (0..<count).map { Vec.scalar(slots[$0]) }
            return try kernel(Frame.single(locals), runtime).single
        }
    }

    func place(_ e: BoundExpr) -> Place { Place(span: e.span, source: source) }
}

/// Where an expression's text is, so that a problem its own operation finds (an overflow, a
/// division by zero) points there; problems found below it already point lower down. A class:
/// closures capture it as one reference rather than copying the source text's fields into
/// every call.
final class Place: Sendable {
    let span: Span
    let source: SourceText

    init(span: Span, source: SourceText) {
        self.span = span
        self.source = source
    }

    func error(_ problem: KernelError) -> Diagnostic {
        Diagnostic(.runtime, problem.message, at: span, in: source, suggestion: problem.suggestion)
    }

    @inline(__always)
    func run<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let problem as KernelError { throw error(problem) }
    }
}

/// Frames for the scalar path, on the thread's stack.
enum ScalarFrame {
    /// Runs `body` with a frame whose slots hold `values`.
    static func with<T>(_ values: [Value], _ body: (Slots) throws -> T) throws -> T {
        try withUnsafeTemporaryAllocation(of: Value.self, capacity: max(values.count, 1)) { buffer in
            let frame = buffer.baseAddress!
            for (i, v) in values.enumerated() { (frame + i).initialize(to: v) }
            defer { frame.deinitialize(count: values.count) }
            return try body(frame)
        }
    }
}

/// A function's body compiled for the scalar path. A class, so that calls can reach it through
/// an unmanaged reference (`FunctionInstance.scalarCodeReference`) at no reference-counting cost.
final class ScalarFunction {
    let code: ScalarCode
    init(_ code: @escaping ScalarCode) { self.code = code }
}

extension FunctionInstance {
    /// Compiles the body for the scalar path, once: later calls find it in `scalarCode`.
    func compileScalarCode(source: SourceText) throws -> Unmanaged<ScalarFunction> {
        if let done = scalarCodeReference { return done }
        guard let body else { throw KernelError("function `\(function.name)` has no body") }
        scalarCode = ScalarFunction(ScalarCompiler(source: function.source ?? source, frameSize: function.parameters.count).compile(body))
        return scalarCodeReference!
    }
}

extension Vec {
    /// The one value this stands for when computed over a single row.
    var single: Value {
        switch self {
        case .scalar(let v): return v
        case .column(let c): return c.count > 0 ? c[0] : .null
        }
    }
}

extension BinaryOperator {
    /// Whether a comparison holds between two integers.
    @inline(__always)
    func holds(_ x: Int64, _ y: Int64) -> Bool {
        accepts(x < y ? -1 : (x == y ? 0 : 1))
    }
}
