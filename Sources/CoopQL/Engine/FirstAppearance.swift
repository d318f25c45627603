import CoopQLBase

/// Numbers codes in order of first appearance: the first code met becomes 0, the next new one 1,
/// and so on, which is the order `summarize` gives its groups.
///
/// Many rows are cut into stretches numbered on all cores, each by its own first appearances.
/// Merging the stretches' codes in stretch order then gives every code the number one pass from
/// the top would have given it (a code new to a stretch is new to everything before it, and
/// met there in that order), and only the rows whose numbers differ are rewritten.
enum FirstAppearance {
    /// Group numbers for `count` rows: row i has code `key.codes[rows[i]]`, or `key.codes[i]`
    /// when `rows` is nil.
    /// Also gives the first row of each number. `pieces`: how many stretches to cut the rows
    /// into (nil: as many as `Parallel` finds worth it); the engine leaves it nil, and it is there
    /// for tests, to merge several stretches on inputs too small to be cut otherwise.
    static func number(_ key: KeyCodes, through rows: [Int32]?, count: Int,
                       pieces: Int? = nil) -> (ids: [Int32], count: Int, firstRows: [Int32]) {
        var groups: (count: Int, firstRows: [Int32]) = (0, [])
        let ids = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            let buffer = out
            key.codes.withUnsafeBufferPointer { codes in
                if let rows {
                    rows.withUnsafeBufferPointer { rows in
                        groups = number(ThroughRows(codes: codes, rows: rows), count: count, width: key.width, into: buffer,
                                        pieces: pieces)
                    }
                } else {
                    groups = number(Direct(codes: codes), count: count, width: key.width, into: buffer, pieces: pieces)
                }
            }
            initialized = count
        }
        return (ids, groups.count, groups.firstRows)
    }

    /// Replaces codes `0..<width` by their numbers in order of first appearance; returns how many
    /// different codes there were and the first row of each number.
    @discardableResult
    static func numberInPlace(_ codes: inout [Int32], width: Int) -> (count: Int, firstRows: [Int32]) {
        let count = codes.count
        return codes.withUnsafeMutableBufferPointer { buffer in
            number(Direct(codes: UnsafeBufferPointer(buffer)), count: count, width: width, into: buffer)
        }
    }

    /// Where row i's code is read from.
    private protocol CodeReader { func code(_ i: Int) -> Int32 }

    private struct Direct: CodeReader {
        let codes: UnsafeBufferPointer<Int32>
        @inline(__always) func code(_ i: Int) -> Int32 { codes[i] }
    }

    private struct ThroughRows: CodeReader {
        let codes: UnsafeBufferPointer<Int32>
        let rows: UnsafeBufferPointer<Int32>
        @inline(__always) func code(_ i: Int) -> Int32 { codes[Int(rows[i])] }
    }

    private static func number<R: CodeReader>(_ reader: R, count: Int, width: Int,
                                               into out: UnsafeMutableBufferPointer<Int32>,
                                               pieces wanted: Int? = nil) -> (count: Int, firstRows: [Int32]) {
        let pieces = max(1, min(wanted ?? Parallel.pieceCount(rowCount: count), max(1, count)))
        let stretches = Parallel.stretches(rowCount: count, pieces: pieces)
        let met = Parallel.map(pieces) { p in numberStretch(reader, stretches[p], width: width, into: out) }
        if pieces == 1 { return (met[0].codes.count, met[0].rows) }

        // Each stretch's numbers in the numbering of the whole; a number given for the first
        // time is given at its first row.
        var numbering = Numbering(width: width, expected: met.reduce(0) { $0 + $1.codes.count })
        var firstRows: [Int32] = []
        let renumbered = met.map { stretch in
            zip(stretch.codes, stretch.rows).map { code, row in
                let n = numbering.number(of: code)
                if Int(n) == firstRows.count { firstRows.append(row) }
                return n
            }
        }
        var work: [(rows: Range<Int>, piece: Int)] = []
        for p in 1..<pieces where !Table.isIdentity(renumbered[p]) {
            for part in Parallel.stretches(rowCount: stretches[p].count, pieces: pieces) {
                work.append(((stretches[p].lowerBound + part.lowerBound)..<(stretches[p].lowerBound + part.upperBound), p))
            }
        }
        _ = Parallel.map(work.count) { w in
            renumbered[work[w].piece].withUnsafeBufferPointer { map in
                for i in work[w].rows { out[i] = map[Int(out[i])] }
            }
        }
        return (numbering.count, firstRows)
    }

    /// Numbers one stretch by its own first appearances; returns its codes in that order, and
    /// the row where each was first met.
    private static func numberStretch<R: CodeReader>(_ reader: R, _ rows: Range<Int>, width: Int,
                                                      into out: UnsafeMutableBufferPointer<Int32>) -> (codes: [Int32], rows: [Int32]) {
        var met: [Int32] = [], metAt: [Int32] = []
        if Numbering.isDirect(width: width, rows: rows.count) {
            var slots = [Int32](repeating: -1, count: width)
            slots.withUnsafeMutableBufferPointer { slots in
                for i in rows {
                    let c = reader.code(i)
                    var n = slots[Int(c)]
                    if n < 0 { n = Int32(met.count); slots[Int(c)] = n; met.append(c); metAt.append(Int32(i)) }
                    out[i] = n
                }
            }
        } else {
            var seen = IntHashTable(expected: min(rows.count, 1 << 16))
            for i in rows {
                let c = reader.code(i)
                out[i] = seen.value(for: Int64(c)) { met.append(c); metAt.append(Int32(i)); return Int32(met.count - 1) }
            }
        }
        return (met, metAt)
    }

    /// Numbers codes as they are first met: a slot per code when the codes are few enough, else a
    /// hash table.
    private struct Numbering {
        private var slots: [Int32]
        private var table: IntHashTable?
        private(set) var count = 0

        /// Codes `0..<width` index slots directly when they are a small range for `rows` rows.
        static func isDirect(width: Int, rows: Int) -> Bool { ValueRange.isSmall((0, Int64(width) - 1), count: rows) }

        init(width: Int, expected: Int) {
            if Numbering.isDirect(width: width, rows: expected) { slots = Array(repeating: -1, count: width) }
            else { slots = []; table = IntHashTable(expected: expected) }
        }

        mutating func number(of code: Int32) -> Int32 {
            let next = Int32(count)
            if table != nil {
                let n = table!.value(for: Int64(code)) { next }
                if n == next { count += 1 }
                return n
            }
            if slots[Int(code)] < 0 { slots[Int(code)] = next; count += 1 }
            return slots[Int(code)]
        }
    }
}
