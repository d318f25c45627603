import Foundation
import CoopQLBase

/// What one run of a query may use before it is stopped with an error naming the limit.
///
/// A host that runs queries written by other people sets these so that no query can keep the
/// engine busy, or grow its memory, without end. Every limit is per run: the counters start at
/// zero each time `run`, `evaluate` or `PreparedQuery.run` is called, and the session stays usable
/// after a limit stops a run. nil means no limit.
public struct Limits: Sendable, Equatable {
    /// Most steps one run may take. A step is one statement executed, one call of a function
    /// (defined with `fn` or by the host; a host function counts one step per row it is called
    /// on), one pipeline stage run, and one per row a stage gives out.
    public var maxSteps: Int?
    /// Most rows all pipeline stages of one run may give out, summed over the stages.
    public var maxRows: Int?
    /// Most bytes all pipeline stages of one run may give out, summed over the stages; a table's
    /// size is estimated from its storage (8 bytes a number, 4 a date or text code, 1 a bool, plus
    /// the UTF-8 bytes of its distinct texts).
    public var maxBytes: Int?
    /// Most wall-clock time one run may take, in seconds.
    public var timeout: Double?
    /// Longest query text, in UTF-8 bytes, that `prepare` and `query` accept (1 MB unless set):
    /// a longer one is refused at once instead of being parsed.
    public var maxQueryBytes: Int?

    /// Limits; leave a value out (nil) for no limit on it.
    public init(maxSteps: Int? = nil, maxRows: Int? = nil, maxBytes: Int? = nil, timeout: Double? = nil,
                maxQueryBytes: Int? = 1 << 20) {
        self.maxSteps = maxSteps
        self.maxRows = maxRows
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.maxQueryBytes = maxQueryBytes
    }

    /// No limits at all.
    public static let none = Limits(maxQueryBytes: nil)
}

/// The counters of one run, checked against `Limits` as the run goes.
struct RunBudget {
    /// Set only by `start`, together with `stepLimit`.
    private(set) var limits = Limits.none
    var steps = 0
    /// `limits.maxSteps` as a plain number (no limit: the largest): compared on every call.
    private(set) var stepLimit = Int.max
    var rows = 0
    var bytes = 0
    var deadline: Date?
    /// Function calls and loop turns left before the clock is read again: reading it costs more
    /// than a call of a small function, so the innermost work looks at it only now and then.
    /// Without a time limit the clock is never due.
    var turnsBeforeClock = Int.max

    /// How many turns pass between two readings of the clock: at a few tens of nanoseconds a turn,
    /// a time limit is still noticed within a fraction of a millisecond.
    static let turnsPerClockReading = 1024

    /// Starts counting a new run.
    mutating func start(_ limits: Limits) {
        self = RunBudget()
        self.limits = limits
        stepLimit = limits.maxSteps ?? .max
        deadline = limits.timeout.map { Date().addingTimeInterval($0) }
        if deadline != nil { turnsBeforeClock = 0 }
    }

    /// One turn of the innermost work (a function call, a turn of a `for` loop): checks the time
    /// limit, reading the clock once every `turnsPerClockReading` turns.
    @inline(__always)
    mutating func turn() throws {
        guard deadline != nil else { return }
        turnsBeforeClock -= 1
        if turnsBeforeClock < 0 {
            turnsBeforeClock = RunBudget.turnsPerClockReading
            try checkTime()
        }
    }

    /// A step and a turn, taken only when neither needs a closer look (the step limit is not
    /// reached, no clock reading is due); says whether it was taken.
    @inline(__always)
    mutating func takeQuickStep() -> Bool {
        guard steps < stepLimit, turnsBeforeClock > 0 else { return false }
        steps += 1
        turnsBeforeClock -= 1
        return true
    }

    @inline(__always)
    mutating func step(_ n: Int = 1) throws {
        steps += n
        if steps > stepLimit { throw stepLimitExceeded() }
    }

    @inline(never)
    func stepLimitExceeded() -> LimitExceeded {
        LimitExceeded(limit: "step", message: "the query went over its step limit of \(stepLimit) steps")
    }

    /// Counts a table a stage gave out: a step per row, and its rows and bytes.
    mutating func materialised(_ table: Table) throws {
        try materialised(rows: table.rowCount, bytes: table.estimatedBytes)
    }

    /// Counts a table of this many rows and bytes that a stage gave out, or would have given out
    /// had it not been run together with the next stage.
    mutating func materialised(rows tableRows: Int, bytes tableBytes: Int) throws {
        try step(1 + tableRows)
        rows += tableRows
        if let max = limits.maxRows, rows > max {
            throw LimitExceeded(limit: "row", message: "the query went over its memory limit of \(max) rows")
        }
        bytes += tableBytes
        if let max = limits.maxBytes, bytes > max {
            throw LimitExceeded(limit: "byte", message: "the query went over its memory limit of \(max) bytes")
        }
    }

    func checkTime() throws {
        if let deadline, Date() > deadline {
            throw LimitExceeded(limit: "time", message: "the query went over its time limit of \(limits.timeout ?? 0) seconds")
        }
    }
}

/// A run stopped by a limit (or by `Session.cancel()`); becomes a `.limit` diagnostic.
struct LimitExceeded: Error {
    /// "step", "row", "byte", "memory", "time" or "cancel".
    var limit: String
    var message: String
    /// Found before a stage allocated its output (`RunBudget.admit`): the error points at the stage.
    var beforeAllocation = false

    /// A cancel was asked for; any other limit was set by the host and can be raised there.
    var hint: String? {
        guard limit != "cancel" else { return nil }
        let option = ["step": "steps", "row": "rows", "byte": "memory"][limit] ?? limit
        return "the \(limit) limit is set by the program running this query (coopql: --max-\(option), or .limits in the shell)"
    }
}

extension Table {
    /// A cheap estimate of the memory a table's columns hold.
    var estimatedBytes: Int {
        columns.reduce(0) { $0 + $1.estimatedBytes(rows: $1.count) }
    }
}

extension Column {
    /// The memory this column would hold with `rows` cells (a gather of it keeps its dictionary).
    func estimatedBytes(rows: Int) -> Int {
        switch storage {
        case .int, .decimal: return 8 * rows
        case .date: return 4 * rows
        case .bool: return rows
        case .text(_, let dictionary): return 4 * rows + dictionary.strings.reduce(0) { $0 + $1.utf8.count }
        }
    }
}
