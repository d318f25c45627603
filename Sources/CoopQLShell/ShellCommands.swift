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
        case ".format", ".mode":
            // `.mode` as sqlite3 and DuckDB spell it, with their names for a drawn table.
            let name = ["box", "column"].contains(argument) ? "table" : argument
            guard let format = OutputFormat(name: name), format.uses.contains(.query) else {
                return usage(".format " + OutputFormat.names(for: .query))
            }
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
        case ".limits": limits(argument)
        case ".run":
            guard !argument.isEmpty else { return usage(".run FILE") }
            _ = cancellable { shell.runFile((argument as NSString).expandingTildeInPath) }
        case ".explain":
            let analyze = argument == "analyze" || argument.hasPrefix("analyze ")
            let query = analyze ? String(argument.dropFirst("analyze".count)).trimmingCharacters(in: .whitespaces) : argument
            guard !query.isEmpty else { return usage(".explain [analyze] QUERY") }
            explain(query, analyze: analyze)
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

    /// `.explain QUERY`: the plan the query runs by, as a tree, last operator first, with the
    /// columns each gives out. `.explain analyze QUERY` runs it and shows each operator's rows
    /// and time instead. Stages run as one operator share a line, with the rule that joined them.
    func explain(_ query: String, analyze: Bool) {
        do {
            let plan = try cancellable { () throws(DiagnosticList) -> [ExplainedOperator] in
                try shell.session.explain(query, analyze: analyze)
            }
            // Each operator's stages one per line, the tree's branch on the first; its figures
            // on the last, with the rule that made one operator of several stages.
            let texts: [[String]] = plan.map { op in
                let indent = String(repeating: "   ", count: max(0, op.depth - 1))
                return op.stages.enumerated().map { i, stage in
                    // A stage written over several lines shows on one.
                    let text = stage.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                    return op.depth == 0 ? text : indent + (i == 0 ? "└─ " : "   ") + text
                }
            }
            let width = min(120, max(10, texts.joined().map(\.count).max() ?? 0))
            func cut(_ text: String, padded: Bool = true) -> String {
                let shown = text.count > width ? String(text.prefix(width - 1)) + "…" : text
                return padded ? padDisplay(shown, to: width, alignRight: false) : shown
            }
            var lines = [cut("operator") + (analyze ? "        rows       time" : "     columns")]
            for (op, stageLines) in zip(plan, texts) {
                lines += stageLines.dropLast().map { cut($0, padded: false) }
                var last = cut(stageLines.last ?? "") + "  "
                if analyze {
                    last += padDisplay(op.rows.map { formatInteger(Int64($0), style: shell.options.numberStyle) } ?? "-", to: 10, alignRight: true)
                        + "  " + padDisplay(op.seconds.map { formatMilliseconds($0 * 1000) } ?? "-", to: 9, alignRight: true)
                } else {
                    last += padDisplay(op.columns.map(String.init) ?? "?", to: 10, alignRight: true)
                }
                lines.append(last + (op.rule.map { "  ← one operator: \($0)" } ?? ""))
            }
            shell.write(lines.joined(separator: "\n") + "\n")
        } catch {
            shell.report(error.diagnostics)
        }
    }
}
