/// A table held column by column: the result of every pipeline stage and what data files load into.
public struct Table: Sendable {
    /// The names and types of the columns.
    public var schema: TableSchema
    /// The columns' storage, in schema order.
    public var columns: [Column]
    /// How many rows it has.
    public var rowCount: Int

    /// A table of these columns; the schema must describe them (a host builds tables more
    /// easily with `Table([name: .int([…]), …])`).
    public init(schema: TableSchema, columns: [Column], rowCount: Int) {
        precondition(schema.columns.count == columns.count, "schema and columns disagree")
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// Builds a table from named columns whose types come from their storage.
    public init(names: [String], columns: [Column], qualifier: String? = nil) {
        let schema = TableSchema(zip(names, columns).map { ColumnSchema($0, $1.type, qualifier: qualifier) })
        self.init(schema: schema, columns: columns, rowCount: columns.first?.count ?? 0)
    }

    /// Rows as values (slow path: scripting, rendering, tests).
    public var rows: [[Value]] {
        (0..<rowCount).map { r in columns.map { $0[r] } }
    }

    /// One row as a record.
    public func record(_ row: Int) -> Record { Record(schema: schema, values: columns.map { $0[row] }) }

    /// The rows named by `selection`, in that order.
    public func gather(_ selection: [Int32]) -> Table {
        Table(schema: schema, columns: columns.map { $0.gather(selection) }, rowCount: selection.count)
    }

    /// The same columns with a new qualifier (what `as name` does to a join's right side).
    public func qualified(by name: String) -> Table {
        var t = self
        for i in t.schema.columns.indices { t.schema.columns[i].qualifier = name }
        return t
    }
}
