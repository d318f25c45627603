import CoopQLBase

/// The lines of a data file, found only when a problem needs placing: loading never counts lines.
/// Turns byte offsets into `.data` diagnostics that print as `file:line:column:` with the line
/// shown and the offending value marked, the way `DiagnosticRenderer` shows a script's line.
///
/// Lines are counted by LF (a line break inside a quoted field starts a new one); columns count
/// characters from the line's start, a byte order mark not counted, both from 1.
final class DataLines {
    let bytes: [UInt8]
    /// What messages call the file (its path).
    let name: String
    private lazy var starts: [Int] = findStarts()

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    /// Where line 1 starts: after the byte order mark, if any.
    private var firstStart: Int { DataFiles.hasByteOrderMark(bytes) ? 3 : 0 }

    private func findStarts() -> [Int] {
        var result = [firstStart]
        bytes.withUnsafeBufferPointer { b in
            for i in firstStart..<b.count where b[i] == UInt8(ascii: "\n") { result.append(i + 1) }
        }
        return result
    }

    /// The line (from 1) holding the byte at `offset`.
    func line(of offset: Int) -> Int {
        // The last line start at or before the offset.
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column (both from 1) of a byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(firstStart, min(offset, bytes.count))
        let line = line(of: clamped)
        return (line, characters(starts[line - 1], clamped) + 1)
    }

    /// The bytes `from..<to` as text, however broken.
    func text(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, bytes.count)), b = max(a, min(to, bytes.count))
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }

    private func characters(_ from: Int, _ to: Int) -> Int { text(from, to).count }

    /// Where a line's text ends: before its LF, or CRLF.
    private func lineEnd(_ line: Int) -> Int {
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > starts[line - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// A `.data` diagnostic placed at `offset`, the line shown and `offset..<end` marked (at least
    /// one character, at most to the end of the line). Very long lines (a JSON file on one line)
    /// are shown cut short after the mark, or not at all when the mark lies far along.
    func diagnostic(_ message: String, at offset: Int, end: Int? = nil,
                    suggestion: String? = nil, hint: String? = nil) -> Diagnostic {
        let (line, column) = location(of: offset)
        var d = Diagnostic(.data, message, in: SourceText(name: name, text: ""),
                           suggestion: suggestion, hint: hint, fallbackLocation: (line, column))
        let start = starts[line - 1], stop = lineEnd(line)
        let markEnd = max(min(end ?? offset, stop), min(offset, stop))
        let width = max(1, characters(min(offset, stop), markEnd))
        if column <= 240 {
            let shownEnd = min(stop, markEnd + 240)
            var shown = text(start, shownEnd)
            if shownEnd < stop { shown += "…" }
            d.excerpt = (shown, width)
        }
        return d
    }
}
