import Foundation
import CoopQLBase

/// The calls a host program makes to embed CoopQL: data in, queries run, results out.
///
/// Threads: a session, and the prepared queries made from it, must be used by one thread at a
/// time (one session per thread). `cancel()` is the one call that may come from another thread.
/// Tables are values: the same `Table` may be added to sessions on several threads at once.
extension Session {
    /// Loads one data file (CSV, JSON or JSON Lines) as a table, named after the file unless
    /// `name` says otherwise. The host may load from anywhere; this does not let queries read
    /// the file's folder (see `allowedDirectories`). Returns warnings for rows left out when
    /// `options.lenient`. (A `FileSource` read by `load(_:)`.)
    @discardableResult
    public func loadFile(_ path: String, as name: String? = nil,
                         options: LoadOptions = LoadOptions()) throws(Diagnostic) -> [Diagnostic] {
        try load(FileSource(file: path, tableName: name, options: options))
    }

    /// Parses and checks a query once, to run it many times; `parameters` are bound at once.
    public func prepare(_ text: String, name: String = "<query>",
                        parameters: [String: Value] = [:]) throws(DiagnosticList) -> PreparedQuery {
        if let max = limits.maxQueryBytes, text.utf8.count > max {
            throw DiagnosticList([Diagnostic(.limit, "the query is \(text.utf8.count) bytes long, over the limit of \(max) bytes",
                                             hint: "the query size limit is set by the program running this query")])
        }
        let source = SourceText(name: name, text: text)
        return try QueryDriver.onDeepStack(source) { [self] in try PreparedQuery(session: self, source: source, parameters: parameters) }
    }

    /// Prepares and runs a query in one call, with typed parameters read as `$name`.
    public func query(_ text: String, name: String = "<query>",
                      parameters: [String: Value] = [:]) throws(DiagnosticList) -> QueryResult {
        try prepare(text, name: name, parameters: parameters).run()
    }

    /// Removes a table; queries checked before that name it fail with an error.
    public func removeTable(_ name: String) {
        runtime.tables[name] = nil
        checkerEnvironment.tables[name] = nil
        generation += 1
    }
}
