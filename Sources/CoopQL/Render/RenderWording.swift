/// The few words the human formats add around data, in English or Vietnamese.
///
/// The language follows `NumberStyle`: someone who reads "1.234,5" is taken to read Vietnamese.
enum RenderWording {
    /// "3 rows", "1 row"; "3 dòng" (Vietnamese nouns have no plural).
    static func rowCount(_ n: Int, _ style: NumberStyle) -> String {
        let count = formatInteger(Int64(n), style: style)
        switch style {
        case .vietnamese: return "\(count) dòng"
        case .english: return n == 1 ? "\(count) row" : "\(count) rows"
        }
    }

    /// "… 1,234 more rows"; "… còn 1.234 dòng".
    static func moreRows(_ n: Int, _ style: NumberStyle) -> String {
        let count = formatInteger(Int64(n), style: style)
        switch style {
        case .vietnamese: return "… còn \(count) dòng"
        case .english: return n == 1 ? "… \(count) more row" : "… \(count) more rows"
        }
    }

    /// "… 2 more columns: a, b"; "… còn 2 cột: a, b".
    static func moreColumns(_ names: [String], _ style: NumberStyle) -> String {
        let count = formatInteger(Int64(names.count), style: style)
        let list = names.joined(separator: ", ")
        switch style {
        case .vietnamese: return "… còn \(count) cột: \(list)"
        case .english: return names.count == 1 ? "… \(count) more column: \(list)" : "… \(count) more columns: \(list)"
        }
    }

    /// A table met inside a list or record, where there is no room to draw it: "<table: 3 rows>".
    static func nestedTable(rows: Int, _ style: NumberStyle) -> String {
        switch style {
        case .vietnamese: return "<bảng: \(rowCount(rows, style))>"
        case .english: return "<table: \(rowCount(rows, style))>"
        }
    }

    /// Between the items of a list. Vietnamese numbers use the comma as the decimal mark, so
    /// "[3,5, 2,25]" would be ambiguous; a semicolon parts the items instead, as in Vietnamese
    /// spreadsheets.
    static func itemSeparator(_ style: NumberStyle) -> String {
        style == .vietnamese ? "; " : ", "
    }
}

/// The ANSI escapes the `table` format uses when colour is on.
enum RenderColour {
    static func bold(_ s: String) -> String { "\u{1B}[1m\(s)\u{1B}[0m" }
    /// Grey, for nulls: present but out of the way.
    static func dim(_ s: String) -> String { "\u{1B}[90m\(s)\u{1B}[0m" }
}
