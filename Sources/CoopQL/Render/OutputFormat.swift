/// The ways results are written out: one list for query results and reports.
///
/// Each format says what it can write (`uses`), the names `--format` and `.format` accept for it
/// (`names`, the first is how it is shown) and the file extensions that ask for it (`extensions`,
/// used when `-o FILE` is given without `--format`). Adding a format is a case here, its entries
/// in the three lists, and its writer in `render(_:options:)` and `writeReport`.
///
/// `table` and `markdown` are for people (numbers grouped in the chosen style); `csv` and `json`
/// are for programs (numbers plain, every row written); `html` is a page for people.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A box-drawn table aligned for a terminal; for a report, its text with box-drawn tables.
    case table
    /// RFC 4180 comma-separated values with CRLF line ends; for a report, its tables.
    case csv
    /// RFC 8259 JSON: a table is an array of objects; for a report, an array of its tables.
    case json
    /// A GitHub-flavoured Markdown pipe table; for a report, its Markdown with pipe tables.
    case markdown
    /// One self-contained HTML5 page (reports only).
    case html
    /// A Word document in the administrative layout (reports only; `writeReportDOCX`). Binary, so
    /// written with `writeReportData`, never as text.
    case docx

    /// What a format is written for.
    public enum Use: Sendable, Hashable {
        /// The results of a query or script, one after another (`coopql -c`, `run`, the shell).
        case query
        /// A filled report template (`coopql report`).
        case report
    }

    /// What the format can write.
    public var uses: Set<Use> {
        switch self {
        case .table, .csv, .json, .markdown: return [.query, .report]
        // A page per result would not make one file of a script's results.
        case .html, .docx: return [.report]
        }
    }

    /// The names the format is asked for by, the usual one first. `text` and `md` are the names
    /// reports have always used.
    public var names: [String] {
        switch self {
        case .table: return ["table", "text"]
        case .csv: return ["csv"]
        case .json: return ["json"]
        case .markdown: return ["markdown", "md"]
        case .html: return ["html"]
        case .docx: return ["docx"]
        }
    }

    /// The file extensions that ask for the format, without the dot.
    public var extensions: [String] {
        switch self {
        case .table: return ["txt"]
        case .csv: return ["csv"]
        case .json: return ["json"]
        case .markdown: return ["md", "markdown"]
        case .html: return ["html", "htm"]
        case .docx: return ["docx"]
        }
    }

    /// Whether the format is bytes rather than text.
    public var isBinary: Bool { self == .docx }

    /// The usual name (`table`, `markdown`, …).
    public var name: String { names[0] }

    /// The format a `--format` or `.format` name asks for (in any case), or nil.
    public init?(name: String) {
        let wanted = name.lowercased()
        guard let found = Self.allCases.first(where: { $0.names.contains(wanted) }) else { return nil }
        self = found
    }

    /// The format a file's extension asks for (in any case), or nil for any other file.
    public init?(path: String) {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        let wanted = file[file.index(after: dot)...].lowercased()
        guard let found = Self.allCases.first(where: { $0.extensions.contains(wanted) }) else { return nil }
        self = found
    }

    /// The formats for a use, in order.
    public static func formats(for use: Use) -> [OutputFormat] { allCases.filter { $0.uses.contains(use) } }

    /// The usual names of the formats for a use, as usage messages list them: `table|csv|json|markdown`.
    public static func names(for use: Use, separator: String = "|") -> String {
        formats(for: use).map(\.name).joined(separator: separator)
    }
}

/// How `render(_:options:)` writes a value.
public struct RenderOptions: Sendable, Equatable {
    /// Which output format to write.
    public var format: OutputFormat
    /// Digit grouping and decimal mark for the human formats (`table`, `markdown`); the machine
    /// formats always write plain numbers so that other programs can read them back.
    public var numberStyle: NumberStyle
    /// At most this many rows in a `table`; nil shows them all. CSV, JSON and Markdown always
    /// write every row, because cutting data silently from a file would lose it.
    public var maxRows: Int?
    /// Width of the terminal in columns; a wider `table` has its text columns cut and then its
    /// trailing columns dropped. nil means no limit.
    public var terminalWidth: Int?
    /// Whether a `table` may use ANSI colour (bold headers, dim nulls).
    public var colour: Bool
    /// In `table` and `markdown`, show a code column's labels (`nông nghiệp`) instead of its codes
    /// (`agriculture`), in `language`.
    public var labels: Bool
    /// The language of labels and words when `labels` is on.
    public var language: Language
    /// In `table` and `markdown`, dates the local way (23/12/2022 in Vietnamese) instead of ISO
    /// (2022-12-23, the default: unambiguous, and it sorts).
    public var localDates: Bool
    /// Whether a result that is one number alone is grouped (`5.000.684`). The command line turns
    /// it off for `-c` writing to a pipe or a file, so a shell script reads `5000684` (see
    /// `NumberRole`, which says which numbers are never grouped at all).
    public var groupLoneValue: Bool = true
    /// In `csv`, write what Vietnamese Excel opens correctly (see `ExcelCSV`); the byte order
    /// mark is the caller's to write once at the start of the file (`ExcelCSV.byteOrderMark`).
    public var excel = false

    /// Options; each left out takes the default shown.
    public init(format: OutputFormat = .table, numberStyle: NumberStyle = .vietnamese,
                maxRows: Int? = nil, terminalWidth: Int? = nil, colour: Bool = false,
                labels: Bool = false, language: Language = .vi, localDates: Bool = false) {
        self.format = format
        self.numberStyle = numberStyle
        self.maxRows = maxRows
        self.terminalWidth = terminalWidth
        self.colour = colour
        self.labels = labels
        self.language = language
        self.localDates = localDates
    }
}
