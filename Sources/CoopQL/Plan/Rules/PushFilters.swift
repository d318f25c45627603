import CoopQLBase

/// A `where` moves below the stage before it when running it first gives the same table, the
/// same errors pointing at the same places, and the same nulls:
/// - below `sort`, whose keys are plain columns: sorting the kept rows keeps their order (the
///   sort is stable), and the `where` and `sort` can then run as one (`FuseFilterPick`);
/// - below `extend`, when the condition reads only columns the `extend` passes through
///   unchanged: those columns are the same before and after it.
/// Only when nothing moved past can fail, so no error can appear or vanish with the rows the
/// `where` removes: the condition and the moved-past expressions are column reads, constants,
/// comparisons, `and`/`or`/`not`, `in` and `is null` (see `BoundExpr.cannotFail`). A `percent`
/// reads its whole column and a function may count steps, so neither moves.
///
/// Not pushed: past `select` and `distinct` (their expressions would have to be rewritten in
/// terms of the input, for little gain), past `join` (the condition would run on left rows the
/// join drops, whose values the checker has not seen go through the join), and past `take`,
/// `top`, `summarize` and `pivot`, where it would change the answer. The run's row limits
/// count the fewer rows the moved-past stage then gives out.
struct PushFilters: PlanRule {
    var name: String { "push filters" }

    func apply(_ plan: PlanNode) -> PlanNode {
        plan.rewrittenUp(PushFilters.push)
    }

    /// A `where` node pushed as far down as it goes; any other node as it is.
    static func push(_ node: PlanNode) -> PlanNode {
        guard let filter = node.stage, case .filter(let condition) = filter.kind, condition.cannotFail,
              let below = node.input, let passed = below.stage, let under = below.input,
              canRun(condition, before: passed, inputWidth: under.schema?.columns.count) else { return node }
        var moved = filter
        moved.output = under.schema ?? filter.output
        let pushed = push(PlanNode(op: .stage(moved), inputs: [under], schema: under.schema))
        return PlanNode(op: below.op, inputs: [pushed], schema: below.schema)
    }

    /// Whether a `where` on `condition` gives the same when run before `stage`.
    static func canRun(_ condition: BoundExpr, before stage: BoundStage, inputWidth: Int?) -> Bool {
        guard let inputWidth else { return false }
        switch stage.kind {
        case .sort(let keys):
            return keys.allSatisfy { if case .column = $0.expr.kind { return true } else { return false } }
        case .extend(let steps):
            let replaced = Set(steps.map(\.target))
            return steps.allSatisfy { $0.expr.cannotFail }
                && condition.columnsRead.allSatisfy { $0 < inputWidth && !replaced.contains($0) }
        default:
            return false
        }
    }
}

extension BoundExpr {
    /// Whether computing the expression can raise no error, whatever the rows: it reads columns,
    /// constants and variables of a known scalar type, and combines them only by comparisons,
    /// `and`, `or`, `not`, `in` and `is null`.
    var cannotFail: Bool {
        guard type.isScalar, type != .any else { return false }
        switch kind {
        case .constant, .column, .local, .parameter, .global: return true
        case .unary(.not, let x), .isNull(let x, _): return x.cannotFail
        case .binary(let op, let a, let b):
            return (op.isComparison || op == .and || op == .or) && a.cannotFail && b.cannotFail
        case .isIn(let a, let b, _):
            guard case .list(let items) = b.kind else { return false }
            return a.cannotFail && items.allSatisfy(\.cannotFail)
        default: return false
        }
    }
}
