import CoopQLBase

/// How data files are loaded: strictly (the default: the first problem stops the load and nothing
/// is kept) or leniently (bad rows are left out, one warning each), and which schema types and
/// checks the tables they load as.
public struct LoadOptions: Sendable {
    /// Load the good rows and report each row left out as a warning, instead of stopping at the
    /// first problem. Problems that leave no row to skip (a file that is not UTF-8, an unclosed
    /// quote, a broken JSON array, a missing required column) still stop the load.
    public var lenient: Bool
    /// The tables whose declared columns get the declared type and checks. A file loading as a
    /// table not listed here gets its types inferred from its values.
    public var schema: [SchemaTable]
    /// Headers the user maps to declared columns (`--map`), besides their code names and labels.
    /// A folder's own `headers.map` file is added to these for its files.
    public var headerMap: HeaderMap
    /// What a dot means in a number like `1.500` when the file itself cannot tell.
    public var numbers: NumberConvention = .auto

    /// Options: strict by default, checked against the data model's schema.
    public init(lenient: Bool = false, schema: [SchemaTable] = CoreSchema.tables, headerMap: HeaderMap = HeaderMap()) {
        self.lenient = lenient
        self.schema = schema
        self.headerMap = headerMap
    }

    /// The declared table a file loading as `name` is checked against, if any.
    func schemaTable(_ name: String) -> SchemaTable? { schema.first { $0.name == name } }
}

/// One loaded file: its table and, in lenient mode, a warning for each row left out.
public struct LoadedTable: Sendable {
    /// The table loaded.
    public var table: Table
    /// Rows left out (lenient loading only), one warning each.
    public var warnings: [Diagnostic]
}

/// A loaded folder: its tables in order of file name and, in lenient mode, a warning for each row
/// left out, file by file, then those left out for naming a row another table lacks.
public struct LoadedFolder: Sendable {
    /// The tables loaded, by name.
    public var tables: [(name: String, table: Table)]
    /// Rows left out (lenient loading only), one warning each.
    public var warnings: [Diagnostic]
}

/// The file formats a data folder may hold, told apart by extension (in any case).
public enum DataFormat: String, Sendable, CaseIterable {
    /// `.csv`: comma- or semicolon-separated values with a header line.
    case csv
    /// `.json`: one array of objects.
    case json
    /// `.jsonl` or `.ndjson`: one object per line.
    case jsonLines

    /// The format a file name's extension says, or nil for any other file.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }
}

/// What a dot means in a number written like `1.500` (one to three digits, a dot, three digits).
public enum NumberConvention: String, Sendable, CaseIterable {
    /// The file's other numbers decide: any written the Vietnamese way (`79,5`, `8.879.000.000`)
    /// make it fifteen hundred; otherwise one and a half, with a notice when nothing told.
    case auto
    /// A dot groups thousands (`--numbers vi`).
    case vietnamese = "vi"
    /// A dot is the decimal point (`--numbers en`).
    case international = "en"
}
