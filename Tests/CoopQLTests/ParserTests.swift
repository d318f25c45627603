import Testing
@testable import CoopQL

@Suite struct ParserTests {
    func parse(_ text: String) throws -> [Statement] {
        try Parser.parse(SourceText(name: "t", text: text)).statements
    }

    func problems(_ text: String) -> [String] {
        do { _ = try Parser.parse(SourceText(name: "t", text: text)); return [] }
        catch { return error.diagnostics.map(\.message) }
    }

    func pipeline(_ text: String) throws -> (Expr, [Stage]) {
        let statements = try parse(text)
        guard case .expression(let e) = statements.first?.kind, case .pipeline(let head, let stages) = e.kind else {
            Issue.record("not a pipeline: \(text)")
            throw DiagnosticList([])
        }
        return (head, stages)
    }

    @Test func stagesAreRecognisedByPosition() throws {
        let (head, stages) = try pipeline("cooperatives | where count > 1 | count by sector | sort by count desc")
        guard case .name("cooperatives") = head.kind else { Issue.record("head"); return }
        #expect(stages.count == 3)
        guard case .where(let c) = stages[0].kind, case .binary(.greater, let l, _) = c.kind, case .name("count") = l.kind
        else { Issue.record("where count > 1"); return }
        guard case .count(let by) = stages[1].kind, by.count == 1 else { Issue.record("count by"); return }
        guard case .sort(let keys) = stages[2].kind else { Issue.record("sort"); return }
        #expect(keys.count == 1 && keys[0].descending)
    }

    @Test func precedence() throws {
        // a or b and not c == d  parses as  a or (b and (not (c == d)))
        let statements = try parse("a or b and not c == d")
        guard case .expression(let e) = statements[0].kind, case .binary(.or, _, let r) = e.kind,
              case .binary(.and, _, let rr) = r.kind, case .unary(.not, let n) = rr.kind,
              case .binary(.equal, _, _) = n.kind else { Issue.record("wrong tree"); return }
        // 1 + 2 * 3 - 4  parses as  (1 + (2 * 3)) - 4
        guard case .expression(let a) = try parse("1 + 2 * 3 - 4")[0].kind, case .binary(.subtract, let l, _) = a.kind,
              case .binary(.add, _, let m) = l.kind, case .binary(.multiply, _, _) = m.kind else { Issue.record("arith"); return }
    }

    @Test func pipelinesContinueOnLinesStartingWithPipe() throws {
        let statements = try parse("cooperatives\n  | where kind == \"htx\"\n\n  | count\nloans | count")
        #expect(statements.count == 2)
        let (_, stages) = try pipeline("cooperatives |\n where x |\n count")
        #expect(stages.count == 2)
    }

    @Test func statements() throws {
        let s = try parse("let x = 1\nfn f(a, b) = a + b\nparam p: int = 3\nparam q\nprint x, f(1, 2)\nfor y in 1..3 { print y }\nif x > 0 { x } elif x < 0 { 0 } else { 1 }\nimport \"lib.coop\"")
        #expect(s.count == 8)
        guard case .function("f", let ps, _) = s[1].kind, ps == ["a", "b"] else { Issue.record("fn"); return }
        guard case .param("p", "int", .some) = s[2].kind else { Issue.record("param with type"); return }
        guard case .param("q", nil, nil) = s[3].kind else { Issue.record("param without default"); return }
        guard case .if(let branches, .some) = s[6].kind, branches.count == 2 else { Issue.record("if"); return }
        guard case .import("lib.coop") = s[7].kind else { Issue.record("import"); return }
    }

    @Test func joins() throws {
        let (_, stages) = try pipeline("a | left join (b | where x) as l on id == l.aid and k == l.k")
        guard case .join(.left, let right, "l", let on) = stages[0].kind, case .pipeline = right.kind,
              case .binary(.and, _, _) = on.kind else { Issue.record("left join"); return }
    }

    @Test func spansCoverTheirText() throws {
        let source = SourceText(name: "t", text: "loans | top 3 by amount")
        let script = try Parser.parse(source)
        let statement = try #require(script.statements.first)
        let parsed: (Expr, [Stage])? = if case .expression(let e) = statement.kind, case .pipeline(_, let stages) = e.kind { (e, stages) } else { nil }
        let (e, stages) = try #require(parsed, "`loans | top 3 by amount` is a pipeline")
        #expect(source.slice(stages[0].span) == "top 3 by amount")
        #expect(source.slice(e.span) == "loans | top 3 by amount")
    }

    @Test func severalProblemsAreReported() {
        let found = problems("a | wher x\nb | count\nc | sort count\n")
        #expect(found == ["unknown stage `wher`", "expected `by` after `sort`, found name `count`"])
    }

    @Test func helpfulMessages() {
        #expect(problems("a | where x = 1") == ["`=` gives a name; to compare, write `==`"])
        #expect(problems("a < b < c") == ["comparisons do not chain"])
        #expect(problems("| count") == ["a pipeline starts with a table, not `|`"])
        #expect(problems("f(1, 2") == ["this `(` is never closed"])
        #expect(problems("let and = 1") == ["`and` is a reserved word and cannot be used as a name"])
        #expect(problems("a | count | where x")  == [])  // the checker, not the parser, rejects this
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(problems(deep) == ["expression nested too deeply (more than 100 levels)"])
        let notNot = String(repeating: "not ", count: 5_000) + "true"
        #expect(problems(notNot) == ["expression nested too deeply (more than 100 levels)"])
        let longChain = (1...500).map(String.init).joined(separator: " + ")
        #expect(problems(longChain) == ["expression nested too deeply (more than 200 levels)"])
        let fine = (1...150).map(String.init).joined(separator: " + ")
        #expect(problems(fine) == [])
    }

    @Test func needsMoreInput() {
        func more(_ s: String) -> Bool { Parser.needsMoreInput(SourceText(name: "t", text: s)) }
        #expect(more("cooperatives |"))
        #expect(more("f(1,"))
        #expect(more("for x in 1..3 {"))
        #expect(more("\"\"\"\nopen"))
        #expect(!more("cooperatives | count"))
        #expect(!more("cooperatives | wher x"))
    }
}
