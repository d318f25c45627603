import CoopQLBase

/// A problem in the form of CSV bytes, placed by byte offset, that stops any load (leniently too:
/// past it, rows cannot be told apart). The scan stays free of line counting; `diagnostic(_:)`
/// works out the line and column only for the one fault thrown.
enum CSVFault: Error {
    case empty
    case blankHeader
    case unterminatedQuote(at: Int)
    case textAfterQuote(at: Int)
    case invalidUTF8(at: Int)
    case unnamedColumn(at: Int, index: Int)
    case duplicateColumn(String, at: Int, first: Int, second: Int)
    /// A column the table's schema requires is not in the header; `nearMiss` is a header name
    /// that looks like a misspelling of it, and `at` where that name (or the header) starts.
    case missingColumn(String, table: String, required: [String], nearMiss: String?, at: Int)
    /// Two headers that name one declared column (`Tỉnh` and `province`), the second at `at`.
    case sameColumn(String, first: String, second: String, at: Int)

    /// The fault as a `.data` diagnostic. The message names the line and column in words where
    /// it helps; `fallbackLocation` and `excerpt` carry the place for the renderer (see `DataLines`).
    func diagnostic(_ lines: DataLines) -> Diagnostic {
        let quoteRule = "a quote inside a quoted field is written twice: \"\""
        let headerRule = "the first line of a CSV file names its columns, e.g. `id,name,province`"
        switch self {
        case .empty:
            return Diagnostic(.data, "the file is empty", in: SourceText(name: lines.name, text: ""),
                              hint: headerRule, fallbackLocation: (1, 1))
        case .blankHeader:
            return lines.diagnostic("line 1 is blank, but it should name the columns", at: 0, hint: headerRule)
        case .unterminatedQuote(let offset):
            let (line, column) = lines.location(of: offset)
            return lines.diagnostic("the quoted field opened at line \(line), column \(column) is never closed", at: offset,
                                    hint: "a quoted field ends with a quote; \(quoteRule)")
        case .textAfterQuote(let offset):
            let (line, column) = lines.location(of: offset)
            return lines.diagnostic("line \(line), column \(column) has \(CSVFault.describe(byteAt: offset, in: lines.bytes)) right after a closing quote",
                                    at: offset,
                                    hint: "a closing quote must be followed by the separator or the end of the line; \(quoteRule)")
        case .invalidUTF8(let offset):
            let (line, column) = lines.location(of: offset)
            return lines.diagnostic("line \(line), column \(column) holds a byte that is not UTF-8", at: offset,
                                    hint: "CoopQL reads data files as UTF-8; save the file as UTF-8 (in Excel: “CSV UTF-8”)")
        case .unnamedColumn(let offset, let index):
            return lines.diagnostic("column \(index) of the header has no name", at: offset,
                                    hint: "name every column in the first line; a separator at its end adds a nameless one")
        case .duplicateColumn(let columnName, let offset, let first, let second):
            return lines.diagnostic("the header names column `\(columnName)` twice (columns \(first) and \(second))", at: offset,
                                    end: offset + columnName.utf8.count, hint: "every column needs its own name")
        case .sameColumn(let column, let first, let second, let offset):
            return lines.diagnostic("the headers `\(first)` and `\(second)` both name column \(column)", at: offset,
                                    end: offset + second.utf8.count,
                                    hint: "keep one of them, or map one to another column in a headers.map file (`\(second) = …`)")
        case .missingColumn(let name, let table, let required, let nearMiss, let offset):
            return lines.diagnostic("the header has no column `\(name)`, which table \(table) requires", at: offset,
                                    end: offset + (nearMiss?.utf8.count ?? 0),
                                    suggestion: nearMiss.map { "is column `\($0)` meant to be `\(name)`?" },
                                    hint: "the columns \(table) requires: " + required.joined(separator: ", "))
        }
    }

    /// Line and column (both from 1) of a byte offset: lines are counted by LF, columns in
    /// characters from the line's start, a byte order mark not counted.
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let start = DataFiles.hasByteOrderMark(bytes) ? 3 : 0
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
