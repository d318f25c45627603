/// Declared columns a file leaves out: an office's register often lacks what it does not track
/// (`value_chain`, `commune`). Each loads as all-null, and the file gets one notice naming them,
/// unless every one of them is a column the data model expects to be empty at times
/// (`SchemaColumn.nullable`: `tax_code`, `certified_on`), which a file may leave out quietly.
enum MissingColumns {
    /// The table with every declared column it lacks appended, all null, in the schema's order;
    /// and the notice naming them, or nil when none is missing.
    static func complete(_ table: Table, schema: SchemaTable?, tableName: String,
                         path: String) -> (table: Table, notice: Diagnostic?) {
        guard let schema else { return (table, nil) }
        let present = Set(table.schema.names)
        let missing = schema.columns.filter { !present.contains($0.name) }
        guard !missing.isEmpty else { return (table, nil) }
        let names = table.schema.names + missing.map(\.name)
        let columns = table.columns + missing.map { Column.nulls($0.type, count: table.rowCount) }
        let completed = Table(names: names, columns: columns, qualifier: tableName)
        guard missing.contains(where: { !$0.nullable }) else { return (completed, nil) }
        let listed = missing.map(\.name).joined(separator: ", ")
        let notice = fileNotice(path, "the file has no column \(listed); "
                                + (missing.count == 1 ? "it loads" : "they load") + " as empty (null) in table \(tableName)",
                                hint: "only \(schema.requiredColumns.joined(separator: ", ")) are required in \(tableName)")
        return (completed, notice)
    }
}

/// A `.data` diagnostic about a whole file, shown as `path: warning: …` (a notice, not an error).
func fileNotice(_ path: String, _ message: String, hint: String? = nil, line: Int = 1) -> Diagnostic {
    Diagnostic(.data, message, in: SourceText(name: path, text: ""), hint: hint, fallbackLocation: (line, 1))
}
