import CoopQLBase

/// What a query gave: the value of its last expression, and what it printed on the way.
public struct QueryResult: Sendable {
    /// The value of the last expression statement; `.null` when the script has none.
    public var value: Value
    /// The lines `print` wrote, in order, each as the command line would show it.
    public var printed: [String]

    /// The result as a table, when it is one.
    public var table: Table? {
        if case .table(let t) = value { return t }
        return nil
    }

    /// The result as a single value, when it is not a table (a number, text, date, list, …).
    public var scalar: Value? {
        if case .table = value { return nil }
        return value
    }

    /// The result written in an output format: `.json`, `.csv`, `.markdown` or a box `.table`
    /// (or `.html`, a page holding it).
    public func rendered(as format: OutputFormat, language: Language = .vi) -> String {
        render(value, options: RenderOptions(format: format, numberStyle: language == .vi ? .vietnamese : .english,
                                             language: language))
    }

    /// The result written with full control of the options.
    public func rendered(options: RenderOptions) -> String { render(value, options: options) }
}
