import CoopQL
import Foundation

/// One CSV file being written: bytes gather in a reusable buffer that is flushed to the file each
/// time it passes a megabyte. Fields are formatted by hand, straight into the buffer (no
/// `String` per field, no formatters), which is what keeps the national data set fast.
///
/// The format is what `CSVReader` reads: comma-separated, LF line ends, an empty field for null,
/// RFC 4180 quotes only around text that holds a comma, a quote or a line break.
struct SampleSink {
    let path: String
    private let handle: FileHandle
    var buffer: [UInt8] = []
    private(set) var rows = 0
    private(set) var bytesWritten = 0
    /// The first write error; later writes are skipped and `close` reports it.
    private var failure: String?

    private static let flushAt = 1 << 20
    static let comma = UInt8(ascii: ",")
    static let newline = UInt8(ascii: "\n")
    static let quote = UInt8(ascii: "\"")

    init(path: String, header: [String]) throws(Diagnostic) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw Diagnostic(.data, "cannot create `\(path)`", hint: "check that the folder exists and is writable")
        }
        self.handle = handle
        buffer.reserveCapacity(SampleSink.flushAt + 4096)
        for (i, name) in header.enumerated() {
            if i > 0 { buffer.append(SampleSink.comma) }
            text(name)
        }
        buffer.append(SampleSink.newline)
    }

    // MARK: Fields. Each writes its value; callers put the commas and end the row.

    @inline(__always) mutating func comma() { buffer.append(SampleSink.comma) }

    /// Ends a row, flushing the buffer when it is full.
    @inline(__always) mutating func endRow() {
        buffer.append(SampleSink.newline)
        rows += 1
        if buffer.count >= SampleSink.flushAt { flush() }
    }

    /// A whole number, digits written right to left into space reserved for them.
    @inline(__always) mutating func int(_ value: Int) {
        var v = value
        if v < 0 {
            buffer.append(UInt8(ascii: "-"))
            // Int.min has no positive counterpart; the generator never writes it.
            v = -v
        }
        var digits = 1, rest = v
        while rest >= 10 { rest /= 10; digits += 1 }
        let start = buffer.count
        for _ in 0..<digits { buffer.append(0) }
        var i = start + digits - 1
        repeat {
            buffer[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
            v /= 10
            i -= 1
        } while v > 0
    }

    /// `YYYY-MM-DD` for a day number (days since 1970-01-01).
    @inline(__always) mutating func date(_ day: Int32) {
        let (y, m, d) = Day(number: day).components
        buffer.append(UInt8(truncatingIfNeeded: 48 + y / 1000))
        buffer.append(UInt8(truncatingIfNeeded: 48 + y / 100 % 10))
        buffer.append(UInt8(truncatingIfNeeded: 48 + y / 10 % 10))
        buffer.append(UInt8(truncatingIfNeeded: 48 + y % 10))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(UInt8(truncatingIfNeeded: 48 + m / 10))
        buffer.append(UInt8(truncatingIfNeeded: 48 + m % 10))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(UInt8(truncatingIfNeeded: 48 + d / 10))
        buffer.append(UInt8(truncatingIfNeeded: 48 + d % 10))
    }

    /// A nullable date: nothing for null.
    @inline(__always) mutating func date(_ day: Int32?) {
        if let day { date(day) }
    }

    @inline(__always) mutating func bool(_ value: Bool) {
        buffer.append(contentsOf: value ? SampleSink.trueBytes : SampleSink.falseBytes)
    }
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// Bytes known to need no quotes (codes, prepared names).
    @inline(__always) mutating func raw(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Text, quoted when it holds a comma, a quote or a line break; nothing for null.
    mutating func text(_ value: String?) {
        guard let value else { return }
        var needsQuotes = false
        for b in value.utf8 where b == SampleSink.comma || b == SampleSink.quote || b == 10 || b == 13 {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            buffer.append(contentsOf: value.utf8)
            return
        }
        buffer.append(SampleSink.quote)
        for b in value.utf8 {
            if b == SampleSink.quote { buffer.append(SampleSink.quote) }
            buffer.append(b)
        }
        buffer.append(SampleSink.quote)
    }

    // MARK: Output

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            do {
                try buffer.withUnsafeBytes { try handle.write(contentsOf: $0) }
                bytesWritten += buffer.count
            } catch {
                failure = "\(error.localizedDescription)"
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; throws the first write error, if any.
    mutating func close() throws(Diagnostic) {
        flush()
        do { try handle.close() } catch { if failure == nil { failure = "\(error.localizedDescription)" } }
        if let failure {
            throw Diagnostic(.data, "cannot write `\(path)`: \(failure)", hint: "check the free space and the folder's permissions")
        }
    }
}
