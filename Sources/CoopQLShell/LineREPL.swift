import CoopQL
import Foundation

/// What the host's line reader gives back for one prompt.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt: the line (and any unfinished entry) is dropped.
    case interrupted
    /// Ctrl-D, or the end of input.
    case end
}

/// The interactive loop, without any terminal code: reads entries line by line, runs queries and
/// dot commands, shows results and errors, and never stops on an error. Line editing and
/// completion come from the host (`coopql` glues libedit to it); history is written here.
public final class LineREPL {
    /// The shell entries run in.
    public let shell: Shell
    /// Where each entry is appended as soon as it is made (nil: no history).
    public var history: HistoryFile?
    /// Receives each finished entry, so the host's line editor can recall it with the up arrow.
    public var remember: (String) -> Void = { _ in }
    /// Polled while a query runs: true when the person asked to stop it (Ctrl-C).
    public var interruptRequested: @Sendable () -> Bool = { false }
    /// `.timer on`: each entry's time is shown after it.
    public var timer = false
    /// The screen sink while `.output FILE` sends results to a file.
    var screen: ((String) -> Void)?
    var outputFile: FileHandle?
    /// The lines of an entry not finished yet.
    public private(set) var pending = ""
    /// The last query that ran without error: an entry starting with `|` continues it.
    var previous: String?
    var number = 0

    /// Work begun before the prompt (loading the data) that entries and completion wait for.
    private var background: DispatchSemaphore?

    /// Starts `work` on another thread; `waitForBackground` (called before each entry) waits for
    /// it. So the prompt shows at once while the data loads behind it.
    public func startInBackground(_ work: @escaping () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let box = UncheckedWork(work)
        Thread { box.work(); done.signal() }.start()
        background = done
    }

    /// Waits for the work `startInBackground` began, if it has not finished yet.
    public func waitForBackground() {
        guard let background else { return }
        background.wait()
        self.background = nil
    }

    /// A loop over a shell.
    public init(shell: Shell) {
        self.shell = shell
        shell.tutorialHints = true
    }

    /// The prompt for a new entry.
    public static let prompt = "coopql> "
    /// The prompt for the next line of an unfinished entry.
    public static let continuationPrompt = "   ...> "

    /// Runs until `readLine` returns nil (end of input) or `.quit`. `readLine` gets the prompt to show.
    public func run(readLine: (String) -> String?) {
        run { prompt in readLine(prompt).map(LineInput.line) ?? .end }
    }

    /// Runs until the reader reports the end of input, or `.quit`.
    public func run(read: (String) -> LineInput) {
        while true {
            switch read(pending.isEmpty ? LineREPL.prompt : LineREPL.continuationPrompt) {
            case .end: return
            case .interrupted: pending = ""
            case .line(let line): if !handle(line) { return }
            }
        }
    }

    /// Runs `~/.coopqlrc` (or `$COOPQL_INIT`) if it exists; its lines are not kept in history.
    public func runInitFile(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["COOPQL_INIT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".coopqlrc")
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return }
        let saved = history
        history = nil
        defer { history = saved }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { _ = handle(String(line), remembered: false) }
        if !pending.isEmpty { _ = handle("", remembered: false) }
    }

    /// Takes one line (which may hold several, as a recalled multi-line entry does). Returns false
    /// to stop.
    @discardableResult
    public func handle(_ line: String, remembered: Bool = true) -> Bool {
        waitForBackground()
        if pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return true }
            if trimmed.hasPrefix(".") {
                if remembered { keep(trimmed) }
                return timed { command(trimmed) }
            }
        }
        pending += (pending.isEmpty ? "" : "\n") + line
        // A blank line ends an entry even when it is incomplete, so its error shows.
        let source = SourceText(name: "<input>", text: pending)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty && Parser.needsMoreInput(source) { return true }
        let entry = pending
        pending = ""
        if entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return true }
        if remembered { keep(entry.trimmingCharacters(in: .newlines)) }
        number += 1
        var text = entry
        if entry.trimmingCharacters(in: .whitespaces).hasPrefix("|"), let previous { text = previous + "\n" + entry }
        let status = timed { cancellable { shell.run(SourceText(name: "<input \(number)>", text: text)) } }
        if status == .success { previous = text }
        return true
    }

    func keep(_ entry: String) {
        history?.append(entry)
        remember(entry)
    }

    /// Runs `work`, showing its time afterwards under `.timer on`.
    func timed<T>(_ work: () -> T) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = work()
        if timer {
            let d = clock.now - start
            let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            (screen ?? shell.writeError)("time: \(formatMilliseconds(ms))\n")
        }
        return result
    }

    func formatMilliseconds(_ ms: Double) -> String {
        ms < 1000 ? String(format: "%.1f ms", ms) : String(format: "%.2f s", ms / 1000)
    }

    /// Runs `work` while a watcher thread turns a Ctrl-C into `session.cancel()`. A thread rather
    /// than the signal handler itself: a handler may not take the locks `cancel` takes.
    func cancellable<T, E: Error>(_ work: () throws(E) -> T) throws(E) -> T {
        let done = ManagedFlag()
        let session = shell.session
        let requested = interruptRequested
        let watcher = Thread {
            while !done.value {
                if requested() { session.cancel() }
                usleep(10_000)
            }
        }
        watcher.start()
        defer { done.value = true }
        return try work()
    }
}

/// Hands non-Sendable work to another thread; the REPL waits for it before touching the shell again.
private final class UncheckedWork: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}
