import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLSample

/// The provinces-scale sample data, generated once per test process into a temporary folder and
/// loaded once; each test gets its own session over the same (immutable) tables.
enum SampleFixture {
    static func temporaryFolder(_ label: String) -> String {
        TemporaryFolders.path("sample-\(label)")
    }

    static let directory: String = {
        let dir = temporaryFolder("2024")
        do { try SampleData.write(to: dir) } catch { fatalError("cannot write the sample data: \(error)") }
        return dir
    }()

    static let loaded: Session = load(directory)

    static func load(_ dir: String) -> Session {
        let session = Session()
        do { try session.loadDirectory(dir) } catch { fatalError("cannot load the sample data: \(error)") }
        return session
    }

    /// A fresh session sharing the loaded tables (a session must not be shared between threads).
    static func session(from source: Session = loaded) -> Session {
        let session = Session()
        for (name, table) in source.tables { session.addTable(name, table) }
        return session
    }
}

@Suite struct SampleDataTests {
    /// Runs a query and checks its result against what the figure expects.
    static func verify(_ figure: SampleFigure, in session: Session, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (query, expect) in figure.checks {
            let value = try session.evaluate(query)
            switch expect {
            case .value(let wanted):
                var got = value
                if case .table(let t)? = value, t.rowCount == 1, t.columns.count == 1 { got = t.rows[0][0] }
                #expect(got == wanted, "\(figure): \(query)", sourceLocation: sourceLocation)
            case .row(let wanted):
                let rows = try #require(records(value), "\(figure): not a table: \(query)", sourceLocation: sourceLocation)
                try #require(rows.count == 1, "\(figure): \(rows.count) rows from \(query)", sourceLocation: sourceLocation)
                for (column, v) in wanted {
                    #expect(rows[0][column] == v, "\(figure): \(column) of \(query)", sourceLocation: sourceLocation)
                }
            case .keyed(let key, let wanted):
                let rows = try #require(records(value), "\(figure): not a table: \(query)", sourceLocation: sourceLocation)
                var byKey: [String: [String: Value]] = [:]
                for row in rows { if case .text(let k)? = row[key] { byKey[k] = row } }
                #expect(byKey.count == rows.count && Set(byKey.keys) == Set(wanted.keys), "\(figure): keys of \(query)",
                        sourceLocation: sourceLocation)
                for (k, columns) in wanted {
                    for (column, v) in columns {
                        #expect(byKey[k]?[column] == v, "\(figure): \(k).\(column) of \(query)", sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    static func records(_ value: Value?) -> [[String: Value]]? {
        guard case .table(let t)? = value else { return nil }
        let names = t.schema.names
        return t.rows.map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
    }

    func number(_ query: String) throws -> Value? {
        let value = try SampleFixture.session().evaluate(query)
        if case .table(let t)? = value, t.rowCount == 1, t.columns.count == 1 { return t.rows[0][0] }
        return value
    }

    /// One case per published figure of DOMAIN.md.
    @Test(arguments: SampleFigure.all)
    func figure(_ figure: SampleFigure) throws {
        try Self.verify(figure, in: SampleFixture.session())
    }

    /// The support fund's H1 2022 loans of Bạc Liêu are printed as 3.300.000 đồng in all, surely
    /// 3,3 billion: the data keeps the printed amounts and flags them, and a data-quality query
    /// finds exactly them, by their note or by an amount no real project loan has.
    @Test func dataQualityQueryFindsTheFlaggedLoans() throws {
        let session = SampleFixture.session()
        let flagged = try #require(Self.records(try session.evaluate("""
            loans | where note is not null | join cooperatives on coop_id == cooperatives.id
            | select loans.id, province = cooperatives.province, fund, amount, disbursed, note
            """)))
        #expect(flagged.count == 3)
        #expect(flagged.allSatisfy { $0["province"] == .text("Bạc Liêu") && $0["fund"] == .text("support_fund") })
        #expect(flagged.allSatisfy { if case .text(let n)? = $0["note"] { n.contains("3.300.000") } else { false } })
        let small = try #require(Self.records(try session.evaluate(
            #"loans | where fund == "support_fund" and amount < 10_000_000 | select id"#)))
        #expect(Self.ids(small) == Self.ids(flagged))
    }

    static func ids(_ rows: [[String: Value]]) -> Set<Int64> {
        Set(rows.compactMap { if case .int(let id)? = $0["id"] { id } else { nil } })
    }

    /// Every reference names an organisation; every organisation has exactly `members` member rows
    /// and one chair, and an HTX's or union's charter capital is what its members contributed.
    @Test func consistency() throws {
        for table in ["members", "loans", "promotions", "products", "activities"] {
            let dangling = "\(table) | left join cooperatives on coop_id == cooperatives.id | where coop_id is not null and cooperatives.id is null | count"
            #expect(try number(dangling) == .int(0), "\(table)")
        }
        #expect(try number("cooperatives | left join (members | count by coop_id) as m on id == m.coop_id | where (m.count ?? 0) != members | count") == .int(0))
        #expect(try number("cooperatives | summarize ids = count_distinct(id)") == (try number("cooperatives | count")))
        #expect(try number("members | summarize ids = count_distinct(id)") == (try number("members | count")))
        #expect(try number("""
            cooperatives | where kind != "group"
            | left join (members | summarize paid = sum(contribution) by coop_id) as m on id == m.coop_id
            | where m.paid != charter_capital | count
            """) == .int(0))
        #expect(try number(#"cooperatives | where status == "dissolved" | count"#) == .int(0))
        // Every organisation has exactly one chair (a group's leader is written so): this reads
        // a text column of the largest file, across every stretch the loader splits it into.
        #expect(try number(#"members | where role == "chair" | count"#) == (try number("cooperatives | count")))
        #expect(try number(#"members | where role == "chair" | summarize n = count_distinct(coop_id)"#)
                == (try number("cooperatives | count")))
    }

    /// The same seed gives byte-identical files; another seed gives other files, with every figure.
    @Test func determinism() throws {
        let again = SampleFixture.temporaryFolder("2024-again"), other = SampleFixture.temporaryFolder("7")
        defer {
            try? FileManager.default.removeItem(atPath: again)
            try? FileManager.default.removeItem(atPath: other)
        }
        try SampleData.write(to: again, seed: 2024)
        try SampleData.write(to: other, seed: 7)
        let files = try FileManager.default.contentsOfDirectory(atPath: SampleFixture.directory).sorted()
        #expect(files == ["activities.csv", "cooperatives.csv", "loans.csv", "members.csv", "plans.csv", "products.csv",
                          "promotions.csv", "trainings.csv"])
        var differing = 0
        for file in files {
            let first = FileManager.default.contents(atPath: SampleFixture.directory + "/" + file)
            #expect(first != nil && first == FileManager.default.contents(atPath: again + "/" + file), "\(file)")
            if first != FileManager.default.contents(atPath: other + "/" + file) { differing += 1 }
        }
        // Plans are the published targets only, the same for every seed.
        #expect(differing == files.count - 1)
        let session = SampleFixture.load(other)
        for figure in SampleFigure.all { try Self.verify(figure, in: session) }
    }

    /// The files are what the loader expects: the schema's columns in order, LF line ends.
    @Test func filesFollowTheSchema() throws {
        for table in CoreSchema.tables where table.name != "provinces" {
            let data = try #require(FileManager.default.contents(atPath: SampleFixture.directory + "/\(table.name).csv"))
            let text = String(decoding: data, as: UTF8.self)
            let header = text.prefix { $0 != "\n" }
            #expect(header == table.columns.map(\.name).joined(separator: ","), "\(table.name)")
            #expect(!data.contains(13) && data.last == 10, "\(table.name)")
        }
    }
}
