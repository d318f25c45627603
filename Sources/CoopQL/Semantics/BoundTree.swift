import CoopQLBase

/// The checked tree: names resolved, types known. The checker builds it from the syntax tree; the
/// engine compiles it into kernels. Nothing in it refers to a name that does not exist.
package struct BoundExpr: Sendable {
    indirect enum Kind: Sendable {
        case constant(Value)
        /// A column of the table a stage works on, by position.
        case column(Int)
        /// A value bound with `let` at the top level of a script.
        case global(String)
        /// A function parameter or a `for` variable, by slot.
        case local(Int)
        case parameter(String)
        /// A field of a row value (`s.count` in `for s in …`).
        case field(BoundExpr, Int)
        case unary(UnaryOperator, BoundExpr)
        case binary(BinaryOperator, BoundExpr, BoundExpr)
        case isNull(BoundExpr, negated: Bool)
        case isIn(BoundExpr, BoundExpr, negated: Bool)
        case range(BoundExpr, BoundExpr)
        case list([BoundExpr])
        case conditional(BoundExpr, BoundExpr, BoundExpr)
        case builtin(Builtin, [BoundExpr])
        /// `percent(x)` and other functions that see a whole column at once.
        case window(Builtin, BoundExpr)
        case userCall(FunctionInstance, [BoundExpr])
        case table(String)
        case pipeline(BoundPipeline)
    }

    var kind: Kind
    package var type: DataType
    var span: Span

    init(_ kind: Kind, _ type: DataType, _ span: Span) {
        self.kind = kind
        self.type = type
        self.span = span
    }

    /// Calls `body` on this node and every node below it, not entering nested pipelines (they
    /// work on tables of their own).
    func forEachNode(_ body: (BoundExpr) -> Void) {
        body(self)
        switch kind {
        case .field(let x, _), .unary(_, let x), .isNull(let x, _), .window(_, let x): x.forEachNode(body)
        case .binary(_, let a, let b), .isIn(let a, let b, _), .range(let a, let b): a.forEachNode(body); b.forEachNode(body)
        case .conditional(let a, let b, let c): a.forEachNode(body); b.forEachNode(body); c.forEachNode(body)
        case .list(let xs), .builtin(_, let xs), .userCall(_, let xs): for x in xs { x.forEachNode(body) }
        case .constant, .column, .global, .local, .parameter, .table, .pipeline: break
        }
    }

    /// The positions of the columns the expression reads.
    var columnsRead: Set<Int> {
        var used = Set<Int>()
        forEachNode { if case .column(let i) = $0.kind { used.insert(i) } }
        return used
    }

    /// Whether a function that sees the whole column (`percent`) is used.
    var usesWindow: Bool {
        var found = false
        forEachNode { if case .window = $0.kind { found = true } }
        return found
    }
}

/// A pipeline after checking: its source and its stages, each knowing its input and output schema.
struct BoundPipeline: Sendable {
    var source: BoundExpr
    var stages: [BoundStage]
    /// `| table` or `| chart` at the end: how to show the result (it does not change the value).
    var presentation: Presentation?
}

/// One aggregate of a `summarize`: which function, over what.
struct AggregateCall: Sendable {
    var function: AggregateFunction
    var argument: BoundExpr?
    var type: DataType
    var span: Span
}

package enum AggregateFunction: String, Sendable, CaseIterable {
    case count, count_if, sum, avg, min, max, median, count_distinct
}

/// A function defined with `fn`. Its body is checked at each call for the types of the
/// arguments given there (one `FunctionInstance` per set of argument types), so a function can
/// take a table and run a pipeline on it, or a number, with every name and type checked.
package final class UserFunction: @unchecked Sendable {
    let name: String
    let parameters: [String]
    let syntax: Expr
    /// The source the function was written in, for errors raised inside its body.
    var source: SourceText?
    /// The checked versions so far. Written only while checking, which happens on one thread.
    var instances: [FunctionInstance] = []

    /// Most versions checked for one function: a recursion whose argument types keep changing
    /// stops here and is checked as `any`.
    static let maxInstances = 16
    /// Set for a function the host registered (`Session.register`): its kernel and result type.
    var host: (kernel: Kernel, returnType: DataType)?

    init(name: String, parameters: [String], syntax: Expr) {
        self.name = name
        self.parameters = parameters
        self.syntax = syntax
    }
}

/// A function's body checked for one set of argument types. A class so that a recursive call can
/// refer to it while its body is still being checked.
final class FunctionInstance: @unchecked Sendable {
    let function: UserFunction
    let argumentTypes: [DataType]
    /// Set once, when the body has been checked.
    var body: BoundExpr?
    var returnType: DataType = .any
    /// The compiled body, made on first call and then reused.
    var kernel: Kernel?
    /// The body compiled for single values (`ScalarCompiler`), made on first such call.
    var scalarCode: ScalarFunction? {
        didSet { scalarCodeReference = scalarCode.map { Unmanaged.passUnretained($0) } }
    }
    /// `scalarCode` without reference counting: read on every call of a recursive function (by
    /// the one thread running the query), while the instance keeps the code alive.
    @exclusivity(unchecked) private(set) var scalarCodeReference: Unmanaged<ScalarFunction>?

    init(function: UserFunction, argumentTypes: [DataType]) {
        self.function = function
        self.argumentTypes = argumentTypes
    }
}

/// A statement after checking.
package struct BoundStatement: Sendable {
    package indirect enum Kind: Sendable {
        case expression(BoundExpr)
        case `let`(String, BoundExpr)
        case param(String, DataType, defaultValue: BoundExpr?)
        case print([BoundExpr])
        case `if`([(condition: BoundExpr, body: [BoundStatement])], otherwise: [BoundStatement]?)
        /// `for` binds slot `slot` to each item in turn.
        case `for`(slot: Int, BoundExpr, [BoundStatement])
        case block([BoundStatement])
        /// The statements of an imported file, which run (and report errors) in that file.
        case imported([BoundStatement], SourceText)
    }
    package var kind: Kind
    var span: Span
}
