/// A report chart as a native Word chart (DrawingML `c:chartSpace`): a horizontal bar chart whose
/// categories and values are written into the chart itself, so Word and LibreOffice draw it
/// without any other file and a person can restyle it. Each numeric column after the label column
/// is one series (a plan-vs-actual table gives two bars per row).
enum DOCXChart {
    struct Series {
        var name: String
        var values: [Double?]
    }

    /// The chart's categories and series, or nil when the table has no numeric column.
    static func data(_ table: Table, options: RenderOptions) -> (labels: [String], series: [Series])? {
        let grid = RenderGrid(table)
        let valueColumns = grid.numeric.indices.filter { grid.numeric[$0] && ($0 > 0 || grid.columnCount == 1) }
        guard !valueColumns.isEmpty else { return nil }
        let hasLabels = !(grid.columnCount == 1)
        let labelLanguage = options.labels ? options.language : nil
        let labels = (0..<grid.rowCount).map { row in
            hasLabels ? (grid.cell(row: row, column: 0, style: options.numberStyle, labels: labelLanguage,
                                   localDates: options.localDates) ?? "") : String(row + 1)
        }
        let series = valueColumns.map { column in
            Series(name: grid.headers[column], values: (0..<grid.rowCount).map { row in
                grid.value(row: row, column: column).asDouble.flatMap { $0.isFinite ? $0 : nil }
            })
        }
        return (labels, series)
    }

    static let colours = ["2E6DB4", "C0504D", "9BBB59", "8064A2"]

    /// The chart part (`word/charts/chartN.xml`).
    static func part(labels: [String], series: [Series]) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        x += #"<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>"#
        x += #"<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>"#
        for (i, s) in series.enumerated() {
            x += #"<c:ser><c:idx val="\#(i)"/><c:order val="\#(i)"/><c:tx><c:v>\#(DOCXText.escape(s.name))</c:v></c:tx>"#
            x += #"<c:spPr><a:solidFill><a:srgbClr val="\#(colours[i % colours.count])"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>"#
            x += #"<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#
            x += #"<c:cat><c:strLit><c:ptCount val="\#(labels.count)"/>"#
            for (j, label) in labels.enumerated() { x += #"<c:pt idx="\#(j)"><c:v>\#(DOCXText.escape(label))</c:v></c:pt>"# }
            x += #"</c:strLit></c:cat><c:val><c:numLit><c:formatCode>#,##0.##</c:formatCode><c:ptCount val="\#(s.values.count)"/>"#
            for (j, v) in s.values.enumerated() {
                if let v {
                    let digits = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : plainDecimal(v)
                    x += #"<c:pt idx="\#(j)"><c:v>\#(digits)</c:v></c:pt>"#
                }
            }
            x += "</c:numLit></c:val></c:ser>"
        }
        x += #"<c:gapWidth val="60"/><c:axId val="101"/><c:axId val="102"/></c:barChart>"#
        // Categories top to bottom in the table's order, as a reader expects.
        x += #"<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="102"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#
        x += ##"<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="101"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>"##
        x += "</c:plotArea>"
        if series.count > 1 { x += #"<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>"# }
        x += #"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#
        x += #"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100"><a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>"#
        x += "</c:chartSpace>"
        return x
    }

    /// The chart placed inline in a paragraph of its own, full text width, a row's height per bar.
    static func paragraph(relationship: String, id: Int, rows: Int, series: Int) -> String {
        let width = 5_940_000  // 165 mm in EMU: the text width between the margins
        let height = min(8_000_000, max(1_800_000, 260_000 * rows * max(1, series) + 700_000))
        return #"<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="120" w:after="120"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\#(width)" cy="\#(height)"/><wp:docPr id="\#(id)" name="Biểu đồ \#(id)"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="\#(relationship)"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
    }
}
