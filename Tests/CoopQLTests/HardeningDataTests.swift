import Foundation
import Testing
@testable import CoopQL

/// Data that used to load changed or lost without a word: each now loads whole or stops at its
/// place (leniently: the row is left out with a warning naming the cell).
@Suite struct HardeningDataTests {
    func load(_ bytes: String, _ name: String, lenient: Bool = false) throws(Diagnostic) -> LoadedTable {
        try DataFile.load(bytes: Array(bytes.utf8), format: DataFormat(path: name)!, name: name, tableName: "t",
                          options: LoadOptions(lenient: lenient))
    }

    func error(_ bytes: String, _ name: String) -> Diagnostic? {
        do { _ = try load(bytes, name) } catch { return error }
        return nil
    }

    @Test func csvWithCarriageReturnLineEndsLoadsItsRows() throws {
        let t = try load("a,b\r1,2\r3,4\r", "t.csv").table
        #expect(t.schema.names == ["a", "b"])
        #expect(t.rows == [[.int(1), .int(2)], [.int(3), .int(4)]])
        // From a file, too.
        let dir = TemporaryFolders.url("cr")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("a,b\r1,2\r3,4\r".utf8).write(to: dir.appendingPathComponent("t.csv"))
        let loaded = try DataFile.load(path: dir.appendingPathComponent("t.csv").path)
        #expect(loaded.table.rowCount == 2)
    }

    @Test func decimalPastTheLargestInCSVIsAnErrorAtTheCellNotNull() throws {
        let d = try #require(error("a,b\n1,1e400\n2,3\n", "t.csv"))
        #expect(d.message == "the number `1e400` in column b is too large for it")
        #expect(d.location?.line == 2 && d.location?.column == 3)
    }

    @Test func decimalPastTheLargestInJSONIsAnErrorAtTheCellNotNull() throws {
        let d = try #require(error(#"[{"a":1,"b":2.5},{"a":2,"b":1e400}]"#, "t.json"))
        #expect(d.message.contains("`1e400` in column b is too large"))
        #expect(d.location?.column == 29)
    }

    @Test func wholeNumberPastInt64IsAnErrorNotRoundedTo1e23() throws {
        let d = try #require(error("a,b\n1,99999999999999999999999\n2,3\n", "t.csv"))
        #expect(d.message == "the number `99999999999999999999999` in column b is too large for it")
        #expect(d.hint?.contains("9223372036854775807") == true)
        // After whole numbers, too (the column would have widened to decimal).
        #expect(error("a\n1\n2\n99999999999999999999999\n", "t.csv") != nil)
        #expect(error(#"[{"a":1},{"a":99999999999999999999999}]"#, "t.json") != nil)
        // In a declared int column.
        let dir = TemporaryFolders.url("big")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = try String(contentsOfFile: Fixtures.dataDirectory + "/cooperatives.csv", encoding: .utf8)
        csv = csv.replacingOccurrences(of: ",25,500000000,", with: ",99999999999999999999999,500000000,")
        try csv.write(to: dir.appendingPathComponent("cooperatives.csv"), atomically: true, encoding: .utf8)
        var message = ""
        do { try Session().loadDirectory(dir.path) } catch { message = error.message }
        #expect(message.contains("`99999999999999999999999` in column members is too large for it (expected int)"))
    }

    @Test func decimalColumnKeepsALongWholeNumberAsADecimal() throws {
        let t = try load("a\n1.5\n99999999999999999999999\n", "t.csv").table
        #expect(t.rows[1] == [.decimal(1e23)])
    }

    @Test func leniently_AnOversizedCellLeavesItsRowOutWithAWarningNamingIt() throws {
        let loaded = try load("a,b\n1,1e400\n2,3\n", "t.csv", lenient: true)
        #expect(loaded.table.rows == [[.int(2), .int(3)]])
        let warning = try #require(loaded.warnings.first)
        #expect(warning.message.contains("row skipped: the number `1e400` in column b"))
        #expect(warning.location?.line == 2)
        let json = try load(#"[{"a":1,"b":1e400},{"a":2,"b":3}]"#, "t.json", lenient: true)
        #expect(json.table.rowCount == 1 && json.warnings.count == 1)
    }

    @Test func jsonArrayOrObjectWhereAValueBelongsIsAPositionedError() throws {
        let d = try #require(error(#"[{"a":1,"b":"x"},{"a":2,"b":[1,2]}]"#, "t.json"))
        #expect(d.message == "column b holds a JSON array, but a cell holds a single value")
        #expect(d.location?.column == 29)
    }
}
