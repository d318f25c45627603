import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLBase
@testable import CoopQLShell

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

@Suite("Office files: Vietnamese headers and values")
struct VietnameseHeaderTests {
    static let register = """
        Mã HTX;Tên HTX;Loại hình;Tỉnh;Huyện;Số thành viên;Lĩnh vực;Tình trạng
        1;HTX Nông nghiệp An Bình;HTX;Bắc Ninh;Huyện Gia Bình;12;Nông nghiệp;Đang hoạt động
        2;HTX Dệt Tân Hồng;hợp tác xã;Bắc Ninh;Thành phố Từ Sơn;7;TIEU THU CONG NGHIEP;dang hoat dong
        3;Tổ hợp tác Đông Phong;Tổ hợp tác;Bắc Ninh;Huyện Yên Phong;5;agriculture;giải thể

        """

    @Test func headersAndLabelsMatchTheColumnsAndCodes() throws {
        let loaded = try loadOffice(Self.register, "cooperatives")
        let t = loaded.table
        #expect(Array(t.schema.names.prefix(8)) == ["id", "name", "kind", "province", "district", "members", "sector", "status"])
        #expect(officeCells(t, "kind") == [.text("htx"), .text("htx"), .text("group")])
        #expect(officeCells(t, "sector") == [.text("agriculture"), .text("handicraft"), .text("agriculture")])
        #expect(officeCells(t, "status") == [.text("active"), .text("active"), .text("dissolved")])
        #expect(officeCells(t, "members") == [.int(12), .int(7), .int(5)])
    }

    @Test func headersIgnoreCaseAccentsSpacingAndUnits() throws {
        let text = "MA HTX,ten   htx,LOẠI_HÌNH,tinh,Vốn điều lệ (đồng)\n1,HTX An,htx,Bắc Ninh,500000000\n"
        let t = try loadOffice(text, "cooperatives").table
        #expect(Array(t.schema.names.prefix(5)) == ["id", "name", "kind", "province", "charter_capital"])
        #expect(officeCells(t, "charter_capital") == [.int(500_000_000)])
    }

    @Test func twoHeadersForOneColumnAreAnError() throws {
        let d = try #require(officeLoadError("id,Tên HTX,kind,Tỉnh,province\n1,An,htx,Bắc Ninh,Bắc Ninh\n", "cooperatives"))
        #expect(d.message == "the headers `Tỉnh` and `province` both name column province")
        #expect(d.location! == (1, 22))
    }

    @Test func titleRowsAndATotalsRowAreLeftOutWithNotices() throws {
        let text = """
            DANH SÁCH HỢP TÁC XÃ NĂM 2022;;;;
            Đơn vị tính: người;;;;
            ;;;;
            Mã HTX;Tên HTX;Loại hình;Tỉnh;Số thành viên
            1;HTX An;HTX;Bắc Ninh;12
            2;HTX Bình;HTX;Bắc Ninh;30
            ;Tổng cộng;;;42

            """
        let loaded = try loadOffice(text, "cooperatives")
        #expect(loaded.table.rowCount == 2)
        #expect(officeCells(loaded.table, "members") == [.int(12), .int(30)])
        let messages = loaded.warnings.map(\.message)
        #expect(messages.contains("left out 2 title lines above the header: line 1 “DANH SÁCH HỢP TÁC XÃ NĂM 2022”, line 2 “Đơn vị tính: người”"))
        #expect(messages.contains("left out the totals row at line 7 (“Tổng cộng”)"))
        // A later error still names the file's own line.
        let bad = try #require(officeLoadError(text.replacingOccurrences(of: "2;HTX Bình;HTX", with: "2;HTX Bình;HTQ"), "cooperatives"))
        #expect(bad.location!.line == 6)
        // A file of another table gets the same treatment; `Cộng` too.
        let other = try loadOffice("Bảng kê\nhuyện,số\nA,1\nB,2\nCộng,3\n", "ke")
        #expect(other.table.rowCount == 2 && other.table.schema.names == ["huyện", "số"])
    }

    @Test func anUnknownValueSuggestsTheClosestCodeOrLabel() throws {
        let d = try #require(officeLoadError("id,name,kind,province,sector\n1,An,htx,Bắc Ninh,Nông nghệp\n", "cooperatives"))
        #expect(d.message == "`Nông nghệp` is not a code of column sector")
        #expect(d.location! == (2, 19))
        #expect(d.suggestion == "did you mean `nông nghiệp`?")
        // Leniently, the row is left out as before.
        let lenient = try loadOffice("id,name,kind,province,sector\n1,An,htx,Bắc Ninh,Nông nghệp\n2,Bình,htx,Bắc Ninh,xây dựng\n",
                                     "cooperatives", options: LoadOptions(lenient: true))
        #expect(lenient.table.rowCount == 1)
        #expect(officeCells(lenient.table, "sector") == [.text("construction")])
    }

    @Test func aHeaderMapNamesColumnsTheLabelsDoNot() throws {
        let map = try HeaderMap(text: "# our own names\nSố hiệu = id\ncooperatives: Đơn vị = name\n", name: "headers.map")
        let t = try loadOffice("Số hiệu,Đơn vị,kind,province\n1,HTX An,htx,Bắc Ninh\n", "cooperatives",
                               options: LoadOptions(headerMap: map)).table
        #expect(officeCells(t, "id") == [.int(1)] && officeCells(t, "name") == [.text("HTX An")])
        // Beside the data, `headers.map` is read by itself; `--data FILE` loads one file.
        let folder = try officeFolder(["cooperatives.csv": Array("Số hiệu,Đơn vị,kind,province\n1,HTX An,htx,Bắc Ninh\n".utf8),
                                       "headers.map": Array("Số hiệu = id\nĐơn vị = name\n".utf8)])
        let r = try CLI.run(["-c", "cooperatives | select name", "--data", folder + "/cooperatives.csv", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("HTX An"))
        #expect(throws: Diagnostic.self) { try HeaderMap(text: "Số hiệu id\n", name: "m.map") }
    }
}

@Suite("Office files: numbers and dates as Vietnamese write them")
struct VietnameseNumberInferenceTests {
    @Test func aTableOutsideTheModelReadsVietnameseNumbers() throws {
        let text = "huyen;so_htx;von;ty_le;ngay\nA;1.915;8.879.000.000;79,5;23/12/2022\nB;95.035;1.200.000;3,25;23-12-2022\nC;12;500;1;01/01/2023\n"
        let loaded = try loadOffice(text, "thong_ke")
        let t = loaded.table
        #expect(t.columns.map(\.type) == [.text, .int, .int, .decimal, .date])
        #expect(officeCells(t, "so_htx") == [.int(1915), .int(95_035), .int(12)])
        #expect(officeCells(t, "von") == [.int(8_879_000_000), .int(1_200_000), .int(500)])
        #expect(officeCells(t, "ty_le") == [.decimal(79.5), .decimal(3.25), .decimal(1)])
        #expect(officeCells(t, "ngay") == [.date(Day(year: 2022, month: 12, day: 23)!), .date(Day(year: 2022, month: 12, day: 23)!),
                                          .date(Day(year: 2023, month: 1, day: 1)!)])
        #expect(loaded.warnings.isEmpty)
        // The sum is what the register means, not 1,915 + 95,035 + 12.
        let session = Session()
        session.addTable("thong_ke", t)
        #expect(Fixtures.rows(try session.evaluate("thong_ke | summarize s = sum(so_htx)")) == [[.int(96_962)]])
    }

    @Test func aColumnWhoseNumbersDisagreeIsTextWithANotice() throws {
        let loaded = try loadOffice("x,y\n1.5,2\n1.915,3\n", "t")
        #expect(loaded.table.columns[0].type == .text)
        #expect(officeCells(loaded.table, "x") == [.text("1.5"), .text("1.915")])
        #expect(loaded.warnings.map(\.message) == [
            "column x loads as text: its numbers disagree on what a dot means (`1.5` has a decimal point, `1.915` groups thousands)",
        ])
        let mixed = try loadOffice("x\n2.25\n\"8.879.000.000\"\n", "t")
        #expect(mixed.table.columns[0].type == .text && mixed.warnings.count == 1)
    }

    @Test func onlyAmbiguousNumbersFollowTheFileOrTheOption() throws {
        // The file's other numbers say the dot groups thousands.
        let told = try loadOffice("x;y\n1.500;79,5\n2.250;1\n", "t")
        #expect(officeCells(told.table, "x") == [.int(1500), .int(2250)])
        #expect(told.warnings.isEmpty)
        // Nothing tells: a decimal point, with a notice saying how to choose.
        let untold = try loadOffice("x\n1.500\n2.250\n", "t")
        #expect(officeCells(untold.table, "x") == [.decimal(1.5), .decimal(2.25)])
        #expect(untold.warnings.first?.message.contains("say --numbers vi for thousands") == true)
        var options = LoadOptions()
        options.numbers = .vietnamese
        let chosen = try loadOffice("x\n1.500\n2.250\n", "t", options: options)
        #expect(officeCells(chosen.table, "x") == [.int(1500), .int(2250)])
        #expect(chosen.warnings.isEmpty)
        options.numbers = .international
        #expect(officeCells(try loadOffice("x\n1.500\n", "t", options: options).table, "x") == [.decimal(1.5)])
    }

    @Test func functionsReadVietnameseNumbersAndDates() throws {
        let session = Session()
        #expect(try session.evaluate(#"int("1.915")"#) == .int(1915))
        #expect(try session.evaluate(#"int("8.879.000.000")"#) == .int(8_879_000_000))
        #expect(try session.evaluate(#"decimal("79,5")"#) == .decimal(79.5))
        #expect(try session.evaluate(#"decimal("1.234,5")"#) == .decimal(1234.5))
        #expect(try session.evaluate(#"date("23-12-2022")"#) == .date(Day(year: 2022, month: 12, day: 23)!))
        #expect(try session.evaluate(#"date("23/12/2022")"#) == .date(Day(year: 2022, month: 12, day: 23)!))
    }
}

@Suite("Office files: output for Excel")
struct ExcelOutputTests {
    @Test func theOutputFileNamesTheFormat() throws {
        let folder = TemporaryFolders.path("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let query = "cooperatives | where id <= 2 | select id, name"
        let json = folder + "/out.json"
        #expect(try CLI.run(["-c", query, "--data", Fixtures.dataDirectory, "-o", json]).status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]]
        #expect(parsed?.count == 2)
        let csv = folder + "/out.csv"
        #expect(try CLI.run(["-c", query, "--data", Fixtures.dataDirectory, "-o", csv]).status == 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("id,name\r\n1,"))
        // --format still wins.
        let md = folder + "/out.csv.txt"
        #expect(try CLI.run(["-c", query, "--data", Fixtures.dataDirectory, "-o", md, "--format", "markdown"]).status == 0)
        #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("| id"))
    }

    @Test func excelCSVIsWhatVietnameseExcelReads() throws {
        let t = Table(names: ["tên", "số", "tỷ lệ", "ngày", "ghi chú"], columns: [
            Column(.text(codes: [0], dictionary: StringDictionary(["Hợp tác xã An"]))),
            Column(.int([1915])),
            Column(.decimal([79.5])),
            Column(.date([Day(year: 2022, month: 12, day: 23)!.number])),
            Column(.text(codes: [0], dictionary: StringDictionary(["a; \"b\""]))),
        ])
        var options = RenderOptions(format: .csv)
        options.excel = true
        #expect(render(.table(t), options: options) == "tên;số;tỷ lệ;ngày;ghi chú\r\nHợp tác xã An;1915;79,5;23/12/2022;\"a; \"\"b\"\"\"\r\n")
        let folder = TemporaryFolders.path("excel")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let out = folder + "/ket_qua.csv"
        let r = try CLI.run(["-c", "cooperatives | where id <= 2 | select id, founded", "--data", Fixtures.dataDirectory, "-o", out, "--excel"])
        #expect(r.status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id;founded\r\n1;"))
        #expect(text.split(separator: "\r\n").dropFirst().allSatisfy { $0.split(separator: ";")[1].split(separator: "/").count == 3 })
        // --excel with a format that is not CSV is a usage error.
        #expect(try CLI.run(["-c", "1", "--no-data", "--excel", "--format", "json"]).status == 2)
    }
}

@Suite("Office files: a report on a provincial register")
struct ProvincialRegisterTests {
    /// A register the way a provincial office exports it from Excel, built here row by row.
    static func register() -> [UInt8] {
        var lines = [
            "DANH SÁCH HỢP TÁC XÃ TỈNH BẮC NINH;;;;;;;;",
            "(Tính đến ngày 23/12/2022);;;;;;;;",
            "Mã HTX;Tên HTX;Loại hình;Lĩnh vực;Tỉnh;Huyện;Ngày thành lập;Số thành viên;Vốn điều lệ (đồng);Tình trạng",
        ]
        let sectors = ["Nông nghiệp", "nông nghiệp", "Tiểu thủ công nghiệp", "Thương mại", "NONG NGHIEP"]
        var members = 0
        for i in 1...40 {
            let count = 1000 + i * 37  // written dot-grouped: 1.037, 1.074, …
            members += count
            let grouped = "\(count / 1000).\(String(format: "%03d", count % 1000))"
            let capital = "\(i).500.000.000"
            lines.append("\(i);HTX số \(i);HTX;\(sectors[i % 5]);Bắc Ninh;Huyện Gia Bình;\(String(format: "%02d", i % 28 + 1))/0\(i % 9 + 1)/20\(10 + i % 13);\(grouped);\(capital);Đang hoạt động")
        }
        for i in 41...45 {
            lines.append("\(i);Tổ hợp tác \(i);Tổ hợp tác;Dịch vụ;Bắc Ninh;Huyện Yên Phong;01/06/2021;7;;dang hoat dong")
        }
        lines.append(";Tổng cộng;;;;;;\(members);;")
        return [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\r\n").utf8) + [0x0D, 0x0A]
    }

    @Test func aReportTemplateGivesTheRightFigures() throws {
        let folder = try officeFolder(["cooperatives.csv": Self.register()])
        let session = Session()
        let warnings = try session.loadDirectory(folder)
        // Title rows, the totals row and the missing optional columns are told, not hidden.
        #expect(warnings.contains { $0.message.hasPrefix("left out 2 title lines above the header") })
        #expect(warnings.contains { $0.message.hasPrefix("left out the totals row at line 49") })
        #expect(warnings.contains { $0.message.hasPrefix("the file has no column district") == false && $0.message.contains("no column commune") })
        let template = """
            ---
            let htx = cooperatives | where kind == "htx"
            ---
            Toàn tỉnh có {{ htx | count }} HTX với {{ htx | summarize sum(members) }} thành viên, \
            {{ htx | where sector == "agriculture" | count }} HTX nông nghiệp; \
            {{ cooperatives | where kind == "group" | count }} tổ hợp tác; \
            vốn điều lệ {{ htx | summarize sum(charter_capital) }} đồng.
            """
        let document = try session.renderTemplate(SourceText(name: "bao_cao.coop.md", text: template))
        let text = writeReport(document, format: .markdown, options: RenderOptions())
        let members = (1...40).reduce(0) { $0 + 1000 + $1 * 37 }
        let capital = (1...40).reduce(0) { $0 + $1 * 1_000_000_000 + 500_000_000 }
        #expect(members == 70_340)
        #expect(text.contains("Toàn tỉnh có 40 HTX với 70.340 thành viên, 24 HTX nông nghiệp; 5 tổ hợp tác; "
                              + "vốn điều lệ \(formatInteger(Int64(capital), style: .vietnamese)) đồng."))
    }
}
