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

    @Option(name: .long, help: "Output format: md, html, text, csv or json (csv and json write the report's tables; default: from the -o file's extension, else md).")
    var format: ReportFormat?

    mutating func run() throws {
        let chosen = format ?? common.output.flatMap(ReportFormat.init(outputPath:)) ?? .md
        if common.excel && chosen != .csv { throw ValidationError("--excel is for CSV output: add --format csv or write to a .csv file") }
        let cli = try CommandLineSession(common, format: chosen == .csv ? .csv : .table)
        try cli.finish(cli.shell.renderReport(template, format: chosen, parameters: cli.parameters))
    }
}

extension ReportFormat: ExpressibleByArgument {}
