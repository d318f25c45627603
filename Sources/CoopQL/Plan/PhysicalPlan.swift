import CoopQLBase

/// What the engine runs for one pipeline: the operators of the rewritten logical plan, from the
/// scan up. Each runs over the whole table the one before it gave out; `PipelineCompiler`
/// compiles them one by one and `.explain` prints them, so what it shows is what runs.
struct PhysicalPlan: Sendable {
    /// One operator: what it does, the stages as written that it runs (for `.explain` and for
    /// where its problems point), and the output columns the operators after it read.
    struct Operator: Sendable {
        var op: PlanNode.Operator
        var live: Set<Int>?
        var schema: TableSchema?

        /// The stages it runs, in order; empty for the scan.
        var stages: [BoundStage] {
            switch op {
            case .scan: return []
            case .stage(let s): return [s]
            case .filterThenPick(let filter, let pick): return [filter, pick]
            case .joinsThenSummarize(let joins, let summarize, _): return joins.map(\.stage) + [summarize]
            }
        }
    }

    /// From the scan up.
    var operators: [Operator]

    init(_ plan: PlanNode) {
        operators = plan.chain.map { Operator(op: $0.op, live: $0.live, schema: $0.schema) }
    }
}

/// Plans pipelines: the logical plan as written, rewritten by the rules, as the engine runs it.
enum Planner {
    static func logical(_ pipeline: BoundPipeline) -> PlanNode {
        PlanRules.optimise(LogicalPlan.of(pipeline))
    }

    static func physical(_ pipeline: BoundPipeline) -> PhysicalPlan {
        PhysicalPlan(logical(pipeline))
    }
}
