import CoopQLBase

/// Binding calls: built-in functions, aggregates (only inside `summarize`, `count by` and `pivot`),
/// `percent` (sees a whole column), and functions defined with `fn`.
extension Checker {
    /// Collects the aggregates of one `summarize` while its items are bound; each becomes a column
    /// of the table of groups, after the keys.
    final class AggregateCollector {
        let keyCount: Int
        var calls: [AggregateCall] = []
        init(keyCount: Int) { self.keyCount = keyCount }
    }

    func bindCall(_ name: String, _ args: [Expr], _ e: Expr, _ scope: Scope) throws(Failure) -> BoundExpr {
        if let function = AggregateFunction(rawValue: name) {
            return try bindAggregate(function, args, e, scope)
        }
        if let builtin = Builtin(rawValue: name) {
            try checkArity(name, builtin.arity, args, e)
            if builtin == .percent {
                guard scope.row != nil, scope.aggregates == nil else {
                    throw fail(.type, "percent(x) works on a column of a table: use it in `extend` or `select`", e.span,
                               suggestion: "write … | extend pct = percent(count)")
                }
            }
            let bound = try args.map { a throws(Failure) in try bind(a, scope) }
            switch builtin.resultType(bound.map(\.type)) {
            case .failure(let problem):
                let arg = bound[problem.index]
                throw fail(.type, "\(name)() needs \(problem.expected) as argument \(problem.index + 1), but `\(source.slice(arg.span))` is \(arg.type)",
                           arg.span, suggestion: conversionHint(arg, expected: problem.expected), hint: builtin.summary)
            case .success(let type):
                if builtin == .percent { return BoundExpr(.window(.percent, bound[0]), type, e.span) }
                return try foldConstant(BoundExpr(.builtin(builtin, bound), type, e.span))
            }
        }
        if let function = env.functions[name] {
            try checkArity(name, function.parameters.count...function.parameters.count, args, e)
            let bound = try args.map { a throws(Failure) in try bind(a, scope) }
            let version = try instance(of: function, for: bound.map(\.type))
            return BoundExpr(.userCall(version, bound), version.returnType, e.span)
        }
        let candidates = Builtin.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue) + env.functions.keys.sorted()
        throw fail(.name, "unknown function `\(name)`", Span(e.span.start, e.span.start + name.utf8.count),
                   suggestion: suggestion(for: name, among: candidates).map { "did you mean `\($0)`?" },
                   hint: "define your own with: fn \(name)(x) = …")
    }

    func checkArity(_ name: String, _ arity: ClosedRange<Int>, _ args: [Expr], _ e: Expr) throws(Failure) {
        guard !arity.contains(args.count) else { return }
        let wanted = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
        let noun = arity.upperBound == 1 && arity.lowerBound == 1 ? "argument" : "arguments"
        throw fail(.type, "\(name)() takes \(wanted) \(noun), but \(args.count) \(args.count == 1 ? "was" : "were") given", e.span,
                   hint: Builtin(rawValue: name)?.summary ?? AggregateFunction(rawValue: name)?.summary)
    }

    func bindAggregate(_ function: AggregateFunction, _ args: [Expr], _ e: Expr, _ scope: Scope) throws(Failure) -> BoundExpr {
        guard let collector = scope.aggregates else {
            throw fail(.type, "\(function.rawValue)() is an aggregate: it belongs in `summarize`", e.span,
                       suggestion: "write … | summarize n = \(source.slice(e.span))",
                       hint: scope.row == nil ? "aggregates work on the rows of a table" : nil)
        }
        guard !scope.insideAggregate else {
            throw fail(.type, "an aggregate cannot contain another aggregate", e.span)
        }
        try checkArity(function.rawValue, function.arity, args, e)
        var inner = scope
        inner.insideAggregate = true
        let argument = try args.first.map { a throws(Failure) in try bind(a, inner) }
        switch function.resultType(argument?.type) {
        case .failure(let problem):
            let arg = argument!
            throw fail(.type, "\(function.rawValue)() needs \(problem.expected), but `\(source.slice(arg.span))` is \(arg.type)",
                       arg.span, suggestion: function == .sum ? "count the rows with count(), or the different values with count_distinct(\(source.slice(arg.span)))" : nil,
                       hint: function.summary)
        case .success(let type):
            collector.calls.append(AggregateCall(function: function, argument: argument, type: type, span: e.span))
            return BoundExpr(.column(collector.keyCount + collector.calls.count - 1), type, e.span)
        }
    }

    func conversionHint(_ arg: BoundExpr, expected: String) -> String? {
        if expected.hasPrefix("a date"), arg.type == .text { return "turn the text into a date: date(\(source.slice(arg.span)))" }
        if expected.hasPrefix("a number"), arg.type == .text { return "turn the text into a number: int(\(source.slice(arg.span)))" }
        return nil
    }

    /// Computes a built-in call on constants now, so `date("2022-13-01")` is an error before
    /// anything runs and `date("2022-01-01")` costs nothing per row.
    func foldConstant(_ e: BoundExpr) throws(Failure) -> BoundExpr {
        // today() and the functions that write for people depend on when and in which language
        // the query runs.
        // year() is kept as a call so a report can tell a year (2022) from a count (2.022).
        guard case .builtin(let builtin, let args) = e.kind, builtin != .today, builtin != .year, !builtin.usesLanguage else { return e }
        var values: [Value] = []
        for a in args {
            guard case .constant(let v) = a.kind else { return e }
            values.append(v)
        }
        do {
            let result = try BuiltinKernels.scalar(builtin, values)
            return BoundExpr(.constant(result), e.type, e.span)
        } catch let problem as KernelError {
            throw fail(.runtime, problem.message, e.span, suggestion: problem.suggestion)
        } catch {
            return e
        }
    }
}
