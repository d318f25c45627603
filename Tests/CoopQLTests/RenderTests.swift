import Testing
@testable import CoopQL

/// Rendering: exact output of every format, number formatting, escaping and fitting.
@Suite struct RenderTests {
    static let day1 = Day(year: 2019, month: 5, day: 1)!

    /// Two cooperatives: Vietnamese text, a big int, a decimal with and without a fraction, a date,
    /// nulls, and a note holding a comma and a quote.
    static let sample = Table(names: ["province", "members", "area", "founded", "note"], columns: [
        Column.from([.text("Bắc Ninh"), .text("Bạc Liêu")], type: .text),
        Column.from([.int(95035), .int(1915)], type: .int),
        Column.from([.decimal(3.5), .decimal(50)], type: .decimal),
        Column.from([.date(day1), .null], type: .date),
        Column.from([.text("a, \"b\""), .null], type: .text),
    ])

    static func text(_ format: OutputFormat, _ value: Value, style: NumberStyle = .vietnamese,
                     maxRows: Int? = nil, width: Int? = nil, colour: Bool = false) -> String {
        render(value, options: RenderOptions(format: format, numberStyle: style, maxRows: maxRows,
                                             terminalWidth: width, colour: colour))
    }

    // MARK: Tables in each format

    @Test func boxTable() {
        let expected = """
            ┌──────────┬─────────┬──────┬────────────┬────────┐
            │ province │ members │ area │ founded    │ note   │
            ├──────────┼─────────┼──────┼────────────┼────────┤
            │ Bắc Ninh │  95.035 │  3,5 │ 2019-05-01 │ a, "b" │
            │ Bạc Liêu │   1.915 │   50 │ null       │ null   │
            └──────────┴─────────┴──────┴────────────┴────────┘
            2 dòng

            """
        #expect(Self.text(.table, .table(Self.sample)) == expected)
    }

    @Test func boxTableEnglish() {
        let output = Self.text(.table, .table(Self.sample), style: .english)
        #expect(output.contains("│ Bắc Ninh │  95,035 │  3.5 │"))
        #expect(output.hasSuffix("┘\n2 rows\n"))
    }

    @Test func csvTable() {
        let expected = "province,members,area,founded,note\r\n"
            + "Bắc Ninh,95035,3.5,2019-05-01,\"a, \"\"b\"\"\"\r\n"
            + "Bạc Liêu,1915,50.0,,\r\n"
        #expect(Self.text(.csv, .table(Self.sample)) == expected)
    }

    @Test func jsonTable() {
        let expected = #"""
            [
              {"province": "Bắc Ninh", "members": 95035, "area": 3.5, "founded": "2019-05-01", "note": "a, \"b\""},
              {"province": "Bạc Liêu", "members": 1915, "area": 50.0, "founded": null, "note": null}
            ]

            """#
        #expect(Self.text(.json, .table(Self.sample)) == expected)
    }

    @Test func markdownTable() {
        let expected = """
            | province | members | area | founded | note |
            |---|---:|---:|---|---|
            | Bắc Ninh | 95.035 | 3,5 | 2019-05-01 | a, "b" |
            | Bạc Liêu | 1.915 | 50 |  |  |

            """
        #expect(Self.text(.markdown, .table(Self.sample)) == expected)
    }

    @Test func markdownEscapesPipesAndLineBreaks() {
        let t = Table(names: ["a|b"], columns: [Column.from([.text("x|y"), .text("one\r\ntwo\nthree")], type: .text)])
        let expected = "| a\\|b |\n|---|\n| x\\|y |\n| one<br>two<br>three |\n"
        #expect(Self.text(.markdown, .table(t)) == expected)
    }

    // MARK: Cutting rows and columns

    static let thousands = Table(names: ["n"], columns: [
        Column.from((0..<1500).map { .int(Int64($0) * 1000) }, type: .int),
    ])

    @Test func maxRowsCutsTheTable() {
        let expected = """
            ┌───────┐
            │     n │
            ├───────┤
            │     0 │
            │ 1.000 │
            │     … │
            └───────┘
            … còn 1.498 dòng
            1.500 dòng

            """
        #expect(Self.text(.table, .table(Self.thousands), maxRows: 2) == expected)
        let english = Self.text(.table, .table(Self.thousands), style: .english, maxRows: 2)
        #expect(english.hasSuffix("└───────┘\n… 1,498 more rows\n1,500 rows\n"))
    }

    @Test func maxRowsZeroAndMachineFormatsKeepEveryRow() {
        let none = Self.text(.table, .table(Self.sample), maxRows: 0)
        // Widths come from the rows shown, here none: only the headers count.
        #expect(none.contains("├──────────┼─────────┼──────┼─────────┼──────┤\n│ …        │       … │    … │ …       │ …    │\n"))
        #expect(none.hasSuffix("… còn 2 dòng\n2 dòng\n"))
        #expect(Self.text(.table, .table(Self.sample), maxRows: 2) == Self.text(.table, .table(Self.sample)))
        #expect(Self.text(.csv, .table(Self.thousands), maxRows: 2).split(separator: "\r\n").count == 1501)
    }

    @Test func narrowTerminalDropsTrailingColumns() {
        let t = Table(names: ["a", "b", "c"], columns: [
            Column.from([.int(1_000_000)], type: .int),
            Column.from([.int(2_000_000)], type: .int),
            Column.from([.int(3_000_000)], type: .int),
        ])
        let expected = """
            ┌───────────┐
            │         a │
            ├───────────┤
            │ 1.000.000 │
            └───────────┘
            … còn 2 cột: b, c
            1 dòng

            """
        #expect(Self.text(.table, .table(t), width: 20) == expected)
        #expect(Self.text(.table, .table(t), style: .english, width: 24).contains("\n… 2 more columns: b, c\n"))
    }

    @Test func narrowTerminalCutsTheWidestTextFirst() {
        let t = Table(names: ["province", "name", "members"], columns: [
            Column.from([.text("Bắc Ninh"), .text("Bạc Liêu")], type: .text),
            Column.from([.text("Hợp tác xã nông nghiệp Đông Hòa"), .text("HTX Vĩnh Hưng")], type: .text),
            Column.from([.int(95035), .int(1915)], type: .int),
        ])
        let output = Self.text(.table, .table(t), width: 44)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { displayWidth($0) <= 44 })
        // The long names were cut; the short provinces and the numbers were left whole.
        #expect(output.contains("│ Bắc Ninh │"))
        #expect(output.contains("…"))
        #expect(output.contains("95.035 │"))
        #expect(!output.contains("còn"))
    }

    /// Where keeping every column would cut names to a few letters ("Bắc N…"), the last columns
    /// are dropped instead and named in a note; the names keep at least 18 columns of width.
    @Test func namesStayReadableAndColumnsAreDroppedInstead() {
        let t = Table(names: ["province", "name", "members"], columns: [
            Column.from([.text("Bà Rịa - Vũng Tàu"), .text("Bạc Liêu")], type: .text),
            Column.from([.text("Hợp tác xã nông nghiệp Đông Hòa"), .text("HTX Vĩnh Hưng")], type: .text),
            Column.from([.int(95035), .int(1915)], type: .int),
        ])
        let output = Self.text(.table, .table(t), width: 44)
        #expect(output.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 44 })
        #expect(output.contains("│ Bà Rịa - Vũng Tàu │"))
        #expect(output.contains("│ Hợp tác xã nông nghiệp… │") || output.contains("│ Hợp tác xã nông ngh"))
        #expect(!output.contains("95.035"))
        #expect(output.contains("… còn 1 cột: members"))
    }

    @Test func decomposedVietnameseStillAligns() {
        // "Bắc" typed with combining marks (a + breve + acute) is as wide as the precomposed one.
        let t = Table(names: ["tỉnh"], columns: [
            Column.from([.text("Ba\u{306}\u{301}c Ninh"), .text("Bạc Liêu"), .text("Huế")], type: .text),
        ])
        let lines = Self.text(.table, .table(t)).split(separator: "\n").dropLast().map(String.init)
        #expect(Set(lines.map(displayWidth)) == [12])
    }

    // MARK: Empty tables, records, colour

    @Test func emptyTables() {
        let noRows = Table(names: ["a", "b"], columns: [Column.from([], type: .text), Column.from([], type: .int)])
        #expect(Self.text(.table, .table(noRows)) == "┌───┬───┐\n│ a │ b │\n└───┴───┘\n0 dòng\n")
        #expect(Self.text(.table, .table(noRows), style: .english).hasSuffix("\n0 rows\n"))
        #expect(Self.text(.csv, .table(noRows)) == "a,b\r\n")
        #expect(Self.text(.json, .table(noRows)) == "[]\n")
        #expect(Self.text(.markdown, .table(noRows)) == "| a | b |\n|---|---:|\n")

        let noColumns = Table(names: [], columns: [])
        #expect(Self.text(.table, .table(noColumns), style: .english) == "┌┐\n││\n└┘\n0 rows\n")
        #expect(Self.text(.json, .table(noColumns)) == "[]\n")
        #expect(Self.text(.csv, .table(noColumns)) == "")
    }

    @Test func recordIsOneRow() {
        let record = Value.record(Self.sample.record(1))
        let expected = """
            ┌──────────┬─────────┬──────┬─────────┬──────┐
            │ province │ members │ area │ founded │ note │
            ├──────────┼─────────┼──────┼─────────┼──────┤
            │ Bạc Liêu │   1.915 │   50 │ null    │ null │
            └──────────┴─────────┴──────┴─────────┴──────┘
            1 dòng

            """
        #expect(Self.text(.table, record) == expected)
        #expect(Self.text(.csv, record) == "province,members,area,founded,note\r\nBạc Liêu,1915,50.0,,\r\n")
        #expect(Self.text(.json, record)
            == #"{"province": "Bạc Liêu", "members": 1915, "area": 50.0, "founded": null, "note": null}"# + "\n")
    }

    @Test func colourMakesHeadersBoldAndNullsGrey() {
        let t = Table(names: ["tỉnh"], columns: [Column.from([.null], type: .text)])
        let expected = "┌──────┐\n│ \u{1B}[1mtỉnh\u{1B}[0m │\n├──────┤\n│ \u{1B}[90mnull\u{1B}[0m │\n└──────┘\n1 dòng\n"
        #expect(Self.text(.table, .table(t), colour: true) == expected)
        #expect(!Self.text(.csv, .table(t), colour: true).contains("\u{1B}"))
    }

    @Test func lineBreaksInBoxCellsShowAsArrows() {
        let t = Table(names: ["note"], columns: [Column.from([.text("one\ntwo\r\nthree\tfour")], type: .text)])
        #expect(Self.text(.table, .table(t)).contains("│ one↵two↵three four │"))
    }

    // MARK: Scalars and lists

    @Test func scalars() {
        let cases: [(Value, table: String, json: String, csv: String)] = [
            (.int(95035), "95.035\n", "95035\n", "95035\r\n"),
            (.decimal(3.5), "3,5\n", "3.5\n", "3.5\r\n"),
            (.decimal(50), "50\n", "50.0\n", "50.0\r\n"),
            (.text("Bắc Ninh"), "Bắc Ninh\n", "\"Bắc Ninh\"\n", "Bắc Ninh\r\n"),
            (.text("a, \"b\""), "a, \"b\"\n", "\"a, \\\"b\\\"\"\n", "\"a, \"\"b\"\"\"\r\n"),
            (.date(Self.day1), "2019-05-01\n", "\"2019-05-01\"\n", "2019-05-01\r\n"),
            (.bool(true), "true\n", "true\n", "true\r\n"),
            (.null, "null\n", "null\n", "\r\n"),
        ]
        for c in cases {
            #expect(Self.text(.table, c.0) == c.table)
            #expect(Self.text(.markdown, c.0) == c.table)
            #expect(Self.text(.json, c.0) == c.json)
            #expect(Self.text(.csv, c.0) == c.csv)
        }
        #expect(Self.text(.table, .decimal(1234.25), style: .english) == "1,234.25\n")
    }

    @Test func lists() {
        let list = Value.list([.int(1915), .decimal(3.5), .text("Bắc Ninh"), .null, .date(Self.day1)])
        #expect(Self.text(.table, list) == "[1.915; 3,5; \"Bắc Ninh\"; null; 2019-05-01]\n")
        #expect(Self.text(.markdown, list, style: .english) == "[1,915, 3.5, \"Bắc Ninh\", null, 2019-05-01]\n")
        #expect(Self.text(.json, list) == "[1915, 3.5, \"Bắc Ninh\", null, \"2019-05-01\"]\n")
        #expect(Self.text(.csv, list) == "1915\r\n3.5\r\nBắc Ninh\r\n\r\n2019-05-01\r\n")
        #expect(Self.text(.json, .list([])) == "[]\n")
        let nested = Value.list([.list([.int(1)]), .table(Self.sample)])
        #expect(Self.text(.table, nested, style: .english) == "[[1], <table: 2 rows>]\n")
        #expect(Self.text(.json, .list([.table(Table(names: ["a"], columns: [Column.from([.int(1)], type: .int)]))]))
            == "[[{\"a\": 1}]]\n")
    }

    @Test func humanTextForPrint() {
        #expect(humanText(.text("Bắc Ninh"), style: .vietnamese) == "Bắc Ninh")
        #expect(humanText(.decimal(1234.25), style: .vietnamese) == "1.234,25")
        #expect(humanText(.int(95035), style: .english) == "95,035")
        #expect(humanText(.null, style: .english) == "null")
        #expect(humanText(.record(Self.sample.record(0)), style: .english)
            == "{province: \"Bắc Ninh\", members: 95,035, area: 3.5, founded: 2019-05-01, note: \"a, \\\"b\\\"\"}")
    }

    // MARK: Escaping

    @Test func jsonEscaping() {
        let s = "tab\there \"q\" back\\slash\nnew\u{01}\u{1F}\r Hòa 🌾"
        #expect(Self.text(.json, .text(s)) == #""tab\there \"q\" back\\slash\nnew\u0001\u001f\r Hòa 🌾""# + "\n")
        #expect(Self.text(.json, .decimal(.nan)) == "null\n")
        #expect(Self.text(.json, .decimal(-.infinity)) == "null\n")
        let t = Table(names: ["say \"x\""], columns: [Column.from([.decimal(.infinity)], type: .decimal)])
        #expect(Self.text(.json, .table(t)) == "[\n  {\"say \\\"x\\\"\": null}\n]\n")
    }

    @Test func csvQuoting() {
        let values: [Value] = [.text("plain"), .text("a,b"), .text("say \"hi\""), .text("cr\rlf"),
                               .text("two\nlines"), .text(""), .null, .text("Hòa")]
        let t = Table(names: ["x,y"], columns: [Column.from(values, type: .text)])
        let expected = "\"x,y\"\r\nplain\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"cr\rlf\"\r\n\"two\nlines\"\r\n\"\"\r\n\r\nHòa\r\n"
        #expect(Self.text(.csv, .table(t)) == expected)
    }

    // MARK: Numbers

    @Test(arguments: [
        (Int64(0), "0", "0"), (7, "7", "7"), (999, "999", "999"), (1000, "1.000", "1,000"),
        (1915, "1.915", "1,915"), (95035, "95.035", "95,035"), (-999, "-999", "-999"),
        (-1234567, "-1.234.567", "-1,234,567"),
        (Int64.max, "9.223.372.036.854.775.807", "9,223,372,036,854,775,807"),
        (Int64.min, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808"),
    ])
    func integers(n: Int64, vietnamese: String, english: String) {
        #expect(formatInteger(n, style: .vietnamese) == vietnamese)
        #expect(formatInteger(n, style: .english) == english)
    }

    @Test(arguments: [
        (3.5, "3,5", "3.5"), (1234.25, "1.234,25", "1,234.25"), (28.9, "28,9", "28.9"),
        (50.0, "50", "50"), (0.0, "0", "0"), (-0.0, "0", "0"), (0.1 + 0.2, "0,30000000000000004", "0.30000000000000004"),
        (-1234567.5, "-1.234.567,5", "-1,234,567.5"), (1e-6, "0,000001", "0.000001"), (0.000125, "0,000125", "0.000125"),
        (9.9e-7, "9,9e-07", "9.9e-07"), (999_999_999_999_999.9, "999.999.999.999.999,9", "999,999,999,999,999.9"),
        (1e15, "1e+15", "1e+15"), (1.5e20, "1,5e+20", "1.5e+20"), (-2.5e-300, "-2,5e-300", "-2.5e-300"),
        (Double.nan, "NaN", "NaN"), (Double.infinity, "∞", "∞"), (-Double.infinity, "-∞", "-∞"),
    ])
    func decimals(x: Double, vietnamese: String, english: String) {
        #expect(formatDecimal(x, style: .vietnamese) == vietnamese)
        #expect(formatDecimal(x, style: .english) == english)
    }

    @Test func plainTextForMachines() {
        #expect(plainText(.int(-1234567)) == "-1234567")
        #expect(plainText(.int(.min)) == "-9223372036854775808")
        #expect(plainText(.decimal(28.9)) == "28.9")
        #expect(plainText(.decimal(50)) == "50.0")
        #expect(plainText(.decimal(1234.25)) == "1234.25")
        #expect(plainText(.decimal(-0.0)) == "-0.0")
        #expect(plainText(.decimal(1e20)) == "1e+20")
        #expect(plainText(.decimal(1e-7)) == "1e-07")
        #expect(plainText(.decimal(.nan)) == "NaN")
        #expect(plainText(.decimal(-.infinity)) == "-inf")
        #expect(plainText(.date(Self.day1)) == "2019-05-01")
        #expect(plainText(.bool(false)) == "false")
        #expect(plainText(.text("Bắc Ninh")) == "Bắc Ninh")
        #expect(plainText(.null) == "null")
        #expect(plainText(.list([.int(1), .text("a")])) == "[1, \"a\"]")
    }

    /// Whatever the bits, the plain digits read back as the same double, and the grouped English
    /// digits do too once the grouping commas are taken out.
    @Test func decimalsRoundTrip() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let x = Double(bitPattern: state)
            guard x.isFinite else { continue }
            #expect(Double(plainText(.decimal(x))) == x)
            let grouped = formatDecimal(x, style: .english).replacingOccurrences(of: ",", with: "")
            #expect(Double(grouped) == x || (x == 0 && Double(grouped) == 0))
        }
    }

    @Test func optionsDefaults() {
        let o = RenderOptions()
        #expect(o == RenderOptions(format: .table, numberStyle: .vietnamese, maxRows: nil, terminalWidth: nil, colour: false))
        #expect(OutputFormat(name: "markdown") == .markdown)
    }
}

/// One list of output formats for queries and reports: names, uses and extensions.
@Suite struct OutputFormatTests {
    /// Every spelling `--format`, `.format` and `report --format` ever accepted still works.
    @Test func everyAcceptedNameStillWorks() {
        let spellings: [(String, OutputFormat)] = [
            ("table", .table), ("csv", .csv), ("json", .json), ("markdown", .markdown),  // queries
            ("md", .markdown), ("text", .table), ("html", .html),                          // reports
        ]
        for (name, format) in spellings { #expect(OutputFormat(name: name) == format, "\(name)") }
        #expect(OutputFormat(name: "CSV") == .csv)
        #expect(OutputFormat(name: "xml") == nil)
        #expect(OutputFormat(name: "") == nil)
    }

    @Test func queriesAndReportsEachHaveTheirFormats() {
        #expect(OutputFormat.names(for: .query) == "table|csv|json|markdown")
        #expect(Set(OutputFormat.formats(for: .report)) == [.table, .csv, .json, .markdown, .html, .docx])
        #expect(!OutputFormat.docx.uses.contains(.query) && OutputFormat.docx.isBinary)
        #expect(OutputFormat(path: "bao-cao.DOCX") == .docx)
        #expect(!OutputFormat.html.uses.contains(.query))
        // No two formats answer to the same name or the same extension.
        let names = OutputFormat.allCases.flatMap(\.names)
        #expect(Set(names).count == names.count)
        let extensions = OutputFormat.allCases.flatMap(\.extensions)
        #expect(Set(extensions).count == extensions.count)
    }

    /// `html` is a report format; asked of `render` for one value it writes that value as a page.
    @Test func htmlWritesAValueAsAPage() throws {
        let t = try Table(["name": .text(["<b>An</b>"]), "members": .int([1915])])
        let page = render(.table(t), options: RenderOptions(format: .html))
        #expect(page.contains("<table"))
        #expect(page.contains("&lt;b&gt;An&lt;/b&gt;") && !page.contains("<b>An"))
        #expect(page.contains("1.915"))
        #expect(render(.int(1915), options: RenderOptions(format: .html)).contains("1.915"))
    }

    @Test func aFilesExtensionNamesItsFormat() {
        #expect(OutputFormat(path: "out.csv") == .csv)
        #expect(OutputFormat(path: "reports/bac-lieu.HTML") == .html)
        #expect(OutputFormat(path: "a.b/report.md") == .markdown)
        #expect(OutputFormat(path: "result.json") == .json)
        #expect(OutputFormat(path: "notes.txt") == .table)
        #expect(OutputFormat(path: "archive.tar.gz") == nil)
        #expect(OutputFormat(path: "a.csv/README") == nil)
        #expect(OutputFormat(path: ".csv") == nil)
    }
}
