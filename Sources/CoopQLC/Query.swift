import CoopQL
import CoopQLBase

// Preparing, binding and executing queries.

@_cdecl("coopql_prepare")
public func coopql_prepare(_ engine: OpaquePointer?, _ source: UnsafePointer<CChar>?) -> OpaquePointer? {
    guard let e = object(engine, as: EngineHandle.self) else { return nil }
    e.clear()
    do {
        let query = try e.session.prepare(try text(source, "query text"))
        return handle(QueryHandle(engine: e, query: query))
    } catch let d as Diagnostic {
        _ = e.fail(d)
    } catch let list as DiagnosticList {
        _ = e.fail(list)
    } catch {
        _ = e.fail(Diagnostic(.runtime, "\(error)"))
    }
    return nil
}

@_cdecl("coopql_query_free")
public func coopql_query_free(_ query: OpaquePointer?) {
    release(query, as: QueryHandle.self)
}

/// Binds one value, after checking the query handle and the name.
func bind(_ query: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: () throws(Diagnostic) -> Value) -> Int32 {
    guard let q = object(query, as: QueryHandle.self) else { return statusMisuse }
    q.engine.clear()
    do {
        let key = try text(name, "parameter name")
        q.query.bind(key.hasPrefix("$") ? String(key.dropFirst()) : key, try value())
    } catch {
        return q.engine.fail(error)
    }
    return statusOK
}

@_cdecl("coopql_bind_int")
public func coopql_bind_int(_ query: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: Int64) -> Int32 {
    bind(query, name) { .int(value) }
}

@_cdecl("coopql_bind_double")
public func coopql_bind_double(_ query: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: Double) -> Int32 {
    bind(query, name) { () throws(Diagnostic) in
        guard value.isFinite else { throw Diagnostic(.usage, "a parameter cannot be \(value)") }
        return .decimal(value)
    }
}

@_cdecl("coopql_bind_text")
public func coopql_bind_text(_ query: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?) -> Int32 {
    bind(query, name) { () throws(Diagnostic) in .text(try text(value, "parameter value")) }
}

@_cdecl("coopql_bind_bool")
public func coopql_bind_bool(_ query: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: Int32) -> Int32 {
    bind(query, name) { .bool(value != 0) }
}

@_cdecl("coopql_bind_date")
public func coopql_bind_date(_ query: OpaquePointer?, _ name: UnsafePointer<CChar>?,
                             _ year: Int32, _ month: Int32, _ day: Int32) -> Int32 {
    bind(query, name) { () throws(Diagnostic) in
        guard let d = Day(year: Int(year), month: Int(month), day: Int(day)) else {
            throw Diagnostic(.usage, "\(year)-\(month)-\(day) is not a date")
        }
        return .date(d)
    }
}

@_cdecl("coopql_bind_null")
public func coopql_bind_null(_ query: OpaquePointer?, _ name: UnsafePointer<CChar>?) -> Int32 {
    bind(query, name) { .null }
}

@_cdecl("coopql_clear_bindings")
public func coopql_clear_bindings(_ query: OpaquePointer?) -> Int32 {
    guard let q = object(query, as: QueryHandle.self) else { return statusMisuse }
    q.engine.clear()
    q.query.clearBindings()
    return statusOK
}

@_cdecl("coopql_execute")
public func coopql_execute(_ query: OpaquePointer?) -> OpaquePointer? {
    guard let q = object(query, as: QueryHandle.self) else { return nil }
    q.engine.clear()
    do {
        return handle(ResultHandle(engine: q.engine, result: try q.query.run()))
    } catch {
        _ = q.engine.fail(error)
        return nil
    }
}
