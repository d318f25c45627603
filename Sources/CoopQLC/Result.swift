import CoopQL
import Foundation
import CoopQLBase

/// A result seen as a table with a cursor; cell strings handed out live until the cursor moves.
final class ResultHandle {
    let engine: EngineHandle
    let result: QueryResult
    let table: Table
    var row = -1
    private var names = CStrings()
    private var cells = CStrings()

    init(engine: EngineHandle, result: QueryResult) {
        self.engine = engine
        self.result = result
        if let t = result.table {
            table = t
        } else {
            // A single value is shown as one row of one column, so one cursor reads everything.
            let v = result.value
            let column: Column
            switch v {
            case .int, .decimal, .bool, .date, .text: column = Column.from([v], type: v.type)
            case .null: column = Column.from([.null], type: .text)
            default: column = Column.from([.text(humanText(v, style: .english))], type: .text)
            }
            table = Table(names: ["value"], columns: [column])
        }
    }

    deinit { names.clear(); cells.clear() }

    func name(_ column: Int) -> UnsafePointer<CChar> { names.keep(table.columnNames[column]) }
    func keep(_ s: String) -> UnsafePointer<CChar> { cells.keep(s) }
    func moved() { cells.clear() }
}

/// The cell at the cursor, or nil when the cursor or column is out of range.
func cell(_ result: OpaquePointer?, _ column: Int32) -> (ResultHandle, Value)? {
    guard let r = object(result, as: ResultHandle.self) else { return nil }
    guard r.row >= 0, r.row < r.table.rowCount, column >= 0, Int(column) < r.table.columns.count else { return nil }
    return (r, r.table[r.row, Int(column)])
}

@_cdecl("coopql_result_free")
public func coopql_result_free(_ result: OpaquePointer?) {
    release(result, as: ResultHandle.self)
}

@_cdecl("coopql_result_json")
public func coopql_result_json(_ result: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    guard let r = object(result, as: ResultHandle.self) else { return nil }
    var json = r.result.rendered(as: .json)
    if json.hasSuffix("\n") { json.removeLast() }
    return strdup(json)
}

@_cdecl("coopql_free")
public func coopql_free(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}

@_cdecl("coopql_result_row_count")
public func coopql_result_row_count(_ result: OpaquePointer?) -> Int64 {
    Int64(object(result, as: ResultHandle.self)?.table.rowCount ?? 0)
}

@_cdecl("coopql_result_column_count")
public func coopql_result_column_count(_ result: OpaquePointer?) -> Int32 {
    Int32(object(result, as: ResultHandle.self)?.table.columns.count ?? 0)
}

@_cdecl("coopql_result_column_name")
public func coopql_result_column_name(_ result: OpaquePointer?, _ column: Int32) -> UnsafePointer<CChar>? {
    guard let r = object(result, as: ResultHandle.self), column >= 0, Int(column) < r.table.columns.count else { return nil }
    return r.name(Int(column))
}

/// The C code of a type.
func typeCode(_ type: DataType) -> Int32 {
    switch type {
    case .null: return 0
    case .int: return 1
    case .decimal: return 2
    case .text: return 3
    case .bool: return 4
    case .date: return 5
    default: return 6
    }
}

@_cdecl("coopql_result_column_type")
public func coopql_result_column_type(_ result: OpaquePointer?, _ column: Int32) -> Int32 {
    guard let r = object(result, as: ResultHandle.self), column >= 0, Int(column) < r.table.columns.count else { return -1 }
    return typeCode(r.table.columnTypes[Int(column)])
}

@_cdecl("coopql_result_next")
public func coopql_result_next(_ result: OpaquePointer?) -> Int32 {
    guard let r = object(result, as: ResultHandle.self) else { return 0 }
    r.moved()
    if r.row < r.table.rowCount { r.row += 1 }
    return r.row < r.table.rowCount ? 1 : 0
}

@_cdecl("coopql_result_is_null")
public func coopql_result_is_null(_ result: OpaquePointer?, _ column: Int32) -> Int32 {
    guard let (_, v) = cell(result, column) else { return 1 }
    return v.isNull ? 1 : 0
}

@_cdecl("coopql_result_int")
public func coopql_result_int(_ result: OpaquePointer?, _ column: Int32) -> Int64 {
    guard let (_, v) = cell(result, column) else { return 0 }
    switch v {
    case .int(let i): return i
    case .decimal(let d) where d.isFinite && abs(d) < 9.2e18: return Int64(d)
    case .bool(let b): return b ? 1 : 0
    default: return 0
    }
}

@_cdecl("coopql_result_double")
public func coopql_result_double(_ result: OpaquePointer?, _ column: Int32) -> Double {
    cell(result, column)?.1.asDouble ?? 0
}

@_cdecl("coopql_result_bool")
public func coopql_result_bool(_ result: OpaquePointer?, _ column: Int32) -> Int32 {
    guard let (_, v) = cell(result, column), case .bool(let b) = v else { return 0 }
    return b ? 1 : 0
}

@_cdecl("coopql_result_text")
public func coopql_result_text(_ result: OpaquePointer?, _ column: Int32) -> UnsafePointer<CChar>? {
    guard let (r, v) = cell(result, column) else { return nil }
    switch v {
    case .null: return nil
    case .text(let s): return r.keep(s)
    case .date(let d): return r.keep(d.iso)
    default: return r.keep(humanText(v, style: .english))
    }
}
