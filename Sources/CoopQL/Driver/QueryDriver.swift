import CoopQLBase

/// The one path from text to answers — parse → check → plan → run — for queries and scripts
/// (`Session.run`, `evaluate`), prepared queries (the Swift embedding API and the C API on top
/// of it), report templates and `.explain`. Every use starts alike: on a thread with a deep
/// stack, `import` reading through the session's allowed folders, problems found before running
/// thrown together in source order, and each run with the session's limits started afresh and
/// any earlier cancel forgotten. Pipelines are planned (`Planner`) when they are compiled, so
/// what runs is the plan `.explain` prints.
struct QueryDriver {
    let session: Session

    // MARK: - Parse and check

    /// Parses and checks a script and keeps what it declares for later runs. `bindings` are
    /// typed parameter values from the host, put in the runtime here and read as `$name`.
    func check(_ source: SourceText, parameters: [String: String], bindings: [String: Value]) throws(DiagnosticList) -> Session.Checked {
        let (script, syntaxErrors) = Parser.parseRecovering(source)
        let before = session.checkerEnvironment.params
        let checker = Checker(environment: environment(parameters: parameters, bindings: bindings), source: source)
        let statements = checker.check(script)
        session.remember(checker.env.functions)
        try QueryDriver.throwIfAny(syntaxErrors + checker.diagnostics)
        try session.rejectUnknownParameters(parameters, declared: checker.env.params, source: source)
        // What the script declared stays known to later runs (the REPL), except the overrides.
        session.checkerEnvironment = checker.env
        session.checkerEnvironment.paramOverrides = [:]
        session.checkerEnvironment.hostParams = []
        // Host bindings belong to one query: later runs must bind them again.
        for name in bindings.keys { session.checkerEnvironment.params[name] = before[name] }
        session.generation += 1
        return Session.Checked(statements: statements, slots: checker.topLevelSlots)
    }

    /// A report template after checking: its front matter and its body. What they declare
    /// belongs to the report, not to the session.
    struct CheckedTemplate {
        var frontMatter: [BoundStatement]
        var body: [BoundTemplateNode]
        var slots: Int
    }

    func checkTemplate(_ source: SourceText, parameters: [String: String]) throws(DiagnosticList) -> CheckedTemplate {
        let template: Template
        do { template = try TemplateParser.parse(source) }
        catch { throw DiagnosticList(QueryDriver.inSourceOrder(error.diagnostics)) }
        let checker = Checker(environment: environment(parameters: parameters, bindings: [:]), source: source)
        let front = checker.check(Script(statements: template.frontMatter, source: source))
        let body = checker.check(template.body, Scope())
        session.remember(checker.env.functions)
        try QueryDriver.throwIfAny(checker.diagnostics)
        try session.rejectUnknownParameters(parameters, declared: checker.env.params, source: source)
        return CheckedTemplate(frontMatter: front, body: body, slots: checker.topLevelSlots)
    }

    /// The one pipeline of a query, checked, for `.explain`; declarations are not kept.
    func checkPipeline(_ source: SourceText) throws(DiagnosticList) -> BoundPipeline {
        let (script, syntaxErrors) = Parser.parseRecovering(source)
        let checker = Checker(environment: environment(parameters: [:], bindings: [:]), source: source)
        let statements = checker.check(script)
        try QueryDriver.throwIfAny(syntaxErrors + checker.diagnostics)
        guard statements.count == 1, case .expression(let e) = statements[0].kind, case .pipeline(let p) = e.kind else {
            throw DiagnosticList([Diagnostic(.usage, ".explain takes one query of the form table | stage | …", in: source)])
        }
        return p
    }

    /// What the checker knows in this session, with this run's parameters, host bindings (put in
    /// the runtime here) and `import` reader.
    private func environment(parameters: [String: String], bindings: [String: Value]) -> Checker.Environment {
        var environment = session.checkerEnvironment
        environment.paramOverrides = parameters
        environment.readImport = session.importReader()
        for (name, value) in bindings {
            environment.params[name] = value.type
            session.runtime.params[name] = value
        }
        environment.hostParams = Set(bindings.keys)
        return environment
    }

    /// Problems found before running, whichever stage found them, thrown together in source order.
    static func throwIfAny(_ problems: [Diagnostic]) throws(DiagnosticList) {
        if !problems.isEmpty { throw DiagnosticList(inSourceOrder(problems)) }
    }

    static func inSourceOrder(_ problems: [Diagnostic]) -> [Diagnostic] {
        // Stable: problems at the same place stay in the order they were found.
        problems.enumerated().sorted { a, b in
            let (x, y) = (a.element.span?.start ?? 0, b.element.span?.start ?? 0)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: - Plan

    /// The plan a pipeline runs by: the same `PipelineCompiler.compile` makes.
    func plan(_ pipeline: BoundPipeline) -> PhysicalPlan {
        Planner.physical(pipeline)
    }

    // MARK: - Run

    /// Runs `body` within the session's limits, started afresh, forgetting an earlier cancel.
    /// A problem it meets becomes diagnostics pointing into `source`.
    func run<T>(_ source: SourceText, _ body: () throws -> T) throws(DiagnosticList) -> T {
        session.runtime.cancelled.value = false
        session.runtime.budget.start(session.limits)
        do { return try body() }
        catch { throw Session.diagnostics(for: error, in: source) }
    }

    /// Does `work` (parse, check, plan, run: all recurse over the tree) on a thread with a deep
    /// stack, whatever thread the host calls from.
    static func onDeepStack<T>(_ source: SourceText, _ work: @escaping () throws -> T) throws(DiagnosticList) -> T {
        do { return try onLargeStack(work) }
        catch let list as DiagnosticList { throw list }
        catch { throw Session.diagnostics(for: error, in: source) }
    }
}
