import CoopQLBase

/// Binding expressions: names to columns, variables and tables; calls to functions; types checked.
extension Checker {
    func bind(_ e: Expr, _ scope: Scope) throws(Failure) -> BoundExpr {
        switch e.kind {
        case .literal(let literal):
            let value: Value
            switch literal {
            case .int(let i): value = .int(i)
            case .decimal(let d): value = .decimal(d)
            case .text(let s): value = .text(s)
            case .bool(let b): value = .bool(b)
            case .null: value = .null
            }
            return BoundExpr(.constant(value), value.type, e.span)
        case .name(let name):
            return try bindName(name, e.span, scope)
        case .parameter(let name):
            guard let type = env.params[name] else {
                let known = Array(env.params.keys).sorted()
                throw fail(.name, "unknown parameter `$\(name)`", e.span,
                           suggestion: suggestion(for: name, among: known).map { "did you mean `$\($0)`?" }
                               ?? "declare it first: param \(name) = …")
            }
            return BoundExpr(.parameter(name), type, e.span)
        case .member(let base, let field):
            return try bindMember(base, field, e, scope)
        case .call(let name, let args):
            return try bindCall(name, args, e, scope)
        case .unary(let op, let operand):
            let x = try bind(operand, scope)
            switch op {
            case .negate:
                guard x.type.isNumeric else { throw fail(.type, "`-` needs a number, but this is \(x.type)", operand.span) }
                return BoundExpr(.unary(.negate, x), x.type == .null ? .int : x.type, e.span)
            case .not:
                try expectType(x, .bool, "`not` needs true or false")
                return BoundExpr(.unary(.not, x), .bool, e.span)
            }
        case .binary(let op, let l, let r):
            var bl = try bind(l, scope), br = try bind(r, scope)
            if op == .equal || op == .notEqual {
                try checkCodes(bl, [br], scope)
                try checkCodes(br, [bl], scope)
                br = try checkPlaceName(bl, br, scope)
                bl = try checkPlaceName(br, bl, scope)
            }
            return try bindBinary(op, bl, br, e)
        case .isNull(let x, let negated):
            return BoundExpr(.isNull(try bind(x, scope), negated: negated), .bool, e.span)
        case .isIn(let x, let list, let negated):
            let bx = try bind(x, scope)
            var bl = try bind(list, scope)
            guard case .list(let element) = bl.type else {
                throw fail(.type, "`in` needs a list such as [\"a\", \"b\"] or a range 1..5, but this is \(bl.type)", list.span)
            }
            guard bx.type.fits(element) || element.fits(bx.type) else {
                throw fail(.type, "cannot look for \(bx.type) in a list of \(element)", e.span)
            }
            if case .list(let items) = bl.kind {
                try checkCodes(bx, items, scope)
                let named = try items.map { item throws(Failure) in try checkPlaceName(bx, item, scope) }
                bl = BoundExpr(.list(named), bl.type, bl.span)
            }
            return BoundExpr(.isIn(bx, bl, negated: negated), .bool, e.span)
        case .range(let a, let b):
            let lo = try bind(a, scope), hi = try bind(b, scope)
            try requireFixed([lo, hi], "a range")
            for side in [lo, hi] where !(side.type.fits(.int) || side.type.fits(.date)) {
                throw fail(.type, "a range goes between whole numbers or dates, not \(side.type)", side.span)
            }
            let element: DataType = lo.type == .date || hi.type == .date ? .date : .int
            return BoundExpr(.range(lo, hi), .list(element), e.span)
        case .list(let items):
            let bound = try items.map { i throws(Failure) in try bind(i, scope) }
            try requireFixed(bound, "a list")
            guard let element = DataType.unify(bound.map(\.type)) else {
                throw fail(.type, "a list holds values of one type; this one mixes \(Set(bound.map { $0.type.description }).sorted().joined(separator: " and "))", e.span,
                           suggestion: "give every item the same type: text(x) writes a number or a date as text")
            }
            return BoundExpr(.list(bound), .list(element), e.span)
        case .conditional(let c, let a, let b):
            let bc = try bind(c, scope)
            try expectType(bc, .bool, "the condition of `if` must be true or false")
            let ba = try bind(a, scope), bb = try bind(b, scope)
            guard let type = DataType.unify([ba.type, bb.type]) else {
                throw fail(.type, "the two branches of `if` give different types: \(ba.type) and \(bb.type)", e.span)
            }
            return BoundExpr(.conditional(bc, ba, bb), type, e.span)
        case .pipeline(let head, let stages):
            return try bindPipeline(head, stages, e, scope)
        }
    }

    /// A column whose values are codes (`sector`) compared with a text that is no code of its
    /// enumeration can never match: almost always a typo, so it is an error with the closest code.
    func checkCodes(_ column: BoundExpr, _ values: [BoundExpr], _ scope: Scope) throws(Failure) {
        guard case .column(let i) = column.kind, let row = scope.row, i < row.columns.count,
              let enumeration = CoreSchema.enumeration(table: row.columns[i].qualifier, column: row.columns[i].name)
        else { return }
        for value in values {
            guard case .constant(.text(let code)) = value.kind, !enumeration.codes.contains(code) else { continue }
            let guess = suggestion(for: code, among: enumeration.codes)
                ?? enumeration.values.first { foldForSearch($0.vi) == foldForSearch(code) || foldForSearch($0.en) == foldForSearch(code) }?.code
            throw fail(.type, "\"\(code)\" is not a code of `\(row.columns[i].name)`", value.span,
                       suggestion: guess.map { "did you mean \"\($0)\"?" },
                       hint: "the codes are: " + enumeration.codes.joined(separator: ", "))
        }
    }

    /// Lists and ranges hold values fixed for the whole query, never a column's cells.
    func requireFixed(_ items: [BoundExpr], _ what: String) throws(Failure) {
        for item in items where !item.columnsRead.isEmpty {
            throw fail(.type, "\(what) cannot hold a column's values: `\(source.slice(item.span))` changes from row to row", item.span,
                       suggestion: "compare with the column directly, as in x == \(source.slice(item.span)) or x == 5")
        }
    }

    // MARK: - Names

    func bindName(_ name: String, _ span: Span, _ scope: Scope) throws(Failure) -> BoundExpr {
        if let row = scope.row {
            switch row.lookup(name) {
            case .found(let i):
                if scope.aggregates != nil && !scope.insideAggregate {
                    throw fail(.type, "`\(name)` is a column: in `summarize` it must be inside an aggregate", span,
                               suggestion: "write sum(\(name)), or put it after `by` to group by it")
                }
                return BoundExpr(.column(i), row.columns[i].type, span)
            case .ambiguous(let hits):
                let options = hits.map { "\(row.columns[$0].qualifier ?? "?").\(name)" }
                throw fail(.name, "`\(name)` is ambiguous here: it could be \(options.joined(separator: " or "))", span,
                           suggestion: "write \(options[0]) or \(options[1])")
            case .missing: break
            }
        }
        if let local = scope.locals[name] { return BoundExpr(.local(local.slot), local.type, span) }
        // A function may read the top-level `let`s made before it (their value when it runs).
        if let type = env.globals[name] { return BoundExpr(.global(name), type, span) }
        if let schema = env.tables[name] { return BoundExpr(.table(name), .table(schema), span) }
        throw unknownName(name, span, scope)
    }

    func unknownName(_ name: String, _ span: Span, _ scope: Scope) -> Failure {
        let columns = scope.row?.columns.map(\.name) ?? []
        let others = Array(scope.locals.keys) + Array(env.globals.keys) + Array(env.tables.keys)
        let all = columns + others.sorted()
        let message = scope.row != nil ? "unknown column `\(name)`" : "unknown name `\(name)`"
        if scope.row == nil, env.params[name] != nil {
            return fail(.name, message, span, suggestion: "parameters are read with a dollar sign: `$\(name)`")
        }
        if let guess = suggestion(for: name, among: all) {
            return fail(.name, message, span, suggestion: "did you mean `\(guess)`?")
        }
        let hint: String? = scope.row.map { "the columns here are: " + $0.names.joined(separator: ", ") }
            ?? (env.tables.isEmpty ? nil : "the tables are: " + env.tables.keys.sorted().joined(separator: ", "))
        return fail(.name, message, span, hint: hint)
    }

    func bindMember(_ base: Expr, _ field: String, _ e: Expr, _ scope: Scope) throws(Failure) -> BoundExpr {
        // `t.c` inside a stage names column c of table t.
        if case .name(let qualifier) = base.kind, let row = scope.row,
           row.columns.contains(where: { $0.qualifier == qualifier }) {
            switch row.lookup(field, qualifier: qualifier) {
            case .found(let i): return BoundExpr(.column(i), row.columns[i].type, e.span)
            case .ambiguous:
                throw fail(.name, "`\(qualifier).\(field)` is ambiguous", e.span)
            case .missing:
                let names = row.columns.filter { $0.qualifier == qualifier }.map(\.name)
                throw fail(.name, "`\(qualifier)` has no column `\(field)`", e.span,
                           suggestion: suggestion(for: field, among: names).map { "did you mean `\(qualifier).\($0)`?" },
                           hint: "its columns are: " + names.joined(separator: ", "))
            }
        }
        let b = try bind(base, scope)
        switch b.type {
        case .record(let schema):
            switch schema.lookup(field) {
            case .found(let i): return BoundExpr(.field(b, i), schema.columns[i].type, e.span)
            default:
                throw fail(.name, "this row has no field `\(field)`", e.span,
                           suggestion: suggestion(for: field, among: schema.names).map { "did you mean `\($0)`?" },
                           hint: "its fields are: " + schema.names.joined(separator: ", "))
            }
        case .any:
            throw fail(.type, "cannot read `.\(field)` of a value whose type is not known here", e.span)
        case .table:
            throw fail(.type, "`\(source.slice(base.span)).\(field)` names a column, but there is no row here", e.span,
                       suggestion: "use it inside a stage, as in \(source.slice(base.span)) | select \(field)")
        default:
            throw fail(.type, "\(b.type) has no fields", e.span)
        }
    }

    // MARK: - Operators

    func bindBinary(_ op: BinaryOperator, _ l: BoundExpr, _ r: BoundExpr, _ e: Expr) throws(Failure) -> BoundExpr {
        let lt = l.type, rt = r.type
        func mismatch(_ what: String) -> Failure {
            let message = op.isComparison ? what : "\(what), but this is \(lt) \(op.rawValue) \(rt)"
            return fail(.type, message, e.span, suggestion: conversionHint(l, r))
        }
        let type: DataType
        switch op {
        case .add, .subtract, .multiply, .remainder:
            if op == .add, lt.fits(.text), rt.fits(.text), lt == .text || rt == .text { type = .text }
            else if (op == .add || op == .subtract), lt.fits(.date), rt.fits(.int), lt == .date { type = .date }
            else if op == .subtract, lt == .date, rt == .date { type = .int }
            else if lt.isNumeric, rt.isNumeric {
                type = lt == .decimal || rt == .decimal ? .decimal : (lt == .any || rt == .any ? .any : .int)
            } else { throw mismatch("`\(op.rawValue)` needs numbers") }
        case .divide:
            guard lt.isNumeric, rt.isNumeric else { throw mismatch("`/` needs numbers") }
            type = .decimal
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            guard comparable(lt, rt) else { throw mismatch("cannot compare \(lt) with \(rt)") }
            type = .bool
        case .contains, .notContains, .foldedEqual:
            guard lt.fits(.text), rt.fits(.text) else { throw mismatch("`\(op.rawValue)` compares text") }
            type = .bool
        case .and, .or:
            guard lt.fits(.bool), rt.fits(.bool) else { throw mismatch("`\(op.rawValue)` needs true or false on both sides") }
            type = .bool
        case .coalesce:
            guard let t = DataType.unify([lt, rt]) else { throw mismatch("`??` needs the same type on both sides") }
            type = t
        }
        return BoundExpr(.binary(op, l, r), type, e.span)
    }

    func comparable(_ a: DataType, _ b: DataType) -> Bool {
        if a == .any || b == .any || a == .null || b == .null { return true }
        if a.isNumeric && b.isNumeric { return true }
        return a == b && a.isScalar
    }

    /// "write date("…")" when a date meets text, and the like.
    func conversionHint(_ l: BoundExpr, _ r: BoundExpr) -> String? {
        let pair = (l.type, r.type)
        if pair == (.date, .text) || pair == (.text, .date) {
            let textSide = l.type == .text ? l : r
            return "turn the text into a date: date(\(source.slice(textSide.span)))"
        }
        if (l.type == .text && r.type.isNumeric) || (r.type == .text && l.type.isNumeric) {
            let textSide = l.type == .text ? l : r
            return "turn the text into a number: int(\(source.slice(textSide.span)))"
        }
        return nil
    }
}
