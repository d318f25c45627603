/// Why a cell was refused.
enum CellProblem: Equatable {
    /// The value is not of the declared type.
    case notType
    /// Null (an empty field, JSON null, a missing key) where the schema wants a value.
    case empty
    /// Not one of the codes of the column's enumeration.
    case notCode
    /// Bytes that are not UTF-8 in a text cell: the file's encoding is wrong, so this stops any load.
    case invalidUTF8
    /// A number too large for the column (see `isOversized`).
    case tooLarge
}

/// How a value was written, which decides the types it may be read as.
enum Notation {
    /// A CSV field: any type, numbers also the Vietnamese way in declared columns.
    case csv
    /// A JSON number, `true` or `false`: read in JSON's own notation only.
    case jsonLiteral
    /// A JSON string: in a declared column, read as a CSV field would be; in an inferred column
    /// only a date or text, since JSON writes numbers and yes/no values without quotes.
    case jsonString
}

/// One column being loaded: its type and the cells decoded into it, from bytes (a CSV field with
/// doubled quotes collapsed, a JSON string with its escapes decoded, a JSON number or literal).
///
/// A column the schema declares has its type fixed from the start and checks every value: its
/// type (numbers also written the Vietnamese way, see `VietnameseNumber`), null where it may not
/// be, a code of its enumeration. A refused value is not stored; the reader decides whether the
/// load stops or the row is left out (`removeLast` takes back the row's earlier cells).
///
/// Any other column's type is guessed from its values and only ever widens. It starts unknown
/// (nulls alone say nothing) and takes the type of its first value; an int column meeting a
/// decimal becomes decimal, one holding only 0 and 1 meeting a yes/no value becomes bool; any
/// other misfit makes the column text. Since text must keep the original spelling of the earlier
/// values ("007", "1.50"), such a column stops decoding (kind `skip`), and the reader reads its
/// rows again with a builder made by `text`.
///
/// One builder covers one column of one stretch of rows; `merge` joins a column's stretches.
/// Only the array of the current type is used; the others stay empty. They are separate stored
/// arrays rather than enum payloads so appending to them in place never copies.
struct ColumnBuilder {
    /// What the column holds so far. `unknown`: only nulls; `skip`: ignoring the column, either
    /// because it turned out text after holding other values or because another column is being
    /// read again.
    enum Kind { case unknown, int, decimal, date, bool, text, skip }

    /// What the schema declares for a column.
    struct Declared {
        let kind: Kind
        let nullable: Bool
        /// The enumeration's codes and labels, for a column of codes.
        let codes: CodeLookup?

        /// `required`: the table's files must give the column a value in every row
        /// (`SchemaTable.requiredColumns`); any other declared column takes empty cells as null.
        init(_ column: SchemaColumn, required: Bool) {
            switch column.type {
            case .int: kind = .int
            case .decimal: kind = .decimal
            case .date: kind = .date
            case .bool: kind = .bool
            default: kind = .text
            }
            nullable = !required
            codes = column.enumeration.map(CodeLookup.init)
        }
    }

    private(set) var kind: Kind
    /// Whether the schema declares the column (its type fixed, its values checked). Plain flags
    /// rather than the `Declared` value, so the per-cell tests touch no reference-counted set.
    private(set) var isDeclared: Bool
    private let mayBeNull: Bool
    /// For a column of codes, the enumeration's codes and labels, looked at once per dictionary
    /// entry (a label is replaced by its code once the column is loaded: `CodeLookup.canonical`).
    private let allowedCodes: CodeLookup?
    /// Cells taken so far, nulls included.
    private(set) var count = 0
    var rowCount: Int { count }
    /// Rows whose cell is null, in order; nulls are rare, so this is cheaper than a bitmap per row.
    private(set) var nulls: [Int] = []
    private(set) var ints: [Int64] = []
    private(set) var decimals: [Double] = []
    private(set) var days: [Int32] = []
    private(set) var bools: [Bool] = []
    private(set) var codes: [Int32] = []
    var interner = CSVTextInterner()
    /// For a column of codes: whether each dictionary entry is one of them, by code.
    private var codeAllowed: [Bool] = []
    private var checksCodes: Bool { allowedCodes != nil }
    /// Cells of a declared decimal column read like `1.500`: the row and the value if the file
    /// turns out to group thousands with dots (see `VietnameseNumber`).
    private(set) var ambiguous: [(row: Int, alternative: Double)] = []
    /// Whether a value was unmistakably written the Vietnamese way.
    private(set) var sawVietnamese = false
    /// Inferred columns only: the first number written with a decimal point (`1.5`), and the
    /// first written with dots between thousands or like `1.500`, for a notice when a column
    /// holds both (it then loads as text: see `numberConflict`).
    private(set) var pointExample: String?
    private(set) var groupingExample: String?
    /// Inferred columns only: whether a number had a decimal comma (`79,5`): the column stays
    /// decimal even when every value is whole.
    private(set) var sawCommaDecimal = false
    /// Expected number of rows, reserved once the type is known.
    private let reserve: Int

    /// A column whose type is inferred.
    init(reserving reserve: Int) {
        kind = .unknown
        isDeclared = false
        mayBeNull = true
        allowedCodes = nil
        self.reserve = reserve
    }

    /// A column the schema declares.
    init(declared: Declared, reserving reserve: Int) {
        kind = declared.kind
        isDeclared = true
        mayBeNull = declared.nullable
        allowedCodes = declared.codes
        self.reserve = reserve
        switch kind {
        case .int: ints.reserveCapacity(reserve)
        case .decimal: decimals.reserveCapacity(reserve)
        case .date: days.reserveCapacity(reserve)
        case .bool: bools.reserveCapacity(reserve)
        default: codes.reserveCapacity(reserve)
        }
    }

    /// A builder that reads every value as text (for a column read again).
    static func text(reserving reserve: Int) -> ColumnBuilder {
        var b = ColumnBuilder(reserving: reserve)
        b.kind = .text
        b.codes.reserveCapacity(reserve)
        return b
    }

    /// A builder that ignores its column (the other columns while some are read again).
    static var skipping: ColumnBuilder {
        var b = ColumnBuilder(reserving: 0)
        b.kind = .skip
        return b
    }

    // MARK: - Adding cells

    /// Decodes one value into the column; nil when taken, else why not. No bytes is null.
    ///
    /// Kept out of line: inlined into the row loop, the appends below stop being inlined, and
    /// that costs more than the call.
    @inline(never)
    mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, _ notation: Notation) -> CellProblem? {
        if n == 0 { return addNull() }
        if notation == .jsonString && !isDeclared { return addInferredString(p, n) }
        switch kind {
        case .int:
            if let v = CSVValueParser.int(p, n) { ints.append(v); count += 1; return nil }
        case .decimal:
            // A declared column sees every written decimal, to catch `1.500` (see VietnameseNumber).
            if !isDeclared || notation == .jsonLiteral, let v = CSVValueParser.decimal(p, n) {
                guard v.isFinite else { return .tooLarge }
                if !isDeclared && notation == .csv { noteStyle(p, n) }
                decimals.append(v); count += 1; return nil
            }
        case .date:
            if let v = CSVValueParser.date(p, n) { days.append(v); count += 1; return nil }
        case .bool:
            if let v = CSVValueParser.bool(p, n) { bools.append(v); count += 1; return nil }
        case .text:
            guard let code = interner.code(for: p, count: n) else { return .invalidUTF8 }
            if checksCodes, !isCode(code) { return .notCode }
            codes.append(code)
            count += 1
            return nil
        case .skip:
            return nil
        case .unknown:
            break
        }
        if isOversized(p, n, notation) { return .tooLarge }
        if isDeclared { return addDeclaredMiss(p, n, notation) }
        return retype(p, n, numeric: true, csv: notation == .csv)
    }

    /// A JSON string in an inferred column: a date or text, never a number or yes/no value,
    /// since JSON writes those without quotes.
    private mutating func addInferredString(_ p: UnsafePointer<UInt8>, _ n: Int) -> CellProblem? {
        switch kind {
        case .date:
            if let v = CSVValueParser.date(p, n) { days.append(v); count += 1; return nil }
        case .text:
            guard let code = interner.code(for: p, count: n) else { return .invalidUTF8 }
            codes.append(code)
            count += 1
            return nil
        case .skip:
            return nil
        default:
            break
        }
        return retype(p, n, numeric: false)
    }

    /// A null cell; refused in a declared column that may not be null.
    mutating func addNull() -> CellProblem? {
        if !mayBeNull { return .empty }
        switch kind {
        case .skip: return nil
        case .unknown: break  // the placeholders are written once the type is known
        case .int: ints.append(0)
        case .decimal: decimals.append(0)
        case .date: days.append(0)
        case .bool: bools.append(false)
        case .text: codes.append(0)
        }
        nulls.append(count)
        count += 1
        return nil
    }

    /// `n` null cells (a JSON key first seen after `n` objects without it).
    mutating func addNulls(_ n: Int) {
        for _ in 0..<n { _ = addNull() }
    }

    /// Takes back the last cell, when the row it belongs to is left out. Only for declared
    /// columns, whose type never changes, so the last cell is always the last array element.
    mutating func removeLast() {
        precondition(isDeclared, "only a declared column takes back cells")
        count -= 1
        if nulls.last == count { nulls.removeLast() }
        if ambiguous.last?.row == count { ambiguous.removeLast() }
        switch kind {
        case .int: ints.removeLast()
        case .decimal: decimals.removeLast()
        case .date: days.removeLast()
        case .bool: bools.removeLast()
        case .text: codes.removeLast()  // its string may stay in the dictionary, unused, as after a filter
        case .unknown, .skip: break
        }
    }

    /// Whether a code of the interner is one of the enumeration's; looked up once per entry.
    @inline(__always)
    private mutating func isCode(_ code: Int32) -> Bool {
        let c = Int(code)
        while codeAllowed.count <= c {
            codeAllowed.append(allowedCodes!.code(for: interner.strings[codeAllowed.count]) != nil)
        }
        return codeAllowed[c]
    }

    /// A declared column's value that the fast parsers refused: a number written the Vietnamese
    /// way, or a value of the wrong type.
    private mutating func addDeclaredMiss(_ p: UnsafePointer<UInt8>, _ n: Int, _ notation: Notation) -> CellProblem? {
        guard notation != .jsonLiteral else { return .notType }
        switch kind {
        case .int:
            guard let v = VietnameseNumber.groupedInt(p, n) else { return .notType }
            ints.append(v)
            sawVietnamese = true
        case .decimal:
            guard let (v, reading) = VietnameseNumber.decimal(p, n) else { return .notType }
            switch reading {
            case .plain: break
            case .vietnamese: sawVietnamese = true
            case .ambiguous(let alternative): ambiguous.append((count, alternative))
            }
            decimals.append(v)
        default:
            return .notType
        }
        count += 1
        return nil
    }

    // MARK: - Inference

    /// Handles a value the current type cannot hold: picks the first type for an unknown column,
    /// widens int to decimal (or to bool, when it holds only 0 and 1), or gives the column up to
    /// the text pass. Only text can be refused, for bytes that are not UTF-8. Unless `numeric`,
    /// the value may be only a date or text.
    private mutating func retype(_ p: UnsafePointer<UInt8>, _ n: Int, numeric: Bool, csv: Bool = false) -> CellProblem? {
        if kind == .unknown {
            // `count` cells so far, all null: they become zero placeholders of the chosen type.
            let capacity = max(reserve, count + 1)
            if numeric, let v = CSVValueParser.int(p, n) {
                kind = .int
                ints = Array(repeating: 0, count: count); ints.reserveCapacity(capacity); ints.append(v)
            } else if numeric, let v = CSVValueParser.decimal(p, n) {
                kind = .decimal
                if csv { noteStyle(p, n) }
                decimals = Array(repeating: 0, count: count); decimals.reserveCapacity(capacity); decimals.append(v)
            } else if csv, let v = vietnameseNumber(p, n) {
                kind = .decimal
                decimals = Array(repeating: 0, count: count); decimals.reserveCapacity(capacity); decimals.append(v)
            } else if let v = CSVValueParser.date(p, n) {
                kind = .date
                days = Array(repeating: 0, count: count); days.reserveCapacity(capacity); days.append(v)
            } else if numeric, let v = CSVValueParser.bool(p, n) {
                kind = .bool
                bools = Array(repeating: false, count: count); bools.reserveCapacity(capacity); bools.append(v)
            } else {
                guard let code = interner.code(for: p, count: n) else { return .invalidUTF8 }
                kind = .text
                codes = Array(repeating: 0, count: count); codes.reserveCapacity(capacity)
                codes.append(code)
            }
            count += 1
            return nil
        }
        if kind == .decimal, csv, let v = vietnameseNumber(p, n) {
            decimals.append(v)
            count += 1
            return nil
        }
        if kind == .int, numeric, let v = CSVValueParser.decimal(p, n) ?? (csv ? vietnameseNumber(p, n) : nil) {
            if csv && CSVValueParser.decimal(p, n) != nil { noteStyle(p, n) }
            var widened: [Double] = []
            widened.reserveCapacity(max(reserve, count + 1))
            for i in ints { widened.append(Double(i)) }
            widened.append(v)
            decimals = widened
            ints = []
            kind = .decimal
            count += 1
            return nil
        }
        if kind == .int, numeric, let v = CSVValueParser.bool(p, n), ColumnBuilder.onlyBits(ints) {
            var bits = ints.map { $0 != 0 }
            bits.reserveCapacity(max(reserve, count + 1))
            bits.append(v)
            bools = bits
            ints = []
            kind = .bool
            count += 1
            return nil
        }
        // Mixed values: the column is text. The earlier cells are gone as text, so drop them and
        // leave the rows to be read again.
        kind = .skip
        ints = []; decimals = []; days = []; bools = []; codes = []; nulls = []
        return nil
    }

    /// Notes how a number the plain parser read was written, in an inferred column: with a
    /// decimal point, or like `1.500` (kept with its grouped reading, see `merge`).
    private mutating func noteStyle(_ p: UnsafePointer<UInt8>, _ n: Int) {
        switch VietnameseNumber.style(ofPlain: p, n) {
        case .point?:
            if pointExample == nil { pointExample = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
        case .ambiguous?:
            if let alternative = VietnameseNumber.groupedReading(p, n) { ambiguous.append((count, alternative)) }
            if groupingExample == nil { groupingExample = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
        default:
            break
        }
    }

    /// A number only the Vietnamese way reads (`79,5`, `8.879.000.000`), in an inferred column.
    private mutating func vietnameseNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        guard let (v, reading) = VietnameseNumber.decimal(p, n), reading == .vietnamese else { return nil }
        sawVietnamese = true
        if groupingExample == nil { groupingExample = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
        if UnsafeBufferPointer(start: p, count: n).contains(UInt8(ascii: ",")) { sawCommaDecimal = true }
        return v
    }

    /// True when every int is 0 or 1, so the column can be read as yes/no values.
    static func onlyBits(_ ints: [Int64]) -> Bool { ints.allSatisfy { $0 & ~1 == 0 } }

    // MARK: - Handing over the arrays (see merge)

    mutating func takeInts() -> [Int64] { defer { ints = [] }; return ints }
    mutating func takeDays() -> [Int32] { defer { days = [] }; return days }
    mutating func takeCodes() -> [Int32] { defer { codes = [] }; return codes }

    /// The part's cells as doubles, converting an int part (the column became decimal elsewhere).
    mutating func takeDecimals() -> [Double] {
        defer { decimals = []; ints = [] }
        return kind == .int ? ints.map(Double.init) : decimals
    }

    /// The part's cells as yes/no values, converting an int part of 0s and 1s.
    mutating func takeBools() -> [Bool] {
        defer { bools = []; ints = [] }
        return kind == .int ? ints.map { $0 != 0 } : bools
    }

    /// Whether this part's ints are all 0 or 1 (false for a part of another kind).
    var holdsOnlyBits: Bool { kind == .int && ColumnBuilder.onlyBits(ints) }
}
