@testable import CoopQL
@testable import CoopQLBase
@testable import CoopQLSample

/// The small random data set a differential run queries, the same in CoopQL and in SQLite:
///
///     t(id int, k text, g int, x int, d decimal, b bool)   0–24 rows
///     u(id int, k text, g int, y int)                      0–9 rows
///
/// Every column but `id` holds nulls; `d` holds NaN. The words of `k` are Vietnamese and no two
/// of them sort as equal (a tie between two different texts would leave `min` and the order of
/// rows to chance).
struct DifferentialData {
    static let words = ["an", "ăn", "ân", "bình", "Bình Minh", "cá", "dao", "đào", "ế", "gà", "hạt", "Zê"]

    static let tColumns: [(name: String, type: DataType)] =
        [("id", .int), ("k", .text), ("g", .int), ("x", .int), ("d", .decimal), ("b", .bool)]
    static let uColumns: [(name: String, type: DataType)] = [("id", .int), ("k", .text), ("g", .int), ("y", .int)]

    var t: [[Value]] = []
    var u: [[Value]] = []

    init(random: inout SampleRandom) {
        func maybe(_ value: Value) -> Value { random.chance(0.15) ? .null : value }
        for id in 1...max(1, random.int(0...24)) where random.chance(0.95) {
            let k = maybe(.text(random.pick(Self.words)))
            let g = maybe(.int(Int64(random.int(0...3))))
            let x = maybe(.int(Int64(random.int(-5...20))))
            let d: Value = random.chance(0.1) ? .decimal(.nan) : maybe(.decimal(Double(random.int(-12...12)) / 4))
            let b = maybe(.bool(random.chance(0.5)))
            t.append([.int(Int64(id)), k, g, x, d, b])
        }
        for id in 1...max(1, random.int(0...9)) {
            u.append([.int(Int64(id)), maybe(.text(random.pick(Self.words))), maybe(.int(Int64(random.int(0...3)))),
                      maybe(.int(Int64(random.int(-5...20))))])
        }
    }

    static func table(_ columns: [(name: String, type: DataType)], _ rows: [[Value]]) -> Table {
        Table(names: columns.map(\.name),
              columns: columns.indices.map { i in Column.from(rows.map { $0[i] }, type: columns[i].type) })
    }

    func load(into session: Session) {
        session.addTable("t", Self.table(Self.tColumns, t))
        session.addTable("u", Self.table(Self.uColumns, u))
    }

    func load(into database: SQLiteDatabase) throws {
        func sqlType(_ type: DataType) -> String {
            switch type {
            case .int, .bool: return "INTEGER"
            case .decimal: return "REAL"
            default: return "TEXT"
            }
        }
        try database.createTable("t", columns: Self.tColumns.map { ($0.name, sqlType($0.type)) }, rows: t)
        try database.createTable("u", columns: Self.uColumns.map { ($0.name, sqlType($0.type)) }, rows: u)
    }
}
