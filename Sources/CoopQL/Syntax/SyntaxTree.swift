import CoopQLBase

/// The syntax tree: what the parser builds and the checker reads. Every node keeps its source span.

/// An expression. Pipelines are expressions too: `cooperatives | where x | count` is one.
struct Expr: Sendable {
    indirect enum Kind: Sendable {
        case literal(Literal)
        /// A bare name: a column, a table, or a variable bound by `let`, `for` or a function parameter.
        case name(String)
        /// `$name`: a `param`.
        case parameter(String)
        /// `base.field`: a qualified column (`cooperatives.id`) or a row's field (`s.count`).
        case member(Expr, String)
        /// `f(a, b)`: a built-in, an aggregate or a function defined with `fn`.
        case call(String, [Expr])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `x is null` / `x is not null`.
        case isNull(Expr, negated: Bool)
        /// `x in list` / `x not in list`.
        case isIn(Expr, Expr, negated: Bool)
        /// `a..b`: the integers (or dates) from a to b, both included.
        case range(Expr, Expr)
        case list([Expr])
        /// `if c then a else b`.
        case conditional(Expr, Expr, Expr)
        /// `source | stage | stage …`.
        case pipeline(Expr, [Stage])
    }

    var kind: Kind
    var span: Span
    /// Height of the tree below this node; the parser bounds it so no later stage can overflow the stack.
    var depth: Int

    init(_ kind: Kind, _ span: Span, depth: Int = 1) {
        self.kind = kind
        self.span = span
        self.depth = depth
    }
}

enum Literal: Sendable, Equatable {
    case int(Int64), decimal(Double), text(String), bool(Bool), null
}

enum UnaryOperator: String, Sendable { case negate = "-", not = "not" }

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case contains = "~", notContains = "!~", foldedEqual = "=~"
    case and, or
    case coalesce = "??"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains, .notContains, .foldedEqual: return true
        default: return false
        }
    }
}

enum JoinKind: String, Sendable { case inner, left }

/// How a pipeline's result is shown: as a table, or as a bar chart (labels from the first column,
/// bars from the first numeric column).
enum Presentation: String, Sendable { case table, chart }

/// `name = expr`, or a bare `expr` whose name is derived from it.
struct NamedExpr: Sendable {
    var name: String?
    var expr: Expr
    init(name: String?, expr: Expr) { self.name = name; self.expr = expr }
}

struct SortKey: Sendable {
    var expr: Expr
    var descending: Bool
}

/// A statement of a script.
struct Statement: Sendable {
    indirect enum Kind: Sendable {
        /// An expression on its own line: its value is printed.
        case expression(Expr)
        case `let`(String, Expr)
        case function(String, parameters: [String], body: Expr)
        case param(String, type: String?, defaultValue: Expr?)
        case print([Expr])
        case `if`([(condition: Expr, body: [Statement])], otherwise: [Statement]?)
        case `for`(String, Expr, [Statement])
        case `import`(String)
    }

    var kind: Kind
    var span: Span
    /// Where the statement's name (of a `let`, `fn`, `param` or `for` variable) is written.
    var nameSpan: Span?
}

/// A parsed script: its statements and the source they came from.
package struct Script: Sendable {
    var statements: [Statement]
    var source: SourceText
}
