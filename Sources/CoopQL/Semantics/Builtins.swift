import CoopQLBase

/// The built-in scalar functions: their names, what they take and what they give. The checker
/// reads this table; `Engine/BuiltinKernels.swift` implements each one over whole columns.
package enum Builtin: String, Sendable, CaseIterable {
    case date, today
    case year, month, day, quarter, half
    case round, floor, ceil, abs
    case lower, upper, len, trim, fold, starts_with, ends_with
    case int, decimal, text
    case label
    case merged
    case value
    case fmt, pct, vnd, date_vi
    case percent

    /// What the function does, for help and error messages.
    public var summary: String {
        switch self {
        case .date: return "date(\"2022-12-23\") or date(\"23/12/2022\"): text to a date"
        case .today: return "today(): the current date"
        case .year: return "year(d): the year of a date"
        case .month: return "month(d): the month (1–12) of a date"
        case .day: return "day(d): the day of the month of a date"
        case .quarter: return "quarter(d): the quarter (1–4) of a date"
        case .half: return "half(d): the half-year (1 or 2) of a date"
        case .round: return "round(x, n): x rounded to n decimals (n = 0 if left out)"
        case .floor: return "floor(x): the largest integer not above x"
        case .ceil: return "ceil(x): the smallest integer not below x"
        case .abs: return "abs(x): the absolute value"
        case .lower: return "lower(s): s in lower case"
        case .upper: return "upper(s): s in upper case"
        case .len: return "len(s): the number of characters in s"
        case .trim: return "trim(s): s without leading and trailing spaces"
        case .fold: return "fold(s): s in lower case without accents (đ → d), as ~ and =~ compare"
        case .starts_with: return "starts_with(s, prefix): whether s starts with prefix"
        case .ends_with: return "ends_with(s, suffix): whether s ends with suffix"
        case .int: return "int(x): x as an integer (decimals are cut toward zero, text is parsed)"
        case .decimal: return "decimal(x): x as a decimal number"
        case .text: return "text(x): x as text"
        case .percent: return "percent(x): 100 × x ÷ the sum of x over the table"
        case .value: return "value(t): the value in a table of one column and one row (null when it has no rows): value(plans | where indicator == \"new_htx\" | select target)"
        case .merged: return "merged(province): the province an old province belongs to since 1 July 2025: merged(\"Bắc Giang\") → \"Bắc Ninh\"; a name that is no old province stays as it is"
        case .label: return "label(code): the label of a code in the session's language: label(\"agriculture\") → \"nông nghiệp\""
        case .fmt: return "fmt(x, decimals): a number or date written for people: fmt(1915) → \"1.915\", fmt(3.25, 1) → \"3,3\""
        case .pct: return "pct(x, decimals): a percentage written for people: pct(87.1) → \"87%\", pct(86.7, 1) → \"86,7%\""
        case .vnd: return "vnd(amount, unit): money in words: vnd(1456000000) → \"1 tỷ 456 triệu đồng\"; vnd(28900000000, \"tỷ\") → \"28,9 tỷ đồng\""
        case .date_vi: return "date_vi(d): a date the Vietnamese way: date_vi(date(\"2022-12-23\")) → \"23/12/2022\""
        }
    }

    /// Functions whose result depends on the session's language.
    var usesLanguage: Bool { [.label, .fmt, .pct, .vnd, .date_vi].contains(self) }

    /// Allowed argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .today: return 0...0
        case .round, .fmt, .pct, .vnd: return 1...2
        case .starts_with, .ends_with: return 2...2
        default: return 1...1
        }
    }

    /// The result type for argument types, or a message saying which argument is wrong and why.
    func resultType(_ args: [DataType]) -> Result<DataType, ArgumentProblem> {
        func need(_ i: Int, _ ok: (DataType) -> Bool, _ what: String) -> ArgumentProblem? {
            ok(args[i]) ? nil : ArgumentProblem(index: i, expected: what)
        }
        let numeric: (DataType) -> Bool = { $0.isNumeric }
        let text: (DataType) -> Bool = { $0.fits(.text) }
        let date: (DataType) -> Bool = { $0.fits(.date) }
        let scalar: (DataType) -> Bool = { $0.isScalar }
        var problem: ArgumentProblem?
        let result: DataType
        switch self {
        case .date: problem = need(0, { $0.fits(.text) || $0.fits(.date) }, "text such as \"2022-12-23\""); result = .date
        case .today: result = .date
        case .year, .month, .day, .quarter, .half: problem = need(0, date, "a date"); result = .int
        case .round:
            problem = need(0, numeric, "a number") ?? (args.count > 1 ? need(1, { $0.fits(.int) }, "a whole number of decimals") : nil)
            result = .decimal
        case .floor, .ceil: problem = need(0, numeric, "a number"); result = .int
        case .abs: problem = need(0, numeric, "a number"); result = args[0] == .int ? .int : (args[0] == .decimal ? .decimal : .any)
        case .lower, .upper, .trim, .fold, .label, .merged: problem = need(0, text, "text"); result = .text
        case .len: problem = need(0, text, "text"); result = .int
        case .starts_with, .ends_with: problem = need(0, text, "text") ?? need(1, text, "text"); result = .bool
        case .int: problem = need(0, scalar, "a number or text"); result = .int
        case .decimal: problem = need(0, scalar, "a number or text"); result = .decimal
        case .text: problem = need(0, scalar, "a value"); result = .text
        case .percent: problem = need(0, numeric, "a number"); result = .decimal
        case .fmt:
            problem = need(0, { $0.isNumeric || $0.fits(.date) }, "a number or a date")
                ?? (args.count > 1 ? need(1, { $0.fits(.int) }, "a whole number of decimals") : nil)
            result = .text
        case .pct:
            problem = need(0, numeric, "a number") ?? (args.count > 1 ? need(1, { $0.fits(.int) }, "a whole number of decimals") : nil)
            result = .text
        case .vnd:
            problem = need(0, numeric, "an amount of money") ?? (args.count > 1 ? need(1, text, "a unit: \"tỷ\", \"triệu\" or \"nghìn\"") : nil)
            result = .text
        case .date_vi: problem = need(0, date, "a date"); result = .text
        case .value:
            guard case .table(let schema) = args[0], schema.columns.count == 1 else {
                return .failure(ArgumentProblem(index: 0, expected: "a table of exactly one column (end the pipeline with select or summarize)"))
            }
            result = schema.columns[0].type
        }
        if let problem { return .failure(problem) }
        return .success(result)
    }
}

struct ArgumentProblem: Error {
    var index: Int
    var expected: String
}

extension AggregateFunction {
    /// What the aggregate does, for help and error messages.
    public var summary: String {
        switch self {
        case .count: return "count(): the number of rows; count(x): of rows where x is not null"
        case .count_if: return "count_if(cond): the number of rows where cond is true"
        case .sum: return "sum(x): the total of a number column"
        case .avg: return "avg(x): the mean of a number column, as a decimal"
        case .min: return "min(x): the smallest value"
        case .max: return "max(x): the largest value"
        case .median: return "median(x): the middle value of a number column"
        case .count_distinct: return "count_distinct(x): the number of different non-null values"
        }
    }

    var arity: ClosedRange<Int> { self == .count ? 0...1 : 1...1 }

    func resultType(_ arg: DataType?) -> Result<DataType, ArgumentProblem> {
        switch self {
        case .count, .count_distinct: return .success(.int)
        case .count_if:
            return arg.map { $0.fits(.bool) } ?? false ? .success(.int) : .failure(ArgumentProblem(index: 0, expected: "a condition (true or false)"))
        case .sum:
            guard let arg, arg.isNumeric else { return .failure(ArgumentProblem(index: 0, expected: "a number")) }
            return .success(arg == .decimal ? .decimal : (arg == .int ? .int : .any))
        case .avg, .median:
            guard let arg, arg.isNumeric || (self == .median && arg == .date) else {
                return .failure(ArgumentProblem(index: 0, expected: "a number"))
            }
            return .success(self == .median && arg == .date ? .date : .decimal)
        case .min, .max:
            guard let arg, arg.isScalar else { return .failure(ArgumentProblem(index: 0, expected: "a column value")) }
            return .success(arg)
        }
    }
}
