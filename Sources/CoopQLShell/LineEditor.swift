@preconcurrency import CLibEdit
import CoopQL
import Foundation

/// libedit glued to the library's REPL: prompts, editing (Emacs keys, arrows, Ctrl-R), history
/// recall and Tab completion. Everything that can be decided without a terminal is in the rest of the shell
/// (`LineREPL`, `Completer`, `HistoryFile`); this file only moves text between them and libedit.
package enum LineEditor {
    /// The completer libedit's C callback reaches (a C function pointer cannot capture context).
    nonisolated(unsafe) static var completer: Completer?
    /// The lines already typed in the current entry: they give completion its scope.
    nonisolated(unsafe) static var pending = ""
    /// The REPL, so completion can wait for the data still loading.
    nonisolated(unsafe) static var repl: LineREPL?

    /// Runs the REPL on the terminal until Ctrl-D or `.quit`.
    package static func run(_ repl: LineREPL) {
        // Without a locale libedit drops every non-ASCII byte ("Bạc Liêu" → "Bc Liu").
        if setlocale(LC_ALL, "") == nil || !isUTF8Locale() { setlocale(LC_CTYPE, "C.UTF-8") }
        coopql_readline_setup()
        rl_readline_name = UnsafePointer(strdup("coopql"))
        rl_initialize()
        // Quotes and punctuation end a word, so `"agr` and `| wh` complete the part after them.
        // (libedit reads the "basic" set; the other is set too for readline's sake.)
        let breaks = strdup(" \t\n\"`|(),=<>[]+-*/")
        rl_completer_word_break_characters = breaks
        rl_basic_word_break_characters = UnsafePointer(breaks)
        rl_completion_append_character = 0
        rl_attempted_completion_function = { text, _, end in LineEditor.complete(text, end) }
        coopql_install_sigint()

        completer = Completer(session: repl.shell.session)
        self.repl = repl
        for entry in repl.history?.load() ?? [] { add_history(entry) }
        repl.remember = { add_history($0) }
        repl.interruptRequested = {
            guard coopql_take_interrupt() != 0 else { return false }
            // The terminal echoed ^C where the cursor was: the error goes on a fresh line.
            _ = write(STDOUT_FILENO, "\n", 1)
            return true
        }
        repl.run { prompt in
            pending = repl.pending
            // The terminal may have been resized since the last entry: tables fit its width now.
            if repl.shell.options.terminalWidth != nil { repl.shell.options.terminalWidth = terminalColumns() }
            // A Ctrl-C that came as a query was finishing must not drop the next line typed.
            _ = coopql_take_interrupt()
            guard let cLine = readline(prompt) else {
                // readline gives nil for Ctrl-D and for a read cut short by Ctrl-C: tell them apart.
                if coopql_take_interrupt() != 0 {
                    FileHandle.standardOutput.write(Data("^C\n".utf8))
                    return .interrupted
                }
                FileHandle.standardOutput.write(Data("\n".utf8))
                return .end
            }
            defer { free(cLine) }
            if coopql_take_interrupt() != 0 { return .interrupted }
            return .line(String(cString: cLine))
        }
    }

    static func isUTF8Locale() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    /// libedit's completion hook. libedit counts in wide characters: `end` (the cursor) and the
    /// length of its word `text` are Unicode scalars, while `rl_line_buffer` holds UTF-8 bytes. So
    /// the line is decoded whole and cut at the `end`-th scalar — never at the `end`-th byte, which
    /// on a line holding Vietnamese text lands in the wrong place or inside a letter. Candidates
    /// come from the library, computed by Character; the returned array is [what to insert,
    /// candidate, …], malloc'd, as libedit frees it.
    static func complete(_ text: UnsafePointer<CChar>?, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let completer, let buffer = rl_line_buffer else { return nil }
        // Tables and columns come from the data: it must have finished loading.
        repl?.waitForBackground()
        let line = String(cString: buffer)
        let before = Completion.string(Array(line.unicodeScalars.prefix(Int(end)))[...])
        let wordLength = text.map { String(cString: $0).unicodeScalars.count } ?? 0
        guard let completion = EditorCompletion(completer.complete(before, entry: pending), typed: before, wordLength: wordLength)
        else { return nil }
        let strings = [completion.insertion] + completion.listed
        let array = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (strings.count + 1))!
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: strings.count + 1)
        for (i, s) in strings.enumerated() { array[i] = strdup(s) }
        array[strings.count] = nil
        return array
    }
}

/// Columns of the terminal on standard output (80 when it cannot be told).
package func terminalColumns() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
}
