import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLBase
@testable import CoopQLSample

/// Random well-typed pipelines run by CoopQL and, translated, by SQLite, over the same random
/// data (see `DifferentialQuery` for the translation): every answer must agree.
///
/// The suite runs 500 queries from a fixed seed. A longer run:
///     COOPQL_DIFFERENTIAL_QUERIES=10000 swift test --skip-build --filter Differential
/// (`COOPQL_DIFFERENTIAL_SEED` picks another seed). Each query has its own data set and stream
/// of the seed, so a failing query is rerun alone from the index the message names.
@Suite struct DifferentialTests {
    static let environment = ProcessInfo.processInfo.environment
    static let queries = environment["COOPQL_DIFFERENTIAL_QUERIES"].flatMap(Int.init) ?? 500
    static let seed = environment["COOPQL_DIFFERENTIAL_SEED"].flatMap(UInt64.init) ?? 20_261_204

    /// Query `index` of a run: its data set, its query, and what each engine answered.
    struct Outcome {
        var query: DifferentialQuery
        var coop: [[AnswerCell]]
        var sql: [[AnswerCell]]
        var agree: Bool
    }

    static func run(index: Int, seed: UInt64) throws -> Outcome {
        var random = SampleRandom(seed: seed, stream: UInt64(index))
        let data = DifferentialData(random: &random)
        let query = DifferentialQuery(random: &random)
        let session = Session()
        data.load(into: session)
        let database = try SQLiteDatabase()
        try data.load(into: database)
        var sql = try database.rows(query.sql)
        var coop: [[AnswerCell]]
        do {
            coop = answer(try session.query(query.coop).value)
        } catch {
            coop = [[.text("error: \(error.description)")]]
        }
        switch query.answer {
        case .table(ordered: true), .count:
            break
        case .table(ordered: false):
            coop.sort { $0.lexicographicallyPrecedes($1) }
            sql.sort { $0.lexicographicallyPrecedes($1) }
        case .pivot(let fill):
            coop = unpivot(coop, columnNames: pivotColumns(session, query), fill: fill)
            sql = sql.filter { !$0[2].matches(fill) }.sorted { $0.lexicographicallyPrecedes($1) }
        }
        let agree = coop.count == sql.count && zip(coop, sql).allSatisfy { a, b in
            a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
        }
        return Outcome(query: query, coop: coop, sql: sql, agree: agree)
    }

    /// CoopQL's answer as rows of cells: a table's rows, or a single value as one row.
    static func answer(_ value: Value) -> [[AnswerCell]] {
        guard case .table(let table) = value else { return [[AnswerCell(value)]] }
        return (0..<table.rowCount).map { row in table.columns.map { AnswerCell($0[row]) } }
    }

    /// The names of a pivot's columns (they are values of its column key).
    static func pivotColumns(_ session: Session, _ query: DifferentialQuery) -> [String] {
        guard case .table(let table)? = try? session.query(query.coop).value else { return [] }
        return table.schema.columns.map(\.name)
    }

    /// A pivot's answer as (row key, column name, cell) for every cell that is not the fill.
    static func unpivot(_ rows: [[AnswerCell]], columnNames: [String], fill: AnswerCell) -> [[AnswerCell]] {
        guard columnNames.count > 1 else { return rows }
        var cells: [[AnswerCell]] = []
        for row in rows {
            for j in 1..<row.count where !row[j].matches(fill) {
                cells.append([row[0], .text(columnNames[j]), row[j]])
            }
        }
        return cells.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func describe(_ index: Int, _ o: Outcome) -> String {
        """
        query \(index) (seed \(seed)): \(o.query.coop)
        \(o.query.sql)
        CoopQL: \(o.coop.prefix(12))
        SQLite: \(o.sql.prefix(12))
        """
    }

    @Test func randomPipelinesAgreeWithSQLite() throws {
        var mismatches: [String] = []
        var counts: [String: Int] = [:]
        for index in 0..<Self.queries {
            let outcome = try Self.run(index: index, seed: Self.seed)
            for stage in ["join", "where", "extend", "select", "sort", "take", "top", "distinct", "summarize",
                          "count by", "pivot", "median", "count_distinct", "count_if", "avg", "sum", "min", "max"]
            where outcome.query.coop.contains(stage) {
                counts[stage, default: 0] += 1
            }
            if !outcome.agree { mismatches.append(Self.describe(index, outcome)) }
        }
        // Every stage and aggregate the generator knows was tried.
        for (stage, n) in counts.sorted(by: { $0.key < $1.key }) { #expect(n > 0, "\(stage)") }
        #expect(counts.count == 18, "stages tried: \(counts)")
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(Self.queries) queries differ; the first:\n\(mismatches.prefix(3).joined(separator: "\n\n"))")
    }

    /// The translation's own footing: SQLite through the C library, with CoopQL's collation.
    @Test func sqliteSortsTextInVietnameseOrder() throws {
        let database = try SQLiteDatabase()
        try database.createTable("w", columns: [("s", "TEXT")], rows: DifferentialData.words.reversed().map { [.text($0)] })
        let sorted = try database.rows("SELECT s FROM w ORDER BY s COLLATE VI").map { $0[0] }
        #expect(sorted == DifferentialData.words.sorted(by: vietnameseLess).map { .text($0) })
        // No two words tie, or `min` and row order would be left to chance.
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            guard case .text(let x) = a, case .text(let y) = b else { Issue.record("not text"); continue }
            #expect(vietnameseLess(x, y))
        }
    }
}
