/// Pipeline stages: the words after `|`.
extension Parser {
    /// Every stage name, for "did you mean" suggestions and completion.
    package static let stageNames = ["where", "select", "extend", "summarize", "count", "sort", "take", "top",
                                    "distinct", "join", "left", "pivot", "table", "chart"]

    /// stage = whereStage | selectStage | extendStage | summarizeStage | countStage | sortStage
    ///       | takeStage | topStage | distinctStage | joinStage | pivotStage | presentStage
    mutating func parseStage() throws(Bail) -> Stage {
        let nameToken = current
        guard case .identifier(let name) = nameToken.kind else {
            if case .keyword(let k) = nameToken.kind {
                throw fail("`\(k.rawValue)` is not a stage", at: nameToken.span,
                           suggestion: "a stage is one of: \(Parser.stageNames.filter { $0 != "left" }.joined(separator: ", "))")
            }
            throw failExpected("a stage name after `|` (where, select, count, …)")
        }
        advance()
        let kind: Stage.Kind
        switch name {
        case "where":
            // whereStage = "where" operand
            kind = .where(try parseOperand())
        case "select":
            // selectStage = "select" namedExpr { "," namedExpr }
            kind = .select(try parseNamedList(what: "a column or `name = expression` after `select`"))
        case "extend":
            // extendStage = "extend" columnName "=" operand { "," columnName "=" operand }
            var items: [NamedExpr] = []
            repeat {
                guard let n = columnName else { throw failExpected("a new column's name after `extend`") }
                advance()
                try expect(.assign, "`=` after `\(n)`", suggestion: "write extend \(n) = expression")
                items.append(NamedExpr(name: n, expr: try parseOperand()))
            } while match(.comma)
            kind = .extend(items)
        case "summarize":
            // summarizeStage = "summarize" namedExpr { "," namedExpr } [ "by" namedExpr { "," namedExpr } ]
            let aggregates = try parseNamedList(what: "an aggregate after `summarize`, as in n = count()")
            kind = .summarize(aggregates, by: try parseByList())
        case "count":
            // countStage = "count" [ "by" namedExpr { "," namedExpr } ]
            kind = .count(by: try parseByList())
        case "sort":
            // sortStage = "sort" "by" sortKey { "," sortKey }
            try expectWord("by", "`by` after `sort`", suggestion: "write sort by column [asc|desc]")
            kind = .sort(try parseSortKeys())
        case "take":
            // takeStage = "take" operand
            kind = .take(try parseOperand())
        case "top":
            // topStage = "top" operand "by" sortKey { "," sortKey }
            // (descending unless `asc` is said)
            let n = try parseOperand()
            try expectWord("by", "`by` after `top \(source.slice(n.span))`", suggestion: "write top N by column")
            kind = .top(n, try parseSortKeys(defaultDescending: true))
        case "distinct":
            // distinctStage = "distinct" [ namedExpr { "," namedExpr } ]
            kind = .distinct(atStageEnd ? [] : try parseNamedList(what: "a column after `distinct`"))
        case "join":
            kind = try parseJoin(.inner)
        case "left":
            // joinStage = [ "left" ] "join" joinSource [ "as" identifier ] "on" operand
            try expectWord("join", "`join` after `left`", suggestion: "write left join table on condition")
            kind = try parseJoin(.left)
        case "pivot":
            // pivotStage = "pivot" operand "by" namedExpr "," namedExpr
            let aggregate = try parseOperand()
            try expectWord("by", "`by` after the pivot's aggregate", suggestion: "write pivot count() by row_column, column_column")
            let rows = try parseNamed()
            try expect(.comma, "`,` and the column whose values become columns",
                       suggestion: "write pivot count() by row_column, column_column")
            kind = .pivot(aggregate, rows: rows, columns: try parseNamed())
        case "table", "chart":
            // presentStage = "table" | "chart"
            kind = .present(Presentation(rawValue: name)!)
        default:
            let guess = suggestion(for: name, among: Parser.stageNames)
            throw fail("unknown stage `\(name)`", at: nameToken.span,
                       suggestion: guess.map { "did you mean `\($0)`?" },
                       hint: "the stages are: \(Parser.stageNames.filter { $0 != "left" }.joined(separator: ", ")), left join")
        }
        return Stage(kind: kind, span: nameToken.span.to(previous.span), nameSpan: nameToken.span)
    }

    /// joinSource = identifier | "(" expression ")"
    mutating func parseJoin(_ joinKind: JoinKind) throws(Bail) -> Stage.Kind {
        let right: Expr
        if check(.leftParen) || { if case .identifier = current.kind { return true } else { return false } }() {
            right = try parsePrimary()
        } else {
            throw failExpected("a table name or a parenthesised pipeline after `join`")
        }
        var alias: String?
        if matchIdentifier("as") { alias = try expectIdentifier("a name after `as`").0 }
        try expectWord("on", "`on` and the join condition", suggestion: "write join table on key == table.key")
        return .join(joinKind, right: right, alias: alias, on: try parseOperand())
    }

    /// namedExpr = [ columnName "=" ] operand
    mutating func parseNamed() throws(Bail) -> NamedExpr {
        if let n = columnName, peekKind(1) == .symbol(.assign) {
            advance(); advance()
            return NamedExpr(name: n, expr: try parseOperand())
        }
        return NamedExpr(name: nil, expr: try parseOperand())
    }

    mutating func parseNamedList(what: String) throws(Bail) -> [NamedExpr] {
        if atStageEnd { throw failExpected(what) }
        var items = [try parseNamed()]
        while match(.comma) { items.append(try parseNamed()) }
        return items
    }

    mutating func parseByList() throws(Bail) -> [NamedExpr] {
        guard matchIdentifier("by") else { return [] }
        return try parseNamedList(what: "a column after `by`")
    }

    /// sortKey = operand [ "asc" | "desc" ]
    mutating func parseSortKeys(defaultDescending: Bool = false) throws(Bail) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let e = try parseOperand()
            var descending = defaultDescending
            if matchIdentifier("desc") { descending = true } else if matchIdentifier("asc") { descending = false }
            keys.append(SortKey(expr: e, descending: descending))
        } while match(.comma)
        return keys
    }

    mutating func expectWord(_ word: String, _ what: String, suggestion: String? = nil) throws(Bail) {
        if matchIdentifier(word) { return }
        throw failExpected(what, suggestion: suggestion)
    }

    /// columnName = identifier | string
    /// (a string names a column for people to read: "Lĩnh vực" = label(sector))
    var columnName: String? {
        switch current.kind {
        case .identifier(let n), .string(let n): return n
        default: return nil
        }
    }

    /// True where a stage's optional arguments are absent: the line, the pipeline or a bracket ends.
    var atStageEnd: Bool {
        switch current.kind {
        case .newline, .end, .symbol(.pipe), .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace),
             .symbol(.comma):
            return true
        default:
            return false
        }
    }
}
