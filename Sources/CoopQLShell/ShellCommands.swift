import CoopQL
import Foundation

/// The REPL's dot commands (`.help`, `.tables`, `.load`, …). Each writes through the shell's
/// sinks: results to `write` (which `.output` may point at a file), problems to `writeError`.
extension LineREPL {
    /// Runs one dot command; returns false to stop the REPL.
    func command(_ text: String) -> Bool {
        let name = String(text.prefix { $0 != " " })
        let argument = text.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch name {
        case ".quit", ".exit":
            return false
        case ".help":
            if let help = HelpTopics.text(argument.isEmpty ? nil : argument) { shell.write(help) }
            else {
                let guess = suggestion(for: argument, among: HelpTopics.names)
                shell.writeError("no help topic `\(argument)`" + (guess.map { "; did you mean \($0)?" } ?? "")
                                 + " (topics: stages, functions, operators, commands)\n")
            }
        case ".tables":
            let names = shell.session.tables.keys.sorted()
            shell.write(names.isEmpty ? "no tables are loaded\n" : names.map { name in
                "\(name) (\(formatInteger(Int64(shell.session.tables[name]!.rowCount), style: shell.options.numberStyle)) rows)"
            }.joined(separator: "\n") + "\n")
        case ".schema":
            let names = argument.isEmpty ? shell.session.tables.keys.sorted() : [argument]
            for name in names {
                let text = describeSchema(of: name, table: shell.session.tables[name], language: shell.session.language)
                if shell.session.tables[name] == nil && CoreSchema.table(name) == nil { shell.writeError(text) }
                else { shell.write(text) }
            }
        case ".load": load(argument)
        case ".format":
            guard let format = OutputFormat(rawValue: argument) else { return usage(".format table|csv|json|markdown") }
            shell.options.format = format
        case ".output": redirect(argument)
        case ".timer":
            guard argument == "on" || argument == "off" else { return usage(".timer on|off") }
            timer = argument == "on"
        case ".lang":
            guard let language = Language(rawValue: argument) else { return usage(".lang vi|en") }
            shell.session.language = language
            shell.options.language = language
            shell.options.numberStyle = language == .vi ? .vietnamese : .english
        case ".params": showParameters()
        case ".run":
            guard !argument.isEmpty else { return usage(".run FILE") }
            _ = cancellable { shell.runFile((argument as NSString).expandingTildeInPath) }
        case ".explain":
            guard !argument.isEmpty else { return usage(".explain QUERY") }
            explain(argument)
        default:
            let guess = suggestion(for: name, among: Completer.commands)
            shell.writeError("unknown command \(name)" + (guess.map { "; did you mean \($0)?" } ?? "") + " (.help lists them)\n")
        }
        return true
    }

    private func usage(_ form: String) -> Bool {
        shell.writeError("usage: \(form)\n")
        return true
    }

    /// `.load DIR` loads a folder; `.load FILE` one file, through a folder holding only a link to
    /// it, so a single file is checked exactly as it would be in a folder.
    func load(_ argument: String) {
        guard !argument.isEmpty else { _ = usage(".load DIR|FILE"); return }
        let path = (argument as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            shell.writeError("cannot load \(argument): no such file or folder\n")
            return
        }
        let before = Set(shell.session.tables.keys.map { $0 + "#" + String(shell.session.tables[$0]!.rowCount) })
        if isDirectory.boolValue {
            _ = shell.load([path])
        } else {
            let folder = NSTemporaryDirectory() + "coopql-load-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                try FileManager.default.createSymbolicLink(atPath: folder + "/" + (path as NSString).lastPathComponent,
                                                           withDestinationPath: absolute)
            } catch {
                shell.writeError("cannot load \(argument): \(error.localizedDescription)\n")
                return
            }
            _ = shell.load([folder])
            shell.session.allowedDirectories.removeAll { $0 == folder }
        }
        let changed = shell.session.tables.keys.sorted().filter { !before.contains($0 + "#" + String(shell.session.tables[$0]!.rowCount)) }
        if !changed.isEmpty {
            shell.write("loaded " + changed.map { "\($0) (\(formatInteger(Int64(shell.session.tables[$0]!.rowCount), style: shell.options.numberStyle)) rows)" }
                .joined(separator: ", ") + "\n")
        }
    }

    /// `.output FILE` sends results to FILE (emptied first); `.output` alone back to the screen.
    func redirect(_ argument: String) {
        if let outputFile {
            try? outputFile.close()
            self.outputFile = nil
        }
        if let screen {
            shell.write = screen
            self.screen = nil
        }
        guard !argument.isEmpty else { return }
        let path = (argument as NSString).expandingTildeInPath
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            shell.writeError("cannot write \(argument)\n")
            return
        }
        screen = shell.write
        outputFile = handle
        shell.write = { handle.write(Data($0.utf8)) }
    }

    /// `.params`: the parameters and `let` values the session knows, with their types.
    func showParameters() {
        let env = shell.session.checkerEnvironment
        var lines: [String] = []
        for (name, type) in env.params.sorted(by: { $0.key < $1.key }) {
            let value = shell.session.runtime.params[name].map { humanText($0, style: shell.options.numberStyle) } ?? "(no value)"
            lines.append("$\(name): \(type) = \(value)")
        }
        for (name, type) in env.globals.sorted(by: { $0.key < $1.key }) {
            var shown = "\(type)"
            if case .table = type { shown = "table" }
            lines.append("\(name): \(shown) (let)")
        }
        shell.write(lines.isEmpty ? "no parameters or values yet; declare one with param name = value or let name = …\n"
                                  : lines.joined(separator: "\n") + "\n")
    }

    /// `.explain QUERY`: runs the query stage by stage and shows each with its rows and time.
    func explain(_ query: String) {
        do {
            let timings = try cancellable { () throws(DiagnosticList) -> [StageTiming] in try shell.session.explain(query) }
            // A step of several stages shows each on its own line, its rows and time on the last.
            let stageLines = timings.map { $0.stage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            let width = min(60, stageLines.joined().map(\.count).max() ?? 0)
            var lines = [padDisplay("stage", to: width, alignRight: false) + "        rows       time"]
            for (t, texts) in zip(timings, stageLines) {
                for (i, text) in texts.enumerated() {
                    let stage = padDisplay(text.count > width ? String(text.prefix(width - 1)) + "…" : text, to: width, alignRight: false)
                    guard i == texts.count - 1 else { lines.append(stage); continue }
                    lines.append(stage + "  "
                                 + padDisplay(formatInteger(Int64(t.rows), style: shell.options.numberStyle), to: 10, alignRight: true) + "  "
                                 + padDisplay(formatMilliseconds(t.seconds * 1000), to: 9, alignRight: true))
                }
            }
            shell.write(lines.joined(separator: "\n") + "\n")
        } catch {
            shell.report(error.diagnostics)
        }
    }
}
