import CoopQLBase

/// Rendering report templates with a session's data.
extension Session {
    /// Parses, checks and fills a template. Every problem found before filling is thrown together,
    /// each pointing at the template's own line and column.
    public func renderTemplate(_ source: SourceText, parameters: [String: String] = [:]) throws(DiagnosticList) -> ReportDocument {
        do {
            return try onLargeStack { [self] in try renderHere(source, parameters: parameters) }
        } catch let list as DiagnosticList {
            throw list
        } catch {
            throw Session.diagnostics(for: error, in: source)
        }
    }

    private func renderHere(_ source: SourceText, parameters: [String: String]) throws(DiagnosticList) -> ReportDocument {
        runtime.cancelled.value = false
        runtime.budget.start(limits)
        let template = try TemplateParser.parse(source)
        var environment = checkerEnvironment
        environment.paramOverrides = parameters
        environment.readImport = importReader()
        let checker = Checker(environment: environment, source: source)
        let front = checker.check(Script(statements: template.frontMatter, source: source))
        let body = checker.check(template.body, Scope())
        remember(checker.env.functions)
        if !checker.diagnostics.isEmpty {
            throw DiagnosticList(checker.diagnostics.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) })
        }
        try rejectUnknownParameters(parameters, declared: checker.env.params, source: source)
        let style: NumberStyle = language == .vi ? .vietnamese : .english
        var document = ReportDocument(name: source.name, language: language)
        let locals = Interpreter.Locals(checker.topLevelSlots)
        do {
            // Front-matter `let`s and `param`s belong to this report, not to the session.
            let interpreter = Interpreter(runtime: runtime, source: source) { _ in }
            // Its `for` variables live only inside their loops; the template's slots are its own.
            try interpreter.run(front, slots: checker.topLevelSlots)
            var declared: [String: Value] = [:]
            for statement in front {
                if case .let(let name, _) = statement.kind, Letterhead.names.contains(name) { declared[name] = runtime.globals[name] }
            }
            document.letterhead = Letterhead(values: declared)
            let evaluator = TemplateEvaluator(runtime: runtime, compiler: ExpressionCompiler(source: source),
                                              style: style, language: language, nodes: body)
            try evaluator.run(body, locals, into: &document)
        } catch {
            throw Session.diagnostics(for: error, in: source)
        }
        return document
    }
}
