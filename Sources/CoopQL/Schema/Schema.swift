import CoopQLBase

/// The shape of the cooperative data model: tables, their columns, and the enumerations their
/// codes come from. Declared once (`CoreSchema`); the loader, the checker, `.schema`, completion,
/// help and the renderers all read it from there.
public struct SchemaTable: Sendable {
    /// The table's name.
    public let name: String
    /// What one row is, for `.schema` and documentation.
    public let description: String
    /// The columns, in file order.
    public let columns: [SchemaColumn]
    /// The column that identifies a row (unique, not null), if any.
    public let key: String?

    /// The column of this name, if any.
    public func column(_ name: String) -> SchemaColumn? { columns.first { $0.name == name } }

    /// The table schema a loaded table of this kind has.
    public var tableSchema: TableSchema {
        TableSchema(columns.map { ColumnSchema($0.name, $0.type, qualifier: name) })
    }
}

/// One declared column: name, type, whether it may be empty, its codes and what it references.
public struct SchemaColumn: Sendable {
    /// The column's name.
    public let name: String
    /// The type of its cells.
    public let type: DataType
    /// Whether the column may hold null; a required column must be present in a loaded file and
    /// hold a value in every row.
    public let nullable: Bool
    /// The enumeration its codes come from, for text columns that hold codes.
    public let enumeration: Enumeration?
    /// The table whose key this column refers to (`coop_id` → cooperatives).
    public let references: String?
    /// What the column holds.
    public let description: String

    init(_ name: String, _ type: DataType, nullable: Bool = false, references: String? = nil, _ description: String) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.enumeration = nil
        self.references = references
        self.description = description
    }

    /// A column of codes from an enumeration.
    init(_ name: String, _ type: DataType, nullable: Bool = false, _ enumeration: Enumeration, _ description: String) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.enumeration = enumeration
        self.references = nil
        self.description = description
    }
}

/// A set of codes with their Vietnamese and English labels.
public struct Enumeration: Sendable {
    /// The enumeration's name.
    public let name: String
    /// Each code with its Vietnamese and English label.
    public let values: [(code: String, vi: String, en: String)]

    /// The codes, in order.
    public var codes: [String] { values.map(\.code) }

    /// The label of a code in a language; nil for an unknown code.
    public func label(_ code: String, _ language: Language) -> String? {
        guard let v = values.first(where: { $0.code == code }) else { return nil }
        return language == .vi ? v.vi : v.en
    }
}

/// The language labels and messages for people are written in.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
