import Foundation
import CoopQLBase

/// One operator of the plan that runs, as `.explain` shows it.
public struct ExplainedOperator: Sendable, Equatable {
    /// How far from the result: 0 for the last operator, 1 for the one feeding it, and so on.
    public let depth: Int
    /// The stages it runs as written, in order (several when it runs them as one); the source's
    /// text for the scan.
    public let stages: [String]
    /// The name of the rule that made it run several stages as one, if one did.
    public let rule: String?
    /// How many columns it gives out, when known before running.
    public let columns: Int?
    /// Rows given out, when the plan was run (`.explain analyze`).
    public let rows: Int?
    /// Time taken, in seconds, when the plan was run.
    public let seconds: Double?
}

extension PhysicalPlan {
    /// The plan as `.explain` shows it, last operator first; `timings` are the rows and seconds
    /// of each operator, scan first, when it was run.
    func explained(in source: SourceText, timings: [(rows: Int, seconds: Double)]? = nil) -> [ExplainedOperator] {
        operators.enumerated().map { i, op in
            let stages: [String]
            if case .scan(let expr) = op.op { stages = [source.slice(expr.span)] }
            else { stages = op.stages.map { source.slice($0.span) } }
            let rule: String?
            switch op.op {
            case .filterThenPick: rule = FuseFilterPick().name
            case .joinsThenSummarize: rule = FuseJoinsSummarize().name
            case .scan, .stage: rule = nil
            }
            let timing = timings.flatMap { i < $0.count ? $0[i] : nil }
            return ExplainedOperator(depth: operators.count - 1 - i, stages: stages, rule: rule,
                                     columns: op.schema?.columns.count, rows: timing?.rows, seconds: timing?.seconds)
        }.reversed()
    }
}

extension PipelineCompiler {
    /// Runs a plan operator by operator, timing each, for `.explain analyze`: each operator's rows
    /// and seconds, scan first. Kept apart from `compile` so the fast path has no clock reads; it
    /// compiles the same operators `compile` does and counts them against the same limits.
    func analyze(_ plan: PhysicalPlan, runtime: Runtime) throws -> [(rows: Int, seconds: Double)] {
        let clock = ContinuousClock()
        var timings: [(rows: Int, seconds: Double)] = []
        var started = clock.now
        let (head, headSpan) = compileScan(plan)
        guard case .scalar(.table(var table)) = try head(Frame.single([]), runtime) else {
            throw Diagnostic(.runtime, "`|` needs a table, a list or a range on its left", at: headSpan, in: source)
        }
        timings.append((table.rowCount, seconds(clock.now - started)))
        for op in plan.operators.dropFirst().map(compile) {
            try runtime.checkCancelled()
            started = clock.now
            let value = try op(table, runtime, [])
            guard case .table(let next) = value else {
                timings.append((1, seconds(clock.now - started)))
                break
            }
            table = next
            try runtime.budget.materialised(next)
            timings.append((next.rowCount, seconds(clock.now - started)))
        }
        return timings
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
