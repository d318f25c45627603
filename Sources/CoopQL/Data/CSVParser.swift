import Foundation
import CoopQLBase

/// Where one field's bytes lie in the file: the half-open range inside any quotes, and whether
/// doubled quotes in it still need collapsing.
struct CSVField {
    var start: Int
    var end: Int
    var escaped: Bool
}

/// The byte scanner: finds fields and rows in CSV bytes and hands each field's range to a column
/// builder, which decodes it in place. No field becomes a String unless it is a new distinct text.
///
/// Positions are byte offsets; the scanner never counts lines, because only an error needs a line
/// number and `CSVFault` works it out from the offset then.
struct CSVParser {
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    let base: UnsafePointer<UInt8>
    let count: Int
    /// First byte after the byte order mark, if any.
    let start: Int
    let separator: UInt8
    /// Where a field with doubled quotes is collapsed before decoding; reused by every such field.
    private var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int, start: Int) {
        self.base = base
        self.count = count
        self.start = start
        self.separator = CSVParser.detectSeparator(base: base, count: count, start: start)
    }

    /// Semicolon when the header line holds one and no comma outside quotes; otherwise comma.
    static func detectSeparator(base: UnsafePointer<UInt8>, count: Int, start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < count {
            let c = base[i]
            if c == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == lf { break }
                if c == UInt8(ascii: ",") { commas += 1 } else if c == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > 0 && commas == 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    // MARK: Fields

    /// True when the byte at `i` ends an unquoted field: the separator, LF, or a CR that begins a
    /// CRLF or ends the file (a lone CR elsewhere is data).
    @inline(__always)
    func isFieldEnd(_ i: Int) -> Bool {
        let c = base[i]
        if c == separator || c == CSVParser.lf { return true }
        return c == CSVParser.cr && (i + 1 == count || base[i + 1] == CSVParser.lf)
    }

    /// Scans the field starting at `i` and leaves `i` on what follows it: a separator, a line break
    /// or the end of the bytes.
    @inline(__always)
    func scanField(_ i: inout Int) throws(CSVFault) -> CSVField {
        if i < count && base[i] == CSVParser.quote {
            let open = i
            i += 1
            let fieldStart = i
            var escaped = false
            while true {
                i = nextQuote(from: i)
                guard i < count else { throw .unterminatedQuote(at: open) }
                if i + 1 < count && base[i + 1] == CSVParser.quote {
                    escaped = true
                    i += 2
                    continue
                }
                break
            }
            let fieldEnd = i
            i += 1
            if i < count && !isFieldEnd(i) { throw .textAfterQuote(at: i) }
            return CSVField(start: fieldStart, end: fieldEnd, escaped: escaped)
        }
        let fieldStart = i
        i = unquotedFieldEnd(from: i)
        return CSVField(start: fieldStart, end: i, escaped: false)
    }

    // Most of the time goes into finding where a field ends, so both searches test eight bytes at
    // once: XOR-ing a word with a byte repeated eight times zeroes the bytes equal to it, and
    // `(x - 0x01…01) & ~x & 0x80…80` marks zero bytes. Marks above the first zero byte can be
    // wrong (a borrow), but the lowest one never is, and only the lowest is used.
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

    @inline(__always)
    private func word(at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }

    /// Offset of the first separator, LF or line-ending CR at or after `i`, or `count`.
    @inline(__always)
    func unquotedFieldEnd(from offset: Int) -> Int {
        var i = offset
        let separators = UInt64(separator) &* CSVParser.ones
        let lfs = UInt64(CSVParser.lf) &* CSVParser.ones
        let crs = UInt64(CSVParser.cr) &* CSVParser.ones
        while i + 8 <= count {
            let w = word(at: i)
            let marks = CSVParser.zeroBytes(w ^ separators) | CSVParser.zeroBytes(w ^ lfs) | CSVParser.zeroBytes(w ^ crs)
            if marks == 0 {
                i += 8
                continue
            }
            i += marks.trailingZeroBitCount >> 3
            if isFieldEnd(i) { return i }
            i += 1  // a lone CR is data
        }
        while i < count && !isFieldEnd(i) { i += 1 }
        return i
    }

    /// Offset of the first quote at or after `i`, or `count`.
    @inline(__always)
    func nextQuote(from offset: Int) -> Int {
        var i = offset
        let quotes = UInt64(CSVParser.quote) &* CSVParser.ones
        while i + 8 <= count {
            let marks = CSVParser.zeroBytes(word(at: i) ^ quotes)
            if marks != 0 { return i + marks.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < count && base[i] != CSVParser.quote { i += 1 }
        return i
    }

    /// Steps over what ends a field. True when a separator was passed (another field follows on
    /// the row), false at a line break (passed too) or at the end of the bytes.
    @inline(__always)
    func passFieldEnd(_ i: inout Int) -> Bool {
        guard i < count else { return false }
        if base[i] == separator {
            i += 1
            return true
        }
        if base[i] == CSVParser.cr { i += 1 }
        if i < count && base[i] == CSVParser.lf { i += 1 }
        return false
    }

    /// Calls `body` with the field's bytes, doubled quotes collapsed.
    @inline(__always)
    mutating func withBytes<R>(of field: CSVField, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        guard field.escaped else { return body(base + field.start, field.end - field.start) }
        CSVParser.collapseQuotes(base, field, into: &scratch)
        return scratch.withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
    }

    /// Copies a quoted field's content into `buffer`, writing each `""` as one quote.
    static func collapseQuotes(_ base: UnsafePointer<UInt8>, _ field: CSVField, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var i = field.start
        while i < field.end {
            let c = base[i]
            buffer.append(c)
            // Inside a quoted field every quote comes doubled, or the field would have ended there.
            i += c == quote ? 2 : 1
        }
    }

    // MARK: Rows

    /// The column names of the first line, where each starts, and where the data rows start.
    mutating func readHeader() throws(CSVFault) -> (names: [String], offsets: [Int], dataStart: Int) {
        var i = start
        var onlySpace = true
        for j in start..<count where ![0x20, 0x09, 0x0A, 0x0D].contains(base[j]) {
            onlySpace = false
            break
        }
        if onlySpace { throw .empty }
        if base[i] == CSVParser.lf || (base[i] == CSVParser.cr && i + 1 < count && base[i + 1] == CSVParser.lf) {
            throw .blankHeader
        }
        var names: [String] = []
        var offsets: [Int] = []
        repeat {
            let fieldAt = i
            let field = try scanField(&i)
            let decoded = withBytes(of: field) { p, n in String(validating: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
            guard let text = decoded else {
                throw .invalidUTF8(at: field.start + CSVParser.firstInvalidUTF8(base + field.start, field.end - field.start))
            }
            let name = text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMappingPortable
            guard !name.isEmpty else { throw .unnamedColumn(at: fieldAt, index: names.count + 1) }
            if let earlier = names.firstIndex(of: name) {
                throw .duplicateColumn(name, at: fieldAt, first: earlier + 1, second: names.count + 1)
            }
            names.append(name)
            offsets.append(fieldAt)
        } while passFieldEnd(&i)
        return (names, offsets, i)
    }

    /// Average bytes per line over the first 64 KiB from `offset`, to guess how many rows a stretch
    /// of the file holds so column arrays can reserve room once instead of growing by doubling.
    func bytesPerLine(from offset: Int) -> Double {
        let sampleEnd = min(count, offset + 65_536)
        var lines = 0
        for i in offset..<max(offset, sampleEnd) where base[i] == CSVParser.lf { lines += 1 }
        return lines == 0 ? Double(max(1, sampleEnd - offset)) : Double(sampleEnd - offset) / Double(lines)
    }

    /// Offsets where `parts` stretches of rows start, the first at `offset`: each stretch begins
    /// after the first line break past an even share of the bytes that lies outside quotes. Some
    /// may coincide (a stretch inside one long quoted field is empty).
    ///
    /// Inside quotes or not is known from the parity of the quotes before a point, since a doubled
    /// quote counts twice; the quotes of each share are counted in parallel. A quote in the middle
    /// of an unquoted field breaks the parity, so the reader checks that each stretch ends exactly
    /// where the next begins.
    func rowStretches(from offset: Int, parts: Int) -> [Int] {
        guard parts > 1 else { return [offset] }
        let shares = (0..<parts).map { offset + (count - offset) * $0 / parts }
        let quoteCounts = Parallel.map(parts) { j in countQuotes(shares[j], j + 1 < parts ? shares[j + 1] : count) }
        var starts = [offset]
        var parity = 0
        for j in 1..<parts {
            parity ^= quoteCounts[j - 1] & 1
            var inQuotes = parity == 1
            var i = shares[j]
            var start = count
            while i < count {
                let c = base[i]
                if c == CSVParser.quote {
                    inQuotes.toggle()
                } else if c == CSVParser.lf && !inQuotes {
                    start = i + 1
                    break
                }
                i += 1
            }
            starts.append(max(start, starts[j - 1]))
        }
        return starts
    }

    /// The number of quote bytes in `from..<to`, eight bytes a step. Unlike `zeroBytes`, the test
    /// here is exact in every byte: `~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)` has the top bit of
    /// exactly the zero bytes set, so their count is a population count.
    func countQuotes(_ from: Int, _ to: Int) -> Int {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let quotes = UInt64(CSVParser.quote) &* CSVParser.ones
        var i = from, n = 0
        while i + 8 <= to {
            let x = word(at: i) ^ quotes
            n += (~(((x & lows) &+ lows) | x | lows)).nonzeroBitCount
            i += 8
        }
        while i < to {
            if base[i] == CSVParser.quote { n += 1 }
            i += 1
        }
        return n
    }

    /// Offset (within the `n` bytes at `p`) of the first byte that does not begin valid UTF-8.
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var iterator = UnsafeBufferPointer(start: p, count: n).makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return n
            case .error: return offset
            }
        }
    }
}
