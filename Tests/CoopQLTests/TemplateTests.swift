import Foundation
import Testing
@testable import CoopQL

/// Templates: parsing, checking and filling, seen through the document they produce.
@Suite struct TemplateTests {
    /// Renders a template over the fixture data and flattens the document: template and data
    /// text as they are, tables and charts as `[table: a, b (n rows)]`.
    func fill(_ text: String, parameters: [String: String] = [:], language: Language = .vi) throws -> String {
        let session = try Fixtures.session()
        session.language = language
        let document = try session.renderTemplate(SourceText(name: "t.coop.md", text: text), parameters: parameters)
        return document.pieces.map { piece in
            switch piece {
            case .template(let s), .data(let s): return s
            case .table(let t): return "[table: \(t.schema.names.joined(separator: ", ")) (\(t.rowCount) rows)]"
            case .chart(let t): return "[chart: \(t.schema.names.joined(separator: ", ")) (\(t.rowCount) rows)]"
            }
        }.joined()
    }

    func problems(_ text: String, parameters: [String: String] = [:]) throws -> [Diagnostic] {
        let session = try Fixtures.session()
        do {
            _ = try session.renderTemplate(SourceText(name: "t.coop.md", text: text), parameters: parameters)
            return []
        } catch { return error.diagnostics }
    }

    @Test func valuesAreWrittenTheVietnameseWay() throws {
        let out = try fill("""
        Có {{ members | count }} thành viên, vốn {{ vnd(cooperatives | summarize s = sum(charter_capital) | count) }}.
        Ngày {{ date("2022-12-23") }}; tỷ lệ {{ pct(100.0 * 27 / 31) }}; {{ 3.5 }}.
        """)
        #expect(out == "Có 1.581 thành viên, vốn 1 đồng.\nNgày 23/12/2022; tỷ lệ 87%; 3,5.")
        let en = try fill("{{ members | count }} members, {{ 3.5 }}", language: .en)
        #expect(en == "1,581 members, 3.5")
    }

    @Test func frontMatterParamsAndLets() throws {
        let template = """
        ---
        param province = "Bắc Ninh"
        let htx = cooperatives | where province == $province and kind == "htx"
        fn share(part, whole) = round(100.0 * part / whole, 1)
        ---
        # {{ $province }}
        {{ htx | count }} HTX, {{ share(htx | where sector == "agriculture" | count, htx | count) }}% nông nghiệp.
        """
        #expect(try fill(template) == "# Bắc Ninh\n6 HTX, 16,7% nông nghiệp.")
        #expect(try fill(template, parameters: ["province": "Bạc Liêu"]) == "# Bạc Liêu\n3 HTX, 66,7% nông nghiệp.")
    }

    @Test func loopsWithLoopVariables() throws {
        let template = """
        {% for s in cooperatives | where kind == "htx" | count by sector | sort by count desc, sector | take 3 %}
        {{ loop.index }}/{{ loop.length }}. {{ label(s.sector) }}: {{ s.count }}{% if loop.first %} (nhiều nhất){% end %}{% if not loop.last %};{% end %}
        {% end %}
        """
        #expect(try fill(template) == "1/3. nông nghiệp: 7 (nhiều nhất);\n2/3. tiểu thủ công nghiệp: 2;\n3/3. dịch vụ: 2\n")
    }

    @Test func inlineLoopJoinsWithCommas() throws {
        let out = try fill(#"{% for p in cooperatives | distinct province %}{{ p.province }}{% if not loop.last %}, {% end %}{% end %}."#)
        #expect(out == "Bắc Kạn, Bắc Ninh, Bạc Liêu, Bình Phước.")
    }

    @Test func nestedConditionals() throws {
        let template = """
        {% for p in cooperatives | count by province | sort by province %}
        {% if p.count > 5 %}
        {% if p.count > 6 %}{{ p.province }}: rất nhiều{% else %}{{ p.province }}: nhiều{% end %}
        {% elif p.count == 5 %}
        {{ p.province }}: vừa
        {% else %}
        {{ p.province }}: ít
        {% end %}
        {% end %}
        """
        #expect(try fill(template) == "Bạc Liêu: ít\nBắc Kạn: ít\nBắc Ninh: rất nhiều\nBình Phước: vừa\n")
    }

    @Test func tablesAndCharts() throws {
        let out = try fill("""
        {{ cooperatives | count by province | table }}
        {{ cooperatives | count by sector | chart }}
        {{ loans | summarize n = count() by fund }}
        """)
        #expect(out == "[table: province, count (4 rows)]\n[chart: sector, count (9 rows)]\n[table: fund, n (3 rows)]")
    }

    @Test func rawAndComments() throws {
        #expect(try fill("{% raw %}{{ not evaluated }}{% end %} {# hidden #}x") == "{{ not evaluated }} x")
        #expect(try fill(#"{{ "{{" }} literal"#) == "{{ literal")
    }

    @Test func errorInsideATemplatePointsAtTheTemplate() throws {
        let found = try problems("""
        # Báo cáo
        Dòng hai.
        Tỉnh có {{ cooperatives | where provnce == "Bắc Ninh" | count }} HTX.
        """)
        let d = try #require(found.first)
        #expect(d.message == "unknown column `provnce`")
        #expect(d.source?.name == "t.coop.md")
        #expect(d.location?.line == 3 && d.location?.column == 33)
        #expect(d.suggestion == "did you mean `province`?")
        #expect(DiagnosticRenderer(colour: false).render(d).contains(" 3 | Tỉnh có {{ cooperatives | where provnce == \"Bắc Ninh\" | count }} HTX."))
    }

    @Test func syntaxErrorsInTagsPointAtTheTemplate() throws {
        let found = try problems("Tiêu đề\n\n{% for s in cooperatives | count by %}\n{% end %}")
        #expect(found.first?.message == "expected a column after `by`, found end of input")
        #expect(found.first?.location?.line == 3)
        let unclosed = try problems("a\n{% if true %}\nb")
        #expect(unclosed.first?.message == "this `{% if %}` is never closed")
        #expect(unclosed.first?.location?.line == 2 && unclosed.first?.location?.column == 1)
        let unknown = try problems("{% fore x in [1] %}{% end %}")
        #expect(unknown.first?.message == "unknown template tag `{% fore %}`")
        #expect(unknown.first?.suggestion == "did you mean `for`?")
    }

    @Test func missingAndWrongTypedParameters() throws {
        let needs = "---\nparam year: int\n---\n{{ $year }}"
        let missing = try problems(needs)
        #expect(missing.first?.message == "parameter `year` has no default and was not given")
        #expect(missing.first?.location?.line == 2 && missing.first?.location?.column == 7)
        let wrong = try problems(needs, parameters: ["year": "hai nghìn"])
        #expect(wrong.first?.message == "--param year=hai nghìn: `hai nghìn` is not a whole number")
        #expect(try fill(needs, parameters: ["year": "2022"]) == "2022")
        #expect(try fill("---\nparam year = 2022\n---\n{{ $year - 1 }}–{{ $year }}, {{ year(date(\"2023-05-01\")) }}; {{ 1915 }}") == "2021–2022, 2023; 1.915")
        let undeclared = try problems("x", parameters: ["year": "2022"])
        #expect(undeclared.first?.message == "--param year: the script declares no parameter `year`")
    }

    @Test func frontMatterHoldsDeclarationsOnly() throws {
        let found = try problems("---\ncooperatives | count\n---\nx")
        #expect(found.first?.message == "front matter holds param, let, fn and import statements; put this in the text as {{ … }}")
    }

    @Test func letNamesAValueForTheRestOfTheBlock() throws {
        let template = """
        {% let n = cooperatives | where kind == "htx" | count %}
        {{ n }} HTX.
        {% for p in cooperatives | distinct province | sort by province | take 2 %}
        {% let here = cooperatives | where province == p.province | count %}
        {{ p.province }}: {{ here }}/{{ n }}
        {% end %}
        """
        #expect(try fill(template) == "17 HTX.\nBạc Liêu: 4/17\nBắc Kạn: 4/17\n")
        // A name made inside the loop is not known after it.
        let found = try problems("{% for p in [1] %}{% let x = 1 %}{% end %}{{ x }}")
        #expect(found.first?.message == "unknown name `x`")
    }
}
