/// WordprocessingML text: escaping and runs.
enum DOCXText {
    /// Text safe in XML element content and attribute values; characters XML 1.0 forbids are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    struct Format {
        var bold = false
        var italic = false
        /// In half-points; nil for the document's default (14 pt).
        var size: Int?
    }

    /// One run of text in a format.
    static func run(_ text: String, _ f: Format = Format()) -> String {
        var props = ""
        if f.bold { props += "<w:b/><w:bCs/>" }
        if f.italic { props += "<w:i/><w:iCs/>" }
        if let size = f.size { props += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"# }
        let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        return #"<w:r>\#(rPr)<w:t xml:space="preserve">\#(escape(text))</w:t></w:r>"#
    }

    /// A paragraph: `pPr` holds its properties (alignment, spacing, indent).
    static func paragraph(_ runs: String, _ pPr: String = "") -> String {
        "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + runs + "</w:p>"
    }

    static let centred = #"<w:jc w:val="center"/>"#
    /// A body paragraph: justified, first line indented 1 cm, 6 pt before, line spacing 1.2.
    static let body = #"<w:spacing w:before="120" w:after="0" w:line="288" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>"#
}

/// The body of the Word document: the report's Markdown as paragraphs (headings bold, lists with
/// their markers, emphasis kept), its tables as Word tables and its charts as native charts.
struct DOCXBody {
    var inline: MarkdownInline
    let blocks: [String]
    var out = ""
    /// The first level-1 heading becomes the document's title (centred, bold, under its kind).
    var title: String?
    var titleWritten = false

    mutating func convert(_ lines: [String]) {
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if MarkdownLine.isBlank(line) || MarkdownLine.isRule(line) {
                i += 1
            } else if let index = MarkdownLine.blockIndex(line), index < blocks.count {
                out += blocks[index]
                i += 1
            } else if let (level, text) = MarkdownLine.heading(line) {
                let nodes = inline.parse(text)
                if level == 1 && !titleWritten {
                    titleWritten = true
                    title = MarkdownHTML.trimSpaces(inline.plain(nodes))
                    out += DOCXText.paragraph(runs(nodes, DOCXText.Format(bold: true)),
                                              DOCXText.centred + #"<w:spacing w:before="0" w:after="240"/>"#)
                } else {
                    out += DOCXText.paragraph(runs(nodes, DOCXText.Format(bold: true)),
                                              #"<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:jc w:val="both"/>"#)
                }
                i += 1
            } else if let marker = MarkdownLine.listItem(line) {
                var text = [marker.content]
                i += 1
                while i < lines.count, !MarkdownLine.isBlank(lines[i]), MarkdownLine.listItem(lines[i]) == nil,
                      !MarkdownLine.interrupts(lines[i]) {
                    text.append(lines[i]); i += 1
                }
                let bullet = marker.ordered ? "\(marker.number). " : "- "
                let level = marker.indent >= 2 ? 2 : 1
                out += DOCXText.paragraph(DOCXText.run(bullet) + runs(inline.parse(joined(text)), DOCXText.Format()),
                                          #"<w:spacing w:before="60" w:after="0" w:line="288" w:lineRule="auto"/><w:ind w:firstLine="\#(567 * level)"/><w:jc w:val="both"/>"#)
            } else {
                var text: [String] = []
                while i < lines.count, !MarkdownLine.isBlank(lines[i]), text.isEmpty || !MarkdownLine.interrupts(lines[i]) {
                    text.append(MarkdownLine.quote(lines[i]) ?? lines[i]); i += 1
                }
                out += DOCXText.paragraph(runs(inline.parse(joined(text)), DOCXText.Format()), DOCXText.body)
            }
        }
    }

    private func joined(_ lines: [String]) -> String {
        MarkdownHTML.trimSpaces(lines.map { String($0.drop { $0 == " " || $0 == "\t" }) }.joined(separator: " "))
    }

    func runs(_ nodes: [MarkdownInline.Node], _ f: DOCXText.Format) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let t): return DOCXText.run(t, f)
            case .data(let i): return DOCXText.run(inline.data[i], f)
            case .code(let inner), .link(_, let inner): return runs(inner, f)
            case .strong(let inner): var g = f; g.bold = true; return runs(inner, g)
            case .emphasis(let inner): var g = f; g.italic = true; return runs(inner, g)
            case .lineBreak: return "<w:r><w:br/></w:r>"
            }
        }.joined()
    }

    /// A table with borders, a bold repeated header row, numbers right-aligned, in 12 pt.
    static func table(_ t: Table, options: RenderOptions) -> String {
        let grid = RenderGrid(t)
        let labels = options.labels ? options.language : nil
        let small = DOCXText.Format(size: 24)
        var header = DOCXText.Format(bold: true)
        header.size = 24
        func cell(_ text: String, _ column: Int, _ f: DOCXText.Format) -> String {
            let jc = grid.numeric[column] ? #"<w:jc w:val="right"/>"# : ""
            return "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>"
                + DOCXText.paragraph(DOCXText.run(text, f), #"<w:spacing w:before="40" w:after="40"/>"# + jc) + "</w:tc>"
        }
        var x = #"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="autofit"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        for _ in 0..<grid.columnCount { x += #"<w:gridCol w:w="\#(9354 / max(1, grid.columnCount))"/>"# }
        x += "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>"
        for column in 0..<grid.columnCount { x += cell(grid.headers[column], column, header) }
        x += "</w:tr>"
        for row in 0..<grid.rowCount {
            x += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for column in 0..<grid.columnCount {
                x += cell(grid.cell(row: row, column: column, style: options.numberStyle, labels: labels,
                                    localDates: options.localDates) ?? "", column, small)
            }
            x += "</w:tr>"
        }
        // Word needs a paragraph between a table and what follows.
        return x + "</w:tbl>" + DOCXText.paragraph("", #"<w:spacing w:before="0" w:after="0"/>"#)
    }
}
