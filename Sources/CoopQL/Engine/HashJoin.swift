/// Equality joins: the right side is hashed on its keys, the left side probes it row by row.
/// Output keeps the left side's order, and for each left row the right side's order.
enum HashJoin {
    /// Keys of one side: one Int64 per row, and whether the row can match at all (a null key,
    /// or text the other side does not have, matches nothing).
    struct Keys {
        var values: [Int64]
        var matchable: [Bool]
    }

    /// Pairs of matching rows; `-1` on the right for a left row without a match (left join).
    static func match(left: [Column], right: [Column], leftCount: Int, rightCount: Int,
                      keepUnmatched: Bool) -> (left: [Int32], right: [Int32]) {
        let (lkeys, rkeys) = encodeKeys(left, right, leftCount: leftCount, rightCount: rightCount)
        // Chains of right rows per key: the first row of a key, then next[row] the following one.
        let index = JoinIndex(keys: rkeys.values, matchable: rkeys.matchable)
        let next = index.next
        var outLeft: [Int32] = [], outRight: [Int32] = []
        outLeft.reserveCapacity(leftCount)
        outRight.reserveCapacity(leftCount)
        let firsts = index.firsts(lkeys.values, matchable: lkeys.matchable)
        for l in 0..<leftCount {
            var r = firsts[l]
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

    /// Keys for both sides, equal across sides exactly when all key columns are equal.
    static func encodeKeys(_ left: [Column], _ right: [Column], leftCount: Int, rightCount: Int) -> (Keys, Keys) {
        var lcombined = Keys(values: Array(repeating: 0, count: leftCount), matchable: Array(repeating: true, count: leftCount))
        var rcombined = Keys(values: Array(repeating: 0, count: rightCount), matchable: Array(repeating: true, count: rightCount))
        for (k, (lc, rc)) in zip(left, right).enumerated() {
            let (l, r) = encodePair(lc, rc)
            if k == 0 { lcombined = l; rcombined = r; continue }
            // Number the (previous, this) pairs over both sides together so the numbers agree.
            var numbers: [PairKey: Int64] = [:]
            func combine(_ a: inout Keys, _ b: Keys) {
                for i in a.values.indices {
                    a.matchable[i] = a.matchable[i] && b.matchable[i]
                    guard a.matchable[i] else { continue }
                    let key = PairKey(a: a.values[i], b: b.values[i])
                    if let n = numbers[key] { a.values[i] = n }
                    else { let n = Int64(numbers.count); numbers[key] = n; a.values[i] = n }
                }
            }
            combine(&lcombined, l)
            combine(&rcombined, r)
        }
        return (lcombined, rcombined)
    }

    struct PairKey: Hashable { var a: Int64; var b: Int64 }

    /// Encodes one key column of each side into comparable Int64s.
    static func encodePair(_ l: Column, _ r: Column) -> (Keys, Keys) {
        var lk = Keys(values: [], matchable: Array(repeating: true, count: l.count))
        var rk = Keys(values: [], matchable: Array(repeating: true, count: r.count))
        switch (l.storage, r.storage) {
        case (.text(let lcodes, let ldict), .text(let rcodes, let rdict)):
            // Translate the left dictionary into the right one's codes, once per distinct string.
            var index: [String: Int64] = [:]
            for (i, s) in rdict.strings.enumerated() { index[s] = Int64(i) }
            let translate = ldict.strings.map { index[$0] }
            lk.values = lcodes.map { translate[Int($0)] ?? -1 }
            for i in lcodes.indices where translate[Int(lcodes[i])] == nil { lk.matchable[i] = false }
            rk.values = rcodes.map(Int64.init)
        case (.int, .int), (.date, .date), (.bool, .bool):
            lk.values = Grouping.encode(l)
            rk.values = Grouping.encode(r)
        default:
            // Numbers of mixed kinds compare as doubles; anything else never matches.
            if let da = l.doubles, let db = r.doubles {
                lk.values = da.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
                rk.values = db.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
            } else {
                lk.values = Array(repeating: 0, count: l.count)
                rk.values = Array(repeating: 0, count: r.count)
                lk.matchable = Array(repeating: false, count: l.count)
            }
        }
        if let v = l.validity { for i in lk.values.indices where !v[i] { lk.matchable[i] = false } }
        if let v = r.validity { for i in rk.values.indices where !v[i] { rk.matchable[i] = false } }
        return (lk, rk)
    }
}
