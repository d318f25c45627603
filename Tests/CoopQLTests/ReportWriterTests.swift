import Testing
@testable import CoopQL

/// Report writing: exact Markdown and text output, HTML safety and structure, CSV and JSON.
@Suite struct ReportWriterTests {
    static let provinces = Table(names: ["tỉnh", "số HTX"], columns: [
        Column.from([.text("Bắc Ninh"), .text("Bạc Liêu")], type: .text),
        Column.from([.int(95035), .int(1915)], type: .int),
    ])

    /// Labels a…e with 80, 40, 3, 0 and null: full, half, a fraction of a column, zero, nothing.
    static let bars = Table(names: ["k", "n"], columns: [
        Column.from([.text("a"), .text("bb"), .text("ccc"), .text("d"), .text("e")], type: .text),
        Column.from([.int(80), .int(40), .int(3), .int(0), .null], type: .int),
    ])

    static let evil = "<script>alert(1)</script>"

    static func write(_ format: OutputFormat, _ pieces: [ReportDocument.Piece], language: Language = .vi,
                      style: NumberStyle = .vietnamese) -> String {
        writeReport(ReportDocument(name: "bao-cao.md", language: language, pieces: pieces), format: format,
                    options: RenderOptions(numberStyle: style))
    }

    // MARK: Charts in text

    @Test func textChartScalesBarsInEighths() {
        let expected = """
            a    ████████████████ 80
            bb   ████████ 40
            ccc  ▋ 3
            d    0
            e

            """
        #expect(textBarChart(Self.bars, options: RenderOptions(), width: 24) == expected)
    }

    @Test func textChartWithoutNumbersIsATable() {
        let names = Table(names: ["tỉnh"], columns: [Column.from([.text("Huế")], type: .text)])
        #expect(textBarChart(names, options: RenderOptions()).hasPrefix("┌──────┐\n│ tỉnh │"))
    }

    // MARK: Markdown

    @Test func markdownEscapesDataAndPlacesBlocks() {
        let out = Self.write(.markdown, [
            .template("# Báo cáo\nToàn tỉnh có "), .data("2"), .template(" HTX *mới*.\n"),
            .table(Self.provinces),
            .template("\nTên: "), .data("*A* [x](y) <b> #1 | `c` \\"), .template("\n\n\n"),
            .chart(Self.bars),
            .template("\n\nHết.\n"),
        ])
        let expected = """
            # Báo cáo
            Toàn tỉnh có 2 HTX *mới*.

            | tỉnh | số HTX |
            |---|---:|
            | Bắc Ninh | 95.035 |
            | Bạc Liêu | 1.915 |

            Tên: \\*A\\* \\[x\\](y) \\<b\\> \\#1 \\| \\`c\\` \\\\

            ```text
            a    ████████████████████████████████████████████████████ 80
            bb   ██████████████████████████ 40
            ccc  ██ 3
            d    0
            e
            ```

            Hết.

            """
        #expect(out == expected)
    }

    @Test func markdownTableMidSentenceGetsItsOwnLines() {
        let out = Self.write(.markdown, [.template("Xem bảng: "), .table(Self.provinces), .template(" và tiếp.\n")])
        #expect(out == "Xem bảng:\n\n| tỉnh | số HTX |\n|---|---:|\n| Bắc Ninh | 95.035 |\n| Bạc Liêu | 1.915 |\n\nvà tiếp.\n")
    }

    @Test func markdownFenceOutgrowsBackticksInLabels() {
        let t = Table(names: ["k", "n"], columns: [Column.from([.text("```x")], type: .text),
                                                   Column.from([.int(1)], type: .int)])
        let out = Self.write(.markdown, [.chart(t)])
        #expect(out.hasPrefix("````text\n```x"))
        #expect(out.hasSuffix("\n````\n"))
    }

    // MARK: Text

    @Test func textKeepsDataAndDrawsBoxes() {
        let out = Self.write(.table, [
            .template("Tổng: "), .data("*2*"), .template(" HTX\n"), .table(Self.provinces), .template("\n"),
            .table(Self.provinces), .template("Hết.\n"),
        ])
        let box = """
            ┌──────────┬────────┐
            │ tỉnh     │ số HTX │
            ├──────────┼────────┤
            │ Bắc Ninh │ 95.035 │
            │ Bạc Liêu │  1.915 │
            └──────────┴────────┘
            2 dòng

            """
        #expect(out == "Tổng: *2* HTX\n\n" + box + "\n" + box + "\nHết.\n")
    }

    // MARK: CSV and JSON

    @Test func csvWritesOnlyTables() {
        let out = Self.write(.csv, [.template("# x\n"), .table(Self.provinces), .data("y"), .chart(Self.bars)])
        let expected = "tỉnh,số HTX\r\nBắc Ninh,95035\r\nBạc Liêu,1915\r\n\r\n"
            + "k,n\r\na,80\r\nbb,40\r\nccc,3\r\nd,0\r\ne,\r\n"
        #expect(out == expected)
    }

    @Test func jsonIsAnArrayOfTables() {
        let empty = Table(names: ["a"], columns: [Column.from([], type: .int)])
        let out = Self.write(.json, [.template("# x\n"), .table(Self.provinces), .chart(empty)])
        let expected = """
            [
              [
                {"tỉnh": "Bắc Ninh", "số HTX": 95035},
                {"tỉnh": "Bạc Liêu", "số HTX": 1915}
              ],
              []
            ]

            """
        #expect(out == expected)
        #expect(Self.write(.json, [.template("x")]) == "[]\n")
    }

    // MARK: HTML

    @Test func htmlIsOneSelfContainedPage() {
        let out = Self.write(.html, [.template("# Báo cáo "), .data("Bắc Ninh"), .template("\nVăn bản.\n")])
        #expect(out.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(occurrences("<html", in: out) == 1 && occurrences("</html>", in: out) == 1)
        #expect(out.contains("<title>Báo cáo Bắc Ninh</title>"))
        #expect(out.contains("<h1>Báo cáo Bắc Ninh</h1>"))
        #expect(out.contains("font-variant-numeric: tabular-nums"))
        #expect(!out.contains("<script") && !out.contains("<link") && !out.contains("@import") && !out.contains("url("))
        let untitled = Self.write(.html, [.template("## Phụ lục\n")], language: .en)
        #expect(untitled.contains("<html lang=\"en\">") && untitled.contains("<title>bao-cao.md</title>"))
        #expect(tagsBalance(out) && tagsBalance(untitled))
    }

    @Test func htmlEscapesDataEverywhere() {
        let names = Table(names: ["tên", "thành viên", "vốn"], columns: [
            Column.from([.text(Self.evil), .text("HTX \"Tân\" & 'Cộng'")], type: .text),
            Column.from([.int(95035), .int(1915)], type: .int),
            Column.from([.decimal(3.5), .null], type: .decimal),
        ])
        let out = Self.write(.html, [
            .template("Tên: "), .data(Self.evil), .template(" và "),
            .data("[bấm](http://evil.example) <a href=\"http://evil.example\">x</a> **đậm** `c`"),
            .template("\n"), .table(names), .chart(names),
        ])
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        #expect(!out.contains("<script") && !out.contains("href=\"http") && !out.contains("<strong>"))
        #expect(out.contains("<p>Tên: \(escaped) và [bấm](http://evil.example) &lt;a href=&quot;http://evil.example&quot;&gt;x&lt;/a&gt; **đậm** `c`</p>"))
        #expect(out.contains("<tr><td>\(escaped)</td><td class=\"num\">95.035</td><td class=\"num\">3,5</td></tr>"))
        #expect(out.contains("<tr><td>HTX &quot;Tân&quot; &amp; &#39;Cộng&#39;</td><td class=\"num\">1.915</td><td class=\"num\"></td></tr>"))
        #expect(out.contains("<th>tên</th><th class=\"num\">thành viên</th><th class=\"num\">vốn</th>"))
        #expect(out.contains("text-anchor=\"end\">\(escaped)</text>"))
        for tag in tags(in: out) {
            #expect(!tag.contains("src=") && !tag.contains("onerror") && !tag.lowercased().contains("javascript"))
        }
        #expect(tagsBalance(out))
    }

    @Test func htmlChartHasOneBarPerRowInProportion() {
        let t = Table(names: ["huyện", "số"], columns: [
            Column.from([.text("Từ Sơn"), .text("Quế Võ"), .text("Gia Bình")], type: .text),
            Column.from([.decimal(80), .decimal(40), .decimal(20)], type: .decimal),
        ])
        let out = Self.write(.html, [.chart(t)])
        #expect(out.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-0-title\""))
        #expect(out.contains("<title id=\"chart-0-title\">số theo huyện</title>"))
        let widths = tags(in: out).filter { $0.hasPrefix("<rect") }.compactMap { attribute("width", of: $0) }
        #expect(widths.count == 3)
        if widths.count == 3 {
            #expect(abs(widths[1] / widths[0] - 0.5) < 0.01 && abs(widths[2] / widths[0] - 0.25) < 0.01)
        }
        #expect(out.contains(">Từ Sơn</text>") && out.contains("class=\"value\"") && out.contains(">80</text>"))
        #expect(tagsBalance(out))
    }

    @Test func htmlConvertsMarkdown() {
        let source = """
            # Tiêu đề **lớn**
            Đoạn *nghiêng* và _nghiêng_, **đậm**, `mã <b>`, so_luong_htx, [trang](https://a.vn/x?a=1&b=2)
            và [xấu](javascript:alert(1)) hết.\u{20}\u{20}
            Dòng mới <i>thô</i>.

            - một
            - hai
              - hai rưỡi
            * ba

            3. ba
            4. bốn

            ---
            > trích **dẫn**
            ## Nhỏ ##
            """
        let expected = """
            <h1>Tiêu đề <strong>lớn</strong></h1>
            <p>Đoạn <em>nghiêng</em> và <em>nghiêng</em>, <strong>đậm</strong>, <code>mã &lt;b&gt;</code>, so_luong_htx, \
            <a href="https://a.vn/x?a=1&amp;b=2">trang</a>
            và xấu hết.<br>
            Dòng mới &lt;i&gt;thô&lt;/i&gt;.</p>
            <ul>
            <li>một</li>
            <li>hai
            <ul>
            <li>hai rưỡi</li>
            </ul>
            </li>
            <li>ba</li>
            </ul>
            <ol start="3">
            <li>ba</li>
            <li>bốn</li>
            </ol>
            <hr>
            <blockquote>
            <p>trích <strong>dẫn</strong></p>
            </blockquote>
            <h2>Nhỏ</h2>

            """
        let converted = MarkdownHTML.convert(MarkdownHTML.sanitize(source), data: [], blocks: [])
        #expect(converted.html == expected)
        #expect(converted.title == "Tiêu đề lớn")
        #expect(MarkdownHTML.convert("a\\\nb", data: [], blocks: []).html == "<p>a<br>\nb</p>\n")
        #expect(tagsBalance(converted.html))
    }

    @Test func htmlLinksOnlyToSafeURLs() {
        for url in ["https://a.vn", "http://a.vn", "mailto:a@b.vn", "bao-cao.html", "/x", "#muc-1", "?a=1"] {
            #expect(MarkdownInline.isSafeURL(url), "\(url)")
        }
        for url in ["javascript:alert(1)", "JavaScript:x", "data:text/html,x", "vbscript:x", "java\tscript:x", ""] {
            #expect(!MarkdownInline.isSafeURL(url), "\(url)")
        }
    }

    @Test func htmlClosesParagraphBeforeBlocks() {
        let out = Self.write(.html, [
            .template("- mục "), .table(Self.provinces), .template(" Trước "), .chart(Self.bars), .template(" sau **đậm**."),
        ])
        #expect(out.contains("<li>mục</li>\n</ul>\n<div class=\"table-wrap\">"))
        #expect(out.contains("</div>\n<p>Trước</p>\n<figure class=\"chart\">"))
        #expect(out.contains("</figure>\n<p>sau <strong>đậm</strong>.</p>"))
        #expect(tagsBalance(out))
        let code = Self.write(.html, [.template("```\nx\n"), .table(Self.provinces), .template("\ny\n```\n")])
        #expect(code.contains("<pre><code>x\n</code></pre>\n<div class=\"table-wrap\">"))
        #expect(code.contains("</div>\n<pre><code>y\n</code></pre>\n</main>"))
        #expect(tagsBalance(code))
    }

    @Test func htmlDataInsideMarkupStaysData() {
        let out = Self.write(.html, [.template("**"), .data("*x* & y"), .template("** [trang]("), .data("javascript:alert(1)"),
                                     .template(") `"), .data("<b>"), .template("`\n\n```\n"), .data("<i>"), .template("\n```\n")])
        #expect(out.contains("<p><strong>*x* &amp; y</strong> trang <code>&lt;b&gt;</code></p>\n<pre><code>&lt;i&gt;\n</code></pre>"))
        #expect(tagsBalance(out))
    }

    // MARK: Helpers

    func occurrences(_ needle: String, in haystack: String) -> Int {
        haystack.split(separator: needle, omittingEmptySubsequences: false).count - 1
    }

    /// Every `<…>` tag of an HTML text, in order (the writer escapes every `<` that is not a tag).
    func tags(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            result.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The number in `name="…"` of a tag.
    func attribute(_ name: String, of tag: String) -> Double? {
        guard let start = tag.firstRange(of: " \(name)=\"") else { return nil }
        return Double(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Whether every opened element is closed, in order; void elements need no closing tag.
    func tagsBalance(_ html: String) -> Bool {
        let void: Set<String> = ["!doctype", "meta", "br", "hr", "link", "img"]
        var open: [String] = []
        for tag in tags(in: html) {
            let closing = tag.hasPrefix("</")
            let name = String(tag.dropFirst(closing ? 2 : 1).prefix { $0.isLetter || $0.isNumber || $0 == "!" }).lowercased()
            if void.contains(name) { continue }
            if closing {
                guard open.last == name else { return false }
                open.removeLast()
            } else {
                open.append(name)
            }
        }
        return open.isEmpty
    }
}
