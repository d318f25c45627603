import Foundation

/// The state a running script reads: loaded tables, values bound with `let`, parameters, and the
/// limits that keep a run in check. One per session; kernels receive it on every call.
final class Runtime: @unchecked Sendable {
    var tables: [String: Table]
    var globals: [String: Value] = [:]
    var params: [String: Value] = [:]
    /// The language of labels (`label()`): Vietnamese unless the host says otherwise.
    var language: Language = .vi
    /// Set from another thread to stop the running query at its next check.
    let cancelled = ManagedFlag()
    var callDepth = 0
    /// What this run has used so far, against the host's `Limits`.
    var budget = RunBudget()

    /// Deepest chain of function calls: a function that calls itself without end stops here.
    static let maxCallDepth = 2_000

    init(tables: [String: Table]) { self.tables = tables }

    /// Stops the run if the host cancelled it or its time is up; called between statements,
    /// stages and function calls, so no single check costs much.
    func checkCancelled() throws {
        if cancelled.value { throw LimitExceeded(limit: "cancel", message: "the query was cancelled") }
        try budget.checkTime()
    }

    /// Calls a function defined with `fn`: its parameters are bound to the argument values (columns
    /// or single values) and its body, compiled on first use, runs over them.
    func call(_ function: FunctionInstance, _ args: [Vec], rowCount: Int, source: SourceText) throws -> Vec {
        let name = function.function.name
        guard callDepth < Runtime.maxCallDepth else {
            throw KernelError("function calls nested more than \(Runtime.maxCallDepth) deep: does `\(name)` call itself without end?",
                              suggestion: "give the recursion a case that stops it, as in if n < 2 then n else …")
        }
        try checkCancelled()
        // A host function counts a step per row (it is called once per row), others one per call.
        try budget.step(function.function.host == nil ? 1 : max(1, rowCount))
        let kernel: Kernel
        if let k = function.kernel { kernel = k } else {
            guard let body = function.body else { throw KernelError("function `\(name)` has no body") }
            kernel = ExpressionCompiler(source: function.function.source ?? source).compile(body)
            function.kernel = kernel
        }
        callDepth += 1
        defer { callDepth -= 1 }
        return try kernel(Frame(columns: [], rowCount: rowCount, locals: args), self)
    }
}

/// A boolean that one thread sets and another reads.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool {
        get { lock.lock(); defer { lock.unlock() }; return flag }
        set { lock.lock(); flag = newValue; lock.unlock() }
    }
}
