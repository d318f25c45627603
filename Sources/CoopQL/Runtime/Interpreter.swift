import CoopQLBase

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

    /// A report template's `{% for %}` and `{% let %}` values by slot, which it reads with the
    /// column kernels.
    final class Locals { var values: [Vec]; init(_ n: Int) { values = Array(repeating: .scalar(.null), count: n) } }

    func run(_ statements: [BoundStatement], slots: Int) throws {
        let program = ScriptCompiler(source: source, frameSize: slots, emit: emit).compile(statements)
        try ScalarFrame.with(Array(repeating: .null, count: slots)) { frame in try program(frame, runtime) }
    }
}

/// What a script gives to be shown: the value of an expression statement, or what `print` printed.
public enum Output: Sendable {
    case value(Value)
    case printed([Value])
    /// A table ending in `| chart`: shown as a bar chart.
    case chart(Table)
}
