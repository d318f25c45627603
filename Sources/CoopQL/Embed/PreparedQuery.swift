import CoopQLBase

/// A query parsed and checked once, to be run many times with different parameter values.
///
/// Parameters are bound as typed values and read in the query as `$name` (a `param name = …`
/// declaration in the query takes the bound value instead of its default): they are never
/// spliced into the query's text. Running again checks the query again only when the session's
/// tables, functions or declarations changed, or a parameter was bound to a value of another type.
///
/// A parameter can be bound before `prepare` returns (its `parameters`) or after: a query whose
/// only problem is a `$name` not bound yet is checked again on its first run.
///
/// A prepared query belongs to its session and, like it, to one thread at a time.
public final class PreparedQuery: @unchecked Sendable {
    /// The session it runs in.
    public let session: Session
    /// The query's text, as given.
    public let source: SourceText
    /// The parameter values bound so far.
    public private(set) var parameters: [String: Value] = [:]
    private var checked: Session.Checked?
    private var checkedGeneration = -1
    private var checkedTypes: [String: DataType] = [:]
    /// How many times the query was checked (the first prepare included, even when it waited for
    /// a parameter's value): for tests and hosts
    /// that want to see that running again did not check again.
    public private(set) var checkCount = 0

    init(session: Session, source: SourceText, parameters: [String: Value]) throws(DiagnosticList) {
        self.session = session
        self.source = source
        self.parameters = parameters
        do {
            try recheckIfNeeded()
        } catch where error.diagnostics.allSatisfy(PreparedQuery.isUnboundParameter) {
            // `$name` not bound yet: its type comes with the first value bound, so the check
            // waits for the first run. Every other problem is reported now.
        }
    }

    static func isUnboundParameter(_ d: Diagnostic) -> Bool {
        d.kind == .name && d.message.hasPrefix("unknown parameter `$")
    }

    /// Binds a parameter, read in the query as `$name`. Binding again replaces the value.
    public func bind(_ name: String, _ value: Value) {
        parameters[name] = value
    }

    /// Forgets every bound parameter.
    public func clearBindings() { parameters = [:] }

    /// Runs the query with the bound parameters, within the session's limits.
    public func run() throws(DiagnosticList) -> QueryResult {
        let style: NumberStyle = session.language == .vi ? .vietnamese : .english
        var last: Value = .null
        var printed: [String] = []
        try QueryDriver.onDeepStack(source) { [self] in
            try recheckIfNeeded()
            // The bound values go to the runtime on every run; only their types were checked.
            for (name, value) in parameters { session.runtime.params[name] = value }
            try session.execute(checked!, source: source) { output in
                switch output {
                case .value(let v): last = v
                case .chart(let t): last = .table(t)
                case .printed(let values): printed.append(values.map { humanText($0, style: style) }.joined(separator: " "))
                }
            }
        }
        return QueryResult(value: last, printed: printed)
    }

    private func recheckIfNeeded() throws(DiagnosticList) {
        let types = parameters.mapValues(\.type)
        guard checked == nil || checkedGeneration != session.generation || types != checkedTypes else { return }
        checkCount += 1
        checked = try session.driver.check(source, parameters: [:], bindings: parameters)
        checkedGeneration = session.generation
        checkedTypes = types
    }
}
