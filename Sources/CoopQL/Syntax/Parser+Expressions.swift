import CoopQLBase

/// Expressions, from the loosest-binding rule (`pipeline`) to the tightest (`primary`).
extension Parser {
    /// expression = pipeline
    mutating func parseExpression() throws(Bail) -> Expr {
        let head = try parseOperand()
        return try continuePipeline(head)
    }

    /// pipeline = operand { [ newline ] "|" stage }
    /// A line that starts with `|` continues the pipeline of the line before.
    mutating func continuePipeline(_ head: Expr) throws(Bail) -> Expr {
        var stages: [Stage] = []
        while true {
            if check(.newline) {
                var look = position
                while tokens[look].kind == .newline { look += 1 }
                guard tokens[look].kind == .symbol(.pipe) else { break }
                position = look
            }
            guard match(.pipe) else { break }
            skipNewlines()
            stages.append(try parseStage())
        }
        guard !stages.isEmpty else { return head }
        let depth = head.depth + 1 + stages.count
        try checkDepth(depth, head.span)
        return Expr(.pipeline(head, stages), head.span.to(stages.last!.span), depth: depth)
    }

    /// operand = coalesce
    /// (an expression without `|`: a stage's arguments stop at the next `|`)
    mutating func parseOperand() throws(Bail) -> Expr {
        try parseBinary(level: 0)
    }

    /// Binary operators by precedence, loosest first; each level is left-associative, except that
    /// comparisons do not chain (`a < b < c` is an error).
    ///
    ///     coalesce       = or { "??" or }
    ///     or             = and { "or" and }
    ///     and            = not { "and" not }
    ///     not            = "not" not | comparison
    ///     comparison     = range [ compareOp range | "is" [ "not" ] "null" | [ "not" ] "in" range ]
    ///     compareOp      = "==" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "!~" | "=~"
    ///     range          = additive [ ".." additive ]
    ///     additive       = multiplicative { ( "+" | "-" ) multiplicative }
    ///     multiplicative = unary { ( "*" | "/" | "%" ) unary }
    static let levels: [[(TokenKind, BinaryOperator)]] = [
        [(.symbol(.coalesce), .coalesce)],
        [(.keyword(.or), .or)],
        [(.keyword(.and), .and)],
    ]

    mutating func parseBinary(level: Int) throws(Bail) -> Expr {
        if level == Parser.levels.count { return try parseNot() }
        var left = try parseBinary(level: level + 1)
        while let op = Parser.levels[level].first(where: { check($0.0) })?.1 {
            advance()
            skipNewlines()
            let right = try parseBinary(level: level + 1)
            left = try makeBinary(op, left, right)
        }
        return left
    }

    mutating func parseNot() throws(Bail) -> Expr {
        if check(.keyword(.not)) {
            try enter()
            defer { nesting -= 1 }
            let start = current.span
            advance()
            let operand = try parseNot()
            return try make(.unary(.not, operand), start.to(operand.span), children: [operand])
        }
        return try parseComparison()
    }

    static let comparisonOperators: [Symbol: BinaryOperator] = [
        .equal: .equal, .notEqual: .notEqual, .less: .less, .lessEqual: .lessEqual,
        .greater: .greater, .greaterEqual: .greaterEqual, .contains: .contains,
        .notContains: .notContains, .foldedEqual: .foldedEqual,
    ]

    mutating func parseComparison() throws(Bail) -> Expr {
        let left = try parseRange()
        var result = left
        if case .symbol(let s) = current.kind, let op = Parser.comparisonOperators[s] {
            advance()
            skipNewlines()
            let right = try parseRange()
            result = try makeBinary(op, left, right)
        } else if check(.keyword(.is)) {
            advance()
            let negated = match(.keyword(.not))
            try expect(.keyword(.null), "`null` after `is`", suggestion: "write x is null or x is not null")
            result = try make(.isNull(left, negated: negated), left.span.to(previous.span), children: [left])
        } else if check(.keyword(.in)) || (check(.keyword(.not)) && peekKind(1) == .keyword(.in)) {
            if let list = bracketedList(at: position + (check(.keyword(.not)) ? 2 : 1)) {
                throw fail(Habit.listInParentheses(instead: "\(source.slice(left.span)) \(check(.keyword(.not)) ? "not in" : "in") \(list)"), at: current.span)
            }
            let negated = match(.keyword(.not))
            advance()
            let list = try parseRange()
            result = try make(.isIn(left, list, negated: negated), left.span.to(list.span), children: [left, list])
        } else if check(.assign) {
            throw fail("`=` gives a name; to compare, write `==`", at: current.span, suggestion: "write `==`")
        }
        if case .symbol(let s) = current.kind, Parser.comparisonOperators[s] != nil {
            throw fail("comparisons do not chain", at: current.span, suggestion: "join the two comparisons with `and`")
        }
        return result
    }

    mutating func parseRange() throws(Bail) -> Expr {
        let low = try parseAdditive()
        guard match(.dotDot) else { return low }
        let high = try parseAdditive()
        return try make(.range(low, high), low.span.to(high.span), children: [low, high])
    }

    mutating func parseAdditive() throws(Bail) -> Expr {
        var left = try parseMultiplicative()
        while true {
            let op: BinaryOperator
            if check(.plus) { op = .add } else if check(.minus) { op = .subtract } else { break }
            advance()
            skipNewlines()
            left = try makeBinary(op, left, try parseMultiplicative())
        }
        return left
    }

    mutating func parseMultiplicative() throws(Bail) -> Expr {
        var left = try parseUnary()
        while true {
            let op: BinaryOperator
            if check(.star) { op = .multiply } else if check(.slash) { op = .divide }
            else if check(.percent) { op = .remainder } else { break }
            advance()
            skipNewlines()
            left = try makeBinary(op, left, try parseUnary())
        }
        return left
    }

    /// unary = "-" unary | postfix
    mutating func parseUnary() throws(Bail) -> Expr {
        if check(.minus) {
            try enter()
            defer { nesting -= 1 }
            let start = current.span
            advance()
            let operand = try parseUnary()
            // Fold a negative literal so -9223372036854775808 and friends stay literals.
            if case .literal(.int(let i)) = operand.kind { return Expr(.literal(.int(0 &- i)), start.to(operand.span)) }
            if case .literal(.decimal(let d)) = operand.kind { return Expr(.literal(.decimal(-d)), start.to(operand.span)) }
            return try make(.unary(.negate, operand), start.to(operand.span), children: [operand])
        }
        return try parsePostfix()
    }

    /// postfix = primary { "." identifier }
    mutating func parsePostfix() throws(Bail) -> Expr {
        var e = try parsePrimary()
        while check(.dot) {
            advance()
            let (field, fieldSpan) = try expectFieldName()
            e = try make(.member(e, field), e.span.to(fieldSpan), children: [e])
        }
        return e
    }

    /// A field after `.`: any name, including words that are reserved elsewhere (`s.count`).
    mutating func expectFieldName() throws(Bail) -> (String, Span) {
        if case .keyword(let k) = current.kind { advance(); return (k.rawValue, previous.span) }
        return try expectIdentifier("a column name after `.`")
    }

    /// primary = number | string | "true" | "false" | "null" | parameter
    ///         | identifier [ "(" [ arguments ] ")" ] | "(" expression ")" | "[" [ arguments ] "]"
    ///         | conditional
    mutating func parsePrimary() throws(Bail) -> Expr {
        let token = current
        try enter()
        defer { nesting -= 1 }
        switch token.kind {
        case .integer(let i): advance(); return Expr(.literal(.int(i)), token.span)
        case .decimal(let d): advance(); return Expr(.literal(.decimal(d)), token.span)
        case .string(let s): advance(); return Expr(.literal(.text(s)), token.span)
        case .keyword(.true): advance(); return Expr(.literal(.bool(true)), token.span)
        case .keyword(.false): advance(); return Expr(.literal(.bool(false)), token.span)
        case .keyword(.null): advance(); return Expr(.literal(.null), token.span)
        case .parameter(let name): advance(); return Expr(.parameter(name), token.span)
        case .identifier(let name):
            advance()
            guard check(.leftParen) else { return Expr(.name(name), token.span) }
            advance()
            if check(.star), peekKind(1) == .symbol(.rightParen) { throw fail(Habit.countStar(name), at: current.span) }
            let args = try parseArguments(closing: .rightParen, open: previous.span)
            return try make(.call(name, args), token.span.to(previous.span), children: args)
        case .symbol(.leftParen):
            advance()
            let inner = try parseExpression()
            try expectClosing(.rightParen, open: token.span)
            var e = inner
            e.span = token.span.to(previous.span)
            e.depth += 1
            try checkDepth(e.depth, token.span)
            return e
        case .symbol(.leftBracket):
            advance()
            let items = try parseArguments(closing: .rightBracket, open: token.span)
            return try make(.list(items), token.span.to(previous.span), children: items)
        case .keyword(.if):
            advance()
            let condition = try parseExpression()
            return try finishConditional(condition: condition, start: token.span)
        case .symbol(.pipe):
            throw fail("a pipeline starts with a table, not `|`", at: token.span,
                       suggestion: "write a table name first, as in cooperatives | count")
        default:
            throw failExpected("an expression")
        }
    }

    /// conditional = "if" expression "then" expression { "elif" expression "then" expression } "else" operand
    /// (this method parses what follows the first condition)
    mutating func finishConditional(condition: Expr, start: Span) throws(Bail) -> Expr {
        try expect(.keyword(.then), "`then` after the condition", suggestion: "write if condition then a else b")
        skipNewlines()
        let whenTrue = try parseExpression()
        skipNewlines()
        let whenFalse: Expr
        if match(.keyword(.elif)) {
            let c = try parseExpression()
            whenFalse = try finishConditional(condition: c, start: previous.span)
        } else {
            try expect(.keyword(.else), "`else` and the value when the condition is false",
                       suggestion: "every `if … then` expression needs an `else`")
            skipNewlines()
            whenFalse = try parseOperand()
        }
        return try make(.conditional(condition, whenTrue, whenFalse), start.to(whenFalse.span),
                        children: [condition, whenTrue, whenFalse])
    }

    /// arguments = expression { "," expression } [ "," ]
    /// (this method also takes the closing bracket)
    mutating func parseArguments(closing: Symbol, open: Span) throws(Bail) -> [Expr] {
        var items: [Expr] = []
        if match(closing) { return items }
        repeat {
            if check(closing) { break }  // a trailing comma is fine
            items.append(try parseExpression())
        } while match(.comma)
        try expectClosing(closing, open: open)
        return items
    }

    mutating func expectClosing(_ closing: Symbol, open: Span) throws(Bail) {
        if match(closing) { return }
        if check(.end) {
            ranOutOfInput = true
            throw fail("this `\(source.slice(open))` is never closed", at: open, suggestion: "add `\(closing.rawValue)`")
        }
        throw fail("expected `\(closing.rawValue)` or `,`, found \(current.kind)", at: current.span,
                   suggestion: "close the `\(source.slice(open))` opened at \(source.location(of: open.start).line):\(source.location(of: open.start).column) with `\(closing.rawValue)`")
    }

    // MARK: - Building nodes

    mutating func makeBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) throws(Bail) -> Expr {
        try make(.binary(op, left, right), left.span.to(right.span), children: [left, right])
    }

    mutating func make(_ kind: Expr.Kind, _ span: Span, children: [Expr]) throws(Bail) -> Expr {
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        try checkDepth(depth, span)
        return Expr(kind, span, depth: depth)
    }

    /// Counts one more level of nesting on the way down.
    mutating func enter() throws(Bail) {
        nesting += 1
        guard nesting > Parser.maxNesting else { return }
        nesting -= 1
        throw fail("expression nested too deeply (more than \(Parser.maxNesting) levels)", at: current.span,
                   suggestion: "split it with `let` into smaller pieces")
    }

    mutating func checkDepth(_ depth: Int, _ span: Span) throws(Bail) {
        guard depth > Parser.maxDepth else { return }
        throw fail("expression nested too deeply (more than \(Parser.maxDepth) levels)", at: Span(span.start, span.start + 1),
                   suggestion: "split it with `let` into smaller pieces")
    }
}
