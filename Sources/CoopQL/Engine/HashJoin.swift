import CoopQLBase

/// Equality joins: the right side is indexed on its keys, and the left side's keys probe it in
/// stretches on all cores (`JoinIndex.probe`). Output keeps the left side's order, and for each
/// left row the right side's order.
enum HashJoin {
    /// Keys of one side: one Int64 per row, and whether the row can match at all (a null key,
    /// or text the other side does not have, matches nothing).
    struct Keys {
        var values: [Int64]
        var matchable: [Bool]
    }

    /// The rows of each side that make up the output rows.
    struct Match {
        /// The left row of each output row; nil when that is every left row once, in order (each
        /// found exactly one partner, or a left join's found at most one): nothing to copy then.
        var left: [Int32]?
        /// The right row of each output row; -1 for a left row without a match (left join).
        var right: [Int32]
        /// Whether no left row matched more than one right row.
        var atMostOncePerLeftRow: Bool
        /// Whether `right` holds a -1 (a left join's row without a match).
        var hasUnmatched: Bool
    }

    /// Pairs of matching rows; `-1` on the right for a left row without a match (left join).
    /// `admit` is told how many rows the join gives out before they are allocated, and throws
    /// to stop a join too large for the run's limits (a self-join on a column of few values).
    static func match(left: [Column], right: [Column], leftCount: Int, rightCount: Int,
                      keepUnmatched: Bool, admit: (_ rows: Int) throws -> Void) throws -> Match {
        let (probeKeys, indexKeys) = encode(left, right, leftCount: leftCount, rightCount: rightCount)
        let index = JoinIndex(keys: indexKeys.values, matchable: indexKeys.matchable)
        let (firsts, matched) = index.probe(probeKeys, count: leftCount)
        if index.isUnique {
            try admit(keepUnmatched ? leftCount : matched)
            // A lookup: each left row has at most one partner, found by the probe already.
            if keepUnmatched || matched == leftCount {
                return Match(left: nil, right: firsts, atMostOncePerLeftRow: true, hasUnmatched: matched < leftCount)
            }
            var outLeft: [Int32] = [], outRight: [Int32] = []
            outLeft.reserveCapacity(matched)
            outRight.reserveCapacity(matched)
            firsts.withUnsafeBufferPointer { f in
                for l in f.indices where f[l] >= 0 { outLeft.append(Int32(l)); outRight.append(f[l]) }
            }
            return Match(left: outLeft, right: outRight, atMostOncePerLeftRow: true, hasUnmatched: false)
        }
        // Chains of right rows per key: the first row of a key, then next[row] the following one.
        let next = index.next
        try admit(outputCount(firsts, next: next, rightCount: rightCount, keepUnmatched: keepUnmatched))
        var outLeft: [Int32] = [], outRight: [Int32] = []
        outLeft.reserveCapacity(leftCount)
        outRight.reserveCapacity(leftCount)
        var expanded = false, unmatched = false
        for l in 0..<leftCount {
            var r = firsts[l]
            if r < 0 {
                if keepUnmatched { outLeft.append(Int32(l)); outRight.append(-1); unmatched = true }
                continue
            }
            if next[Int(r)] >= 0 { expanded = true }
            while r >= 0 {
                outLeft.append(Int32(l))
                outRight.append(r)
                r = next[Int(r)]
            }
        }
        let everyRowOnce = !expanded && outLeft.count == leftCount
        return Match(left: everyRowOnce ? nil : outLeft, right: outRight, atMostOncePerLeftRow: !expanded, hasUnmatched: unmatched)
    }

    /// How many rows a join gives out, counted without making them: each chain of right rows is
    /// walked once, however many left rows share its key.
    static func outputCount(_ firsts: [Int32], next: [Int32], rightCount: Int, keepUnmatched: Bool) -> Int {
        var chainLength = [Int](repeating: 0, count: rightCount)
        var total = 0
        for head in firsts {
            guard head >= 0 else {
                if keepUnmatched { total += 1 }
                continue
            }
            if chainLength[Int(head)] == 0 {
                var n = 0, r = head
                while r >= 0 { n += 1; r = next[Int(r)] }
                chainLength[Int(head)] = n
            }
            total += chainLength[Int(head)]
        }
        return total
    }

    /// The left side's keys as the probe reads them and the right side's as the index holds them,
    /// equal across sides exactly when all key columns are equal. One key column of a common kind
    /// is read where it lies; text goes through a translation of the left dictionary.
    static func encode(_ left: [Column], _ right: [Column], leftCount: Int, rightCount: Int) -> (ProbeKeys, Keys) {
        if left.count == 1, right.count == 1 {
            let (l, r) = (left[0], right[0])
            switch (l.storage, r.storage) {
            case (.int(let lv), .int(let rv)):
                return (.integers(lv, valid: l.validity), Keys(values: rv, matchable: matchable(r)))
            case (.date(let lv), .date(let rv)):
                return (.days(lv, valid: l.validity), Keys(values: rv.map(Int64.init), matchable: matchable(r)))
            case (.text(let lcodes, let ldict), .text(let rcodes, let rdict)):
                let (translation, canonical) = translate(ldict, into: rdict)
                return (.translated(codes: lcodes, translation: translation.map { $0 ?? -1 }, valid: l.validity),
                        Keys(values: rcodes.map { Int64(canonical[Int($0)]) }, matchable: matchable(r)))
            default:
                break
            }
        }
        let (l, r) = encodeKeys(left, right, leftCount: leftCount, rightCount: rightCount)
        return (.encoded(values: l.values, matchable: l.matchable), r)
    }

    /// Whether each row can match: not under a null.
    static func matchable(_ column: Column) -> [Bool] {
        var out = [Bool](repeating: true, count: column.count)
        if let v = column.validity { for i in out.indices where !v[i] { out[i] = false } }
        return out
    }

    /// Each string of `dictionary` as its code in `other`, or nil where `other` lacks it: work
    /// once per distinct string instead of once per row. A string `other` holds twice is known by
    /// its first code, so `canonical` gives each code of `other` the code its rows are matched by.
    static func translate(_ dictionary: StringDictionary, into other: StringDictionary)
        -> (translation: [Int32?], canonical: [Int32]) {
        var index: [String: Int32] = [:]
        let canonical = other.strings.enumerated().map { i, s in
            if let first = index[s] { return first }
            index[s] = Int32(i)
            return Int32(i)
        }
        return (dictionary.strings.map { index[$0] }, canonical)
    }

    /// Keys for both sides, equal across sides exactly when all key columns are equal.
    static func encodeKeys(_ left: [Column], _ right: [Column], leftCount: Int, rightCount: Int) -> (Keys, Keys) {
        var lcombined = Keys(values: [], matchable: [])
        var rcombined = Keys(values: [], matchable: [])
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
            let (translation, canonical) = translate(ldict, into: rdict)
            lk.values = lcodes.map { translation[Int($0)].map(Int64.init) ?? -1 }
            for i in lcodes.indices where translation[Int(lcodes[i])] == nil { lk.matchable[i] = false }
            rk.values = rcodes.map { Int64(canonical[Int($0)]) }
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
