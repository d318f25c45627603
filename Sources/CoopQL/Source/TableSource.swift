import CoopQLBase

/// Where tables come from: a folder of data files today, a database tomorrow.
///
/// A source names itself, lists the tables it offers with their columns, and hands over a table
/// whole (`scan`). It also says which other operations it could run itself (`capabilities`), so
/// that a planner can give a source able to filter or aggregate the part of a query it can do,
/// instead of scanning every row into the engine. Sources are read by a `Session`
/// (`Session.load(_:)`), which adds each table they list.
public protocol TableSource: AnyObject {
    /// What messages call the source: a path, or a database address without its password.
    var displayName: String { get }
    /// What the source can run itself. Every source can at least `scan`.
    var capabilities: SourceCapabilities { get }
    /// The tables the source offers, in the order it lists them, with their columns.
    func tables() throws(Diagnostic) -> [SourceTable]
    /// Every row of one of the listed tables, as the engine holds tables.
    func scan(_ table: String) throws(Diagnostic) -> Table
    /// Problems found while reading that did not stop it (the rows a lenient load left out), in
    /// the order found. Read after `tables()` and `scan`.
    var warnings: [Diagnostic] { get }
}

extension TableSource {
    /// Sources that never leave rows out have no warnings.
    public var warnings: [Diagnostic] { [] }

    /// The error for a table the source does not list, with the closest name it does list.
    public func unknownTable(_ name: String, among names: [String]) -> Diagnostic {
        Diagnostic(.data, "`\(displayName)` has no table `\(name)`",
                   suggestion: suggestion(for: name, among: names).map { "did you mean `\($0)`?" },
                   hint: names.isEmpty ? "it has no tables" : "its tables: " + names.joined(separator: ", "))
    }
}

/// One table a source offers: its name and its columns.
public struct SourceTable: Sendable, Hashable {
    /// The table's name, as queries write it.
    public var name: String
    /// Its columns' names and types.
    public var schema: TableSchema

    /// A table of this name and these columns.
    public init(name: String, schema: TableSchema) {
        self.name = name
        self.schema = schema
    }
}

/// The operations a source can run itself rather than leave to the engine. A planner hands a
/// source the largest part of a query that uses only these; the engine does the rest.
public struct SourceCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Hand over a table's rows. Every source can.
    public static let scan = SourceCapabilities(rawValue: 1 << 0)
    /// Keep only the rows a condition holds for (`where`).
    public static let filter = SourceCapabilities(rawValue: 1 << 1)
    /// Hand over only some columns, or computed ones (`select`, `extend`).
    public static let project = SourceCapabilities(rawValue: 1 << 2)
    /// Group and aggregate (`summarize`, `count by`).
    public static let aggregate = SourceCapabilities(rawValue: 1 << 3)
    /// Order the rows (`sort`, `top`).
    public static let sort = SourceCapabilities(rawValue: 1 << 4)
    /// Hand over only the first rows (`take`, `top`).
    public static let limit = SourceCapabilities(rawValue: 1 << 5)
    /// Join two of its own tables (`join`).
    public static let join = SourceCapabilities(rawValue: 1 << 6)

    /// Everything a database answering SQL can do.
    public static let all: SourceCapabilities = [.scan, .filter, .project, .aggregate, .sort, .limit, .join]
}
