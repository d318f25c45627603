import Foundation
import Testing
@testable import CoopQL

/// Sources behind one interface: data files as the first `TableSource`, and a source that is not
/// files at all, read by a session the same way.
@Suite struct TableSourceTests {
    static var loaderFolder: String { Fixtures.root.appendingPathComponent("loader").path }

    @Test func aFolderListsOneTablePerFileWithItsSchema() throws {
        let source = FileSource(folder: Fixtures.dataDirectory)
        #expect(source.displayName == Fixtures.dataDirectory)
        let listed = try source.tables()
        #expect(listed.map(\.name) == ["cooperatives", "loans", "members"])
        let loans = try #require(listed.first { $0.name == "loans" })
        // A data-model file lacking optional columns still lists every column of the model.
        #expect(loans.schema.names == ["id", "coop_id", "fund", "amount", "disbursed", "term_months", "status", "program", "note"])
        #expect(loans.schema.columns[0].type == .int)
        #expect(loans.schema.columns[4].type == .date)
        // What the source lists is what it scans.
        for table in listed { #expect(try source.scan(table.name).schema == table.schema) }
    }

    @Test func scanningGivesTheTablesRowsAsTheLoaderReadsThem() throws {
        let source = FileSource(folder: Fixtures.dataDirectory)
        let loans = try source.scan("loans")
        #expect(loans.rowCount == 12)
        let direct = try loadDataDirectory(Fixtures.dataDirectory).tables.first { $0.name == "loans" }?.table
        #expect(loans.rows == direct?.rows)
    }

    @Test func filesCanOnlyBeScanned() {
        let capabilities = FileSource(folder: Fixtures.dataDirectory).capabilities
        #expect(capabilities == .scan)
        for other: SourceCapabilities in [.filter, .project, .aggregate, .sort, .limit, .join] {
            #expect(!capabilities.contains(other))
        }
    }

    @Test func scanningATableTheSourceLacksIsAnErrorWithASuggestion() throws {
        let source = FileSource(folder: Fixtures.dataDirectory)
        do {
            _ = try source.scan("loan")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .data)
            #expect(error.message == "`\(Fixtures.dataDirectory)` has no table `loan`")
            #expect(error.suggestion == "did you mean `loans`?")
        }
    }

    @Test func oneFileIsATableNamedAfterItOrAsAsked() throws {
        let path = Fixtures.dataDirectory + "/loans.csv"
        #expect(try FileSource(file: path).tables().map(\.name) == ["loans"])
        let renamed = FileSource(file: path, tableName: "credit")
        #expect(try renamed.tables().map(\.name) == ["credit"])
        #expect(try renamed.scan("credit").rowCount == 12)
        #expect(renamed.displayName == path)
    }

    @Test func aLenientFolderReportsTheRowsItLeftOutInTheLoadersOrder() throws {
        let folder = Self.loaderFolder + "/bad"
        let options = LoadOptions(lenient: true)
        let source = FileSource(folder: folder, options: options)
        _ = try source.tables()
        let direct = try loadDataDirectory(folder, options: options)
        #expect(source.warnings.count == 3)
        #expect(source.warnings.map(\.message) == direct.warnings.map(\.message))
        // A strict read of the same folder stops at the first bad row.
        #expect(throws: Diagnostic.self) { try FileSource(folder: folder).tables() }
    }

    @Test func aSessionLoadsASourceAllOrNothing() throws {
        let session = Session()
        let warnings = try session.load(FileSource(folder: Fixtures.dataDirectory))
        #expect(warnings.isEmpty)
        #expect(Set(session.tables.keys) == ["provinces", "cooperatives", "loans", "members"])
        let before = session.tables["cooperatives"]!.rowCount
        #expect(throws: Diagnostic.self) { try session.load(FileSource(folder: Self.loaderFolder + "/bad")) }
        #expect(session.tables["cooperatives"]!.rowCount == before)
    }

    // MARK: - A source that is not files

    /// Tables held in memory, offered as a source: what a host (or a database) would plug in.
    final class MemorySource: TableSource {
        let tablesByName: [(name: String, table: Table)]
        let capabilities: SourceCapabilities
        /// A table that fails when scanned, to see that a failing source adds nothing.
        let broken: String?
        private(set) var scans: [String] = []

        init(_ tables: [(name: String, table: Table)], capabilities: SourceCapabilities = .scan, broken: String? = nil) {
            tablesByName = tables
            self.capabilities = capabilities
            self.broken = broken
        }

        var displayName: String { "memory" }

        func tables() throws(Diagnostic) -> [SourceTable] {
            tablesByName.map { SourceTable(name: $0.name, schema: $0.table.schema) }
        }

        func scan(_ table: String) throws(Diagnostic) -> Table {
            scans.append(table)
            if table == broken { throw Diagnostic(.data, "`\(table)` cannot be read") }
            guard let found = tablesByName.first(where: { $0.name == table }) else {
                throw unknownTable(table, among: tablesByName.map(\.name))
            }
            return found.table
        }
    }

    static func harvests() throws -> Table {
        try Table(["farm": .text(["An Phú", "Bình Minh", "Hòa Lợi"]), "kg": .int([12, 30, 7])])
    }

    @Test func aSourceThatIsNotFilesIsQueriedLikeFiles() throws {
        let source = MemorySource([("harvests", try Self.harvests())], capabilities: [.scan, .filter, .limit])
        let session = Session()
        #expect(try session.load(source).isEmpty)
        #expect(source.scans == ["harvests"])
        #expect(try session.evaluate("harvests | where kg > 10 | count") == .int(2))
        #expect(source.capabilities.contains(.filter) && !source.capabilities.contains(.join))
        #expect(try source.tables().first?.schema.names == ["farm", "kg"])
    }

    @Test func aSourceFailingOnOneTableAddsNoneOfItsTables() throws {
        let source = MemorySource([("harvests", try Self.harvests()), ("prices", try Self.harvests())], broken: "prices")
        let session = Session()
        #expect(throws: Diagnostic.self) { try session.load(source) }
        #expect(session.tables["harvests"] == nil)
        #expect(session.tables.keys.sorted() == ["provinces"])
    }
}
