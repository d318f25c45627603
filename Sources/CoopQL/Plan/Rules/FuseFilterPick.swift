import CoopQLBase

/// A `where` and the `top`, `sort` or `take` right after it become one operator
/// (`filterThenPick`) that hands the second stage the rows the `where` keeps as a selection:
/// those rows are never copied, only the ones the second stage gives out, and `top` can look
/// for them only in the blocks where it still needs rows.
///
/// Not when a sort key is computed: its expression would need the kept rows gathered first.
struct FuseFilterPick: PlanRule {
    var name: String { "fuse where with top, sort or take" }

    func apply(_ plan: PlanNode) -> PlanNode {
        plan.rewrittenUp { node in
            guard let pick = node.stage, let below = node.input, let filter = below.stage,
                  case .filter = filter.kind, let source = below.input, FuseFilterPick.canPick(pick) else { return node }
            return PlanNode(op: .filterThenPick(filter: filter, pick: pick), inputs: [source], schema: node.schema,
                            live: node.live)
        }
    }

    /// Whether a stage can run over the rows a `where` keeps without their being gathered.
    static func canPick(_ stage: BoundStage) -> Bool {
        switch stage.kind {
        case .take: return true
        case .sort(let keys), .top(_, let keys):
            return keys.allSatisfy { if case .column = $0.expr.kind { return true } else { return false } }
        default: return false
        }
    }
}
