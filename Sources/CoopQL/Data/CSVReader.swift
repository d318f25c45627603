import CoopQLBase

/// Loads a CSV file into a column-stored `Table`.
///
/// The format is RFC 4180 read straight from the bytes:
/// - The first line is the header; its fields name the columns (trimmed and NFC-normalised). A name
///   may not be empty or appear twice.
/// - Fields are separated by commas, or by semicolons when the header line holds semicolons and no
///   comma outside quotes (what Excel writes in locales whose decimal mark is a comma).
/// - A field in double quotes may hold separators, line breaks and quotes written twice (`""`).
///   A quote in the middle of an unquoted field is kept as an ordinary character.
/// - Lines end in LF or CRLF; the last line may lack one. A UTF-8 byte order mark is skipped.
///   Blank lines are skipped, so a one-column file writes a null as `""`.
/// - An empty field (quoted or not) is null.
///
/// When the table is one the schema declares (`LoadOptions.schema`), each column it declares has
/// the declared type and is checked (see `ColumnBuilder`), and the header must hold every column
/// that may not be null. Other columns keep the type guessed from their values: the first type
/// that holds every non-null value in the column: int (an optional `-` and digits that fit 64
/// bits), decimal (digits with one `.` and/or an exponent), date (`YYYY-MM-DD` or `dd/mm/yyyy`,
/// real days only), bool (`true`/`false`, `1`/`0`, `có`/`không`, in any case; a column of 0s and
/// 1s alone stays int), else text. A column of nulls only is text. Text keeps the field exactly as
/// written (NFC-normalised) and is dictionary-encoded.
///
/// Every problem is a `Diagnostic` of kind `.data` whose source is named after the file (its text is
/// not kept: data files can be large), so it prints as `NAME:line:column: error: …` with the line
/// shown (`fallbackLocation` and `excerpt`). Lines count physical lines (a line break inside quotes
/// starts a new one); columns count characters from the start of the line, both from 1.
public enum CSVReader {
    /// Parses CSV bytes; `name` is what messages call the file, `tableName` qualifies the columns
    /// and says which schema table, if any, checks them. Strict whatever `options` say: a row
    /// left out could not be reported here (see `DataFile.load` for the warnings).
    public static func read(bytes: [UInt8], name: String, tableName: String,
                            options: LoadOptions = LoadOptions()) throws(Diagnostic) -> Table {
        var strict = options
        strict.lenient = false
        return try DataFile.load(bytes: bytes, format: .csv, name: name, tableName: tableName, options: strict).table
    }

    /// Reads and parses a CSV file. The table is named after the file without its extension unless
    /// `tableName` says otherwise.
    public static func read(path: String, tableName: String? = nil,
                            options: LoadOptions = LoadOptions()) throws(Diagnostic) -> Table {
        let bytes = try DataFiles.contents(of: path)
        return try read(bytes: bytes, name: path, tableName: tableName ?? DataFiles.tableName(forPath: path), options: options)
    }

    /// The whole load: the header, then the rows in stretches read side by side (see
    /// `loadColumns`), by default one per core. Each stretch infers and decodes every column in a
    /// single pass; a column that turns out text after holding other values is read again as text
    /// where needed, so the scan never keeps every field's position in memory.
    static func parse(_ bytes: [UInt8], tableName: String, schema: SchemaTable? = nil, lenient: Bool = false,
                      parts: Int? = nil, headerMap: HeaderMap = HeaderMap(), numbers: NumberConvention = .auto, path: String = "",
                      lineOf: (Int) -> Int = { _ in 0 }) throws(LoadFailure) -> ScannedFile {
        let start = DataFiles.hasByteOrderMark(bytes) ? 3 : 0
        return try bytes.withUnsafeBufferPointer { (buffer) throws(LoadFailure) -> ScannedFile in
            guard let base = buffer.baseAddress, buffer.count > start else { throw .csv(.empty) }
            // Title rows above the header and a totals row below the data are left out.
            var layout = OfficeLayout.find(base, count: buffer.count, start: start, schema: schema, map: headerMap)
            var parser = CSVParser(base: base, count: buffer.count, start: layout.headerStart)
            var header: (names: [String], offsets: [Int], dataStart: Int)
            do throws(CSVFault) { header = try parser.readHeader() } catch { throw .csv(error) }
            layout.findTotals(base, count: buffer.count, dataStart: header.dataStart, lineOf: lineOf)
            if layout.dataEnd < buffer.count {
                parser = CSVParser(base: base, count: layout.dataEnd, start: layout.headerStart)
            }
            // Headers naming a declared column by a label take its code name.
            do throws(HeaderClash) {
                let matched = try HeaderMatching.columns(for: header.names, schema: schema, map: headerMap)
                header.names = zip(header.names, matched).map { $1 ?? $0 }
            } catch {
                throw .csv(.sameColumn(error.column, first: header.names[error.first], second: header.names[error.second],
                                       at: header.offsets[error.second]))
            }
            if let twice = header.names.indices.first(where: { header.names[..<$0].contains(header.names[$0]) }) {
                let first = header.names.firstIndex(of: header.names[twice])!
                throw .csv(.duplicateColumn(header.names[twice], at: header.offsets[twice], first: first + 1, second: twice + 1))
            }
            let plan = ColumnPlan(tableName: tableName, schema: schema, names: header.names)
            if let missing = plan.missingRequired.first {
                throw .csv(missingColumn(missing, plan: plan, header: header, start: start))
            }
            let parts = parts ?? stretchCount(dataBytes: parser.count - header.dataStart)
            let read = try loadColumns(parser, dataStart: header.dataStart, plan: plan, parts: parts, lenient: lenient, numbers: numbers)
            return ScannedFile(table: Table(names: header.names, columns: read.columns, qualifier: tableName),
                               plan: plan, problems: read.problems,
                               locator: RowLocator(.csv(dataStart: header.dataStart, skipped: read.skipped)),
                               notices: layout.notices(path: path) + read.notes.map { fileNotice(path, $0) })
        }
    }

    /// The fault for a required column the header lacks, pointing at a header name that looks
    /// like a misspelling of it, or else at the header's start.
    private static func missingColumn(_ missing: SchemaColumn, plan: ColumnPlan,
                                      header: (names: [String], offsets: [Int], dataStart: Int), start: Int) -> CSVFault {
        let undeclared = header.names.filter { plan.schema?.column($0) == nil }
        let nearMiss = suggestion(for: missing.name, among: undeclared)
        let at = nearMiss.flatMap { header.names.firstIndex(of: $0) }.map { header.offsets[$0] } ?? start
        let required = plan.schema?.requiredColumns ?? []
        return .missingColumn(missing.name, table: plan.tableName, required: required, nearMiss: nearMiss, at: at)
    }
}
