import Foundation

/// A plain interactive loop: reads entries line by line, runs each, shows results and errors, and
/// never stops on an error. Line editing, history and completion come from the host's line reader.
public struct LineREPL {
    public let shell: Shell
    public init(shell: Shell) { self.shell = shell }

    public static let prompt = "coopql> "
    public static let continuationPrompt = "   ...> "

    /// Runs until `readLine` returns nil (end of input) or `.quit`. `readLine` gets the prompt to show.
    public func run(readLine: (String) -> String?) {
        var entry = ""
        var number = 0
        // The last entry that ran without error: an entry starting with `|` continues it.
        var previous: String?
        while let line = readLine(entry.isEmpty ? LineREPL.prompt : LineREPL.continuationPrompt) {
            if entry.isEmpty {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix(".") {
                    if !command(trimmed) { return }
                    continue
                }
            }
            entry += (entry.isEmpty ? "" : "\n") + line
            // A blank line ends an entry even when it is incomplete, so its error shows.
            let source = SourceText(name: "<input>", text: entry)
            if !line.trimmingCharacters(in: .whitespaces).isEmpty && Parser.needsMoreInput(source) { continue }
            number += 1
            var text = entry
            if entry.trimmingCharacters(in: .whitespaces).hasPrefix("|"), let previous {
                text = previous + "\n" + entry
            }
            if shell.run(SourceText(name: "<input \(number)>", text: text)) == .success { previous = text }
            entry = ""
        }
    }

    /// A dot command; returns false to stop.
    func command(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        switch words[0] {
        case ".quit", ".exit":
            return false
        case ".tables":
            let names = shell.session.tables.keys.sorted()
            shell.write(names.isEmpty ? "no tables are loaded\n" : names.map { name in
                "\(name) (\(formatInteger(Int64(shell.session.tables[name]!.rowCount), style: shell.options.numberStyle)) rows)"
            }.joined(separator: "\n") + "\n")
        case ".schema":
            let names = words.count > 1 ? [words[1]] : shell.session.tables.keys.sorted()
            for name in names {
                let text = describeSchema(of: name, table: shell.session.tables[name], language: shell.session.language)
                if shell.session.tables[name] == nil && CoreSchema.table(name) == nil { shell.writeError(text) }
                else { shell.write(text) }
            }
        case ".help":
            shell.write("""
            Type a query and press Enter, for example:
              cooperatives | where kind == "htx" | count by sector
            A line ending in | or an open bracket continues on the next line;
            an entry starting with | continues the previous query.
            .tables   list the tables     .schema [table]   show columns and types
            .quit     leave (or Ctrl-D)

            """)
        default:
            shell.writeError("unknown command \(words[0]); try .help\n")
        }
        return true
    }
}
