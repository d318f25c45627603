import Foundation

/// Habits from SQL and KQL met where CoopQL expects something else: each gets one error, at the
/// word that gives it away, whose suggestion is the same question written the CoopQL way. Nothing
/// after it on the line is reported (the parser skips to the next line), so there is no cascade.
extension Parser {
    mutating func fail(_ habit: Habit, at span: Span) -> Bail {
        fail(habit.message, at: span, suggestion: habit.suggestion, hint: habit.hint)
    }

    // MARK: - Reading ahead

    /// The word a token holds, keyword or name, as written.
    func word(at i: Int) -> String? {
        switch tokens[min(i, tokens.count - 1)].kind {
        case .identifier(let w): return w
        case .keyword(let k): return k.rawValue
        default: return nil
        }
    }

    func isWord(_ lowercase: String, at i: Int) -> Bool { word(at: i)?.lowercased() == lowercase }

    /// Whether token `i` ends a line (or the input).
    func endsLine(_ i: Int) -> Bool {
        let kind = tokens[min(i, tokens.count - 1)].kind
        return kind == .newline || kind == .end
    }

    /// The source text of tokens `from..<to` as written.
    func text(from: Int, to: Int) -> String {
        guard from < to, from < tokens.count else { return "" }
        return source.slice(Span(tokens[from].span.start, tokens[min(to, tokens.count) - 1].span.end))
    }

    /// The index of the first token at or after `i` that ends the line or, with `stopAtPipe`, the stage.
    func stop(from i: Int, stopAtPipe: Bool = true) -> Int {
        var j = i
        while !endsLine(j), !(stopAtPipe && tokens[j].kind == .symbol(.pipe)) { j += 1 }
        return j
    }

    // MARK: - SELECT … FROM

    /// `SELECT cols FROM table [WHERE …] [GROUP BY …] [HAVING …] [ORDER BY …] [LIMIT n]` at the
    /// start of a statement: the same question as a pipeline.
    mutating func sqlSelect() -> Bail? {
        guard isWord("select", at: position), case .identifier = current.kind else { return nil }
        let end = stop(from: position, stopAtPipe: false)
        let clauses = ["from", "where", "group", "having", "order", "limit"]
        var found: [String: Int] = [:]
        for i in position..<end { if let w = word(at: i)?.lowercased(), clauses.contains(w), found[w] == nil { found[w] = i } }
        guard let from = found["from"] else { return nil }
        /// The text of a clause: from after its word(s) to the next clause or the end of the line.
        func clause(_ name: String, skip: Int = 1) -> String? {
            guard let i = found[name] else { return nil }
            let next = found.values.filter { $0 > i }.min() ?? end
            return text(from: i + skip, to: next)
        }
        let columns = text(from: position + 1, to: from)
        var pipeline = clause("from") ?? ""
        if let w = clause("where") { pipeline += " | where " + Self.coopCondition(w) }
        if let g = clause("group", skip: 2) {
            pipeline += columns.lowercased().contains("count(") ? " | count by \(g)" : " | summarize … by \(g)"
        }
        if let h = clause("having") { pipeline += " | where " + Self.coopCondition(h) }
        if let o = clause("order", skip: 2) { pipeline += " | sort by " + Self.coopCondition(o) }
        if let l = clause("limit") { pipeline += " | take \(l)" }
        if columns != "*", found["group"] == nil { pipeline += " | select \(columns)" }
        // Whatever the lexer said about the rest of this line (an `<>`, a `&&`) is part of the
        // same habit: this one message replaces it.
        let line = Span(current.span.start, tokens[end].span.start)
        diagnostics.removeAll { d in d.span.map { $0.start >= line.start && $0.start < max(line.end, line.start + 1) } ?? false }
        return fail(Habit.sqlSelect(pipeline: pipeline), at: current.span)
    }

    /// A condition from SQL, with the plain substitutions CoopQL needs (`=`, `<>`, capitals,
    /// single quotes, `count(*)`), for suggestions.
    static func coopCondition(_ sql: String) -> String {
        var words: [String] = []
        for piece in sql.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(piece)
            switch w.uppercased() {
            case "=": w = "=="
            case "<>": w = "!="
            case "AND", "OR", "NOT", "IS", "NULL", "IN", "ASC", "DESC": w = w.lowercased()
            default: break
            }
            words.append(w)
        }
        return words.joined(separator: " ")
            .replacingOccurrences(of: "'", with: "\"")
            .replacingOccurrences(of: "(*)", with: "()")
    }

    // MARK: - Stages

    /// A stage word of SQL or KQL after `|`, or a CoopQL stage written in capitals.
    /// `afterPipe` is false when the word ended a stage without a `|` of its own
    /// (`count by province HAVING …`): the suggestion then starts with one.
    mutating func foreignStage(_ name: String, at nameIndex: Int, afterPipe: Bool = true) -> Bail? {
        let lower = name.lowercased()
        let span = tokens[nameIndex].span
        let end = stop(from: nameIndex)
        let hasBy = isWord("by", at: nameIndex + 1)
        let rest = text(from: nameIndex + (hasBy ? 2 : 1), to: end)
        let pipe = afterPipe ? "" : "| "
        var habit: Habit
        switch lower {
        case "group":
            let keys = rest.isEmpty ? "column" : rest
            habit = .foreignStage(hasBy ? "\(name) by" : name, language: "SQL",
                                  instead: "count by \(keys) to count rows, or summarize total = sum(…) by \(keys)")
        case "order":
            habit = .foreignStage(hasBy ? "\(name) by" : name, language: "SQL",
                                  instead: "sort by \(rest.isEmpty ? "column" : Self.coopCondition(rest))")
        case "limit": habit = .foreignStage(name, language: "SQL", instead: "take \(rest.isEmpty ? "10" : rest)")
        case "project": habit = .foreignStage(name, language: "KQL", instead: "select \(rest.isEmpty ? "column, …" : rest)")
        case "having": habit = .foreignStage(name, language: "SQL", instead: "where \(Self.coopCondition(rest))")
        default:
            guard lower != name, Parser.stageNames.contains(lower) else { return nil }
            habit = .capitalKeyword(name, instead: "\(lower) \(Self.coopCondition(rest))".trimmingCharacters(in: .whitespaces))
        }
        habit.suggestion = habit.suggestion.replacingOccurrences(of: "write ", with: "write " + pipe, options: .anchored)
        return fail(habit, at: span)
    }

    // MARK: - Words left over at the end of a statement

    /// A word the statement could not take, explained when it is a habit: `like`, `between`,
    /// `contains`, `IS NULL`, `IN (…)`, capitals, SQL clauses, a stage without its `|`, a missing
    /// comma in a list.
    mutating func trailingHabit() -> Bail? {
        guard let written = word(at: position) else { return nil }
        let lower = written.lowercased()
        let left = position > 0 ? source.slice(tokens[position - 1].span) : ""
        let span = current.span
        let end = stop(from: position)
        switch lower {
        case "like":
            guard case .string(let pattern) = tokens[position + 1].kind else { return nil }
            return fail(.foreignCondition(written, language: "SQL", instead: Self.likeInstead(left: left, pattern: pattern)), at: span)
        case "between":
            guard isWord("and", at: position + 2) else { return nil }
            let low = text(from: position + 1, to: position + 2), high = text(from: position + 3, to: position + 4)
            return fail(.foreignCondition(written, language: "SQL", instead: "\(left) in \(low)..\(high)"), at: span)
        case "contains", "has":
            let needle = text(from: position + 1, to: position + 2)
            return fail(.foreignCondition(written, language: "KQL", instead: "\(left) ~ \(needle)"), at: span)
        case "is" where written != lower:
            let negated = isWord("not", at: position + 1)
            return fail(.capitalKeyword(written, instead: "\(left) is \(negated ? "not " : "")null"), at: span)
        case "in":
            if let list = bracketedList(at: position + 1) { return fail(.listInParentheses(instead: "\(left) in \(list)"), at: span) }
            guard written != lower else { return nil }
            return fail(.capitalKeyword(written, instead: "\(left) in \(Self.coopCondition(text(from: position + 1, to: end)))"), at: span)
        case "and", "or", "not" where written != lower:
            return fail(.capitalKeyword(written, instead: "`\(lower)`"), at: span)
        case "having", "order", "group", "limit":
            return foreignStage(written, at: position, afterPipe: false)
        default:
            break
        }
        if Parser.stageNames.contains(lower), case .identifier = current.kind {
            let stage = text(from: position, to: end)
            return fail(.missingPipe(before: written, instead: "\(left) | \(stage)"), at: span)
        }
        if case .identifier = current.kind, let listStage = stageOfList(),
           ["select", "distinct", "count", "summarize", "sort", "top"].contains(listStage) {
            return fail(.missingComma(between: left, and: written), at: span)
        }
        return nil
    }

    /// SQL's `like` pattern as CoopQL: `%x%` → `~ "x"`, `x%` → `starts_with`, `%x` → `ends_with`.
    static func likeInstead(left: String, pattern: String) -> String {
        let opens = pattern.hasPrefix("%"), closes = pattern.hasSuffix("%") && pattern.count > 1
        let core = String(pattern.dropFirst(opens ? 1 : 0).dropLast(closes ? 1 : 0))
        switch (opens, closes) {
        case (true, true): return "\(left) ~ \"\(core)\""
        case (false, true): return "starts_with(\(left), \"\(core)\")"
        case (true, false): return "ends_with(\(left), \"\(core)\")"
        case (false, false): return "\(left) == \"\(core)\""
        }
    }

    /// `("a", "b")` at token `i` — a parenthesised group holding a comma at its top level — as
    /// the CoopQL list `["a", "b"]`; nil for anything else.
    func bracketedList(at i: Int) -> String? {
        guard tokens[min(i, tokens.count - 1)].kind == .symbol(.leftParen) else { return nil }
        var depth = 0, j = i, comma = false
        while !endsLine(j) {
            switch tokens[j].kind {
            case .symbol(.leftParen), .symbol(.leftBracket): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket):
                depth -= 1
                if depth == 0 {
                    guard comma else { return nil }
                    return "[" + text(from: i + 1, to: j).replacingOccurrences(of: "'", with: "\"") + "]"
                }
            case .symbol(.comma) where depth == 1: comma = true
            default: break
            }
            j += 1
        }
        return nil
    }

    /// The stage whose list the parser was reading when it stopped: the word after the last `|`
    /// on this line (`count` for `count by a b`).
    func stageOfList() -> String? {
        var j = position - 1
        while j >= 0, !endsLine(j) {
            if tokens[j].kind == .symbol(.pipe) { return word(at: j + 1) }
            j -= 1
        }
        return nil
    }
}
