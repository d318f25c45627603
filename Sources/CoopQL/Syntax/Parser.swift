import CoopQLBase

/// Hand-written recursive-descent parser, one method per rule of `Grammar/coopql.ebnf`; binary
/// operators by precedence climbing. It recovers at the next line after an error so one run
/// reports several problems, and bounds nesting so deep input is an error, not a stack overflow.
package struct Parser {
    /// Deepest expression tree accepted. Deep enough for any real query, shallow enough that every
    /// later recursive stage (checker, compiler, evaluator) fits on a small thread stack.
    static let maxDepth = 200
    /// Deepest nesting of brackets and prefix operators, checked on the way down so that 10,000
    /// opening parentheses stop here instead of exhausting the stack.
    static let maxNesting = 100
    var nesting = 0

    let source: SourceText
    var tokens: [Token]
    var position = 0
    var diagnostics: [Diagnostic] = []
    /// Set when parsing ran out of input in the middle of something (an open bracket, a `|` at the
    /// end of a line, a `"""` string not yet closed): the REPL then asks for another line instead
    /// of reporting an error.
    var ranOutOfInput = false

    struct Bail: Error {}

    package init(_ source: SourceText) {
        self.source = source
        let lexed = Lexer.tokenize(source)
        self.tokens = lexed.tokens
        self.diagnostics = lexed.diagnostics
        self.ranOutOfInput = lexed.endsInsideString
    }

    /// True when the text stops in the middle of a statement, so more lines should follow.
    package static func needsMoreInput(_ source: SourceText) -> Bool {
        var parser = Parser(source)
        _ = parser.parseScript()
        return parser.ranOutOfInput
    }

    /// Parses a whole script; throws every problem found.
    package static func parse(_ source: SourceText) throws(DiagnosticList) -> Script {
        let (script, diagnostics) = parseRecovering(source)
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return script
    }

    /// Parses what it can: the statements that parsed, and the problems of those that did not,
    /// so the checker can still look at the good statements and report their problems too.
    package static func parseRecovering(_ source: SourceText) -> (Script, [Diagnostic]) {
        var parser = Parser(source)
        let statements = parser.parseScript()
        return (Script(statements: statements, source: source), parser.diagnostics)
    }

    // MARK: - Statements

    /// script = { newline } [ statement { newline { newline } statement } ] { newline } end
    mutating func parseScript() -> [Statement] {
        var statements: [Statement] = []
        // The lexer's errors would otherwise be followed by parse errors about the same bad token.
        let lexerErrors = diagnostics.count
        while true {
            skipNewlines()
            if check(.end) { break }
            do {
                let statement = try parseStatement()
                // A statement followed by words it could not take is not handed on either: the
                // checker would report a second problem about what is one mistake.
                if !check(.end) && !check(.newline) {
                    throw trailingHabit() ?? fail("expected the end of the statement, found \(current.kind)", at: current.span,
                                                  suggestion: hintForTrailing())
                }
                // A statement holding a bad token is not handed on: the checker would only
                // complain again about what the lexer already reported.
                if !diagnostics[..<lexerErrors].contains(where: { d in
                    d.span.map { $0.start >= statement.span.start && $0.start < statement.span.end } ?? false
                }) {
                    statements.append(statement)
                }
            } catch {
                recoverToNextLine()
            }
            if diagnostics.count > lexerErrors + 20 { break }
        }
        return statements
    }

    /// statement = letStatement | fnStatement | paramStatement | printStatement | ifStatement
    ///           | forStatement | importStatement | expression
    mutating func parseStatement() throws(Bail) -> Statement {
        let start = current.span
        switch current.kind {
        case .keyword(.let):
            // letStatement = "let" identifier "=" expression
            advance()
            let (name, nameSpan) = try expectIdentifier("a name after `let`")
            try expect(.assign, "`=` after `let \(name)`")
            let value = try parseExpression()
            return Statement(kind: .let(name, value), span: start.to(value.span), nameSpan: nameSpan)
        case .keyword(.fn):
            return try parseFunction()
        case .keyword(.param):
            return try parseParam()
        case .keyword(.print):
            // printStatement = "print" expression { "," expression }
            advance()
            var values = [try parseExpression()]
            while match(.comma) { values.append(try parseExpression()) }
            return Statement(kind: .print(values), span: start.to(previous.span))
        case .keyword(.if):
            return try parseIfStatementOrExpression()
        case .keyword(.for):
            // forStatement = "for" identifier "in" expression block
            advance()
            let (name, nameSpan) = try expectIdentifier("a loop variable after `for`")
            try expect(.keyword(.in), "`in` after `for \(name)`")
            let sequence = try parseExpression()
            let body = try parseBlock()
            return Statement(kind: .for(name, sequence, body), span: start.to(previous.span), nameSpan: nameSpan)
        case .keyword(.import):
            // importStatement = "import" string
            advance()
            guard case .string(let path) = current.kind else {
                throw fail("expected a file name in quotes after `import`", at: current.span,
                           suggestion: "write import \"helpers.coop\"")
            }
            advance()
            return Statement(kind: .import(path), span: start.to(previous.span))
        default:
            if let habit = sqlSelect() { throw habit }
            let e = try parseExpression()
            return Statement(kind: .expression(e), span: e.span)
        }
    }

    /// fnStatement = "fn" identifier "(" [ identifier { "," identifier } ] ")" "=" expression
    mutating func parseFunction() throws(Bail) -> Statement {
        let start = current.span
        advance()
        let (name, nameSpan) = try expectIdentifier("a function name after `fn`")
        try expect(.symbol(.leftParen), "`(` and the parameter names after `fn \(name)`")
        var parameters: [String] = []
        if !check(.symbol(.rightParen)) {
            repeat {
                let (p, pSpan) = try expectIdentifier("a parameter name")
                if parameters.contains(p) { throw fail("parameter `\(p)` is named twice", at: pSpan) }
                parameters.append(p)
            } while match(.comma)
        }
        try expect(.symbol(.rightParen), "`)` after the parameters of `\(name)`")
        try expect(.assign, "`=` and the function's body", suggestion: "write fn \(name)(…) = expression")
        let body = try parseExpression()
        return Statement(kind: .function(name, parameters: parameters, body: body), span: start.to(body.span), nameSpan: nameSpan)
    }

    /// paramStatement = "param" identifier [ ":" identifier ] [ "=" expression ]
    mutating func parseParam() throws(Bail) -> Statement {
        let start = current.span
        advance()
        let (name, nameSpan) = try expectIdentifier("a parameter name after `param`")
        var type: String?
        if match(.colon) {
            let (t, tSpan) = try expectIdentifier("a type name (int, decimal, text, date, bool)")
            guard ["int", "decimal", "text", "date", "bool"].contains(t) else {
                throw fail("unknown type `\(t)`", at: tSpan, suggestion: suggestion(for: t, among: ["int", "decimal", "text", "date", "bool"]).map { "did you mean `\($0)`?" },
                           hint: "a parameter's type is one of int, decimal, text, date, bool")
            }
            type = t
        }
        var value: Expr?
        if match(.assign) { value = try parseExpression() }
        return Statement(kind: .param(name, type: type, defaultValue: value), span: start.to(previous.span), nameSpan: nameSpan)
    }

    /// ifStatement = "if" expression block { "elif" expression block } [ "else" ( block | ifStatement ) ]
    /// (an `if` followed by `then` is an expression instead: see `conditional`)
    mutating func parseIfStatementOrExpression() throws(Bail) -> Statement {
        let start = current.span
        advance()
        let condition = try parseExpression()
        if check(.keyword(.then)) {
            let e = try finishConditional(condition: condition, start: start)
            let full = try continuePipeline(e)
            return Statement(kind: .expression(full), span: full.span)
        }
        guard check(.symbol(.leftBrace)) else {
            throw fail("expected `{` or `then` after the condition of `if`, found \(current.kind)", at: current.span,
                       suggestion: "write if cond { … } in a script, or if cond then a else b in an expression")
        }
        var branches = [(condition: condition, body: try parseBlock())]
        var otherwise: [Statement]?
        while true {
            if match(.keyword(.elif)) {
                let c = try parseExpression()
                branches.append((c, try parseBlock()))
            } else if match(.keyword(.else)) {
                if check(.keyword(.if)) {
                    otherwise = [try parseIfStatementOrExpression()]
                } else {
                    otherwise = try parseBlock()
                }
                break
            } else {
                break
            }
        }
        return Statement(kind: .if(branches, otherwise: otherwise), span: start.to(previous.span))
    }

    /// block = "{" { newline } [ statement { newline { newline } statement } ] { newline } "}"
    mutating func parseBlock() throws(Bail) -> [Statement] {
        let open = current.span
        try expect(.symbol(.leftBrace), "`{` to start a block")
        var statements: [Statement] = []
        while true {
            skipNewlines()
            if match(.symbol(.rightBrace)) { break }
            if check(.end) { ranOutOfInput = true; throw fail("this `{` is never closed", at: open, suggestion: "add `}` at the end of the block") }
            statements.append(try parseStatement())
            if !check(.newline) && !check(.symbol(.rightBrace)) {
                throw fail("expected the end of the statement, found \(current.kind)", at: current.span)
            }
        }
        return statements
    }

    // MARK: - Token helpers

    var current: Token { tokens[position] }
    var previous: Token { tokens[max(0, position - 1)] }

    func check(_ kind: TokenKind) -> Bool { current.kind == kind }
    func check(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    func peekKind(_ offset: Int) -> TokenKind {
        tokens[min(position + offset, tokens.count - 1)].kind
    }

    func isIdentifier(_ word: String) -> Bool { current.kind == .identifier(word) }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    mutating func match(_ kind: TokenKind) -> Bool {
        if check(kind) { advance(); return true }
        return false
    }

    mutating func match(_ symbol: Symbol) -> Bool { match(.symbol(symbol)) }

    mutating func matchIdentifier(_ word: String) -> Bool {
        if isIdentifier(word) { advance(); return true }
        return false
    }

    mutating func skipNewlines() { while check(.newline) { advance() } }

    mutating func expect(_ kind: TokenKind, _ what: String, suggestion: String? = nil) throws(Bail) {
        if match(kind) { return }
        throw failExpected(what, suggestion: suggestion)
    }

    mutating func expect(_ symbol: Symbol, _ what: String, suggestion: String? = nil) throws(Bail) {
        try expect(.symbol(symbol), what, suggestion: suggestion)
    }

    mutating func expectIdentifier(_ what: String) throws(Bail) -> (String, Span) {
        if case .identifier(let name) = current.kind {
            advance()
            return (name, previous.span)
        }
        if case .keyword(let k) = current.kind {
            throw fail("`\(k.rawValue)` is a reserved word and cannot be used as a name", at: current.span,
                       suggestion: "choose another name")
        }
        throw failExpected(what)
    }

    /// An error saying what was expected where the current token stands. At the end of input it
    /// points at the innermost unclosed bracket, which is where the fix belongs.
    mutating func failExpected(_ what: String, suggestion: String? = nil) -> Bail {
        if check(.end) { ranOutOfInput = true }
        if check(.end), let (open, symbol) = unclosedBracket() {
            let closer: String = switch symbol { case .leftParen: ")"; case .leftBracket: "]"; default: "}" }
            return fail("this `\(symbol.rawValue)` is never closed: expected \(what) before the end of input",
                        at: open, suggestion: "add `\(closer)`")
        }
        return fail("expected \(what), found \(current.kind)", at: current.span, suggestion: suggestion)
    }

    /// The innermost bracket opened before the current token and not closed.
    func unclosedBracket() -> (Span, Symbol)? {
        var stack: [(Span, Symbol)] = []
        for token in tokens[..<position] {
            guard case .symbol(let s) = token.kind else { continue }
            switch s {
            case .leftParen, .leftBracket, .leftBrace: stack.append((token.span, s))
            case .rightParen, .rightBracket, .rightBrace: if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        return stack.last
    }

    mutating func fail(_ message: String, at span: Span, suggestion: String? = nil, hint: String? = nil) -> Bail {
        // A bad token the lexer already reported needs no second message.
        if !diagnostics.contains(where: { $0.span == span }) {
            diagnostics.append(Diagnostic(.syntax, message, at: span, in: source, suggestion: suggestion, hint: hint))
        }
        return Bail()
    }

    /// Skips to the start of the next line at the top level.
    mutating func recoverToNextLine() {
        while !check(.end) && !check(.newline) { advance() }
    }

    func hintForTrailing() -> String? {
        if case .identifier = current.kind, case .identifier = previous.kind {
            return "is a `|` missing before `\(source.slice(current.span))`?"
        }
        return nil
    }
}
