/// Runs the statements of a checked script in order: binds `let` values and parameters, runs
/// `if` and `for`, and hands each value to be shown to the caller's `emit`. The script is compiled
/// once into closures (`ScriptCompiler`) and then run; nothing is compiled again while it runs.
struct Interpreter {
    let runtime: Runtime
    let source: SourceText
    let emit: (Output) throws -> Void

    init(runtime: Runtime, source: SourceText, emit: @escaping (Output) throws -> Void) {
        self.runtime = runtime
        self.source = source
        self.emit = emit
    }

    /// The values of `for` variables by slot, kept between statements by a report, whose
    /// template reads them with the column kernels.
    final class Locals { var values: [Vec]; init(_ n: Int) { values = Array(repeating: .scalar(.null), count: n) } }

    func run(_ statements: [BoundStatement], slots: Int) throws {
        let program = ScriptCompiler(source: source, frameSize: slots, emit: emit).compile(statements)
        try ScalarFrame.with(Array(repeating: .null, count: slots)) { frame in try program(frame, runtime) }
    }

    /// Runs one statement with the variables in `locals`, which it may change.
    func execute(_ s: BoundStatement, _ locals: Locals) throws {
        let code = ScriptCompiler(source: source, frameSize: locals.values.count, emit: emit).compile(s)
        try ScalarFrame.with(locals.values.map(\.single)) { frame in
            defer { for i in locals.values.indices { locals.values[i] = .scalar(frame[i]) } }
            try code(frame, runtime)
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
