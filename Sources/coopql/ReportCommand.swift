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

    @Option(name: .long, help: ArgumentHelp("Output format: md, html, text, csv or json (csv and json write the report's tables; by default, what -o's extension says, else md).", valueName: "format"))
    var format: ReportFormatOption?

    mutating func run() throws {
        let chosen = try common.checkedExcel(common.format(format, fallback: .markdown))
        let cli = try CommandLineSession(common, format: chosen == .csv ? .csv : .table)
        try cli.finish(cli.shell.renderReport(template, format: chosen, parameters: cli.parameters))
    }
}
