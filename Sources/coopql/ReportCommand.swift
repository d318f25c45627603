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

    @Option(name: .customLong("format"), help: "Output format: md, html, text, csv, json (the report's tables) or docx (a Word document; -o FILE.docx implies it).")
    var chosenFormat: ReportFormat?

    /// `--format`, else docx when `-o` names a .docx file, else md.
    var format: ReportFormat {
        if let chosenFormat { return chosenFormat }
        if batch.each == nil, let output = common.output, output.lowercased().hasSuffix(".docx") { return .docx }
        return .md
    }

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
        if format.isBinary {
            // A Word document goes straight into its file, never through standard output.
            guard let output = common.output else {
                throw ValidationError("--format \(format.rawValue) writes a file: give it with -o FILE.\(format.rawValue)")
            }
            var sessionOptions = common
            sessionOptions.output = nil
            let cli = try CommandLineSession(sessionOptions)
            try cli.finish(cli.shell.renderReport(template, format: format, parameters: cli.parameters,
                                                  merged: batch.merged, to: output))
            return
        }
        let cli = try CommandLineSession(common)
        try cli.finish(cli.shell.renderReport(template, format: format, parameters: cli.parameters, merged: batch.merged))
    }
}

extension ReportFormat: ExpressibleByArgument {}
