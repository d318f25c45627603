/// One column being loaded: the type guessed from the values so far and the cells decoded into it.
///
/// The guess only ever widens. A column starts unknown (nulls alone say nothing) and takes the type
/// of its first value; an int column meeting a decimal becomes decimal (its ints converted, which
/// gives the same doubles as parsing them would); any other misfit makes the column text. Since
/// text must keep the original spelling of the earlier values ("007", "1.50"), such a column stops
/// decoding (kind `skip`), and the reader reads its rows again with a builder made by `text`.
///
/// One builder covers one column of one stretch of rows; `merge` joins a column's stretches.
/// Only the array of the current type is used; the others stay empty. They are separate stored
/// arrays rather than enum payloads so appending to them in place never copies.
struct CSVColumnBuilder {
    /// What the column holds so far. `unknown`: only nulls; `skip`: ignoring the column, either
    /// because it turned out text after holding other values or because another column is being
    /// read again.
    enum Kind { case unknown, int, decimal, date, bool, text, skip }

    private(set) var kind: Kind
    /// Cells taken so far, nulls included.
    private var count = 0
    var rowCount: Int { count }
    /// Rows whose cell is null, in order; nulls are rare, so this is cheaper than a bitmap per row.
    private var nulls: [Int] = []
    private var ints: [Int64] = []
    private var decimals: [Double] = []
    private var days: [Int32] = []
    private var bools: [Bool] = []
    private var codes: [Int32] = []
    private var interner = CSVTextInterner()
    /// Expected number of rows, reserved once the type is known.
    private let reserve: Int

    init(reserving reserve: Int) {
        kind = .unknown
        self.reserve = reserve
    }

    /// A builder that reads every value as text (for a column read again).
    static func text(reserving reserve: Int) -> CSVColumnBuilder {
        var b = CSVColumnBuilder(reserving: reserve)
        b.kind = .text
        b.codes.reserveCapacity(reserve)
        return b
    }

    /// A builder that ignores its column (the other columns while some are read again).
    static var skipping: CSVColumnBuilder {
        var b = CSVColumnBuilder(reserving: 0)
        b.kind = .skip
        return b
    }

    /// Decodes one field into the column, retyping the column when the field does not fit.
    @inline(__always)
    mutating func add(_ field: CSVField, _ base: UnsafePointer<UInt8>, _ scratch: inout [UInt8]) throws(CSVFault) {
        let n = field.end - field.start
        if n == 0 { return addNull() }
        let p = base + field.start
        // A field with collapsed quotes holds a quote, so it can only be text.
        switch kind {
        case .int:
            if !field.escaped, let v = CSVValueParser.int(p, n) { ints.append(v); count += 1; return }
        case .decimal:
            if !field.escaped, let v = CSVValueParser.decimal(p, n) { decimals.append(v); count += 1; return }
        case .date:
            if !field.escaped, let v = CSVValueParser.date(p, n) { days.append(v); count += 1; return }
        case .bool:
            if !field.escaped, let v = CSVValueParser.bool(p, n) { bools.append(v); count += 1; return }
        case .text:
            codes.append(try textCode(field, base, &scratch))
            count += 1
            return
        case .skip:
            return
        case .unknown:
            break
        }
        try retype(for: field, base, &scratch)
    }

    private mutating func addNull() {
        switch kind {
        case .skip: return
        case .unknown: break  // the placeholders are written once the type is known
        case .int: ints.append(0)
        case .decimal: decimals.append(0)
        case .date: days.append(0)
        case .bool: bools.append(false)
        case .text: codes.append(0)
        }
        nulls.append(count)
        count += 1
    }

    /// Handles a field the current type cannot hold: picks the first type for an unknown column,
    /// widens int to decimal, or gives the column up to the text pass.
    private mutating func retype(for field: CSVField, _ base: UnsafePointer<UInt8>, _ scratch: inout [UInt8]) throws(CSVFault) {
        let p = base + field.start, n = field.end - field.start
        if kind == .unknown {
            // `count` cells so far, all null: they become zero placeholders of the chosen type.
            let capacity = max(reserve, count + 1)
            if !field.escaped, let v = CSVValueParser.int(p, n) {
                kind = .int
                ints = Array(repeating: 0, count: count); ints.reserveCapacity(capacity); ints.append(v)
            } else if !field.escaped, let v = CSVValueParser.decimal(p, n) {
                kind = .decimal
                decimals = Array(repeating: 0, count: count); decimals.reserveCapacity(capacity); decimals.append(v)
            } else if !field.escaped, let v = CSVValueParser.date(p, n) {
                kind = .date
                days = Array(repeating: 0, count: count); days.reserveCapacity(capacity); days.append(v)
            } else if !field.escaped, let v = CSVValueParser.bool(p, n) {
                kind = .bool
                bools = Array(repeating: false, count: count); bools.reserveCapacity(capacity); bools.append(v)
            } else {
                kind = .text
                codes = Array(repeating: 0, count: count); codes.reserveCapacity(capacity)
                codes.append(try textCode(field, base, &scratch))
            }
            count += 1
            return
        }
        if kind == .int, !field.escaped, let v = CSVValueParser.decimal(p, n) {
            var widened: [Double] = []
            widened.reserveCapacity(max(reserve, count + 1))
            for i in ints { widened.append(Double(i)) }
            widened.append(v)
            decimals = widened
            ints = []
            kind = .decimal
            count += 1
            return
        }
        // Mixed values: the column is text. The earlier cells are gone as text, so drop them and
        // leave the rows to be read again.
        kind = .skip
        ints = []; decimals = []; days = []; bools = []; codes = []; nulls = []
    }

    /// The dictionary code of a text field; decodes and normalises it only the first time these
    /// exact bytes are seen.
    @inline(__always)
    private mutating func textCode(_ field: CSVField, _ base: UnsafePointer<UInt8>, _ scratch: inout [UInt8]) throws(CSVFault) -> Int32 {
        let code: Int32?
        if field.escaped {
            CSVParser.collapseQuotes(base, field, into: &scratch)
            code = scratch.withUnsafeBufferPointer { interner.code(for: $0.baseAddress!, count: $0.count) }
        } else {
            code = interner.code(for: base + field.start, count: field.end - field.start)
        }
        guard let code else {
            // Doubled quotes are ASCII, so the first bad byte of the raw field is the one to show.
            throw .invalidUTF8(at: field.start + CSVParser.firstInvalidUTF8(base + field.start, field.end - field.start))
        }
        return code
    }

    /// The type that covers the kinds several parts of one column were read as: unknown parts
    /// (all null) add nothing, int and decimal make decimal, any other mix makes text.
    static func combinedKind(_ parts: [CSVColumnBuilder]) -> Kind {
        var result = Kind.unknown
        for part in parts {
            let kind = part.kind == .skip ? .text : part.kind  // a part that gave up is text
            if kind == .unknown || kind == result { continue }
            if result == .unknown {
                result = kind
            } else if (kind == .int && result == .decimal) || (kind == .decimal && result == .int) {
                result = .decimal
            } else {
                result = .text
            }
        }
        return result
    }

    /// True when this part must be read again as text for the column to be `kind`.
    func needsRereading(as kind: Kind) -> Bool {
        kind == .text && self.kind != .text && self.kind != .unknown
    }

    /// Joins the parts of one column, read from consecutive stretches of rows, into the finished
    /// column of type `kind` (from `combinedKind`; a text column's parts must all be text or
    /// unknown). The parts' arrays are released as they are copied, to keep the peak memory down.
    /// A column that never saw a value is text, all null.
    static func merge(_ parts: inout [CSVColumnBuilder], as kind: Kind) -> Column {
        let rowCount = parts.reduce(0) { $0 + $1.count }
        var validity: Bitmap? = nil
        if parts.contains(where: { !$0.nulls.isEmpty }) {
            var bits = Bitmap(count: rowCount, value: true)
            var first = 0
            for part in parts {
                for row in part.nulls { bits[first + row] = false }
                first += part.count
            }
            validity = bits
        }
        /// Concatenates one array per part; an unknown part (all null) gives zeros.
        func join<T>(_ zero: T, _ take: (inout CSVColumnBuilder) -> [T]) -> [T] {
            if parts.count == 1, parts[0].kind != .unknown { return take(&parts[0]) }
            var all: [T] = []
            all.reserveCapacity(rowCount)
            for j in parts.indices {
                if parts[j].kind == .unknown {
                    all.append(contentsOf: repeatElement(zero, count: parts[j].count))
                } else {
                    all.append(contentsOf: take(&parts[j]))
                }
            }
            return all
        }
        switch kind {
        case .unknown, .skip:
            return Column.nulls(.text, count: rowCount)
        case .int:
            return Column(.int(join(0) { $0.takeInts() }), validity: validity)
        case .decimal:
            return Column(.decimal(join(0) { $0.takeDecimals() }), validity: validity)
        case .date:
            return Column(.date(join(0) { $0.takeDays() }), validity: validity)
        case .bool:
            return Column(.bool(join(false) { $0.takeBools() }), validity: validity)
        case .text:
            // The first text part's dictionary is the column's: its codes stay as they are, and
            // each later part's strings are looked up (or added) there, in order of appearance.
            guard let lead = parts.firstIndex(where: { $0.kind == .text }) else {
                return Column.nulls(.text, count: rowCount)
            }
            var dictionary = parts[lead].interner
            parts[lead].interner = CSVTextInterner()
            let codes = join(Int32(0)) { part in
                var codes = part.codes
                part.codes = []
                if part.interner.strings.isEmpty { return codes }  // the lead part, moved out above
                let global = part.interner.strings.map { dictionary.code(forNormalised: $0) }
                part.interner = CSVTextInterner()
                global.withUnsafeBufferPointer { map in
                    codes.withUnsafeMutableBufferPointer { c in
                        for i in c.indices { c[i] = map[Int(c[i])] }
                    }
                }
                return codes
            }
            return Column(.text(codes: codes, dictionary: StringDictionary(dictionary.strings)), validity: validity)
        }
    }

    private mutating func takeInts() -> [Int64] { defer { ints = [] }; return ints }
    private mutating func takeDays() -> [Int32] { defer { days = [] }; return days }
    private mutating func takeBools() -> [Bool] { defer { bools = [] }; return bools }

    /// The part's cells as doubles, converting an int part (the column became decimal elsewhere).
    private mutating func takeDecimals() -> [Double] {
        defer { decimals = []; ints = [] }
        return kind == .int ? ints.map(Double.init) : decimals
    }
}
