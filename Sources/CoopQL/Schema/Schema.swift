/// The shape of the cooperative data model: tables, their columns, and the enumerations their
/// codes come from. Declared once (`CoreSchema`); the loader, the checker, `.schema`, completion,
/// help and the renderers all read it from there.
public struct SchemaTable: Sendable {
    public let name: String
    public let description: String
    public let columns: [SchemaColumn]
    /// The column that identifies a row (unique, not null), if any.
    public let key: String?

    public func column(_ name: String) -> SchemaColumn? { columns.first { $0.name == name } }

    /// The table schema a loaded table of this kind has.
    public var tableSchema: TableSchema {
        TableSchema(columns.map { ColumnSchema($0.name, $0.type, qualifier: name) })
    }
}

public struct SchemaColumn: Sendable {
    public let name: String
    public let type: DataType
    /// Whether the column may hold null; a required column must be present in a loaded file and
    /// hold a value in every row.
    public let nullable: Bool
    /// The enumeration its codes come from, for text columns that hold codes.
    public let enumeration: Enumeration?
    /// The table whose key this column refers to (`coop_id` → cooperatives).
    public let references: String?
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
    public let name: String
    public let values: [(code: String, vi: String, en: String)]

    public var codes: [String] { values.map(\.code) }

    public func label(_ code: String, _ language: Language) -> String? {
        guard let v = values.first(where: { $0.code == code }) else { return nil }
        return language == .vi ? v.vi : v.en
    }
}

/// The language labels and messages for people are written in.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
