import Foundation
import Testing
@testable import CoopQL
@testable import CoopQLShell

/// Every query of the tutorial (`examples/tutorial/tutorial.{en,vi}.md`) runs on the sample data
/// and gives the output committed beside it (`tutorial.en.out`, `tutorial.vi.out`);
/// `UPDATE_GOLDEN=1` re-records them.
@Suite struct TutorialTests {
    static let folder = Fixtures.repository.appendingPathComponent("examples/tutorial")

    /// The bodies of the ```coopql fences of a Markdown file, in order.
    static func queries(in markdown: String) -> [String] {
        var blocks: [String] = [], current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```coopql" { current = [] }
            else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil { current!.append(line) }
        }
        return blocks
    }

    /// Runs the blocks in one session, as a reader typing them in turn would, and shows each with
    /// its output.
    static func transcript(_ blocks: [String], language: Language) -> (text: String, errors: String) {
        var out = "", errors = ""
        var options = RenderOptions()
        options.language = language
        options.numberStyle = language == .vi ? .vietnamese : .english
        let shell = Shell(session: SampleFixture.session(), options: options, write: { out += $0 }, writeError: { errors += $0 })
        shell.session.language = language
        var text = ""
        for (i, block) in blocks.enumerated() {
            out = ""
            shell.run(SourceText(name: "<block \(i + 1)>", text: block))
            text += "```coopql\n\(block)\n```\n\(out)\n"
        }
        return (text, errors)
    }

    @Test(arguments: [("tutorial.en", Language.en), ("tutorial.vi", Language.vi)])
    func everyQueryRuns(_ name: String, _ language: Language) throws {
        let markdown = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let blocks = Self.queries(in: markdown)
        #expect(blocks.count >= 15)
        #expect(blocks.first == "cooperatives | count")
        #expect(blocks.contains { $0.contains("join") })
        let (text, errors) = Self.transcript(blocks, language: language)
        #expect(errors.isEmpty, "\(name): \(errors)")
        try GoldenTests.check(text, against: Self.folder.appendingPathComponent(name + ".out"), name)
    }

    /// Both languages teach the same queries under the same lesson numbers.
    @Test func bothLanguagesTeachTheSameQueries() throws {
        let en = try String(contentsOf: Self.folder.appendingPathComponent("tutorial.en.md"), encoding: .utf8)
        let vi = try String(contentsOf: Self.folder.appendingPathComponent("tutorial.vi.md"), encoding: .utf8)
        #expect(Self.queries(in: en) == Self.queries(in: vi))
        for lesson in 1...8 {
            #expect(en.contains("## Lesson \(lesson) "))
            #expect(vi.contains("## Bài \(lesson) "))
        }
    }

    /// `.help` topics point at lessons that exist.
    @Test func helpPointsAtRealLessons() {
        for entry in HelpTopics.stages + HelpTopics.functions + HelpTopics.operators {
            #expect((1...8).contains(entry.lesson), "\(entry.name)")
        }
    }
}
