/// The columns of a file being loaded, in file order, and what the schema declares for each: a
/// column the table's schema declares gets its type and checks, any other is kept with its type
/// inferred. A file whose table the schema does not know has only inferred columns.
struct ColumnPlan {
    let tableName: String
    let schema: SchemaTable?
    private(set) var names: [String] = []
    /// The schema's column for each name, or nil when it declares none.
    private(set) var declared: [SchemaColumn?] = []
    /// The builder settings of each declared column (the enumeration's codes as a set, made once).
    private var settings: [ColumnBuilder.Declared?] = []

    init(tableName: String, schema: SchemaTable?, names: [String] = []) {
        self.tableName = tableName
        self.schema = schema
        for name in names { append(name) }
    }

    var width: Int { names.count }

    /// Adds a column; returns its index.
    @discardableResult
    mutating func append(_ name: String) -> Int {
        let column = schema?.column(name)
        names.append(name)
        declared.append(column)
        settings.append(column.map { ColumnBuilder.Declared($0, required: schema?.requires($0.name) ?? false) })
        return names.count - 1
    }

    func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// A fresh builder for a column.
    func builder(_ column: Int, reserving reserve: Int) -> ColumnBuilder {
        if let s = settings[column] { return ColumnBuilder(declared: s, reserving: reserve) }
        return ColumnBuilder(reserving: reserve)
    }

    /// Columns checked against the schema, then those inferred: a row's declared cells are taken
    /// first, so a refused row is taken back before any inferred column has seen it.
    var declaredColumns: [Int] { names.indices.filter { declared[$0] != nil } }
    var inferredColumns: [Int] { names.indices.filter { declared[$0] == nil } }

    /// The schema's required columns (see `SchemaTable.requiredColumns`) not among the names.
    var missingRequired: [SchemaColumn] {
        guard let schema else { return [] }
        return schema.columns.filter { schema.requires($0.name) && !names.contains($0.name) }
    }

    /// Whether a file of this table must give a column a value in every row.
    func isRequired(_ column: Int) -> Bool {
        declared[column].map { schema?.requires($0.name) ?? false } ?? false
    }

    /// The type a column is checked against, in words for messages.
    func typeName(_ column: Int) -> String { declared[column].map { "\($0.type)" } ?? "any" }
}
