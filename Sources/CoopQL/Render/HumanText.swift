import CoopQLBase

/// How the human formats (`table`, `markdown`) write one value; the single place for cell
/// formatting, so a number looks the same in a box table, a Markdown table and a list.
package enum HumanText {
    /// A value as a cell shows it, or nil for null so that each format can spell null its own way
    /// (the box table writes "null", Markdown leaves the cell empty).
    static func cell(_ v: Value, style: NumberStyle) -> String? {
        switch v {
        case .null: return nil
        case .int(let i): return formatInteger(i, style: style)
        case .decimal(let d): return formatDecimal(d, style: style)
        case .bool(let b): return b ? "true" : "false"
        case .text(let s): return s
        case .date(let d): return d.iso
        case .list(let items): return list(items, style: style)
        case .table(let t): return RenderWording.nestedTable(rows: t.rowCount, style)
        case .record(let r): return record(r, style: style)
        }
    }

    /// A value standing alone on its own line: a scalar bare, null as "null".
    static func line(_ v: Value, style: NumberStyle) -> String {
        cell(v, style: style) ?? "null"
    }

    /// A result that stands alone: as `line`, but a number is plain when `options` say a lone
    /// value is not grouped (`RenderOptions.groupLoneValue`).
    package static func lone(_ v: Value, options: RenderOptions) -> String {
        switch v {
        case .int, .decimal: return options.groupLoneValue ? line(v, style: options.numberStyle) : plainText(v)
        default: return line(v, style: options.numberStyle)
        }
    }

    /// `[1.915; 95.035]`, `["Bắc Ninh", "Bạc Liêu"]`: text is quoted inside a list so that a
    /// comma or a space in it cannot be mistaken for the end of an item.
    static func list(_ items: [Value], style: NumberStyle) -> String {
        "[" + items.map { item($0, style: style) }.joined(separator: RenderWording.itemSeparator(style)) + "]"
    }

    /// `{province: "Bắc Ninh", members: 95.035}`.
    static func record(_ r: Record, style: NumberStyle) -> String {
        let fields = zip(r.schema.names, r.values).map { "\($0): \(item($1, style: style))" }
        return "{" + fields.joined(separator: RenderWording.itemSeparator(style)) + "}"
    }

    /// One item of a list or field of a record.
    private static func item(_ v: Value, style: NumberStyle) -> String {
        if case .text(let s) = v { return quoted(s) }
        return line(v, style: style)
    }

    /// Text in double quotes, with `"` and `\` escaped by a backslash as in a CoopQL literal.
    private static func quoted(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"\(s)\""
        }
        var out = "\""
        for ch in s {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "\""
    }
}
