import Foundation
import CoopQLBase

/// The limits the command line and the shell run under unless told otherwise: enough for any
/// real question of the data, small enough that no query can take a desktop down with it.
extension Limits {
    /// Half the physical memory: what all the stages of one run may give out together.
    public static var defaultMaxBytes: Int { Int(clamping: ProcessInfo.processInfo.physicalMemory / 2) }

    /// One hour: the time limit of `run`, `-c` and `report` (the interactive shell has none;
    /// Ctrl-C stops a query there).
    public static let defaultBatchSeconds: Double = 3600

    /// The defaults of the command line: no step or row limit, memory at half the physical
    /// memory, and an hour of time unless `interactive`.
    public static func commandLine(interactive: Bool) -> Limits {
        Limits(maxBytes: defaultMaxBytes, timeout: interactive ? nil : defaultBatchSeconds, maxQueryBytes: nil)
    }

    /// The limits one to a line, as `.limits` and `--help` show them.
    public var summary: [String] {
        [
            "time:   " + (timeout.map { Limits.describeSeconds($0) } ?? "none"),
            "memory: " + (maxBytes.map(ByteSize.describe) ?? "none"),
            "steps:  " + (maxSteps.map(String.init) ?? "none"),
            "rows:   " + (maxRows.map(String.init) ?? "none"),
        ]
    }

    static func describeSeconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) seconds" : "\(s) seconds"
    }

    /// Sets one limit from its command-line name and text (`max-time 10`, `max-memory 4GB`,
    /// `max-steps none`); returns what was wrong with the value, or nil when it was set.
    public mutating func set(_ name: String, _ text: String) -> String? {
        let none = text.lowercased() == "none"
        switch name.hasPrefix("--") ? String(name.dropFirst(2)) : name {
        case "max-time":
            if none { timeout = nil; return nil }
            guard let s = Double(text), s.isFinite, s > 0 else { return "--max-time needs a number of seconds above 0, such as 60, or none" }
            timeout = s
        case "max-memory":
            if none { maxBytes = nil; return nil }
            guard let b = ByteSize.parse(text) else { return "--max-memory needs a size such as 512MB or 4GB, or none" }
            maxBytes = b
        case "max-steps":
            if none { maxSteps = nil; return nil }
            guard let n = Int(text), n > 0 else { return "--max-steps needs a whole number above 0, or none" }
            maxSteps = n
        case "max-rows":
            if none { maxRows = nil; return nil }
            guard let n = Int(text), n > 0 else { return "--max-rows needs a whole number above 0, or none" }
            maxRows = n
        default:
            return "no limit is called \(name): the limits are max-time, max-memory, max-steps and max-rows"
        }
        return nil
    }
}
