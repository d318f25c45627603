import Foundation
import Testing

/// The "done when" check of the REPL: the real binary, driven through a pseudo-terminal by
/// `Tests/Terminal/repl_session.py` (pexpect), with libedit doing the editing.
@Suite struct REPLTerminalTests {
    static var script: String { Fixtures.repository.appendingPathComponent("Tests/Terminal/repl_session.py").path }

    static var pexpectAvailable: Bool {
        (try? CLI.runTool("/usr/bin/env", ["python3", "-c", "import pexpect"]))?.status == 0
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CLI.binary) && pexpectAvailable, "needs the coopql binary and python3 with pexpect"),
          .timeLimit(.minutes(1)))
    func aSessionThroughAPseudoTerminal() throws {
        let result = try CLI.runTool("/usr/bin/env", ["python3", Self.script, CLI.binary, Fixtures.dataDirectory])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.hasSuffix("ok\n"))
    }

    static var tmuxAvailable: Bool {
        (try? CLI.runTool("/usr/bin/env", ["tmux", "-V"]))?.status == 0
    }

    /// Tab on lines holding Vietnamese text, combining marks and wide characters, read off the
    /// screen of a real terminal (tmux) by `Tests/Terminal/repl_completion.py`, then the history
    /// file: each line completes in the right place and is saved without a broken letter.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CLI.binary) && tmuxAvailable, "needs the coopql binary and tmux"),
          .timeLimit(.minutes(1)))
    func completionOnTheScreen() throws {
        let script = Fixtures.repository.appendingPathComponent("Tests/Terminal/repl_completion.py").path
        let result = try CLI.runTool("/usr/bin/env", ["python3", script, CLI.binary, Fixtures.dataDirectory])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.hasSuffix("ok\n"))
    }
}

extension CLI {
    /// Runs another program (not coopql) and collects its output.
    static func runTool(_ path: String, _ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
