import CoopQL
import Foundation
import CoopQLBase

/// What a `coopql_call *` points at during one host-function callback.
final class CallHandle {
    let arguments: [Value]
    var result: Value = .null
    var failure: String?
    private var strings = CStrings()
    init(arguments: [Value]) { self.arguments = arguments }
    deinit { strings.clear() }
    func keep(_ s: String) -> UnsafePointer<CChar> { strings.keep(s) }
}

/// The host's error when a C function fails; its text becomes the diagnostic's message.
struct HostFailure: Error, CustomStringConvertible {
    var description: String
}

/// A C function pointer and its user data, carried into the Swift closure the session calls.
struct CFunction: @unchecked Sendable {
    let function: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?) -> Int32
    let userData: UnsafeMutableRawPointer?
}

@_cdecl("coopql_register_function")
public func coopql_register_function(_ engine: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ arity: Int32,
                                     _ returnType: Int32,
                                     _ function: (@convention(c) (UnsafeMutableRawPointer?, OpaquePointer?) -> Int32)?,
                                     _ userData: UnsafeMutableRawPointer?) -> Int32 {
    guard let function else {
        guard let e = object(engine, as: EngineHandle.self) else { return statusMisuse }
        return e.fail(Diagnostic(.usage, "the function pointer is NULL"), status: statusMisuse)
    }
    let types: [Int32: DataType] = [1: .int, 2: .decimal, 3: .text, 4: .bool, 5: .date]
    let callee = CFunction(function: function, userData: userData)
    return withEngine(engine) { e throws(Diagnostic) in
        let functionName = try text(name, "function name")
        guard let type = types[returnType] else {
            throw Diagnostic(.usage, "return type \(returnType) is not one of COOPQL_INT, COOPQL_DECIMAL, COOPQL_TEXT, COOPQL_BOOL, COOPQL_DATE")
        }
        try e.session.register(functionName, arity: Int(arity), returns: type) { args in
            let call = CallHandle(arguments: args)
            let status = withExtendedLifetime(call) {
                callee.function(callee.userData, OpaquePointer(Unmanaged.passUnretained(call).toOpaque()))
            }
            if let failure = call.failure { throw HostFailure(description: failure) }
            if status != statusOK { throw HostFailure(description: "it returned status \(status)") }
            return call.result
        }
    }
}

/// The argument at an index during a callback, or nil when out of range.
func argument(_ call: OpaquePointer?, _ index: Int32) -> (CallHandle, Value)? {
    guard let c = object(call, as: CallHandle.self), index >= 0, Int(index) < c.arguments.count else { return nil }
    return (c, c.arguments[Int(index)])
}

@_cdecl("coopql_call_arg_count")
public func coopql_call_arg_count(_ call: OpaquePointer?) -> Int32 {
    Int32(object(call, as: CallHandle.self)?.arguments.count ?? 0)
}

@_cdecl("coopql_call_arg_type")
public func coopql_call_arg_type(_ call: OpaquePointer?, _ index: Int32) -> Int32 {
    guard let (_, v) = argument(call, index) else { return -1 }
    return typeCode(v.type)
}

@_cdecl("coopql_call_arg_int")
public func coopql_call_arg_int(_ call: OpaquePointer?, _ index: Int32) -> Int64 {
    guard let (_, v) = argument(call, index) else { return 0 }
    if case .int(let i) = v { return i }
    if case .bool(let b) = v { return b ? 1 : 0 }
    if let d = v.asDouble, d.isFinite, abs(d) < 9.2e18 { return Int64(d) }
    return 0
}

@_cdecl("coopql_call_arg_double")
public func coopql_call_arg_double(_ call: OpaquePointer?, _ index: Int32) -> Double {
    argument(call, index)?.1.asDouble ?? 0
}

@_cdecl("coopql_call_arg_text")
public func coopql_call_arg_text(_ call: OpaquePointer?, _ index: Int32) -> UnsafePointer<CChar>? {
    guard let (c, v) = argument(call, index) else { return nil }
    switch v {
    case .null: return nil
    case .text(let s): return c.keep(s)
    case .date(let d): return c.keep(d.iso)
    default: return c.keep(humanText(v, style: .english))
    }
}

@_cdecl("coopql_call_return_int")
public func coopql_call_return_int(_ call: OpaquePointer?, _ value: Int64) {
    object(call, as: CallHandle.self)?.result = .int(value)
}

@_cdecl("coopql_call_return_double")
public func coopql_call_return_double(_ call: OpaquePointer?, _ value: Double) {
    object(call, as: CallHandle.self)?.result = value.isFinite ? .decimal(value) : .null
}

@_cdecl("coopql_call_return_text")
public func coopql_call_return_text(_ call: OpaquePointer?, _ value: UnsafePointer<CChar>?) {
    guard let c = object(call, as: CallHandle.self) else { return }
    do { c.result = .text(try text(value, "the returned text")) } catch { c.failure = error.message }
}

@_cdecl("coopql_call_return_bool")
public func coopql_call_return_bool(_ call: OpaquePointer?, _ value: Int32) {
    object(call, as: CallHandle.self)?.result = .bool(value != 0)
}

@_cdecl("coopql_call_return_null")
public func coopql_call_return_null(_ call: OpaquePointer?) {
    object(call, as: CallHandle.self)?.result = .null
}

@_cdecl("coopql_call_fail")
public func coopql_call_fail(_ call: OpaquePointer?, _ message: UnsafePointer<CChar>?) {
    guard let c = object(call, as: CallHandle.self) else { return }
    c.failure = (try? text(message, "the failure message")) ?? "the host function failed"
}
