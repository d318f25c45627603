import CoopQLBase

/// A rewrite of a logical plan that keeps its answer, its errors and where they point.
protocol PlanRule: Sendable {
    /// The rule's name, as `.explain` and the tests know it.
    var name: String { get }
    func apply(_ plan: PlanNode) -> PlanNode
}

/// The rules, applied in this order, each once, to every pipeline's plan:
/// 1. `PushFilters`: a `where` goes below the stages it can run before (fewer rows to carry);
///    first, so the rules after it see the final order of stages.
/// 2. `PruneColumns`: which output columns each node must hand on; worked out on the stages one
///    by one, before fusing, so each fused part keeps its own set.
/// 3. `FuseJoinsSummarize`: joins and the `summarize` after them become one operator.
/// 4. `FuseFilterPick`: a `where` and the `top`, `sort` or `take` after it become one operator.
///    The two fusions never compete for a node: one starts at a join, the other at a `where`.
enum PlanRules {
    static let all: [any PlanRule] = [PushFilters(), PruneColumns(), FuseJoinsSummarize(), FuseFilterPick()]

    /// The plan after every rule.
    static func optimise(_ plan: PlanNode, rules: [any PlanRule] = all) -> PlanNode {
        rules.reduce(plan) { plan, rule in rule.apply(plan) }
    }
}
