import CoopQL
import Foundation

/// What the command line and the REPL share: a session, how results are shown, and where output
/// and errors go. It turns outputs into text and diagnostics into messages, and reports an exit
/// status; it writes only through the sinks it is given.
public final class Shell {
    /// The session queries run in.
    public let session: Session
    /// How results are written.
    public var options: RenderOptions
    /// Receives result text (standard output, or a file).
    public var write: (String) -> Void
    /// Receives error text (standard error).
    public var writeError: (String) -> Void
    /// Whether error messages may use ANSI colour (on a terminal, without NO_COLOR).
    public var colourErrors = false
    /// Whether a result was written since the last `run`: later ones get a blank line before them
    /// in the human formats, so consecutive tables stay apart.
    private var wroteResult = false
    private var wroteMultiline = false

    /// Exit statuses of the command line.
    public enum Status: Int32, Sendable {
        case success = 0
        case failure = 1   // an error in the query, the script or the data
        case usage = 2     // wrong use of the command line
    }

    /// A shell over a session, writing results and errors through the given sinks.
    public init(session: Session = Session(), options: RenderOptions = RenderOptions(),
                write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
        self.session = session
        self.options = options
        self.write = write
        self.writeError = writeError
    }

    /// How `load` reads data files (strict or lenient, header maps, the number convention).
    public var loadOptions = LoadOptions()

    /// Loads data folders (or single data files); on error reports it and loads none of the
    /// failing folder. Notices (columns missing, title and totals rows left out) and, leniently,
    /// rows left out go to the error sink as warnings.
    public func load(_ directories: [String]) -> Status {
        for dir in directories {
            do {
                let warnings = try session.loadDirectory(dir, options: loadOptions)
                if !warnings.isEmpty {
                    let renderer = DiagnosticRenderer(colour: colourErrors)
                    writeError(warnings.map(renderer.renderWarning).joined(separator: "\n"))
                }
            } catch {
                report([error])
                return .failure
            }
        }
        return .success
    }

    /// Runs source text, writing each result as it comes. Returns the exit status.
    @discardableResult
    public func run(_ source: SourceText, parameters: [String: String] = [:]) -> Status {
        do {
            wroteResult = false
            try session.run(source, parameters: parameters) { [self] output in
                let shown = text(for: output)
                let multiline = shown.dropLast().contains("\n")
                let separate = (wroteMultiline || multiline) && wroteResult
                    && (options.format == .table || options.format == .markdown)
                write((separate ? "\n" : "") + shown)
                wroteResult = true
                wroteMultiline = multiline
            }
            return .success
        } catch {
            report(error.diagnostics)
            // Problems with how the command was called (a missing or mistyped --param) are usage.
            return error.diagnostics.allSatisfy { $0.kind == .usage } ? .usage : .failure
        }
    }

    /// Runs a script file: reads it (a binary or non-UTF-8 file is an error), then runs it, dot
    /// commands included.
    public func runFile(_ path: String, parameters: [String: String] = [:]) -> Status {
        switch readSource(path) {
        case .success(let source): return runWithCommands(source, parameters: parameters)
        case .failure(let failure): return failure.status
        }
    }

    /// Reads a script or template file and lets it import from its own folder. A missing file is
    /// wrong usage; a file that is not UTF-8 text is an error in the input. Problems are reported.
    func readSource(_ path: String) -> Result<SourceText, StatusError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            report([Diagnostic(.usage, "cannot read \(path): no such file, or it is not readable")])
            return .failure(StatusError(status: .usage))
        }
        do {
            let source = try SourceText.decode(name: path, bytes: Array(data))
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
            if !session.allowedDirectories.contains(folder) { session.allowedDirectories.append(folder) }
            return .success(source)
        } catch {
            report([error])
            return .failure(StatusError(status: .failure))
        }
    }

    /// An exit status carried as an error, for `readSource`'s result.
    struct StatusError: Error { var status: Status }

    /// The text shown for one output: a value in the chosen format, or a `print` line.
    public func text(for output: Output) -> String {
        switch output {
        case .value(let v):
            return render(v, options: options)
        case .chart(let t):
            // Programs reading csv or json get the chart's table.
            guard options.format == .table || options.format == .markdown else { return render(.table(t), options: options) }
            return textBarChart(t, options: options, width: min(60, max(20, (options.terminalWidth ?? 80) - 30)))
        case .printed(let values):
            // Single values are written for people and joined by spaces; tables in the format.
            var line: [String] = [], blocks: [String] = []
            for v in values {
                switch v {
                case .table, .record: blocks.append(render(v, options: options))
                default: line.append(values.count == 1 ? HumanText.lone(v, options: options) : humanText(v, style: options.numberStyle))
                }
            }
            return (line.isEmpty ? "" : line.joined(separator: " ") + "\n") + blocks.joined()
        }
    }

    /// Whether errors name the tutorial lesson that explains them (the REPL turns it on).
    public var tutorialHints = false

    /// Writes diagnostics to the error sink, rendered with file:line:column and the spot marked.
    public func report(_ diagnostics: [Diagnostic]) {
        let shown = tutorialHints ? diagnostics.map(TutorialHints.annotate) : diagnostics
        writeError(DiagnosticRenderer(colour: colourErrors).render(shown))
    }
}

/// Writes a file by writing a temporary file beside it and renaming it into place, so a failed
/// run never leaves a half-written file and an earlier file survives until the new one is whole.
public func writeAtomically(_ text: String, to path: String) throws(Diagnostic) {
    try writeAtomically(Data(text.utf8), to: path)
}

/// `writeAtomically` for bytes (a Word document, a report's CSV with its byte order mark).
public func writeAtomically(_ bytes: Data, to path: String) throws(Diagnostic) {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        try bytes.write(to: temporary)
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw Diagnostic(.usage, "cannot write \(path): \(error.localizedDescription)")
    }
    // rename(2) replaces an existing file in one step: readers see the old file or the new one.
    if rename(temporary.path, url.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw Diagnostic(.usage, "cannot write \(path): \(reason)")
    }
}

extension Shell {
    /// Renders a template file and writes the report. Returns the exit status. With `merged`, the
    /// data is first rolled up to the provinces of 1 July 2025 and the report says so.
    public func renderReport(_ path: String, format: OutputFormat, parameters: [String: String] = [:],
                             merged: Bool = false) -> Status {
        let source: SourceText
        switch readSource(path) {
        case .success(let s): source = s
        case .failure(let failure): return failure.status
        }
        if merged { session.rollUpToMergedProvinces() }
        do {
            let document = try reportDocument(source, parameters: parameters, merged: merged)
            write(writeReport(document, format: format, options: reportOptions))
            return .success
        } catch {
            report(error.diagnostics)
            return error.diagnostics.allSatisfy { $0.kind == .usage } ? .usage : .failure
        }
    }

    /// The options a report is written with: every row, no colour, codes as labels, local dates.
    var reportOptions: RenderOptions {
        var writerOptions = options
        writerOptions.maxRows = nil
        writerOptions.terminalWidth = nil
        writerOptions.colour = false
        // A report is for people: codes show as their labels.
        writerOptions.labels = true
        writerOptions.localDates = true
        return writerOptions
    }

    /// A template filled; under `merged` with the note saying which old provinces it takes in.
    func reportDocument(_ source: SourceText, parameters: [String: String], merged: Bool) throws(DiagnosticList) -> ReportDocument {
        let document = try session.renderTemplate(source, parameters: parameters)
        guard merged else { return document }
        var province = parameters["province"]
        if province == nil, case .text(let p)? = session.runtime.params["province"] { province = p }
        return document.withNote(ReportDocument.mergerNote(province: province, language: session.language))
    }
}
