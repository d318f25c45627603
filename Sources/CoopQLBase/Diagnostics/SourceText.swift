/// A piece of CoopQL source: its name (a file path or `<command>`), its text, and the means to turn a
/// byte offset into a line and a column as a person counts them.
///
/// The text is NFC-normalised on the way in, so "hoà" typed with combining marks and "hoà" stored
/// precomposed are the same identifier or string. Offsets everywhere in the library are UTF-8 byte
/// offsets into this normalised text; only `location(of:)` turns them into line:column.
public struct SourceText: Sendable {
    /// What messages call the text: a file path, or a name such as `<query>`.
    public let name: String
    /// The text itself (NFC-normalised).
    public let text: String
    /// The UTF-8 bytes of `text`, kept as an array so the lexer can index them directly.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Source text with a name for messages.
    public init(name: String, text: String) {
        self.name = name
        let normalised = text.precomposedStringWithCanonicalMappingPortable
        self.text = normalised
        self.bytes = Array(normalised.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// Reads raw file bytes as source. Invalid UTF-8 or a NUL byte (a binary file) is an error that
    /// names the first bad byte's position.
    public static func decode(name: String, bytes raw: [UInt8]) throws(Diagnostic) -> SourceText {
        var line = 1, lineStart = 0
        var index = 0
        var iterator = raw.makeIterator()
        var decoder = UTF8()
        var scalarStart = 0
        loop: while true {
            scalarStart = index
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                index += UTF8.width(scalar)
                if scalar == "\0" {
                    throw binaryError(name: name, line: line, column: scalarStart - lineStart + 1, what: "a NUL byte")
                }
                if scalar == "\n" { line += 1; lineStart = index }
            case .emptyInput:
                break loop
            case .error:
                throw binaryError(name: name, line: line, column: scalarStart - lineStart + 1, what: "a byte that is not UTF-8")
            }
        }
        var text = String(decoding: raw, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return SourceText(name: name, text: text)
    }

    private static func binaryError(name: String, line: Int, column: Int, what: String) -> Diagnostic {
        Diagnostic(.syntax, "this is not CoopQL source text: it holds \(what)",
                   in: SourceText(name: name, text: ""),
                   hint: "CoopQL scripts are UTF-8 text files; is this a data file or a program?",
                   fallbackLocation: (line, column))
    }

    /// Line (1-based) and column (1-based, in characters as a person sees them) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let lineIndex = lineIndex(of: clamped)
        let start = lineStarts[lineIndex]
        let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
        return (lineIndex + 1, prefix.count + 1)
    }

    /// Index (0-based) of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The text of line `number` (1-based), without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text covered by a span.
    public func slice(_ span: Span) -> String {
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// A half-open range of UTF-8 byte offsets into a `SourceText`.
public struct Span: Sendable, Hashable {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset just past the last byte.
    public var end: Int
    /// The bytes from `start` up to `end`.
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    /// An empty span at the start, for things with no place of their own.
    public static let none = Span(0, 0)
    /// The smallest span covering both.
    public func to(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }
}
