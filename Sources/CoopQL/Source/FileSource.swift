import CoopQLBase

/// Data files as a source: a folder of CSV, JSON and JSON Lines files, one table per file, or a
/// single file. The files are read, checked against the schema (`LoadOptions`) and turned into
/// tables the first time the source is asked for its tables; `scan` then hands them over. Files
/// can do nothing but be read whole, so the engine runs every stage on them.
///
/// A folder loads as `loadDataDirectory` says (all or nothing, references between its tables
/// checked); a single file as `DataFile` says.
public final class FileSource: TableSource {
    /// What is read.
    public enum Location: Sendable, Hashable {
        /// Every data file of a folder.
        case folder(String)
        /// One file, as a table of this name (by default, the file's name without its extension).
        case file(String, tableName: String?)
    }

    /// The folder or file read.
    public let location: Location
    /// Strict or lenient, and the schema the tables are checked against.
    public let options: LoadOptions
    /// Tables the folder's references may name when the folder does not hold them itself (what
    /// a session has loaded before).
    let referenceTables: [String: Table]
    /// The tables once read, with the rows left out of them.
    private var loaded: LoadedFolder?

    /// Every data file of the folder at `path`; references to tables the folder lacks are looked
    /// up in `referenceTables`.
    public init(folder path: String, options: LoadOptions = LoadOptions(), referenceTables: [String: Table] = [:]) {
        location = .folder(path)
        self.options = options
        self.referenceTables = referenceTables
    }

    /// One data file, loaded as `tableName` or, by default, named after the file.
    public init(file path: String, tableName: String? = nil, options: LoadOptions = LoadOptions()) {
        location = .file(path, tableName: tableName)
        self.options = options
        self.referenceTables = [:]
    }

    /// The folder's or file's path.
    public var displayName: String {
        switch location {
        case .folder(let path), .file(let path, _): return path
        }
    }

    public var capabilities: SourceCapabilities { .scan }

    public func tables() throws(Diagnostic) -> [SourceTable] {
        try read().tables.map { SourceTable(name: $0.name, schema: $0.table.schema) }
    }

    public func scan(_ table: String) throws(Diagnostic) -> Table {
        let tables = try read().tables
        guard let found = tables.first(where: { $0.name == table }) else {
            throw unknownTable(table, among: tables.map(\.name))
        }
        return found.table
    }

    public var warnings: [Diagnostic] { loaded?.warnings ?? [] }

    /// Reads the files the first time; later calls give the same tables.
    private func read() throws(Diagnostic) -> LoadedFolder {
        if let loaded { return loaded }
        let result: LoadedFolder
        switch location {
        case .folder(let path):
            result = try loadDataDirectory(path, options: options, existingTables: referenceTables)
        case .file(let path, let tableName):
            let file = try DataFile.load(path: path, tableName: tableName, options: options)
            result = LoadedFolder(tables: [(tableName ?? DataFiles.tableName(forPath: path), file.table)], warnings: file.warnings)
        }
        loaded = result
        return result
    }
}
