import CoopQLBase

/// The `markdown` format: a GitHub-flavoured pipe table.
///
/// ```
/// | province | members |
/// |---|---:|
/// | Bắc Ninh | 95.035 |
/// ```
/// Cells are formatted as in the box table (numbers in the chosen style, right-aligned with
/// `---:`), but a null is an empty cell, and every row is written: a document has no terminal to
/// overflow.
enum MarkdownRenderer {
    static func render(_ value: Value, options: RenderOptions) -> String {
        guard let grid = RenderGrid(value) else {
            return HumanText.lone(value, options: options) + "\n"
        }
        return render(grid, style: options.numberStyle, labels: options.labels ? options.language : nil, localDates: options.localDates)
    }

    static func render(_ grid: RenderGrid, style: NumberStyle, labels: Language? = nil, localDates: Bool = false) -> String {
        // A pipe table needs at least one column to be a table at all; give it an empty one.
        let headers = grid.columnCount == 0 ? [""] : grid.headers
        let numeric = grid.columnCount == 0 ? [false] : grid.numeric
        var out = row(headers.map(escape))
        out += "|" + numeric.map { $0 ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for r in 0..<grid.rowCount {
            let cells = headers.indices.map { column -> String in
                guard column < grid.columnCount else { return "" }
                return escape(grid.cell(row: r, column: column, style: style, labels: labels, localDates: localDates) ?? "")
            }
            out += row(cells)
        }
        return out
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }

    /// A cell's text made safe inside a pipe table: `|` would end the cell and a line break the
    /// row, so they become `\|` and `<br>`; `<` and `>` become entities, so a value such as
    /// `<script>` stays text wherever the Markdown is shown.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0x0A || $0 == 0x0D || $0 == 0x3C || $0 == 0x3E })
        else { return s }
        var out = ""
        var afterCR = false
        for scalar in s.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n": if !afterCR { out += "<br>" }
            case "\r": out += "<br>"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
