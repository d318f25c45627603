import CoopQLBase

/// Building tables from host arrays, and reading results cell by cell.
extension Table {
    /// The cells of one column given by the host; nil is a null cell.
    public enum Values: Sendable {
        /// Whole numbers.
        case int([Int64?])
        /// Decimal numbers.
        case decimal([Double?])
        /// Text.
        case text([String?])
        /// True or false.
        case bool([Bool?])
        /// Dates.
        case date([Day?])

        var count: Int {
            switch self {
            case .int(let a): return a.count
            case .decimal(let a): return a.count
            case .text(let a): return a.count
            case .bool(let a): return a.count
            case .date(let a): return a.count
            }
        }

        var column: Column {
            switch self {
            case .int(let a): return Column.from(a.map { $0.map(Value.int) ?? .null }, type: .int)
            case .decimal(let a): return Column.from(a.map { $0.map(Value.decimal) ?? .null }, type: .decimal)
            case .text(let a): return Column.from(a.map { $0.map(Value.text) ?? .null }, type: .text)
            case .bool(let a): return Column.from(a.map { $0.map(Value.bool) ?? .null }, type: .bool)
            case .date(let a): return Column.from(a.map { $0.map(Value.date) ?? .null }, type: .date)
            }
        }
    }

    /// A table from named columns, in the order written:
    ///
    ///     let t = try Table(["name": .text(["An Phú", "Bình Minh"]), "members": .int([12, nil])])
    ///
    /// Throws a `.usage` diagnostic when the columns differ in length or a name repeats.
    public init(_ columns: KeyValuePairs<String, Values>) throws(Diagnostic) {
        var seen = Set<String>()
        for (name, _) in columns where !seen.insert(name).inserted {
            throw Diagnostic(.usage, "the column `\(name)` is given twice")
        }
        let counts = Set(columns.map { $0.value.count })
        guard counts.count <= 1 else {
            throw Diagnostic(.usage, "the columns have different numbers of rows: \(counts.sorted().map(String.init).joined(separator: ", "))")
        }
        self.init(names: columns.map(\.key), columns: columns.map(\.value.column))
    }

    /// The column names, in order, as a person sees them.
    public var columnNames: [String] { schema.names }

    /// The type of each column, in order.
    public var columnTypes: [DataType] { columns.map(\.type) }

    /// The cell at a row and column index, `.null` when empty. Both must be in range.
    public subscript(row: Int, column: Int) -> Value { columns[column][row] }

    /// The cell at a row and a column name; nil when no column has that name.
    public subscript(row: Int, column: String) -> Value? {
        schema.index(of: column).map { columns[$0][row] }
    }
}
