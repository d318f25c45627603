/// Pipeline stages: the words after `|`. A new stage is declared here (its syntax, its entry in
/// `PipelineStage.all` and its parse), in `Grammar/coopql.ebnf`, in `Checker+Stages.swift` (its
/// checked form), in `Plan/BoundStage+Plan.swift` (what it reads) and in `PipelineCompiler`
/// (its operator); help, completion, suggestions and `.explain` follow from these.

/// One stage of a pipeline, after a `|`.
struct Stage: Sendable {
    enum Kind: Sendable {
        case `where`(Expr)
        case select([NamedExpr])
        case extend([NamedExpr])
        case summarize([NamedExpr], by: [NamedExpr])
        /// `count` alone yields a number; `count by k…` a table of keys and `count`.
        case count(by: [NamedExpr])
        case sort([SortKey])
        case take(Expr)
        case top(Expr, [SortKey])
        /// `distinct a, b`; no columns means whole rows.
        case distinct([NamedExpr])
        case join(JoinKind, right: Expr, alias: String?, on: Expr)
        case pivot(Expr, rows: NamedExpr, columns: NamedExpr)
        /// `table` or `chart`: how the result is to be shown; must end the pipeline.
        case present(Presentation)
    }

    var kind: Kind
    var span: Span
    /// Where the stage's name is written (for "unknown stage" and similar messages).
    var nameSpan: Span
}

/// A stage as people meet it: its name, what it does, an example that runs on the sample data and
/// the tutorial lesson that explains it. The one list of stages: the parser's suggestions,
/// completion and `.help` all read it.
public struct PipelineStage: Sendable {
    public let name: String
    public let summary: String
    public let example: String
    public let lesson: Int

    /// Every stage, in the order error messages list them.
    public static let all: [PipelineStage] = [
        PipelineStage(name: "where", summary: "keep the rows where a condition holds", example: #"cooperatives | where province == "Bắc Ninh" | count"#, lesson: 2),
        PipelineStage(name: "select", summary: "choose, rename or compute columns", example: "cooperatives | take 3 | select name, founded, year = year(founded)", lesson: 5),
        PipelineStage(name: "extend", summary: "add computed columns", example: "cooperatives | extend large = members >= 50 | count by large", lesson: 5),
        PipelineStage(name: "summarize", summary: "aggregates, optionally by keys", example: "cooperatives | summarize sum(members), avg(members) by province", lesson: 3),
        PipelineStage(name: "count", summary: "count rows, or count by keys (groups in the order their first row comes; | sort by to reorder)", example: "cooperatives | count by sector", lesson: 3),
        PipelineStage(name: "sort", summary: "order rows (asc or desc)", example: "cooperatives | count by province | sort by count desc", lesson: 4),
        PipelineStage(name: "take", summary: "the first N rows", example: "cooperatives | sort by members desc | take 3 | select name, members", lesson: 4),
        PipelineStage(name: "top", summary: "the first N rows by a key", example: "cooperatives | top 3 by members | select name, members", lesson: 4),
        PipelineStage(name: "distinct", summary: "the different values", example: "cooperatives | distinct province", lesson: 5),
        PipelineStage(name: "join", summary: "match rows of two tables (left join keeps unmatched rows)", example: "loans | join cooperatives on coop_id == cooperatives.id | count by province", lesson: 6),
        PipelineStage(name: "pivot", summary: "a cross table", example: "cooperatives | pivot count() by province, kind", lesson: 7),
        PipelineStage(name: "table", summary: "show the result as a table", example: "cooperatives | count by kind | table", lesson: 8),
        PipelineStage(name: "chart", summary: "a bar chart of a two-column table", example: "cooperatives | count by province | chart", lesson: 8),
    ]
}

extension Parser {
    /// Every word that starts a stage, for "did you mean" suggestions and completion (`left`
    /// starts `left join`).
    package static let stageNames: [String] = PipelineStage.all.flatMap { $0.name == "join" ? ["join", "left"] : [$0.name] }

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
            // (the first key descending unless `asc` is said, later keys ascending as in `sort`)
            let n = try parseOperand()
            try expectWord("by", "`by` after `top \(source.slice(n.span))`", suggestion: "write top N by column")
            kind = .top(n, try parseSortKeys(firstDescending: true))
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
            if let habit = foreignStage(name, at: position - 1) { throw habit }
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
    /// `firstDescending`: `top`'s first key; every later key is ascending unless said, as in `sort`
    /// (`top 3 by amount, id` breaks ties by the smallest id, as SQL's ORDER BY amount DESC, id).
    mutating func parseSortKeys(firstDescending: Bool = false) throws(Bail) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let e = try parseOperand()
            var descending = keys.isEmpty && firstDescending
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
