import Foundation
import Testing
@testable import CoopQL

/// Loads `text` as a file of `table`, with the given options.
func loadOffice(_ text: String, _ table: String, options: LoadOptions = LoadOptions()) throws -> LoadedTable {
    try DataFile.load(bytes: Array(text.utf8), format: .csv, name: "\(table).csv", tableName: table, options: options)
}

/// The error loading `text` as a file of `table` gives, or nil when it loads.
func officeLoadError(_ text: String, _ table: String, options: LoadOptions = LoadOptions()) -> Diagnostic? {
    do {
        _ = try loadOffice(text, table, options: options)
        return nil
    } catch let error as Diagnostic {
        return error
    } catch {
        return nil
    }
}

func officeCells(_ t: Table, _ name: String) -> [Value] {
    let c = t.schema.names.firstIndex(of: name)!
    return (0..<t.rowCount).map { t.columns[c][$0] }
}

/// A folder holding the given files, for the command line.
func officeFolder(_ files: [String: [UInt8]]) throws -> String {
    let folder = TemporaryFolders.path("office")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    return folder
}

@Suite("Office files: partial and holey data-model files")
struct PartialFileTests {
    @Test func onlyTheIdentifyingColumnsAreRequired() throws {
        let loaded = try loadOffice("id,name,kind,province,members,ghi_chu\n1,HTX An,htx,Bắc Ninh,12,x\n2,HTX Bình,htx,Bắc Ninh,,7\n", "cooperatives")
        let t = loaded.table
        #expect(t.rowCount == 2)
        // Every declared column is there; those the file lacks are all null.
        for column in CoreSchema.cooperatives.columns { #expect(t.schema.names.contains(column.name)) }
        #expect(officeCells(t, "value_chain") == [.null, .null])
        #expect(t.columns[t.schema.names.firstIndex(of: "value_chain")!].type == .bool)
        #expect(officeCells(t, "commune") == [.null, .null])
        // An empty cell in a column that identifies nothing is null.
        #expect(officeCells(t, "members") == [.int(12), .null])
        // An extra column is kept, its type inferred from its values.
        #expect(officeCells(t, "ghi_chu") == [.text("x"), .text("7")])
        // One notice for the file, naming the missing columns.
        #expect(loaded.warnings.count == 1)
        let notice = try #require(loaded.warnings.first)
        #expect(notice.message.hasPrefix("the file has no column sector, district, commune, founded, status"))
        #expect(notice.message.contains("value_chain"))
        #expect(notice.message.hasSuffix("as empty (null) in table cooperatives"))
    }

    @Test func emptyBoolAndIntCellsOfLoansAreNull() throws {
        let t = try loadOffice("id,coop_id,amount,term_months,fund\n1,1,5000,,support_fund\n2,1,7000,12,\n", "loans").table
        #expect(officeCells(t, "term_months") == [.null, .int(12)])
        #expect(officeCells(t, "fund") == [.text("support_fund"), .null])
    }

    @Test func keyColumnsKeepTheirPreciseErrors() throws {
        let missing = try #require(officeLoadError("id,name,province\n1,HTX An,Bắc Ninh\n", "cooperatives"))
        #expect(missing.message == "the header has no column `kind`, which table cooperatives requires")
        #expect(missing.hint == "the columns cooperatives requires: id, name, kind, province")
        let empty = try #require(officeLoadError("id,name,kind,province\n1,,htx,Bắc Ninh\n", "cooperatives"))
        #expect(empty.message == "column name is empty, but it must have a value (expected text)")
        #expect(empty.location! == (2, 3))
        let amount = try #require(officeLoadError("id,coop_id,amount\n1,1,\n", "loans"))
        #expect(amount.message == "column amount is empty, but it must have a value (expected int)")
    }

    @Test func schemaTellsWhichColumnsAreRequired() throws {
        let text = describeSchema(of: "cooperatives", table: nil, language: .vi)
        #expect(text.contains("required in a file: id, name, kind, province; a column marked ? may be missing or empty (null)"))
        #expect(text.contains("  sector  ") && text.contains("text?"))
    }

    @Test func theNoticeGoesToStandardErrorOnly() throws {
        let folder = try officeFolder(["cooperatives.csv": Array("id,name,kind,province\n1,HTX An,htx,Bắc Ninh\n".utf8)])
        let r = try CLI.run(["-c", "cooperatives | count", "--data", folder, "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        #expect(r.stderr.components(separatedBy: "the file has no column").count == 2)
        #expect(r.stderr.contains("cooperatives.csv:1:1: warning: the file has no column sector"))
    }
}
