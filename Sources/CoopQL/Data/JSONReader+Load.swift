import CoopQLBase

extension JSONReader {
    /// Reads a `.json` file (`lines` false) or a JSON Lines file into a table named `tableName`,
    /// its declared columns checked against `schema`.
    static func parse(_ bytes: [UInt8], tableName: String, schema: SchemaTable?, lenient: Bool,
                      lines: Bool) throws(LoadFailure) -> ScannedFile {
        let start = DataFiles.hasByteOrderMark(bytes) ? 3 : 0
        return try bytes.withUnsafeBufferPointer { (buffer) throws(LoadFailure) -> ScannedFile in
            guard let base = buffer.baseAddress, buffer.count > start else { throw .json(.empty) }
            let plan = ColumnPlan(tableName: tableName, schema: schema, names: schema?.columns.map(\.name) ?? [])
            var first = JSONReader(base: base, count: buffer.count, start: start, plan: plan, lenient: lenient)
            if lines { try first.readLines() } else { try first.readArray() }

            var builders = first.takeBuilders()
            let kinds = builders.map { ColumnBuilder.combinedKind([$0]) }
            // An inferred column that turned text after other values is read again as text.
            let rereads = builders.indices.filter { builders[$0].needsRereading(as: kinds[$0]) }
            if !rereads.isEmpty {
                var second = JSONReader(rereading: rereads, after: first)
                if lines { try second.readLines() } else { try second.readArray() }
                let again = second.takeBuilders()
                for c in rereads { builders[c] = again[c] }
            }

            let vietnamese = builders.contains(where: \.sawVietnamese)
            let output = first.outputColumns
            let columns = output.map { c -> Column in
                var parts = [builders[c]]
                builders[c] = .skipping  // the part's arrays get one owner
                return ColumnBuilder.merge(&parts, as: kinds[c], vietnamese: vietnamese)
            }
            let schemaOfTable = TableSchema(output.indices.map {
                ColumnSchema(first.plan.names[output[$0]], columns[$0].type, qualifier: tableName)
            })
            return ScannedFile(table: Table(schema: schemaOfTable, columns: columns, rowCount: first.rowsTaken),
                               plan: first.plan, problems: first.problems,
                               locator: RowLocator(.json(objectStarts: first.objectStarts)))
        }
    }
}
