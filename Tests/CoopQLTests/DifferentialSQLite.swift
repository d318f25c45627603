import CSQLite
import Foundation
@testable import CoopQL
@testable import CoopQLBase

/// One cell of an answer, as both engines' answers are compared: numbers of any type as one
/// kind (an int 2 and a decimal 2.0 are the same answer; SQLite has no decimal type), NaN on
/// its own (SQLite has no NaN: the translation stands +∞ for it, see `DifferentialQuery`).
enum AnswerCell: Hashable, Comparable, CustomStringConvertible {
    case null
    case nan
    case number(Double)
    case text(String)

    /// CoopQL's value as an answer cell; bools as 0 and 1, as SQLite gives them.
    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .int(let i): self = .number(Double(i))
        case .decimal(let d): self = d.isNaN ? .nan : .number(d)
        case .bool(let b): self = .number(b ? 1 : 0)
        case .text(let s): self = .text(s)
        default: self = .text("\(value)")
        }
    }

    /// Whether two cells are the same answer, numbers within rounding (sums and averages may add
    /// in a different order).
    func matches(_ other: AnswerCell) -> Bool {
        if case .number(let a) = self, case .number(let b) = other {
            return a == b || abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        }
        return self == other
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .nan: return "NaN"
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .text(let s): return "\"\(s)\""
        }
    }
}

/// An in-memory SQLite database through its C library, with the Vietnamese collation CoopQL
/// sorts text by registered as `VI`.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        guard sqlite3_open(":memory:", &handle) == SQLITE_OK else { throw Failure(description: "cannot open SQLite") }
        let status = sqlite3_create_collation_v2(handle, "VI", SQLITE_UTF8, nil, { _, n1, p1, n2, p2 in
            let a = String(decoding: UnsafeRawBufferPointer(start: p1, count: Int(n1)), as: UTF8.self)
            let b = String(decoding: UnsafeRawBufferPointer(start: p2, count: Int(n2)), as: UTF8.self)
            return vietnameseLess(a, b) ? -1 : (vietnameseLess(b, a) ? 1 : 0)
        }, nil)
        guard status == SQLITE_OK else { throw Failure(description: "cannot register the VI collation") }
    }

    deinit { sqlite3_close(handle) }

    private var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs SQL that returns no rows.
    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw Failure(description: "\(lastError) in: \(sql)")
        }
    }

    /// Creates a table and fills it: `cells` row by row, NaN stored as +∞.
    func createTable(_ name: String, columns: [(name: String, sqlType: String)], rows: [[Value]]) throws {
        try execute("CREATE TABLE \(name) (" + columns.map { "\"\($0.name)\" \($0.sqlType)" }.joined(separator: ", ") + ")")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "INSERT INTO \(name) VALUES (\(placeholders))", -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: lastError)
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for row in rows {
            sqlite3_reset(statement)
            for (i, value) in row.enumerated() {
                let index = Int32(i + 1)
                switch value {
                case .int(let n): sqlite3_bind_int64(statement, index, n)
                case .decimal(let d): sqlite3_bind_double(statement, index, d.isNaN ? .infinity : d)
                case .bool(let b): sqlite3_bind_int64(statement, index, b ? 1 : 0)
                case .text(let s): sqlite3_bind_text(statement, index, s, -1, transient)
                default: sqlite3_bind_null(statement, index)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw Failure(description: lastError) }
        }
    }

    /// The rows a query gives; ±∞ read back as NaN (the data holds no infinities).
    func rows(_ sql: String) throws -> [[AnswerCell]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: "\(lastError) in: \(sql)")
        }
        defer { sqlite3_finalize(statement) }
        var result: [[AnswerCell]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw Failure(description: "\(lastError) in: \(sql)") }
            result.append((0..<sqlite3_column_count(statement)).map { i in
                switch sqlite3_column_type(statement, i) {
                case SQLITE_NULL: return .null
                case SQLITE_INTEGER: return .number(Double(sqlite3_column_int64(statement, i)))
                case SQLITE_FLOAT:
                    let d = sqlite3_column_double(statement, i)
                    return d.isInfinite || d.isNaN ? .nan : .number(d)
                default: return .text(String(cString: sqlite3_column_text(statement, i)))
                }
            })
        }
        return result
    }
}
