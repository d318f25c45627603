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

    mutating func run() throws {
        let cli = try CommandLineSession(common)
        try cli.finish(cli.shell.renderReport(template, format: format, parameters: cli.parameters))
    }
}

extension ReportFormat: ExpressibleByArgument {}
