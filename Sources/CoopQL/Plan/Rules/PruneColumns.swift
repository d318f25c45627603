import CoopQLBase

/// Which columns each operator must hand on: late materialisation. A stage that keeps its
/// input's columns (`where`, `sort`, `take`, `top`, `join`) gathers only the columns a later
/// stage reads, or all of them when the table is the pipeline's result. The others are left as
/// `Column.pruned` placeholders of the right type, so column positions stay as the checker
/// numbered them. A `join` of a 5,000,000-row table then copies the two or three columns the
/// following `summarize` reads, not every column of both sides.
///
/// Sets `live` on each stage node; it runs before the fusions, which carry each part's set.
struct PruneColumns: PlanRule {
    var name: String { "prune columns" }

    func apply(_ plan: PlanNode) -> PlanNode {
        var chain = plan.chain
        // The source's columns are not known: keep all.
        guard let first = chain.first, first.input == nil, let sourceWidth = first.schema?.columns.count else { return plan }
        var after: Set<Int>? = nil // The pipeline's result: every column.
        for k in chain.indices.reversed() {
            chain[k].live = after
            guard k > 0 else { break }
            let width = k == 1 ? sourceWidth : chain[k - 1].schema?.columns.count ?? 0
            guard let stage = chain[k].stage else { after = nil; continue } // Already fused: keep all.
            after = PruneColumns.liveInputs(stage, inputWidth: width, given: after)
        }
        chain[0].live = nil
        return PlanNode(chain: chain)
    }

    /// The input columns a stage needs, given which of its output columns are needed.
    static func liveInputs(_ stage: BoundStage, inputWidth: Int, given out: Set<Int>?) -> Set<Int>? {
        let reads = stage.reads
        if stage.keepsInputColumns {
            return union(out.map { Set($0.filter { $0 < inputWidth }) }, PruneColumns.columns(readBy: reads))
        }
        return PruneColumns.columns(readBy: reads)
    }

    /// The columns the expressions read; nil when a nested pipeline might read any.
    static func columns(readBy exprs: [BoundExpr]) -> Set<Int>? {
        var used = Set<Int>()
        for e in exprs {
            var nested = false
            e.forEachNode { if case .pipeline = $0.kind { nested = true } }
            if nested { return nil } // Be safe: a nested pipeline is not looked into.
            used.formUnion(e.columnsRead)
        }
        return used
    }

    private static func union(_ a: Set<Int>?, _ b: Set<Int>?) -> Set<Int>? {
        guard let a, let b else { return nil }
        return a.union(b)
    }
}

extension PlanNode {
    /// A chain of nodes, from the scan up, as a tree.
    init(chain: [PlanNode]) {
        var node = chain[0]
        for next in chain.dropFirst() {
            var n = next
            n.input = node
            node = n
        }
        self = node
    }
}
