import CoopQLBase

/// The logical plan of one pipeline: a tree of operators, each with the operator that feeds it
/// and the columns it gives out. `LogicalPlan.of` builds it from the checked pipeline, one node
/// per stage; the rewrite rules (`PlanRules`) then fuse, prune and move nodes; `PhysicalPlan`
/// turns the result into the operators the engine runs, and `.explain` prints that same tree.
struct PlanNode: Sendable {
    /// What a node does.
    enum Operator: Sendable {
        /// The pipeline's source: a table by name, a `let`, a list or any other expression.
        case scan(BoundExpr)
        /// One stage as the checker bound it (`where`, `select`, `extend`, `summarize`, `count`,
        /// `sort`, `take`, `top`, `distinct`, `join`, `pivot`, …).
        case stage(BoundStage)
        /// `where` then `top`, `sort` or `take`: the second stage gets the rows the `where` keeps
        /// as a selection, never copied (made by `FuseFilterPick`).
        case filterThenPick(filter: BoundStage, pick: BoundStage)
        /// Joins then `summarize`: the joins record row numbers and the summarize reads through
        /// them (made by `FuseJoinsSummarize`). `keeping`: the joined columns read after the
        /// joins (nil: all); the rest of each joined table is never kept.
        case joinsThenSummarize(joins: [JoinStep], summarize: BoundStage, keeping: Set<Int>?)
    }

    /// A join inside `joinsThenSummarize`, with the output columns later stages read (for the
    /// run's limits, which count what the join would have given out alone).
    struct JoinStep: Sendable {
        var stage: BoundStage
        var live: Set<Int>?
    }

    var op: Operator
    /// The operators feeding this one: none for a scan, one otherwise.
    var inputs: [PlanNode]
    /// The columns given out; nil when a scan's columns are known only when it runs.
    var schema: TableSchema?
    /// The output columns a later operator reads (nil: all of them); the others need not be
    /// copied (see `PruneColumns`).
    var live: Set<Int>? = nil

    /// The node feeding this one, if any.
    var input: PlanNode? {
        get { inputs.first }
        set { inputs = newValue.map { [$0] } ?? [] }
    }

    /// The stage a node runs, when it is one stage as written.
    var stage: BoundStage? {
        if case .stage(let s) = op { return s }
        return nil
    }

    /// The nodes from the scan up to this one: a pipeline's plan is a chain.
    var chain: [PlanNode] {
        var nodes: [PlanNode] = []
        var node: PlanNode? = self
        while let n = node { nodes.append(n); node = n.input }
        return nodes.reversed()
    }

    /// This tree with `rewrite` applied to every node, inputs first.
    func rewrittenUp(_ rewrite: (PlanNode) -> PlanNode) -> PlanNode {
        var node = self
        node.inputs = inputs.map { $0.rewrittenUp(rewrite) }
        return rewrite(node)
    }
}

enum LogicalPlan {
    /// The plan of a checked pipeline as written: its source, then a node per stage, each with the
    /// schema the checker gave the stage's output. The presentation (`| table`, `| chart`) is not
    /// an operator: it does not change the value.
    static func of(_ pipeline: BoundPipeline) -> PlanNode {
        var node = PlanNode(op: .scan(pipeline.source), inputs: [], schema: pipeline.sourceSchema)
        for stage in pipeline.stages {
            node = PlanNode(op: .stage(stage), inputs: [node], schema: stage.output)
        }
        return node
    }
}
