import CoopQLBase

/// How numbers are written for people: which mark groups thousands and which one starts decimals.
public enum NumberStyle: String, Sendable, CaseIterable {
    /// `1.234.567,5`: dots group thousands, a comma starts the decimals (the Vietnamese way).
    case vietnamese
    /// `1,234,567.5`.
    case english

    /// The byte put between groups of three digits.
    var groupSeparator: UInt8 { self == .vietnamese ? UInt8(ascii: ".") : UInt8(ascii: ",") }
    /// The byte put before the decimals.
    var decimalMark: UInt8 { self == .vietnamese ? UInt8(ascii: ",") : UInt8(ascii: ".") }
}

/// An integer with its thousands grouped in `style`: 95035 → "95.035" (vietnamese), "95,035" (english).
///
/// Written by hand into a stack buffer because `NumberFormatter` costs microseconds per call and a
/// table may hold a great many numbers.
public func formatInteger(_ n: Int64, style: NumberStyle) -> String {
    // 19 digits, 6 separators and a sign fit in 26 bytes.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
        var start = buffer.count
        // The magnitude is unsigned so that Int64.min, which has no positive twin, works too.
        var rest = n.magnitude
        var written = 0
        repeat {
            if written > 0 && written % 3 == 0 {
                start -= 1
                buffer[start] = style.groupSeparator
            }
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            written += 1
        } while rest > 0
        if n < 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
    }
}

/// A decimal for people: the shortest digits that read back as `x`, grouped, with the style's
/// decimal mark: 1234.25 → "1.234,25" (vietnamese); integral values drop the ".0" (50.0 → "50").
///
/// NaN is "NaN" and infinities "∞" and "-∞". Magnitudes of 1e15 and above, or below 1e-6, are
/// written with an exponent ("1,5e+20"), since their digits would mostly be zeros. Negative zero
/// is shown as "0": the sign means nothing to a reader.
public func formatDecimal(_ x: Double, style: NumberStyle) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x < 0 ? "-∞" : "∞" }
    return ShortestDigits.text(x, group: style.groupSeparator, mark: style.decimalMark,
                               markIntegral: false, keepZeroSign: false)
}

/// A value as machine formats (CSV, JSON) write it: no grouping, "." as the decimal mark.
///
/// - ints: plain digits, `-1234567`.
/// - decimals: the shortest digits that read back as the same double. Integral decimals keep
///   ".0" (`50.0`), so a reader of the CSV or JSON can still tell a decimal column from an int
///   column. NaN and infinities are `NaN`, `inf`, `-inf` (JSON writes `null` for them instead).
/// - dates: ISO `YYYY-MM-DD`; bools: `true` / `false`; text: as it is, unquoted.
/// - null: `null` (CSV writes an empty field instead).
/// - lists, tables and records: compact JSON.
public func plainText(_ v: Value) -> String {
    switch v {
    case .null: return "null"
    case .int(let i): return String(i)
    case .decimal(let d): return plainDecimal(d)
    case .bool(let b): return b ? "true" : "false"
    case .text(let s): return s
    case .date(let d): return d.iso
    case .list, .table, .record: return JSONRenderer.compact(v)
    }
}

/// A double as `plainText` writes it; see there.
func plainDecimal(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return ShortestDigits.text(x, group: nil, mark: UInt8(ascii: "."), markIntegral: true, keepZeroSign: true)
}
