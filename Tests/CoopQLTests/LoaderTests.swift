import Foundation
import Testing
@testable import CoopQL

// MARK: - Helpers

/// Loads text held in memory as a file of table `table`, checked against the core schema.
private func load(_ text: String, _ table: String, format: DataFormat = .csv, lenient: Bool = false) throws -> LoadedTable {
    try DataFile.load(bytes: Array(text.utf8), format: format, name: fileName(table, format), tableName: table,
                      options: LoadOptions(lenient: lenient))
}

private func fileName(_ table: String, _ format: DataFormat) -> String {
    switch format {
    case .csv: return "\(table).csv"
    case .json: return "\(table).json"
    case .jsonLines: return "\(table).jsonl"
    }
}

/// The diagnostic a strict load of the text throws, or nil when it loads.
private func loadError(_ text: String, _ table: String, format: DataFormat = .csv) -> Diagnostic? {
    loadError(bytes: Array(text.utf8), table, format: format)
}

private func loadError(bytes: [UInt8], _ table: String, format: DataFormat = .csv) -> Diagnostic? {
    do {
        _ = try DataFile.load(bytes: bytes, format: format, name: fileName(table, format), tableName: table)
        return nil
    } catch {
        return error
    }
}

/// A column's cells, by name.
private func cells(_ table: Table, _ column: String) -> [Value] {
    guard let c = table.schema.names.firstIndex(of: column) else { return [] }
    return (0..<table.rowCount).map { table.columns[c][$0] }
}

private func type(_ table: Table, _ column: String) -> DataType? {
    table.schema.names.firstIndex(of: column).map { table.columns[$0].type }
}

private func day(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(Day(year: y, month: m, day: d)!) }

/// The column (from 1, in characters) where `needle` first starts in `line`: worked out from the
/// test's own text, so positions are checked without trusting the loader to find them.
private func column(of needle: String, in line: String) -> Int {
    let range = line.range(of: needle)!
    return line.distance(from: line.startIndex, to: range.lowerBound) + 1
}

private var loaderFixtures: URL { Fixtures.root.appendingPathComponent("loader") }

/// A fresh folder under the temporary directory holding these files.
private func folder(_ files: [String: String]) throws -> URL {
    let url = TemporaryFolders.url("loader")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    return url
}

/// One valid cooperative per id, with only the columns `cooperatives` requires.
private func cooperativesCSV(_ ids: [Int]) -> String {
    "id,name,kind,sector,province,district,founded,status,members,charter_capital,value_chain,new_model,certified_effective,ethnic_minority_area\n"
        + ids.map { "\($0),HTX \($0),htx,agriculture,Bắc Ninh,Từ Sơn,2020-01-01,active,10,0,có,không,không,không\n" }.joined()
}

private let productsHeader = "id,coop_id,name,category,ocop_stars,listed_online"

// MARK: - Values and types

@Suite("Loader: schema types and values")
struct LoaderValueTests {
    @Test func declaredColumnsTakeTheSchemaTypes() throws {
        // BOM, CRLF, semicolons, dd/mm/yyyy, Vietnamese numbers, có/không, a quoted line break.
        let path = loaderFixtures.appendingPathComponent("mixed/cooperatives.csv").path
        let loaded = try DataFile.load(path: path)
        let t = loaded.table
        #expect(loaded.warnings.isEmpty)
        #expect(t.rowCount == 3)
        #expect(t.schema.names == CoreSchema.cooperatives.columns.map(\.name).filter {
            !["value_chain_since", "certified_on"].contains($0)
        } + ["ghi_chú", "value_chain_since", "certified_on"])
        #expect(t.schema.columns.allSatisfy { $0.qualifier == "cooperatives" })
        #expect(type(t, "id") == .int && type(t, "members") == .int && type(t, "charter_capital") == .int)
        #expect(type(t, "founded") == .date && type(t, "value_chain") == .bool && type(t, "tax_code") == .text)
        #expect(cells(t, "tax_code") == [.text("0101234567"), .null, .null])
        #expect(cells(t, "members") == [.int(25), .int(1915), .int(7)])
        #expect(cells(t, "charter_capital") == [.int(500_000_000), .int(1_456_000_000), .int(0)])
        #expect(cells(t, "founded") == [day(2018, 3, 12), day(2018, 6, 1), day(2019, 1, 15)])
        #expect(cells(t, "value_chain") == [.bool(true), .bool(true), .bool(false)])
        #expect(cells(t, "new_model") == [.bool(false), .bool(false), .bool(false)])
        #expect(cells(t, "certified_effective") == [.bool(true), .bool(true), .bool(false)])
        #expect(cells(t, "ethnic_minority_area") == [.bool(false), .bool(false), .bool(true)])
        #expect(cells(t, "name")[1] == .text("HTX \"Dịch vụ\"\nDương Phong"))
        #expect(cells(t, "rating") == [.text("good"), .null, .text("weak")])
        #expect(cells(t, "commune") == [.text("Xuất Hóa"), .null, .text("Địa Linh")])
        // A column the schema does not declare is kept, its type inferred.
        #expect(type(t, "ghi_chú") == .text)
        #expect(cells(t, "ghi_chú") == [.text("mẫu"), .null, .text("ghi chú dài")])
    }

    @Test func aTableTheSchemaDoesNotKnowIsInferred() throws {
        let t = try load("tax_code,members\n0101234567,1.915\n", "danh_sach").table
        #expect(cells(t, "tax_code") == [.int(101_234_567)])
        #expect(cells(t, "members") == [.decimal(1.915)])
    }

    @Test func undeclaredColumnsOfADeclaredTableAreInferred() throws {
        let t = try load("\(productsHeader),gia,ma\n1,1,Chè,tea,4,có,12,007\n2,1,Mật ong,processed,3,không,15,x\n", "products").table
        #expect(type(t, "gia") == .int && cells(t, "gia") == [.int(12), .int(15)])
        #expect(cells(t, "ma") == [.text("007"), .text("x")])
    }

    @Test func vietnameseNumbersInIntColumns() throws {
        let header = "id,coop_id,fund,amount,disbursed,term_months,status\n"
        let t = try load(header + """
            1,1,support_fund,1.456.000.000,2022-03-15,24,current
            2,1,support_fund,300000000,2022-03-15,1.200,current
            3,1,bank,1.915,2022-03-15,-12,repaid
            """, "loans").table
        #expect(cells(t, "amount") == [.int(1_456_000_000), .int(300_000_000), .int(1915)])
        #expect(cells(t, "term_months") == [.int(24), .int(1200), .int(-12)])
        for bad in ["1.5", "1.9150", "01.500", "1.91", "3,5", "1 915"] {
            let d = try #require(loadError(header + "1,1,bank,\"\(bad)\",2022-03-15,12,current\n", "loans"), "\(bad)")
            #expect(d.message == "`\(bad)` is not a whole number (column amount, expected int)")
        }
        let comma = try #require(loadError(header + "1,1,bank,\"1,456,000\",2022-03-15,12,current\n", "loans"))
        #expect(comma.suggestion == "a comma marks decimals here: write 1456000 or 1.456.000")
    }

    @Test func vietnameseNumbersInDecimalColumns() throws {
        // This file has comma decimals, so `1.500` groups thousands too.
        let vietnamese = try load("""
            province;year;indicator;target
            Bắc Ninh;2023;new_htx;30
            Bắc Ninh;2023;managers_trained_pct;40,5
            Bắc Ninh;2023;support_fund_capital;50.000.000.000
            Bắc Ninh;2023;new_model_htx;1.234,5
            Bắc Ninh;2023;join_alliance;1.500
            Bắc Ninh;2023;join_alliance;-0,25
            """, "plans").table
        #expect(type(vietnamese, "target") == .decimal)
        #expect(cells(vietnamese, "target") == [.decimal(30), .decimal(40.5), .decimal(50_000_000_000), .decimal(1234.5),
                                                .decimal(1500), .decimal(-0.25)])
        // No Vietnamese number anywhere: a single dot is a decimal point.
        let international = try load("""
            province,year,indicator,target
            Bắc Ninh,2023,new_htx,1.500
            Bắc Ninh,2023,new_htx,2.25
            Bắc Ninh,2023,new_htx,1e3
            """, "plans").table
        #expect(cells(international, "target") == [.decimal(1.5), .decimal(2.25), .decimal(1000)])
        // Dot grouping in an int column of the same file is evidence as well.
        let grouped = try load("province,year,indicator,target\nBắc Ninh,2.023,new_htx,1.500\n", "plans").table
        #expect(cells(grouped, "target") == [.decimal(1500)])
        for bad in ["1,2,3", "1.23,4", "12.34.567", ",5", "5,", "abc"] {
            let d = try #require(loadError("province,year,indicator,target\nBắc Ninh,2023,new_htx,\"\(bad)\"\n", "plans"), "\(bad)")
            #expect(d.message == "`\(bad)` is not a number (column target, expected decimal)")
        }
    }

    @Test func ambiguousDecimalsAgreeAcrossStretches() throws {
        // The evidence comes last, in another stretch than the ambiguous values.
        var text = "province,year,indicator,target\n"
        for i in 0..<300 { text += "Bắc Ninh,2023,new_htx,\(i % 2 == 0 ? "1.500" : "\(i)")\n" }
        text += "Bắc Ninh,2023,new_htx,\"3,5\"\n"
        let schema = CoreSchema.plans
        let whole = try CSVReader.parse(Array(text.utf8), tableName: "plans", schema: schema, parts: 1).table
        #expect(cells(whole, "target")[0] == .decimal(1500))
        #expect(cells(whole, "target")[300] == .decimal(3.5))
        for parts in [2, 5] {
            let split = try CSVReader.parse(Array(text.utf8), tableName: "plans", schema: schema, parts: parts).table
            #expect(split.rows == whole.rows, "\(parts) parts")
        }
    }

    @Test func yesNoValuesInEveryForm() throws {
        let forms = ["có", "không", "CÓ", "Không", "1", "0", "TRUE", "false", "co\u{0301}", "kho\u{0302}ng"]
        let text = productsHeader + "\n" + forms.enumerated().map { "\($0.offset + 1),1,Chè,tea,4,\($0.element)" }.joined(separator: "\n")
        let t = try load(text, "products").table
        #expect(cells(t, "listed_online") == [true, false, true, false, true, false, true, false, true, false].map(Value.bool))
        let d = try #require(loadError(productsHeader + "\n1,1,Chè,tea,4,yes\n", "products"))
        #expect(d.message == "`yes` is not a yes/no value (column listed_online, expected bool)")
        #expect(d.hint == "write true or false, 1 or 0, có or không")
    }

    @Test func datesInBothForms() throws {
        let header = "id,coop_id,fund,amount,disbursed,term_months,status\n"
        let t = try load(header + """
            1,1,bank,1,2022-03-15,12,current
            2,1,bank,1,15/03/2022,12,current
            3,1,bank,1,1/2/2023,12,current
            """, "loans").table
        #expect(cells(t, "disbursed") == [day(2022, 3, 15), day(2022, 3, 15), day(2023, 2, 1)])
        let line = "4,1,bank,1,31/02/2024,12,current"
        let d = try #require(loadError(header + line + "\n", "loans"))
        #expect(d.message == "`31/02/2024` is not a date (column disbursed, expected date)")
        #expect(d.location! == (2, column(of: "31/02", in: line)))
        #expect(d.hint == "write a real day as YYYY-MM-DD or dd/mm/yyyy, such as 2022-12-23 or 23/12/2022")
    }

    @Test func emptyFieldsAreNullWhereTheSchemaAllows() throws {
        let t = try load("id,coop_id,fund,amount,disbursed,term_months,status,program,note\n1,1,bank,1,2022-03-15,12,current,,\"\"\n", "loans").table
        #expect(cells(t, "program") == [.null] && cells(t, "note") == [.null])
        #expect(type(t, "program") == .text)
    }
}

// MARK: - Errors

@Suite("Loader: errors")
struct LoaderErrorTests {
    @Test func aValueOfTheWrongType() throws {
        let line = "2,1,Mật ong,processed,4x,không"
        let d = try #require(loadError("\(productsHeader)\n1,1,Chè Tân Cương,tea,4,có\n\(line)\n", "products"))
        #expect(d.kind == .data)
        #expect(d.message == "`4x` is not a whole number (column ocop_stars, expected int)")
        #expect(d.location! == (3, 23))
        #expect(column(of: "4x", in: line) == 23)
        #expect(d.excerpt! == (line, 2))
        #expect(d.hint == "write a whole number, such as 1915 or 1.915 (a dot between thousands)")
        #expect(d.description == """
            products.csv:3:23: error: `4x` is not a whole number (column ocop_stars, expected int)
             3 | 2,1,Mật ong,processed,4x,không
               |                       ^^
              = note: write a whole number, such as 1915 or 1.915 (a dot between thousands)

            """)
    }

    @Test func aQuotedValueIsMarkedWithItsQuotes() throws {
        let line = "5,1,Bưởi,fresh,\"4x\",có"
        let d = try #require(loadError("\(productsHeader)\n\(line)\n", "products"))
        #expect(d.location! == (2, column(of: "\"4x\"", in: line)))
        #expect(d.excerpt! == (line, 4))
    }

    @Test func linesCountBreaksInsideQuotes() throws {
        let d = try #require(loadError("\(productsHeader)\n6,1,\"Trà\nxanh\",tea,x,có\n", "products"))
        #expect(d.message == "`x` is not a whole number (column ocop_stars, expected int)")
        #expect(d.location! == (3, column(of: ",x,", in: "xanh\",tea,x,có") + 1))
        #expect(d.excerpt?.line == "xanh\",tea,x,có")
    }

    @Test func byteOrderMarkSemicolonsAndCRLF() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("id;coop_id;name;category;ocop_stars;listed_online\r\n1;1;Chè;tea;4;có\r\n2;1;Mật;tea;4;maybe\r\n".utf8)
        let d = try #require(loadError(bytes: bytes, "products"))
        #expect(d.message == "`maybe` is not a yes/no value (column listed_online, expected bool)")
        #expect(d.location! == (3, 15))
        #expect(d.excerpt! == ("2;1;Mật;tea;4;maybe", 5))
    }

    @Test func anEmptyValueWhereOneIsRequired() throws {
        let d = try #require(loadError("\(productsHeader)\n3,1,,fresh,3,có\n", "products"))
        #expect(d.message == "column name is empty, but it must have a value (expected text)")
        #expect(d.location! == (2, 5))
        #expect(d.hint == "the schema gives every row of products a name")
    }

    @Test func aCodeNotInTheEnumeration() throws {
        let d = try #require(loadError("\(productsHeader)\n4,1,Cam,frsh,3,có\n", "products"))
        #expect(d.message == "`frsh` is not a code of column category")
        #expect(d.location! == (2, 9))
        #expect(d.suggestion == "did you mean `fresh`?")
        #expect(d.hint == "allowed: fresh (nông sản tươi), processed (nông sản chế biến), tea (chè), handicraft (thủ công mỹ nghệ), seafood (thủy sản), other (khác); a code or its label, in any case, accents optional")
        // A label where the code belongs, or the code in capitals, stands for the code.
        let label = try load("\(productsHeader)\n4,1,Cam,Chè,3,có\n5,1,Mật,TEA,3,có\n", "products").table
        #expect(cells(label, "category") == [.text("tea"), .text("tea")])
    }

    @Test func aMissingRequiredColumn() throws {
        let d = try #require(loadError("id,coop_id,nme,category,ocop_stars,listed_online\n1,1,Chè,tea,4,có\n", "products"))
        #expect(d.message == "the header has no column `name`, which table products requires")
        #expect(d.location! == (1, 12))
        #expect(d.suggestion == "is column `nme` meant to be `name`?")
        #expect(d.hint == "the columns products requires: id, coop_id, name")
        let plain = try #require(loadError("id,coop_id,category,ocop_stars,listed_online\n", "products"))
        #expect(plain.message == "the header has no column `name`, which table products requires")
        #expect(plain.location! == (1, 1))
        #expect(plain.suggestion == nil)
    }

    @Test func aTooShortRow() throws {
        let d = try #require(loadError("\(productsHeader)\n1,1,Chè,tea,4,có\n7,1,Na,fresh,3\n", "products"))
        #expect(d.message == "line 3 has 5 fields, but the header has 6")
        #expect(d.location! == (3, 1))
    }

    @Test func aRepeatedKey() throws {
        let d = try #require(loadError("\(productsHeader)\n1,1,Chè,tea,4,có\n2,1,Na,fresh,3,có\n3,1,Cam,fresh,3,có\n2,1,Bưởi,fresh,3,có\n", "products"))
        #expect(d.message == "duplicate id `2` (line 3 has it already)")
        #expect(d.location! == (5, 1))
        #expect(d.excerpt! == ("2,1,Bưởi,fresh,3,có", 1))
        #expect(d.hint == "id identifies a row of products, so no two rows may share one")
        // Keys need not rise: the check then hashes them.
        let unordered = try load("\(productsHeader)\n3,1,Chè,tea,4,có\n1,1,Na,fresh,3,có\n2,1,Cam,fresh,3,có\n", "products")
        #expect(cells(unordered.table, "id") == [.int(3), .int(1), .int(2)])
    }

    @Test func aReferenceToNothing() throws {
        let dir = try folder([
            "cooperatives.csv": cooperativesCSV([1, 2]),
            "products.csv": "\(productsHeader)\n1,1,Chè,tea,4,có\n2,9,Na,fresh,3,có\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try loadDataDirectory(dir.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "coop_id `9` matches no id in cooperatives")
            #expect(error.source?.name == dir.path + "/products.csv")
            #expect(error.location! == (3, 3))
            #expect(error.hint == "each coop_id must be the id of a row of cooperatives")
        }
    }

    @Test func referencesAreNotCheckedWithoutTheirTable() throws {
        let dir = try folder(["products.csv": "\(productsHeader)\n1,9,Chè,tea,4,có\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try loadDataDirectory(dir.path).tables.map(\.name) == ["products"])
    }

    @Test func referencesFindTablesTheSessionHas() throws {
        let coops = try folder(["cooperatives.csv": cooperativesCSV([1])])
        let good = try folder(["products.csv": "\(productsHeader)\n1,1,Chè,tea,4,có\n"])
        let bad = try folder(["products.csv": "\(productsHeader)\n1,2,Chè,tea,4,có\n"])
        defer { for d in [coops, good, bad] { try? FileManager.default.removeItem(at: d) } }
        let session = Session()
        try session.loadDirectory(coops.path)
        try session.loadDirectory(good.path)
        #expect(throws: Diagnostic.self) { try session.loadDirectory(bad.path) }
    }

    @Test func structuralFaultsShowTheLine() throws {
        let d = try #require(loadError("\(productsHeader)\n1,1,\"Chè,tea,4,có\n", "products"))
        #expect(d.message == "the quoted field opened at line 2, column 5 is never closed")
        #expect(d.excerpt?.line == "1,1,\"Chè,tea,4,có")
    }
}

// MARK: - Lenient

@Suite("Loader: lenient loading")
struct LoaderLenientTests {
    static let text = """
        \(productsHeader),gia
        1,1,Chè,tea,4,có,12
        2,1,Mật ong,processed,4x,không,13
        3,1,Cam,frsh,3,có,abc
        4,1,Na,fresh,3
        5,1,Bưởi,fresh,5,có,15
        5,1,Bưởi da xanh,fresh,5,có,16
        """

    @Test func goodRowsLoadAndEachSkippedRowWarns() throws {
        let loaded = try load(Self.text, "products", lenient: true)
        #expect(cells(loaded.table, "id") == [.int(1), .int(5)])
        #expect(cells(loaded.table, "name") == [.text("Chè"), .text("Bưởi")])
        // The left-out rows' values do not count for inference: `abc` would have made it text.
        #expect(type(loaded.table, "gia") == .int && cells(loaded.table, "gia") == [.int(12), .int(15)])
        #expect(loaded.warnings.count == 4)
        #expect(loaded.warnings.map(\.message) == [
            "row skipped: `4x` is not a whole number (column ocop_stars, expected int)",
            "row skipped: `frsh` is not a code of column category",
            "row skipped: line 5 has 5 fields, but the header has 7",
            "row skipped: duplicate id `5` (line 6 has it already)",
        ])
        #expect(loaded.warnings.map { $0.location!.line } == [3, 4, 5, 7])
        #expect(loaded.warnings.allSatisfy { $0.kind == .data && $0.source?.name == "products.csv" })
        let rendered = DiagnosticRenderer(colour: false).renderWarning(loaded.warnings[0])
        #expect(rendered.hasPrefix("products.csv:3:23: warning: row skipped: `4x` is not a whole number"))
        #expect(rendered.contains(" 3 | 2,1,Mật ong,processed,4x,không,13\n"))
    }

    @Test func strictlyTheSameFileStopsAtTheFirstProblem() throws {
        let d = try #require(loadError(Self.text, "products"))
        #expect(d.message == "`4x` is not a whole number (column ocop_stars, expected int)")
    }

    @Test func columnsReadAgainAsTextPassOverSkippedRows() throws {
        // `note` turns text after an int, so it is read twice; the refused row must not shift it.
        let t = try load("\(productsHeader),note\n1,1,Chè,tea,4,có,7\n2,1,Na,xx,3,có,bad\n3,1,Cam,fresh,3,có,ngon\n", "products", lenient: true)
        #expect(cells(t.table, "id") == [.int(1), .int(3)])
        #expect(cells(t.table, "note") == [.text("7"), .text("ngon")])
    }

    @Test func stretchesFindTheSameRowsAsOneRead() throws {
        var text = productsHeader + ",note\n"
        for i in 0..<2_000 {
            let category = i % 97 == 5 ? "nope" : "tea"
            let stars = i % 89 == 3 ? "x" : "\(i % 6)"
            let note = i % 3 == 0 ? "\(i)" : i % 500 == 7 ? "t\(i)" : ""
            text += i % 151 == 9 ? "\(i),1\n" : "\(i),1,\"Sản phẩm\n\(i)\",\(category),\(stars),có,\(note)\n"
        }
        let bytes = Array(text.utf8)
        let whole = try CSVReader.parse(bytes, tableName: "products", schema: CoreSchema.products, lenient: true, parts: 1)
        // 14 short rows, 21 bad categories, 23 bad star counts; no row has two of these.
        #expect(whole.problems.count == 14 + 21 + 23)
        for parts in [2, 3, 8] {
            let split = try CSVReader.parse(bytes, tableName: "products", schema: CoreSchema.products, lenient: true, parts: parts)
            #expect(split.table.rows == whole.table.rows, "\(parts) parts")
            #expect(split.problems.map(\.at) == whole.problems.map(\.at), "\(parts) parts")
        }
    }

    @Test func rowsReferringToSkippedRowsAreSkippedToo() throws {
        let loaded = try loadDataDirectory(loaderFixtures.appendingPathComponent("bad").path, options: LoadOptions(lenient: true))
        let tables = Dictionary(uniqueKeysWithValues: loaded.tables.map { ($0.name, $0.table) })
        #expect(cells(tables["cooperatives"]!, "id") == [.int(1), .int(3)])
        #expect(cells(tables["members"]!, "id") == [.int(1), .int(3)])
        #expect(loaded.warnings.map(\.message) == [
            "row skipped: `12x` is not a whole number (column members, expected int)",
            "row skipped: coop_id `2` matches no id in cooperatives",
            "row skipped: coop_id `9` matches no id in cooperatives",
        ])
        #expect(loaded.warnings.map { $0.location!.line } == [3, 3, 5])
    }

    @Test func faultsInTheFormOfAFileStillStop() throws {
        #expect(throws: Diagnostic.self) { try load("\(productsHeader)\n1,1,\"Chè,tea,4,có\n", "products", lenient: true) }
        #expect(throws: Diagnostic.self) { try load("id,coop_id\n", "products", lenient: true) }
    }
}

// MARK: - JSON

@Suite("Loader: JSON and JSON Lines")
struct LoaderJSONTests {
    @Test func keysAreColumnsInOrderOfFirstAppearance() throws {
        let t = try load("""
            [{"a": 1, "b": "x"},
             {"c": true, "a": 2.5},
             {"b": null, "d": "2024-01-31", "e": "0912", "f": ""}]
            """, "t", format: .json).table
        #expect(t.schema.names == ["a", "b", "c", "d", "e", "f"])
        #expect(t.rowCount == 3)
        #expect(cells(t, "a") == [.decimal(1), .decimal(2.5), .null])
        #expect(cells(t, "b") == [.text("x"), .null, .null])
        #expect(cells(t, "c") == [.null, .bool(true), .null])
        #expect(cells(t, "d") == [.null, .null, day(2024, 1, 31)])
        // A string stays text in an inferred column, whatever it looks like.
        #expect(cells(t, "e") == [.null, .null, .text("0912")])
        #expect(cells(t, "f") == [.null, .null, .null])
    }

    @Test func numbersThenStringsAreText() throws {
        let t = try load(#"[{"x": 1}, {"x": "a"}, {"x": 2}]"#, "t", format: .json).table
        #expect(cells(t, "x") == [.text("1"), .text("a"), .text("2")])
    }

    @Test func escapesAndNormalisation() throws {
        let t = try load(#"[{"s": "Tr\u1ea7n \"A\"\n\ud83c\udf3e\/", "te\u0302n": "Hoa\u0300"}]"#, "t", format: .json).table
        #expect(t.schema.names == ["s", "tên"])
        #expect(cells(t, "s") == [.text("Trần \"A\"\n🌾/")])
        // NFC, with the tone mark where the built-in lists put it (`Hoà` → `Hòa`).
        #expect(cells(t, "tên") == [.text("Hòa")])
    }

    @Test func declaredColumnsFromJSONLines() throws {
        let path = loaderFixtures.appendingPathComponent("mixed/members.jsonl").path
        let t = try DataFile.load(path: path).table
        #expect(t.schema.names == ["id", "coop_id", "full_name", "gender", "birth_year", "joined", "role", "education",
                                   "contribution", "phone"])
        #expect(t.schema.columns.allSatisfy { $0.qualifier == "members" })
        #expect(cells(t, "full_name") == [.text("Nguyễn Văn An"), .text("Trần Thị Bình"), .text("Lê Văn Cường")])
        #expect(cells(t, "birth_year") == [.int(1961), .int(1975), .int(1990)])
        #expect(cells(t, "joined") == [day(2022, 12, 23), day(2016, 2, 11), day(2020, 1, 1)])
        #expect(cells(t, "contribution") == [.int(1_500_000), .int(2_000_000), .int(0)])
        #expect(cells(t, "education") == [.text("university"), .null, .null])
        #expect(cells(t, "phone") == [.null, .null, .text("0912345678")])
    }

    @Test func declaredColumnsFromAJSONArray() throws {
        let t = try DataFile.load(path: loaderFixtures.appendingPathComponent("mixed/loans.json").path).table
        #expect(cells(t, "amount") == [.int(300_000_000), .int(1_456_000_000)])
        #expect(cells(t, "disbursed") == [day(2018, 5, 10), day(2022, 3, 15)])
        #expect(cells(t, "program") == [.null, .null] && type(t, "program") == .text)
        #expect(cells(t, "note") == [.null, .text("ghi \"chú\"\nhai dòng")])
    }

    @Test func anEmptyArrayStillHasTheRequiredColumns() throws {
        let t = try load("[ ]", "loans", format: .json).table
        #expect(t.rowCount == 0)
        // The required columns, then the others the file leaves out, all null.
        #expect(t.schema.names == ["id", "coop_id", "amount", "fund", "disbursed", "term_months", "status", "program", "note"])
        #expect(t.columns.map(\.type) == [.int, .int, .int, .text, .date, .int, .text, .text, .text])
    }

    static let member = #"{"id": 1, "coop_id": 1, "full_name": "An", "gender": "male", "birth_year": 1970, "joined": "2020-01-01", "role": "member", "contribution": 0}"#

    /// The member object with one value replaced (or, with nil, its key removed).
    static func member(_ key: String, _ value: String?) -> String {
        let pattern = try! NSRegularExpression(pattern: "\"\(key)\": (\"[^\"]*\"|[0-9]+)(, )?")
        let range = NSRange(member.startIndex..., in: member)
        let match = pattern.firstMatch(in: member, range: range)!
        let replacement = value.map { "\"\(key)\": \($0)" + (Range(match.range(at: 2), in: member) != nil ? ", " : "") } ?? ""
        return member.replacingCharacters(in: Range(match.range, in: member)!, with: replacement)
    }

    @Test func aValueOfTheWrongType() throws {
        let line = "  " + Self.member("birth_year", "\"19x0\"")
        let d = try #require(loadError("[\n\(line)\n]", "members", format: .json))
        #expect(d.message == "`19x0` is not a whole number (column birth_year, expected int)")
        #expect(d.location! == (2, column(of: "\"19x0\"", in: line)))
        #expect(d.excerpt! == (line, 6))
        let number = try #require(loadError("[\(Self.member("birth_year", "1970.5"))]", "members", format: .json))
        #expect(number.message == "`1970.5` is not a whole number (column birth_year, expected int)")
        // A JSON number is JSON's notation: no Vietnamese grouping.
        let grouped = try #require(loadError("[\(Self.member("contribution", "1.500"))]", "members", format: .json))
        #expect(grouped.message == "`1.500` is not a whole number (column contribution, expected int)")
    }

    @Test func aMissingOrNullRequiredValue() throws {
        let line = Self.member("coop_id", nil)
        let d = try #require(loadError("[\(Self.member("id", "2")),\n \(line)]", "members", format: .json))
        #expect(d.message == "the object has no key `coop_id`, but column coop_id must have a value (expected int)")
        #expect(d.location! == (2, 2))
        let null = try #require(loadError("[\(Self.member("coop_id", "null"))]", "members", format: .json))
        #expect(null.message == "column coop_id is null, but it must have a value (expected int)")
        #expect(null.location! == (1, column(of: "null", in: "[" + Self.member("coop_id", "null"))))
        // Columns that do not identify a row may be missing or null.
        let holey = try load("[\(Self.member("id", "2")),\n \(Self.member("full_name", nil))]", "members", format: .json).table
        #expect(cells(holey, "full_name") == [.text("An"), .null])
        #expect(cells(try load("[\(Self.member("gender", "null"))]", "members", format: .json).table, "gender") == [.null])
        let code = try #require(loadError("[\(Self.member("role", "\"chủ tịch\""))]", "members", format: .json))
        #expect(code.message == "`chủ tịch` is not a code of column role")
    }

    @Test func valuesThatAreNotCells() throws {
        let nested = try #require(loadError("[\(Self.member("role", "[\"member\"]"))]", "members", format: .json))
        #expect(nested.message == "column role holds a JSON array, but a cell holds a single value")
        let twice = try #require(loadError(#"[{"a": 1, "a": 2}]"#, "t", format: .json))
        #expect(twice.message == "the object has key `a` twice")
        #expect(twice.location! == (1, 2))
    }

    @Test func syntaxErrorsArePlaced() throws {
        let cases: [(String, String, Int, Int)] = [
            (#"[{"a": 1 "b": 2}]"#, "expected `,` or `}`, found `\"`", 1, 10),
            (#"{"a": 1}"#, "a .json data file holds an array of objects, but it starts with `{`", 1, 1),
            ("[{\"a\": 1},\n 7]", "expected an object, found `7`", 2, 2),
            (#"[{"a": "x}]"#, "the string opened here is never closed", 1, 8),
            (#"[{"a": 1}] x"#, "expected nothing more, found `x`", 1, 12),
            (#"[{"a": "\q"}]"#, "this escape is not one JSON knows", 1, 9),
            (#"[{"a": 01}]"#, "this is not a JSON number", 1, 8),
            ("[{\"a\": \"x\ny\"}]", "a string holds a line break or another control character as it is", 1, 10),
            (#"[{"": 1}]"#, "an empty key cannot name a column", 1, 3),
            ("[{\"a\": 1},", "expected an object, found the end of the file", 1, 11),
            ("  \n ", "the file is empty", 1, 1),
        ]
        for (text, message, line, col) in cases {
            let d = try #require(loadError(text, "t", format: .json), "\(text)")
            #expect(d.message == message, "\(text)")
            #expect(d.location! == (line, col), "\(text)")
        }
    }

    @Test func jsonLines() throws {
        let t = try load("{\"a\": 1}\n\n{\"a\": 2, \"b\": \"x\"}\r\n  {\"a\": 3}", "t", format: .jsonLines).table
        #expect(cells(t, "a") == [.int(1), .int(2), .int(3)])
        #expect(cells(t, "b") == [.null, .text("x"), .null])
        let d = try #require(loadError("{\"a\": 1}\n{\"a\": }\n", "t", format: .jsonLines))
        #expect(d.message == "expected a value, found `}`")
        #expect(d.location! == (2, 7))
        // An object is one line.
        let split = try #require(loadError("{\"a\":\n1}\n", "t", format: .jsonLines))
        #expect(split.message == "expected a value, found the end of the line")
        #expect(split.location! == (1, 6))
    }

    @Test func jsonLinesLeniently() throws {
        let lines = [Self.member("id", "1"), #"{"id": 2,"#, "[1]", Self.member("id", "4").replacingOccurrences(of: "\"male\"", with: "\"mle\""),
                     Self.member("id", "5")]
        let loaded = try load(lines.joined(separator: "\n"), "members", format: .jsonLines, lenient: true)
        #expect(cells(loaded.table, "id") == [.int(1), .int(5)])
        #expect(loaded.warnings.map(\.message) == [
            "row skipped: expected a key in double quotes, found the end of the line",
            "row skipped: expected an object, found `[`",
            "row skipped: `mle` is not a code of column gender",
        ])
        #expect(loaded.warnings.map { $0.location!.line } == [2, 3, 4])
    }

    @Test func jsonRereadPassesOverSkippedObjects() throws {
        let text = """
            [{"id": 1, "coop_id": 1, "name": "Chè", "category": "tea", "ocop_stars": 4, "listed_online": true, "gia": 1},
             {"id": 2, "coop_id": 1, "name": "Na", "category": "xx", "ocop_stars": 3, "listed_online": true, "gia": 5},
             {"id": 3, "coop_id": 1, "name": "Cam", "category": "fresh", "ocop_stars": 3, "listed_online": false, "gia": "a"}]
            """
        let loaded = try load(text, "products", format: .json, lenient: true)
        #expect(cells(loaded.table, "id") == [.int(1), .int(3)])
        #expect(cells(loaded.table, "gia") == [.text("1"), .text("a")])
        #expect(loaded.warnings.count == 1)
    }
}

// MARK: - Folders and sessions

@Suite("Loader: folders and sessions")
struct LoaderFolderTests {
    @Test func aFolderMayMixFormats() throws {
        let loaded = try loadDataDirectory(loaderFixtures.appendingPathComponent("mixed").path)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.tables.map(\.name) == ["cooperatives", "loans", "members"])
        #expect(loaded.tables.map(\.table.rowCount) == [3, 2, 3])
        let session = Session()
        try session.loadDirectory(loaderFixtures.appendingPathComponent("mixed").path)
        let joined = try session.evaluate("members | join cooperatives on coop_id == cooperatives.id | select full_name, cooperatives.tax_code")
        #expect(Fixtures.rows(joined)?.first == [.text("Nguyễn Văn An"), .text("0101234567")])
    }

    @Test func twoFormatsOfOneTable() throws {
        let dir = try folder(["x.csv": "a\n1\n", "x.json": #"[{"a": 1}]"#])
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try loadDataDirectory(dir.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "`\(dir.path)/x.csv` and `\(dir.path)/x.json` would both load as table `x`")
        }
    }

    @Test func aFailedLoadLeavesTheSessionAsItWas() throws {
        let session = Session()
        try session.loadDirectory(loaderFixtures.appendingPathComponent("mixed").path)
        let before = session.tables
        let dir = try folder(["extra.csv": "a\n1\n", "products.csv": "\(productsHeader)\n1,1,Chè,tea,4x,có\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: Diagnostic.self) { try session.loadDirectory(dir.path) }
        #expect(throws: Diagnostic.self) { try session.loadDirectory(loaderFixtures.appendingPathComponent("bad").path) }
        #expect(session.tables["extra"] == nil && session.tables["products"] == nil)
        #expect(Set(session.tables.keys) == Set(before.keys))
        for (name, table) in before { #expect(session.tables[name]?.rows == table.rows, "\(name)") }
        #expect(cells(session.tables["cooperatives"]!, "name")[0] == .text("HTX Nông nghiệp Tân Thành"))
    }

    @Test func aLenientSessionLoadReturnsItsWarnings() throws {
        let session = Session()
        let warnings = try session.loadDirectory(loaderFixtures.appendingPathComponent("bad").path, options: LoadOptions(lenient: true))
        #expect(warnings.count == 3)
        #expect(session.tables["members"]?.rowCount == 2)
    }

    @Test func theCommandLineStopsOrWarns() throws {
        let bad = loaderFixtures.appendingPathComponent("bad").path
        let line = try String(contentsOfFile: bad + "/cooperatives.csv", encoding: .utf8).components(separatedBy: "\n")[2]
        let at = "3:\(column(of: ",12x,", in: line) + 1)"
        let strict = try CLI.run(["-c", "members | count", "--data", bad])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("\(bad)/cooperatives.csv:\(at): error: `12x` is not a whole number (column members, expected int)\n"))
        #expect(strict.stdout.isEmpty)
        let lenient = try CLI.run(["-c", "members | count", "--data", bad, "--lenient", "--format", "csv"])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("2"))
        #expect(lenient.stderr.components(separatedBy: ": warning: row skipped: ").count == 4)
        #expect(lenient.stderr.hasPrefix("\(bad)/cooperatives.csv:\(at): warning: row skipped: `12x` is not a whole number"))
        #expect(!lenient.stderr.contains("error"))
    }
}
