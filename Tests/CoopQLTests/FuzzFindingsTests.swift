import Testing
@testable import CoopQL
import CoopQLBase

/// Inputs the fuzz targets once found (Scripts/fuzz), kept as small cases of what went wrong.
@Suite struct FuzzFindingsTests {
    /// A JSON Lines line whose object is followed by more text is left out leniently; the object
    /// used to become a row before the rest of its line was read, while the second pass over a
    /// column turned text passed the whole line over, so that column came out a row short and
    /// showing the table stopped the process with "Index out of range".
    static let trailingAfterObject = """
        {"id": 1, "joined": "23/12/2022"}
        {"id": 2, "joined": "2011--6021"}{poc
        {"id": 3, "joined": "not a date"}

        """

    @Test func jsonLinesLineWithTextAfterItsObjectLeavesNoCellsBehind() throws {
        let bytes = Array(Self.trailingAfterObject.utf8)
        let loaded = try DataFile.load(bytes: bytes, format: .jsonLines, name: "t.jsonl", tableName: "t",
                                       options: LoadOptions(lenient: true))
        let table = loaded.table
        #expect(table.rowCount == 2)
        #expect(table.columns.map(\.count) == Array(repeating: table.rowCount, count: table.columns.count))
        #expect(table.columns.first?[1] == .int(3))
        #expect(table.columns.last?[1] == .text("not a date"))
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.location?.line == 2)
        #expect(render(.table(table), options: RenderOptions(maxRows: 20)).contains("not a date"))
    }

    @Test func jsonLinesLineWithTextAfterItsObjectIsAPositionedErrorWhenStrict() {
        let bytes = Array(Self.trailingAfterObject.utf8)
        var caught: Diagnostic?
        do {
            _ = try DataFile.load(bytes: bytes, format: .jsonLines, name: "t.jsonl", tableName: "t")
        } catch {
            caught = error
        }
        #expect(caught?.location?.line == 2)
        #expect(caught?.location?.column == 34)
    }

    /// A range used to be made in full before any limit was looked at, so `2200..2122108` ran
    /// far past a small row limit; now it is admitted first, like a join.
    @Test(arguments: ["2200..2122108 | count", "let xs = 2200..2122108\nxs",
                      "[1] | where value in 2200..2122108"])
    func largeRangeStopsAtTheRowLimitBeforeItIsMade(query: String) {
        let session = Session()
        session.limits = Limits(maxRows: 200_000, timeout: 30)
        let started = ContinuousClock.now
        let error = EmbedAPITests.firstError { _ = try session.query(query) }
        #expect(error?.message.contains("the range would give 2119909 rows, over the limit of 200000 rows") == true,
                "\(String(describing: error))")
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func rangeWithinTheRowLimitStillRuns() throws {
        let session = Session()
        session.limits = Limits(maxRows: 200_000)
        let result = try session.query("1..1000 | summarize s = sum(value)")
        #expect(render(result.value, options: RenderOptions()).contains("500.500"))
    }
}
