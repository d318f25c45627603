import CoopQLBase

/// Which columns each stage of a pipeline must hand on: late materialisation. A stage that keeps
/// its input's columns (`where`, `sort`, `take`, `top`, `join`) gathers only the columns a later
/// stage reads, or all of them when the table is the pipeline's result. The others are left as
/// `Column.pruned` placeholders of the right type, so column positions stay as the checker
/// numbered them. A `join` of a 5,000,000-row table then copies the two or three columns the
/// following `summarize` reads, not every column of both sides.
enum ColumnLiveness {
    /// For each stage, the positions of its output columns read after it; nil means all.
    static func liveOutputs(_ stages: [BoundStage], inputWidth: Int?) -> [Set<Int>?] {
        var live = [Set<Int>?](repeating: nil, count: stages.count)
        guard let inputWidth else { return live } // The source's columns are not known: keep all.
        var after: Set<Int>? = nil // The pipeline's result: every column.
        for k in stages.indices.reversed() {
            live[k] = after
            after = liveInputs(stages[k], inputWidth: k == 0 ? inputWidth : stages[k - 1].output.columns.count, given: after)
        }
        return live
    }

    /// The input columns a stage needs, given which of its output columns are needed.
    static func liveInputs(_ stage: BoundStage, inputWidth: Int, given out: Set<Int>?) -> Set<Int>? {
        func reads(_ exprs: [BoundExpr]) -> Set<Int>? {
            var used = Set<Int>()
            for e in exprs {
                var nested = false
                e.forEachNode { if case .pipeline = $0.kind { nested = true } }
                if nested { return nil } // Be safe: a nested pipeline is not looked into.
                used.formUnion(e.columnsRead)
            }
            return used
        }
        func union(_ a: Set<Int>?, _ b: Set<Int>?) -> Set<Int>? {
            guard let a, let b else { return nil }
            return a.union(b)
        }
        switch stage.kind {
        case .filter(let condition):
            return union(out, reads([condition]))
        case .sort(let keys):
            return union(out, reads(keys.map(\.expr)))
        case .top(let n, let keys):
            return union(out, reads([n] + keys.map(\.expr)))
        case .take(let n):
            return union(out, reads([n]))
        case .join(_, _, _, let leftKeys, _):
            return union(out.map { Set($0.filter { $0 < inputWidth }) }, reads(leftKeys))
        case .extend(let steps):
            return union(out.map { Set($0.filter { $0 < inputWidth }) }, reads(steps.map(\.expr)))
        case .project(let items), .distinct(let items):
            return reads(items)
        case .aggregate(let keys, let aggregates, _):
            return reads(keys + aggregates.compactMap(\.argument))
        case .pivot(let aggregate, let rows, let columns):
            return reads([rows, columns] + (aggregate.argument.map { [$0] } ?? []))
        case .countRows:
            return []
        }
    }
}

extension Column {
    /// A placeholder for a column no later stage reads (see `ColumnLiveness`): it has the type
    /// but no cells, so it costs nothing to carry.
    static func pruned(_ type: DataType) -> Column {
        switch type {
        case .decimal: return Column(.decimal([]))
        case .bool: return Column(.bool([]))
        case .date: return Column(.date([]))
        case .text: return Column(.text(codes: [], dictionary: StringDictionary([])))
        default: return Column(.int([]))
        }
    }
}

extension Table {
    /// The rows named by `selection`, gathering only the columns in `live` (nil: all); the others
    /// become placeholders.
    /// When the selection names every row in order (a join where each row found exactly one
    /// partner), the table itself is the answer and nothing is copied.
    func gather(_ selection: [Int32], live: Set<Int>?) -> Table {
        if selection.count == rowCount, Table.isIdentity(selection) { return self }
        guard let live else { return gather(selection) }
        let columns = self.columns.enumerated().map { i, c in live.contains(i) ? c.gather(selection) : Column.pruned(c.type) }
        return Table(schema: schema, columns: columns, rowCount: selection.count)
    }

    static func isIdentity(_ selection: [Int32]) -> Bool {
        selection.withUnsafeBufferPointer { s in
            for i in s.indices where s[i] != Int32(truncatingIfNeeded: i) { return false }
            return true
        }
    }
}
