/// Numbers written the Vietnamese way, accepted in the columns the schema declares numeric (never
/// in inferred columns, where `1,5` stays text): a dot groups thousands and a comma marks decimals.
///
/// The rules, value by value:
/// - int column: plain digits, or thousands grouped by dots: `1.915` is 1915, `1.456.000.000` is
///   1456000000. Each group after the first has exactly three digits; the first has one to three
///   and does not start with 0. Anything else with a dot or a comma is not a whole number.
/// - decimal column: a comma is the decimal mark (`3,5` is 3.5, `1.234,5` is 1234.5, dots before
///   it grouping thousands as above). Without a comma, two or more dot groups are grouping
///   (`1.456.000` is 1456000), and a single dot is a decimal point (`1.5`, `2.25`, `1e3`), except
///   that a single dot followed by exactly three digits after one to three digits (`1.500`) is
///   ambiguous: it is read as 1.5 unless the file writes its numbers the Vietnamese way, that is,
///   unless some value of a declared numeric column in the same file has a comma decimal mark,
///   two or more dot groups, or dot grouping in an int column; then it is 1500.
/// - JSON numbers are JSON's own notation and never read this way.
enum VietnameseNumber {
    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")
    private static let minus = UInt8(ascii: "-")
    private static let zero = UInt8(ascii: "0")

    /// How a value of a declared decimal column was read.
    enum Reading: Equatable {
        /// International notation, or a plain number.
        case plain
        /// Unmistakably Vietnamese: a comma decimal mark or two or more dot groups.
        case vietnamese
        /// `1.500`: the value read as a decimal point, and the value if the dot groups thousands.
        case ambiguous(alternative: Double)
    }

    /// An optional `-`, then one to three digits (not starting with 0), then one or more groups of
    /// a dot and three digits; nil unless all of the bytes are that and fit in Int64.
    static func groupedInt(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        guard let (magnitude, negative, groups) = grouped(p, n), groups > 0 else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// A value of a declared decimal column, with how it was read; nil when it is no number.
    static func decimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> (value: Double, reading: Reading)? {
        guard n > 0 else { return nil }
        var commaAt = -1
        for i in 0..<n where p[i] == comma {
            guard commaAt < 0 else { return nil }
            commaAt = i
        }
        if commaAt >= 0 { return commaDecimal(p, n, commaAt: commaAt).map { ($0, .vietnamese) } }
        if let v = CSVValueParser.decimal(p, n) {
            if let alternative = singleGroup(p, n) { return (v, .ambiguous(alternative: alternative)) }
            return (v, .plain)
        }
        if let v = groupedInt(p, n) { return (Double(v), .vietnamese) }
        return nil
    }

    /// `1.234,5` or `3,5`: the integer part plain or dot-grouped, then a comma and digits.
    private static func commaDecimal(_ p: UnsafePointer<UInt8>, _ n: Int, commaAt: Int) -> Double? {
        let fraction = n - commaAt - 1
        guard fraction > 0 else { return nil }
        for i in (commaAt + 1)..<n where p[i] &- zero > 9 { return nil }
        let negative = p[0] == minus
        let digitsFrom = negative ? 1 : 0
        guard commaAt > digitsFrom else { return nil }
        let hasDot = (digitsFrom..<commaAt).contains { p[$0] == dot }
        if hasDot {
            guard grouped(p, commaAt) != nil else { return nil }
        } else {
            for i in digitsFrom..<commaAt where p[i] &- zero > 9 { return nil }
        }
        // The same digits with the grouping dots dropped and a decimal point for the comma, read
        // by the one decimal parser so both notations round alike.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { buffer in
            var m = 0
            for i in 0..<n where p[i] != dot {
                buffer[m] = i == commaAt ? dot : p[i]
                m += 1
            }
            return CSVValueParser.decimal(UnsafePointer(buffer.baseAddress!), m)
        }
    }

    /// For `1.500` (one to three digits, not starting with 0, a dot and exactly three digits), the
    /// value with the dot read as grouping; nil for any other spelling.
    private static func singleGroup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        guard let (magnitude, negative, groups) = grouped(p, n), groups == 1 else { return nil }
        return negative ? -Double(magnitude) : Double(magnitude)
    }

    /// The digits of `-?[1-9][0-9]{0,2}(\.[0-9]{3})*` as one number, its sign, and the number of dot
    /// groups; nil when the bytes are not that or have more than 19 digits.
    private static func grouped(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, Bool, Int)? {
        var i = 0
        let negative = n > 0 && p[0] == minus
        if negative { i = 1 }
        guard i < n, p[i] != zero else { return nil }
        var value: UInt64 = 0, digits = 0, groups = 0
        var run = 0  // digits since the start or the last dot
        while i < n {
            let c = p[i]
            if c == dot {
                // The first run has 1–3 digits, every later one exactly 3.
                guard run >= 1, run <= 3, groups == 0 || run == 3 else { return nil }
                groups += 1
                run = 0
            } else {
                let d = c &- zero
                guard d <= 9 else { return nil }
                digits += 1
                guard digits <= 19 else { return nil }
                value = value * 10 + UInt64(d)
                run += 1
            }
            i += 1
        }
        guard run >= 1, groups == 0 ? run <= 19 : run == 3 else { return nil }
        return (value, negative, groups)
    }

    // MARK: - Text values (the int() and decimal() functions)

    /// A whole number as `int()` reads text: plain digits or dot-grouped (`1.915`, `8.879.000.000`).
    static func int(text: String) -> Int64? {
        var s = text
        return s.withUTF8 { b in
            guard let p = b.baseAddress, b.count > 0 else { return nil }
            return CSVValueParser.int(p, b.count) ?? groupedInt(p, b.count)
        }
    }

    /// A number as `decimal()` reads text, by the rules of a declared decimal column in a file
    /// that gives no hint: `79,5`, `1.234,5` and `8.879.000.000` the Vietnamese way, `1.5` and
    /// `1.500` with a decimal point.
    static func decimal(text: String) -> Double? {
        var s = text
        return s.withUTF8 { b in
            guard let p = b.baseAddress, b.count > 0 else { return nil }
            return decimal(p, b.count)?.value
        }
    }

    /// How a number in an inferred column was written: what decides whether its column reads
    /// `1.500` as one and a half or as fifteen hundred, or cannot be read as numbers at all.
    enum Style: Equatable {
        /// Digits only, or a decimal point that cannot be grouping (`1.5`, `2.25`, `1e3`).
        case point
        /// A comma decimal mark or two or more dot groups (`79,5`, `8.879.000.000`).
        case vietnamese
        /// `1.500`: either.
        case ambiguous
    }

    /// The style of a number the plain decimal parser read; nil for plain digits, which fit any.
    static func style(ofPlain p: UnsafePointer<UInt8>, _ n: Int) -> Style? {
        var dot = false
        for i in 0..<n {
            let c = p[i]
            if c == VietnameseNumber.dot { dot = true } else if c | 0x20 == UInt8(ascii: "e") { return .point }
        }
        guard dot else { return nil }
        return singleGroup(p, n) != nil ? .ambiguous : .point
    }

    /// The grouped reading of `1.500` (see `singleGroup`), for inferred columns.
    static func groupedReading(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? { singleGroup(p, n) }
}
