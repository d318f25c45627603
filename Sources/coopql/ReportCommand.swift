import ArgumentParser
import CoopQL
import Foundation

/// `coopql report TEMPLATE`: fills a report template from data and writes it out.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a report template (Markdown with embedded CoopQL).")

    @Argument(help: "The template to render (.coop.md or .coop.txt).")
    var template: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: md, html, text, csv or json (csv and json write the report's tables).")
    var format: ReportFormat = .md

    @OptionGroup var batch: ReportBatchOptions

    mutating func run() throws {
        if let unit = batch.each {
            // -o names the batch's folder; each report is written on its own, not through stdout.
            var sessionOptions = common
            sessionOptions.output = nil
            let cli = try CommandLineSession(sessionOptions)
            let request = Shell.BatchRequest(unit: unit, directory: batch.directory(output: common.output, template: template),
                                             limit: batch.limit, confirmed: batch.yes, merged: batch.merged)
            try cli.finish(cli.shell.renderReportBatch(template, format: format, parameters: cli.parameters, request: request))
            return
        }
        let cli = try CommandLineSession(common)
        try cli.finish(cli.shell.renderReport(template, format: format, parameters: cli.parameters, merged: batch.merged))
    }
}

extension ReportFormat: ExpressibleByArgument {}
