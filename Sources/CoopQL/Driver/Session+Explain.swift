import CoopQLBase

extension Session {
    /// `.explain`: the plan a query's pipeline runs by, last operator first. With `analyze` the
    /// plan is also run, operator by operator, and each shows its rows and time. The query must be
    /// one pipeline (`table | stage | …`).
    public func explain(_ text: String, analyze: Bool = false) throws(DiagnosticList) -> [ExplainedOperator] {
        let source = SourceText(name: "<explain>", text: text)
        return try QueryDriver.onDeepStack(source) { [self] in
            let driver = self.driver
            let plan = driver.plan(try driver.checkPipeline(source))
            guard analyze else { return plan.explained(in: source) }
            let timings = try driver.run(source) { try PipelineCompiler(source: source).analyze(plan, runtime: runtime) }
            return plan.explained(in: source, timings: timings)
        }
    }
}
