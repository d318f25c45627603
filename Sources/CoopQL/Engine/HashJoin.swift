/// Equality joins: the right side is hashed on its keys, the left side probes it row by row.
/// Output keeps the left side's order, and for each left row the right side's order.
enum HashJoin {
    /// Pairs of matching rows; `-1` on the right for a left row without a match (left join).
    static func match(left: [Column], right: [Column], leftCount: Int, rightCount: Int,
                      keepUnmatched: Bool) -> (left: [Int32], right: [Int32]) {
        let (lkeys, rkeys) = encodeKeys(left, right, leftCount: leftCount, rightCount: rightCount)
        // Chains of right rows per key: head[key] is the first row, next[row] the following one.
        var head: [Int64: Int32] = [:]
        head.reserveCapacity(rightCount)
        var next = [Int32](repeating: -1, count: rightCount)
        for r in stride(from: rightCount - 1, through: 0, by: -1) where rkeys[r] != noMatch {
            if let h = head[rkeys[r]] { next[r] = h }
            head[rkeys[r]] = Int32(r)
        }
        var outLeft: [Int32] = [], outRight: [Int32] = []
        outLeft.reserveCapacity(leftCount)
        outRight.reserveCapacity(leftCount)
        for l in 0..<leftCount {
            var r = lkeys[l] == noMatch ? -1 : (head[lkeys[l]] ?? -1)
            if r < 0 {
                if keepUnmatched { outLeft.append(Int32(l)); outRight.append(-1) }
                continue
            }
            while r >= 0 {
                outLeft.append(Int32(l))
                outRight.append(r)
                r = next[Int(r)]
            }
        }
        return (outLeft, outRight)
    }

    /// Marks a key that matches nothing (a null, or text the other side does not have).
    static let noMatch = Int64.min

    /// One Int64 per row on each side, equal across sides exactly when all keys are equal.
    static func encodeKeys(_ left: [Column], _ right: [Column], leftCount: Int, rightCount: Int) -> ([Int64], [Int64]) {
        var lcombined = [Int64](repeating: 0, count: leftCount)
        var rcombined = [Int64](repeating: 0, count: rightCount)
        for (k, (lc, rc)) in zip(left, right).enumerated() {
            let (l, r) = encodePair(lc, rc)
            if k == 0 { lcombined = l; rcombined = r; continue }
            // Number the (previous, this) pairs over both sides together so the codes agree.
            var exact: [PairKey: Int64] = [:]
            func number(_ a: Int64, _ b: Int64) -> Int64 {
                if a == noMatch || b == noMatch { return noMatch }
                let key = PairKey(a: a, b: b)
                if let c = exact[key] { return c }
                let c = Int64(exact.count)
                exact[key] = c
                return c
            }
            lcombined = (0..<leftCount).map { number(lcombined[$0], l[$0]) }
            rcombined = (0..<rightCount).map { number(rcombined[$0], r[$0]) }
        }
        return (lcombined, rcombined)
    }

    struct PairKey: Hashable { var a: Int64; var b: Int64 }

    /// Encodes one key column of each side into comparable Int64s.
    static func encodePair(_ l: Column, _ r: Column) -> ([Int64], [Int64]) {
        var le: [Int64], re: [Int64]
        switch (l.storage, r.storage) {
        case (.text(let lcodes, let ldict), .text(let rcodes, let rdict)):
            // Translate the left dictionary into the right one's codes, once per distinct string.
            var index: [String: Int64] = [:]
            for (i, s) in rdict.strings.enumerated() { index[s] = Int64(i) }
            let translate = ldict.strings.map { index[$0] ?? noMatch }
            le = lcodes.map { translate[Int($0)] }
            re = rcodes.map(Int64.init)
        case (.int(let a), .int(let b)): le = a; re = b
        case (.date(let a), .date(let b)): le = a.map(Int64.init); re = b.map(Int64.init)
        case (.bool(let a), .bool(let b)): le = a.map { $0 ? 1 : 0 }; re = b.map { $0 ? 1 : 0 }
        default:
            // Numbers of mixed kinds compare as doubles.
            let da = l.doubles ?? [], db = r.doubles ?? []
            le = da.isEmpty && l.count > 0 ? Array(repeating: noMatch, count: l.count) : da.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
            re = db.isEmpty && r.count > 0 ? Array(repeating: noMatch, count: r.count) : db.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
        }
        if let v = l.validity { for i in le.indices where !v[i] { le[i] = noMatch } }
        if let v = r.validity { for i in re.indices where !v[i] { re[i] = noMatch } }
        return (le, re)
    }
}
