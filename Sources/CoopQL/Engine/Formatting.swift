import CoopQLBase

/// The functions that write values for people — `fmt`, `pct`, `vnd`, `date_vi` — the way
/// Vietnamese reports write them (1.915; 3,5; 87%; 1 tỷ 456 triệu đồng; 23/12/2022), or the
/// English way when the session's language is English.
enum Formatting {
    static func call(_ f: Builtin, _ args: [Vec], _ count: Int, _ language: Language) throws -> Vec {
        let scalars = args.compactMap { v -> Value? in if case .scalar(let s) = v { return s } else { return nil } }
        if scalars.count == args.count { return .scalar(try scalar(f, scalars, language)) }
        var out = [Value](repeating: .null, count: count)
        for row in 0..<count {
            let values = args.map { v -> Value in
                switch v {
                case .scalar(let s): return s
                case .column(let c): return c[row]
                }
            }
            out[row] = try scalar(f, values, language)
        }
        return .column(Column.from(out, type: .text))
    }

    static func scalar(_ f: Builtin, _ args: [Value], _ language: Language) throws -> Value {
        if args[0].isNull { return .null }
        let style: NumberStyle = language == .vi ? .vietnamese : .english
        var digits: Int?
        if args.count > 1, case .int(let n) = args[1] { digits = Int(max(0, min(15, n))) }
        switch f {
        case .fmt:
            if case .date(let d) = args[0] { return .text(language == .vi ? dateVi(d) : d.iso) }
            return .text(number(args[0], digits: digits, style))
        case .pct:
            guard let x = args[0].asDouble else { throw KernelError("pct() needs a number") }
            return .text(number(.decimal(BuiltinKernels.round(x, digits ?? 0)), digits: digits ?? 0, style) + "%")
        case .vnd:
            var unit: String?
            if args.count > 1, case .text(let u) = args[1] { unit = u }
            return .text(try money(args[0], unit: unit, language))
        case .date_vi:
            guard case .date(let d) = args[0] else { throw KernelError("date_vi() needs a date") }
            return .text(dateVi(d))
        default:
            throw KernelError("\(f.rawValue)() is not a formatting function")
        }
    }

    /// A number grouped in the style; with `digits`, rounded to at most that many decimals.
    static func number(_ v: Value, digits: Int?, _ style: NumberStyle) -> String {
        switch v {
        case .int(let i): return formatInteger(i, style: style)
        case .decimal(let d):
            let x = digits.map { BuiltinKernels.round(d, $0) } ?? d
            if x == x.rounded(), abs(x) < 9e15 { return formatInteger(Int64(x), style: style) }
            return formatDecimal(x, style: style)
        default: return plainText(v)
        }
    }

    static func dateVi(_ d: Day) -> String {
        let (y, m, day) = d.components
        return "\(Day.pad(day, 2))/\(Day.pad(m, 2))/\(Day.pad(y, 4))"
    }

    static let units: [(name: String, en: String, size: Int64)] = [
        ("tỷ", "billion", 1_000_000_000), ("triệu", "million", 1_000_000), ("nghìn", "thousand", 1_000),
    ]

    /// `1 tỷ 456 triệu đồng`; with a unit, the amount in that unit: `28,9 tỷ đồng`.
    static func money(_ v: Value, unit: String?, _ language: Language) throws -> String {
        let style: NumberStyle = language == .vi ? .vietnamese : .english
        let currency = language == .vi ? "đồng" : "VND"
        if let unit {
            guard let u = units.first(where: { $0.name == unit || $0.en == unit }) else {
                throw KernelError("vnd() knows the units \"tỷ\", \"triệu\" and \"nghìn\", not \"\(unit)\"")
            }
            let amount = (v.asDouble ?? 0) / Double(u.size)
            return number(.decimal(amount), digits: 3, style) + " " + (language == .vi ? u.name : u.en) + " " + currency
        }
        guard case .int(var rest) = v else {
            return number(v, digits: 0, style) + " " + currency
        }
        if rest == 0 { return "0 " + currency }
        let sign = rest < 0 ? "-" : ""
        rest = rest.magnitude > UInt64(Int64.max) ? Int64.max : abs(rest)
        var parts: [String] = []
        for u in units where rest >= u.size {
            parts.append("\(rest / u.size) " + (language == .vi ? u.name : u.en))
            rest %= u.size
        }
        if rest > 0 { parts.append(String(rest)) }
        return sign + parts.joined(separator: " ") + " " + currency
    }
}
