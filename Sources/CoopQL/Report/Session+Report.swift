import CoopQLBase

/// Rendering report templates with a session's data.
extension Session {
    /// Parses, checks and fills a template. Every problem found before filling is thrown together,
    /// each pointing at the template's own line and column.
    public func renderTemplate(_ source: SourceText, parameters: [String: String] = [:]) throws(DiagnosticList) -> ReportDocument {
        try QueryDriver.onDeepStack(source) { [self] in try renderHere(source, parameters: parameters) }
    }

    private func renderHere(_ source: SourceText, parameters: [String: String]) throws(DiagnosticList) -> ReportDocument {
        let checked = try driver.checkTemplate(source, parameters: parameters)
        let style: NumberStyle = language == .vi ? .vietnamese : .english
        var document = ReportDocument(name: source.name, language: language)
        let locals = Interpreter.Locals(checked.slots)
        try driver.run(source) {
            // Front-matter `let`s and `param`s belong to this report, not to the session.
            let interpreter = Interpreter(runtime: runtime, source: source) { _ in }
            // Its `for` variables live only inside their loops; the template's slots are its own.
            try interpreter.run(checked.frontMatter, slots: checked.slots)
            var declared: [String: Value] = [:]
            for statement in checked.frontMatter {
                if case .let(let name, _) = statement.kind, Letterhead.names.contains(name) { declared[name] = runtime.globals[name] }
            }
            document.letterhead = Letterhead(values: declared)
            let evaluator = TemplateEvaluator(runtime: runtime, compiler: ExpressionCompiler(source: source),
                                              style: style, language: language, nodes: checked.body)
            try evaluator.run(checked.body, locals, into: &document)
        }
        return document
    }
}
