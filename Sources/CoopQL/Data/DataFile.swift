import CoopQLBase

/// Loads one data file (CSV, JSON or JSON Lines) as a table, checked against the schema.
///
/// A file loading as a table `LoadOptions.schema` declares gets the declared types and checks
/// (see `CSVReader` and `JSONReader` for the formats, `ColumnBuilder` for the values), and its key
/// column may not repeat a value. Strictly (the default) the first problem is thrown; leniently
/// the rows with problems are left out and each becomes a warning (see `LoadOptions.lenient`).
public enum DataFile {
    /// Reads and loads a file; its extension says the format. The table is named after the file
    /// without its extension unless `tableName` says otherwise.
    public static func load(path: String, tableName: String? = nil,
                            options: LoadOptions = LoadOptions()) throws(Diagnostic) -> LoadedTable {
        guard let format = DataFormat(path: path) else {
            throw Diagnostic(.data, "`\(path)` is not a data file CoopQL reads",
                             hint: "data files end in .csv, .json, .jsonl or .ndjson")
        }
        let bytes = try DataFiles.contents(of: path)
        let file = try read(bytes: bytes, format: format, name: path,
                            tableName: tableName ?? DataFiles.tableName(forPath: path), options: options)
        return LoadedTable(table: file.table, warnings: file.warnings)
    }

    /// Loads bytes held in memory; `name` is what messages call them.
    public static func load(bytes: [UInt8], format: DataFormat, name: String, tableName: String,
                            options: LoadOptions = LoadOptions()) throws(Diagnostic) -> LoadedTable {
        let file = try read(bytes: bytes, format: format, name: name, tableName: tableName, options: options)
        return LoadedTable(table: file.table, warnings: file.warnings)
    }

    /// The load, keeping what a folder's later checks need to place problems in the file.
    static func read(bytes: [UInt8], format: DataFormat, name: String, tableName: String,
                     options: LoadOptions) throws(Diagnostic) -> ReadFile {
        let bytes = DataFiles.lineFeedsForCarriageReturns(bytes)
        let lines = DataLines(bytes: bytes, name: name)
        let schema = options.schemaTable(tableName)
        var scanned: ScannedFile
        do throws(LoadFailure) {
            switch format {
            case .csv: scanned = try CSVReader.parse(bytes, tableName: tableName, schema: schema, lenient: options.lenient,
                                                     headerMap: options.headerMap, numbers: options.numbers, path: name, lineOf: lines.line(of:))
            case .json: scanned = try JSONReader.parse(bytes, tableName: tableName, schema: schema, lenient: options.lenient, lines: false)
            case .jsonLines: scanned = try JSONReader.parse(bytes, tableName: tableName, schema: schema, lenient: options.lenient, lines: true)
            }
        } catch {
            throw error.diagnostic(lines)
        }
        // Labels written for codes (`Nông nghiệp`, `HTX`) become the codes.
        for (c, declared) in scanned.plan.declared.enumerated() {
            guard let enumeration = declared?.enumeration,
                  let t = scanned.table.schema.names.firstIndex(of: scanned.plan.names[c]) else { continue }
            scanned.table.columns[t] = CodeLookup(enumeration).canonical(scanned.table.columns[t])
        }
        let completed = MissingColumns.complete(scanned.table, schema: schema, tableName: tableName, path: name)
        var file = ReadFile(name: tableName, path: name, table: completed.table, plan: scanned.plan,
                            locator: scanned.locator, warnings: [])
        var problems = scanned.problems
        if let key = schema?.key {
            problems += try file.leaveOut(file.duplicateKeys(key, lines), lenient: options.lenient, lines)
        }
        // Warnings in file order, whichever check found them.
        let writer = ProblemWriter(lines: lines, plan: scanned.plan)
        file.warnings = scanned.notices + (completed.notice.map { [$0] } ?? [])
            + problems.sorted { $0.at < $1.at }.map { writer.diagnostic($0, skipped: true) }
        return file
    }
}

/// A loaded file as a folder's checks need it: the table, and how to find its rows in the file.
struct ReadFile {
    /// The table's name.
    let name: String
    /// The file's path (what messages call it).
    let path: String
    var table: Table
    let plan: ColumnPlan
    var locator: RowLocator
    var warnings: [Diagnostic]

    /// Rows whose key repeats an earlier row's, in order, each with its problem placed at the repeat.
    func duplicateKeys(_ key: String, _ lines: DataLines) -> [(row: Int, problem: RowProblem)] {
        guard let c = table.schema.names.firstIndex(of: key), let planColumn = plan.index(of: key) else { return [] }
        let repeats = TableChecks.duplicates(in: table.columns[c])
        guard !repeats.isEmpty else { return [] }
        let places = locator.places(of: repeats.flatMap { [$0.row, $0.first] }, column: planColumn, name: key, in: lines.bytes)
        return repeats.compactMap { r in
            guard let place = places[r.row], let first = places[r.first] else { return nil }
            let reason = RowProblem.Reason.duplicate(column: planColumn, value: lines.value(at: place), firstLine: lines.line(of: first.start))
            return (r.row, RowProblem(reason: reason, rowStart: place.rowStart, at: place.start, end: place.end))
        }
    }

    /// Problems found in rows of the whole table, in row order: strictly, the first is thrown;
    /// leniently, their rows are dropped from the table and the problems returned.
    mutating func leaveOut(_ problems: [(row: Int, problem: RowProblem)], lenient: Bool, _ lines: DataLines) throws(Diagnostic) -> [RowProblem] {
        guard let first = problems.first else { return [] }
        guard lenient else { throw ProblemWriter(lines: lines, plan: plan).diagnostic(first.problem, skipped: false) }
        let dropped = Set(problems.map(\.row))
        let kept = (0..<table.rowCount).filter { !dropped.contains($0) }.map { Int32($0) }
        table = table.gather(kept)
        locator.keep(kept)
        return problems.map(\.problem)
    }
}
