import CoopQLBase

/// The rows of a run of joins, kept as row numbers into the joined tables instead of copied
/// columns (late materialisation).
///
/// Joining 5,000,000 members to 100,000 cooperatives and grouping by province need not copy the
/// province to 5,000,000 rows: the province is grouped on the cooperatives' own rows, and only a
/// code per cooperative is read for each member. A join whose keys come from an earlier joined
/// table (provinces joined on the cooperative's province) is likewise done on that table's rows
/// when it finds at most one partner per row, so the second table hangs off the first.
///
/// Each table is a *level*: the table the joins started from (`base`), each joined table (`side`)
/// and the joined rows themselves. A side's `rows` give its row for each row of its parent level:
/// the joined rows, or another side's rows. A row that found no partner in a left join points at
/// an all-null row appended to the side's table, so expressions see the nulls the copied join
/// would have held.
struct JoinedRows {
    enum Level: Hashable {
        case base
        case side(Int)
        case joined
    }

    struct Side {
        /// The joined table, with an all-null row at the end when some row found no partner.
        var table: Table
        /// Where its columns start among the joined columns.
        var firstColumn: Int
        /// nil: `rows` has one entry per joined row; k: one per row of side k.
        var parent: Int?
        /// This table's row for each row of the parent level.
        var rows: [Int32]
        /// With a parent: this table's row for each joined row, once asked for (see `Known`).
        var joined = Known()
    }

    /// A side's rows for the joined rows, gathered through its parents the first time they are
    /// asked for and kept, since every aggregate argument and column read at that level asks
    /// again; never gathered when only the side's own rows are read (keys lifted through it).
    /// A box, so that filling it needs no `mutating` read. Copies of `JoinedRows` may share a
    /// box: that is safe because only `join` and `select` change what it would hold, and they
    /// put a new box in place.
    final class Known {
        var rows: [Int32]?
        init(_ rows: [Int32]? = nil) { self.rows = rows }
    }

    /// What a join did, in the terms of the stage-by-stage join (for the run's limits).
    struct Outcome {
        /// Every row before the join is there once, in order.
        var leftKept: Bool
        /// Every row of the right table is there once, in order.
        var rightWhole: Bool
    }

    private(set) var base: Table
    /// The base row of each joined row; nil: row i is base row i.
    private(set) var baseRows: [Int32]?
    private(set) var sides: [Side] = []
    private(set) var rowCount: Int

    init(base: Table) {
        self.base = base
        rowCount = base.rowCount
    }

    /// How many columns the joined table has.
    var width: Int { sides.last.map { $0.firstColumn + $0.table.columns.count } ?? base.columns.count }

    /// The level whose table holds all of `columns`; `.joined` when they come from several, or
    /// there are none.
    func level(of columns: Set<Int>) -> Level {
        var found: Level? = nil
        for c in columns {
            let level = self.level(ofColumn: c)
            if let found, found != level { return .joined }
            found = level
        }
        return found ?? .joined
    }

    private func level(ofColumn c: Int) -> Level {
        if c < base.columns.count { return .base }
        let k = sides.lastIndex { $0.firstColumn <= c }!
        return .side(k)
    }

    /// How many rows a level's table has.
    func count(at level: Level) -> Int {
        switch level {
        case .base: return base.rowCount
        case .side(let k): return sides[k].table.rowCount
        case .joined: return rowCount
        }
    }

    /// The row of `level`'s table for each joined row; nil when that is the joined row itself.
    func rows(from level: Level) -> [Int32]? {
        switch level {
        case .base: return baseRows
        case .joined: return nil
        case .side(let k):
            guard let parent = sides[k].parent else { return sides[k].rows }
            if let known = sides[k].joined.rows { return known }
            let rows = Gather.values(sides[k].rows, at: rows(from: .side(parent))!)
            sides[k].joined.rows = rows
            return rows
        }
    }

    /// The row of `level`'s table for one joined row.
    func row(at level: Level, of joinedRow: Int) -> Int {
        switch level {
        case .base: return baseRows.map { Int($0[joinedRow]) } ?? joinedRow
        case .joined: return joinedRow
        case .side(let k):
            let parentRow = sides[k].parent.map { row(at: .side($0), of: joinedRow) } ?? joinedRow
            return Int(sides[k].rows[parentRow])
        }
    }

    /// A frame for evaluating expressions over one level's table: its columns in their joined
    /// places and typed placeholders elsewhere. At `.joined` the columns in `reading` are copied
    /// out for the joined rows (nil: all columns).
    func frame(at level: Level, reading: Set<Int>?, locals: [Vec]) -> Frame {
        var columns = base.columns.map { Column.pruned($0.type) }
        for side in sides { columns += side.table.columns.map { Column.pruned($0.type) } }
        switch level {
        case .base:
            columns.replaceSubrange(0..<base.columns.count, with: base.columns)
        case .side(let k):
            let side = sides[k]
            columns.replaceSubrange(side.firstColumn..<(side.firstColumn + side.table.columns.count), with: side.table.columns)
        case .joined:
            for c in columns.indices where reading?.contains(c) ?? true { columns[c] = column(c) }
        }
        return Frame(columns: columns, rowCount: count(at: level), locals: locals)
    }

    /// Column `c` of the joined table, copied out for the joined rows.
    func column(_ c: Int) -> Column {
        let level = level(ofColumn: c)
        let source: Column
        switch level {
        case .side(let k): source = sides[k].table.columns[c - sides[k].firstColumn]
        default: source = base.columns[c]
        }
        return rows(from: level).map { source.gather($0) } ?? source
    }

    /// Joins `right` where `leftKeys` (one row per row of `level`'s table) equal `rightKeys`.
    /// At a side's level the join hangs off that side when each of its rows finds at most one
    /// partner; otherwise the keys are read for the joined rows and the joined rows are matched.
    /// Only the columns of `right` in `keeping` (nil: all) are kept for later reading.
    mutating func join(_ whole: Table, keeping: Set<Int>?, rightKeys: [Column], leftKeys: [Column], at level: Level,
                       keepUnmatched: Bool, admit: (_ rows: Int) throws -> Void) throws -> Outcome {
        var right = whole
        if let keeping {
            for c in right.columns.indices where !keeping.contains(c) { right.columns[c] = Column.pruned(right.columns[c].type) }
        }
        if case .side(let s) = level {
            let match = try HashJoin.match(left: leftKeys, right: rightKeys, leftCount: sides[s].table.rowCount,
                                           rightCount: right.rowCount, keepUnmatched: keepUnmatched, admit: admit)
            if match.atMostOncePerLeftRow { return hang(right, off: s, match, keepUnmatched: keepUnmatched) }
        }
        let keys = rows(from: level).map { rows in leftKeys.map { $0.gather(rows) } } ?? leftKeys
        let match = try HashJoin.match(left: keys, right: rightKeys, leftCount: rowCount, rightCount: right.rowCount,
                                       keepUnmatched: keepUnmatched, admit: admit)
        if let selection = match.left { select(selection) }
        let (table, rows) = match.hasUnmatched ? JoinedRows.pointingAtRows(right, match.right) : (right, match.right)
        sides.append(Side(table: table, firstColumn: width, parent: nil, rows: rows))
        let whole = !match.hasUnmatched && match.right.count == right.rowCount && Table.isIdentity(match.right)
        return Outcome(leftKept: match.left == nil, rightWhole: whole)
    }

    /// A join found on side `s`'s rows, at most one partner each: the right table becomes a side
    /// below `s`. An inner join drops the joined rows whose row of `s` found none.
    private mutating func hang(_ right: Table, off s: Int, _ match: HashJoin.Match, keepUnmatched: Bool) -> Outcome {
        var partner: [Int32]
        if let left = match.left {
            partner = [Int32](repeating: -1, count: sides[s].table.rowCount)
            for (l, r) in zip(left, match.right) { partner[Int(l)] = r }
        } else {
            partner = match.right
        }
        var leftKept = true
        if !keepUnmatched, partner.contains(-1) {
            let through = rows(from: .side(s))!
            var selection: [Int32] = []
            selection.reserveCapacity(rowCount)
            for i in 0..<rowCount where partner[Int(through[i])] >= 0 { selection.append(Int32(i)) }
            if selection.count < rowCount { select(selection); leftKept = false }
            // Rows of `s` without a partner are no longer read; any row of `right` will do.
            if right.rowCount > 0 { for i in partner.indices where partner[i] < 0 { partner[i] = 0 } }
        }
        let (table, rows) = partner.contains(-1) ? JoinedRows.pointingAtRows(right, partner) : (right, partner)
        sides.append(Side(table: table, firstColumn: width, parent: s, rows: rows))
        var whole = false
        if rowCount == right.rowCount, table.rowCount == right.rowCount, let joined = self.rows(from: .side(sides.count - 1)) {
            whole = Table.isIdentity(joined)
        }
        return Outcome(leftKept: leftKept, rightWhole: whole)
    }

    /// Keeps the joined rows in `selection`, in that order.
    private mutating func select(_ selection: [Int32]) {
        baseRows = baseRows.map { Gather.values($0, at: selection) } ?? selection
        for k in sides.indices {
            if sides[k].parent == nil {
                sides[k].rows = Gather.values(sides[k].rows, at: selection)
            } else {
                sides[k].joined = Known(sides[k].joined.rows.map { Gather.values($0, at: selection) })
            }
        }
        rowCount = selection.count
    }

    /// `rows` with each -1 replaced by an all-null row appended to `table`.
    private static func pointingAtRows(_ table: Table, _ rows: [Int32]) -> (Table, [Int32]) {
        let nullRow = Int32(table.rowCount)
        // Placeholders (columns nobody reads) stay empty.
        let columns = table.columns.map { $0.count == table.rowCount ? $0.appendingNull() : $0 }
        let extended = Table(schema: table.schema, columns: columns, rowCount: table.rowCount + 1)
        return (extended, rows.map { $0 < 0 ? nullRow : $0 })
    }
}

extension Column {
    /// The same cells and one null after them.
    func appendingNull() -> Column {
        var validity = Bitmap(count: count + 1, value: true)
        for i in 0..<count where !isValid(i) { validity[i] = false }
        validity[count] = false
        switch storage {
        case .int(let a): return Column(.int(a + [0]), validity: validity)
        case .decimal(let a): return Column(.decimal(a + [0]), validity: validity)
        case .bool(let a): return Column(.bool(a + [false]), validity: validity)
        case .date(let a): return Column(.date(a + [0]), validity: validity)
        case .text(let codes, let dictionary):
            // The cell under a null holds code 0, so the dictionary must have an entry 0.
            let safe = dictionary.strings.isEmpty ? StringDictionary([""]) : dictionary
            return Column(.text(codes: codes + [0], dictionary: safe), validity: validity)
        }
    }
}
