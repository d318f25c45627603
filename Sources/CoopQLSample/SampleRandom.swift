import CoopQL

/// The sample generator's own random numbers: xoshiro256** seeded through SplitMix64.
///
/// The system generator is never used, so one seed gives the same files on every machine and
/// every run. Only integer arithmetic and the four basic floating-point operations are used
/// (never `log` or `exp`, whose last bits may differ between C libraries).
struct SampleRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose stream depends on `seed` and on `stream`, so each province draws from its
    /// own sequence and adding provinces never shifts the numbers of another.
    init(seed: UInt64, stream: UInt64 = 0) {
        var mix = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
        s0 = SampleRandom.splitMix(&mix)
        s1 = SampleRandom.splitMix(&mix)
        s2 = SampleRandom.splitMix(&mix)
        s3 = SampleRandom.splitMix(&mix)
    }

    /// SplitMix64: spreads one seed over the four words of state (all-zero state is impossible).
    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable number for a text (FNV-1a), to name a stream after a province.
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A number in `0..<n` (n > 0), by the multiply-high method; its bias is below 2⁻³² for every
    /// n the generator uses, far too small to show.
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    @inline(__always)
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in [0, 1).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A day in `from...to` (day numbers).
    mutating func day(_ from: Int32, _ to: Int32) -> Int32 {
        from + Int32(below(Int(to - from) + 1))
    }

    /// A number in `range`, more often small than large (the smaller of two draws): sizes of
    /// organisations and of loans are skewed that way.
    mutating func skewed(_ range: ClosedRange<Int>) -> Int {
        min(int(range), int(range))
    }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }

    /// `count` different items of `items` in random order (all of them if there are fewer).
    mutating func choose<T>(_ count: Int, from items: [T]) -> [T] {
        var pool = items
        let k = min(count, pool.count)
        for i in 0..<k { pool.swapAt(i, i + below(pool.count - i)) }
        return Array(pool[0..<k])
    }

    /// An index drawn with the given weights (not all zero).
    mutating func weighted(_ weights: [Int]) -> Int {
        var r = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// Splits `total` into `weights.count` whole parts that add up to exactly `total`, each at least
    /// its `minimum`, shared out in proportion to the weights; the few units lost to rounding go
    /// to parts drawn at random. This is how exact published totals get plausible pieces.
    mutating func partition(_ total: Int, weights: [Int], minimum: [Int]) -> [Int] {
        precondition(weights.count == minimum.count && !weights.isEmpty)
        let floor = minimum.reduce(0, +)
        precondition(total >= floor, "cannot split \(total) into parts of at least \(floor) in all")
        let spare = total - floor
        let weightSum = max(1, weights.reduce(0, +))
        var parts = zip(weights, minimum).map { w, m in
            // Wide multiplication: spare × weight may not fit 64 bits for money.
            let (high, low) = spare.multipliedFullWidth(by: w)
            return m + weightSum.dividingFullWidth((high, low)).quotient
        }
        var left = total - parts.reduce(0, +)
        while left > 0 {
            parts[below(parts.count)] += 1
            left -= 1
        }
        return parts
    }

    /// `partition` with one minimum for every part and weights drawn from `spread`.
    mutating func partition(_ total: Int, into count: Int, minimum: Int, spread: ClosedRange<Int>) -> [Int] {
        let weights = (0..<count).map { _ in int(spread) }
        return partition(total, weights: weights, minimum: Array(repeating: minimum, count: count))
    }
}
