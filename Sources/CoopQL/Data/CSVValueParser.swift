import CoopQLBase

/// Byte-level parsers for the typed CSV values: each reads a whole field in place and returns nil
/// unless all of it is a value of its type, which is how inference tests a field against a type.
enum CSVValueParser {
    private static let minus = UInt8(ascii: "-")
    private static let zero = UInt8(ascii: "0")

    /// An optional `-` and 1–19 digits that fit in Int64.
    @inline(__always)
    static func int(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var i = 0
        let negative = p[0] == minus
        if negative { i = 1 }
        // 19 digits cannot overflow UInt64, so only the final range check is needed.
        guard n > i, n - i <= 19 else { return nil }
        var v: UInt64 = 0
        while i < n {
            let d = p[i] &- zero
            guard d <= 9 else { return nil }
            v = v &* 10 &+ UInt64(d)
            i += 1
        }
        if negative {
            guard v <= UInt64(Int64.max) + 1 else { return nil }
            return Int64(truncatingIfNeeded: 0 &- v)
        }
        guard v <= UInt64(Int64.max) else { return nil }
        return Int64(v)
    }

    /// 10^e for 0 ≤ e ≤ 22, the powers of ten a Double holds exactly. A switch rather than a
    /// static array, which would cost a lazy-initialisation check per call.
    @inline(__always)
    private static func exactPower(_ e: Int) -> Double {
        switch e {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// An optional `-`, digits with at most one `.` (at least one digit in all), and an optional
    /// exponent `e`/`E` with an optional sign and digits.
    ///
    /// Numbers of up to 15 or so significant digits with a small exponent — almost every real value
    /// — are computed exactly as one multiplication or division of exact doubles, which rounds
    /// correctly. Anything longer goes to the standard library's correctly rounded parser.
    static func decimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        var i = 0
        let negative = p[0] == minus
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0          // significant digits kept in `mantissa`
        var exponent = 0        // power of ten to apply to `mantissa`
        var sawDigit = false
        var truncated = false   // more than 19 significant digits: leave it to the slow path
        while i < n, p[i] &- zero <= 9 {
            let d = p[i] &- zero
            sawDigit = true
            if mantissa == 0 && d == 0 {
                // a leading zero adds nothing
            } else if digits < 19 {
                mantissa = mantissa * 10 + UInt64(d); digits += 1
            } else {
                exponent += 1; truncated = true
            }
            i += 1
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] &- zero <= 9 {
                let d = p[i] &- zero
                sawDigit = true
                if mantissa == 0 && d == 0 {
                    exponent -= 1
                } else if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(d); digits += 1; exponent -= 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var negativeExponent = false
            if i < n, p[i] == minus || p[i] == UInt8(ascii: "+") {
                negativeExponent = p[i] == minus
                i += 1
            }
            guard i < n else { return nil }
            var e = 0
            while i < n {
                let d = p[i] &- zero
                guard d <= 9 else { return nil }
                // Past this the value is 0 or infinity anyway; capping keeps the sum from overflowing.
                if e < 100_000 { e = e * 10 + Int(d) }
                i += 1
            }
            exponent += negativeExponent ? -e : e
        }
        guard i == n else { return nil }

        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            let m = Double(mantissa)
            let v = exponent < 0 ? m / exactPower(-exponent) : m * exactPower(exponent)
            return negative ? -v : v
        }
        // The syntax is checked above, so this parser sees only plain decimal notation.
        return Double(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    /// `YYYY-MM-DD`, `dd/mm/yyyy` or `dd-mm-yyyy` (day and month of one or two digits) naming a real day, as
    /// days since 1970-01-01. Accepts exactly what `Day.parse(utf8:)` accepts, without its
    /// allocations, and lets `Day` decide which days exist.
    @inline(__always)
    static func date(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
        @inline(__always) func number(_ from: Int, _ to: Int) -> Int? {
            var v = 0
            for i in from..<to {
                let d = p[i] &- zero
                guard d <= 9 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        if n == 10, p[4] == minus, p[7] == minus {
            guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10) else { return nil }
            return Day(year: y, month: m, day: d)?.number
        }
        guard (8...10).contains(n) else { return nil }
        // dd/mm/yyyy or dd-mm-yyyy: the separator is the first byte that is no digit.
        let slash = p[1] == minus || p[2] == minus ? minus : UInt8(ascii: "/")
        var first = -1, second = -1
        for i in 0..<n where p[i] == slash {
            if first < 0 { first = i } else if second < 0 { second = i } else { return nil }
        }
        guard first >= 1, first <= 2, second - first - 1 >= 1, second - first - 1 <= 2, n - second - 1 == 4,
              let d = number(0, first), let m = number(first + 1, second), let y = number(second + 1, n)
        else { return nil }
        return Day(year: y, month: m, day: d)?.number
    }

    /// `true`/`false`, `1`/`0` or `có`/`không`, in any mix of case; the Vietnamese words precomposed
    /// or with combining marks (as macOS writes them).
    @inline(__always)
    static func bool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        // OR-ing 0x20 lowercases an ASCII letter; only the two cases of each letter map to it. It
        // does the same to the second UTF-8 byte of ó/Ó (C3 B3/C3 93) and ô/Ô (C3 B4/C3 94).
        @inline(__always) func at(_ i: Int, _ c: Unicode.Scalar) -> Bool { p[i] | 0x20 == UInt8(ascii: c) }
        switch n {
        case 1:
            if p[0] == UInt8(ascii: "1") { return true }
            if p[0] == zero { return false }
        case 3:  // có
            if at(0, "c"), p[1] == 0xC3, p[2] | 0x20 == 0xB3 { return true }
        case 4:
            if at(0, "t"), at(1, "r"), at(2, "u"), at(3, "e") { return true }
            if at(0, "c"), at(1, "o"), p[2] == 0xCC, p[3] == 0x81 { return true }  // c o U+0301
        case 5:
            if at(0, "f"), at(1, "a"), at(2, "l"), at(3, "s"), at(4, "e") { return false }
        case 6:  // không
            if at(0, "k"), at(1, "h"), p[2] == 0xC3, p[3] | 0x20 == 0xB4, at(4, "n"), at(5, "g") { return false }
        case 7:  // k h o U+0302 n g
            if at(0, "k"), at(1, "h"), at(2, "o"), p[3] == 0xCC, p[4] == 0x82, at(5, "n"), at(6, "g") { return false }
        default:
            break
        }
        return nil
    }
}
