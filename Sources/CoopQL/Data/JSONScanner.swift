/// A byte-level JSON tokenizer over a whole file, for the loader: it hands out values as byte
/// ranges and builds no objects, so a string's bytes go straight to a column (decoded only when
/// they hold escapes). Positions are byte offsets; `DataLines` turns the one that fails into a
/// line and column. Hand-written rather than JSONSerialization for speed (no `Any` per value) and
/// because that reports no position for a bad file.
///
/// It follows RFC 8259, except that a byte order mark is allowed at the start.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    var i: Int
    /// Whether a line feed counts as space between tokens; not in a JSON Lines file, where it
    /// ends the object's line.
    var lineBreaksAreSpace = true

    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")

    enum Kind { case string, number, literal, null, object, array }

    /// One value. For a string, `start..<end` is what lies between the quotes; for the others,
    /// the value's own bytes (an object or array is skipped whole).
    struct Token {
        var kind: Kind
        var start: Int
        var end: Int
        /// A string holding escapes, which `unescape` decodes.
        var escaped: Bool

        /// Where the value starts and ends in the file, quotes included.
        var span: (start: Int, end: Int) { kind == .string ? (start - 1, end + 1) : (start, end) }
    }

    init(base: UnsafePointer<UInt8>, count: Int, at start: Int) {
        self.base = base
        self.count = count
        self.i = start
    }

    var atEnd: Bool { i >= count }
    var byte: UInt8 { base[i] }

    /// Skips spaces, tabs, CRs and (unless `lineBreaksAreSpace` is off) line feeds.
    @inline(__always)
    mutating func skipSpace() {
        while i < count {
            let c = base[i]
            guard c == 0x20 || c == 0x0D || c == 0x09 || (c == 0x0A && lineBreaksAreSpace) else { return }
            i += 1
        }
    }

    /// Steps over `c`, or fails saying what was expected there.
    @inline(__always)
    mutating func expect(_ c: UInt8, _ what: String) throws(JSONFault) {
        guard i < count, base[i] == c else { throw .unexpected(at: i, expected: what) }
        i += 1
    }

    // MARK: - Values

    /// The value at the current position; objects and arrays are checked and skipped whole.
    mutating func value() throws(JSONFault) -> Token {
        guard i < count else { throw .unexpected(at: i, expected: "a value") }
        let c = base[i]
        switch c {
        case JSONScanner.quote:
            return try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "t"):
            return try literal("true", .literal)
        case UInt8(ascii: "f"):
            return try literal("false", .literal)
        case UInt8(ascii: "n"):
            return try literal("null", .null)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = i
            try skipContainer()
            return Token(kind: c == UInt8(ascii: "{") ? .object : .array, start: start, end: i, escaped: false)
        default:
            throw .unexpected(at: i, expected: "a value")
        }
    }

    /// A string, the current byte its opening quote. Escapes are checked, not decoded.
    mutating func string() throws(JSONFault) -> Token {
        let open = i
        i += 1
        let start = i
        var escaped = false
        while true {
            guard i < count else { throw .unterminatedString(at: open) }
            let c = base[i]
            if c == JSONScanner.quote { break }
            if c == JSONScanner.backslash {
                escaped = true
                guard i + 1 < count else { throw .unterminatedString(at: open) }
                switch base[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 5 < count, (2...5).allSatisfy({ JSONScanner.hex(base[i + $0]) != nil }) else {
                        throw .badEscape(at: i)
                    }
                    i += 6
                default:
                    throw .badEscape(at: i)
                }
                continue
            }
            if c < 0x20 { throw .controlCharacter(at: i) }
            i += 1
        }
        let end = i
        i += 1
        return Token(kind: .string, start: start, end: end, escaped: escaped)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() throws(JSONFault) -> Token {
        let start = i
        @inline(__always) func digits(_ s: inout JSONScanner) -> Int {
            let from = s.i
            while s.i < s.count, s.base[s.i] &- UInt8(ascii: "0") <= 9 { s.i += 1 }
            return s.i - from
        }
        if base[i] == UInt8(ascii: "-") { i += 1 }
        let whole = i
        guard digits(&self) > 0 else { throw .badNumber(at: start) }
        if base[whole] == UInt8(ascii: "0"), i - whole > 1 { throw .badNumber(at: start) }
        if i < count, base[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw .badNumber(at: start) }
        }
        if i < count, base[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < count, base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw .badNumber(at: start) }
        }
        return Token(kind: .number, start: start, end: i, escaped: false)
    }

    private mutating func literal(_ word: StaticString, _ kind: Kind) throws(JSONFault) -> Token {
        let n = word.utf8CodeUnitCount
        guard i + n <= count, (0..<n).allSatisfy({ base[i + $0] == word.utf8Start[$0] }) else {
            throw .unexpected(at: i, expected: "a value")
        }
        let start = i
        i += n
        return Token(kind: kind, start: start, end: i, escaped: false)
    }

    /// Checks and skips an object or array, the current byte its opening bracket. Iterative, so
    /// deep nesting cannot exhaust the stack.
    private mutating func skipContainer() throws(JSONFault) {
        var closers: [UInt8] = []
        var expectingValue = true
        while true {
            if expectingValue {
                skipSpace()
                guard i < count else { throw .unexpected(at: i, expected: "a value") }
                let c = base[i]
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    let closer = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    closers.append(closer)
                    i += 1
                    skipSpace()
                    if i < count, base[i] == closer {
                        i += 1
                        closers.removeLast()
                        expectingValue = false
                        if closers.isEmpty { return }
                        continue
                    }
                    if closer == UInt8(ascii: "}") { try key() }
                    continue
                }
                _ = try value()
                expectingValue = false
            }
            skipSpace()
            guard let closer = closers.last else { return }
            guard i < count else { throw .unexpected(at: i, expected: "`,` or `\(Character(Unicode.Scalar(closer)))`") }
            if base[i] == UInt8(ascii: ",") {
                i += 1
                if closer == UInt8(ascii: "}") { skipSpace(); try key() }
                expectingValue = true
            } else if base[i] == closer {
                i += 1
                closers.removeLast()
                if closers.isEmpty { return }
            } else {
                throw .unexpected(at: i, expected: "`,` or `\(Character(Unicode.Scalar(closer)))`")
            }
        }
    }

    /// A key and its colon, inside a skipped object.
    private mutating func key() throws(JSONFault) {
        guard i < count, base[i] == JSONScanner.quote else { throw .unexpected(at: i, expected: "a key in double quotes") }
        _ = try string()
        skipSpace()
        try expect(UInt8(ascii: ":"), "`:` after the key")
    }

    // MARK: - Decoding strings

    static func hex(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A string token's content with its escapes decoded, into `out`; the offset of a `\u`
    /// escape that names half a surrogate pair alone, if one does.
    static func unescape(_ base: UnsafePointer<UInt8>, _ token: Token, into out: inout [UInt8]) -> Int? {
        out.removeAll(keepingCapacity: true)
        var i = token.start
        func code(at j: Int) -> UInt32 {
            (1...4).reduce(UInt32(0)) { $0 << 4 | hex(base[j + 1 + $1])! }
        }
        while i < token.end {
            let c = base[i]
            guard c == backslash else { out.append(c); i += 1; continue }
            let e = base[i + 1]
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = code(at: i)
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard i + 11 < token.end, base[i + 6] == backslash, base[i + 7] == UInt8(ascii: "u") else { return i }
                    let low = code(at: i + 6)
                    guard (0xDC00..<0xE000).contains(low) else { return i }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00..<0xE000).contains(scalar) {
                    return i
                }
                out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
                i += 6
                continue
            default: out.append(e)  // \" \\ \/
            }
            i += 2
        }
        return nil
    }
}
