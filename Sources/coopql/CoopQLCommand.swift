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

    @Flag(name: .long, help: "Show the labels of codes (nông nghiệp) instead of the codes (agriculture) in tables.")
    var labels = false

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

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

@main
struct CoopQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coopql",
        abstract: "Ask questions of cooperative data and turn the answers into reports.",
        discussion: """
        With -c, runs one query. With `run FILE` (or just FILE), runs a script. With a script piped
        to standard input, runs it. Otherwise opens the interactive shell.
        Exit status: 0 success, 1 an error in the query, script or data, 2 wrong usage.
        """,
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

    @Option(name: .customShort("c"), help: ArgumentHelp("Run this query and exit.", valueName: "query"))
    var command: String?

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    mutating func run() throws {
        let interactive = command == nil && isatty(STDIN_FILENO) != 0
        let cli = try CommandLineSession(common, format: format, deferLoading: interactive)
        if let command {
            // A number alone, read by a program (`n=$(coopql -c '… | count')`), is plain digits.
            if common.output != nil || isatty(STDOUT_FILENO) == 0 { cli.shell.options.groupLoneValue = false }
            try cli.finish(cli.shell.run(SourceText(name: "<command>", text: command), parameters: cli.parameters))
        } else if isatty(STDIN_FILENO) == 0 {
            // Piped input is a script, read whole; no line editor is involved.
            let data = FileHandle.standardInput.readDataToEndOfFile()
            do {
                let source = try SourceText.decode(name: "<stdin>", bytes: Array(data))
                try cli.finish(cli.shell.run(source, parameters: cli.parameters))
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

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    mutating func run() throws {
        let cli = try CommandLineSession(common, format: format)
        try cli.finish(cli.shell.runFile(file, parameters: cli.parameters))
    }
}
