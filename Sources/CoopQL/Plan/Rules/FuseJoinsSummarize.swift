import CoopQLBase

/// One or more joins and the `summarize` after them become one operator
/// (`joinsThenSummarize`): the joins record row numbers instead of copying rows, and the
/// summarize computes each key and argument on the smallest table holding what it reads. The
/// answer, the errors and what the run's limits count are those of the stages one by one.
struct FuseJoinsSummarize: PlanRule {
    var name: String { "fuse joins and summarize" }

    func apply(_ plan: PlanNode) -> PlanNode {
        plan.rewrittenUp { node in
            guard let summarize = node.stage, case .aggregate = summarize.kind else { return node }
            var joins: [PlanNode.JoinStep] = []
            var below = node.input
            while let n = below, let stage = n.stage, case .join = stage.kind {
                joins.insert(PlanNode.JoinStep(stage: stage, live: n.live), at: 0)
                below = n.input
            }
            guard !joins.isEmpty, let source = below else { return node }
            return PlanNode(op: .joinsThenSummarize(joins: joins, summarize: summarize,
                                                    keeping: FuseJoinsSummarize.columnsRead(joins.map(\.stage), summarize)),
                            inputs: [source], schema: node.schema, live: node.live)
        }
    }

    /// The joined columns read after the joins: by the summarize, and by each join's left keys
    /// (the columns of the tables joined before it); nil when a nested pipeline might read any.
    static func columnsRead(_ joins: [BoundStage], _ summarize: BoundStage) -> Set<Int>? {
        let leftKeys = joins.flatMap { stage -> [BoundExpr] in
            if case .join(_, _, _, let keys, _) = stage.kind { return keys }
            return []
        }
        return PruneColumns.columns(readBy: summarize.reads + leftKeys)
    }
}
