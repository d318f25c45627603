import Foundation
import Testing
@testable import CoopQL

/// `--format docx`: a Word document in the layout of Decree 30/2020/NĐ-CP, checked in its XML and
/// by converting it to PDF with LibreOffice and reading the text back.
@Suite struct DOCXTests {
    static let template = Fixtures.repository.appendingPathComponent("examples/reports/bac-ninh-2022.coop.md").path

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coopql-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func placeAndDateAsTheDecreeWritesThem() throws {
        #expect(Letterhead.placeAndDate(place: "Bắc Ninh", date: try #require(Day.parse("2022-12-23")), language: .vi)
                == "Bắc Ninh, ngày 23 tháng 12 năm 2022")
        #expect(Letterhead.placeAndDate(place: "Bạc Liêu", date: try #require(Day.parse("2023-02-05")), language: .vi)
                == "Bạc Liêu, ngày 05 tháng 02 năm 2023")
        #expect(Letterhead.placeAndDate(place: nil, date: try #require(Day.parse("2018-11-16")), language: .vi)
                == "ngày 16 tháng 11 năm 2018")
    }

    @Test func layoutFollowsTheDecree() throws {
        let session = SampleFixture.load(SampleFixture.directory)
        let source = try SourceText(name: "bac-ninh-2022.coop.md", text: String(contentsOfFile: Self.template, encoding: .utf8))
        let document = try session.renderTemplate(source)
        let letterhead = try #require(document.letterhead)
        #expect(letterhead.issuer == "LIÊN MINH HỢP TÁC XÃ TỈNH BẮC NINH")
        #expect(letterhead.number == "125/BC-LMHTX")
        let package = DOCXPackage(document, options: RenderOptions(labels: true, localDates: true))
        let xml = package.documentPart
        // A4, margins top/bottom 20 mm, left 30 mm, right 15 mm (in twentieths of a point).
        #expect(xml.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(xml.contains(#"w:top="1134" w:right="851" w:bottom="1134" w:left="1701""#))
        // Page numbers from page 2: the first page has its own (empty) header.
        #expect(xml.contains("<w:titlePg/>"))
        #expect(DOCXPackage.headerPart.contains(" PAGE "))
        #expect(DOCXPackage.stylesPart(language: .vi).contains(#"w:ascii="Times New Roman""#))
        #expect(DOCXPackage.stylesPart(language: .vi).contains(#"<w:sz w:val="28"/>"#))
        for text in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 125/BC-LMHTX",
                     "Bắc Ninh, ngày 23 tháng 12 năm 2022", "CHỦ TỊCH", "Nơi nhận:", "<w:tbl>", "c:chart"] {
            #expect(xml.contains(text), "\(text)")
        }
        #expect(package.charts.count == 1)
        #expect(package.charts[0].contains("<c:barChart>") && package.charts[0].contains("<c:v>552</c:v>"))
    }

    /// The whole file, converted by LibreOffice (installed by Scripts/lib/setup.sh) and read back.
    @Test func libreOfficeOpensItAndTheTextIsThere() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("bac-ninh.docx")
        let r = try CLI.run(["report", Self.template, "--data", SampleFixture.directory, "-o", docx.path])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try Data(contentsOf: docx)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip file")
        let convert = try Tool.run("soffice", ["-env:UserInstallation=file://\(folder.path)/profile", "--headless",
                                               "--convert-to", "pdf", "--outdir", folder.path, docx.path])
        #expect(convert.status == 0, "\(convert.output)")
        let pdf = folder.appendingPathComponent("bac-ninh.pdf").path
        let text = try Tool.run("pdftotext", [pdf, "-"]).output
        for wanted in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                       "Bắc Ninh, ngày 23 tháng 12 năm 2022", "Số: 125/BC-LMHTX", "694 hợp tác xã",
                       "95.035 thành viên", "nông nghiệp", "Nguyễn Văn An"] {
            #expect(text.contains(wanted), "\(wanted) in:\n\(text)")
        }
        let info = try Tool.run("pdfinfo", [pdf]).output
        #expect(info.contains("(A4)"), "\(info)")
    }

    @Test func aFailedRenderLeavesNoFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("bad.coop.md")
        try "# {{ cooperatives | where nosuch == 1 | count }}\n".write(to: template, atomically: true, encoding: .utf8)
        let fresh = folder.appendingPathComponent("fresh.docx")
        let r = try CLI.run(["report", template.path, "--data", SampleFixture.directory, "-o", fresh.path])
        #expect(r.status != 0)
        #expect(!FileManager.default.fileExists(atPath: fresh.path))
        let kept = folder.appendingPathComponent("kept.docx")
        try Data("earlier".utf8).write(to: kept)
        _ = try CLI.run(["report", template.path, "--data", SampleFixture.directory, "--format", "docx", "-o", kept.path])
        #expect(try String(contentsOf: kept, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.coop.md", "kept.docx"])
    }

    @Test func docxNeedsAFile() throws {
        let r = try CLI.run(["report", Self.template, "--data", SampleFixture.directory, "--format", "docx"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("-o FILE.docx"))
    }
}

/// Runs a program found on PATH, for the tests that check a file with an outside tool.
enum Tool {
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
