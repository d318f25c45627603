extension CSVParser {
    /// Scans the data rows that start at `offset` or later but before `limit` into the columns
    /// of `set`, field k of each row going to builder k. A row that starts before `limit` is read
    /// to its end. Rows starting at an offset in `passOver` (in order) are passed over.
    ///
    /// A row whose field count differs from the header's, or with a value a declared column
    /// refuses, is not taken: strictly, reading stops there; leniently, it is left out and
    /// reading goes on. Either way the problem is in the result. Only faults in the form of the
    /// file (and bytes that are not UTF-8) are thrown.
    mutating func readRows(from offset: Int, upTo limit: Int, into set: inout ColumnSet,
                           lenient: Bool, passOver: [Int] = []) throws(CSVFault) -> RowsRead {
        if lenient || !passOver.isEmpty {
            return try readWholeRows(from: offset, upTo: limit, into: &set, lenient: lenient, passOver: passOver)
        }
        return try readRowsStrictly(from: offset, upTo: limit, into: &set)
    }

    /// The strict read: each field goes to its column as soon as it is found, since the first
    /// refused row ends the load and no row need be taken back. This is the fast path.
    private mutating func readRowsStrictly(from offset: Int, upTo limit: Int,
                                           into set: inout ColumnSet) throws(CSVFault) -> RowsRead {
        var read = RowsRead(end: offset)
        // The builders are reached through a buffer pointer: no bounds or uniqueness checks per field.
        try set.builders.withUnsafeMutableBufferPointer { (builders) throws(CSVFault) in
            let width = builders.count
            var i = offset
            rows: while i < limit {
                // A blank line holds no row; skipping it also drops trailing blank lines.
                if isLineBreak(at: i) {
                    i += 1
                    continue
                }
                let rowStart = i
                var index = 0
                repeat {
                    let field = try scanField(&i)
                    if index < width, let problem = withBytes(of: field, { builders[index].add($0, $1, .csv) }) {
                        if problem == .invalidUTF8 { throw invalidUTF8(in: field) }
                        read.refuse(refusal(problem, field, column: index, rowStart: rowStart))
                        break rows
                    }
                    index += 1
                } while passFieldEnd(&i)
                guard index == width else {
                    read.refuse(RowProblem(reason: .fieldCount(found: index, expected: width), rowStart: rowStart, at: rowStart, end: rowStart))
                    break
                }
                read.rows += 1
            }
            read.end = i
        }
        return read
    }

    /// The lenient read (and any read passing over rows): a row's fields are all found before
    /// any is added, declared columns first, so a refused row can be taken back whole before an
    /// inferred column (whose type may have moved) has seen it.
    private mutating func readWholeRows(from offset: Int, upTo limit: Int, into set: inout ColumnSet,
                                        lenient: Bool, passOver: [Int]) throws(CSVFault) -> RowsRead {
        var read = RowsRead(end: offset)
        let width = set.builders.count
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: max(1, width))
        defer { fields.deallocate() }
        let checked = set.checked, unchecked = set.unchecked
        try set.builders.withUnsafeMutableBufferPointer { (builders) throws(CSVFault) in
            var i = offset
            var nextPassOver = 0
            while i < limit {
                // A blank line holds no row; skipping it also drops trailing blank lines.
                if isLineBreak(at: i) {
                    i += 1
                    continue
                }
                let rowStart = i
                var index = 0
                repeat {
                    let field = try scanField(&i)
                    if index < width { fields[index] = field }
                    index += 1
                } while passFieldEnd(&i)
                if nextPassOver < passOver.count, passOver[nextPassOver] == rowStart {
                    nextPassOver += 1
                    continue
                }
                guard index == width else {
                    read.refuse(RowProblem(reason: .fieldCount(found: index, expected: width), rowStart: rowStart, at: rowStart, end: rowStart))
                    if lenient { continue }
                    break
                }
                var refused = false
                for k in checked.indices {
                    let column = checked[k]
                    let field = fields[column]
                    guard let problem = withBytes(of: field, { builders[column].add($0, $1, .csv) }) else { continue }
                    if problem == .invalidUTF8 { throw invalidUTF8(in: field) }
                    for j in 0..<k { builders[checked[j]].removeLast() }
                    read.refuse(refusal(problem, field, column: column, rowStart: rowStart))
                    refused = true
                    break
                }
                // An inferred column cannot take a cell back, so a number too large for one is
                // found before any cell of the row is added: the row is refused whole.
                for column in unchecked {
                    let field = fields[column]
                    guard !refused, withBytes(of: field, { builders[column].isOversized($0, $1, .csv) }) else { continue }
                    for j in checked.indices { builders[checked[j]].removeLast() }
                    read.refuse(refusal(.tooLarge, field, column: column, rowStart: rowStart))
                    refused = true
                }
                if refused {
                    if lenient { continue }
                    break
                }
                for column in unchecked {
                    let field = fields[column]
                    if withBytes(of: field, { builders[column].add($0, $1, .csv) }) != nil { throw invalidUTF8(in: field) }
                }
                read.rows += 1
            }
            read.end = i
        }
        return read
    }

    /// The problem of a refused field, placed at the field (its quotes included).
    private mutating func refusal(_ problem: CellProblem, _ field: CSVField, column: Int, rowStart: Int) -> RowProblem {
        let value = withBytes(of: field) { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) }
        let (at, end) = span(of: field)
        return RowProblem(reason: .cell(column: column, problem, value: value), rowStart: rowStart, at: at, end: end)
    }

    /// The fault for a field holding bytes that are not UTF-8. Doubled quotes are ASCII, so the
    /// first bad byte of the raw field is the one to show.
    private func invalidUTF8(in field: CSVField) -> CSVFault {
        .invalidUTF8(at: field.start + CSVParser.firstInvalidUTF8(base + field.start, field.end - field.start))
    }

    /// Where a field lies in the file, its quotes included.
    func span(of field: CSVField) -> (start: Int, end: Int) {
        let quoted = field.start > start && base[field.start - 1] == CSVParser.quote
            && field.end < count && base[field.end] == CSVParser.quote
        return quoted ? (field.start - 1, field.end + 1) : (field.start, field.end)
    }

    /// Whether a line break (LF, or CR before LF or the end) starts at `i`: there, a line is blank.
    @inline(__always) func isLineBreak(at i: Int) -> Bool {
        let c = base[i]
        return c == CSVParser.lf || (c == CSVParser.cr && (i + 1 == count || base[i + 1] == CSVParser.lf))
    }
}
