/// One column being loaded: the type guessed from the values so far and the cells decoded into it.
///
/// The guess only ever widens. A column starts unknown (nulls alone say nothing) and takes the type
/// of its first value; an int column meeting a decimal becomes decimal (its ints converted, which
/// gives the same doubles as parsing them would); any other misfit makes the column text. Since
/// text must keep the original spelling of the earlier values ("007", "1.50"), such a column stops
/// decoding and `needsTextPass` asks the reader to read it again as text from the first row.
///
/// Only the array of the current type is used; the others stay empty. They are separate stored
/// arrays rather than enum payloads so appending to them in place never copies.
struct CSVColumnBuilder {
    enum Kind { case unknown, int, decimal, date, bool, text, skip }

    private(set) var kind: Kind
    /// Set when the column became text after holding other values.
    private(set) var needsTextPass = false
    /// Cells taken so far, nulls included.
    private var count = 0
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

    /// A builder that reads every value as text (the second pass).
    init(text: Void, reserving reserve: Int) {
        kind = .text
        self.reserve = reserve
        codes.reserveCapacity(reserve)
    }

    /// A builder that ignores its column (the other columns during the second pass).
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
        // let the second pass read the whole column again.
        kind = .skip
        needsTextPass = true
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

    /// The finished column. A column that never saw a value is text, all null.
    func column(rowCount: Int) -> Column {
        var validity: Bitmap? = nil
        if !nulls.isEmpty {
            var bits = Bitmap(count: rowCount, value: true)
            for row in nulls { bits[row] = false }
            validity = bits
        }
        switch kind {
        case .unknown, .skip: return Column.nulls(.text, count: rowCount)
        case .int: return Column(.int(ints), validity: validity)
        case .decimal: return Column(.decimal(decimals), validity: validity)
        case .date: return Column(.date(days), validity: validity)
        case .bool: return Column(.bool(bools), validity: validity)
        case .text:
            // An all-null text column still gets one string, so code 0 names something.
            let strings = interner.strings.isEmpty ? [""] : interner.strings
            return Column(.text(codes: codes, dictionary: StringDictionary(strings)), validity: validity)
        }
    }
}
