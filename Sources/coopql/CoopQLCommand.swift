import ArgumentParser
import CoopQL
import CoopQLShell
import Foundation

/// `coopql`: options shared by every way of running CoopQL.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of data files, one table per file (repeatable). Without it, the bundled sample data set.", valueName: "dir"))
    var data: [String] = []

    @Flag(name: .long, help: "Start with no data at all (not even the sample data set).")
    var noData = false

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a script parameter (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write results to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Load the good rows of --data files, reporting each row left out as a warning, instead of stopping at the first bad value.")
    var lenient = false

    @Option(name: .long, help: "Language of labels and numbers: vi (1.915; 3,5) or en (1,915; 3.5).")
    var lang: Language = .vi

    @Option(name: .long, help: ArgumentHelp("A header map for --data files: lines `header = column` or `table: header = column` (a folder's own headers.map is read too).", valueName: "file"))
    var map: String?

    @Option(name: .long, help: "What a dot means in numbers like 1.500 when a data file cannot tell: auto (the file's other numbers decide), vi (thousands), en (decimal point).")
    var numbers: NumberConvention = .auto

    @Flag(name: .long, help: "With csv output, write what Vietnamese Excel opens: UTF-8 with a byte order mark, CRLF, `;` separators, decimal commas, no digit grouping, dd/mm/yyyy dates.")
    var excel = false

    @Flag(name: .long, help: "Show the labels of codes (nông nghiệp) instead of the codes (agriculture) in tables.")
    var labels = false

    @OptionGroup(title: "Limits") var limits: LimitOptions

    /// `format`, refused when `--excel` asks for CSV and the format is another.
    func checkedExcel(_ format: OutputFormat) throws -> OutputFormat {
        if excel && format != .csv { throw ValidationError("--excel is for CSV output: add --format csv or write to a .csv file") }
        return format
    }

    /// The load options these flags ask for.
    func loadOptions() throws -> LoadOptions {
        var options = LoadOptions(lenient: lenient)
        options.numbers = numbers
        if let map {
            guard let text = try? String(contentsOfFile: map, encoding: .utf8) else {
                throw ValidationError("cannot read the header map `\(map)`")
            }
            options.headerMap = try HeaderMap(text: text, name: map)
        }
        return options
    }

    /// `--param name=value` pairs as a dictionary.
    func parameters() throws -> [String: String] {
        var result: [String: String] = [:]
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError("--param needs name=value, as in --param province=\"Bắc Ninh\"; got `\(p)`")
            }
            result[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        return result
    }
}

/// A `--format` value: a format name (`OutputFormat(name:)`, the one parser of them) that can
/// write what the command writes; the parser lists those names when given another.
protocol FormatArgument: ExpressibleByArgument {
    static var use: OutputFormat.Use { get }
    var format: OutputFormat { get }
    init(format: OutputFormat)
}

extension FormatArgument {
    init?(argument: String) {
        guard let format = OutputFormat(name: argument), format.uses.contains(Self.use) else { return nil }
        self.init(format: format)
    }
    static var allValueStrings: [String] { OutputFormat.formats(for: use).flatMap(\.names) }
}

/// `--format` of `coopql -c` and `coopql run`.
struct QueryFormatOption: FormatArgument {
    static let use = OutputFormat.Use.query
    let format: OutputFormat
}

/// `--format` of `coopql report`.
struct ReportFormatOption: FormatArgument {
    static let use = OutputFormat.Use.report
    let format: OutputFormat
}

extension CommonOptions {
    /// The format results are written in: `--format` if given, else the one `-o FILE`'s
    /// extension asks for when it can write them, else `fallback`.
    func format<Asked: FormatArgument>(_ asked: Asked?, fallback: OutputFormat) -> OutputFormat {
        if let asked { return asked.format }
        if let output, let byExtension = OutputFormat(path: output), byExtension.uses.contains(Asked.use) {
            return byExtension
        }
        return fallback
    }
}

extension Language: ExpressibleByArgument {}
extension NumberConvention: ExpressibleByArgument {}

@main
struct CoopQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coopql",
        abstract: "Ask questions of cooperative data and turn the answers into reports.",
        discussion: """
        With -c, runs one query. With `run FILE` (or just FILE), runs a script. With a script piped
        to standard input, runs it. Otherwise opens the interactive shell.
        Every run has limits: --max-time (1 hour; none in the shell), --max-memory (half the
        physical memory), --max-steps and --max-rows (none); see `coopql help run`.
        Exit status: 0 success, 1 an error in the query, script or data, 2 wrong usage.
        """,
        version: ShellMessages.version,
        subcommands: [Query.self, Run.self, Report.self, Sample.self, Bench.self],
        defaultSubcommand: Query.self
    )

    /// Wrong usage exits with status 2 (the library's convention), not the parser's default 64.
    static func main() {
        do {
            var command = try parseAsRoot(scriptShortcut(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            if exitCode(for: error).rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Shell.Status.usage.rawValue)
            }
            exit(withError: error)
        }
    }

    /// `coopql FILE …` means `coopql run FILE …`, so a script starting `#!/usr/bin/env coopql` runs
    /// when executed directly.
    static func scriptShortcut(_ arguments: [String]) -> [String] {
        guard let first = arguments.first, !first.hasPrefix("-"),
              !["query", "run", "report", "sample", "bench", "help"].contains(first) else { return arguments }
        return ["run"] + arguments
    }

}

/// `coopql [-c QUERY]`: one query, a script on standard input, or the interactive shell. The
/// default subcommand, so the root command itself has no options to clash with its subcommands'.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run one query (-c), a script piped to standard input, or the interactive shell.")

    // Unconditional: a query may start with a dash (`-c '-7 % 3'`).
    @Option(name: .customShort("c"), parsing: .unconditional, help: ArgumentHelp("Run this query and exit.", valueName: "query"))
    var command: String?

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Output format: \(OutputFormat.names(for: .query, separator: ", ")) (by default, what -o's extension says, else table).", valueName: "format"))
    var format: QueryFormatOption?

    mutating func run() throws {
        let interactive = command == nil && isatty(STDIN_FILENO) != 0
        let cli = try CommandLineSession(common, format: common.checkedExcel(common.format(format, fallback: .table)), deferLoading: interactive)
        if let command {
            // A number alone, read by a program (`n=$(coopql -c '… | count')`), is plain digits.
            if common.output != nil || isatty(STDOUT_FILENO) == 0 { cli.shell.options.groupLoneValue = false }
            try cli.finish(cli.shell.run(SourceText(name: "<command>", text: command), parameters: cli.parameters))
        } else if isatty(STDIN_FILENO) == 0 {
            // Piped input is a script, read whole; no line editor is involved.
            let data = FileHandle.standardInput.readDataToEndOfFile()
            do {
                let source = try SourceText.decode(name: "<stdin>", bytes: Array(data))
                try cli.finish(cli.shell.runWithCommands(source, parameters: cli.parameters))
            } catch let d as Diagnostic {
                cli.shell.report([d])
                throw ExitCode(Shell.Status.failure.rawValue)
            }
        } else {
            // A terminal: libedit's line editor, history saved after every entry, ~/.coopqlrc first.
            let repl = LineREPL(shell: cli.shell)
            // The data loads while the person starts typing; the first entry waits for it.
            if let load = cli.deferredLoad { repl.startInBackground(load) }
            repl.history = HistoryFile(path: HistoryFile.defaultPath())
            FileHandle.standardOutput.write(Data(ShellMessages.banner(common.lang).utf8))
            repl.runInitFile()
            LineEditor.run(repl)
        }
    }
}

/// `coopql run FILE`: runs a script.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a CoopQL script.")

    @Argument(help: "The script (.coop) to run.")
    var file: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Output format: \(OutputFormat.names(for: .query, separator: ", ")) (by default, what -o's extension says, else table).", valueName: "format"))
    var format: QueryFormatOption?

    mutating func run() throws {
        let cli = try CommandLineSession(common, format: common.checkedExcel(common.format(format, fallback: .table)))
        try cli.finish(cli.shell.runFile(file, parameters: cli.parameters))
    }
}
