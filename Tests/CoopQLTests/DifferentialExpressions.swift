@testable import CoopQL
@testable import CoopQLBase
@testable import CoopQLSample

/// A column of a pipeline's table while a random query is built: its name (how CoopQL refers to it
/// and names it in the answer; the SQL column is called the same), its kind, and whether it may
/// hold NaN.
struct DifferentialColumn {
    enum Kind { case int, decimal, text, bool }
    var name: String
    var kind: Kind
    var mayBeNaN = false

    /// The column in SQL: its name quoted.
    var sql: String { "\"\(name)\"" }
    /// The name a `by` key or a selected column gets in the answer: `t.k` becomes `k`.
    var baseName: String { name.split(separator: ".").last.map(String.init) ?? name }
}

/// An expression written twice, in CoopQL and in SQL, so that both give the same value.
///
/// The translation, for the documented differences:
/// - `/` gives a decimal: the SQL divides a REAL; a divisor that may be zero is guarded in both
///   (`if d == 0 then null else n / d`, CoopQL's own way), so SQLite's NULL never stands in for
///   CoopQL's error.
/// - NaN: SQLite has none (it stores NULL). The data puts +∞ in its place, which orders after every
///   number as NaN does in CoopQL and compares to a number as NaN does (`>` and `!=` true, `<`
///   and `==` false); an expression that may be NaN is only added to an int, multiplied or
///   divided by a positive constant or compared with a constant, where +∞ stays +∞ (no ∞ − ∞,
///   no 0 · ∞), and every ∞ SQLite gives back reads as NaN.
/// - Text order: SQLite gets CoopQL's Vietnamese collation as `VI`, used wherever text is ordered
///   (`<`, `min`, `max`, `sort`); equality stays exact in both.
struct DifferentialExpression {
    var coop: String
    var sql: String
    var kind: DifferentialColumn.Kind
    var mayBeNaN = false
}

/// Builds random well-typed expressions over the columns at hand.
struct DifferentialExpressions {
    var columns: [DifferentialColumn]

    func of(_ kind: DifferentialColumn.Kind) -> [DifferentialColumn] { columns.filter { $0.kind == kind } }

    func column(_ c: DifferentialColumn) -> DifferentialExpression {
        DifferentialExpression(coop: c.name, sql: c.sql, kind: c.kind, mayBeNaN: c.mayBeNaN)
    }

    func int(_ r: inout SampleRandom, depth: Int = 2) -> DifferentialExpression {
        let ints = of(.int)
        if depth == 0 || r.chance(0.4) {
            if !ints.isEmpty && r.chance(0.8) { return column(r.pick(ints)) }
            let n = r.int(-3...9)
            return DifferentialExpression(coop: "\(n)", sql: "\(n)", kind: .int)
        }
        let a = int(&r, depth: depth - 1), b = int(&r, depth: depth - 1)
        let op = r.pick(["+", "-", "*"])
        return DifferentialExpression(coop: "(\(a.coop) \(op) \(b.coop))", sql: "(\(a.sql) \(op) \(b.sql))", kind: .int)
    }

    func decimal(_ r: inout SampleRandom) -> DifferentialExpression {
        let decimals = of(.decimal)
        switch r.below(6) {
        case 0...1 where !decimals.isEmpty:
            return column(r.pick(decimals))
        case 2 where !decimals.isEmpty:
            let a = column(r.pick(decimals)), b = int(&r, depth: 1)
            return DifferentialExpression(coop: "(\(a.coop) + \(b.coop))", sql: "(\(a.sql) + \(b.sql))", kind: .decimal, mayBeNaN: a.mayBeNaN)
        case 3 where !decimals.isEmpty:
            let a = column(r.pick(decimals)), k = r.pick(["2.0", "0.5", "3.0"])
            let op = r.pick(["*", "/"])
            return DifferentialExpression(coop: "(\(a.coop) \(op) \(k))", sql: "(\(a.sql) \(op) \(k))", kind: .decimal, mayBeNaN: a.mayBeNaN)
        case 4:
            // A divisor that may be zero, guarded as the README says.
            let n = int(&r, depth: 1), d = int(&r, depth: 1)
            return DifferentialExpression(coop: "(if \(d.coop) == 0 then null else \(n.coop) / \(d.coop))",
                                          sql: "(CASE WHEN \(d.sql) = 0 THEN NULL ELSE CAST(\(n.sql) AS REAL) / \(d.sql) END)",
                                          kind: .decimal)
        default:
            let n = int(&r, depth: 1), k = r.int(1...4)
            return DifferentialExpression(coop: "(\(n.coop) / \(k))", sql: "(CAST(\(n.sql) AS REAL) / \(k))", kind: .decimal)
        }
    }

    func number(_ r: inout SampleRandom) -> DifferentialExpression {
        r.chance(0.5) ? int(&r) : decimal(&r)
    }

    func text(_ r: inout SampleRandom) -> DifferentialExpression? {
        guard let c = of(.text).isEmpty ? nil : r.pick(of(.text)) else { return nil }
        let e = column(c)
        if r.chance(0.2) {
            return DifferentialExpression(coop: "(\(e.coop) ?? \"zz\")", sql: "coalesce(\(e.sql), 'zz')", kind: .text)
        }
        return e
    }

    static let comparisons = ["==", "!=", "<", "<=", ">", ">="]

    func condition(_ r: inout SampleRandom, depth: Int = 2) -> DifferentialExpression {
        if depth > 0 && r.chance(0.3) {
            let a = condition(&r, depth: depth - 1)
            switch r.below(3) {
            case 0: return DifferentialExpression(coop: "(not \(a.coop))", sql: "(NOT \(a.sql))", kind: .bool)
            default:
                let b = condition(&r, depth: depth - 1)
                let (c, s) = r.chance(0.5) ? ("and", "AND") : ("or", "OR")
                return DifferentialExpression(coop: "(\(a.coop) \(c) \(b.coop))", sql: "(\(a.sql) \(s) \(b.sql))", kind: .bool)
            }
        }
        let op = r.pick(Self.comparisons)
        let sqlOp = op == "==" ? "=" : op
        switch r.below(6) {
        case 0:
            let a = int(&r), b = int(&r)
            return DifferentialExpression(coop: "(\(a.coop) \(op) \(b.coop))", sql: "(\(a.sql) \(sqlOp) \(b.sql))", kind: .bool)
        case 1:
            // One side that may be NaN, the other a constant.
            let a = decimal(&r), k = Double(r.int(-8...8)) / 4
            return DifferentialExpression(coop: "(\(a.coop) \(op) \(k))", sql: "(\(a.sql) \(sqlOp) \(k))", kind: .bool)
        case 2:
            guard let a = text(&r) else { return condition(&r, depth: depth) }
            let w = r.pick(DifferentialData.words + ["b", "Đ"])
            let collate = op == "==" || op == "!=" ? "" : " COLLATE VI"
            return DifferentialExpression(coop: "(\(a.coop) \(op) \"\(w)\")", sql: "(\(a.sql) \(sqlOp) '\(w)'\(collate))", kind: .bool)
        case 3:
            let c = column(r.pick(columns))
            // NaN is a value, not null: +∞ is not NULL either.
            let isNull = "\(c.sql) IS NULL"
            if r.chance(0.5) { return DifferentialExpression(coop: "(\(c.coop) is null)", sql: "(\(isNull))", kind: .bool) }
            return DifferentialExpression(coop: "(\(c.coop) is not null)", sql: "(NOT (\(isNull)))", kind: .bool)
        case 4 where !of(.bool).isEmpty:
            return column(r.pick(of(.bool)))
        default:
            let a = int(&r), k = r.int(-2...12)
            return DifferentialExpression(coop: "(\(a.coop) \(op) \(k))", sql: "(\(a.sql) \(sqlOp) \(k))", kind: .bool)
        }
    }

    /// Any value for `extend`: a number, a condition or a text.
    func any(_ r: inout SampleRandom) -> DifferentialExpression {
        switch r.below(5) {
        case 0, 1: return int(&r)
        case 2: return decimal(&r)
        case 3: return condition(&r)
        default: return text(&r) ?? int(&r)
        }
    }
}
