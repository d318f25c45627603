/// Loads a CSV file into a column-stored `Table`, guessing each column's type from its values.
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
/// Each column gets the first type that holds every non-null value in it: int (an optional `-` and
/// digits that fit 64 bits), decimal (digits with one `.` and/or an exponent), date (`YYYY-MM-DD` or
/// `dd/mm/yyyy`, real days only), bool (`true`/`false` in any case), else text. A column of nulls
/// only is text. Text keeps the field exactly as written (NFC-normalised) and is dictionary-encoded.
///
/// Every problem is a `Diagnostic` of kind `.data` whose source is named after the file (its text is
/// not kept: data files can be large), so it prints as `NAME:line:column: error: …`; the message
/// also says the line and column in words, and `fallbackLocation` holds them for tools.
/// Lines count physical lines (a line break inside quotes starts a new one); columns count characters
/// from the start of the line, both from 1.
public enum CSVReader {
    /// Parses CSV bytes; `name` is what messages call the file, `tableName` qualifies the columns.
    public static func read(bytes: [UInt8], name: String, tableName: String) throws(Diagnostic) -> Table {
        do {
            return try parse(bytes, tableName: tableName)
        } catch {
            throw error.diagnostic(in: bytes, name: name)
        }
    }

    /// Reads and parses a CSV file. The table is named after the file without its extension unless
    /// `tableName` says otherwise.
    public static func read(path: String, tableName: String? = nil) throws(Diagnostic) -> Table {
        let bytes = try CSVFile.contents(of: path)
        return try read(bytes: bytes, name: path, tableName: tableName ?? CSVFile.tableName(forPath: path))
    }

    /// The whole load: the header, then the rows in stretches read side by side (see
    /// `loadColumns`), by default one per core. Each stretch infers and decodes every column in a
    /// single pass; a column that turns out text after holding other values is read again as text
    /// where needed, so the scan never keeps every field's position in memory.
    static func parse(_ bytes: [UInt8], tableName: String, parts: Int? = nil) throws(CSVFault) -> Table {
        let start = CSVFile.hasByteOrderMark(bytes) ? 3 : 0
        return try bytes.withUnsafeBufferPointer { (buffer) throws(CSVFault) -> Table in
            guard let base = buffer.baseAddress, buffer.count > start else { throw CSVFault.empty }
            var parser = CSVParser(base: base, count: buffer.count, start: start)
            let header = try parser.readHeader()
            let parts = parts ?? stretchCount(dataBytes: buffer.count - header.dataStart)
            let columns = try loadColumns(parser, dataStart: header.dataStart, width: header.names.count, parts: parts)
            return Table(names: header.names, columns: columns, qualifier: tableName)
        }
    }
}
