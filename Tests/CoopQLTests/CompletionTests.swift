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

    /// What an editor counting in wide characters (libedit) is told to insert, for a line typed
    /// up to the cursor; its word is what follows the last space or punctuation mark.
    func editor(_ typed: String) -> EditorCompletion? {
        let breaks: Set<Character> = [" ", "\t", "\"", "`", "|", "(", ")", ",", "=", "<", ">", "[", "]", "+", "-", "*", "/"]
        let word = typed.reversed().prefix { !breaks.contains($0) }
        return EditorCompletion(Self.completer.complete(typed), typed: typed, wordLength: String(word).unicodeScalars.count)
    }

    /// Vietnamese text before the cursor no longer shifts the word: the words after it complete
    /// as they would on an ASCII line, and a space follows a finished word.
    @Test func wordsAfterVietnameseText() throws {
        let line = #"cooperatives | where province == "Bắc Kạn" and stat"#
        #expect(candidates(line) == ["status"])
        #expect(try #require(editor(line)).insertion == "status ")
        let code = #"cooperatives | where province == "Bắc Kạn" and status == "ac"#
        #expect(candidates(code) == [#""active""#])
        #expect(try #require(editor(code)).insertion == #"active" "#)
    }

    /// The same line typed with combining marks (a decomposed keyboard) and with wide characters.
    @Test func combiningMarksAndWideCharacters() throws {
        let decomposed = "cooperatives | where province == \"Ba\u{0301}c Ka\u{0323}n\" and sec"
        #expect(candidates(decomposed) == ["sector"])
        #expect(try #require(editor(decomposed)).insertion == "sector ")
        let wide = #"cooperatives | where name == "合作社 Bắc" | wh"#
        #expect(candidates(wide) == ["where"])
        #expect(try #require(editor(wide)).insertion == "where ")
        // The editor's word is counted in scalars: "Số" typed decomposed is three.
        let typed = "cooperatives | summarize \"Số HTX\" = count() by province | where So\u{0302}\u{0301}"
        let c = Self.completer.complete(typed)
        #expect(c.candidates == ["`Số HTX`"])
        let e = try #require(EditorCompletion(c, typed: typed, wordLength: 4))
        #expect(e.insertion == "`Số HTX` ")
    }

    /// A name with spaces is offered in backquotes, after a plain word or an open backquote.
    @Test func backquotedNames() throws {
        let entry = #"cooperatives | summarize "Số HTX" = count() by province | where Số"#
        #expect(candidates(entry) == ["`Số HTX`"])
        let open = #"cooperatives | summarize "Số HTX" = count() by province | sort by `Số H"#
        #expect(candidates(open) == ["`Số HTX`"])
        #expect(try #require(editor(open)).insertion == "HTX` ")
        #expect(Self.completer.quotedIfNeeded("members") == "members")
        #expect(Self.completer.quotedIfNeeded("cooperatives.name") == "cooperatives.name")
        #expect(Self.completer.quotedIfNeeded("2024") == "`2024`")
    }

    /// Inside the quotes after `province`, the built-in names: the 63 before the 2025 merger and
    /// the 34 after it. Without accents typed, the same names are found but the typed text stays.
    @Test func provinceNamesInsideQuotes() throws {
        #expect(candidates(#"cooperatives | where province == "Bắc"#) == [#""Bắc Giang""#, #""Bắc Kạn""#, #""Bắc Ninh""#])
        let line = #"cooperatives | where province == "Bà Rịa - V"#
        #expect(try #require(editor(line)).insertion == #"Vũng Tàu" "#)
        #expect(candidates(#"cooperatives | where province in ["Bắc Ninh", "Hu"#) == [#""Huế""#])
        let folded = try #require(editor(#"cooperatives | where province == "Bac Ni"#))
        #expect(folded.insertion == "Ni")
        #expect(folded.listed == [#""Bắc Ninh" "#])
        #expect(candidates(#"provinces | where merged_into == "Thái N"#) == [#""Thái Nguyên""#])
    }

    /// Several candidates: the editor inserts what they share and lists them; nothing is spaced.
    @Test func severalCandidatesShareAPrefix() throws {
        let e = try #require(editor("cooperatives | s"))
        #expect(e.insertion == "s")
        #expect(e.listed == ["select", "sort", "summarize"])
        #expect(try #require(editor("print vn")).insertion == "vnd(")
        #expect(try #require(editor(".form")).insertion == ".format ")
    }
}
