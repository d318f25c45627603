import Foundation
import Testing
@testable import CoopQL

/// Each rewrite rule of the planner, on plans: what it changes, what it leaves alone, and that
/// the plan it makes gives the same answer as the plan as written.
@Suite struct PlanRuleTests {
    /// The checked pipeline of a one-pipeline query.
    static func pipeline(_ session: Session, _ query: String) throws -> (BoundPipeline, SourceText) {
        let source = SourceText(name: "<test>", text: query)
        return (try session.driver.checkPipeline(source), source)
    }

    /// The plan as written, with only `rules` applied, from the scan up.
    static func plan(_ session: Session, _ query: String, _ rules: [any PlanRule]) throws -> [PlanNode] {
        let (pipeline, _) = try pipeline(session, query)
        return PlanRules.optimise(LogicalPlan.of(pipeline), rules: rules).chain
    }

    /// What each node does, in a word: the stage's source text, or the fused operator's kind.
    static func shape(_ session: Session, _ query: String, _ rules: [any PlanRule]) throws -> [String] {
        let (pipeline, source) = try pipeline(session, query)
        return PlanRules.optimise(LogicalPlan.of(pipeline), rules: rules).chain.map { node in
            switch node.op {
            case .scan: return "scan"
            case .stage(let s): return source.slice(s.span)
            case .filterThenPick(let f, let p): return "[" + source.slice(f.span) + " → " + source.slice(p.span) + "]"
            case .joinsThenSummarize(let joins, let s, _):
                return "[" + (joins.map { source.slice($0.stage.span) } + [source.slice(s.span)]).joined(separator: " → ") + "]"
            }
        }
    }

    /// The rows a query gives when its pipeline runs by the plan with only `rules` applied.
    static func rows(_ session: Session, _ query: String, _ rules: [any PlanRule]) throws -> [[Value]] {
        let (pipeline, source) = try pipeline(session, query)
        let plan = PhysicalPlan(PlanRules.optimise(LogicalPlan.of(pipeline), rules: rules))
        let run = PipelineCompiler(source: source).compile(plan)
        session.runtime.budget.start(Limits())
        guard case .table(let t) = try run(session.runtime, []) else { throw Diagnostic(.usage, "not a table: \(query)") }
        return t.rows
    }

    static let members = SelectionTests.session(rows: 2_000)

    /// Two small tables for joins: members(id, coop_id, amount), coops(id, province, size).
    static func joinSession() -> Session {
        let session = Session()
        session.addTable("coops", Table(names: ["id", "province", "size"],
                                        columns: [Column(.int([1, 2, 3])),
                                                  Column.from([.text("A"), .text("B"), .text("A")], type: .text),
                                                  Column(.int([10, 20, 30]))]))
        session.addTable("members", Table(names: ["id", "coop_id", "amount"],
                                          columns: [Column(.int([1, 2, 3, 4, 5])), Column(.int([1, 1, 2, 3, 9])),
                                                    Column(.int([5, 6, 7, 8, 9]))]))
        return session
    }

    // MARK: - FuseFilterPick

    @Test func fuseFilterPickJoinsAWhereWithTheTopSortOrTakeAfterIt() throws {
        let s = Self.members
        let rule: [any PlanRule] = [FuseFilterPick()]
        #expect(try Self.shape(s, "r | where i > 20 | top 3 by i, m asc", rule) == ["scan", "[where i > 20 → top 3 by i, m asc]"])
        #expect(try Self.shape(s, "r | where i > 20 | take 5 | select n", rule) == ["scan", "[where i > 20 → take 5]", "select n"])
        #expect(try Self.shape(s, "r | where i > 20 | sort by m", rule) == ["scan", "[where i > 20 → sort by m]"])
        // A computed sort key needs the kept rows gathered first; other stages take a table.
        #expect(try Self.shape(s, "r | where i > 20 | top 3 by i + 1", rule) == ["scan", "where i > 20", "top 3 by i + 1"])
        #expect(try Self.shape(s, "r | where i > 20 | select n", rule) == ["scan", "where i > 20", "select n"])
        #expect(try Self.shape(s, "r | take 3 | where i > 20", rule) == ["scan", "take 3", "where i > 20"])
        // Two `where`s: the second one goes with the `top`.
        #expect(try Self.shape(s, "r | where i > 0 | where m < 5 | take 2", rule) == ["scan", "where i > 0", "[where m < 5 → take 2]"])
    }

    // MARK: - FuseJoinsSummarize

    @Test func fuseJoinsSummarizeTakesEveryJoinBeforeTheSummarize() throws {
        let s = Self.joinSession()
        let rule: [any PlanRule] = [FuseJoinsSummarize()]
        #expect(try Self.shape(s, "members | join coops on coop_id == coops.id | summarize n = count() by coops.province", rule)
                == ["scan", "[join coops on coop_id == coops.id → summarize n = count() by coops.province]"])
        #expect(try Self.shape(s, "members | join coops on coop_id == coops.id | join coops as k on coops.id == k.id | count by k.province", rule)
                == ["scan", "[join coops on coop_id == coops.id → join coops as k on coops.id == k.id → count by k.province]"])
        // Anything in between keeps them apart; a summarize without a join is left as it is.
        #expect(try Self.shape(s, "members | join coops on coop_id == coops.id | where true | count by coops.province", rule)
                == ["scan", "join coops on coop_id == coops.id", "where true", "count by coops.province"])
        #expect(try Self.shape(s, "members | count by coop_id", rule) == ["scan", "count by coop_id"])
        // What the fused operator keeps of the joined rows: the join's left key (coop_id, 1) and
        // the summarize's key (coops.province, 4).
        let fused = try Self.plan(s, "members | join coops on coop_id == coops.id | summarize n = count() by coops.province", rule)
        let keeping: Set<Int>?? = { if case .joinsThenSummarize(_, _, let k) = fused[1].op { return k } else { return nil } }()
        #expect(try #require(keeping, "not fused") == [1, 4])
    }

    // MARK: - PruneColumns

    @Test func pruneColumnsKeepsWhatLaterStagesRead() throws {
        let s = Self.joinSession()
        let rule: [any PlanRule] = [PruneColumns()]
        // members(id 0, coop_id 1, amount 2) ⋈ coops(id 3, province 4, size 5)
        let joined = try Self.plan(s, "members | join coops on coop_id == coops.id | where amount > 5 | select members.id", rule)
        #expect(joined.map(\.live) == [nil, [0, 2], [0], nil])
        let grouped = try Self.plan(s, "members | join coops on coop_id == coops.id | summarize n = count() by coops.province", rule)
        #expect(grouped.map(\.live) == [nil, [4], nil])
        // The result: every column.
        #expect(try Self.plan(s, "members | sort by amount | take 2", rule).map(\.live) == [nil, nil, nil])
        // A nested pipeline might read any column: everything before it keeps all.
        #expect(try Self.plan(s, "members | sort by amount | where amount > (members | count) | select id", rule).map(\.live)
                == [nil, nil, [0], nil])
    }

    // MARK: - PushFilters

    @Test func pushFiltersMovesAWhereBelowASortAndAnExtendWhenNothingCanFail() throws {
        let s = Self.members
        let rule: [any PlanRule] = [PushFilters()]
        #expect(try Self.shape(s, "r | sort by m, i desc | where i > 20", rule) == ["scan", "where i > 20", "sort by m, i desc"])
        #expect(try Self.shape(s, "r | extend big = i > 3 | sort by m | where t ~ \"an\" and d is not null", rule)
                == ["scan", "where t ~ \"an\" and d is not null", "extend big = i > 3", "sort by m"])
        // Left in place: a computed sort key, a condition that can fail (arithmetic), a column
        // the extend makes or replaces, an extend that can fail, and any other stage.
        for query in ["r | sort by m + 1 | where i > 20", "r | sort by m | where i / 2 > 20",
                      "r | extend big = i > 3 | where big", "r | extend i = i + 1 | where i > 3",
                      "r | extend k = i * 2 | where m < 3", "r | take 10 | where i > 3", "r | select i | where i > 3",
                      "r | top 5 by i | where i > 3", "r | where i > 3 | where m < 3"] {
            #expect(try Self.shape(s, query, rule) == Self.shape(s, query, []), "\(query)")
        }
    }

    // MARK: - The rules together

    /// The queries the rules change, run by the plan as written and by each rule alone and all
    /// together: always the same rows, in the same order (with ties and nulls in every column).
    @Test func everyRuleKeepsTheAnswer() throws {
        let s = Self.members
        let queries = ["r | sort by m, i desc | where i > 20", "r | sort by i | where t ~ \"an\" | take 50",
                       "r | extend big = i > 3 | sort by d | where m < 3.5 or i is null",
                       "r | where i > 20 | top 7 by i, m asc", "r | where t !~ \"an\" | sort by m desc, t | select n, m",
                       "r | where d == date(\"2019-04-20\") | take 12", "r | sort by t | where i in [1, 2, 3] | top 5 by m"]
        let ruleSets: [[any PlanRule]] = [[PushFilters()], [PruneColumns()], [FuseFilterPick()], PlanRules.all]
        for query in queries {
            let asWritten = try Self.rows(s, query, [])
            #expect(asWritten.count > 0, "\(query)")
            for rules in ruleSets {
                #expect(try Self.rows(s, query, rules) == asWritten, "\(query): \(rules.map(\.name))")
            }
        }
        let j = Self.joinSession()
        for query in ["members | join coops on coop_id == coops.id | summarize n = count(), t = sum(amount) by coops.province",
                      "members | left join coops on coop_id == coops.id | where amount > 5 | select members.id, province"] {
            let asWritten = try Self.rows(j, query, [])
            for rules in [[FuseJoinsSummarize()], [PruneColumns()], PlanRules.all] as [[any PlanRule]] {
                #expect(try Self.rows(j, query, rules) == asWritten, "\(query): \(rules.map(\.name))")
            }
        }
    }

    /// The benchmark's questions keep their fast paths: the plan that runs has the fused operators.
    @Test func theBenchmarksQuestionsRunFused() throws {
        let s = try Fixtures.session()
        func operators(_ query: String) throws -> [String] {
            try Self.plan(s, query, PlanRules.all).map { node in
                switch node.op {
                case .scan: return "scan"
                case .stage: return "stage"
                case .filterThenPick: return "filter+pick"
                case .joinsThenSummarize(let joins, _, _): return "\(joins.count) joins+summarize"
                }
            }
        }
        #expect(try operators("members | join cooperatives on coop_id == cooperatives.id | summarize members = count(), contribution = sum(contribution) by cooperatives.province")
                == ["scan", "1 joins+summarize"])
        #expect(try operators("members | where contribution > 50000000 | top 10 by contribution, id asc | select id, contribution")
                == ["scan", "filter+pick", "stage"])
        #expect(try operators("members | join cooperatives on coop_id == cooperatives.id | join provinces on cooperatives.province == provinces.name | summarize cooperatives = count_distinct(coop_id), contribution = sum(contribution) by provinces.region")
                == ["scan", "2 joins+summarize"])
    }
}
