import CoopQL
import Foundation

extension Shell {
    /// Runs a script (a file, or what is piped to standard input) in which a line starting with a
    /// dot command (`.format csv`, `.load data`, `.mode json`) runs that command, as in the rc file
    /// and the REPL. A `.` line inside an unfinished statement (an open bracket or string) is part
    /// of the statement. The script stops at the first error, in a query or a command, with status
    /// 1, as a script without commands does; errors give the line numbers of the whole script.
    /// A script with no command line runs exactly as before, in one piece.
    public func runWithCommands(_ source: SourceText, parameters: [String: String] = [:]) -> Status {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: Self.isCommandLine) else { return run(source, parameters: parameters) }
        let hints = tutorialHints
        let repl = LineREPL(shell: self)
        tutorialHints = hints
        var chunk: [Substring] = [], chunkStart = 0
        func runChunk() -> Status {
            defer { chunk = [] }
            guard chunk.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return .success }
            // Blank lines in front keep each error's line number that of the whole script.
            let text = String(repeating: "\n", count: chunkStart) + chunk.joined(separator: "\n")
            return run(SourceText(name: source.name, text: text), parameters: parameters)
        }
        for (number, line) in lines.enumerated() {
            let pending = SourceText(name: source.name, text: chunk.joined(separator: "\n"))
            if Self.isCommandLine(line), chunk.isEmpty || !Parser.needsMoreInput(pending) {
                let status = runChunk()
                guard status == .success else { return status }
                var failed = false
                let screen = writeError
                writeError = { failed = true; screen($0) }
                let goOn = repl.command(line.trimmingCharacters(in: .whitespaces))
                writeError = screen
                if failed {
                    writeError("\(source.name):\(number + 1): " + ShellMessages.commandFailed(line.trimmingCharacters(in: .whitespaces)) + "\n")
                    return .failure
                }
                if !goOn { return .success }
                continue
            }
            if chunk.isEmpty { chunkStart = number }
            chunk.append(line)
        }
        return runChunk()
    }

    /// A line holding a dot command: a dot, then a letter (`.5` is a number).
    static func isCommandLine(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.first == "." && trimmed.dropFirst().first?.isLetter == true
    }
}
