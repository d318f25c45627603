import CoopQLBase

/// Compiles a checked expression into a kernel: a tree of closures, built once per query, each of
/// which works a whole column at a time. Nothing walks the syntax tree per row.
struct ExpressionCompiler: Sendable {
    /// The source the expressions came from, so run-time errors can point into it.
    let source: SourceText

    func compile(_ e: BoundExpr) -> Kernel {
        let kernel = compileNode(e)
        // Reading a value cannot go wrong, so leaves need no error mapping (a layer per call saved
        // on every function call of a recursive script).
        switch e.kind {
        case .constant, .column, .local, .global, .parameter: return kernel
        default: break
        }
        let span = e.span
        let source = self.source
        // Every node gets the place of its own text: an overflow in `a * b` points at `a * b`.
        return { frame, runtime in
            do { return try kernel(frame, runtime) }
            catch let problem as KernelError {
                throw Diagnostic(.runtime, problem.message, at: span, in: source, suggestion: problem.suggestion)
            }
        }
    }

    private func compileNode(_ e: BoundExpr) -> Kernel {
        switch e.kind {
        case .constant(let v):
            return { _, _ in .scalar(v) }
        case .column(let i):
            return { frame, _ in .column(frame.columns[i]) }
        case .local(let slot):
            return { frame, _ in frame.locals[slot] }
        case .global(let name):
            return { _, runtime in .scalar(runtime.globals[name] ?? .null) }
        case .parameter(let name):
            return { _, runtime in .scalar(runtime.params[name] ?? .null) }
        case .table(let name):
            return { _, runtime in
                guard let t = runtime.tables[name] else { throw KernelError("table `\(name)` is no longer loaded") }
                return .scalar(.table(t))
            }
        case .field(let base, let index):
            let b = compile(base)
            return { frame, runtime in
                guard case .scalar(.record(let r)) = try b(frame, runtime) else { return .scalar(.null) }
                return .scalar(r.values[index])
            }
        case .unary(let op, let x):
            let k = compile(x)
            return { frame, runtime in try Kernels.unary(op, try k(frame, runtime), frame.rowCount) }
        case .binary(let op, let l, let r):
            return compileBinary(op, l, r, e.type)
        case .isNull(let x, let negated):
            let k = compile(x)
            return { frame, runtime in Kernels.isNull(try k(frame, runtime), negated: negated, frame.rowCount) }
        case .isIn(let x, let list, let negated):
            let kx = compile(x), kl = compile(list)
            return { frame, runtime in
                try Kernels.isIn(try kx(frame, runtime), try kl(frame, runtime), negated: negated, frame.rowCount)
            }
        case .range(let lo, let hi):
            let kl = compile(lo), kh = compile(hi)
            return { frame, runtime in
                try Kernels.range(try kl(frame, runtime), try kh(frame, runtime))
            }
        case .list(let items):
            let ks = items.map(compile)
            return { frame, runtime in
                var values: [Value] = []
                for k in ks {
                    guard case .scalar(let v) = try k(frame, runtime) else {
                        throw KernelError("a list inside a stage must hold fixed values, not columns")
                    }
                    values.append(v)
                }
                return .scalar(.list(values))
            }
        case .conditional(let c, let a, let b):
            return compileConditional(c, a, b, e.type)
        case .builtin(.label, let args):
            let k = compile(args[0])
            return { frame, runtime in BuiltinKernels.label(try k(frame, runtime), runtime.language) }
        case .builtin(let builtin, let args) where builtin.usesLanguage:
            let ks = args.map(compile)
            return { frame, runtime in
                try Formatting.call(builtin, try ks.map { try $0(frame, runtime) }, frame.rowCount, runtime.language)
            }
        case .builtin(let builtin, let args):
            let ks = args.map(compile)
            return { frame, runtime in
                try BuiltinKernels.call(builtin, try ks.map { try $0(frame, runtime) }, frame.rowCount)
            }
        case .window(let builtin, let x):
            let k = compile(x)
            return { frame, runtime in try BuiltinKernels.window(builtin, try k(frame, runtime), frame.rowCount) }
        case .userCall(let function, let args):
            let ks = args.map(compile)
            let source = self.source
            return { frame, runtime in
                let values = try ks.map { try $0(frame, runtime) }
                return try runtime.call(function, values, rowCount: frame.rowCount, source: source)
            }
        case .pipeline(let pipeline):
            let run = PipelineCompiler(source: source).compile(pipeline)
            let type = e.type
            return { frame, runtime in
                guard frame.locals.contains(where: { if case .column = $0 { return true } else { return false } }) else {
                    return .scalar(try run(runtime, frame.locals))
                }
                // A function called on a column whose body holds a pipeline that reads its
                // parameters: the pipeline runs once per row, with that row's values.
                guard type.isScalar else {
                    throw KernelError("a pipeline that gives a table cannot be computed for each row")
                }
                var results: [Value] = []
                results.reserveCapacity(frame.rowCount)
                for row in 0..<frame.rowCount {
                    let locals = frame.locals.map { local -> Vec in
                        if case .column(let c) = local { return .scalar(c[row]) }
                        return local
                    }
                    results.append(try run(runtime, locals))
                }
                let resolved = DataType.unify(results.map(\.type)) ?? .text
                return .column(Column.from(results, type: resolved == .null ? .int : resolved))
            }
        }
    }

    private func compileBinary(_ op: BinaryOperator, _ l: BoundExpr, _ r: BoundExpr, _ type: DataType) -> Kernel {
        let kl = compile(l), kr = compile(r)
        switch op {
        case .and, .or:
            // The right side is skipped when the left already decides every row.
            return { frame, runtime in
                let a = try kl(frame, runtime)
                if case .scalar(.bool(let b)) = a, b == (op == .or) { return a }
                return try Kernels.logic(op, a, try kr(frame, runtime), frame.rowCount)
            }
        case .coalesce:
            return { frame, runtime in
                let a = try kl(frame, runtime)
                switch a {
                case .scalar(let v) where !v.isNull: return a
                case .column(let c) where c.validity == nil: return a
                default: return try Kernels.coalesce(a, try kr(frame, runtime), frame.rowCount, type: type)
                }
            }
        default:
            return { frame, runtime in
                try Kernels.binary(op, try kl(frame, runtime), try kr(frame, runtime), frame.rowCount)
            }
        }
    }

    /// `if c then a else b` over a column: each branch runs only on its own rows, so a guard such as
    /// `if n == 0 then null else x / n` never divides by zero, and a recursive function stops.
    private func compileConditional(_ c: BoundExpr, _ a: BoundExpr, _ b: BoundExpr, _ type: DataType) -> Kernel {
        let kc = compile(c), ka = compile(a), kb = compile(b)
        let usedA = a.columnsRead, usedB = b.columnsRead
        let windowA = a.usesWindow, windowB = b.usesWindow
        @Sendable func pick(_ v: Vec, _ rows: [Int32]) -> Vec {
            if case .column(let c) = v { return .column(c.gather(rows)) }
            return v
        }
        return { frame, runtime in
            switch try kc(frame, runtime) {
            case .scalar(let v):
                if case .bool(true) = v { return try ka(frame, runtime) }
                return try kb(frame, runtime)
            case .column(let cond):
                guard case .bool(let bits) = cond.storage else { throw KernelError("an `if` condition must be true or false") }
                var yes: [Int32] = [], no: [Int32] = []
                for i in 0..<frame.rowCount {
                    if bits[i] && cond.isValid(i) { yes.append(Int32(i)) } else { no.append(Int32(i)) }
                }
                if no.isEmpty { return try ka(frame, runtime) }
                if yes.isEmpty { return try kb(frame, runtime) }
                // A branch using `percent` must see the whole column, so it runs on every row
                // and its own rows are picked afterwards.
                let va = windowA ? pick(try ka(frame, runtime), yes) : try ka(frame.gather(yes, columnsUsed: usedA), runtime)
                let vb = windowB ? pick(try kb(frame, runtime), no) : try kb(frame.gather(no, columnsUsed: usedB), runtime)
                return .column(Column.merge([(yes, va), (no, vb)], count: frame.rowCount, type: type))
            }
        }
    }
}
