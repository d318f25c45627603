import CoopQLBase

/// `top n by keys`: the first n rows in a sort order, without sorting the others.
///
/// One pass keeps the best n rows seen so far (`BestRows`). Once it holds n, the worst of them is
/// the bar: a row whose first key alone puts it after the bar is turned away by one comparison of
/// two plain values, which is what happens to nearly every row. With a zone map on the first key,
/// blocks are visited best first, and as soon as a block's best value cannot reach the bar, it and
/// every block after it are skipped unread. Without one, the rows are shared out over the cores in
/// stretches, each keeping its own best n; the order is total (ties go by row), so putting the
/// stretches' rows together and keeping the best n gives exactly the rows of a full sort.
enum TopRows {
    /// The first `n` of the `candidates` rows in `order`. `pieces`: how many stretches to share
    /// the work out in (by default one per core when there are enough rows).
    static func pick(_ n: Int, order: SortKeys.Order, from candidates: CandidateRows, pieces: Int? = nil) -> [Int32] {
        guard n > 0, let first = order.keys.first else { return [] }
        let zones = first.column.zoneMap?.bounds
        switch first.ranks {
        case .ints(let a):
            guard case .ints(let lower, let upper)? = zones else { return pick(n, order, candidates, pieces, PlainCells(a)) }
            return pick(n, order, candidates, pieces, PlainCells(a), zones: (lower, upper))
        case .doubles(let a):
            guard case .doubles(let lower, let upper)? = zones else { return pick(n, order, candidates, pieces, PlainCells(a)) }
            return pick(n, order, candidates, pieces, PlainCells(a), zones: (lower, upper))
        case .dates(let a):
            guard case .dates(let lower, let upper)? = zones else { return pick(n, order, candidates, pieces, PlainCells(a)) }
            return pick(n, order, candidates, pieces, PlainCells(a), zones: (lower, upper))
        case .bools(let a):
            return pick(n, order, candidates, pieces, BoolCells(values: a))
        case .ranked(let codes, let rank):
            return pick(n, order, candidates, pieces, RankedCodes(codes: codes, rank: rank))
        }
    }

    /// The work shared out in stretches (of blocks, or of a list of rows), then put together.
    private static func pick<Cells: FirstKeyCells>(_ n: Int, _ order: SortKeys.Order, _ candidates: CandidateRows,
                                                   _ pieceCount: Int?, _ cells: Cells,
                                                   zones: (lower: [Cells.Cell], upper: [Cells.Cell])? = nil) -> [Int32] {
        let scan = FirstKeyScan(cells: cells, validity: order.keys[0].column.validity,
                                descending: order.keys[0].descending, zones: zones)
        let parts: [[Int32]]
        switch candidates {
        case .listed(let rows):
            let pieces = Parallel.stretches(rowCount: rows.count,
                                            pieces: pieceCount ?? Parallel.pieceCount(rowCount: rows.count))
            parts = Parallel.map(pieces.count) { p in
                var best = BestRows(capacity: n, order: order)
                scan.offer(rows[pieces[p]], to: &best)
                return best.sorted()
            }
        case .all(let rowCount), .tested(_, let rowCount):
            var test: RowTest? = nil
            if case .tested(let t, _) = candidates { test = t }
            // With a zone map, most blocks are skipped unread, and sharing the few left out over
            // the cores would cost more than it saves.
            let defaultPieces = zones == nil ? Parallel.pieceCount(rowCount: rowCount) : 1
            let pieces = Parallel.stretches(rowCount: ZoneMap.blockCount(rowCount: rowCount),
                                            pieces: pieceCount ?? defaultPieces)
            parts = Parallel.map(pieces.count) { p in
                var best = BestRows(capacity: n, order: order)
                scan.offer(blocks: pieces[p], rowCount: rowCount, passing: test, to: &best)
                return best.sorted()
            }
        }
        guard parts.count > 1 else { return parts.first ?? [] }
        var merged = Array(parts.joined())
        merged.sort(by: order.before)
        return Array(merged.prefix(n))
    }
}

/// The best rows offered so far, at most `capacity` of them, in a heap with the worst on top: a
/// new row is measured against that one row, and replaces it if it comes before it.
struct BestRows {
    let capacity: Int
    let order: SortKeys.Order
    private var heap: [Int32] = []

    init(capacity: Int, order: SortKeys.Order) {
        self.capacity = capacity
        self.order = order
        heap.reserveCapacity(min(capacity, 1 << 16))
    }

    var isFull: Bool { heap.count >= capacity }
    /// The worst row kept (there must be one).
    var worst: Int32 { heap[0] }

    /// Keeps `row` if it is among the best `capacity` so far; whether it was kept.
    @discardableResult
    mutating func offer(_ row: Int32) -> Bool {
        if heap.count < capacity {
            heap.append(row)
            siftUp(heap.count - 1)
            return true
        }
        guard order.before(row, heap[0]) else { return false }
        heap[0] = row
        siftDown(0)
        return true
    }

    /// The rows kept, best first.
    func sorted() -> [Int32] { heap.sorted(by: order.before) }

    /// Each row in the heap comes after (is worse than) its two children.
    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard order.before(heap[parent], heap[i]) else { return }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            var worst = i
            let left = 2 * i + 1, right = left + 1
            if left < heap.count && order.before(heap[worst], heap[left]) { worst = left }
            if right < heap.count && order.before(heap[worst], heap[right]) { worst = right }
            if worst == i { return }
            heap.swapAt(worst, i)
            i = worst
        }
    }
}

/// The first sort key's cells as plain comparable values, for the comparison that turns most
/// rows away.
protocol FirstKeyCells {
    associatedtype Cell: Comparable
    subscript(row: Int) -> Cell { get }
}

/// Numbers and dates: the cells themselves.
struct PlainCells<Cell: Comparable>: FirstKeyCells {
    let values: [Cell]
    init(_ values: [Cell]) { self.values = values }
    subscript(row: Int) -> Cell { values[row] }
}

/// True and false as 1 and 0 (false sorts first).
struct BoolCells: FirstKeyCells {
    let values: [Bool]
    subscript(row: Int) -> UInt8 { values[row] ? 1 : 0 }
}

/// Text: each row's code, looked up in the dictionary's alphabetical ranks.
struct RankedCodes: FirstKeyCells {
    let codes: [Int32]
    let rank: [Int32]
    subscript(row: Int) -> Int32 { rank[Int(codes[row])] }
}

/// How rows are offered to `BestRows`: first against the bar (the worst row kept) on the first
/// key alone, then, when that does not settle it, by the whole order.
struct FirstKeyScan<Cells: FirstKeyCells> {
    let cells: Cells
    let validity: Bitmap?
    let descending: Bool
    /// The first key's zone map, when it has one.
    let zones: (lower: [Cells.Cell], upper: [Cells.Cell])?

    /// The first key of the worst row kept, once `best` is full: nil before, and `.none` inside
    /// when that row's key is null (then nothing can be turned away on the first key alone).
    private func bar(_ best: BestRows) -> Cells.Cell?? {
        guard best.isFull else { return nil }
        let worst = Int(best.worst)
        return .some(validity?[worst] ?? true ? cells[worst] : nil)
    }

    /// Offers each row; most are turned away by the first test.
    func offer<Rows: Sequence<Int32>>(_ rows: Rows, to best: inout BestRows) {
        var bar = bar(best)
        for row in rows {
            if case .some(.some(let value)) = bar {
                // Nulls come last, and rows after the bar on the first key come after it.
                guard validity?[Int(row)] ?? true else { continue }
                let cell = cells[Int(row)]
                if descending ? cell < value : value < cell { continue }
            }
            if best.offer(row) { bar = self.bar(best) }
        }
    }

    /// Offers the rows of `blocks` (those passing `test`, if there is one). With a zone map the
    /// most promising blocks go first, and the rest are skipped once none can reach the bar.
    func offer(blocks: Range<Int>, rowCount: Int, passing test: RowTest?, to best: inout BestRows) {
        var visits = Array(blocks)
        if let zones {
            // Best first: the highest upper bound for a descending key, the lowest lower bound
            // for an ascending one. Blocks of nulls only have the worst bounds, so they go last.
            visits.sort { descending ? zones.upper[$0] > zones.upper[$1] : zones.lower[$0] < zones.lower[$1] }
        }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: test == nil ? 0 : ZoneMap.blockSize) { buffer in
            for b in visits {
                if let zones, case .some(.some(let value)) = bar(best) {
                    // Nothing in this block, nor in any after it, reaches the bar.
                    if descending ? zones.upper[b] < value : value < zones.lower[b] { break }
                }
                let rows = ZoneMap.rows(ofBlock: b, rowCount: rowCount)
                if let test {
                    guard test.mayPass(b) else { continue }
                    let found = test.select(rows, buffer.baseAddress!)
                    offer(buffer[..<found], to: &best)
                } else {
                    offer(Int32(truncatingIfNeeded: rows.lowerBound)..<Int32(truncatingIfNeeded: rows.upperBound), to: &best)
                }
            }
        }
    }
}
