import ArgumentParser
import CoopQL
import Foundation

/// `--max-time`, `--max-memory`, `--max-steps`, `--max-rows`: the limits of every run, as the
/// embedding API has them. Left out, a limit takes its default (`Limits.commandLine`).
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-time"), help: ArgumentHelp("Stop a run after this many seconds (or none). Default: 1 hour for run, -c and report; none in the interactive shell, where Ctrl-C stops a query.", valueName: "seconds"))
    var maxTime: String?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Most memory the stages of one run may give out, such as 512MB or 4GB (or none). Default: half the physical memory (\(ByteSize.describe(Limits.defaultMaxBytes)) here).", valueName: "size"))
    var maxMemory: String?

    @Option(name: .customLong("max-steps"), help: ArgumentHelp("Most steps (statements, calls, stages, rows given out) one run may take (or none). Default: none.", valueName: "n"))
    var maxSteps: String?

    @Option(name: .customLong("max-rows"), help: ArgumentHelp("Most rows all stages of one run may give out together (or none). Default: none.", valueName: "n"))
    var maxRows: String?

    /// The limits these options give, from the defaults of an interactive or a batch run.
    func limits(interactive: Bool) throws -> Limits {
        var limits = Limits.commandLine(interactive: interactive)
        for (name, value) in [("max-time", maxTime), ("max-memory", maxMemory), ("max-steps", maxSteps), ("max-rows", maxRows)] {
            guard let value else { continue }
            if let problem = limits.set(name, value) { throw ValidationError(problem) }
        }
        return limits
    }
}
