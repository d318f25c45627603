import Foundation
import Testing
@testable import CoopQL

/// The import sandbox compares real paths, and reads only scripts.
@Suite struct HardeningSandboxTests {
    func failure(_ text: String, _ session: Session) throws -> Diagnostic {
        do {
            _ = try session.evaluate(text)
        } catch let list as DiagnosticList {
            return try #require(list.diagnostics.first)
        }
        Issue.record("expected an error from \(text)")
        throw CancellationError()
    }

    func folder() throws -> URL {
        let dir = TemporaryFolders.url("sandbox")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func importThroughASymbolicLinkToAFolderOutsideIsRefused() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let allowed = root.appendingPathComponent("allowed"), outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: allowed, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "let secret = \"from outside\"\n".write(to: outside.appendingPathComponent("secret.coop"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: allowed.appendingPathComponent("link"), withDestinationURL: outside)
        let s = Session()
        s.allowedDirectories = [allowed.path]
        let d = try failure("import \"link/secret.coop\"\nsecret", s)
        #expect(d.message == "cannot import link/secret.coop: it is outside the folders this session may read")
        // A link to a file outside, too.
        try FileManager.default.createSymbolicLink(at: allowed.appendingPathComponent("file.coop"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.coop"))
        #expect(try failure("import \"file.coop\"\nsecret", s).message.contains("outside the folders"))
    }

    @Test func importOfEtcPasswdThroughALinkNeitherReadsNorEchoesIt() throws {
        let allowed = try folder()
        defer { try? FileManager.default.removeItem(at: allowed) }
        try FileManager.default.createSymbolicLink(at: allowed.appendingPathComponent("etclink"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        let s = Session()
        s.allowedDirectories = [allowed.path]
        let d = try failure("import \"\(allowed.path)/etclink/passwd\"\n1", s)
        #expect(d.message.contains("outside the folders this session may read"))
        #expect(!d.description.contains("root:"))
    }

    @Test func importOfAFileThatIsNotAScriptIsRefusedWithoutShowingIt() throws {
        let allowed = try folder()
        defer { try? FileManager.default.removeItem(at: allowed) }
        try "private line one\nprivate line two\n".write(to: allowed.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let s = Session()
        s.allowedDirectories = [allowed.path]
        let d = try failure("import \"\(allowed.path)/notes.txt\"\n1", s)
        #expect(d.message.contains("only CoopQL scripts (.coop files) can be imported"))
        #expect(!d.description.contains("private line"))
    }

    @Test func allowedFolderNamedThroughALinkStillAllowsItsScripts() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try "let answer = 42\n".write(to: real.appendingPathComponent("lib.coop"), atomically: true, encoding: .utf8)
        let alias = root.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: real)
        let s = Session()
        s.allowedDirectories = [alias.path]
        #expect(try s.evaluate("import \"\(alias.path)/lib.coop\"\nanswer") == .int(42))
    }
}
