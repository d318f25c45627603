/// The type of an expression, as the checker knows it before anything runs.
public indirect enum DataType: Sendable, Hashable, CustomStringConvertible {
    case null          // the literal `null`: fits any scalar type
    case int           // 64-bit integer
    case decimal       // a decimal number
    case bool
    case text
    case date
    case list(DataType)
    case table(TableSchema)
    case record(TableSchema)
    case any           // not known until run time (a function parameter)

    /// The type as messages name it: `int`, `text`, `table(a: int, …)`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .int: return "int"
        case .decimal: return "decimal"
        case .bool: return "bool"
        case .text: return "text"
        case .date: return "date"
        case .list(let e): return "list of \(e)"
        case .table: return "table"
        case .record: return "row"
        case .any: return "any"
        }
    }

    /// A scalar type can live in a column cell.
    public var isScalar: Bool {
        switch self {
        case .null, .int, .decimal, .bool, .text, .date, .any: return true
        default: return false
        }
    }

    /// int, decimal, or not yet known.
    public var isNumeric: Bool { self == .int || self == .decimal || self == .any || self == .null }

    /// True when a value of this type may be used where `other` is expected.
    public func fits(_ other: DataType) -> Bool {
        if self == other || self == .any || other == .any || self == .null { return true }
        if self == .int && other == .decimal { return true }
        if case .list(let a) = self, case .list(let b) = other { return a.fits(b) }
        if case .table = self, case .table = other { return true }
        return false
    }

    /// The common type of several values (a list literal, both branches of `if`), or nil if none.
    public static func unify(_ types: [DataType]) -> DataType? {
        var result: DataType = .null
        for t in types {
            if t == .null || t == result { continue }
            if result == .null { result = t; continue }
            if t == .any || result == .any { result = .any; continue }
            if (t == .int && result == .decimal) || (t == .decimal && result == .int) { result = .decimal; continue }
            if case .table = t, case .table = result { continue }
            return nil
        }
        return result
    }
}

/// One column of a table's schema. `qualifier` is the table the column came from (`cooperatives` in
/// `cooperatives.province`); it lets a joined table tell its two `id` columns apart.
public struct ColumnSchema: Sendable, Hashable {
    /// The column's bare name.
    public var name: String
    /// The type of its cells.
    public var type: DataType
    /// The table it came from (`cooperatives` in `cooperatives.name`), if known.
    public var qualifier: String?
    /// A column of a name and type.
    public init(_ name: String, _ type: DataType, qualifier: String? = nil) {
        self.name = name; self.type = type; self.qualifier = qualifier
    }
}

/// The names and types of a table's columns, in order.
public struct TableSchema: Sendable, Hashable {
    /// The columns, in order.
    public var columns: [ColumnSchema]
    /// A schema of these columns.
    public init(_ columns: [ColumnSchema]) { self.columns = columns }

    /// Column names as shown to a person: the bare name, or `qualifier.name` where two columns
    /// share a bare name.
    public var names: [String] {
        var seen: [String: Int] = [:]
        for c in columns { seen[c.name, default: 0] += 1 }
        return columns.map { c in
            if seen[c.name]! > 1, let q = c.qualifier { return "\(q).\(c.name)" }
            return c.name
        }
    }

    /// The table a list or a range stands for on the left of `|`: one column, `value`.
    public static func listTable(of element: DataType) -> TableSchema {
        TableSchema([ColumnSchema("value", element)])
    }

    /// Index of a column by bare name, or by `qualifier.name`; nil when absent or ambiguous.
    public func index(of name: String) -> Int? {
        if case .found(let i) = lookup(name) { return i }
        return nil
    }

    /// What looking a name up found: one column, none, or several.
    public enum Lookup: Equatable { case found(Int), missing, ambiguous([Int]) }

    /// Finds a column by `name` or `qualifier.name`.
    public func lookup(_ name: String, qualifier: String? = nil) -> Lookup {
        var q = qualifier, n = name
        if q == nil, let dot = name.firstIndex(of: ".") {
            q = String(name[..<dot]); n = String(name[name.index(after: dot)...])
        }
        let hits = columns.indices.filter { i in
            columns[i].name == n && (q == nil || columns[i].qualifier == q)
        }
        switch hits.count {
        case 0: return .missing
        case 1: return .found(hits[0])
        default: return .ambiguous(hits)
        }
    }
}
