import CoopQL
import Foundation

/// Computes completions for the REPL from what is loaded and declared: dot commands and their
/// arguments, stage names after `|`, tables, the columns in scope, functions, keywords, the codes
/// of a column or the names of provinces inside quotes, names with spaces inside backquotes, and
/// file paths after `.load` and `.run`. Everything is counted in Characters of the text before
/// the cursor, whatever it holds (Vietnamese letters, combining marks, wide characters).
public struct Completer: Sendable {
    /// The session whose tables, columns and functions are offered.
    public let session: Session
    /// A completer over a session.
    public init(session: Session) { self.session = session }

    /// The dot commands, for completion and `.help`.
    public static let commands = [".help", ".tables", ".schema", ".load", ".format", ".mode", ".output", ".timer", ".limits",
                                  ".lang", ".params", ".run", ".explain", ".quit"]
    static let expressionWords = ["and", "or", "not", "in", "is", "null", "true", "false", "if", "then", "else",
                                  "by", "asc", "desc", "on", "as"]
    static let statementWords = ["let", "fn", "param", "print", "import", "for"]

    /// Completes `before`, the text before the cursor; `entry` is what earlier lines of the same
    /// multi-line entry hold (they give the tables and columns in scope).
    public func complete(_ before: String, entry: String = "") -> Completion {
        let chars = Array(before)
        if entry.isEmpty, let first = before.drop(while: { $0 == " " }).first, first == "." {
            return completeCommand(before)
        }
        let context = entry.isEmpty ? before : entry + "\n" + before
        if let quote = openQuote(in: chars) {
            return completeCode(typed: String(chars[(quote + 1)...]), quote: quote, before: String(chars[..<quote]), context: entry)
        }
        if let tick = openBackquote(in: chars) {
            // `Số thà… : a name with spaces, offered whole and closed.
            let typed = String(chars[(tick + 1)...])
            let ctx = String(context.dropLast(chars.count - tick))
            let names = columnsInScope(ctx) + tableNames + globalNames
            return Completion(start: tick, candidates: matching(typed, in: names).map { "`\($0)`" })
        }
        var start = chars.count
        while start > 0, isNameCharacter(chars[start - 1]) { start -= 1 }
        let word = String(chars[start...])
        let ctx = context.dropLast(chars.count - start)
        let trimmed = ctx.trimmingCharacters(in: .whitespacesAndNewlines)
        let pool: [String]
        if trimmed.hasSuffix("|") {
            pool = Parser.stageNames
        } else if trimmed.isEmpty || trimmed.hasSuffix("=") && trimmed.hasPrefix("let ") && !trimmed.contains("|") {
            pool = tableNames + Completer.statementWords + functionNames
        } else if lastWord(of: trimmed) == "join" {
            pool = tableNames
        } else {
            pool = columnsInScope(String(ctx)) + functionNames + Completer.expressionWords + tableNames + globalNames
        }
        return Completion(start: start, candidates: matching(word, in: pool).map(quotedIfNeeded))
    }

    /// A name as it must be written: in backquotes when it is not a plain name (`Số HTX`).
    func quotedIfNeeded(_ name: String) -> String {
        let plain = name.hasSuffix("(") ? String(name.dropLast()) : name
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let isPlain = parts.allSatisfy { part in
            guard let first = part.first, !first.isNumber else { return false }
            return part.allSatisfy(isNameCharacter)
        }
        return isPlain ? name : "`\(name)`"
    }

    /// Names of the tables loaded or declared by the data model.
    var tableNames: [String] {
        Array(Set(session.tables.keys).union(CoreSchema.tables.map(\.name))).sorted()
    }

    var functionNames: [String] {
        (Builtin.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)
            + session.checkerEnvironment.functions.keys).map { $0 + "(" }
    }

    var globalNames: [String] { Array(session.checkerEnvironment.globals.keys) }

    /// Candidates starting with `word`, in a stable order, without repeats.
    func matching(_ word: String, in pool: [String]) -> [String] {
        var seen = Set<String>()
        return pool.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.sorted()
    }

    func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    func lastWord(of text: String) -> String {
        String(text.reversed().prefix { isNameCharacter($0) }.reversed())
    }

    /// The position of the quote that opens a string still open at the cursor, if any.
    public func openQuote(in chars: [Character]) -> Int? { openDelimiter("\"", in: chars, other: "`") }

    /// The position of the backquote that opens a name still open at the cursor, if any.
    public func openBackquote(in chars: [Character]) -> Int? { openDelimiter("`", in: chars, other: "\"") }

    /// Where a `delimiter` pair opened and not closed begins, skipping over pairs of `other`
    /// (a backquote inside a string is text, and so is a quote inside a backquoted name).
    func openDelimiter(_ delimiter: Character, in chars: [Character], other: Character) -> Int? {
        var open: Int?, otherOpen = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", open != nil || otherOpen { i += 2; continue }
            if c == delimiter, !otherOpen { open = open == nil ? i : nil }
            else if c == other, open == nil { otherOpen.toggle() }
            i += 1
        }
        return open
    }

    /// The columns a stage at the end of `text` sees: the checker's table type of the pipeline
    /// before the last `|`; when that does not check yet, the columns of every table named.
    func columnsInScope(_ text: String) -> [String] {
        guard let bar = text.lastIndex(of: "|") else { return [] }
        let pipeline = String(text[..<bar])
        let statement = pipeline.split(separator: "\n", omittingEmptySubsequences: false)
            .reversed().prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.reversed().joined(separator: "\n")
        var body = statement
        if let eq = statement.range(of: "="), statement.hasPrefix("let ") {
            body = String(statement[eq.upperBound...])
        }
        if let schema = checkedSchema(body) {
            return schema.columns.map(\.name) + schema.columns.compactMap { c in c.qualifier.map { "\($0).\(c.name)" } }
        }
        var names: [String] = []
        let words = body.split { !isNameCharacter($0) }.map(String.init)
        for w in words where session.tables[w] != nil || CoreSchema.table(w) != nil {
            if let t = session.tables[w] { names += t.schema.columns.map(\.name) }
            else if let t = CoreSchema.table(w) { names += t.columns.map(\.name) }
        }
        return names
    }

    /// The table type of a pipeline, if it parses and checks without error.
    func checkedSchema(_ text: String) -> TableSchema? {
        let source = SourceText(name: "<completion>", text: text)
        let (script, errors) = Parser.parseRecovering(source)
        guard errors.isEmpty else { return nil }
        let checker = Checker(environment: session.checkerEnvironment, source: source)
        let statements = checker.check(script)
        guard checker.diagnostics.isEmpty, let last = statements.last,
              case .expression(let e) = last.kind, case .table(let schema) = e.type else { return nil }
        return schema
    }

    /// Codes of the column compared just before the open quote: `sector == "agr` → `"agriculture"`.
    func completeCode(typed: String, quote: Int, before: String, context: String) -> Completion {
        var head = before.trimmingCharacters(in: .whitespaces)
        // Inside a list (`kind in ["htx", "gr`), the column is the one before the open bracket.
        if let bracket = head.lastIndex(of: "["), !head[bracket...].contains("]") { head = String(head[..<bracket]) }
        var rest = Substring(head)
        while let last = rest.last, "=!<>[,( ".contains(last) || last == "n" && rest.hasSuffix(" in") {
            if rest.hasSuffix(" in") { rest = rest.dropLast(3) } else { rest = rest.dropLast() }
        }
        let column = lastWord(of: String(rest))
        if Completer.provinceColumns.contains(column) {
            return Completion(start: quote, candidates: provinceNames(matching: typed).map { "\"\($0)\"" })
        }
        var codes: [String] = []
        if let e = enumeration(of: column, context: context + "\n" + before) { codes = e.values.map(\.code) }
        let hits = codes.filter { $0.hasPrefix(typed) }.sorted().map { "\"\($0)\"" }
        return Completion(start: quote, candidates: hits)
    }

    /// Columns that hold province names: inside their quotes Tab offers the built-in names.
    static let provinceColumns: Set<String> = ["province", "merged_into"]

    /// Province names (before and after the 2025 merger) starting with `typed`; when none does,
    /// those whose accent-free form does, so `"Bac Ni` finds "Bắc Ninh".
    func provinceNames(matching typed: String) -> [String] {
        let names = ProvinceNames.all
        let exact = names.filter { $0.hasPrefix(typed) }
        if !exact.isEmpty { return exact.sorted(by: Self.vietnameseOrder) }
        let folded = foldForSearch(typed)
        return names.filter { foldForSearch($0).hasPrefix(folded) }.sorted(by: Self.vietnameseOrder)
    }

    static func vietnameseOrder(_ a: String, _ b: String) -> Bool { vietnameseLess(a, b) }

    /// The enumeration of a column: of a table named in the entry first, else of any table that
    /// has a column of that name with codes.
    func enumeration(of column: String, context: String) -> Enumeration? {
        guard !column.isEmpty else { return nil }
        let words = context.split { !isNameCharacter($0) }.map(String.init)
        for w in words { if let e = CoreSchema.enumeration(table: w, column: column) { return e } }
        for t in CoreSchema.tables { if let e = t.column(column)?.enumeration { return e } }
        return nil
    }

    /// A dot command's name, or its argument.
    func completeCommand(_ text: String) -> Completion {
        let chars = Array(text)
        guard let space = chars.firstIndex(of: " ") else {
            let lead = chars.prefix { $0 == " " }.count
            return Completion(start: lead, candidates: Completer.commands.filter { $0.hasPrefix(String(chars[lead...])) })
        }
        let name = String(chars[..<space]).trimmingCharacters(in: .whitespaces)
        var start = space + 1
        while start < chars.count, chars[start] == " " { start += 1 }
        let argument = String(chars[start...])
        let pool: [String]
        switch name {
        case ".load", ".run", ".output": return Completion(start: start, candidates: paths(matching: argument))
        case ".schema": pool = tableNames
        case ".help": pool = HelpTopics.names
        case ".format", ".mode": pool = OutputFormat.formats(for: .query).map(\.name)
        case ".timer": pool = ["on", "off"]
        case ".lang": pool = ["vi", "en"]
        case ".explain": return complete(argument).shifted(by: start)
        default: pool = []
        }
        return Completion(start: start, candidates: pool.filter { $0.hasPrefix(argument) })
    }

    /// Files and folders whose path starts with `typed`; folders end in `/` so Tab goes on into them.
    func paths(matching typed: String) -> [String] {
        let expanded = (typed as NSString).expandingTildeInPath
        let folder: String, prefix: String, shown: String
        if typed.hasSuffix("/") { folder = expanded; prefix = ""; shown = typed }
        else if let slash = typed.lastIndex(of: "/") {
            folder = (expanded as NSString).deletingLastPathComponent
            prefix = (expanded as NSString).lastPathComponent
            shown = String(typed[...slash])
        } else { folder = "."; prefix = typed; shown = "" }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "/" : folder) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && (!$0.hasPrefix(".") || prefix.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return shown + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}

