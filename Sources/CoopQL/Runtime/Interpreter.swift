/// Runs the statements of a checked script in order: binds `let` values and parameters, runs
/// `if` and `for`, and hands each value to be shown to the caller's `emit`.
struct Interpreter {
    let runtime: Runtime
    let source: SourceText
    let compiler: ExpressionCompiler
    let emit: (Output) throws -> Void

    init(runtime: Runtime, source: SourceText, emit: @escaping (Output) throws -> Void) {
        self.runtime = runtime
        self.source = source
        self.compiler = ExpressionCompiler(source: source)
        self.emit = emit
    }

    /// The value of `for` variables by slot, shared by the statements of one script.
    final class Locals { var values: [Vec]; init(_ n: Int) { values = Array(repeating: .scalar(.null), count: n) } }

    func run(_ statements: [BoundStatement], slots: Int) throws {
        let locals = Locals(slots)
        for s in statements { try execute(s, locals) }
    }

    func evaluate(_ e: BoundExpr, _ locals: Locals) throws -> Value {
        let kernel = compiler.compile(e)
        switch try kernel(Frame.single(locals.values), runtime) {
        case .scalar(let v): return v
        case .column(let c): return c.count > 0 ? c[0] : .null
        }
    }

    func execute(_ s: BoundStatement, _ locals: Locals) throws {
        try runtime.checkCancelled()
        try runtime.budget.step()
        switch s.kind {
        case .expression(let e):
            let value = try evaluate(e, locals)
            if case .pipeline(let p) = e.kind, p.presentation == .chart, case .table(let t) = value {
                try emit(.chart(t))
            } else {
                try emit(.value(value))
            }
        case .let(let name, let e):
            runtime.globals[name] = try evaluate(e, locals)
        case .param(let name, _, let value):
            runtime.params[name] = try value.map { try evaluate($0, locals) } ?? .null
        case .print(let values):
            try emit(.printed(try values.map { try evaluate($0, locals) }))
        case .if(let branches, let otherwise):
            for (condition, body) in branches {
                if case .bool(true) = try evaluate(condition, locals) {
                    for b in body { try execute(b, locals) }
                    return
                }
            }
            for b in otherwise ?? [] { try execute(b, locals) }
        case .for(let slot, let sequence, let body):
            let items: [Value]
            switch try evaluate(sequence, locals) {
            case .list(let values): items = values
            case .table(let t): items = (0..<t.rowCount).map { .record(t.record($0)) }
            case .null: items = []
            case let other: throw Diagnostic(.runtime, "`for` cannot go over \(other.type)", at: sequence.span, in: source)
            }
            for item in items {
                locals.values[slot] = .scalar(item)
                for b in body { try execute(b, locals) }
            }
        case .block(let statements):
            for b in statements { try execute(b, locals) }
        case .imported(let statements, let file):
            let inner = Interpreter(runtime: runtime, source: file, emit: emit)
            for b in statements { try inner.execute(b, locals) }
        }
    }
}

/// What a script gives to be shown: the value of an expression statement, or what `print` printed.
public enum Output: Sendable {
    case value(Value)
    case printed([Value])
    /// A table ending in `| chart`: shown as a bar chart.
    case chart(Table)
}
