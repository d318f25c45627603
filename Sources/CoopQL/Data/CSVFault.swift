/// A problem found while scanning CSV bytes, placed by byte offset. The scan stays free of line
/// counting; `diagnostic(in:name:)` works out the line and column only for the one fault thrown.
enum CSVFault: Error {
    case empty
    case blankHeader
    case unterminatedQuote(at: Int)
    case textAfterQuote(at: Int)
    case fieldCount(rowAt: Int, found: Int, expected: Int)
    case invalidUTF8(at: Int)
    case unnamedColumn(at: Int, index: Int)
    case duplicateColumn(String, at: Int, first: Int, second: Int)

    /// The fault as a `.data` diagnostic. The message starts "in NAME, " and names the line and
    /// column in words; `fallbackLocation` carries them for tools (see `CSVReader`).
    func diagnostic(in bytes: [UInt8], name: String) -> Diagnostic {
        // The file's name leads the message as `path:line:column:`; the message says the rest.
        let source = SourceText(name: name, text: "")
        let quoteRule = "a quote inside a quoted field is written twice: \"\""
        switch self {
        case .empty:
            return Diagnostic(.data, "the file is empty", in: source,
                              hint: "the first line of a CSV file names its columns, e.g. `id,name,province`",
                              fallbackLocation: (1, 1))
        case .blankHeader:
            return Diagnostic(.data, "line 1 is blank, but it should name the columns", in: source,
                              hint: "the first line of a CSV file names its columns, e.g. `id,name,province`",
                              fallbackLocation: (1, 1))
        case .unterminatedQuote(let offset):
            let (line, column) = CSVFault.location(of: offset, in: bytes)
            return Diagnostic(.data, "the quoted field opened at line \(line), column \(column) is never closed", in: source,
                              hint: "a quoted field ends with a quote; \(quoteRule)",
                              fallbackLocation: (line, column))
        case .textAfterQuote(let offset):
            let (line, column) = CSVFault.location(of: offset, in: bytes)
            return Diagnostic(.data, "line \(line), column \(column) has \(CSVFault.describe(byteAt: offset, in: bytes)) right after a closing quote", in: source,
                              hint: "a closing quote must be followed by the separator or the end of the line; \(quoteRule)",
                              fallbackLocation: (line, column))
        case .fieldCount(let offset, let found, let expected):
            let (line, _) = CSVFault.location(of: offset, in: bytes)
            let hint = found > expected
                ? "a value that holds the separator must be written in double quotes"
                : "every row needs one value for each column of the header (an empty one is null)"
            return Diagnostic(.data, "line \(line) has \(found) field\(found == 1 ? "" : "s"), but the header has \(expected)", in: source,
                              hint: hint, fallbackLocation: (line, 1))
        case .invalidUTF8(let offset):
            let (line, column) = CSVFault.location(of: offset, in: bytes)
            return Diagnostic(.data, "line \(line), column \(column) holds a byte that is not UTF-8", in: source,
                              hint: "CoopQL reads CSV files as UTF-8; save the file as UTF-8 (in Excel: “CSV UTF-8”)",
                              fallbackLocation: (line, column))
        case .unnamedColumn(let offset, let index):
            let (line, column) = CSVFault.location(of: offset, in: bytes)
            return Diagnostic(.data, "column \(index) of the header has no name", in: source,
                              hint: "name every column in the first line; a separator at its end adds a nameless one",
                              fallbackLocation: (line, column))
        case .duplicateColumn(let columnName, let offset, let first, let second):
            let (line, column) = CSVFault.location(of: offset, in: bytes)
            return Diagnostic(.data, "the header names column `\(columnName)` twice (columns \(first) and \(second))", in: source,
                              hint: "every column needs its own name",
                              fallbackLocation: (line, column))
        }
    }

    /// Line and column (both from 1) of a byte offset: lines are counted by LF, columns in
    /// characters from the line's start, a byte order mark not counted.
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let start = CSVFile.hasByteOrderMark(bytes) ? 3 : 0
        let end = max(start, min(offset, bytes.count))
        var line = 1, lineStart = start
        for i in start..<end where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let prefix = String(decoding: bytes[lineStart..<end], as: UTF8.self)
        return (line, prefix.count + 1)
    }

    /// The byte at `offset` as a message shows it: `x` for a printable ASCII character.
    private static func describe(byteAt offset: Int, in bytes: [UInt8]) -> String {
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "`\(Character(Unicode.Scalar(b)))`" }
        if b == 0x20 { return "a space" }
        return "more text"
    }
}
