import CoopQLBase

/// A table or a record seen the same way by every renderer: headers, column kinds and cells.
///
/// A record renders as a one-row table; going through this view instead of building a `Table`
/// keeps its values exactly as they are, even when the record's schema says only `any`.
struct RenderGrid {
    /// Column names as shown to a person (`TableSchema.names`).
    let headers: [String]
    /// int and decimal columns: right-aligned in the human formats.
    let numeric: [Bool]
    /// text columns: the ones the box table may cut when the terminal is narrow.
    let text: [Bool]
    let rowCount: Int
    /// What each column's whole numbers are (`NumberRole`): years and ids are written 2022 and
    /// 1249, never 2.022 and 1.249.
    let roles: [NumberRole]
    /// The code list of each column that holds codes of the data model (`cooperatives.sector`).
    let enumerations: [Enumeration?]
    private let source: Source

    private enum Source {
        case table(Table)
        case record(Record)
    }

    /// The grid of a table or record; nil for any other value.
    init?(_ value: Value) {
        switch value {
        case .table(let t): self.init(t)
        case .record(let r): self.init(r)
        default: return nil
        }
    }

    init(_ t: Table) {
        headers = t.schema.names
        numeric = t.columns.map { $0.type == .int || $0.type == .decimal }
        text = t.columns.map { $0.type == .text }
        roles = t.schema.columns.map { NumberRole.of(name: $0.name) }
        enumerations = t.schema.columns.map { CoreSchema.enumeration(table: $0.qualifier, column: $0.name) }
        rowCount = t.rowCount
        source = .table(t)
    }

    /// A record as a one-row grid.
    init(_ r: Record) {
        headers = Array(r.schema.names.prefix(r.values.count))
        // A record field's schema type may be `any`; the value itself says what it is.
        let types = zip(r.schema.columns, r.values).map { $1.isNull ? $0.type : $1.type }
        numeric = types.map { $0 == .int || $0 == .decimal }
        text = types.map { $0 == .text }
        roles = r.schema.columns.prefix(r.values.count).map { NumberRole.of(name: $0.name) }
        enumerations = r.schema.columns.prefix(r.values.count).map { CoreSchema.enumeration(table: $0.qualifier, column: $0.name) }
        rowCount = 1
        source = .record(r)
    }

    var columnCount: Int { headers.count }

    /// A cell as the human formats write it; nil for null. With `labels`, a code shows as its
    /// label in `language`.
    func cell(row: Int, column: Int, style: NumberStyle, labels: Language? = nil, localDates: Bool = false) -> String? {
        let v = value(row: row, column: column)
        if roles[column].isLabel, case .int(let i) = v { return String(i) }
        if localDates, case .date(let d) = v { return style == .vietnamese ? Formatting.dateVi(d) : d.iso }
        if let language = labels, let e = enumerations[column], case .text(let code) = v, let l = e.label(code, language) {
            return l
        }
        return HumanText.cell(v, style: style)
    }

    func value(row: Int, column: Int) -> Value {
        switch source {
        case .table(let t): return t.columns[column][row]
        case .record(let r): return r.values[column]
        }
    }
}
