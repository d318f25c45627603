import CoopQLBase

/// The bars of a `chart`: one label and one value per row of a table, shared by the Unicode
/// chart (text and Markdown reports, the REPL) and the SVG chart (HTML reports).
///
/// The first column labels the bars and the first numeric column after it sizes them; a table
/// whose only column is numeric is charted with row numbers as labels.
struct BarChartData {
    /// Names of the label and value columns, for a chart's accessible title.
    let labelName: String
    let valueName: String
    /// One label per row, as a cell shows it (codes as labels when `RenderOptions.labels` is on).
    let labels: [String]
    /// The value of each row; nil for null or a value that is not a finite number.
    let values: [Double?]
    /// Each value written in the number style; empty for null.
    let valueTexts: [String]

    /// The chart data of `table`, or nil when it has no numeric column to size bars with.
    init?(_ table: Table, options: RenderOptions) {
        let grid = RenderGrid(table)
        let valueColumn: Int
        let labelColumn: Int?
        if let column = grid.numeric.indices.dropFirst().first(where: { grid.numeric[$0] }) {
            valueColumn = column
            labelColumn = 0
        } else if grid.columnCount == 1, grid.numeric[0] {
            valueColumn = 0
            labelColumn = nil
        } else {
            return nil
        }
        let style = options.numberStyle
        let labelLanguage = options.labels ? options.language : nil
        var labels: [String] = [], values: [Double?] = [], texts: [String] = []
        for row in 0..<grid.rowCount {
            if let labelColumn {
                let label = grid.cell(row: row, column: labelColumn, style: style, labels: labelLanguage)
                labels.append(BoxTableRenderer.singleLine(label ?? BoxTableRenderer.nullText))
            } else {
                labels.append(formatInteger(Int64(row + 1), style: style))
            }
            let value = grid.value(row: row, column: valueColumn)
            values.append(value.asDouble.flatMap { $0.isFinite ? $0 : nil })
            texts.append(grid.cell(row: row, column: valueColumn, style: style) ?? "")
        }
        self.labels = labels
        self.values = values
        self.valueTexts = texts
        labelName = labelColumn.map { grid.headers[$0] } ?? "#"
        valueName = grid.headers[valueColumn]
    }

    var count: Int { labels.count }

    /// The largest value, which gets the full bar; bars are drawn from zero, so a chart whose
    /// values are all zero or negative has nothing to scale to and draws no bars.
    var scale: Double { values.compactMap { $0 }.max().map { max($0, 0) } ?? 0 }

    /// How much of the full bar row `row` fills, from 0 to 1 (negative values draw no bar).
    func fraction(_ row: Int) -> Double {
        guard let v = values[row], scale > 0 else { return 0 }
        return min(1, max(0, v / scale))
    }
}

/// A horizontal bar chart drawn with Unicode blocks, for a terminal or a Markdown code block.
///
/// ```
/// Bắc Ninh  ████████████████████████████████████████ 95.035
/// Bạc Liêu  ▊ 1.915
/// ```
/// Labels are padded by display width so Vietnamese text lines up; bars are scaled to the
/// largest value in eighths of a column; `width` is the widest line the chart aims for. A table
/// without a numeric column is drawn as a box table instead, since it has nothing to measure.
public func textBarChart(_ table: Table, options: RenderOptions, width: Int = 60) -> String {
    guard let chart = BarChartData(table, options: options) else {
        var boxOptions = options
        boxOptions.format = .table
        return render(.table(table), options: boxOptions)
    }
    return TextChart.render(chart, width: width, style: options.numberStyle)
}

/// Drawing of the Unicode bar chart.
enum TextChart {
    /// Partial blocks for 1…7 eighths of a column.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    static func render(_ chart: BarChartData, width: Int, style: NumberStyle) -> String {
        guard chart.count > 0 else { return RenderWording.rowCount(0, style) + "\n" }
        let valueWidth = chart.valueTexts.map(displayWidth).max() ?? 0
        // Labels are cut only where the bars would have fewer than 20 columns to tell values apart:
        // cooperative names are long, and a cut name is harder to read than a shorter bar.
        let naturalLabel = chart.labels.map(displayWidth).max() ?? 0
        let labelWidth = min(naturalLabel, max(BoxTableLayout.minimumTextWidth, width - valueWidth - 3 - 20))
        let barWidth = max(10, width - labelWidth - valueWidth - 3)
        var out = ""
        for row in 0..<chart.count {
            let label = padDisplay(truncateDisplay(chart.labels[row], to: labelWidth), to: labelWidth, alignRight: false)
            let bar = self.bar(chart.fraction(row), width: barWidth)
            let value = chart.valueTexts[row]
            var line = label + "  " + bar
            if !value.isEmpty { line += (bar.isEmpty ? "" : " ") + value }
            // A null row has neither bar nor value; its padding would only trail.
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// `fraction` of `width` columns as full blocks and one partial block, rounded to eighths.
    /// A positive value too small for an eighth still gets the thinnest block, so that it does
    /// not read as zero.
    static func bar(_ fraction: Double, width: Int) -> String {
        var units = Int((fraction * Double(width) * 8).rounded())
        if units == 0 && fraction > 0 { units = 1 }
        var out = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { out.append(eighths[units % 8 - 1]) }
        return out
    }
}
