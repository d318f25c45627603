import Foundation
import CoopQLBase

/// A CoopQL session: loaded tables, and what earlier runs bound with `let`, `param` and `fn`.
/// This is the library's entry point: the command line, the REPL and embedding hosts all use it.
///
/// A session is not safe to share between threads while it runs; use one per thread. Tables are
/// values, so handing the same table to several sessions shares its storage safely.
public final class Session: @unchecked Sendable {
    package var checkerEnvironment: Checker.Environment
    package let runtime: Runtime
    /// Folders `import` may read from; empty means no file access at all.
    public var allowedDirectories: [String] = []
    /// What one run may use; see `Limits`. Only the length of a prepared query's text is limited
    /// unless the host sets more.
    public var limits = Limits()
    /// Counts changes to what the checker knows (tables, functions, declarations), so a
    /// `PreparedQuery` knows when it must be checked again.
    var generation = 0
    /// Every function a script defined in this session, so that `deinit` can break the cycles a
    /// recursive function's checked body makes with itself (see `UserFunction.releaseInstances`).
    var definedFunctions: [ObjectIdentifier: UserFunction] = [:]

    deinit {
        remember(checkerEnvironment.functions)
        for function in definedFunctions.values { function.releaseInstances() }
    }

    func remember(_ functions: [String: UserFunction]) {
        for f in functions.values { definedFunctions[ObjectIdentifier(f)] = f }
    }

    /// An empty session: only the `provinces` table, no file access, the default `Limits`.
    public init() {
        checkerEnvironment = Checker.Environment(tables: [:])
        runtime = Runtime(tables: [:])
        // The provinces are part of the data model, not of any data set: always there.
        addTable("provinces", Provinces.table)
    }

    /// The language of labels and of the words in rendered output.
    public var language: Language {
        get { runtime.language }
        set { runtime.language = newValue }
    }

    /// The loaded tables by name.
    public var tables: [String: Table] { runtime.tables }

    /// Adds (or replaces) a table. Its long columns get zone maps (see `ZoneMap`), worked out the
    /// first time a query can use them: a session's tables are read by many queries.
    public func addTable(_ name: String, _ table: Table) {
        let qualified = table.qualified(by: name).withZoneMaps()
        runtime.tables[name] = qualified
        checkerEnvironment.tables[name] = qualified.schema
        generation += 1
    }

    /// Loads every data file of a folder (CSV, JSON, JSON Lines) as a table named after the file,
    /// checked against the schema (a `FileSource`); references may also name tables the session
    /// already has. Strictly (the default), on error nothing is added and the tables the session
    /// had stay as they were. Returns the warnings for rows left out when `lenient`.
    @discardableResult
    public func loadDirectory(_ path: String, options: LoadOptions = LoadOptions()) throws(Diagnostic) -> [Diagnostic] {
        let warnings = try load(FileSource(folder: path, options: options, referenceTables: tables))
        if !allowedDirectories.contains(path) { allowedDirectories.append(path) }
        return warnings
    }

    /// Stops the query now running, at its next check, with a `.limit` diagnostic (callable from
    /// another thread: the one call that may be). A cancel while nothing runs is forgotten when the
    /// next run starts.
    public func cancel() { runtime.cancelled.value = true }

    /// Parses, checks and runs a script; `emit` receives each value to show, in order.
    /// Every problem found before running is thrown together; a run-time error stops the run.
    public func run(_ source: SourceText, parameters: [String: String] = [:],
                    emit: @escaping (Output) throws -> Void) throws(DiagnosticList) {
        try QueryDriver.onDeepStack(source) { [self] in
            let checked = try driver.check(source, parameters: parameters, bindings: [:])
            try execute(checked, source: source, emit: emit)
        }
        learnPivotColumns()
    }

    /// A pivot's value columns are known only once it has run (see `Checker.checkAfterPivot`):
    /// a `let` holding a pivot's result takes the columns it really has, so later runs may name them.
    func learnPivotColumns() {
        for (name, type) in checkerEnvironment.globals {
            guard case .table(let checked) = type, case .table(let table)? = runtime.globals[name],
                  table.schema.columns.count != checked.columns.count else { continue }
            checkerEnvironment.globals[name] = .table(table.schema)
        }
    }

    /// The path every query, script, report and `.explain` of this session takes.
    var driver: QueryDriver { QueryDriver(session: self) }

    /// A script after checking: what `execute` runs, possibly many times (`PreparedQuery`).
    struct Checked {
        var statements: [BoundStatement]
        var slots: Int
    }

    /// Runs a checked script within the session's limits.
    func execute(_ checked: Checked, source: SourceText, emit: @escaping (Output) throws -> Void) throws(DiagnosticList) {
        let interpreter = Interpreter(runtime: runtime, source: source, emit: emit)
        do {
            try driver.run(source) { try interpreter.run(checked.statements, slots: checked.slots) }
        } catch {
            // A `let` the run never reached has no value: later runs must not think it exists.
            for name in checkerEnvironment.globals.keys where runtime.globals[name] == nil {
                checkerEnvironment.globals[name] = nil
            }
            throw error
        }
    }

    /// A `--param` the script does not declare is a usage error (a typo would otherwise be ignored).
    func rejectUnknownParameters(_ parameters: [String: String], declared: [String: DataType],
                                 source: SourceText) throws(DiagnosticList) {
        guard let name = parameters.keys.filter({ declared[$0] == nil }).sorted().first else { return }
        let names = declared.keys.sorted()
        throw DiagnosticList([Diagnostic(.usage, "--param \(name): the script declares no parameter `\(name)`", in: source,
                                         suggestion: suggestion(for: name, among: names).map { "did you mean \($0)?" },
                                         hint: names.isEmpty ? "it declares no parameters" : "it declares: " + names.joined(separator: ", "))])
    }

    static func diagnostics(for error: Error, in source: SourceText) -> DiagnosticList {
        switch error {
        case let d as Diagnostic: return DiagnosticList([d])
        case let list as DiagnosticList: return list
        case let l as LimitExceeded:
            return DiagnosticList([Diagnostic(.limit, l.message, in: source, hint: l.hint)])
        case let k as KernelError: return DiagnosticList([Diagnostic(.runtime, k.message, in: source, suggestion: k.suggestion)])
        default: return DiagnosticList([Diagnostic(.runtime, "\(error)", in: source)])
        }
    }

    /// Runs source text and returns the value of its last expression statement (nil if none).
    public func evaluate(_ text: String, name: String = "<query>", parameters: [String: String] = [:]) throws(DiagnosticList) -> Value? {
        var last: Value?
        try run(SourceText(name: name, text: text), parameters: parameters) { output in
            switch output {
            case .value(let v): last = v
            case .chart(let t): last = .table(t)
            case .printed: break
            }
        }
        return last
    }

    /// Reads an imported file relative to the importing one, inside the allowed folders only.
    func importReader() -> @Sendable (String, SourceText) throws -> SourceText {
        let sandbox = ImportSandbox(allowedDirectories: allowedDirectories)
        return { path, from in try sandbox.read(path, from: from) }
    }
}

/// Runs work on a thread with a large stack, so deep (but bounded) recursion in user functions and
/// nested expressions never overflows a small caller's stack, such as a test runner's thread.
/// The thread is joined before returning, so nothing it held (the session, the query) outlives
/// the call: a host that closes an engine right after a query frees it at once.
func onLargeStack<T>(_ work: @escaping () throws -> T) throws -> T {
    let box = ResultBox<T>()
    let job = Unmanaged.passRetained(WorkerJob { box.result = Result { try work() } })
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, 256 << 20)
    var thread = pthread_t()
    let status = pthread_create(&thread, &attributes, { raw in
        Unmanaged<WorkerJob>.fromOpaque(raw!).takeRetainedValue().run()
        return nil
    }, job.toOpaque())
    guard status == 0 else {
        // No thread to be had (resources exhausted): run here rather than fail.
        job.release()
        return try work()
    }
    pthread_join(thread, nil)
    return try box.result!.get()
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

/// Hands a closure to the worker thread; the caller waits for it, so it never runs concurrently.
private final class WorkerJob: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
