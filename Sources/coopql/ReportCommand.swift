import ArgumentParser
import CoopQL
import CoopQLShell
import Foundation

/// `coopql report TEMPLATE`: fills a report template from data and writes it out.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a report template (Markdown with embedded CoopQL).")

    @Argument(help: "The template to render (.coop.md or .coop.txt).")
    var template: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Output format: md, html, text, csv or json (csv and json write the report's tables) or docx (a Word document, written to -o FILE.docx); by default, what -o's extension says, else md.", valueName: "format"))
    var format: ReportFormatOption?

    @OptionGroup var batch: ReportBatchOptions

    mutating func run() throws {
        // In a batch -o names a folder, so only --format chooses.
        let chosen = try common.checkedExcel(batch.each == nil ? common.format(format, fallback: .markdown)
                                                                : format?.format ?? .markdown)
        if let unit = batch.each {
            // -o names the batch's folder; each report is written on its own, not through stdout.
            var sessionOptions = common
            sessionOptions.output = nil
            let cli = try CommandLineSession(sessionOptions, format: chosen == .csv ? .csv : .table)
            let request = Shell.BatchRequest(unit: unit, directory: batch.directory(output: common.output, template: template),
                                             limit: batch.limit, confirmed: batch.yes, merged: batch.merged)
            try cli.finish(cli.shell.renderReportBatch(template, format: chosen, parameters: cli.parameters, request: request))
            return
        }
        if chosen.isBinary {
            // A Word document goes straight into its file, never through standard output.
            guard let output = common.output else {
                throw ValidationError("--format \(chosen.name) writes a file: give it with -o FILE.\(chosen.fileExtension)")
            }
            var sessionOptions = common
            sessionOptions.output = nil
            let cli = try CommandLineSession(sessionOptions)
            try cli.finish(cli.shell.renderReport(template, format: chosen, parameters: cli.parameters,
                                                  merged: batch.merged, to: output))
            return
        }
        let cli = try CommandLineSession(common, format: chosen == .csv ? .csv : .table)
        try cli.finish(cli.shell.renderReport(template, format: chosen, parameters: cli.parameters, merged: batch.merged))
    }
}
