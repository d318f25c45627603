import CoopQLBase

/// What a kernel yields: a whole column, or one value that stands for every row (a constant, a
/// variable, a parameter). Keeping constants unexpanded lets `x == "Bắc Ninh"` look the string up
/// once instead of comparing it on every row.
public enum Vec: Sendable {
    case scalar(Value)
    case column(Column)

    /// The column this stands for, a constant expanded to `count` rows when needed.
    func materialize(_ count: Int, type: DataType) -> Column {
        switch self {
        case .column(let c): return c
        case .scalar(let v): return Column.constant(v, type: type, count: count)
        }
    }
}

/// The rows an expression is evaluated over: the columns of the current table (only those the
/// expression reads need to be real), how many rows, and the values of parameters and `for`
/// variables by slot.
public struct Frame: Sendable {
    var columns: [Column]
    var rowCount: Int
    var locals: [Vec]

    /// One row and no columns: where a value outside any stage is computed, with the variables in scope.
    static func single(_ locals: [Vec]) -> Frame { Frame(columns: [], rowCount: 1, locals: locals) }

    /// The same frame cut to the rows in `selection`, for evaluating one branch of an `if`.
    func gather(_ selection: [Int32], columnsUsed: Set<Int>) -> Frame {
        var cut = columns
        for i in cut.indices { cut[i] = columnsUsed.contains(i) ? columns[i].gather(selection) : Column(.int([])) }
        let cutLocals = locals.map { local -> Vec in
            if case .column(let c) = local { return .column(c.gather(selection)) }
            return local
        }
        return Frame(columns: cut, rowCount: selection.count, locals: cutLocals)
    }
}

/// A compiled expression: runs over a frame, a column at a time.
typealias Kernel = @Sendable (Frame, Runtime) throws -> Vec

/// A problem found by a kernel, before the compiler attaches the place in the source.
struct KernelError: Error {
    var message: String
    var suggestion: String?
    init(_ message: String, suggestion: String? = nil) { self.message = message; self.suggestion = suggestion }
}

extension Column {
    /// `count` copies of one value.
    static func constant(_ v: Value, type: DataType, count: Int) -> Column {
        switch v {
        case .null: return Column.nulls(type, count: count)
        case .int(let i):
            if type == .decimal { return Column(.decimal(Array(repeating: Double(i), count: count))) }
            return Column(.int(Array(repeating: i, count: count)))
        case .decimal(let d): return Column(.decimal(Array(repeating: d, count: count)))
        case .bool(let b): return Column(.bool(Array(repeating: b, count: count)))
        case .date(let d): return Column(.date(Array(repeating: d.number, count: count)))
        case .text(let s): return Column(.text(codes: Array(repeating: 0, count: count), dictionary: StringDictionary([s])))
        case .list, .table, .record: return Column.nulls(.text, count: count)
        }
    }

    /// The cells as doubles (ints widened); nil for other types.
    var doubles: [Double]? {
        switch storage {
        case .decimal(let a): return a
        case .int(let a): return a.map(Double.init)
        default: return nil
        }
    }

    /// Builds the same kind of column holding the values at `rows` of `self` scattered into a
    /// column of `count` rows; used to put the two branches of an `if` back together.
    static func merge(_ parts: [(rows: [Int32], vec: Vec)], count: Int, type: DataType) -> Column {
        switch type {
        case .int: return mergeTyped(parts, count: count, zero: Int64(0), wrap: { .int($0) }) { v in
            if case .int(let i) = v { return i } else { return nil } }
        case .decimal: return mergeTyped(parts, count: count, zero: 0.0, wrap: { .decimal($0) }) { $0.asDouble }
        case .bool: return mergeTyped(parts, count: count, zero: false, wrap: { .bool($0) }) { v in
            if case .bool(let b) = v { return b } else { return nil } }
        case .date: return mergeTyped(parts, count: count, zero: Int32(0), wrap: { .date($0) }) { v in
            if case .date(let d) = v { return d.number } else { return nil } }
        case .text: return mergeText(parts, count: count)
        default: return mergeValues(parts, count: count)
        }
    }

    /// The typed merge: cells copied straight into one array; a part of another type (an `int`
    /// branch of a `decimal` result) is converted by `value`.
    private static func mergeTyped<T>(_ parts: [(rows: [Int32], vec: Vec)], count: Int, zero: T,
                                      wrap: ([T]) -> Storage, value: (Value) -> T?) -> Column {
        var out = [T](repeating: zero, count: count)
        var valid = Bitmap(count: count, value: false)
        for (rows, vec) in parts {
            switch vec {
            case .scalar(let v):
                guard let x = value(v) else { continue }
                for r in rows { out[Int(r)] = x; valid[Int(r)] = true }
            case .column(let c):
                for (i, r) in rows.enumerated() where c.isValid(i) {
                    if let x = value(c[i]) { out[Int(r)] = x; valid[Int(r)] = true }
                }
            }
        }
        return Column(wrap(out), validity: valid)
    }

    /// Text parts keep their own dictionaries, so each part's strings are coded into one new
    /// dictionary once per distinct string, not once per row.
    private static func mergeText(_ parts: [(rows: [Int32], vec: Vec)], count: Int) -> Column {
        var builder = StringDictionary.Builder()
        var codes = [Int32](repeating: 0, count: count)
        var valid = Bitmap(count: count, value: false)
        // Code 0 is "": the cells under a null point at it.
        _ = builder.code(for: "")
        for (rows, vec) in parts {
            switch vec {
            case .scalar(.text(let s)):
                let code = builder.code(for: s)
                for r in rows { codes[Int(r)] = code; valid[Int(r)] = true }
            case .scalar:
                continue
            case .column(let c):
                guard case .text(let partCodes, let dict) = c.storage else {
                    for (i, r) in rows.enumerated() where c.isValid(i) {
                        codes[Int(r)] = builder.code(for: plainText(c[i])); valid[Int(r)] = true
                    }
                    continue
                }
                let recode = dict.strings.map { builder.code(for: $0) }
                for (i, r) in rows.enumerated() where c.isValid(i) {
                    codes[Int(r)] = recode[Int(partCodes[i])]
                    valid[Int(r)] = true
                }
            }
        }
        return Column(.text(codes: codes, dictionary: builder.dictionary), validity: valid)
    }

    /// When the checker could not tell the type (`any`, `null`): row by row through values.
    private static func mergeValues(_ parts: [(rows: [Int32], vec: Vec)], count: Int) -> Column {
        var values = [Value](repeating: .null, count: count)
        for (rows, vec) in parts {
            switch vec {
            case .scalar(let v): for r in rows { values[Int(r)] = v }
            case .column(let c): for (i, r) in rows.enumerated() { values[Int(r)] = c[i] }
            }
        }
        let resolved = DataType.unify(values.map(\.type)) ?? .text
        return Column.from(values, type: resolved == .null ? .int : resolved)
    }
}
