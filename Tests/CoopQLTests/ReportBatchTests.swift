import Foundation
import Testing
@testable import CoopQL

/// `coopql report --each` and `--merged`: one file per value, an index, a confirmation past a
/// hundred reports, and old provinces rolled up to those of 1 July 2025.
@Suite struct ReportBatchTests {
    static let template = Fixtures.repository.appendingPathComponent("examples/reports/bac-ninh-2022.coop.md").path

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coopql-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func slugsAreFileNames() {
        #expect(ReportBatch.slug("Bắc Ninh") == "bac-ninh")
        #expect(ReportBatch.slug("Thành phố Hồ Chí Minh") == "thanh-pho-ho-chi-minh")
        #expect(ReportBatch.slug("Đắk Lắk") == "dak-lak")
        #expect(ReportBatch.slug("../..") == "report")
    }

    @Test func eachProvinceWritesOneFileApieceAndAnIndex() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLI.run(["report", Self.template, "--data", SampleFixture.directory, "--each", "province",
                             "--format", "html", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["bac-kan.html", "bac-lieu.html", "bac-ninh.html", "binh-phuoc.html", "index.html"])
        let bacLieu = try String(contentsOf: out.appendingPathComponent("bac-lieu.html"), encoding: .utf8)
        #expect(bacLieu.contains("tỉnh Bạc Liêu"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains(#"<a href="bac-lieu.html">Bạc Liêu</a>"#))
    }

    @Test func districtsOfOneNameInTwoProvincesAreToldApart() throws {
        let t = Table(schema: TableSchema([ColumnSchema("province", .text), ColumnSchema("district", .text)]),
                      columns: [Column.from([.text("Tiền Giang"), .text("Bạc Liêu"), .text("Bạc Liêu")], type: .text),
                                Column.from([.text("Châu Thành"), .text("Châu Thành"), .text("Giá Rai")], type: .text)],
                      rowCount: 3)
        let session = Session()
        session.addTable("cooperatives", t)
        let stems = try ReportBatch.items(.district, in: session).map(\.stem).sorted()
        #expect(stems == ["chau-thanh-bac-lieu", "chau-thanh-tien-giang", "gia-rai"])
    }

    @Test func moreThanAHundredReportsNeedConfirmation() throws {
        let data = try temporaryFolder()
        let out = data.appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: data) }
        let header = "id,name,kind,sector,province,district,founded,status,members,charter_capital,value_chain,new_model,certified_effective,ethnic_minority_area"
        let rows = (1...101).map { "\($0),HTX \($0),htx,agriculture,Tỉnh \($0),Huyện,2020-01-01,active,7,1000,false,false,false,false" }
            .joined(separator: "\n")
        try (header + "\n" + rows + "\n").write(to: data.appendingPathComponent("cooperatives.csv"), atomically: true, encoding: .utf8)
        let template = data.appendingPathComponent("t.coop.md")
        try "---\nparam province = \"\"\n---\n# {{ $province }}\n".write(to: template, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["report", template.path, "--data", data.path, "--each", "province", "-o", out.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("would write 101 reports") && refused.stderr.contains("--yes"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let limited = try CLI.run(["report", template.path, "--data", data.path, "--each", "province", "--limit", "3", "-o", out.path])
        #expect(limited.status == 0, "\(limited.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 4)
        let all = try CLI.run(["report", template.path, "--data", data.path, "--each", "province", "--yes", "-o", out.path])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 102)
    }

    @Test func mergedRollsOldProvincesUpAndSaysSo() throws {
        #expect(Provinces.mergedNames.count == 34)
        #expect(Provinces.formerProvinces(of: "Bắc Ninh") == ["Bắc Ninh", "Bắc Giang"])
        let q = try CLI.run(["-c", #"print merged("Bắc Giang"), merged("Bạc Liêu"), merged("Hà Nội")"#, "--data", SampleFixture.directory])
        #expect(q.stdout == "Bắc Ninh Cà Mau Hà Nội\n")
        // Old Bạc Liêu belongs to Cà Mau since 2025: under --merged, Cà Mau's report counts its cooperatives.
        let old = try CLI.run(["-c", #"cooperatives | where province == "Bạc Liêu" and kind == "htx" and year(founded) <= 2022 | count"#,
                               "--data", SampleFixture.directory])
        let r = try CLI.run(["report", Self.template, "--data", SampleFixture.directory, "--merged", "--param", "province=Cà Mau"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("tỉnh Cà Mau gồm các tỉnh Cà Mau và Bạc Liêu cũ"))
        #expect(r.stdout.contains("**\(old.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) hợp tác xã**"))
    }
}
