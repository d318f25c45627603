/// The ways a result can be written out.
///
/// `table` and `markdown` are for people (numbers grouped in the chosen style); `csv` and `json`
/// are for programs (numbers plain, every row written).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A box-drawn table aligned for a terminal.
    case table
    /// RFC 4180 comma-separated values with CRLF line ends.
    case csv
    /// RFC 8259 JSON: a table is an array of objects.
    case json
    /// A GitHub-flavoured Markdown pipe table.
    case markdown
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
