/// A value that a CoopQL expression or statement yields.
///
/// Scalars are what a column cell holds; tables are whole results; records are one row of a table
/// (the loop variable of `for s in … { }`); lists come from `[a, b]` and ranges.
public enum Value: Sendable {
    case null
    case int(Int64)
    /// A decimal number (`/` always yields one). Stored as a binary double.
    case decimal(Double)
    case bool(Bool)
    case text(String)
    case date(Day)
    case list([Value])
    case table(Table)
    case record(Record)

    /// Whether this is `.null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The type of this value as the checker names it.
    public var type: DataType {
        switch self {
        case .null: return .null
        case .int: return .int
        case .decimal: return .decimal
        case .bool: return .bool
        case .text: return .text
        case .date: return .date
        case .list(let items): return .list(DataType.unify(items.map(\.type)) ?? .any)
        case .table(let t): return .table(t.schema)
        case .record(let r): return .record(r.schema)
        }
    }

    /// The value as a Double, for arithmetic that mixes ints and decimals.
    public var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .decimal(let d): return d
        default: return nil
        }
    }
}

/// One row of a table, by value: the names and types of its fields and their values.
public struct Record: Sendable {
    /// The names and types of the fields.
    public var schema: TableSchema
    /// The field values, in schema order.
    public var values: [Value]
    /// A record of these fields and values.
    public init(schema: TableSchema, values: [Value]) { self.schema = schema; self.values = values }

    /// The value of a field by name (qualified `t.c` or bare).
    public subscript(field: String) -> Value? {
        guard let i = schema.index(of: field) else { return nil }
        return values[i]
    }
}

extension Value: Equatable {
    /// Structural equality, used by tests and by `==` on lists; numbers compare across int/decimal.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.text(let x), .text(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.record(let x), .record(let y)): return x.values == y.values && x.schema.names == y.schema.names
        case (.table(let x), .table(let y)): return x.schema.names == y.schema.names && x.rows == y.rows
        default:
            if let x = a.asDouble, let y = b.asDouble { return x == y }
            return false
        }
    }
}
