import Foundation
import CoopQLBase

/// One step of an instrumented run: its text, the rows it gave and how long it took.
public struct StageTiming: Sendable {
    /// The step's stages as written, one per line (the source of the pipeline for the first
    /// step). Stages the engine runs together, such as `where` and the `top` after it, or joins
    /// and the `summarize` after them, make one step.
    public let stage: String
    /// Rows the stage gave out.
    public let rows: Int
    /// Time the stage took, in seconds.
    public let seconds: Double
}

extension PipelineCompiler {
    /// Runs a pipeline step by step, timing each, for `.explain`. Kept apart from `compile` so
    /// the fast path has no clock reads; it builds the same operators `compile` does.
    func explain(_ pipeline: BoundPipeline, runtime: Runtime) throws -> [StageTiming] {
        let clock = ContinuousClock()
        var timings: [StageTiming] = []
        var started = clock.now
        let head = ExpressionCompiler(source: source).compileTableSource(pipeline.source)
        guard case .scalar(.table(var table)) = try head(Frame.single([]), runtime) else {
            throw Diagnostic(.runtime, "`|` needs a table on its left", at: pipeline.source.span, in: source)
        }
        timings.append(StageTiming(stage: source.slice(pipeline.source.span), rows: table.rowCount,
                                   seconds: seconds(clock.now - started)))
        let live = ColumnLiveness.liveOutputs(pipeline.stages, inputWidth: pipeline.sourceSchema?.columns.count)
        for step in compileStages(pipeline.stages, live: live) {
            try runtime.checkCancelled()
            started = clock.now
            let value = try step.op(table, runtime, [])
            let rows: Int
            if case .table(let next) = value { table = next; rows = next.rowCount } else { rows = 1 }
            let text = pipeline.stages[step.stages].map { "| " + source.slice($0.span) }.joined(separator: "\n")
            timings.append(StageTiming(stage: text, rows: rows, seconds: seconds(clock.now - started)))
            if case .table = value { continue }
            break
        }
        return timings
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension Session {
    /// Checks a query and runs its pipeline stage by stage: `.explain`'s plan with row counts and
    /// times. The query must be one pipeline (`table | stage | …`).
    public func explain(_ text: String) throws(DiagnosticList) -> [StageTiming] {
        let source = SourceText(name: "<explain>", text: text)
        let (script, syntaxErrors) = Parser.parseRecovering(source)
        let checker = Checker(environment: checkerEnvironment, source: source)
        let statements = checker.check(script)
        let problems = syntaxErrors + checker.diagnostics
        if !problems.isEmpty { throw DiagnosticList(problems) }
        guard statements.count == 1, case .expression(let e) = statements[0].kind, case .pipeline(let p) = e.kind else {
            throw DiagnosticList([Diagnostic(.usage, ".explain takes one query of the form table | stage | …", in: source)])
        }
        runtime.cancelled.value = false
        do {
            return try onLargeStack { [self] in try PipelineCompiler(source: source).explain(p, runtime: runtime) }
        } catch {
            throw Session.diagnostics(for: error, in: source)
        }
    }
}
