import Foundation
import CoopQLBase

/// The built-in functions, over single values and over whole columns.
enum BuiltinKernels {
    /// A built-in on single values: the reference for what each function means.
    static func scalar(_ f: Builtin, _ args: [Value]) throws -> Value {
        if f != .today, args.contains(where: \.isNull), f != .text { return .null }
        if f == .value {
            guard case .table(let t) = args[0], t.columns.count == 1 else { throw KernelError("value() needs a table of one column") }
            guard t.rowCount <= 1 else {
                throw KernelError("value() needs a table of one row, but this one has \(t.rowCount)",
                                  suggestion: "narrow it with where, or end it with summarize")
            }
            return t.rowCount == 1 ? t.columns[0][0] : .null
        }
        switch f {
        case .today:
            let days = Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down))
            return .date(Day(number: days))
        case .date:
            if case .date = args[0] { return args[0] }
            guard case .text(let s) = args[0] else { throw KernelError("date() needs text") }
            guard let d = Day.parse(s.trimmingCharacters(in: .whitespaces)) else {
                throw KernelError("\"\(s)\" is not a date", suggestion: "write dates as \"2022-12-23\", \"23/12/2022\" or \"23-12-2022\"")
            }
            return .date(d)
        case .year, .month, .day, .quarter, .half:
            guard case .date(let d) = args[0] else { throw KernelError("\(f.rawValue)() needs a date") }
            return .int(Int64(datePart(f, d)))
        case .round:
            guard let x = args[0].asDouble else { throw KernelError("round() needs a number") }
            var digits: Int64 = 0
            if args.count > 1 { guard case .int(let n) = args[1] else { throw KernelError("round() needs a whole number of decimals") }; digits = n }
            return .decimal(round(x, Int(max(-15, min(15, digits)))))
        case .floor, .ceil:
            if case .int = args[0] { return args[0] }
            guard let x = args[0].asDouble else { throw KernelError("\(f.rawValue)() needs a number") }
            return .int(try toInt(f == .floor ? x.rounded(.down) : x.rounded(.up)))
        case .abs:
            switch args[0] {
            case .int(let i):
                guard i != .min else { throw Kernels.overflowError() }
                return .int(Swift.abs(i))
            case .decimal(let d): return .decimal(Swift.abs(d))
            default: throw KernelError("abs() needs a number")
            }
        case .merged:
            guard case .text(let s) = args[0] else { throw KernelError("merged() needs a province name") }
            return .text(Provinces.merged(s))
        case .lower, .upper, .trim, .fold, .len:
            guard case .text(let s) = args[0] else { throw KernelError("\(f.rawValue)() needs text") }
            return textFunction(f, s)
        case .starts_with, .ends_with:
            guard case .text(let s) = args[0], case .text(let p) = args[1] else { throw KernelError("\(f.rawValue)() needs text") }
            return .bool(f == .starts_with ? s.hasPrefix(p) : s.hasSuffix(p))
        case .int:
            switch args[0] {
            case .int: return args[0]
            case .decimal(let d): return .int(try toInt(d.rounded(.towardZero)))
            case .bool(let b): return .int(b ? 1 : 0)
            case .text(let s):
                let t = s.trimmingCharacters(in: .whitespaces)
                if let i = Int64(t) ?? VietnameseNumber.int(text: t) { return .int(i) }
                if let d = Double(t) ?? VietnameseNumber.decimal(text: t) { return .int(try toInt(d.rounded(.towardZero))) }
                throw KernelError("\"\(s)\" is not a number")
            default: throw KernelError("int() cannot convert \(args[0].type)")
            }
        case .decimal:
            switch args[0] {
            case .int(let i): return .decimal(Double(i))
            case .decimal: return args[0]
            case .text(let s):
                let t = s.trimmingCharacters(in: .whitespaces)
                guard let d = Double(t) ?? VietnameseNumber.decimal(text: t) else { throw KernelError("\"\(s)\" is not a number") }
                return .decimal(d)
            default: throw KernelError("decimal() cannot convert \(args[0].type)")
            }
        case .text:
            switch args[0] {
            case .null: return .null
            case .text: return args[0]
            case .date(let d): return .text(d.iso)
            case .decimal(let d): return .text(plainText(.decimal(d)))
            default: return .text(plainText(args[0]))
            }
        case .percent:
            throw KernelError("percent() works on a column")
        case .value:
            return .null  // handled above
        case .label, .fmt, .pct, .vnd, .date_vi:
            throw KernelError("\(f.rawValue)() needs the session's language")
        }
    }

    static func datePart(_ f: Builtin, _ d: Day) -> Int {
        let (y, m, day) = d.components
        switch f {
        case .year: return y
        case .month: return m
        case .day: return day
        case .quarter: return (m - 1) / 3 + 1
        default: return m <= 6 ? 1 : 2
        }
    }

    static func round(_ x: Double, _ digits: Int) -> Double {
        let scale = pow(10.0, Double(digits))
        let r = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
        return r.isFinite ? r : x
    }

    static func toInt(_ d: Double) throws -> Int64 {
        guard let i = Int64(exactly: d) else {
            throw KernelError("\(d) does not fit in a 64-bit integer")
        }
        return i
    }

    static func textFunction(_ f: Builtin, _ s: String) -> Value {
        switch f {
        case .lower: return .text(s.lowercased())
        case .upper: return .text(s.uppercased())
        case .trim: return .text(s.trimmingCharacters(in: .whitespacesAndNewlines))
        case .fold: return .text(foldForSearch(s))
        default: return .int(Int64(s.count))
        }
    }

    /// A built-in over columns. Text functions run once per distinct string; date parts run on the
    /// day numbers; the rest go row by row through `scalar`.
    static func call(_ f: Builtin, _ args: [Vec], _ count: Int) throws -> Vec {
        var scalars: [Value] = []
        for a in args { if case .scalar(let v) = a { scalars.append(v) } }
        if scalars.count == args.count { return .scalar(try scalar(f, scalars)) }

        if args.count == 1, case .column(let c) = args[0] {
            switch (f, c.storage) {
            case (.year, .date(let a)), (.month, .date(let a)), (.day, .date(let a)),
                 (.quarter, .date(let a)), (.half, .date(let a)):
                // Dates span a few thousand days at most in practice: each day's part is worked
                // out once into a table indexed by day, then looked up per row.
                @inline(__always) func part(_ day: Int32) -> Int64 {
                    f == .year ? Int64(Day(number: day).components.year) : Int64(datePart(f, Day(number: day)))
                }
                var out = [Int64](repeating: 0, count: count)
                let low = a.min() ?? 0, high = a.max() ?? 0
                if count > 64, Int(high) - Int(low) < count {
                    let table = (low...high).map(part)
                    for i in 0..<count { out[i] = table[Int(a[i] - low)] }
                } else {
                    for i in 0..<count { out[i] = part(a[i]) }
                }
                return .column(Column(.int(out), validity: c.validity))
            case (.lower, .text(let codes, let dict)), (.upper, .text(let codes, let dict)),
                 (.trim, .text(let codes, let dict)), (.fold, .text(let codes, let dict)),
                 (.merged, .text(let codes, let dict)),
                 (.date, .text(let codes, let dict)), (.len, .text(let codes, let dict)):
                // One result per distinct string, then a gather by code.
                // Strings seen only under null cells must not raise an error.
                var used = [Bool](repeating: c.validity == nil, count: dict.strings.count)
                if c.validity != nil { for i in 0..<count where c.isValid(i) { used[Int(codes[i])] = true } }
                let perEntry = try dict.strings.indices.map { i -> Value in
                    used[i] ? try scalar(f, [.text(dict.strings[i])]) : .null
                }
                let entryColumn = Column.from(perEntry, type: f == .len ? .int : (f == .date ? .date : .text))
                var gathered = entryColumn.gather(codes)
                gathered.validity = Bitmap.and(gathered.validity, c.validity)
                return .column(gathered)
            default: break
            }
        }
        // Row by row: correct for every function and type, used for the rarer combinations.
        let columns = args.map { arg -> Column? in if case .column(let c) = arg { return c } else { return nil } }
        var results = [Value](repeating: .null, count: count)
        var resultType: DataType = .null
        for row in 0..<count {
            let values = args.indices.map { i -> Value in
                if let c = columns[i] { return c[row] }
                if case .scalar(let v) = args[i] { return v }
                return .null
            }
            results[row] = try scalar(f, values)
            if !results[row].isNull { resultType = results[row].type }
        }
        return .column(Column.from(results, type: resultType == .null ? .int : resultType))
    }

    /// `label(code)`: each distinct code is looked up once; a text that is no code stays as it is.
    static func label(_ x: Vec, _ language: Language) -> Vec {
        func name(_ s: String) -> String { Enumerations.label(s, language) ?? s }
        switch x {
        case .scalar(.text(let s)): return .scalar(.text(name(s)))
        case .scalar: return x
        case .column(let c):
            guard case .text(let codes, let dict) = c.storage else { return x }
            return .column(Column(.text(codes: codes, dictionary: StringDictionary(dict.strings.map(name))), validity: c.validity))
        }
    }

    /// Functions that see the whole column: `percent(x)`.
    static func window(_ f: Builtin, _ x: Vec, _ count: Int) throws -> Vec {
        let column = x.materialize(count, type: .decimal)
        guard let values = column.doubles else { throw KernelError("percent() needs numbers") }
        var total = 0.0
        for i in 0..<count where column.isValid(i) { total += values[i] }
        // A column that sums to zero has no shares: every row's share is null, not an error.
        guard total != 0 else { return .column(Column.nulls(.decimal, count: count)) }
        return .column(Column(.decimal(values.map { 100 * $0 / total }), validity: column.validity))
    }
}
