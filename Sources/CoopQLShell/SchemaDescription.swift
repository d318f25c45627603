import CoopQL

/// What `.schema` shows for a table: each column's type, whether it may be null, what it means,
/// and for code columns the codes with their labels. Tables the data model knows are described
/// from `CoreSchema`; others from their loaded columns.
public func describeSchema(of name: String, table: Table?, language: Language) -> String {
    var lines: [String] = []
    if let declared = CoreSchema.table(name) {
        lines.append("\(name): \(declared.description)")
        let width = declared.columns.map { $0.name.count }.max() ?? 0
        for c in declared.columns {
            // `?`: a file may leave the column out or empty (null); the others it must fill.
            let type = "\(c.type)" + (declared.requires(c.name) ? "" : "?")
            lines.append("  " + padDisplay(c.name, to: width, alignRight: false) + "  "
                         + padDisplay(type, to: 9, alignRight: false) + c.description)
            if let e = c.enumeration {
                let codes = e.values.map { "\($0.code) (\(language == .vi ? $0.vi : $0.en))" }
                lines.append("  " + String(repeating: " ", count: width + 11) + "codes: " + codes.joined(separator: ", "))
            }
        }
        lines.append("  required in a file: " + declared.requiredColumns.joined(separator: ", ")
                     + "; a column marked ? may be missing or empty (null)")
        let known = declared.columns.map { c in ([c.name] + declared.labels(of: c.name)).joined(separator: " / ") }
        lines.append("  headers accepted (any case, accents optional): " + known.joined(separator: "; "))
        // Columns a loaded file has beyond the declared ones.
        if let table {
            let extra = table.schema.columns.filter { declared.column($0.name) == nil }
            for c in extra { lines.append("  \(c.name)  \(c.type)  (not in the data model)") }
        }
    } else if let table {
        lines.append("\(name): loaded from a file; types inferred")
        let width = table.schema.columns.map { $0.name.count }.max() ?? 0
        for c in table.schema.columns { lines.append("  " + padDisplay(c.name, to: width, alignRight: false) + "  \(c.type)") }
    } else {
        return "no table `\(name)`\n"
    }
    return lines.joined(separator: "\n") + "\n"
}
