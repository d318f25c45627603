import Foundation
import CoopQLBase

/// Resolves every name and works out every type before anything runs, turning the syntax tree
/// into the bound tree. Finds as many problems as it can: one per statement, for all statements.
package final class Checker {
    /// What the checker knows of the world outside the script.
    package struct Environment {
        package var tables: [String: TableSchema]
        /// Types of values already bound by earlier runs (the REPL keeps them between entries).
        package var globals: [String: DataType] = [:]
        package var params: [String: DataType] = [:]
        package var functions: [String: UserFunction] = [:]
        /// `--param name=value` as given, before the script says what type each has.
        var paramOverrides: [String: String] = [:]
        /// Parameters the host bound with typed values (their types are in `params`): a script's
        /// `param` of the same name takes the host's value instead of its default.
        var hostParams: Set<String> = []
        /// Reads an imported file; nil when the host allows no file access.
        var readImport: (@Sendable (String, SourceText) throws -> SourceText)?
    }

    var env: Environment
    var source: SourceText
    package var diagnostics: [Diagnostic] = []
    /// Slots used by `for` variables at the top level of a script.
    var topLevelSlots = 0
    var importStack: [String] = []
    /// The values of this run's parameters, where the script or `--param` fixes them (not a
    /// host's typed bindings): a parameter compared with `province` is checked like a literal.
    var parameterValues: [String: (value: Value, given: String?)] = [:]
    /// Parameters already reported as no province: one message each, however often compared.
    var reportedParameters: Set<String> = []

    struct Failure: Error {}

    package init(environment: Environment, source: SourceText) {
        self.env = environment
        self.source = source
    }

    // MARK: - Statements

    package func check(_ script: Script) -> [BoundStatement] {
        let saved = source
        source = script.source
        defer { source = saved }
        var out: [BoundStatement] = []
        var scope = Scope()
        for statement in script.statements {
            do { out.append(try check(statement, &scope)) }
            catch {
                // A `let` that failed still defines its name, so later lines are not flooded with
                // "unknown name" errors.
                if case .let(let name, _) = statement.kind { env.globals[name] = .any }
            }
        }
        return out
    }

    func check(_ statement: Statement, _ scope: inout Scope) throws(Failure) -> BoundStatement {
        let span = statement.span
        switch statement.kind {
        case .expression(let e):
            return BoundStatement(kind: .expression(try bind(e, scope)), span: span)
        case .let(let name, let e):
            let value = try bind(e, scope)
            if scope.isTopLevel { env.globals[name] = value.type }
            else { throw fail(.syntax, "`let` is only allowed at the top level of a script", statement.nameSpan ?? span) }
            return BoundStatement(kind: .let(name, value), span: span)
        case .function(let name, let parameters, let body):
            if Builtin(rawValue: name) != nil || AggregateFunction(rawValue: name) != nil {
                throw fail(.name, "`\(name)` is a built-in function and cannot be redefined", statement.nameSpan ?? span,
                           suggestion: "choose another name")
            }
            if env.functions[name]?.host != nil {
                throw fail(.name, "`\(name)` is a function of the host program and cannot be redefined",
                           statement.nameSpan ?? span, suggestion: "choose another name")
            }
            let function = UserFunction(name: name, parameters: parameters, syntax: body)
            function.source = source
            env.functions[name] = function
            // The body is checked where the function is called, for the argument types given.
            return BoundStatement(kind: .block([]), span: span)
        case .param(let name, let typeName, let defaultValue):
            return try checkParam(name, typeName, defaultValue, statement, scope)
        case .print(let values):
            return BoundStatement(kind: .print(try values.map { e throws(Failure) in try bind(e, scope) }), span: span)
        case .if(let branches, let otherwise):
            var bound: [(BoundExpr, [BoundStatement])] = []
            for (condition, body) in branches {
                let c = try bind(condition, scope)
                try expectType(c, .bool, "an `if` condition must be true or false")
                bound.append((c, try checkBlock(body, scope)))
            }
            let other = try otherwise.map { b throws(Failure) in try checkBlock(b, scope) }
            return BoundStatement(kind: .if(bound.map { (condition: $0.0, body: $0.1) }, otherwise: other), span: span)
        case .for(let name, let sequence, let body):
            let items = try bind(sequence, scope)
            let itemType = try iterationType(of: items)
            var inner = scope
            let slot = scope.nextSlot
            inner.locals[name] = (slot, itemType)
            inner.nextSlot += 1
            topLevelSlots = max(topLevelSlots, inner.nextSlot)
            let boundBody = try checkBlock(body, inner)
            return BoundStatement(kind: .for(slot: slot, items, boundBody), span: span)
        case .import(let path):
            guard scope.isTopLevel else {
                throw fail(.syntax, "`import` is only allowed at the top level of a script", span)
            }
            return try checkImport(path, span)
        }
    }

    /// What `for` gives for each item: a row of a table, an element of a list or range.
    func iterationType(of items: BoundExpr) throws(Failure) -> DataType {
        switch items.type {
        case .table(let schema): return .record(schema)
        case .list(let t): return t
        case .any: return .any
        default: throw fail(.type, "`for` goes over a table, a list or a range, not \(items.type)", items.span)
        }
    }

    func checkBlock(_ statements: [Statement], _ scope: Scope) throws(Failure) -> [BoundStatement] {
        var inner = scope
        inner.isTopLevel = false
        var out: [BoundStatement] = []
        for s in statements { out.append(try check(s, &inner)) }
        return out
    }

    func checkParam(_ name: String, _ typeName: String?, _ defaultValue: Expr?, _ statement: Statement,
                    _ scope: Scope) throws(Failure) -> BoundStatement {
        let nameSpan = statement.nameSpan ?? statement.span
        if env.hostParams.contains(name), let given = env.params[name] {
            // The host's value is already in the runtime; only its type needs checking.
            let named = typeName.flatMap { ["int": DataType.int, "decimal": .decimal, "bool": .bool, "date": .date, "text": .text][$0] }
            var declared = named
            if declared == nil, let d = defaultValue { declared = try bind(d, scope).type }
            if let declared, given != .null, !given.fits(declared) {
                throw fail(.type, "the host gave `\(name)` a value of type \(given), but the parameter is declared \(declared)", nameSpan)
            }
            return BoundStatement(kind: .block([]), span: statement.span)
        }
        let boundDefault = try defaultValue.map { e throws(Failure) in try bind(e, scope) }
        var type: DataType = boundDefault?.type ?? .text
        if let typeName {
            type = ["int": .int, "decimal": .decimal, "bool": .bool, "date": .date][typeName] ?? .text
            if let d = boundDefault, !d.type.fits(type) {
                throw fail(.type, "the default of `\(name)` is \(d.type), but the parameter is declared \(type)", d.span)
            }
        }
        guard type.isScalar, type != .any else {
            throw fail(.type, "a parameter holds a single value (number, text, date or bool), not \(type)", nameSpan)
        }
        if type == .null { type = .text }
        env.params[name] = type
        var value = boundDefault
        if let raw = env.paramOverrides[name] {
            guard let parsed = ParameterValue.parse(raw, as: type) else {
                throw fail(.usage, "--param \(name)=\(raw): `\(raw)` is not \(ParameterValue.describe(type))", nameSpan,
                           suggestion: "give \(name) \(ParameterValue.example(type))")
            }
            value = BoundExpr(.constant(parsed), type, nameSpan)
        }
        if !env.hostParams.contains(name), case .constant(let v)? = value?.kind {
            parameterValues[name] = (v, env.paramOverrides[name])
        }
        guard value != nil else {
            throw fail(.usage, "parameter `\(name)` has no default and was not given", nameSpan,
                       suggestion: "pass --param \(name)=… or give it a default: param \(name) = …")
        }
        return BoundStatement(kind: .param(name, type, defaultValue: value), span: statement.span)
    }

    func checkImport(_ path: String, _ span: Span) throws(Failure) -> BoundStatement {
        guard let read = env.readImport else {
            throw fail(.name, "this session may not read files, so `import` is not allowed", span)
        }
        let imported: SourceText
        do { imported = try read(path, source) }
        catch let d as Diagnostic {
            throw fail(.name, d.message, span, hint: d.hint)
        } catch {
            throw fail(.name, "cannot import \(path): \(error)", span)
        }
        guard !importStack.contains(imported.name) else {
            throw fail(.name, "\(path) imports itself (through \(importStack.joined(separator: " → ")))", span)
        }
        let script: Script
        do { script = try Parser.parse(imported) }
        catch {
            diagnostics.append(contentsOf: error.diagnostics)
            throw Failure()
        }
        importStack.append(imported.name)
        defer { importStack.removeLast() }
        let before = diagnostics.count
        let statements = check(script)
        if diagnostics.count > before { throw Failure() }
        return BoundStatement(kind: .imported(statements, imported), span: span)
    }

    /// The version of a function for these argument types, checking its body the first time.
    /// A recursive call met while the body is being checked gets the version in progress, whose
    /// result type is `any` until the check is done.
    func instance(of function: UserFunction, for types: [DataType]) throws(Failure) -> FunctionInstance {
        if let existing = function.instances.first(where: { $0.argumentTypes == types }) { return existing }
        if let host = function.host {
            // A host function takes any values and says its result type when registered.
            let instance = FunctionInstance(function: function, argumentTypes: types)
            instance.kernel = host.kernel
            instance.returnType = host.returnType
            return instance
        }
        let generic = function.instances.count >= UserFunction.maxInstances
        let key = generic ? types.map { _ in DataType.any } : types
        if let existing = function.instances.first(where: { $0.argumentTypes == key }) { return existing }
        let instance = FunctionInstance(function: function, argumentTypes: key)
        function.instances.append(instance)
        var scope = Scope()
        scope.isTopLevel = false
        for (i, p) in function.parameters.enumerated() { scope.locals[p] = (i, key[i]) }
        scope.nextSlot = function.parameters.count
        let saved = source
        if let own = function.source { source = own }
        defer { source = saved }
        do {
            instance.body = try bind(function.syntax, scope)
        } catch {
            // Forget the failed version, so fixing the call does not meet it again.
            function.instances.removeAll { $0 === instance }
            throw error
        }
        instance.returnType = instance.body?.type ?? .any
        return instance
    }

    // MARK: - Diagnostics

    func fail(_ kind: Diagnostic.Kind, _ message: String, _ span: Span, suggestion: String? = nil,
              hint: String? = nil) -> Failure {
        diagnostics.append(Diagnostic(kind, message, at: span, in: source, suggestion: suggestion, hint: hint))
        return Failure()
    }

    func expectType(_ e: BoundExpr, _ type: DataType, _ message: String) throws(Failure) {
        guard e.type.fits(type) else { throw fail(.type, "\(message), but this is \(e.type)", e.span) }
    }
}

/// What names mean at one point of the tree.
struct Scope {
    /// The columns of the table a stage works on; nil outside stages.
    var row: TableSchema?
    /// Function parameters and `for` variables.
    var locals: [String: (slot: Int, type: DataType)] = [:]
    var nextSlot = 0
    var isTopLevel = true
    /// Set while binding the items of a `summarize`: aggregates are allowed and collected here.
    var aggregates: Checker.AggregateCollector?
    var insideAggregate = false
}

/// Typed values for `--param name=value`: the type comes from the parameter's default.
enum ParameterValue {
    static func parse(_ raw: String, as type: DataType) -> Value? {
        let text = raw.normalizedVietnamese
        switch type {
        case .int: return Int64(text.replacingOccurrences(of: "_", with: "")).map(Value.int)
        case .decimal: return Double(text).map(Value.decimal)
        case .bool:
            switch text.lowercased() {
            case "true", "1", "có", "yes": return .bool(true)
            case "false", "0", "không", "no": return .bool(false)
            default: return nil
            }
        case .date: return Day.parse(text).map(Value.date)
        default: return .text(text)
        }
    }

    static func describe(_ type: DataType) -> String {
        switch type {
        case .int: return "a whole number"
        case .decimal: return "a number"
        case .bool: return "true or false"
        case .date: return "a date (YYYY-MM-DD or dd/mm/yyyy)"
        default: return "text"
        }
    }

    static func example(_ type: DataType) -> String {
        switch type {
        case .int: return "a whole number, such as 2022"
        case .decimal: return "a number, such as 3.5"
        case .bool: return "true or false"
        case .date: return "a date such as 2022-12-23 or 23/12/2022"
        default: return "a text value"
        }
    }
}
