import Testing
@testable import CoopQL

/// `fmt`, `pct`, `vnd`, `date_vi` and `label`: values written for Vietnamese readers, or English
/// ones when the session's language is English.
@Suite struct FormattingTests {
    func text(_ query: String, _ language: Language = .vi) throws -> String? {
        let session = Session()
        session.language = language
        guard case .text(let s)? = try session.evaluate(query) else { return nil }
        return s
    }

    @Test func numbers() throws {
        #expect(try text("fmt(1915)") == "1.915")
        #expect(try text("fmt(95035)") == "95.035")
        #expect(try text("fmt(3.5)") == "3,5")
        #expect(try text("fmt(1234567.891, 2)") == "1.234.567,89")
        #expect(try text("fmt(28.0)") == "28")
        #expect(try text("fmt(-1456000000)") == "-1.456.000.000")
        #expect(try text("fmt(1915)", .en) == "1,915")
        #expect(try text("fmt(3.5)", .en) == "3.5")
    }

    @Test func percentages() throws {
        #expect(try text("pct(100.0 * 27 / 31)") == "87%")
        #expect(try text("pct(100.0 * 16 / 30)") == "53%")
        #expect(try text("pct(86.66, 1)") == "86,7%")
        #expect(try text("pct(86.66, 1)", .en) == "86.7%")
        #expect(try text("pct(29)") == "29%")
    }

    @Test func money() throws {
        #expect(try text("vnd(1456000000)") == "1 tỷ 456 triệu đồng")
        #expect(try text("vnd(3000000000)") == "3 tỷ đồng")
        #expect(try text("vnd(3300000)") == "3 triệu 300 nghìn đồng")
        #expect(try text("vnd(1630000500)") == "1 tỷ 630 triệu 500 đồng")
        #expect(try text("vnd(0)") == "0 đồng")
        #expect(try text(#"vnd(28900000000, "tỷ")"#) == "28,9 tỷ đồng")
        #expect(try text(#"vnd(1456000000, "triệu")"#) == "1.456 triệu đồng")
        #expect(try text("vnd(1456000000)", .en) == "1 billion 456 million VND")
    }

    @Test func dates() throws {
        #expect(try text(#"date_vi(date("2022-12-23"))"#) == "23/12/2022")
        #expect(try text(#"fmt(date("2018-03-05"))"#) == "05/03/2018")
        #expect(try text(#"fmt(date("2018-03-05"))"#, .en) == "2018-03-05")
    }

    @Test func labels() throws {
        #expect(try text(#"label("agriculture")"#) == "nông nghiệp")
        #expect(try text(#"label("agriculture")"#, .en) == "agriculture")
        #expect(try text(#"label("union")"#) == "liên hiệp hợp tác xã")
        #expect(try text(#"label("no such code")"#) == "no such code")
    }

    @Test func overColumns() throws {
        let session = Session()
        session.addTable("t", Table(names: ["n", "code"], columns: [
            Column.from([.int(1915), .int(866), .null], type: .int),
            Column.from([.text("credit"), .text("weak"), .text("good")], type: .text),
        ]))
        guard case .table(let t)? = try session.evaluate("t | select a = fmt(n), b = label(code), c = vnd(n * 1000000)") else {
            Issue.record("not a table"); return
        }
        #expect(t.rows.map { $0[0] } == [.text("1.915"), .text("866"), .null])
        #expect(t.rows.map { $0[1] } == [.text("quỹ tín dụng nhân dân"), .text("yếu, kém"), .text("hiệu quả")])
        #expect(t.rows.map { $0[2] } == [.text("1 tỷ 915 triệu đồng"), .text("866 triệu đồng"), .null])
    }

    @Test func wrongArguments() {
        #expect(throws: DiagnosticList.self) { try Session().evaluate(#"vnd(5, "đô")"#) }
        #expect(throws: DiagnosticList.self) { try Session().evaluate(#"fmt("x")"#) }
    }

    @Test func valueOfAOneCellTable() throws {
        let session = Session()
        session.addTable("t", Table(names: ["n"], columns: [Column.from([.int(5), .int(7)], type: .int)]))
        #expect(try session.evaluate("value(t | where n > 6)") == .int(7))
        #expect(try session.evaluate("value(t | where n > 9)") == .null)
        #expect(try session.evaluate("value(t | summarize sum(n)) * 2") == .int(24))
        do {
            _ = try session.evaluate("value(t)")
            Issue.record("two rows must be an error")
        } catch {
            #expect(error.diagnostics.first?.message == "value() needs a table of one row, but this one has 2")
            #expect(error.diagnostics.first?.suggestion == "narrow it with where, or end it with summarize")
        }
        // A table of two columns is refused before anything runs.
        session.addTable("u", Table(names: ["a", "b"], columns: [Column.from([.int(1)], type: .int), Column.from([.int(2)], type: .int)]))
        #expect(throws: DiagnosticList.self) { try session.evaluate("value(u)") }
    }
}
