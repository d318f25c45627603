import Foundation
import Testing
@testable import CoopQL

/// Years and ids are labels written in digits: never grouped. A number alone that `-c` writes to a
/// pipe is plain; at a terminal it stays grouped.
@Suite struct NumberRoleTests {
    @Test func namesSayWhatTheirNumbersAre() {
        #expect(NumberRole.of(name: "year") == .year)
        #expect(NumberRole.of(name: "birth_year") == .year)
        #expect(NumberRole.of(name: "year_founded") == .year)
        #expect(NumberRole.of(name: "năm") == .year)
        #expect(NumberRole.of(name: "id") == .identifier)
        #expect(NumberRole.of(name: "coop_id") == .identifier)
        #expect(NumberRole.of(name: "members") == .quantity)
        #expect(NumberRole.of(name: "yearly_total") == .quantity)
        #expect(NumberRole.year.text(2018, style: .vietnamese) == "2018")
        #expect(NumberRole.quantity.text(2018, style: .vietnamese) == "2.018")
    }

    @Test func tablesWriteYearsAndIdsPlainInEveryHumanFormat() throws {
        let t = Table(schema: TableSchema([ColumnSchema("id", .int), ColumnSchema("year_founded", .int),
                                           ColumnSchema("count", .int)]),
                      columns: [Column.from([.int(1249)], type: .int), Column.from([.int(2018)], type: .int),
                                Column.from([.int(1915)], type: .int)], rowCount: 1)
        for format in [OutputFormat.table, .markdown] {
            let out = render(.table(t), options: RenderOptions(format: format))
            #expect(out.contains("1249") && out.contains("2018") && out.contains("1.915"), "\(format): \(out)")
            #expect(!out.contains("1.249") && !out.contains("2.018"), "\(format): \(out)")
        }
    }

    @Test func printAndTemplatesWriteYearsPlain() throws {
        let out = try CLI.run(["-c", "print year(date(\"2018-05-01\")), 2018", "--data", Fixtures.dataDirectory])
        #expect(out.stdout == "2018 2.018\n")
        let session = try Fixtures.session()
        let document = try session.renderTemplate(SourceText(name: "t.coop.md", text: """
        {% for y in 2018..2019 %}{{ y }} {% end %}{{ year(date("2022-12-23")) }} {{ 2022 }}
        """))
        let text = document.pieces.map { piece -> String in
            switch piece {
            case .template(let s), .data(let s): return s
            default: return ""
            }
        }.joined()
        #expect(text == "2018 2019 2022 2.022")
    }

    @Test func aLoneNumberIsPlainOnAPipeAndGroupedForPeople() throws {
        let piped = try CLI.run(["-c", "members | count", "--data", Fixtures.dataDirectory])
        #expect(piped.status == 0)
        #expect(piped.stdout == "1581\n")
        var options = RenderOptions()
        #expect(render(.int(5_000_684), options: options) == "5.000.684\n")
        options.groupLoneValue = false
        #expect(render(.int(5_000_684), options: options) == "5000684\n")
    }
}
