import CoopQLBase

/// What scanning a file gave: its table, its columns as planned, the rows it left out, and how to
/// find its rows again.
struct ScannedFile {
    var table: Table
    var plan: ColumnPlan
    var problems: [RowProblem]
    var locator: RowLocator
    /// What the reader left out or read a particular way, to tell the user (title rows, a totals
    /// row, a column read as text because its numbers disagree).
    var notices: [Diagnostic] = []
}

/// Where a cell lies in a file: its row's start and the value's bytes (quotes included).
struct FieldPlace {
    var rowStart: Int
    var start: Int
    var end: Int
}

/// Finds the rows of a loaded table again in the file they came from, to place problems found
/// once the table is whole (a repeated key, a reference to nothing). The load keeps no position
/// per row, so CSV rows are found by reading the file again up to the last one wanted; JSON keeps
/// each object's start, since its reader is not the fast path.
struct RowLocator {
    enum Layout {
        /// Rows from `dataStart`, passing over blank lines and the rows left out.
        case csv(dataStart: Int, skipped: [Int])
        /// Where each object taken as a row starts.
        case json(objectStarts: [Int])
    }

    let layout: Layout
    /// For each table row, its index among the rows first taken; nil while they are the same.
    private(set) var takenRow: [Int]?

    init(_ layout: Layout) { self.layout = layout }

    /// Follows the table keeping only rows `kept` (in order).
    mutating func keep(_ kept: [Int32]) {
        let old = takenRow
        takenRow = kept.map { old?[Int($0)] ?? Int($0) }
    }

    /// Where column `column` (named `name`) of each of the table rows `rows` lies, by table row.
    func places(of rows: [Int], column: Int, name: String, in bytes: [UInt8]) -> [Int: FieldPlace] {
        var tableRowOf: [Int: Int] = [:]
        for row in rows { tableRowOf[takenRow?[row] ?? row] = row }
        switch layout {
        case .csv(let dataStart, let skipped):
            return RowLocator.csvPlaces(tableRowOf, column: column, bytes: bytes, dataStart: dataStart, skipped: skipped)
        case .json(let objectStarts):
            var result: [Int: FieldPlace] = [:]
            for (taken, row) in tableRowOf where taken < objectStarts.count {
                result[row] = RowLocator.jsonPlace(objectStarts[taken], key: name, bytes: bytes)
            }
            return result
        }
    }

    private static func csvPlaces(_ wanted: [Int: Int], column: Int, bytes: [UInt8], dataStart: Int,
                                  skipped: [Int]) -> [Int: FieldPlace] {
        var result: [Int: FieldPlace] = [:]
        guard let last = wanted.keys.max() else { return result }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let parser = CSVParser(base: base, count: buffer.count, start: DataFiles.hasByteOrderMark(bytes) ? 3 : 0)
            var i = dataStart, taken = 0, nextSkipped = 0
            while i < buffer.count && taken <= last {
                let c = base[i]
                if c == CSVParser.lf || (c == CSVParser.cr && (i + 1 == buffer.count || base[i + 1] == CSVParser.lf)) {
                    i += 1
                    continue
                }
                let rowStart = i
                var index = 0
                var place: FieldPlace? = nil
                repeat {
                    // The file was read whole before, so it scans cleanly again.
                    guard let field = try? parser.scanField(&i) else { return }
                    if index == column {
                        let (start, end) = parser.span(of: field)
                        place = FieldPlace(rowStart: rowStart, start: start, end: end)
                    }
                    index += 1
                } while parser.passFieldEnd(&i)
                if nextSkipped < skipped.count, skipped[nextSkipped] == rowStart {
                    nextSkipped += 1
                    continue
                }
                if let row = wanted[taken], let place { result[row] = place }
                taken += 1
            }
        }
        return result
    }

    /// The value of key `name` in the object starting at `objectStart`; the object's `{` when it
    /// has no such key.
    private static func jsonPlace(_ objectStart: Int, key name: String, bytes: [UInt8]) -> FieldPlace {
        let missing = FieldPlace(rowStart: objectStart, start: objectStart, end: objectStart + 1)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return missing }
            var s = JSONScanner(base: base, count: buffer.count, at: objectStart + 1)
            var scratch: [UInt8] = []
            while true {
                s.skipSpace()
                guard !s.atEnd, s.byte == JSONScanner.quote, let key = try? s.string() else { return missing }
                s.skipSpace()
                guard (try? s.expect(UInt8(ascii: ":"), ":")) != nil else { return missing }
                s.skipSpace()
                guard let value = try? s.value() else { return missing }
                let raw: [UInt8]
                if key.escaped {
                    guard JSONScanner.unescape(base, key, into: &scratch) == nil else { return missing }
                    raw = scratch
                } else {
                    raw = Array(buffer[key.start..<key.end])
                }
                if String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMappingPortable == name {
                    let (start, end) = value.span
                    return FieldPlace(rowStart: objectStart, start: start, end: end)
                }
                s.skipSpace()
                guard !s.atEnd, s.byte == UInt8(ascii: ",") else { return missing }
                s.i += 1
            }
        }
    }
}

extension DataLines {
    /// The value at a place as written, without its quotes (a CSV field's doubled quotes as one).
    func value(at place: FieldPlace) -> String {
        var start = place.start, end = place.end
        if end - start >= 2, bytes[start] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") {
            start += 1
            end -= 1
            return text(start, end).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return text(start, end)
    }
}
