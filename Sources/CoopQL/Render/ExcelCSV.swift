/// CSV that Excel opens correctly on a Vietnamese computer (`--format csv --excel`): UTF-8 with a
/// byte order mark (without it Excel takes the bytes for the local code page and garbles every
/// accent), CRLF line ends, `;` between fields (the list separator of locales whose decimal mark
/// is the comma), decimal commas (`79,5`), no digit grouping (Excel would read `1.915` as a
/// decimal) and dates as dd/mm/yyyy. Text that holds `;`, a quote or a line break is quoted.
public enum ExcelCSV {
    /// The byte order mark, written once at the start of a file.
    public static let byteOrderMark = "\u{FEFF}"

    static func render(_ value: Value) -> String {
        if let grid = RenderGrid(value) { return render(grid) }
        if case .list(let items) = value { return items.map { field($0) + "\r\n" }.joined() }
        return field(value) + "\r\n"
    }

    static func render(_ grid: RenderGrid) -> String {
        guard grid.columnCount > 0 else { return "" }
        var out = grid.headers.map(quotedIfNeeded).joined(separator: ";") + "\r\n"
        for row in 0..<grid.rowCount {
            for column in 0..<grid.columnCount {
                if column > 0 { out += ";" }
                out += field(grid.value(row: row, column: column))
            }
            out += "\r\n"
        }
        return out
    }

    static func field(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case .text(let s): return s.isEmpty ? "\"\"" : quotedIfNeeded(s)
        case .decimal(let d) where d.isFinite:
            return plainDecimal(d).replacingOccurrences(of: ".", with: ",")
        case .date(let d):
            let (y, m, day) = d.components
            func pad(_ n: Int, _ width: Int) -> String {
                let digits = String(n)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            return pad(day, 2) + "/" + pad(m, 2) + "/" + pad(y, 4)
        default: return quotedIfNeeded(plainText(v))
        }
    }

    static func quotedIfNeeded(_ s: String) -> String {
        let special = s.utf8.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard special else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
