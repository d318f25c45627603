/// A horizontal bar chart as inline SVG, for HTML reports.
///
/// Labels sit right-aligned to the left of the bars, each bar is scaled to the largest value,
/// and the value is written just past the end of its bar. There is no font to measure text with
/// in a self-contained page, so widths are estimated from `displayWidth`, with an allowance that
/// errs on the wide side so that labels are not clipped.
enum SVGChart {
    /// The width of the drawing in user units, that of the page's text column (50rem). The page
    /// scales it down on narrow screens, but not below 30rem, where the labels would get too
    /// small to read; a narrower screen scrolls it instead.
    static let width = 800.0
    /// Estimated width of one display column of 13px text.
    static let columnWidth = 7.5
    static let rowHeight = 28.0
    static let barHeight = 20.0
    static let padding = 6.0
    /// Mid blue: dark enough to stay visible when printed in grey, light enough for black text.
    static let barColour = "#3f76b5"

    static func render(_ chart: BarChartData, id: Int, style: NumberStyle, language: Language) -> String {
        let titleID = "chart-\(id)-title"
        let title = language == .vi ? "\(chart.valueName) theo \(chart.labelName)"
                                    : "\(chart.valueName) by \(chart.labelName)"
        // Labels may take up to 40% of the width; longer ones are cut and shown whole in the bar's tooltip.
        let longestLabel = chart.labels.map(displayWidth).max() ?? 0
        let labelArea = min(Double(longestLabel) * columnWidth + 2 * padding, width * 0.4)
        let labelColumns = max(1, Int((labelArea - 2 * padding) / columnWidth))
        let longestValue = chart.valueTexts.map(displayWidth).max() ?? 0
        let valueArea = Double(longestValue) * columnWidth + 2 * padding
        let barArea = max(width - labelArea - valueArea, width * 0.2)
        let height = Double(chart.count) * rowHeight + 2 * padding

        var out = "<figure class=\"chart\">\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(titleID)\""
        out += " width=\"\(number(width))\" height=\"\(number(height))\""
        out += " viewBox=\"0 0 \(number(width)) \(number(height))\">\n"
        out += "<title id=\"\(titleID)\">\(HTMLPage.escape(title))</title>\n"
        for row in 0..<chart.count {
            let top = padding + Double(row) * rowHeight
            // 13px text: its baseline about a third of a line below the middle centres it.
            let baseline = top + rowHeight / 2 + 4.5
            // A positive value keeps at least a pixel of bar, so that it does not read as zero.
            let fraction = chart.fraction(row)
            let barWidth = fraction > 0 ? max(1, fraction * barArea) : 0
            let label = chart.labels[row]
            let shown = truncateDisplay(label, to: labelColumns)
            let tooltip = chart.valueTexts[row].isEmpty ? label : "\(label): \(chart.valueTexts[row])"
            out += "<text x=\"\(number(labelArea - padding))\" y=\"\(number(baseline))\" text-anchor=\"end\">"
            out += HTMLPage.escape(shown) + "</text>\n"
            out += "<rect x=\"\(number(labelArea))\" y=\"\(number(top + (rowHeight - barHeight) / 2))\""
            out += " width=\"\(number(barWidth))\" height=\"\(number(barHeight))\" rx=\"2\" fill=\"\(barColour)\">"
            out += "<title>\(HTMLPage.escape(tooltip))</title></rect>\n"
            if !chart.valueTexts[row].isEmpty {
                out += "<text class=\"value\" x=\"\(number(labelArea + barWidth + padding))\" y=\"\(number(baseline))\">"
                out += HTMLPage.escape(chart.valueTexts[row]) + "</text>\n"
            }
        }
        return out + "</svg>\n</figure>\n"
    }

    /// A coordinate with at most one decimal, which is finer than a screen or printer shows:
    /// `120`, `37.5`.
    static func number(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e9 { return String(Int(rounded)) }
        return String(rounded)
    }
}
