import CoopQLBase

/// A row the loader refuses, placed by byte offsets. Strictly loading, the first one stops the
/// load; leniently, the row is left out and reported as a warning. `ProblemWriter` words it.
struct RowProblem: Error {
    enum Reason {
        /// A value refused by its column (`value` as written, decoded).
        case cell(column: Int, CellProblem, value: String)
        /// A JSON object without a key the schema requires.
        case missingKey(column: Int)
        /// A JSON object or array where a cell's one value belongs.
        case nested(column: Int, array: Bool)
        /// A JSON object naming one key twice.
        case repeatedKey(column: Int)
        /// A CSV row with more or fewer fields than the header.
        case fieldCount(found: Int, expected: Int)
        /// A line of a JSON Lines file that is not one JSON object.
        case malformed(JSONFault)
        /// A key column's value seen before, on `firstLine`.
        case duplicate(column: Int, value: String, firstLine: Int)
        /// A value naming no row of the table it refers to.
        case reference(column: Int, value: String, table: String, key: String)
    }

    var reason: Reason
    /// Where the row starts (what identifies it when rows are read again).
    var rowStart: Int
    /// The offending bytes: the value, or the row when no value is to blame.
    var at: Int
    var end: Int
}

/// What stops reading a file: a fault in its form, or (strictly loading) a refused row.
enum LoadFailure: Error {
    case csv(CSVFault)
    case json(JSONFault)
    /// A refused row, with the columns of the file as far as they were known.
    case row(RowProblem, ColumnPlan)

    /// The failure as a diagnostic.
    func diagnostic(_ lines: DataLines) -> Diagnostic {
        switch self {
        case .csv(let fault): return fault.diagnostic(lines)
        case .json(let fault): return fault.diagnostic(lines)
        case .row(let problem, let plan): return ProblemWriter(lines: lines, plan: plan).diagnostic(problem, skipped: false)
        }
    }
}

/// Words row problems as diagnostics: what is wrong, the expected type or rule, a likely fix.
struct ProblemWriter {
    let lines: DataLines
    let plan: ColumnPlan

    /// The problem as an error or, when `skipped`, as the warning for a row left out.
    func diagnostic(_ problem: RowProblem, skipped: Bool) -> Diagnostic {
        var (message, suggestion, hint) = words(problem)
        if skipped { message = "row skipped: " + message }
        return lines.diagnostic(message, at: problem.at, end: problem.end, suggestion: suggestion, hint: hint)
    }

    private func words(_ problem: RowProblem) -> (String, String?, String?) {
        switch problem.reason {
        case .cell(let column, let problem, let value):
            return cellWords(column, problem, value)
        case .missingKey(let column):
            let name = plan.names[column]
            return ("the object has no key `\(name)`, but column \(name) must have a value (expected \(plan.typeName(column)))",
                    nil, requiredHint(name))
        case .nested(let column, let array):
            return ("column \(plan.names[column]) holds a JSON \(array ? "array" : "object"), but a cell holds a single value",
                    nil, "give each value its own key, or write the list as one string")
        case .repeatedKey(let column):
            return ("the object has key `\(plan.names[column])` twice", nil, "each key names one column of the row")
        case .fieldCount(let found, let expected):
            let hint = found > expected
                ? "a value that holds the separator must be written in double quotes"
                : "every row needs one value for each column of the header (an empty one is null)"
            return ("line \(lines.line(of: problem.rowStart)) has \(found) field\(found == 1 ? "" : "s"), but the header has \(expected)", nil, hint)
        case .malformed(let fault):
            return (fault.message(lines), nil, fault.hint)
        case .duplicate(let column, let value, let firstLine):
            let name = plan.names[column]
            return ("duplicate \(name) `\(ProblemWriter.shown(value))` (line \(firstLine) has it already)", nil,
                    "\(name) identifies a row of \(plan.tableName), so no two rows may share one")
        case .reference(let column, let value, let table, let key):
            let name = plan.names[column]
            return ("\(name) `\(ProblemWriter.shown(value))` matches no \(key) in \(table)", nil,
                    "each \(name) must be the \(key) of a row of \(table)")
        }
    }

    private func cellWords(_ column: Int, _ problem: CellProblem, _ value: String) -> (String, String?, String?) {
        let name = plan.names[column]
        let type = plan.typeName(column)
        let shown = ProblemWriter.shown(value)
        switch problem {
        case .notType:
            let (what, hint) = ProblemWriter.typeWords(plan.declared[column]?.type ?? .text)
            var suggestion: String? = nil
            if type == "int", ProblemWriter.isCommaGrouped(value) {
                let digits = value.filter(\.isNumber)
                suggestion = "a comma marks decimals here: write \(digits) or \(ProblemWriter.dotGrouped(digits))"
            }
            return ("`\(shown)` is not \(what) (column \(name), expected \(type))", suggestion, hint)
        case .empty:
            let state = value.isEmpty ? "empty" : "null"
            return ("column \(name) is \(state), but it must have a value (expected \(type))", nil, requiredHint(name))
        case .notCode:
            let enumeration = plan.declared[column]?.enumeration
            let codes = enumeration?.codes ?? []
            // The closest code or label: offices write either.
            let labels = enumeration.map { $0.values.flatMap { [$0.vi, $0.en] } } ?? []
            var suggestion = ProblemWriter.closestCode(to: value, among: codes + labels).map { "did you mean `\($0)`?" }
            if let e = enumeration, let code = ProblemWriter.code(labelled: value, in: e) {
                suggestion = "write the code `\(code)` for “\(shown)”"
            }
            let allowed = enumeration.map { $0.values.map { "\($0.code) (\($0.vi))" } } ?? codes
            return ("`\(shown)` is not a code of column \(name)", suggestion,
                    "allowed: " + allowed.joined(separator: ", ") + "; a code or its label, in any case, accents optional")
        case .invalidUTF8:
            return ("the value in column \(name) is not UTF-8", nil, "save the file as UTF-8")
        case .tooLarge:
            let whole = value.allSatisfy { $0.isNumber || $0 == "-" }
            let limit = whole ? "whole numbers run from -9223372036854775808 to 9223372036854775807"
                              : "numbers run up to about 1.8e308"
            let expected = plan.declared[column] == nil ? "" : " (expected \(type))"
            return ("the number `\(shown)` in column \(name) is too large for it\(expected)", nil,
                    limit + "; check the value, or write it in quotes to keep it as text")
        }
    }

    private func requiredHint(_ name: String) -> String {
        "the schema gives every row of \(plan.tableName) a \(name)"
    }

    /// What a value of a type is, in words, and how to write one.
    static func typeWords(_ type: DataType) -> (String, String) {
        switch type {
        case .int:
            return ("a whole number", "write a whole number, such as 1915 or 1.915 (a dot between thousands)")
        case .decimal:
            return ("a number", "write a number, such as 3.5, or 3,5 with a decimal comma (1.234,5 with dots between thousands)")
        case .date:
            return ("a date", "write a real day as YYYY-MM-DD or dd/mm/yyyy, such as 2022-12-23 or 23/12/2022")
        case .bool:
            return ("a yes/no value", "write true or false, 1 or 0, có or không")
        default:
            return ("text", "")
        }
    }

    /// A value as a message quotes it: its first line, cut at 40 characters.
    static func shown(_ value: String) -> String {
        var line = value.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        var cut = line.count < value.count
        if line.count > 40 { line = line.prefix(40); cut = true }
        return cut ? line + "…" : String(line)
    }

    /// `1,915` or `1,456,000`: thousands grouped with commas, English style.
    static func isCommaGrouped(_ value: String) -> Bool {
        let groups = value.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Digits with a dot before every group of three from the right: 1456000 → 1.456.000.
    static func dotGrouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }

    /// The closest code, as for a misspelt name.
    static func closestCode(to value: String, among codes: [String]) -> String? {
        suggestion(for: value, among: codes)
    }

    /// The code whose Vietnamese or English label the value is, ignoring case and accents.
    static func code(labelled value: String, in enumeration: Enumeration) -> String? {
        let folded = foldForSearch(value)
        return enumeration.values.first { foldForSearch($0.vi) == folded || foldForSearch($0.en) == folded }?.code
    }
}
