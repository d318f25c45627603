import CoopQLBase

/// Binary operators over columns: arithmetic, comparisons and text matching.
extension Kernels {
    static func binary(_ op: BinaryOperator, _ a: Vec, _ b: Vec, _ count: Int) throws -> Vec {
        if case .scalar(let x) = a, case .scalar(let y) = b { return .scalar(try Scalars.binary(op, x, y)) }
        // A null constant makes every row null.
        if case .scalar(.null) = a { return .scalar(.null) }
        if case .scalar(.null) = b { return .scalar(.null) }
        switch op {
        case .add, .subtract, .multiply, .divide, .remainder:
            return try arithmetic(op, a, b, count)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return try comparison(op, a, b, count)
        case .contains, .notContains, .foldedEqual:
            return try textMatch(op, a, b, count)
        case .and, .or:
            return try logic(op, a, b, count)
        case .coalesce:
            return try coalesce(a, b, count, type: .any)
        }
    }

    /// A column's cells, or one value repeated: what the loops below read.
    enum Operand<T> {
        case array([T])
        case constant(T)
        @inline(__always) subscript(i: Int) -> T {
            switch self {
            case .array(let a): return a[i]
            case .constant(let c): return c
            }
        }
    }

    static func validity(_ a: Vec, _ b: Vec) -> Bitmap? {
        var va: Bitmap?, vb: Bitmap?
        if case .column(let c) = a { va = c.validity }
        if case .column(let c) = b { vb = c.validity }
        return Bitmap.and(va, vb)
    }

    static func ints(_ v: Vec) -> Operand<Int64>? {
        switch v {
        case .scalar(.int(let i)): return .constant(i)
        case .column(let c): if case .int(let a) = c.storage { return .array(a) }
        default: break
        }
        return nil
    }

    static func doubles(_ v: Vec) -> Operand<Double>? {
        switch v {
        case .scalar(let s): return s.asDouble.map { .constant($0) }
        case .column(let c): return c.doubles.map { .array($0) }
        }
    }

    static func dates(_ v: Vec) -> Operand<Int32>? {
        switch v {
        case .scalar(.date(let d)): return .constant(d.number)
        case .column(let c): if case .date(let a) = c.storage { return .array(a) }
        default: break
        }
        return nil
    }

    // MARK: - Arithmetic

    static func arithmetic(_ op: BinaryOperator, _ a: Vec, _ b: Vec, _ count: Int) throws -> Vec {
        let valid = validity(a, b)
        if op != .divide, let x = ints(a), let y = ints(b) {
            var out = [Int64](repeating: 0, count: count)
            for i in 0..<count {
                do { out[i] = try Arithmetic.int(op, x[i], y[i]) }
                catch { if valid?[i] ?? true { throw error } }
            }
            return .column(Column(.int(out), validity: valid))
        }
        if let d = dates(a), let n = ints(b), op == .add || op == .subtract {
            var out = [Int32](repeating: 0, count: count)
            for i in 0..<count {
                do { out[i] = try Arithmetic.shift(d[i], op, n[i]) }
                catch { if valid?[i] ?? true { throw error } }
            }
            return .column(Column(.date(out), validity: valid))
        }
        if let x = dates(a), let y = dates(b), op == .subtract {
            return .column(Column(.int((0..<count).map { Int64(x[$0]) - Int64(y[$0]) }), validity: valid))
        }
        if op == .add, let x = texts(a, count), let y = texts(b, count) {
            return .column(Column.from((0..<count).map { i -> Value in
                (valid?[i] ?? true) ? .text(x(i) + y(i)) : .null
            }, type: .text))
        }
        guard let x = doubles(a), let y = doubles(b) else {
            throw KernelError("`\(op.rawValue)` needs numbers")
        }
        var out = [Double](repeating: 0, count: count)
        switch op {
        case .add: for i in 0..<count { out[i] = x[i] + y[i] }
        case .subtract: for i in 0..<count { out[i] = x[i] - y[i] }
        case .multiply: for i in 0..<count { out[i] = x[i] * y[i] }
        default:
            for i in 0..<count {
                do { out[i] = try Arithmetic.double(op, x[i], y[i]) }
                catch { if valid?[i] ?? true { throw error } }
            }
        }
        try rejectMadeNonFinite(out, x, y, valid)
        return .column(Column(.decimal(out), validity: valid))
    }

    /// Row access to a text operand (slow path: concatenation, column-to-column text comparison).
    static func texts(_ v: Vec, _ count: Int) -> ((Int) -> String)? {
        switch v {
        case .scalar(.text(let s)): return { _ in s }
        case .column(let c):
            if case .text(let codes, let dict) = c.storage { return { dict.strings[Int(codes[$0])] } }
        default: break
        }
        return nil
    }

    // MARK: - Comparison

    static func comparison(_ op: BinaryOperator, _ a: Vec, _ b: Vec, _ count: Int) throws -> Vec {
        let valid = validity(a, b)
        var out = [Bool](repeating: false, count: count)
        // Text against a constant: decide once per distinct string, then per row by code.
        if let (codes, dict, constant, flipped) = textAgainstConstant(a, b) {
            let hit = comparisonHits(op, dict, constant, flipped: flipped)
            for i in 0..<count { out[i] = hit[Int(codes[i])] }
            return .column(Column(.bool(out), validity: valid))
        }
        if let x = ints(a), let y = ints(b) {
            if case .array(let xs) = x, case .constant(let c) = y {
                // A column against a constant, the usual filter: a loop without a case per cell.
                xs.withUnsafeBufferPointer { v in compareLoop(op, count, &out) { v[$0] < c ? -1 : (v[$0] == c ? 0 : 1) } }
            } else {
                compareLoop(op, count, &out) { x[$0] < y[$0] ? -1 : (x[$0] == y[$0] ? 0 : 1) }
            }
        } else if let x = dates(a), let y = dates(b) {
            compareLoop(op, count, &out) { x[$0] < y[$0] ? -1 : (x[$0] == y[$0] ? 0 : 1) }
        } else if let x = doubles(a), let y = doubles(b) {
            compareLoop(op, count, &out) { x[$0] < y[$0] ? -1 : (x[$0] == y[$0] ? 0 : 1) }
        } else if let x = texts(a, count), let y = texts(b, count) {
            compareLoop(op, count, &out) { let s = x($0), t = y($0); return s == t ? 0 : (vietnameseLess(s, t) ? -1 : 1) }
        } else if let x = bools(a), let y = bools(b) {
            compareLoop(op, count, &out) { x[$0] == y[$0] ? 0 : (!x[$0] ? -1 : 1) }
        } else {
            throw KernelError("these values cannot be compared")
        }
        return .column(Column(.bool(out), validity: valid))
    }

    /// For each string of a dictionary, whether `string op constant` holds (`constant op string`
    /// when `flipped`).
    static func comparisonHits(_ op: BinaryOperator, _ dict: StringDictionary, _ constant: String,
                               flipped: Bool) -> [Bool] {
        if op == .equal || op == .notEqual {
            let code = dict.code(of: constant)
            return dict.strings.indices.map { (Int32($0) == code) == (op == .equal) }
        }
        return dict.strings.map { s in
            let order = s == constant ? 0 : (vietnameseLess(s, constant) ? -1 : 1)
            return op.accepts(flipped ? -order : order)
        }
    }

    @inline(__always)
    static func compareLoop(_ op: BinaryOperator, _ count: Int, _ out: inout [Bool], _ order: (Int) -> Int) {
        // Through a buffer: writing the array cell by cell checks its uniqueness every time.
        out.withUnsafeMutableBufferPointer { out in
            switch op {
            case .equal: for i in 0..<count { out[i] = order(i) == 0 }
            case .notEqual: for i in 0..<count { out[i] = order(i) != 0 }
            case .less: for i in 0..<count { out[i] = order(i) < 0 }
            case .lessEqual: for i in 0..<count { out[i] = order(i) <= 0 }
            case .greater: for i in 0..<count { out[i] = order(i) > 0 }
            default: for i in 0..<count { out[i] = order(i) >= 0 }
            }
        }
    }

    static func bools(_ v: Vec) -> Operand<Bool>? {
        switch v {
        case .scalar(.bool(let b)): return .constant(b)
        case .column(let c): if case .bool(let a) = c.storage { return .array(a) }
        default: break
        }
        return nil
    }

    /// (codes, dictionary, constant, flipped) when one side is a text column and the other a text
    /// constant; `flipped` when the constant is on the left.
    static func textAgainstConstant(_ a: Vec, _ b: Vec) -> ([Int32], StringDictionary, String, Bool)? {
        if case .column(let c) = a, case .text(let codes, let dict) = c.storage, case .scalar(.text(let s)) = b {
            return (codes, dict, s, false)
        }
        if case .column(let c) = b, case .text(let codes, let dict) = c.storage, case .scalar(.text(let s)) = a {
            return (codes, dict, s, true)
        }
        return nil
    }

    // MARK: - Text matching

    /// `~`, `!~`, `=~`: against a pattern, each distinct string is matched once, on the folded
    /// strings its dictionary keeps.
    static func textMatch(_ op: BinaryOperator, _ a: Vec, _ b: Vec, _ count: Int) throws -> Vec {
        let valid = validity(a, b)
        var out = [Bool](repeating: false, count: count)
        if case .column(let c) = a, case .text(let codes, let dict) = c.storage, case .scalar(.text(let pattern)) = b {
            let hit = matchHits(op, dict, pattern)
            for i in 0..<count { out[i] = hit[Int(codes[i])] }
        } else if let x = texts(a, count), let y = texts(b, count) {
            for i in 0..<count { out[i] = TextMatch(op, y(i)).matches(x(i)) }
        } else {
            throw KernelError("`\(op.rawValue)` compares text")
        }
        return .column(Column(.bool(out), validity: valid))
    }

    /// For each string of a dictionary, whether `string op pattern` holds for `~`, `!~` or `=~`.
    /// The folded strings are the dictionary's own (folded by the first query that needed them).
    static func matchHits(_ op: BinaryOperator, _ dict: StringDictionary, _ pattern: String) -> [Bool] {
        let folded = dict.folded
        switch op {
        case .contains: return folded.containing(pattern)
        case .notContains: return folded.containing(pattern).map { !$0 }
        default: return folded.equal(to: pattern)
        }
    }
}

extension Kernels {
    /// The column form of `Arithmetic.double`'s rule: a result that is ∞ or NaN where both
    /// operands were finite numbers is an error; the loop itself stays a plain one.
    static func rejectMadeNonFinite(_ out: [Double], _ x: Operand<Double>, _ y: Operand<Double>, _ valid: Bitmap?) throws {
        for i in out.indices where !out[i].isFinite && x[i].isFinite && y[i].isFinite && (valid?[i] ?? true) {
            throw Arithmetic.notANumber()
        }
    }
}
