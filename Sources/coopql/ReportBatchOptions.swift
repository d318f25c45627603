import ArgumentParser
import CoopQL

/// `--each`, `--limit`, `--yes` and `--merged` of `coopql report`.
struct ReportBatchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Render once per province or district into one file each (-o names the folder), with index.html.",
        valueName: "province|district"))
    var each: ReportBatch.Unit?

    @Option(name: .long, help: "With --each: only the first N reports.")
    var limit: Int?

    @Flag(name: .long, help: "With --each: write more than 100 reports.")
    var yes = false

    @Flag(name: .long, help: "Roll old provinces up to the 34 provinces of 1 July 2025 (the report says so).")
    var merged = false

    /// The folder of a batch: `-o DIR`, or the template's name without `.coop.md` beside it.
    func directory(output: String?, template: String) -> String {
        if let output { return output }
        var name = template
        for suffix in [".coop.md", ".coop.txt", ".md"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    func validate() throws {
        if each == nil && (limit != nil || yes) {
            throw ValidationError("--limit and --yes go with --each")
        }
        if let limit, limit < 1 { throw ValidationError("--limit needs a number of reports, 1 or more") }
    }
}

extension ReportBatch.Unit: ExpressibleByArgument {}
