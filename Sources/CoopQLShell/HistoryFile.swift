import CoopQL
import Foundation

/// The REPL's history file: one entry per line, appended as soon as an entry is made, so a crash
/// or a closed terminal loses nothing. A multi-line entry stays one entry: its line breaks are
/// written as `\n` (and a backslash as `\\`). Our own format rather than libedit's, so the library
/// can read and test it without a terminal.
public struct HistoryFile: Sendable {
    /// Where the history is kept.
    public let path: String

    /// The history file at `path` (created on the first entry).
    public init(path: String) { self.path = path }

    /// `$COOPQL_HISTORY`, else `~/.coopql_history`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["COOPQL_HISTORY"], !p.isEmpty { return p }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".coopql_history")
    }

    /// The entries saved so far, oldest first (none when the file is missing or unreadable).
    public func load(limit: Int = 1000) -> [String] {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return [] }
        let entries = text.split(separator: "\n").map { HistoryFile.decode(String($0)) }
        return Array(entries.suffix(limit))
    }

    /// Appends one entry (opened, written and closed each time: nothing waits in a buffer).
    public func append(_ entry: String) {
        let line = HistoryFile.encode(entry) + "\n"
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: String) -> String {
        var out = "", escaped = false
        for c in line {
            if escaped { out.append(c == "n" ? "\n" : c); escaped = false }
            else if c == "\\" { escaped = true }
            else { out.append(c) }
        }
        return out
    }
}
