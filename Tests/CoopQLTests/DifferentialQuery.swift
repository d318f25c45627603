@testable import CoopQL
@testable import CoopQLBase
@testable import CoopQLSample

/// A random well-typed pipeline over `DifferentialData`, written in CoopQL and translated to one
/// SQLite query (a chain of common table expressions, one a stage).
///
/// Stages: `join` and `left join` (first), `where`, `extend`, `select`, `sort`, `take`, `top`,
/// `distinct`, `summarize … by` with every aggregate, `count by`, `count` (last) and `pivot`
/// (last). How each answer is compared:
/// - Rows are compared as a multiset, unless a `sort` or `top` fixed their order and only stages
///   that keep it came after (`where`, `extend`, `select`, `take`): then in order. `sort` and
///   `top` order by their keys and then by every other column, so the order is total, as SQL
///   needs it to be; the SQL numbers the rows (`__ord`) and keeps the numbers along.
/// - `median`, which SQLite lacks, is the mean of the middle one or two of the group's values,
///   picked by `row_number()` in a correlated subquery.
/// - `pivot AGG by R, C` is compared with SQL's `GROUP BY R, C`: CoopQL's answer is unpivoted to
///   (R, C's value as a column name, cell), leaving out the cells a pivot fills for a missing
///   pair (0 for counts, null for the rest), and so is SQL's.
struct DifferentialQuery {
    enum Answer { case table(ordered: Bool), count, pivot(fill: AnswerCell) }

    var coop: String
    var sql: String
    var answer: Answer

    /// The generator's state between stages.
    private struct State {
        var columns: [DifferentialColumn]
        var ordered = false
        var ctes: [String] = []
        var stages: [String] = []
        var names = 0

        var current: String { "c\(ctes.count - 1)" }
        mutating func add(_ coop: String, _ sql: String) { stages.append(coop); ctes.append(sql) }
        mutating func fresh(_ prefix: String) -> String { names += 1; return "\(prefix)\(names)" }
        /// The SQL column list, with the row numbers when the order is kept.
        var list: String { (columns.map(\.sql) + (ordered ? ["__ord"] : [])).joined(separator: ", ") }
        var expressions: DifferentialExpressions { DifferentialExpressions(columns: columns) }
    }

    static let tColumns = [DifferentialColumn(name: "id", kind: .int), DifferentialColumn(name: "k", kind: .text),
                           DifferentialColumn(name: "g", kind: .int), DifferentialColumn(name: "x", kind: .int),
                           DifferentialColumn(name: "d", kind: .decimal, mayBeNaN: true), DifferentialColumn(name: "b", kind: .bool)]
    static let uColumns = [DifferentialColumn(name: "id", kind: .int), DifferentialColumn(name: "k", kind: .text),
                           DifferentialColumn(name: "g", kind: .int), DifferentialColumn(name: "y", kind: .int)]

    init(random r: inout SampleRandom) {
        var s = State(columns: Self.tColumns)
        s.ctes.append("SELECT \(s.list) FROM t")
        var source = "t"
        if r.chance(0.25) { Self.join(&s, &r, &source) }
        var answer = Answer.table(ordered: false)
        for _ in 0..<r.int(1...4) {
            let roll = r.below(100)
            if roll < 5 {
                s.stages.append("count")
                s.ctes.append("SELECT count(*) FROM \(s.current)")
                answer = .count
                break
            }
            if roll < 13, let fill = Self.pivot(&s, &r) {
                answer = .pivot(fill: fill)
                break
            }
            Self.stage(&s, &r, roll: roll)
        }
        if case .table = answer { answer = .table(ordered: s.ordered) }
        coop = ([source] + s.stages).joined(separator: " | ")
        let ctes = s.ctes.enumerated().map { "c\($0.offset) AS (\($0.element))" }.joined(separator: ",\n  ")
        switch answer {
        case .table(let ordered):
            sql = "WITH \(ctes)\nSELECT \(s.columns.map(\.sql).joined(separator: ", ")) FROM \(s.current)"
                + (ordered ? " ORDER BY __ord" : "")
        case .count, .pivot:
            sql = "WITH \(ctes)\nSELECT * FROM \(s.current)"
        }
        self.answer = answer
    }

    /// `t | join u on …` or `left join`: the columns both tables have are named `t.id`, `u.id`.
    private static func join(_ s: inout State, _ r: inout SampleRandom, _ source: inout String) {
        let key = r.pick(["k", "g"])
        let left = r.chance(0.5)
        source = "t | \(left ? "left join" : "join") u on t.\(key) == u.\(key)"
        let shared: Set = ["id", "k", "g"]
        func named(_ c: DifferentialColumn, _ table: String) -> DifferentialColumn {
            var c = c
            if shared.contains(c.name) { c.name = "\(table).\(c.name)" }
            return c
        }
        let columns = tColumns.map { named($0, "t") } + uColumns.map { named($0, "u") }
        let picks = tColumns.map { "l.\($0.sql) AS \(named($0, "t").sql)" } + uColumns.map { "r.\($0.sql) AS \(named($0, "u").sql)" }
        s.ctes.append("SELECT \(picks.joined(separator: ", ")) FROM c0 AS l \(left ? "LEFT JOIN" : "JOIN") u AS r ON l.\"\(key)\" = r.\"\(key)\"")
        s.columns = columns
    }

    private static func stage(_ s: inout State, _ r: inout SampleRandom, roll: Int) {
        let e = s.expressions
        switch roll {
        case ..<30:
            let c = e.condition(&r)
            s.add("where \(c.coop)", "SELECT \(s.list) FROM \(s.current) WHERE \(c.sql)")
        case ..<42:
            var coop: [String] = [], sql: [String] = []
            let list = s.list
            for _ in 0..<r.int(1...2) {
                let x = e.any(&r), name = s.fresh("e")
                coop.append("\(name) = \(x.coop)"); sql.append("\(x.sql) AS \"\(name)\"")
                s.columns.append(DifferentialColumn(name: name, kind: x.kind, mayBeNaN: x.mayBeNaN))
            }
            s.add("extend " + coop.joined(separator: ", "), "SELECT \(list), \(sql.joined(separator: ", ")) FROM \(s.current)")
        case ..<50:
            var picked = s.columns
            r.shuffle(&picked)
            // Selected names stay unique: `t.k` and `u.k` keep their qualified names.
            s.columns = Array(picked.prefix(r.int(1...picked.count)))
            s.add("select " + s.columns.map(\.name).joined(separator: ", "), "SELECT \(s.list) FROM \(s.current)")
        case ..<60:
            let (coop, order) = sortKeys(s, &r)
            let previous = s.current
            s.ordered = true
            s.add("sort by \(coop)", "SELECT \(s.columns.map(\.sql).joined(separator: ", ")), row_number() OVER (ORDER BY \(order)) AS __ord FROM \(previous)")
        case ..<66 where s.ordered:
            let n = r.int(0...6)
            s.add("take \(n)", "SELECT \(s.list) FROM \(s.current) ORDER BY __ord LIMIT \(n)")
        case ..<72:
            let n = r.int(1...6)
            let (coop, order) = sortKeys(s, &r)
            let previous = s.current
            s.ordered = true
            s.add("top \(n) by \(coop)",
                  "SELECT \(s.columns.map(\.sql).joined(separator: ", ")), row_number() OVER (ORDER BY \(order)) AS __ord FROM \(previous) ORDER BY __ord LIMIT \(n)")
        case ..<78:
            var picked = s.columns
            r.shuffle(&picked)
            let all = r.chance(0.3)
            if !all { picked = Array(picked.prefix(r.int(1...min(3, picked.count)))) } else { picked = s.columns }
            let previous = s.current
            s.ordered = false
            s.columns = picked
            s.add(all ? "distinct" : "distinct " + picked.map(\.name).joined(separator: ", "),
                  "SELECT DISTINCT \(picked.map(\.sql).joined(separator: ", ")) FROM \(previous)")
        case ..<88:
            summarize(&s, &r, countOnly: false)
        default:
            summarize(&s, &r, countOnly: true)
        }
    }

    /// One or two keys with an explicit direction each, then every other column ascending.
    private static func sortKeys(_ s: State, _ r: inout SampleRandom) -> (coop: String, sql: String) {
        var columns = s.columns
        r.shuffle(&columns)
        let leading = r.int(1...min(2, columns.count))
        var coop: [String] = [], sql: [String] = []
        for (i, c) in columns.enumerated() {
            let descending = i < leading && r.chance(0.5)
            coop.append("\(c.name) \(descending ? "desc" : "asc")")
            // Nulls last in either direction; NaN (+∞) after every number ascending.
            let collate = c.kind == .text ? " COLLATE VI" : ""
            sql.append("(\(c.sql) IS NULL), \(c.sql)\(collate)\(descending ? " DESC" : "")")
        }
        return (coop.joined(separator: ", "), sql.joined(separator: ", "))
    }

    /// Up to two keys with different names from the columns at hand.
    private static func keys(_ s: State, _ r: inout SampleRandom, count: ClosedRange<Int>,
                             avoiding taken: String? = nil) -> [DifferentialColumn] {
        var columns = s.columns.filter { $0.baseName != taken }
        r.shuffle(&columns)
        var keys: [DifferentialColumn] = []
        for c in columns where keys.count < r.int(count) && !keys.contains(where: { $0.baseName == c.baseName }) {
            keys.append(c)
        }
        return keys
    }

    /// `summarize a1 = …, … by keys` or `count by keys`.
    private static func summarize(_ s: inout State, _ r: inout SampleRandom, countOnly: Bool) {
        // `count by` names its own column `count`: a key may not take that name.
        let keys = keys(s, &r, count: countOnly ? 1...2 : 0...2, avoiding: countOnly ? "count" : nil)
        guard !keys.isEmpty || !countOnly else { return }
        var coop: [String] = [], sql: [String] = []
        var columns = keys.map { DifferentialColumn(name: $0.baseName, kind: $0.kind, mayBeNaN: $0.mayBeNaN) }
        if countOnly {
            sql.append("count(*) AS \"count\"")
            columns.append(DifferentialColumn(name: "count", kind: .int))
        } else {
            for _ in 0..<r.int(1...3) {
                let name = s.fresh("a")
                let a = aggregate(s, &r, keys: keys, from: s.current)
                coop.append("\(name) = \(a.coop)"); sql.append("\(a.sql) AS \"\(name)\"")
                columns.append(DifferentialColumn(name: name, kind: a.kind, mayBeNaN: a.mayBeNaN))
            }
        }
        let by = keys.isEmpty ? "" : " by " + keys.map(\.name).joined(separator: ", ")
        let select = (keys.map { "o.\($0.sql) AS \"\($0.baseName)\"" } + sql).joined(separator: ", ")
        let group = keys.isEmpty ? "" : " GROUP BY " + keys.map { "o.\($0.sql)" }.joined(separator: ", ")
        let previous = s.current
        s.ordered = false
        s.columns = columns
        s.add(countOnly ? "count\(by)" : "summarize " + coop.joined(separator: ", ") + by,
              "SELECT \(select) FROM \(previous) AS o\(group)")
    }

    /// One aggregate of the rows of a group (`o` in the SQL), in both languages.
    private static func aggregate(_ s: State, _ r: inout SampleRandom, keys: [DifferentialColumn],
                          from table: String) -> DifferentialExpression {
        let e = s.expressions
        switch r.below(9) {
        case 0: return DifferentialExpression(coop: "count()", sql: "count(*)", kind: .int)
        case 1:
            let x = e.column(r.pick(s.columns))
            return DifferentialExpression(coop: "count(\(x.coop))", sql: "count(\(x.sql))", kind: .int)
        case 2:
            let c = e.condition(&r, depth: 1)
            return DifferentialExpression(coop: "count_if(\(c.coop))", sql: "count(CASE WHEN \(c.sql) THEN 1 END)", kind: .int)
        case 3:
            let x = e.number(&r)
            return DifferentialExpression(coop: "sum(\(x.coop))", sql: "sum(\(x.sql))", kind: x.kind, mayBeNaN: x.mayBeNaN)
        case 4:
            let x = e.number(&r)
            return DifferentialExpression(coop: "avg(\(x.coop))", sql: "avg(\(x.sql))", kind: .decimal, mayBeNaN: x.mayBeNaN)
        case 5, 6:
            let f = r.chance(0.5) ? "min" : "max"
            if r.chance(0.3), let t = e.text(&r) {
                return DifferentialExpression(coop: "\(f)(\(t.coop))", sql: "\(f)(\(t.sql) COLLATE VI)", kind: .text)
            }
            let x = e.number(&r)
            return DifferentialExpression(coop: "\(f)(\(x.coop))", sql: "\(f)(\(x.sql))", kind: x.kind, mayBeNaN: x.mayBeNaN)
        case 7:
            let x = e.number(&r)
            let same = keys.map { "i.\($0.sql) IS o.\($0.sql)" }
            let matching = same.isEmpty ? "" : " WHERE " + same.joined(separator: " AND ")
            let sql = """
                (SELECT avg(v) FROM (SELECT v, row_number() OVER (ORDER BY v) AS n, count(*) OVER () AS m \
                FROM (SELECT \(x.sql) AS v FROM \(table) AS i\(matching)) WHERE v IS NOT NULL) \
                WHERE n IN ((m + 1) / 2, (m + 2) / 2))
                """
            // Without keys the subquery is the same for every row: `max` of it keeps the SELECT an
            // aggregate one (one row, even when every aggregate is a `median`; null for no rows).
            return DifferentialExpression(coop: "median(\(x.coop))", sql: keys.isEmpty ? "max(\(sql))" : sql,
                                          kind: .decimal, mayBeNaN: x.mayBeNaN)
        default:
            let x = r.chance(0.3) ? (e.text(&r) ?? e.int(&r)) : e.column(r.pick(s.columns))
            return DifferentialExpression(coop: "count_distinct(\(x.coop))", sql: "count(DISTINCT \(x.sql))", kind: .int)
        }
    }

    /// `pivot AGG by R, C`, translated to (R, C as text, AGG) grouped by R and C; returns the value
    /// the pivot fills in for a pair with no rows (nil, and no stage, when no column can name the
    /// pivot's columns).
    private static func pivot(_ s: inout State, _ r: inout SampleRandom) -> AnswerCell? {
        let row = r.pick(s.columns)
        let columnKeys = s.columns.filter { $0.kind == .text || $0.kind == .int }
        guard let column = columnKeys.isEmpty ? nil : r.pick(columnKeys) else { return nil }
        let a = aggregate(s, &r, keys: [row, column], from: s.current)
        let counts = a.coop.hasPrefix("count")
        let previous = s.current
        s.add("pivot \(a.coop) by \(row.name), \(column.name)",
              "SELECT o.\(row.sql), coalesce(CAST(o.\(column.sql) AS TEXT), 'null'), \(a.sql) FROM \(previous) AS o GROUP BY o.\(row.sql), o.\(column.sql)")
        return counts ? .number(0) : .null
    }
}
