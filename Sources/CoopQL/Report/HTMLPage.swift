import CoopQLBase

/// The `html` report: one self-contained HTML5 page with no scripts, external assets or fonts.
///
/// Template text is converted as Markdown (`MarkdownHTML`); data values take part in it only as
/// placeholders, so a value is always HTML-escaped and never read as Markdown or HTML. Tables
/// and charts are written here and placed between the converted blocks.
enum HTMLPage {
    static func write(_ document: ReportDocument, options: RenderOptions) -> String {
        var source = ""
        var data: [String] = []
        var blocks: [String] = []
        for piece in document.pieces {
            switch piece {
            case .template(let s):
                source += MarkdownHTML.sanitize(s)
            case .data(let s):
                source += MarkdownHTML.dataMarker(data.count)
                data.append(s)
            case .table(let t):
                source += MarkdownHTML.blockMarker(blocks.count)
                blocks.append(table(t, options: options))
            case .chart(let t):
                source += MarkdownHTML.blockMarker(blocks.count)
                if let chart = BarChartData(t, options: options) {
                    blocks.append(SVGChart.render(chart, id: blocks.count, style: options.numberStyle,
                                                  language: document.language))
                } else {
                    blocks.append(table(t, options: options))
                }
            }
        }
        let converted = MarkdownHTML.convert(source, data: data, blocks: blocks)
        let title = converted.title.flatMap { $0.isEmpty ? nil : $0 } ?? document.name
        return page(title: title, language: document.language, body: converted.html)
    }

    /// The page around the converted body.
    static func page(title: String, language: Language, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="generator" content="CoopQL">
        <title>\(escape(title))</title>
        <style>
        \(css)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// Readable defaults: a system font stack whose members all carry Vietnamese letters, a
    /// measure of about 50rem, bordered tables with zebra rows, numbers right-aligned in
    /// tabular figures, and a print layout without the screen margins.
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; padding: 2rem 1rem; color: #1f2328; background: #fff;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
          font-size: 1rem; line-height: 1.6; }
        main { max-width: 50rem; margin: 0 auto; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.6em 0 0.5em; }
        h1 { font-size: 1.9rem; margin-top: 0; }
        h2 { font-size: 1.45rem; border-bottom: 1px solid #d8dee4; padding-bottom: 0.2em; }
        h3 { font-size: 1.2rem; }
        p, ul, ol, blockquote, pre { margin: 0 0 1em; }
        ul, ol { padding-left: 1.6em; }
        li > ul, li > ol { margin: 0.2em 0 0; }
        a { color: #0b5cad; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
        code { background: #f0f2f4; padding: 0.1em 0.3em; border-radius: 3px; }
        pre { background: #f0f2f4; padding: 0.8em 1em; overflow-x: auto; }
        pre code { background: none; padding: 0; }
        blockquote { border-left: 4px solid #d0d7de; padding: 0 1em; color: #57606a; }
        hr { border: 0; border-top: 1px solid #d0d7de; margin: 2em 0; }
        .table-wrap { overflow-x: auto; margin: 1.2em 0; }
        table { border-collapse: collapse; font-size: 0.95rem; }
        th, td { border: 1px solid #d0d7de; padding: 0.35em 0.75em; text-align: left; vertical-align: top; }
        thead th { background: #eef1f4; font-weight: 600; }
        tbody tr:nth-child(even) { background: #f7f9fb; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure.chart { margin: 1.2em 0; overflow-x: auto; }
        figure.chart svg { display: block; width: 100%; min-width: 30rem; height: auto; }
        figure.chart text { font-family: inherit; font-size: 13px; fill: #1f2328; }
        figure.chart .value { font-variant-numeric: tabular-nums; }
        @media print {
          body { padding: 0; font-size: 11pt; }
          main { max-width: none; }
          a { color: inherit; }
          thead { display: table-header-group; }
          tr, figure.chart { break-inside: avoid; }
          thead th, tbody tr:nth-child(even), figure.chart rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """

    /// A table with a header row; int and decimal columns carry `class="num"`, a null is an
    /// empty cell, and every header and cell is escaped.
    static func table(_ t: Table, options: RenderOptions) -> String {
        let grid = RenderGrid(t)
        let labels = options.labels ? options.language : nil
        func open(_ tag: String, _ column: Int) -> String {
            grid.numeric[column] ? "<\(tag) class=\"num\">" : "<\(tag)>"
        }
        var out = "<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>"
        for column in 0..<grid.columnCount {
            out += open("th", column) + cellText(grid.headers[column]) + "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in 0..<grid.rowCount {
            out += "<tr>"
            for column in 0..<grid.columnCount {
                let text = grid.cell(row: row, column: column, style: options.numberStyle, labels: labels, localDates: options.localDates) ?? ""
                out += open("td", column) + cellText(text) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// A cell's text escaped, its line breaks kept as `<br>`.
    private static func cellText(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return escape(s) }
        return s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { escape(String($0)) }.joined(separator: "<br>")
    }

    /// Text made safe anywhere in HTML, in element content and in quoted attribute values alike.
    static func escape(_ s: String) -> String {
        let special = s.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard special else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
