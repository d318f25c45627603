import CoopQLBase

extension Session {
    /// Adds every table a source lists, each under its name (replacing a table of that name), and
    /// returns the source's warnings. On error nothing is added: the tables the session had stay
    /// as they were.
    @discardableResult
    public func load(_ source: TableSource) throws(Diagnostic) -> [Diagnostic] {
        var scanned: [(name: String, table: Table)] = []
        for listed in try source.tables() {
            scanned.append((listed.name, try source.scan(listed.name)))
        }
        for (name, table) in scanned { addTable(name, table) }
        return source.warnings
    }
}
