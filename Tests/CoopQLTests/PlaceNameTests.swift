import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLBase

/// Names of places checked like codes, and tone marks brought to one placement.
@Suite struct PlaceNameTests {
    @Test func toneMarksMoveToTheListsPlacement() {
        #expect(normalizedToneMarks("Hoà Bình") == "Hòa Bình")
        #expect(normalizedToneMarks("Thanh Hoá") == "Thanh Hóa")
        #expect(normalizedToneMarks("thuỷ lợi") == "thủy lợi")
        #expect(normalizedToneMarks("KHÁNH HOÀ") == "KHÁNH HÒA")
        #expect(normalizedToneMarks("khoẻ") == "khỏe")
        // Already in the lists' placement, or a consonant follows, or `qu`: nothing moves.
        for same in ["Hòa Bình", "hoàng", "Quỳnh", "quý", "Huế", "thuyền", "Bắc Ninh", ""] {
            #expect(normalizedToneMarks(same) == same)
        }
        // With combining marks, NFC first.
        #expect("Hoa\u{0300} Bi\u{0300}nh".normalizedVietnamese == "Hòa Bình")
    }

    @Test func thirtyFourProvincesSince2025() {
        #expect(ProvinceNames.since2025.count == 34)
        #expect(Set(ProvinceNames.since2025).count == 34)
        #expect(ProvinceNames.since2025.contains("Huế") && ProvinceNames.since2025.contains("TP. Hồ Chí Minh"))
        #expect(!ProvinceNames.since2025.contains("Bạc Liêu"))
        #expect(Provinces.all.count == 63)
        #expect(ProvinceNames.all.count == 64)   // the 63 and Huế, the one new name
    }

    @Test func officeFormsAreAliases() {
        #expect(ProvinceNames.canonical("Tỉnh Bắc Ninh") == "Bắc Ninh")
        #expect(ProvinceNames.canonical("tỉnh bắc ninh") == "Bắc Ninh")
        #expect(ProvinceNames.canonical("TP. Hồ Chí Minh") == "TP. Hồ Chí Minh")
        #expect(ProvinceNames.canonical("TP HCM") == "TP. Hồ Chí Minh")
        #expect(ProvinceNames.canonical("Thành phố Hồ Chí Minh") == "TP. Hồ Chí Minh")
        #expect(ProvinceNames.canonical("Thành phố Hà Nội") == "Hà Nội")
        #expect(ProvinceNames.canonical("Hoà Bình") == "Hòa Bình")
        #expect(ProvinceNames.canonical("Bac Ninh") == nil)
        #expect(ProvinceNames.closest(to: "Bac Ninh") == "Bắc Ninh")
        #expect(ProvinceNames.closest(to: "Bac Lieu") == "Bạc Liêu")
    }

    func run(_ query: String) throws -> CommandResult {
        try CLI.run(["--data", Fixtures.dataDirectory, "--format", "csv", "-c", query])
    }

    @Test func aMisspeltProvinceIsAnError() throws {
        let r = try run(#"cooperatives | where province == "Bac Ninh" | count"#)
        #expect(r.status == 1)
        #expect(r.stderr.contains(#"error: "Bac Ninh" is not the name of a province"#))
        #expect(r.stderr.contains(#"did you mean "Bắc Ninh"?"#))
        #expect(r.stdout.isEmpty)
        let list = try run(#"cooperatives | where province in ["Bắc Ninh", "Bac Lieu"] | count"#)
        #expect(list.status == 1 && list.stderr.contains(#"did you mean "Bạc Liêu"?"#))
    }

    @Test func accentsIgnoredOnPurposeAndOfficeForms() throws {
        #expect(try run(#"cooperatives | where province =~ "Bac Ninh" | count"#).stdout == "7\r\n")
        #expect(try run(#"cooperatives | where province == "Tỉnh Bắc Ninh" | count"#).stdout == "7\r\n")
        #expect(try run(#"cooperatives | where province != "TP HCM" | count"#).stdout == "20\r\n")
        // A name after the merger is a name too (no row holds it in this data).
        #expect(try run(#"cooperatives | where province == "Huế" | count"#).stdout == "0\r\n")
    }

    /// `==` matches a name whichever way its tone mark was placed, in the query or in the file.
    @Test func toneMarkPlacementDoesNotMatter() throws {
        #expect(try run(#"provinces | where name == "Thanh Hoá" | select name"#).stdout == "name\r\nThanh Hóa\r\n")
        #expect(try run(#"provinces | where name == "Hòa Bình" | count"#).stdout == "1\r\n")
        let folder = TemporaryFolders.path("tone-marks")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id,province\n1,Hoà Bình\n2,Hòa Bình\n3,Khánh Hoà\n".write(toFile: folder + "/places.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["--no-data", "--data", folder, "--format", "csv", "-c", #"places | where province == "Hoà Bình" | count"#])
        #expect(r.stdout == "2\r\n", "\(r.stderr)")
        let khanh = try CLI.run(["--no-data", "--data", folder, "--format", "csv", "-c", #"places | where province == "Khánh Hòa" | count"#])
        #expect(khanh.stdout == "1\r\n", "\(khanh.stderr)")
    }

    /// A report's `--param` bound to a province is checked before anything renders: one error,
    /// status 2, nothing written.
    @Test func aReportParameterIsChecked() throws {
        let reports = Fixtures.repository.appendingPathComponent("examples/reports").path
        let r = try CLI.run(["report", "bac-lieu-h1-2022.coop.md", "--param", "province=Bac Lieu"], directory: reports)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.components(separatedBy: ": error: ").count == 2, "\(r.stderr)")
        #expect(r.stderr.contains(#"--param province=Bac Lieu: "Bac Lieu" is not the name of a province"#))
        #expect(r.stderr.contains(#"did you mean "Bạc Liêu"? (--param province="Bạc Liêu")"#))
        let alias = try CLI.run(["report", "bac-lieu-h1-2022.coop.md", "--param", "province=Tỉnh Bạc Liêu"], directory: reports)
        let plain = try CLI.run(["report", "bac-lieu-h1-2022.coop.md", "--param", "province=Bạc Liêu"], directory: reports)
        // The figures are those of Bạc Liêu; the title shows the parameter as it was given.
        #expect(alias.status == 0)
        #expect(alias.stdout.replacingOccurrences(of: "Tỉnh Bạc Liêu", with: "Bạc Liêu") == plain.stdout)
    }
}
