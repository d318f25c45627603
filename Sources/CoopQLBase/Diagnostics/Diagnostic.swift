/// One problem found in source text or data: what kind it is, where it is, what went wrong, and how
/// to mend it. Every stage reports problems with this one type; the library never prints them.
/// `DiagnosticRenderer` turns it into `file:line:column`, the line, and a caret.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// What sort of problem it is; its raw value is what the C API reports.
    public enum Kind: String, Sendable {
        case syntax      // the text does not follow the grammar
        case name        // an unknown table, column, function, stage or variable
        case type        // a value of the wrong type
        case runtime     // a problem found while running: overflow, a bad date, …
        case data        // a problem in a data file
        case usage       // wrong use of the command line or the API
        case limit       // a run stopped by one of the host's limits, or cancelled
    }

    /// What sort of problem it is.
    public var kind: Kind
    /// What went wrong, in one sentence.
    public var message: String
    /// Where the problem is, in `source`; nil when it concerns no particular spot.
    public var span: Span?
    /// The text `span` points into, when there is one.
    public var source: SourceText?
    /// A likely fix, said as one: "did you mean `province`?".
    public var suggestion: String?
    /// Background that helps: what was expected, where to read more.
    public var hint: String?
    /// A position to print when there is no source text (a file that could not be decoded, a
    /// data file whose text is not kept).
    public var fallbackLocation: (line: Int, column: Int)?
    /// The offending line of a file whose text is not kept (a large data file), and how many
    /// characters from `fallbackLocation`'s column to mark.
    public var excerpt: (line: String, width: Int)?

    /// A problem of a kind, with as much of its place and fix as is known.
    public init(_ kind: Kind, _ message: String, at span: Span? = nil, in source: SourceText? = nil,
                suggestion: String? = nil, hint: String? = nil,
                fallbackLocation: (line: Int, column: Int)? = nil) {
        self.kind = kind
        self.message = message
        self.span = span
        self.source = source
        self.suggestion = suggestion
        self.hint = hint
        self.fallbackLocation = fallbackLocation
    }

    /// Line and column of the start of the problem, when known.
    public var location: (line: Int, column: Int)? {
        if let span, let source { return source.location(of: span.start) }
        return fallbackLocation
    }

    /// The diagnostic as a person reads it (see `DiagnosticRenderer`).
    public var description: String { DiagnosticRenderer(colour: false).render(self) }
}

/// Several diagnostics at once: a parse that recovered and found more than one problem.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The problems, in source order.
    public var diagnostics: [Diagnostic]
    /// A list of these problems.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// All the diagnostics as a person reads them.
    public var description: String { DiagnosticRenderer(colour: false).render(diagnostics) }
}

/// Turns diagnostics into the text a person reads:
///
///     report.coop:3:28: error: unknown column `provnce`
///        3 | cooperatives | where provnce == "Bắc Ninh"
///          |                       ^^^^^^^
///       = did you mean `province`?
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colours.
    public var colour: Bool
    /// A renderer, with or without colour.
    public init(colour: Bool) { self.colour = colour }

    /// Several diagnostics, one after another.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// One diagnostic: place, message, the line with a marker, suggestion and note.
    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let name = d.source?.name ?? ""
        if let (line, column) = d.location {
            out += name.isEmpty ? "\(line):\(column): " : "\(name):\(line):\(column): "
        } else if !name.isEmpty {
            out += "\(name): "
        }
        out += paint("error", "\u{1B}[1;31m") + ": " + d.message + "\n"
        if let span = d.span, let source = d.source {
            let (line, column) = source.location(of: span.start)
            let text = source.line(line)
            // The marker runs under the span's characters on its first line, at least one wide.
            let lineEndOffset = source.lineStarts[line - 1] + text.utf8.count
            let spanEnd = min(span.end, lineEndOffset)
            let width = spanEnd > span.start ? source.slice(Span(span.start, spanEnd)).count : 1
            out += marked(line: text, number: line, column: column, width: width)
        }
        if d.span == nil, let excerpt = d.excerpt, let (line, column) = d.fallbackLocation {
            out += marked(line: excerpt.line, number: line, column: column, width: excerpt.width)
        }
        if let suggestion = d.suggestion { out += "  = " + paint(suggestion, "\u{1B}[32m") + "\n" }
        if let hint = d.hint { out += "  = note: \(hint)\n" }
        return out
    }

    /// ` 3 | the line` and, under it, carets from `column` for `width` characters.
    private func marked(line text: String, number: Int, column: Int, width: Int) -> String {
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        let lead = text.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(gutter) | \(text)\n"
            + " \(pad) | " + lead + paint(String(repeating: "^", count: max(1, width)), "\u{1B}[1;31m") + "\n"
    }

    private func paint(_ s: String, _ code: String) -> String { colour ? code + s + "\u{1B}[0m" : s }
}
