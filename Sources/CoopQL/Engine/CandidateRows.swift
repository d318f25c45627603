import CoopQLBase

/// The rows of a table a stage works on: all of them, those that pass a `RowTest` (looked for only
/// when and where the stage needs them), or a list made by a `where` the kernels decided.
///
/// A `where` followed by `top`, `sort` or `take` hands its rows on this way, so the rows it keeps
/// are never copied: only the few the next stage gives out are (late materialisation).
enum CandidateRows {
    case all(Int)
    case tested(RowTest, rowCount: Int)
    /// Rows in increasing order.
    case listed([Int32])

    /// The rows as a list, in row order. A test runs over blocks of rows shared out over the
    /// cores in `pieces` stretches (by default one per core when there are enough rows),
    /// skipping the blocks its zone map rules out.
    func selection(pieces pieceCount: Int? = nil) -> [Int32] {
        switch self {
        case .all(let count): return Array(0..<Int32(truncatingIfNeeded: count))
        case .listed(let rows): return rows
        case .tested(let test, let rowCount):
            let blocks = ZoneMap.blockCount(rowCount: rowCount)
            let pieces = Parallel.stretches(rowCount: blocks,
                                            pieces: pieceCount ?? Parallel.pieceCount(rowCount: rowCount))
            let parts = Parallel.map(pieces.count) { p in
                CandidateRows.passing(test, blocks: pieces[p], rowCount: rowCount, limit: .max)
            }
            return parts.count == 1 ? parts[0] : Array(parts.joined())
        }
    }

    /// The first `limit` rows (`take`): a test runs block by block, only until it has found them.
    func prefix(_ limit: Int) -> [Int32] {
        switch self {
        case .all(let count): return Array(0..<Int32(truncatingIfNeeded: min(count, limit)))
        case .listed(let rows): return Array(rows.prefix(limit))
        case .tested(let test, let rowCount):
            guard limit > 0 else { return [] }
            let rows = CandidateRows.passing(test, blocks: 0..<ZoneMap.blockCount(rowCount: rowCount),
                                             rowCount: rowCount, limit: limit)
            return Array(rows.prefix(limit))
        }
    }

    /// Whether there are so few rows next to `limit` that sorting them all costs less than
    /// keeping the best `limit` while going through them. Rows not yet tested are at most the
    /// table's, so a limit large next to the table is large next to them.
    func isSmall(comparedTo limit: Int) -> Bool {
        switch self {
        case .all(let count), .tested(_, let count): return limit >= count / 8
        case .listed(let rows): return limit >= rows.count / 8
        }
    }

    /// The rows of `blocks` that pass `test`, stopping once there are `limit`.
    private static func passing(_ test: RowTest, blocks: Range<Int>, rowCount: Int, limit: Int) -> [Int32] {
        var rows: [Int32] = []
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: ZoneMap.blockSize) { buffer in
            for b in blocks where test.mayPass(b) {
                let found = test.select(ZoneMap.rows(ofBlock: b, rowCount: rowCount), buffer.baseAddress!)
                rows.append(contentsOf: buffer[..<found])
                if rows.count >= limit { break }
            }
        }
        return rows
    }
}
