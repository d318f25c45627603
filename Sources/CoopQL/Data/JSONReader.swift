/// Reads a JSON file (one array of objects) or a JSON Lines file (one object per line) into
/// column builders, one object a row:
/// - Keys name the columns: the union of every object's keys, in order of first appearance,
///   NFC-normalised. A missing key or `null` is null, and so is an empty string, as in CSV.
/// - In a column the schema declares, strings, numbers and `true`/`false` become cells of the
///   declared type as CSV fields do (a date is a string, `"1.915"` may fill an int column), a JSON
///   number read in JSON's notation only. In any other column JSON's own types count: numbers are
///   int or decimal, `true`/`false` bool, a string a date if it is one and text otherwise (so
///   `"0912345678"` keeps its zero). An object or array cannot be a cell.
/// - A column the schema declares is checked as in CSV (see `ColumnBuilder`); a missing key in
///   such a column counts as null.
///
/// Like the CSV reader it makes a second pass for an inferred column that turned out text after
/// holding other values (`rereading`), passing over the objects left out in the first.
struct JSONReader {
    private var scanner: JSONScanner
    private(set) var plan: ColumnPlan
    private(set) var builders: [ColumnBuilder] = []
    /// Declared columns, in schema order: their cells are taken first and may be refused.
    private var checked: [Int] = []
    /// The other columns being read, in order of first appearance.
    private var unchecked: [Int] = []
    /// Columns in order of their key's first appearance.
    private(set) var order: [Int] = []
    private var seen: [Bool] = []
    private var columnOfKey: [String: Int] = [:]
    private var nameBytes: [[UInt8]] = []
    /// The column the key at each position of the last object named; usually the next one's too,
    /// so most keys are matched by comparing bytes, without a String.
    private var lastAt: [Int] = []
    /// The object being read: its value for each column it names (where `stamps` is `objectNumber`).
    private var tokens: [JSONScanner.Token] = []
    private var stamps: [Int] = []
    private var objectNumber = 0
    private(set) var rowsTaken = 0
    /// Where each object taken as a row starts (to place problems found later).
    private(set) var objectStarts: [Int] = []
    /// Objects refused, in order, and where each starts.
    private(set) var problems: [RowProblem] = []
    private(set) var skipped: [Int] = []
    private let lenient: Bool
    /// First pass: new keys add columns. A second pass knows every column already.
    private let discovering: Bool
    /// Object starts to pass over (those the first pass left out), in order.
    private let passOver: [Int]
    private var nextPassOver = 0
    private var scratch: [UInt8] = []

    /// A first pass over the bytes from `start` (after any byte order mark).
    init(base: UnsafePointer<UInt8>, count: Int, start: Int, plan: ColumnPlan, lenient: Bool) {
        scanner = JSONScanner(base: base, count: count, at: start)
        self.plan = plan
        self.lenient = lenient
        discovering = true
        passOver = []
        // Declared columns exist from the start, so an object lacking one is caught; they join
        // `order` only once a key names them.
        for c in 0..<plan.width { addColumn(c) }
        checked = plan.declaredColumns
        unchecked = plan.inferredColumns
    }

    /// A second pass reading `columns` again as text, passing over the objects `first` left out.
    init(rereading columns: [Int], after first: JSONReader) {
        scanner = JSONScanner(base: first.scanner.base, count: first.scanner.count, at: 0)
        scanner.i = first.startOffset
        scanner.lineBreaksAreSpace = first.scanner.lineBreaksAreSpace
        plan = first.plan
        lenient = first.lenient
        discovering = false
        passOver = first.skipped
        columnOfKey = first.columnOfKey
        nameBytes = first.nameBytes
        seen = first.seen
        tokens = first.tokens
        stamps = Array(repeating: 0, count: first.stamps.count)
        builders = (0..<plan.width).map { columns.contains($0) ? ColumnBuilder.text(reserving: first.rowsTaken) : .skipping }
        unchecked = columns
        startOffset = first.startOffset
    }

    private var startOffset = 0

    private mutating func addColumn(_ c: Int) {
        builders.append(plan.builder(c, reserving: 0))
        seen.append(false)
        columnOfKey[plan.names[c]] = c
        nameBytes.append(Array(plan.names[c].utf8))
        tokens.append(JSONScanner.Token(kind: .null, start: 0, end: 0, escaped: false))
        stamps.append(0)
    }

    // MARK: - Files

    /// Reads a `.json` file: one array of objects.
    mutating func readArray() throws(LoadFailure) {
        startOffset = scanner.i
        do throws(JSONFault) { try readArrayBody() } catch { throw .json(error) }
        if !lenient, let first = problems.first { throw .row(first, plan) }
    }

    /// The array of a `.json` file; returns early at a refused row when loading strictly.
    private mutating func readArrayBody() throws(JSONFault) {
        scanner.skipSpace()
        guard !scanner.atEnd else { throw .empty }
        guard scanner.byte == UInt8(ascii: "[") else { throw .notAnArray(at: scanner.i) }
        scanner.i += 1
        scanner.skipSpace()
        if !scanner.atEnd, scanner.byte == UInt8(ascii: "]") {
            scanner.i += 1
        } else {
            while true {
                scanner.skipSpace()
                guard !scanner.atEnd, scanner.byte == UInt8(ascii: "{") else { throw .notAnObject(at: scanner.i) }
                try object()
                if !lenient && !problems.isEmpty { return }
                scanner.skipSpace()
                guard !scanner.atEnd else { throw .unexpected(at: scanner.i, expected: "`,` or `]`") }
                if scanner.byte == UInt8(ascii: ",") { scanner.i += 1; continue }
                if scanner.byte == UInt8(ascii: "]") { scanner.i += 1; break }
                throw .unexpected(at: scanner.i, expected: "`,` or `]`")
            }
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw .trailing(at: scanner.i) }
    }

    /// Reads a JSON Lines file: one object per line, blank lines skipped. Leniently, a line that
    /// is not one JSON object is left out like any other bad row.
    mutating func readLines() throws(LoadFailure) {
        startOffset = scanner.i
        scanner.lineBreaksAreSpace = false
        var sawObject = false
        while true {
            scanner.skipSpace()
            if scanner.atEnd { break }
            if scanner.byte == UInt8(ascii: "\n") { scanner.i += 1; continue }
            let lineStart = scanner.i
            sawObject = true
            if nextPassOver < passOver.count, passOver[nextPassOver] == lineStart {
                // Left out by the first pass, perhaps for not being JSON at all.
                nextPassOver += 1
                while !scanner.atEnd && scanner.byte != UInt8(ascii: "\n") { scanner.i += 1 }
                continue
            }
            do throws(JSONFault) {
                guard scanner.byte == UInt8(ascii: "{") else { throw .notAnObject(at: scanner.i) }
                try object()
                scanner.skipSpace()
                if !scanner.atEnd {
                    guard scanner.byte == UInt8(ascii: "\n") else { throw .trailing(at: scanner.i) }
                    scanner.i += 1
                }
            } catch {
                guard lenient, discovering else { throw .json(error) }
                problems.append(RowProblem(reason: .malformed(error), rowStart: lineStart, at: error.offset, end: error.offset + 1))
                skipped.append(lineStart)
                while !scanner.atEnd && scanner.byte != UInt8(ascii: "\n") { scanner.i += 1 }
            }
            if !lenient, let first = problems.first { throw .row(first, plan) }
        }
        if !sawObject && discovering { throw .json(.empty) }
    }

    // MARK: - Objects

    /// Reads one object, the current byte its `{`, and takes it as a row or records why not.
    private mutating func object() throws(JSONFault) {
        let objectStart = scanner.i
        scanner.i += 1
        objectNumber += 1
        var position = 0
        var nested: (column: Int, token: JSONScanner.Token)? = nil
        var repeated: Int? = nil
        scanner.skipSpace()
        if !scanner.atEnd, scanner.byte == UInt8(ascii: "}") {
            scanner.i += 1
        } else {
            while true {
                scanner.skipSpace()
                guard !scanner.atEnd, scanner.byte == JSONScanner.quote else {
                    throw .unexpected(at: scanner.i, expected: "a key in double quotes")
                }
                let key = try scanner.string()
                let column = try resolve(key, position)
                scanner.skipSpace()
                try scanner.expect(UInt8(ascii: ":"), "`:` after the key")
                scanner.skipSpace()
                let value = try scanner.value()
                if let column {
                    if stamps[column] == objectNumber {
                        if repeated == nil { repeated = column }
                    } else {
                        stamps[column] = objectNumber
                        tokens[column] = value
                    }
                    if nested == nil, value.kind == .object || value.kind == .array { nested = (column, value) }
                }
                position += 1
                scanner.skipSpace()
                guard !scanner.atEnd else { throw .unexpected(at: scanner.i, expected: "`,` or `}`") }
                if scanner.byte == UInt8(ascii: ",") { scanner.i += 1; continue }
                if scanner.byte == UInt8(ascii: "}") { scanner.i += 1; break }
                throw .unexpected(at: scanner.i, expected: "`,` or `}`")
            }
        }
        if nextPassOver < passOver.count, passOver[nextPassOver] == objectStart {
            nextPassOver += 1
            return
        }
        try take(objectStart, nested: nested, repeated: repeated)
    }

    /// Takes the object just read as a row: declared cells first, taken back if one is refused.
    private mutating func take(_ objectStart: Int, nested: (column: Int, token: JSONScanner.Token)?, repeated: Int?) throws(JSONFault) {
        if let repeated {
            return refuse(.repeatedKey(column: repeated), objectStart, objectStart, objectStart + 1)
        }
        if let (column, token) = nested {
            let (start, end) = token.span
            return refuse(.nested(column: column, array: token.kind == .array), objectStart, start, end)
        }
        for k in checked.indices {
            let column = checked[k]
            let present = stamps[column] == objectNumber
            guard let problem = try add(column, present: present) else { continue }
            for j in 0..<k { builders[checked[j]].removeLast() }
            if !present {
                return refuse(.missingKey(column: column), objectStart, objectStart, objectStart + 1)
            }
            let token = tokens[column]
            let (start, end) = token.span
            return refuse(.cell(column: column, problem, value: text(of: token)), objectStart, start, end)
        }
        // An inferred column cannot take a cell back: a number too large for one refuses the
        // row before any of its cells is added.
        for column in unchecked where stamps[column] == objectNumber && tokens[column].kind == .number {
            let token = tokens[column]
            guard builders[column].isOversized(scanner.base + token.start, token.end - token.start, .jsonLiteral) else { continue }
            for k in checked.indices { builders[checked[k]].removeLast() }
            let (start, end) = token.span
            return refuse(.cell(column: column, .tooLarge, value: text(of: token)), objectStart, start, end)
        }
        for column in unchecked {
            _ = try add(column, present: stamps[column] == objectNumber)
        }
        rowsTaken += 1
        objectStarts.append(objectStart)
    }

    private mutating func refuse(_ reason: RowProblem.Reason, _ objectStart: Int, _ at: Int, _ end: Int) {
        problems.append(RowProblem(reason: reason, rowStart: objectStart, at: at, end: end))
        skipped.append(objectStart)
    }

    /// Adds the object's value for a column (null when it names none); bytes that are not UTF-8
    /// stop the load whatever the mode.
    private mutating func add(_ column: Int, present: Bool) throws(JSONFault) -> CellProblem? {
        guard present else { return builders[column].addNull() }
        let token = tokens[column]
        let base = scanner.base
        let problem: CellProblem?
        switch token.kind {
        case .string:
            if token.escaped {
                if let bad = JSONScanner.unescape(base, token, into: &scratch) { throw .badEscape(at: bad) }
                problem = scratch.withUnsafeBufferPointer { b in
                    builders[column].add(b.baseAddress ?? base, b.count, .jsonString)
                }
            } else {
                problem = builders[column].add(base + token.start, token.end - token.start, .jsonString)
            }
        case .number, .literal:
            problem = builders[column].add(base + token.start, token.end - token.start, .jsonLiteral)
        case .null:
            problem = builders[column].addNull()
        case .object, .array:
            problem = nil  // refused before any cell is added (see `take`); a second pass ignores it
        }
        if problem == .invalidUTF8 {
            throw .invalidUTF8(at: token.start + CSVParser.firstInvalidUTF8(base + token.start, token.end - token.start))
        }
        return problem
    }

    /// A value as text for a message: a string decoded, anything else as written.
    private mutating func text(of token: JSONScanner.Token) -> String {
        let base = scanner.base
        if token.kind == .string, token.escaped, JSONScanner.unescape(base, token, into: &scratch) == nil {
            return String(decoding: scratch, as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(start: base + token.start, count: token.end - token.start), as: UTF8.self)
    }

    /// The column a key names, adding one for a new key in a first pass; nil for a key a second
    /// pass does not know.
    private mutating func resolve(_ key: JSONScanner.Token, _ position: Int) throws(JSONFault) -> Int? {
        let base = scanner.base
        let n = key.end - key.start
        if !key.escaped, position < lastAt.count {
            let c = lastAt[position]
            let bytes = nameBytes[c]
            if bytes.count == n, bytes.elementsEqual(UnsafeBufferPointer(start: base + key.start, count: n)) {
                return c
            }
        }
        let raw: [UInt8]
        if key.escaped {
            if let bad = JSONScanner.unescape(base, key, into: &scratch) { throw .badEscape(at: bad) }
            raw = scratch
        } else {
            raw = Array(UnsafeBufferPointer(start: base + key.start, count: n))
        }
        guard let decoded = String(validating: raw, as: UTF8.self) else {
            throw .invalidUTF8(at: key.start + CSVParser.firstInvalidUTF8(base + key.start, n))
        }
        let name = decoded.precomposedStringWithCanonicalMappingPortable
        guard !name.isEmpty else { throw .emptyKey(at: key.start - 1) }
        var column = columnOfKey[name]
        if column == nil, discovering {
            let c = plan.append(name)
            addColumn(c)
            builders[c].addNulls(rowsTaken)
            unchecked.append(c)
            column = c
        }
        guard let column else { return nil }
        if discovering, !seen[column] {
            seen[column] = true
            order.append(column)
        }
        if position < lastAt.count { lastAt[position] = column } else { lastAt.append(column) }
        return column
    }

    // MARK: - Results

    /// Hands over the builders (for merging).
    mutating func takeBuilders() -> [ColumnBuilder] {
        defer { builders = [] }
        return builders
    }

    /// Columns the table gets, in order: those some key named, then (only when no row was taken)
    /// the declared columns that may not be null, empty, so the table still has its shape.
    var outputColumns: [Int] {
        guard rowsTaken == 0 else { return order }
        return order + plan.declaredColumns.filter { !seen[$0] && plan.isRequired($0) }
    }
}
