import CoopQLBase

/// The `csv` format: RFC 4180, with a header line and every record ended by CRLF.
///
/// Numbers are plain (`95035`, `3.5`, `50.0`), dates ISO, bools `true`/`false`. A null is an empty
/// field; an empty text is written `""`, so the two stay apart for a reader that cares.
enum CSVRenderer {
    static func render(_ value: Value) -> String {
        if let grid = RenderGrid(value) { return render(grid) }
        if case .list(let items) = value {
            // One field a line: a list reads back as a single column without a header.
            return items.map { field($0) + "\r\n" }.joined()
        }
        return field(value) + "\r\n"
    }

    /// Header line, then one record per row. A table without columns has no fields to write at
    /// all, so it is written as nothing.
    static func render(_ grid: RenderGrid) -> String {
        guard grid.columnCount > 0 else { return "" }
        var out = grid.headers.map(quotedIfNeeded).joined(separator: ",") + "\r\n"
        for row in 0..<grid.rowCount {
            for column in 0..<grid.columnCount {
                if column > 0 { out += "," }
                out += field(grid.value(row: row, column: column))
            }
            out += "\r\n"
        }
        return out
    }

    /// One value as a field.
    static func field(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case .text(let s): return s.isEmpty ? "\"\"" : quotedIfNeeded(s)
        default: return quotedIfNeeded(plainText(v))
        }
    }

    /// The field in double quotes (inner quotes doubled) when it holds a comma, a quote, CR or LF.
    static func quotedIfNeeded(_ s: String) -> String {
        let special = s.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
        }
        guard special else { return s }
        var out = "\""
        for ch in s {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out + "\""
    }
}
