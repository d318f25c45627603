import Foundation
import Testing
@testable import CoopQL

/// The four recurring provincial reports in examples/reports: rendered by the real `coopql report`
/// on the sample data, compared with the Markdown and HTML committed beside each template
/// (`UPDATE_GOLDEN=1` re-records), and searched for every figure DOMAIN.md publishes, written the
/// Vietnamese way.
@Suite struct ReportTests {
    static let reports = Fixtures.repository.appendingPathComponent("examples/reports")

    func render(_ name: String, _ format: String, _ extra: [String] = []) throws -> String {
        let template = Self.reports.appendingPathComponent("\(name).coop.md").path
        let r = try CLI.run(["report", template, "--data", SampleFixture.directory, "--format", format] + extra)
        #expect(r.status == 0, "\(name): \(r.stderr)")
        return r.stdout
    }

    @Test(arguments: ["bac-ninh-2022", "bac-lieu-h1-2022", "binh-phuoc-2022-2023", "bac-kan-2018"])
    func golden(_ name: String) throws {
        for format in ["md", "html"] {
            let expected = Self.reports.appendingPathComponent("\(name).\(format)")
            try GoldenTests.check(try render(name, format), against: expected, "\(name).\(format)")
        }
    }

    /// Each published figure, as the report writes it.
    static let figures: [String: [String]] = [
        "bac-ninh-2022": [
            "**694 hợp tác xã**", "552 HTX nông nghiệp", "56 HTX tiểu thủ công nghiệp", "27 HTX thương mại",
            "25 HTX giao thông vận tải", "2 HTX xây dựng", "6 HTX vệ sinh môi trường", "26 quỹ tín dụng nhân dân",
            "**95.035 thành viên**", "223 tổ hợp tác", "2 liên hiệp hợp tác xã", "thành lập mới **32 HTX**",
            "Có **107 HTX** đã ngừng hoạt động", "số HTX thành lập mới: 30", "số HTX gia nhập Liên minh HTX: 30",
            "số HTX kiểu mới: 5", "trên 40%", "nâng lên 50 tỷ đồng",
        ],
        "bac-lieu-h1-2022": [
            "514 tổ hợp tác", "**191 HTX** với 35.571", "47 HTX liên kết", "**27 lớp**", "866 học viên",
            "đạt 87% kế hoạch năm", "21 nhóm sáng lập viên", "16 hội nghị thành lập HTX", "đạt 53% kế hoạch năm",
            "**13 HTX**", "1 liên hiệp HTX", "21 thành viên, vốn điều lệ 3 tỷ đồng", "2 lớp chính sách hỗ trợ",
            "98 học viên", "87 học viên", "1 lớp kiểm soát", "29 học viên", "giải ngân cho 3 dự án",
            "3 triệu 300 nghìn đồng", "**Lưu ý số liệu:**", "7 HTX được công nhận", "nâng tổng số lên 21 HTX",
            "48 HTX liên kết theo chuỗi giá trị", "46 HTX nông nghiệp", "2 HTX lĩnh vực khác",
            "20 HTX với 47 sản phẩm", "7 đơn vị hành chính cấp huyện với 64 xã",
        ],
        "binh-phuoc-2022-2023": [
            "**60 HTX**", "nâng tổng số HTX lên 323", "248 HTX đang hoạt động", "**38 lớp**", "1.915 học viên",
            "9 lớp tập huấn chuyển giao quy trình VietGAP", "497 lượt người", "Hỗ trợ 26 HTX tham gia Hội chợ trái cây",
            "7 lượt HTX vay vốn", "1 tỷ 456 triệu đồng", "cho 15 HTX vay", "28,9 tỷ đồng", "**35 lớp**",
            "1.712 học viên", "Hỗ trợ 44 HTX tham gia các hội chợ", "5 HTX tham gia phiên chợ online",
            "5 lớp tập huấn nâng cao kỹ năng ứng dụng thương mại điện tử",
        ],
        "bac-kan-2018": [
            "**29 hợp tác xã**", "nâng tổng số lên\n149 hợp tác xã", "thành lập mới 2 tổ hợp tác", "lên 64 tổ hợp tác",
            "29% hoạt động hiệu quả", "(43 HTX)", "63% hoạt động trung bình (94 HTX)", "8% hoạt động yếu, kém (12 HTX)",
            "8 lớp tuyên truyền Luật Hợp tác xã", "Hỗ trợ 14 hợp tác xã tham gia hội chợ", "Hỗ trợ 17 hợp tác xã vay vốn",
            "1,63 tỷ đồng", "đến năm 2020 xây dựng 10 mô hình", "4 hợp tác xã xây dựng mô hình hợp tác xã kiểu mới",
            "HTX Nông nghiệp Tân Thành, Thành phố Bắc Kạn", "HTX Thương mại và Dịch vụ Nông nghiệp Dương Phong, Bạch Thông",
            "HTX Chè Mỹ Phương, Ba Bể", "HTX Hợp Thành Thanh Vận, Chợ Mới",
        ],
    ]

    @Test(arguments: ["bac-ninh-2022", "bac-lieu-h1-2022", "binh-phuoc-2022-2023", "bac-kan-2018"])
    func everyPublishedFigureAppears(_ name: String) throws {
        let text = try render(name, "md")
        for figure in Self.figures[name]! {
            #expect(text.contains(figure), "\(name) does not say “\(figure)”")
        }
    }

    /// A template written for one province gives a correct report for another.
    @Test func yearEndTemplateForAnotherProvince() throws {
        let text = try render("bac-ninh-2022", "md", ["--param", "province=Bạc Liêu"])
        let session = SampleFixture.session()
        guard case .int(let htx)? = try session.evaluate(#"cooperatives | where province == "Bạc Liêu" and kind == "htx" | count"#),
              case .int(let groups)? = try session.evaluate(#"cooperatives | where province == "Bạc Liêu" and kind == "group" | count"#)
        else { Issue.record("no counts"); return }
        #expect(text.contains("tỉnh Bạc Liêu"))
        #expect(text.contains("**\(formatInteger(htx, style: .vietnamese)) hợp tác xã**"))
        #expect(text.contains("\(formatInteger(groups, style: .vietnamese)) tổ hợp tác"))
        #expect(text.contains("Tỉnh chưa giao chỉ tiêu kế hoạch năm 2023."))
        #expect(!text.contains("Bắc Ninh"))
    }

    @Test func htmlEscapesDataAndIsSelfContained() throws {
        let dir = TemporaryFolders.url("report")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id,name,kind,sector,province,district,founded,status,members,charter_capital,value_chain,new_model,certified_effective,ethnic_minority_area\n1,<script>alert(1)</script>,htx,agriculture,Bắc Ninh,Từ Sơn,2022-01-01,active,3,100,false,false,false,false\n"
            .write(to: dir.appendingPathComponent("cooperatives.csv"), atomically: true, encoding: .utf8)
        let template = dir.appendingPathComponent("t.coop.md")
        try "# Danh sách\n\nHTX đầu tiên: {{ value(cooperatives | select name) }}\n\n{{ cooperatives | select name, members | table }}\n\n{{ cooperatives | count by name | chart }}\n"
            .write(to: template, atomically: true, encoding: .utf8)
        let r = try CLI.run(["report", template.path, "--data", dir.path, "--format", "html"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("<script"))
        #expect(r.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") || r.stdout.hasPrefix("<!doctype html>"))
        #expect(!r.stdout.contains("src=\"http") && !r.stdout.contains("href=\"http"))
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let dir = TemporaryFolders.url("report")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html").path
        let template = Self.reports.appendingPathComponent("bac-kan-2018.coop.md").path
        let ok = try CLI.run(["report", template, "--data", SampleFixture.directory, "--format", "html", "-o", out])
        #expect(ok.status == 0)
        let first = try String(contentsOfFile: out, encoding: .utf8)
        #expect(first.contains("Bắc Kạn"))
        let bad = try CLI.run(["report", template, "--data", SampleFixture.directory, "--format", "html", "-o", out,
                               "--param", "year=hai nghìn"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("`hai nghìn` is not a whole number"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.html"])
    }

    /// Without `--format`, the `-o` file's extension chooses the report's format; `md` and
    /// `text`, the names reports have always used, still work.
    @Test func outputFileExtensionChoosesTheReportFormat() throws {
        let dir = TemporaryFolders.url("report-formats")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = Self.reports.appendingPathComponent("bac-kan-2018.coop.md").path
        func written(_ name: String, _ extra: [String] = []) throws -> String {
            let out = dir.appendingPathComponent(name).path
            let r = try CLI.run(["report", template, "--data", SampleFixture.directory, "-o", out] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try String(contentsOfFile: out, encoding: .utf8)
        }
        let page = try written("bao-cao.html")
        #expect(page.hasPrefix("<!DOCTYPE html>") || page.hasPrefix("<!doctype html>"))
        let markdown = try written("bao-cao.md")
        #expect(markdown == (try written("named.out", ["--format", "md"])))
        #expect(try written("bao-cao.txt") == (try written("text.out", ["--format", "text"])))
        #expect(try written("bao-cao.json").hasPrefix("["))
        // An extension naming no format leaves the default, Markdown.
        #expect(try written("bao-cao.out") == markdown)
    }
}
