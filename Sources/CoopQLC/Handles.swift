import CoopQL
import Foundation
import CoopQLBase

/// What a `coopql_engine *` points at: a session and the last error, kept as C strings so the
/// pointers handed out stay valid until the next call.
final class EngineHandle {
    let session = Session()
    private(set) var error: Diagnostic?
    /// The error's message, kind and suggestion as C strings, made once when it is recorded.
    private(set) var errorStrings: (message: UnsafePointer<CChar>?, kind: UnsafePointer<CChar>?,
                                    suggestion: UnsafePointer<CChar>?) = (nil, nil, nil)
    private var strings = CStrings()

    /// Forgets the last error (every call that succeeds does this first).
    func clear() {
        error = nil
        errorStrings = (nil, nil, nil)
        strings.clear()
    }

    /// Records a failure and returns the status to give back.
    func fail(_ d: Diagnostic, status: Int32 = statusError) -> Int32 {
        clear()
        error = d
        errorStrings = (strings.keep(d.message), strings.keep(d.kind.rawValue), d.suggestion.map { strings.keep($0) })
        return status
    }

    func fail(_ list: DiagnosticList) -> Int32 {
        fail(list.diagnostics.first ?? Diagnostic(.runtime, "unknown error"))
    }

    deinit { strings.clear() }
}

/// A prepared query and the engine it belongs to (kept alive by it).
final class QueryHandle {
    let engine: EngineHandle
    let query: PreparedQuery
    init(engine: EngineHandle, query: PreparedQuery) { self.engine = engine; self.query = query }
}

let statusOK: Int32 = 0
let statusError: Int32 = 1
let statusMisuse: Int32 = 2

/// C strings made for the caller to borrow; freed together.
struct CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []
    mutating func keep(_ s: String) -> UnsafePointer<CChar> {
        let p = strdup(s)!
        pointers.append(p)
        return UnsafePointer(p)
    }
    mutating func clear() {
        for p in pointers { free(p) }
        pointers.removeAll()
    }
}

/// Turns a handle pointer back into its object without changing its retain count.
func object<T: AnyObject>(_ pointer: OpaquePointer?, as: T.Type) -> T? {
    guard let pointer else { return nil }
    return Unmanaged<T>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
}

/// Hands an object to C, retained until the matching free.
func handle(_ object: AnyObject) -> OpaquePointer {
    OpaquePointer(Unmanaged.passRetained(object).toOpaque())
}

func release<T: AnyObject>(_ pointer: OpaquePointer?, as: T.Type) {
    guard let pointer else { return }
    Unmanaged<T>.fromOpaque(UnsafeRawPointer(pointer)).release()
}

/// Reads a C string argument, rejecting NULL and invalid UTF-8 with a usage error.
func text(_ pointer: UnsafePointer<CChar>?, _ what: String) throws(Diagnostic) -> String {
    guard let pointer else { throw Diagnostic(.usage, "\(what) is NULL") }
    guard let s = String(validatingCString: pointer) else {
        throw Diagnostic(.usage, "\(what) is not valid UTF-8")
    }
    return s
}
