/// Lays out the shortest decimal digits that read back as a double, with a chosen grouping and
/// decimal mark.
///
/// Swift's own `description` already finds those digits, and quickly; this takes its text apart
/// ("1234.25", "1e-05", "1.5e+20") and writes the digits again. Everything happens in one stack
/// buffer because a table may format millions of decimals and a heap array per call costs more
/// than the digits themselves.
enum ShortestDigits {
    /// `x` (finite) as text.
    /// - group: put between groups of three integer digits, or nil for none.
    /// - mark: the decimal mark.
    /// - markIntegral: write ".0" after an integral value.
    /// - keepZeroSign: write "-0" for negative zero.
    ///
    /// Magnitudes of 1e15 and above or below 1e-6 take an exponent ("1.5e+20"), as Swift writes
    /// them, since their plain digits would mostly be zeros.
    static func text(_ x: Double, group: UInt8?, mark: UInt8, markIntegral: Bool, keepZeroSign: Bool) -> String {
        var source = x.magnitude.description
        return source.withUTF8 { description in
            // Bytes 0..<32 hold the digits, 32..<128 the output: at most 17 significant digits,
            // and an output of at most 15 integer digits with separators or 5 zeros and 17 digits.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
                let digits = UnsafeMutableBufferPointer(rebasing: buffer[0..<32])
                var out = Writer(buffer: UnsafeMutableBufferPointer(rebasing: buffer[32...]))
                let (count, exponent) = parse(description, into: digits)
                if x.sign == .minus && (count > 0 || keepZeroSign) { out.append(UInt8(ascii: "-")) }
                let significant = UnsafeBufferPointer(rebasing: digits[0..<count])
                if count > 0 && (exponent >= 16 || exponent <= -6) {
                    writePowerOfTen(significant, exponent: exponent, mark: mark, to: &out)
                } else {
                    writePositional(significant, exponent: exponent, group: group, mark: mark,
                                    markIntegral: markIntegral, to: &out)
                }
                return out.string
            }
        }
    }

    /// Reads `description` into significant digits (no leading or trailing zero; none for zero)
    /// and an exponent such that the value is 0.d₁d₂d₃… × 10^exponent.
    private static func parse(_ description: UnsafeBufferPointer<UInt8>,
                              into digits: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, exponent: Int) {
        var count = 0, point: Int?, leadingZeros = 0
        var power = 0, powerSign = 1, inPower = false
        for byte in description {
            switch byte {
            case UInt8(ascii: "."): point = count + leadingZeros
            case UInt8(ascii: "e"): inPower = true
            case UInt8(ascii: "-"): powerSign = -1
            case UInt8(ascii: "+"): break
            default:
                if inPower {
                    power = power * 10 + Int(byte &- UInt8(ascii: "0"))
                } else if count == 0 && byte == UInt8(ascii: "0") {
                    leadingZeros += 1
                } else if count < digits.count {
                    digits[count] = byte
                    count += 1
                }
            }
        }
        while count > 0 && digits[count - 1] == UInt8(ascii: "0") { count -= 1 }
        let exponent = (point ?? count + leadingZeros) - leadingZeros + powerSign * power
        return (count, count == 0 ? 0 : exponent)
    }

    /// `1.5e+20`, `1e-07`: Swift's exponent spelling, with the given decimal mark.
    private static func writePowerOfTen(_ digits: UnsafeBufferPointer<UInt8>, exponent: Int, mark: UInt8,
                                        to out: inout Writer) {
        out.append(digits[0])
        if digits.count > 1 {
            out.append(mark)
            for d in digits[1...] { out.append(d) }
        }
        let power = exponent - 1
        out.append(UInt8(ascii: "e"))
        out.append(power < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = abs(power)
        if magnitude >= 100 { out.append(UInt8(ascii: "0") + UInt8(magnitude / 100)) }
        out.append(UInt8(ascii: "0") + UInt8(magnitude / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
    }

    /// `1.234,25`, `0,000012`, `50`.
    private static func writePositional(_ digits: UnsafeBufferPointer<UInt8>, exponent: Int, group: UInt8?,
                                        mark: UInt8, markIntegral: Bool, to out: inout Writer) {
        let integerDigits = max(exponent, 0)
        if integerDigits == 0 { out.append(UInt8(ascii: "0")) }
        for k in 0..<integerDigits {
            if let group, k > 0, (integerDigits - k) % 3 == 0 { out.append(group) }
            out.append(k < digits.count ? digits[k] : UInt8(ascii: "0"))
        }
        if digits.count > integerDigits {
            out.append(mark)
            for _ in 0..<max(0, -exponent) { out.append(UInt8(ascii: "0")) }
            for d in digits[integerDigits...] { out.append(d) }
        } else if markIntegral {
            out.append(mark)
            out.append(UInt8(ascii: "0"))
        }
    }

    /// Appends bytes to a fixed buffer.
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        mutating func append(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }
        var string: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self) }
    }
}
