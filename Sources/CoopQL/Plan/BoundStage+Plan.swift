import CoopQLBase

/// What the planner's rules need to know about each kind of stage: the one place a new stage
/// tells the planner what it reads.
extension BoundStage {
    /// The expressions the stage evaluates over its input table (not the right side of a join,
    /// which is a table of its own).
    var reads: [BoundExpr] {
        switch kind {
        case .filter(let condition): return [condition]
        case .sort(let keys): return keys.map(\.expr)
        case .top(let n, let keys): return [n] + keys.map(\.expr)
        case .take(let n): return [n]
        case .join(_, _, _, let leftKeys, _): return leftKeys
        case .extend(let steps): return steps.map(\.expr)
        case .project(let items), .distinct(let items): return items
        case .aggregate(let keys, let aggregates, _): return keys + aggregates.compactMap(\.argument)
        case .pivot(let aggregate, let rows, let columns): return [rows, columns] + (aggregate.argument.map { [$0] } ?? [])
        case .countRows: return []
        }
    }

    /// Whether the stage gives out its input's columns, in place, first (then perhaps more):
    /// such a stage need copy only the columns read after it.
    var keepsInputColumns: Bool {
        switch kind {
        case .filter, .sort, .top, .take, .join, .extend: return true
        case .project, .distinct, .aggregate, .pivot, .countRows: return false
        }
    }
}
