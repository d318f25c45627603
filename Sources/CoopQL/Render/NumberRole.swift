/// Whether a whole number counts something or only names something.
///
/// A quantity (95.035 members, 1.915 attendees) is written with its thousands grouped, because a
/// person reads it as an amount. A year (2018) or an id (1249) is a label that happens to be
/// written in digits: grouped, it misreads as an amount (2.018, 1.249), so it is written plain in
/// every format. This file is the one place that decides which numbers are labels:
///
/// - **By column or name.** `year`, `years`, `năm`, a name ending in `_year` or `_years`
///   (`birth_year`, `report_year`) or starting with `year_` (`year_founded`, the name `year(founded)`
///   gets when left unnamed) holds years; `id` and a name ending in `_id` (`coop_id`) holds ids.
///   The name is the column's, the parameter's, the `let`'s or the row field's.
/// - **By expression.** `year(…)` is a year, and so are `year(…) + 1`, `year(…) - 1`, a range
///   whose ends are years, and a range of two literal years (`2018..2022`, both ends from 1900 to
///   2100), so a `for` over such a range yields years.
///
/// A column named otherwise (`y = year(founded)`) is a quantity: name it `year` or `…_year`.
///
/// The other half of the rule is `RenderOptions.groupLoneValue`: a single value that `coopql -c`
/// writes to a pipe or a file is plain (`5000684`), so `n=$(coopql -c '… | count')` works in a
/// shell script, while at a terminal it stays grouped (`5.000.684`) for the person reading it.
public enum NumberRole: Sendable, Equatable {
    /// An amount: grouped for people.
    case quantity
    /// A calendar year: plain.
    case year
    /// A record's number: plain.
    case identifier

    /// Whether numbers in this role are written without grouping.
    public var isLabel: Bool { self != .quantity }

    /// The role of the values of a column, parameter, variable or field called `name`.
    public static func of(name: String) -> NumberRole {
        let n = name.lowercased()
        if n == "year" || n == "years" || n == "năm" || n.hasSuffix("_year") || n.hasSuffix("_years")
            || n.hasPrefix("year_") {
            return .year
        }
        if n == "id" || n.hasSuffix("_id") { return .identifier }
        return .quantity
    }

    /// The role of an expression's value, as far as its form tells: `year(…)` is a year; a name
    /// takes the role of its name (see `of(name:)`).
    static func of(_ e: BoundExpr, locals: [Int: NumberRole] = [:]) -> NumberRole {
        switch e.kind {
        case .builtin(.year, _): return .year
        case .parameter(let name), .global(let name): return of(name: name)
        case .local(let slot): return locals[slot] ?? .quantity
        case .field(let base, let i):
            switch base.type {
            case .record(let schema), .table(let schema):
                return i < schema.columns.count ? of(name: schema.columns[i].name) : .quantity
            default: return .quantity
            }
        case .binary(.add, let a, _), .binary(.subtract, let a, _):
            return of(a, locals: locals) == .year ? .year : .quantity
        case .range(let a, let b):
            if of(a, locals: locals) == .year || of(b, locals: locals) == .year { return .year }
            if case .constant(.int(let x)) = a.kind, case .constant(.int(let y)) = b.kind,
               (1900...2100).contains(x), (1900...2100).contains(y) {
                return .year
            }
            return .quantity
        case .pipeline:
            // `{{ t | summarize year = max(year) }}`: a one-column result takes its column's role.
            if case .table(let schema) = e.type, schema.columns.count == 1 { return of(name: schema.columns[0].name) }
            return .quantity
        default: return .quantity
        }
    }

    /// An integer as people read it in this role: grouped for a quantity, plain for a label.
    public func text(_ i: Int64, style: NumberStyle) -> String {
        isLabel ? String(i) : formatInteger(i, style: style)
    }
}
