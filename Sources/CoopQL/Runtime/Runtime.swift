import Foundation
import Synchronization
import CoopQLBase

/// The state a running script reads: loaded tables, values bound with `let`, parameters, and the
/// limits that keep a run in check. One per session; kernels receive it on every call.
package final class Runtime: @unchecked Sendable {
    var tables: [String: Table]
    var globals: [String: Value] = [:]
    package var params: [String: Value] = [:]
    /// The language of labels (`label()`): Vietnamese unless the host says otherwise.
    var language: Language = .vi
    /// Set from another thread to stop the running query at its next check.
    let cancelled = ManagedFlag()
    /// How many function calls are in progress. Only the thread running the query touches it, and
    /// every call of a recursive script reads and writes it, so it skips the dynamic exclusivity
    /// check a class property otherwise pays on each access.
    @exclusivity(unchecked) var callDepth = 0
    /// What this run has used so far, against the host's `Limits` (touched on every call, as above).
    @exclusivity(unchecked) var budget = RunBudget()

    /// Deepest chain of function calls: a function that calls itself without end stops here.
    static let maxCallDepth = 2_000

    init(tables: [String: Table]) { self.tables = tables }

    /// Stops the run if the host cancelled it or its time is up; called between statements and
    /// stages, so no single check costs much.
    func checkCancelled() throws {
        if cancelled.value { throw Runtime.cancellation }
        try budget.checkTime()
    }

    static let cancellation = LimitExceeded(limit: "cancel", message: "the query was cancelled")

    /// The checks made as a function defined with `fn` is entered: the depth of calls, a cancel,
    /// the host's step limit, and (every so many calls) its time limit. Cheap enough to run on
    /// every call of a recursive function: a counter, an atomic load, another counter.
    @inline(__always)
    func enterCall(_ function: FunctionInstance, steps: Int = 1) throws {
        guard callDepth < Runtime.maxCallDepth else { throw Runtime.tooDeep(function) }
        if cancelled.value { throw Runtime.cancellation }
        try budget.step(steps)
        try budget.turn()
        callDepth += 1
    }

    /// `enterCall` for the usual case, where nothing stands in the way (no limit near, no cancel,
    /// no clock reading due): counts the call and says yes. Otherwise it counts nothing and says
    /// no, and `enterCall` takes a closer look.
    @inline(__always)
    func enterCallQuickly() -> Bool {
        guard callDepth < Runtime.maxCallDepth, !cancelled.value, budget.takeQuickStep() else { return false }
        callDepth += 1
        return true
    }

    static func tooDeep(_ function: FunctionInstance) -> KernelError {
        KernelError("function calls nested more than \(Runtime.maxCallDepth) deep: does `\(function.function.name)` call itself without end?",
                    suggestion: "give the recursion a case that stops it, as in if n < 2 then n else …")
    }

    /// Calls a function defined with `fn`: its parameters are bound to the argument values (columns
    /// or single values) and its body, compiled on first use, runs over them. With single values
    /// only, the body runs on the scalar path (no columns, no allocation per call).
    func call(_ function: FunctionInstance, _ args: [Vec], rowCount: Int, source: SourceText) throws -> Vec {
        if function.function.host == nil, let values = Vec.scalars(args) {
            let body = try function.compileScalarCode(source: source)
            try enterCall(function)
            defer { callDepth -= 1 }
            return .scalar(try ScalarFrame.with(values) { frame in
                try body._withUnsafeGuaranteedRef { try $0.code(frame, self) }
            })
        }
        // A host function counts a step per row (it is called once per row), others one per call.
        try enterCall(function, steps: function.function.host == nil ? 1 : max(1, rowCount))
        defer { callDepth -= 1 }
        let kernel: Kernel
        if let k = function.kernel { kernel = k } else {
            guard let body = function.body else { throw KernelError("function `\(function.function.name)` has no body") }
            kernel = ExpressionCompiler(source: function.function.source ?? source).compile(body)
            function.kernel = kernel
        }
        return try kernel(Frame(columns: [], rowCount: rowCount, locals: args), self)
    }
}

extension Vec {
    /// The values when every one is a single value (no column); nil otherwise.
    static func scalars(_ vecs: [Vec]) -> [Value]? {
        var values: [Value] = []
        values.reserveCapacity(vecs.count)
        for v in vecs {
            guard case .scalar(let x) = v else { return nil }
            values.append(x)
        }
        return values
    }
}

/// A boolean that one thread sets and another reads: an atomic, so the running query can look at
/// it on every function call for the price of a plain load.
package final class ManagedFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    package init() {}
    package var value: Bool {
        get { flag.load(ordering: .relaxed) }
        set { flag.store(newValue, ordering: .relaxed) }
    }
}
