import ArgumentParser
import CoopQL
import CoopQLShell
import Foundation

/// Sets up a shell from the command-line options: standard output or an `-o` file, standard error,
/// data folders loaded. Ends with the shell's exit status.
final class CommandLineSession {
    let shell: Shell
    let parameters: [String: String]
    let outputPath: String?
    private var buffered = ""

    /// Set instead of loading when the caller asked to load later (the REPL, to be ready at once).
    private(set) var deferredLoad: (() -> Void)?

    init(_ options: CommonOptions, format: OutputFormat = .table, deferLoading: Bool = false) throws {
        parameters = try options.parameters()
        outputPath = options.output
        let useColour = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var render = RenderOptions()
        render.format = format
        render.language = options.lang
        render.numberStyle = options.lang == .vi ? .vietnamese : .english
        render.labels = options.labels
        render.excel = options.excel && format == .csv
        // On a terminal, tables fit its width and long results show their first rows.
        if options.output == nil, isatty(STDOUT_FILENO) != 0 {
            render.terminalWidth = terminalColumns()
            render.maxRows = 40
            render.colour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
        var sink: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
        // Excel's CSV starts with one byte order mark, before the first result.
        var owesByteOrderMark = render.excel
        let shell = Shell(options: render, write: { text in
                              if owesByteOrderMark { owesByteOrderMark = false; sink(ExcelCSV.byteOrderMark) }
                              sink(text)
                          },
                          writeError: { FileHandle.standardError.write(Data($0.utf8)) })
        self.shell = shell
        shell.colourErrors = useColour
        shell.session.language = options.lang
        shell.session.limits = try options.limits.limits(interactive: deferLoading)
        if outputPath != nil {
            // Results are collected and written in one go at the end, only if the run succeeds.
            sink = { [unowned self] in buffered += $0 }
        }
        let here = FileManager.default.currentDirectoryPath
        if !shell.session.allowedDirectories.contains(here) { shell.session.allowedDirectories.append(here) }
        if deferLoading {
            // The REPL shows its prompt first; a problem with the data is reported, not fatal.
            deferredLoad = { [unowned self] in _ = try? loadData(options) }
            return
        }
        try loadData(options)
    }

    /// Loads the `--data` folders, or the bundled sample data set when none is given.
    private func loadData(_ options: CommonOptions) throws {
        // With no --data, the bundled sample data set (made on first use).
        var folders = options.data
        if folders.isEmpty && !options.noData {
            do { folders = [try DefaultData.prepare()] }
            catch {
                shell.report([error])
                throw ExitCode(Shell.Status.failure.rawValue)
            }
        }
        do { shell.loadOptions = try options.loadOptions() }
        catch let error as Diagnostic {
            shell.report([error])
            throw ExitCode(Shell.Status.failure.rawValue)
        }
        let status = shell.load(folders)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    func finish(_ status: Shell.Status) throws {
        if status == .success, let outputPath {
            do { try writeAtomically(buffered, to: outputPath) }
            catch {
                shell.report([error])
                throw ExitCode(Shell.Status.failure.rawValue)
            }
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
