import CoopQL
import Foundation
import CoopQLBase

// The engine functions of coopql.h: open, close, data, settings, limits, errors.

/// NUL-terminated, in static storage.
private let version: StaticString = "1.0.0\0"

@_cdecl("coopql_version")
public func coopql_version() -> UnsafePointer<CChar> {
    UnsafeRawPointer(version.utf8Start).assumingMemoryBound(to: CChar.self)
}

@_cdecl("coopql_open")
public func coopql_open() -> OpaquePointer {
    handle(EngineHandle())
}

@_cdecl("coopql_close")
public func coopql_close(_ engine: OpaquePointer?) {
    release(engine, as: EngineHandle.self)
}

/// Runs `work` for an engine, turning NULL and thrown diagnostics into status codes.
func withEngine(_ engine: OpaquePointer?, _ work: (EngineHandle) throws(Diagnostic) -> Void) -> Int32 {
    guard let e = object(engine, as: EngineHandle.self) else { return statusMisuse }
    e.clear()
    do { try work(e) } catch { return e.fail(error) }
    return statusOK
}

@_cdecl("coopql_load_directory")
public func coopql_load_directory(_ engine: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    withEngine(engine) { e throws(Diagnostic) in try e.session.loadDirectory(try text(path, "path")) }
}

@_cdecl("coopql_load_file")
public func coopql_load_file(_ engine: OpaquePointer?, _ path: UnsafePointer<CChar>?,
                             _ name: UnsafePointer<CChar>?) -> Int32 {
    withEngine(engine) { e throws(Diagnostic) in
        let tableName = name == nil ? nil : try text(name, "table_name")
        try e.session.loadFile(try text(path, "path"), as: tableName)
    }
}

@_cdecl("coopql_allow_directory")
public func coopql_allow_directory(_ engine: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    withEngine(engine) { e throws(Diagnostic) in e.session.allowedDirectories.append(try text(path, "path")) }
}

@_cdecl("coopql_set_language")
public func coopql_set_language(_ engine: OpaquePointer?, _ language: UnsafePointer<CChar>?) -> Int32 {
    withEngine(engine) { e throws(Diagnostic) in
        let code = try text(language, "language")
        guard let l = Language(rawValue: code) else {
            throw Diagnostic(.usage, "unknown language `\(code)`", suggestion: "use \"vi\" or \"en\"")
        }
        e.session.language = l
    }
}

@_cdecl("coopql_set_limits")
public func coopql_set_limits(_ engine: OpaquePointer?, _ steps: Int64, _ rows: Int64, _ bytes: Int64,
                              _ timeout: Double) -> Int32 {
    withEngine(engine) { e in
        func limit(_ n: Int64) -> Int? { n > 0 ? Int(n) : nil }
        e.session.limits.maxSteps = limit(steps)
        e.session.limits.maxRows = limit(rows)
        e.session.limits.maxBytes = limit(bytes)
        e.session.limits.timeout = timeout > 0 && timeout.isFinite ? timeout : nil
    }
}

@_cdecl("coopql_cancel")
public func coopql_cancel(_ engine: OpaquePointer?) {
    // No clear(): this comes from another thread and must touch only the cancel flag.
    object(engine, as: EngineHandle.self)?.session.cancel()
}

@_cdecl("coopql_error_message")
public func coopql_error_message(_ engine: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let e = object(engine, as: EngineHandle.self) else { return nil }
    return e.errorStrings.message
}

@_cdecl("coopql_error_kind")
public func coopql_error_kind(_ engine: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let e = object(engine, as: EngineHandle.self) else { return nil }
    return e.errorStrings.kind
}

@_cdecl("coopql_error_suggestion")
public func coopql_error_suggestion(_ engine: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let e = object(engine, as: EngineHandle.self) else { return nil }
    return e.errorStrings.suggestion
}

@_cdecl("coopql_error_line")
public func coopql_error_line(_ engine: OpaquePointer?) -> Int32 {
    Int32(object(engine, as: EngineHandle.self)?.error?.location?.line ?? 0)
}

@_cdecl("coopql_error_column")
public func coopql_error_column(_ engine: OpaquePointer?) -> Int32 {
    Int32(object(engine, as: EngineHandle.self)?.error?.location?.column ?? 0)
}
