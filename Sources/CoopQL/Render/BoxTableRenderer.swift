import CoopQLBase

/// The `table` format: a box-drawn table aligned for a terminal.
///
/// ```
/// ┌──────────┬─────────┐
/// │ province │ members │
/// ├──────────┼─────────┤
/// │ Bắc Ninh │  95.035 │
/// └──────────┴─────────┘
/// 1 dòng
/// ```
/// Widths are measured with `displayWidth`, so Vietnamese text with combining marks and wide
/// East-Asian characters still lines up.
enum BoxTableRenderer {
    static func render(_ value: Value, options: RenderOptions) -> String {
        guard let grid = RenderGrid(value) else {
            let line = HumanText.lone(value, options: options)
            return (value.isNull && options.colour ? RenderColour.dim(line) : line) + "\n"
        }
        return render(grid, options: options)
    }

    static func render(_ grid: RenderGrid, options: RenderOptions) -> String {
        let style = options.numberStyle
        let shown = min(grid.rowCount, max(0, options.maxRows ?? grid.rowCount))
        let hidden = grid.rowCount - shown
        // Each cell is measured once here; layout and drawing both use that width.
        let body: [[Measured]] = (0..<shown).map { row in
            (0..<grid.columnCount).map { column in
                Measured(grid.cell(row: row, column: column, style: style, labels: options.labels ? options.language : nil, localDates: options.localDates).map(singleLine))
            }
        }
        let headers = grid.headers.map { Measured(singleLine($0)) }
        let widths = BoxTableLayout.fit(natural: naturalWidths(headers, body),
                                     text: grid.text, limit: options.terminalWidth)
        let painter = RowPainter(widths: widths, rightAligned: grid.numeric, colour: options.colour)

        var out = painter.rule("┌", "┬", "┐")
        out += painter.row(headers, header: true)
        if !body.isEmpty || hidden > 0 { out += painter.rule("├", "┼", "┤") }
        for cells in body { out += painter.row(cells, header: false) }
        if hidden > 0 { out += painter.row(Array(repeating: Measured("…"), count: widths.count), header: false) }
        out += painter.rule("└", "┴", "┘")

        if hidden > 0 { out += RenderWording.moreRows(hidden, style) + "\n" }
        if widths.count < grid.columnCount {
            let note = RenderWording.moreColumns(Array(grid.headers[widths.count...]), style)
            out += (options.terminalWidth.map { truncateDisplay(note, to: $0) } ?? note) + "\n"
        }
        out += RenderWording.rowCount(grid.rowCount, style) + "\n"
        return out
    }

    /// The width each column needs to show its header and every shown cell; at least 1, so that
    /// the "…" of a cut-off table fits.
    private static func naturalWidths(_ headers: [Measured], _ body: [[Measured]]) -> [Int] {
        var widths = headers.map { max(1, $0.width) }
        for cells in body {
            for (column, cell) in cells.enumerated() { widths[column] = max(widths[column], cell.width) }
        }
        return widths
    }

    /// A cell's text (nil for null, shown as "null") and its width in terminal columns.
    struct Measured {
        let text: String?
        let width: Int
        init(_ text: String?) {
            self.text = text
            width = text.map(displayWidth) ?? BoxTableRenderer.nullText.count
        }
    }

    static let nullText = "null"

    /// A cell on one line: a line break would tear the box apart, so it shows as "↵"; a tab or
    /// another control character has no width of its own, so it shows as a space.
    static func singleLine(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return s }
        var out = ""
        var afterCR = false
        for scalar in s.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n": if !afterCR { out += "↵" }
            case "\r": out += "↵"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Draws rules and rows for fixed column widths; columns past `widths.count` are dropped.
    private struct RowPainter {
        let widths: [Int]
        let rightAligned: [Bool]
        let colour: Bool

        /// A horizontal line such as `├──────┼────┤`.
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }

        /// `│ Bắc Ninh │  95.035 │`.
        func row(_ cells: [Measured], header: Bool) -> String {
            // A table without columns still draws its two walls, to match "┌┐" and "└┘".
            guard !widths.isEmpty else { return "││\n" }
            var line = "│"
            for (column, width) in widths.enumerated() {
                line += " " + cell(cells[column], width: width, column: column, header: header) + " │"
            }
            return line + "\n"
        }

        private func cell(_ cell: Measured, width: Int, column: Int, header: Bool) -> String {
            let text = cell.text ?? BoxTableRenderer.nullText
            let alignRight = rightAligned[column]
            let padded: String
            if cell.width > width {
                padded = padDisplay(truncateDisplay(text, to: width), to: width, alignRight: alignRight)
            } else {
                // The width is known already; measuring again in `padDisplay` would double the cost.
                let gap = String(repeating: " ", count: width - cell.width)
                padded = alignRight ? gap + text : text + gap
            }
            guard colour else { return padded }
            if header { return RenderColour.bold(padded) }
            return cell.text == nil ? RenderColour.dim(padded) : padded
        }
    }
}
