import CoopQLBase

/// Writes a value as text in the format and style that `options` ask for.
///
/// - Scalars: in `table` and `markdown` the bare formatted value (numbers in `numberStyle`,
///   dates ISO, null as "null") and "\n"; in `json` a bare JSON value and "\n"; in `csv` one
///   field and "\r\n".
/// - Tables: a box table, an RFC 4180 CSV file, a JSON array of objects, or a Markdown pipe table.
/// - Records: as a one-row table, except in JSON, where a record is a single object (as a list
///   of records is an array of objects).
/// - Lists: "[a, b, c]" in `table` and `markdown` (items parted by "; " in the Vietnamese style,
///   whose decimal mark is the comma), a JSON array, or one CSV field a line.
/// - `html`, a report format, writes the value as a report of one table or one value would be.
public func render(_ value: Value, options: RenderOptions) -> String {
    switch options.format {
    case .table: return BoxTableRenderer.render(value, options: options)
    case .csv: return options.excel ? ExcelCSV.render(value) : CSVRenderer.render(value)
    case .json: return JSONRenderer.render(value)
    case .markdown: return MarkdownRenderer.render(value, options: options)
    case .html: return HTMLPage.write(ReportDocument(value: value, language: options.language), options: options)
    // A Word document is bytes, written only for reports (`writeReportData`); as text it is Markdown.
    case .docx: return MarkdownRenderer.render(value, options: options)
    }
}

/// A single value written for people, as `print` shows it: a scalar bare (numbers in `style`,
/// dates ISO, null as "null"), a list as "[a, b, c]", a table or record as a short summary.
public func humanText(_ v: Value, style: NumberStyle) -> String {
    HumanText.line(v, style: style)
}
