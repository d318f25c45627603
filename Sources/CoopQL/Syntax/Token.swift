import CoopQLBase

/// A token of CoopQL source, with the bytes it covers.
struct Token: Sendable, Equatable {
    var kind: TokenKind
    var span: Span
    init(_ kind: TokenKind, _ span: Span) { self.kind = kind; self.span = span }
}

/// What a token is. Identifiers and strings are already NFC-normalised (the source text is).
enum TokenKind: Sendable, Equatable, CustomStringConvertible {
    case identifier(String)
    /// `$name`: a reference to a `param`.
    case parameter(String)
    case integer(Int64)
    case decimal(Double)
    case string(String)
    case keyword(Keyword)
    case symbol(Symbol)
    /// A line break outside brackets: it ends a statement unless the next line starts with `|`.
    case newline
    case end

    var description: String {
        switch self {
        case .identifier(let s): return "name `\(s)`"
        case .parameter(let s): return "parameter `$\(s)`"
        case .integer(let i): return "number \(i)"
        case .decimal(let d): return "number \(d)"
        case .string(let s): return "string \"\(s)\""
        case .keyword(let k): return "`\(k.rawValue)`"
        case .symbol(let s): return "`\(s.rawValue)`"
        case .newline: return "end of line"
        case .end: return "end of input"
        }
    }
}

/// Words reserved everywhere. Stage names (`where`, `count`, …) and `by`, `as`, `on`, `asc`, `desc`
/// are not reserved: they are recognised by position, so they stay usable as column names.
enum Keyword: String, Sendable, CaseIterable {
    case and, or, not, `in`, `is`, null, `true`, `false`
    case `if`, then, `else`, elif
    case `let`, fn, param, `for`, print, `import`
}

enum Symbol: String, Sendable, CaseIterable {
    case pipe = "|"
    case leftParen = "(", rightParen = ")"
    case leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case comma = ",", dot = ".", dotDot = "..", colon = ":"
    case assign = "="
    case equal = "==", notEqual = "!="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case contains = "~", notContains = "!~", foldedEqual = "=~"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case coalesce = "??"
}
