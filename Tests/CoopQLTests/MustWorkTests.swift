import Foundation
import Testing
@testable import CoopQL

/// Every line the language must run as written, through the real `coopql -c` with JSON output,
/// checked against answers worked out independently from the fixture files.
@Suite struct MustWorkTests {
    /// Runs a query through the command line and returns its JSON value.
    func json(_ query: String) throws -> Any? {
        let result = try CLI.query(query)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result.json
    }

    func objects(_ query: String) throws -> [[String: Any]] {
        try #require(try json(query) as? [[String: Any]])
    }

    @Test func countWithFilter() throws {
        #expect(try json(#"cooperatives | where province == "Bắc Ninh" and kind == "htx" | count"#) as? Int == 6)
    }

    @Test func countBy() throws {
        let rows = try objects(#"cooperatives | where kind == "htx" | count by sector"#)
        var counts: [String: Int] = [:]
        for r in rows { counts[r["sector"] as! String] = r["count"] as? Int }
        #expect(counts == ["agriculture": 7, "handicraft": 2, "services": 2, "commerce": 1, "credit": 1,
                           "transport": 1, "environment": 1, "construction": 1, "other": 1])
        #expect(rows.first.map { Array($0.keys).sorted() } == ["count", "sector"])
    }

    @Test func countByTwoKeysSorted() throws {
        let rows = try objects("cooperatives | count by province, kind | sort by count desc")
        let counts = rows.map { $0["count"] as! Int }
        #expect(counts == [6, 5, 3, 3, 1, 1, 1])
        #expect(rows[0]["province"] as? String == "Bắc Ninh" && rows[0]["kind"] as? String == "htx")
        #expect(rows[1]["province"] as? String == "Bình Phước")
        // Stable: equal counts keep the order of first appearance (Bắc Kạn before Bạc Liêu).
        #expect(rows[2]["province"] as? String == "Bắc Kạn" && rows[3]["province"] as? String == "Bạc Liêu")
    }

    @Test func summarizeByTwoKeys() throws {
        let rows = try objects("cooperatives | summarize n = count(), members = sum(members) by province, sector")
        #expect(rows.count == 13)
        let credit = try #require(rows.first { $0["province"] as? String == "Bắc Ninh" && $0["sector"] as? String == "credit" })
        #expect(credit["n"] as? Int == 1 && credit["members"] as? Int == 1200)
        let bl = try #require(rows.first { $0["province"] as? String == "Bạc Liêu" && $0["sector"] as? String == "agriculture" })
        #expect(bl["n"] as? Int == 3 && bl["members"] as? Int == 94)
    }

    @Test func summarizeWithoutBy() throws {
        let rows = try objects("cooperatives | summarize total = sum(charter_capital), biggest = max(charter_capital)")
        #expect(rows.count == 1)
        #expect(rows[0]["total"] as? Int == 18_400_000_000 && rows[0]["biggest"] as? Int == 5_000_000_000)
    }

    @Test func joinAndGroupByQualifiedColumn() throws {
        let rows = try objects("members | join cooperatives on coop_id == cooperatives.id | summarize n = count() by cooperatives.province")
        var counts: [String: Int] = [:]
        for r in rows { counts[r["province"] as! String] = r["n"] as? Int }
        #expect(counts == ["Bắc Ninh": 1349, "Bạc Liêu": 102, "Bình Phước": 77, "Bắc Kạn": 53])
    }

    @Test func yearFilterAndTop() throws {
        let rows = try objects("loans | where year(disbursed) == 2022 | summarize n = count(), total = sum(amount) by fund | top 3 by total")
        #expect(rows.map { $0["fund"] as! String } == ["support_fund", "job_creation", "bank"])
        #expect(rows.map { $0["n"] as! Int } == [3, 3, 1])
        #expect(rows.map { $0["total"] as! Int } == [4_100_000_000, 520_000_000, 500_000_000])
    }

    @Test func leftJoinWithSubPipeline() throws {
        let rows = try objects("cooperatives | left join (loans | summarize borrowed = sum(amount) by coop_id) as l on id == l.coop_id | select name, borrowed")
        #expect(rows.count == 20)
        #expect(rows.first.map { Array($0.keys).sorted() } == ["borrowed", "name"])
        func borrowed(_ name: String) -> Any? { rows.first { $0["name"] as? String == name }?["borrowed"] }
        #expect(borrowed("HTX Điều Bù Đăng") as? Int == 2_150_000_000)
        #expect(borrowed("HTX Tân Thanh") as? Int == 1_150_000_000)
        #expect(borrowed("HTX Chè Mỹ Phương") is NSNull)
        #expect(rows.filter { $0["borrowed"] is NSNull }.count == 10)
    }

    @Test func containsIgnoringCaseAndAccents() throws {
        let rows = try objects(#"cooperatives | where name ~ "tan thanh" | select name, district, founded"#)
        #expect(rows.map { $0["name"] as! String } == ["HTX Nông nghiệp Tân Thành", "HTX Tân Thanh"])
        #expect(rows.map { $0["founded"] as! String } == ["2018-03-12", "2022-04-02"])
        #expect(rows[1]["district"] as? String == "Từ Sơn")
    }

    @Test func equalsIgnoringCaseAndAccents() throws {
        #expect(try json(#"cooperatives | where province =~ "bac kan" | count"#) as? Int == 4)
    }

    @Test func percentOfColumn() throws {
        let rows = try objects(#"cooperatives | where province == "Bắc Kạn" and kind == "htx" | count by rating | extend pct = percent(count)"#)
        #expect(rows.count == 3)
        for r in rows {
            #expect(r["count"] as? Int == 1)
            #expect(abs((r["pct"] as! Double) - 100.0 / 3) < 1e-9)
        }
        #expect(Set(rows.map { $0["rating"] as! String }) == ["good", "average", "weak"])
    }

    @Test func pivot() throws {
        let rows = try objects(#"cooperatives | where kind == "htx" | pivot count() by district, sector"#)
        #expect(rows.count == 16)
        let city = try #require(rows.first { $0["district"] as? String == "Thành phố Bắc Ninh" })
        #expect(city["agriculture"] as? Int == 1 && city["transport"] as? Int == 1 && city["credit"] as? Int == 0)
        let sectors = ["agriculture", "commerce", "construction", "credit", "environment", "handicraft", "other", "services", "transport"]
        #expect(Set(city.keys) == Set(["district"] + sectors))
        // Rows in Vietnamese alphabetical order: đ after d and before e, o before ô.
        #expect(rows.map { $0["district"] as! String } == [
            "Ba Bể", "Bạch Thông", "Bình Long", "Bù Đăng", "Bù Gia Mập", "Chơn Thành", "Đông Hải", "Đồng Phú",
            "Giá Rai", "Quế Võ", "Thành phố Bắc Kạn", "Thành phố Bắc Ninh", "Tiên Du", "Từ Sơn", "Vĩnh Lợi", "Yên Phong",
        ])
    }

    @Test func dateRange() throws {
        #expect(try json(#"cooperatives | where founded >= date("2022-01-01") and founded <= date("2022-12-31") | count"#) as? Int == 6)
    }

    @Test func isNullFilter() throws {
        #expect(try json(#"cooperatives | where tax_code is null and status == "inactive" | count"#) as? Int == 4)
    }

    @Test func inList() throws {
        #expect(try json(#"cooperatives | where sector in ["agriculture", "credit"] | count"#) as? Int == 10)
    }

    @Test func sortTakeSelect() throws {
        let rows = try objects("cooperatives | sort by charter_capital desc | take 5 | select name, charter_capital")
        #expect(rows.map { $0["charter_capital"] as! Int } == [5_000_000_000, 3_000_000_000, 2_000_000_000, 1_500_000_000, 1_200_000_000])
        #expect(rows[0]["name"] as? String == "Quỹ tín dụng nhân dân Lạc Vệ")
    }

    @Test func distinct() throws {
        let rows = try objects("cooperatives | distinct province")
        #expect(rows.map { $0["province"] as! String } == ["Bắc Kạn", "Bắc Ninh", "Bạc Liêu", "Bình Phước"])
    }

    @Test func scriptWithLetFnAndParam() throws {
        let script = """
        let bk = cooperatives | where province == "Bắc Kạn"
        bk | count
        fn share(part, whole) = round(100.0 * part / whole, 1)
        share(43, 149)
        share(bk | count, cooperatives | count)
        param province = "Bắc Ninh"
        cooperatives | where province == $province | count
        """
        let result = try CLI.run(["--data", Fixtures.dataDirectory, "--format", "json"], stdin: script)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "4\n28.9\n20.0\n7\n" || result.stdout == "4\n28.9\n20\n7\n")
    }

    @Test func paramOverride() throws {
        let dir = TemporaryFolders.url("mustwork")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("count.coop")
        try "param province = \"Bắc Ninh\"\ncooperatives | where province == $province | count\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", file.path, "--param", "province=Bạc Liêu", "--data", Fixtures.dataDirectory])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "4\n")
    }
}
