/// Pruned columns: what an operator hands on in place of a column no later stage reads (the
/// plan's `PruneColumns` rule decides which).
extension Column {
    /// A placeholder for a column no later stage reads (see `PruneColumns`): it has the type
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
