import Foundation
import Testing
// Only the public surface: what a host program sees.
import CoopQL

/// Every public call of the Swift embedding API, each limit, and bad input through it.
@Suite struct EmbedAPITests {
    static let data = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("data").path

    static func coops() throws -> Table {
        try Table([
            "name": .text(["An Phú", "Bình Minh", nil]),
            "members": .int([12, 30, 7]),
            "capital": .decimal([1.5, nil, 3]),
            "active": .bool([true, false, true]),
            "founded": .date([Day(year: 2020, month: 1, day: 2), nil, Day(year: 2022, month: 12, day: 23)]),
        ])
    }

    static func session() throws -> Session {
        let s = Session()
        s.addTable("coops", try coops())
        return s
    }

    static func firstError(_ work: () throws -> Void) -> Diagnostic? {
        do { try work() } catch let list as DiagnosticList { return list.diagnostics.first } catch { return nil }
        return nil
    }

    @Test func tableBuilderAndTypedAccess() throws {
        let t = try Self.coops()
        #expect(t.columnNames == ["name", "members", "capital", "active", "founded"])
        #expect(t.columnTypes == [.text, .int, .decimal, .bool, .date])
        #expect(t.rowCount == 3)
        #expect(t[0, "name"] == .text("An Phú"))
        #expect(t[2, 0] == .null)
        #expect(t[1, "capital"] == .null)
        #expect(t[0, "nope"] == nil)
        #expect(t.record(1)["members"] == .int(30))
        #expect(throws: Diagnostic.self) { try Table(["a": .int([1]), "b": .int([1, 2])]) }
        #expect(throws: Diagnostic.self) { try Table(["a": .int([1]), "a": .int([2])]) }
    }

    @Test func queryResultsAsTableScalarAndText() throws {
        let s = try Self.session()
        #expect(s.tables["coops"]?.rowCount == 3)
        let r = try s.query("coops | where members > 10 | select name, members | sort by members desc")
        #expect(r.table?.rows == [[.text("Bình Minh"), .int(30)], [.text("An Phú"), .int(12)]])
        #expect(r.scalar == nil)
        #expect(r.rendered(as: .json).contains("\"name\": \"Bình Minh\""))
        #expect(r.rendered(as: .csv).hasPrefix("name,members\r\n"))
        #expect(r.rendered(as: .markdown).contains("| Bình Minh"))
        #expect(r.rendered(as: .table, language: .en).contains("Bình Minh"))
        #expect(r.rendered(options: RenderOptions(format: .json)) == r.rendered(as: .json))
        let n = try s.query("coops | count")
        #expect(n.scalar == .int(3) && n.table == nil)
        let printed = try s.query("print 1 + 1, \"a\"\n2")
        #expect(printed.printed == ["2 a"] && printed.value == .int(2))
        #expect(try s.query("let x = 1").value == .null)
        #expect(try s.evaluate("coops | summarize m = sum(members) | select m") != nil)
        var outputs = 0
        try s.run(SourceText(name: "q", text: "1\n2")) { _ in outputs += 1 }
        #expect(outputs == 2)
    }

    @Test func preparedQueriesCheckOnceAndBindTypedValues() throws {
        let s = try Self.session()
        let q = try s.prepare("coops | where members >= $min and name != $skip | count", parameters: ["min": .int(0)])
        #expect(q.checkCount == 1 && q.session === s && q.source.text.hasPrefix("coops"))
        q.bind("skip", .text("x"))
        #expect(try q.run().scalar == .int(2))  // the null name is not != "x"
        q.bind("min", .int(20))
        #expect(try q.run().scalar == .int(1))
        q.bind("min", .int(13))
        _ = try q.run()
        #expect(q.checkCount == 2)  // once at prepare, once when `skip` first came; not per value
        // A parameter's text is a value, never source: quotes and pipes do nothing.
        q.bind("skip", .text("\" | count + 1000 | \""))
        #expect(try q.run().scalar == .int(1))
        #expect(q.parameters["min"] == .int(13))
        // Another type, or a changed table, makes it check again.
        q.bind("min", .decimal(12.5))
        _ = try q.run()
        s.addTable("other", try Table(["x": .int([1])]))
        _ = try q.run()
        #expect(q.checkCount == 4)
        q.clearBindings()
        #expect(Self.firstError { _ = try q.run() }?.kind == .name)
        // Dates, bools and nulls; a `param` declaration takes the bound value over its default.
        let d = try s.query("param since = date(\"2000-01-01\")\ncoops | where founded >= $since and active == $on | count",
                            parameters: ["since": .date(Day(year: 2021, month: 1, day: 1)!), "on": .bool(true)])
        #expect(d.scalar == .int(1))
        #expect(try s.query("$x ?? 5", parameters: ["x": .null]).scalar == .int(5))
        let wrong = Self.firstError { _ = try s.query("param n = 1\n$n", parameters: ["n": .text("a")]) }
        #expect(wrong?.kind == .type)
        // Bindings belong to one query.
        #expect(Self.firstError { _ = try s.query("$since") }?.kind == .name)
    }

    @Test func hostFunctions() throws {
        let s = try Self.session()
        try s.register("shout", arity: 1, returns: .text) { args in
            guard case .text(let t) = args[0] else { return .null }
            return .text(t.uppercased())
        }
        try s.register("fail", arity: 0, returns: .int) { _ in throw CocoaError(.fileNoSuchFile) }
        try s.register("lie", arity: 1, returns: .int) { _ in .text("no") }
        try s.register("halve", arity: 1, returns: .decimal) { args in .int((args[0].asDouble.map { Int64($0) } ?? 0) / 2) }
        let r = try s.query("coops | select loud = shout(name) | sort by loud")
        #expect(r.table?.rows.map { $0[0] } == [.text("AN PHÚ"), .text("BÌNH MINH"), .null])
        #expect(try s.query("halve(9)").scalar == .decimal(4))
        #expect(Self.firstError { _ = try s.query("shout(1, 2)") }?.kind == .type)
        #expect(Self.firstError { _ = try s.query("shout(\"a\") + 1") }?.kind == .type)
        let failed = Self.firstError { _ = try s.query("fail()") }
        #expect(failed?.kind == .runtime && failed?.message.contains("fail") == true)
        #expect(Self.firstError { _ = try s.query("lie(1)") }?.kind == .runtime)
        #expect(Self.firstError { _ = try s.query("fn shout(x) = x\n1") }?.kind == .name)
        #expect(throws: Diagnostic.self) { try s.register("sum", arity: 1, returns: .int) { _ in .null } }
        #expect(throws: Diagnostic.self) { try s.register("bad name", arity: 1, returns: .int) { _ in .null } }
        #expect(throws: Diagnostic.self) { try s.register("t", arity: 1, returns: .any) { _ in .null } }
        #expect(throws: Diagnostic.self) { try s.register("many", arity: 65, returns: .int) { _ in .null } }
        #expect(try s.query("shout(\"ok\")").scalar == .text("OK"))
    }

    @Test func errorsAreValuesWithPositions() throws {
        let s = try Self.session()
        let d = Self.firstError { _ = try s.query("coops\n  | where membrs > 1") }
        #expect(d?.kind == .name)
        #expect(d?.location?.line == 2 && d?.location?.column == 11)
        #expect(d?.suggestion?.contains("members") == true)
        #expect(d?.message == "unknown column `membrs`")
        #expect(Self.firstError { _ = try s.query("coops | where") }?.kind == .syntax)
    }

    @Test func eachLimitStopsTheRunAndTheSessionStaysUsable() throws {
        let s = try Self.session()
        s.addTable("big", try Table(["n": .int((0..<5000).map { Int64($0) })]))
        let heavy = "big | where n >= 0 | sort by n desc | count"
        s.limits = Limits(maxSteps: 100)
        #expect(Self.firstError { _ = try s.query(heavy) }.map { $0.kind == .limit && $0.message.contains("step") } == true)
        s.limits = Limits(maxRows: 6000)
        #expect(Self.firstError { _ = try s.query(heavy) }?.message.contains("rows") == true)
        // Stages keep only the columns later stages read, so the bytes are counted on a table result.
        s.limits = Limits(maxBytes: 50_000)
        #expect(Self.firstError { _ = try s.query("big | where n >= 0 | sort by n desc") }?.message.contains("bytes") == true)
        s.limits = Limits(timeout: 0.1)
        let slow = "fn f(n) = if n < 1 then 0 else f(n - 1) + 1\nfor i in 1..1000000 { if f(100) < 0 { print i } }"
        #expect(Self.firstError { _ = try s.query(slow) }?.message.contains("time") == true)
        s.limits = Limits(maxQueryBytes: 100)
        #expect(Self.firstError { _ = try s.query(String(repeating: "1+", count: 100) + "1") }?.kind == .limit)
        s.limits = .none
        #expect(try s.query(heavy).scalar == .int(5000))
        // Cancellation from another thread.
        let canceller = Thread { Thread.sleep(forTimeInterval: 0.2); s.cancel() }
        canceller.start()
        #expect(Self.firstError { _ = try s.query(slow) }?.message.contains("cancelled") == true)
        #expect(try s.query("1 + 1").scalar == .int(2))
    }

    @Test func badInput() throws {
        let s = Session()
        #expect(s.limits.maxQueryBytes == 1 << 20)
        let huge = String(repeating: "1 + ", count: 10 << 18) + "1"  // 10 MB
        #expect(Self.firstError { _ = try s.query(huge) }?.kind == .limit)
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        #expect(Self.firstError { _ = try s.query(deep) }?.kind == .syntax)
        #expect(Self.firstError { _ = try s.query("fn r(n) = r(n + 1)\nr(1)") }?.kind == .runtime)
        #expect(Self.firstError { _ = try s.query("\u{0}") } != nil)
    }

    @Test func filesOnlyInsideAllowedFolders() throws {
        let folder = TemporaryFolders.url("embed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lib = folder.appendingPathComponent("lib.coop")
        try "let answer = 42\n".write(to: lib, atomically: true, encoding: .utf8)
        let s = Session()
        #expect(s.allowedDirectories.isEmpty)
        #expect(Self.firstError { _ = try s.query("import \"\(lib.path)\"\nanswer") } != nil)
        s.allowedDirectories = [folder.path]
        #expect(try s.query("import \"\(lib.path)\"\nanswer").scalar == .int(42))
        #expect(Self.firstError { _ = try s.query("import \"\(folder.path)/../../etc/passwd\"\n1") } != nil)
    }

    @Test func loadingData() throws {
        let s = Session()
        try s.loadDirectory(Self.data)
        #expect(s.allowedDirectories == [Self.data])
        let loans = try s.query("loans | count").scalar
        let t = Session()
        try t.loadFile(Self.data + "/loans.csv", as: "credit")
        #expect(try t.query("credit | count").scalar == loans)
        #expect(t.allowedDirectories.isEmpty)
        t.removeTable("credit")
        #expect(Self.firstError { _ = try t.query("credit | count") }?.kind == .name)
        #expect(throws: Diagnostic.self) { try t.loadFile("/no/such.csv") }
        t.language = .en
        #expect(t.language == .en)
    }

    @Test func sessionsOnSeveralThreadsShareTables() async throws {
        let table = try Self.coops()
        try await withThrowingTaskGroup(of: Value?.self) { group in
            for i in 0..<4 {
                group.addTask {
                    let s = Session()
                    s.addTable("coops", table)
                    return try s.query("coops | where members > $m | count", parameters: ["m": .int(Int64(i))]).scalar
                }
            }
            for try await v in group { #expect(v == .int(3)) }
        }
    }
}
