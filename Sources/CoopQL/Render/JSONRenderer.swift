import CoopQLBase

/// The `json` format (RFC 8259).
///
/// A table is an array of objects, one object a line, keys in column order; a record is one
/// object; a list is an array; a scalar is a bare JSON value. Dates are "YYYY-MM-DD" strings,
/// decimals keep ".0" when integral, and NaN or infinite decimals (which JSON cannot spell) are
/// null.
enum JSONRenderer {
    static func render(_ value: Value) -> String {
        guard case .table = value, let grid = RenderGrid(value) else { return compact(value) + "\n" }
        guard grid.rowCount > 0 else { return "[]\n" }
        var out = "[\n"
        for row in 0..<grid.rowCount {
            out += "  "
            writeObject(grid, row: row, into: &out)
            out += row + 1 < grid.rowCount ? ",\n" : "\n"
        }
        return out + "]\n"
    }

    /// A value as JSON on a single line.
    static func compact(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .int(let i): out += String(i)
        case .decimal(let d): out += d.isFinite ? plainDecimal(d) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .text(let s): writeString(s, into: &out)
        case .date(let d): out += "\"\(d.iso)\""
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .table(let t):
            let grid = RenderGrid(t)
            out += "["
            for row in 0..<grid.rowCount {
                if row > 0 { out += ", " }
                writeObject(grid, row: row, into: &out)
            }
            out += "]"
        case .record(let r):
            writeObject(RenderGrid(r), row: 0, into: &out)
        }
    }

    /// `{"province": "Bắc Ninh", "members": 95035}`.
    private static func writeObject(_ grid: RenderGrid, row: Int, into out: inout String) {
        out += "{"
        for column in 0..<grid.columnCount {
            if column > 0 { out += ", " }
            writeString(grid.headers[column], into: &out)
            out += ": "
            write(grid.value(row: row, column: column), into: &out)
        }
        out += "}"
    }

    /// A JSON string: `"` and `\` escaped, control characters as escapes, everything else
    /// (Vietnamese letters included) written as UTF-8 as it is.
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        let plain = !s.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        if plain {
            out += s
        } else {
            for scalar in s.unicodeScalars { appendEscaped(scalar, to: &out) }
        }
        out += "\""
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default:
            out.unicodeScalars.append(scalar)
        }
    }
}
