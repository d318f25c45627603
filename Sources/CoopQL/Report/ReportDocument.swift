import CoopQLBase
import Foundation

/// A rendered template before it is written out: the template's own text, the values it inserted,
/// and the tables and charts it asked for, in order. The writers (`ReportWriter`) turn it into
/// Markdown, plain text, HTML, CSV or JSON; keeping data apart from template text is what lets the
/// HTML writer escape every value that came from data and nothing the author wrote.
public struct ReportDocument: Sendable {
    /// One part of a filled report.
    public enum Piece: Sendable {
        /// Text written by the template's author (Markdown, or plain text).
        case template(String)
        /// A value from data, already written for people (`1.915`, `Bắc Ninh`).
        case data(String)
        /// `{{ expr | table }}`.
        case table(Table)
        /// `{{ expr | chart }}`: the first column labels the bars, the first numeric column sizes them.
        case chart(Table)
    }

    /// The parts, in order.
    public var pieces: [Piece] = []
    /// The template's name (its file), for the HTML title when the text has no heading.
    public var name: String
    /// How numbers and labels are written.
    public var language: Language
    /// Issuer, number, place, date and signer from the front matter (`Letterhead`), for the
    /// formats that lay a document out as an administrative one (`docx`).
    public var letterhead: Letterhead?

    /// A report of a name and language.
    public init(name: String, language: Language, pieces: [Piece] = []) {
        self.name = name
        self.language = language
        self.pieces = pieces
    }

    /// The tables of the report (what `csv` and `json` output write).
    public var tables: [Table] {
        pieces.compactMap { piece in
            switch piece {
            case .table(let t), .chart(let t): return t
            default: return nil
            }
        }
    }
}

extension ReportDocument {
    /// A report of one value and nothing else: a table, or a value written for people.
    init(value: Value, language: Language) {
        let style: NumberStyle = language == .vi ? .vietnamese : .english
        switch value {
        case .table(let t): self.init(name: "CoopQL", language: language, pieces: [.table(t)])
        default: self.init(name: "CoopQL", language: language, pieces: [.data(humanText(value, style: style))])
        }
    }
}

/// A report in any format as the bytes of its file: text formats as UTF-8.
public func writeReportData(_ document: ReportDocument, format: OutputFormat, options: RenderOptions) throws -> Data {
    if format == .docx { return try writeReportDOCX(document, options: options) }
    return Data(writeReport(document, format: format, options: options).utf8)
}
