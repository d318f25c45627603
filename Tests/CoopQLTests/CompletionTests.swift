import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLShell

/// Tab completion without a terminal: what `Completer` offers at the cursor.
@Suite struct CompletionTests {
    static let completer = Completer(session: try! Fixtures.session())

    func candidates(_ text: String, entry: String = "") -> [String] {
        Self.completer.complete(text, entry: entry).candidates
    }

    @Test func stageNamesAfterAPipe() {
        #expect(candidates("cooperatives | wh") == ["where"])
        #expect(candidates("cooperatives | s") == ["select", "sort", "summarize"])
        #expect(Self.completer.complete("cooperatives | wh").start == 15)
    }

    @Test func tableNamesAtTheStart() {
        #expect(candidates("coop") == ["cooperatives"])
        #expect(candidates("loans | join coo") == ["cooperatives"])
    }

    @Test func columnsInScope() {
        let c = candidates("cooperatives | where ")
        #expect(c.contains("sector") && c.contains("members") && !c.contains("amount"))
        #expect(candidates("cooperatives | where sec") == ["sector"])
        // After a join, both sides.
        let joined = candidates("loans | join cooperatives on coop_id == cooperatives.id | where ")
        #expect(joined.contains("amount") && joined.contains("sector"))
        // After count by, only what it gives.
        let counted = candidates("cooperatives | count by province | where ")
        #expect(counted.contains("count") && counted.contains("province") && !counted.contains("founded"))
        // From earlier lines of the same entry.
        #expect(candidates("  | where memb", entry: "cooperatives") == ["members"])
    }

    @Test func functionNames() {
        #expect(candidates("cooperatives | select ye").contains("year("))
        #expect(candidates("print vn") == ["vnd("])
    }

    @Test func codesInsideQuotes() {
        let c = Self.completer.complete(#"cooperatives | where sector == "agr"#)
        #expect(c.candidates == [#""agriculture""#])
        #expect(c.start == 31)
        #expect(candidates(#"cooperatives | where kind in ["htx", "gr"#) == [#""group""#])
    }

    @Test func dotCommandsAndArguments() {
        #expect(candidates(".ta") == [".tables"])
        #expect(candidates(".schema lo") == ["loans"])
        #expect(candidates(".format j") == ["json"])
        #expect(candidates(".help whe") == ["where"])
    }

    @Test func pathsAfterLoad() throws {
        let dir = TemporaryFolders.path("complete")
        try FileManager.default.createDirectory(atPath: dir + "/dữ liệu", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/data.csv", contents: Data())
        #expect(candidates(".load \(dir)/d") == ["\(dir)/data.csv", "\(dir)/dữ liệu/"])
        #expect(candidates(".load \(dir)/dữ") == ["\(dir)/dữ liệu/"])
    }

    /// The common prefix is taken by Character: "Bạc Liêu" and "Bắc Ninh" share "B", not half of
    /// "ạ"'s bytes, whichever way their marks are written.
    @Test func commonPrefixByCharacter() {
        #expect(Completion(start: 0, candidates: ["Bạc Liêu", "Bắc Ninh"]).commonPrefix == "B")
        #expect(Completion(start: 0, candidates: ["Bắc Ninh", "Bắc Kạn"]).commonPrefix == "Bắc ")
        let combining = "Ba\u{0323}c Liêu", precomposed = "Bạc Ninh"
        #expect(Completion(start: 0, candidates: [combining, precomposed]).commonPrefix == "Bạc ")
    }

    /// A line editor that thinks the word starts after the quote gets candidates without it.
    @Test func adjustedToTheEditorsWord() {
        let typed = #"sector == "agr"#
        let c = Completion(start: 10, candidates: [#""agriculture""#]).adjusted(typed: typed, wordLength: 3)
        #expect(c.candidates == [#"agriculture""#])
        #expect(c.start == 11)
    }
}
