import Testing
@testable import CoopQL
@testable import CoopQLBase

/// What the differential tests against SQLite found in CoopQL, each kept as a test of its own.
@Suite struct DifferentialFindingsTests {
    /// `median` put NaN anywhere in a group's values (`sorted()` with NaN has no order), so a
    /// group holding one NaN often got NaN for its median; NaN orders after every number.
    @Test func medianOrdersNaNAfterEveryNumber() throws {
        let session = Session()
        _ = try session.evaluate("let n = decimal(\"nan\")")
        let odd = try session.evaluate("[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0] | extend v = if value == 4.0 then n else value | summarize m = median(v)")
        #expect(odd.flatMap(Self.cell) == .decimal(5))
        let even = try session.evaluate("[1.0, 2.0, 3.0, 4.0] | extend v = if value == 2.0 then n else value | summarize m = median(v)")
        #expect(even.flatMap(Self.cell) == .decimal(3.5))
        let middle = try session.evaluate("[1.0, 2.0, 3.0] | extend v = if value == 1.0 then value else n | summarize m = median(v)")
        #expect(middle.flatMap(Self.cell).map { if case .decimal(let d) = $0 { d.isNaN } else { false } } == true)
    }

    static func cell(_ v: Value) -> Value? {
        guard case .table(let t) = v, t.rowCount == 1 else { return nil }
        return t.columns[0][0]
    }
}
