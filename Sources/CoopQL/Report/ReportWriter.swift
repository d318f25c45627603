/// Writes a rendered template out in one of the report formats.
///
/// - `markdown` (`md`): template text as is, data escaped so that it cannot change Markdown structure, tables
///   as GitHub pipe tables, charts as Unicode bar charts in a fenced code block.
/// - `table` (`text`): template text and data as they are, tables box-drawn, charts as Unicode bars.
/// - `html`: one self-contained HTML5 page (see `HTMLPage`): the template's Markdown converted,
///   every data value escaped, tables as `<table>`, charts as inline SVG.
/// - `csv`: every table and chart table as CSV, parted by one blank line; no template text.
/// - `json`: a JSON array holding each table as an array of objects; no template text.
///
/// In `md` and `text` a table or chart always stands on its own lines with one blank line
/// before and after it, however the template placed its `{{ … | table }}`.
public func writeReport(_ document: ReportDocument, format: OutputFormat, options: RenderOptions) -> String {
    switch format {
    case .markdown: return ReportWriter.markdown(document, options: options)
    case .table: return ReportWriter.text(document, options: options)
    case .html: return HTMLPage.write(document, options: options)
    case .csv: return ReportWriter.csv(document, excel: options.excel)
    case .json: return ReportWriter.json(document)
    // A Word document is bytes (`writeReportData`); as text it is its Markdown.
    case .docx: return ReportWriter.markdown(document, options: options)
    }
}

/// The writers behind `writeReport` other than HTML.
enum ReportWriter {
    static func markdown(_ document: ReportDocument, options: RenderOptions) -> String {
        var flow = BlockFlow()
        var tableOptions = options
        tableOptions.format = .markdown
        for piece in document.pieces {
            switch piece {
            case .template(let s): flow.text(s)
            case .data(let s): flow.text(escapeMarkdown(s))
            case .table(let t): flow.block(render(.table(t), options: tableOptions))
            case .chart(let t):
                if BarChartData(t, options: options) == nil {
                    flow.block(render(.table(t), options: tableOptions))
                } else {
                    flow.block(fenced(textBarChart(t, options: options)))
                }
            }
        }
        return flow.out
    }

    static func text(_ document: ReportDocument, options: RenderOptions) -> String {
        var flow = BlockFlow()
        var tableOptions = options
        tableOptions.format = .table
        for piece in document.pieces {
            switch piece {
            case .template(let s), .data(let s): flow.text(s)
            case .table(let t): flow.block(render(.table(t), options: tableOptions))
            case .chart(let t): flow.block(textBarChart(t, options: options, width: min(60, options.terminalWidth ?? 60)))
            }
        }
        return flow.out
    }

    /// Each table as CSV; the blank line between them is a CRLF like the records' ends.
    static func csv(_ document: ReportDocument, excel: Bool = false) -> String {
        var options = RenderOptions(format: .csv)
        options.excel = excel
        return document.tables.map { render(.table($0), options: options) }.joined(separator: "\r\n")
    }

    /// `[ [ {…}, {…} ], [] ]`: each table as the JSON renderer writes it, indented one level.
    static func json(_ document: ReportDocument) -> String {
        let options = RenderOptions(format: .json)
        let tables = document.tables.map { table -> String in
            let text = render(.table(table), options: options)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            return lines.map { "  " + $0 }.joined(separator: "\n")
        }
        guard !tables.isEmpty else { return "[]\n" }
        return "[\n" + tables.joined(separator: ",\n") + "\n]\n"
    }

    /// Data text that Markdown reads as plain text: a name such as `*Tân Thành*` or `[HTX](…)`
    /// must not turn into emphasis or a link, nor `|` end a table cell.
    static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "*", "_", "[", "]", "<", ">", "#", "|", "`": out.append("\\")
            default: break
            }
            out.append(ch)
        }
        return out
    }

    /// A chart in a ```text block. The fence is longer than any run of backticks in the chart,
    /// so that a label holding "```" cannot close it early.
    static func fenced(_ body: String) -> String {
        var longest = 0, run = 0
        for ch in body {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "text\n" + body + fence + "\n"
    }
}

/// Joins template text and blocks (tables, charts) so that each block has a blank line before
/// and after it, and never more than one: a template writes `{{ x | table }}` on its own line,
/// inline after a sentence, or between blank lines, and all three should read the same.
struct BlockFlow {
    private(set) var out = ""
    /// Whether a block was written last and the blank line after it is still owed.
    private var afterBlock = false

    mutating func text(_ s: String) {
        guard afterBlock else { out += s; return }
        // Blank lines right after the block are replaced by our one blank line; so is the space
        // before text that went on after `}}` on the block's own line.
        var rest = s[...]
        var droppedLine = false
        while true {
            let content = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = content.first else { return }  // only blanks so far: still owed
            if first.isNewline {
                rest = content.dropFirst()
                droppedLine = true
            } else {
                // A line of its own keeps its indentation, which may mean something (a list).
                rest = droppedLine ? rest : content
                break
            }
        }
        out += "\n" + rest
        afterBlock = false
    }

    mutating func block(_ b: String) {
        if afterBlock {
            out += "\n"
        } else {
            while let last = out.last, last == " " || last == "\t" || last.isNewline { out.removeLast() }
            if !out.isEmpty { out += "\n\n" }
        }
        out += b.hasSuffix("\n") || b.isEmpty ? b : b + "\n"
        afterBlock = true
    }
}
