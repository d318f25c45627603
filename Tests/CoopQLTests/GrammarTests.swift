import Foundation
import Testing
@testable import CoopQL

/// Keeps `Grammar/coopql.ebnf` true: every grammar rule written above a parser method must stand
/// in the grammar word for word, every grammar rule must be implemented, and every code sample in
/// `Grammar/` and `examples/` must parse.
@Suite struct GrammarTests {
    static let grammarURL = Fixtures.repository.appendingPathComponent("Grammar/coopql.ebnf")

    /// Rules of the EBNF file: name → right-hand side with white space folded.
    static func grammarRules() throws -> [String: String] {
        var text = try String(contentsOf: grammarURL, encoding: .utf8)
        // Drop comments.
        while let open = text.range(of: "(*"), let close = text.range(of: "*)", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        var rules: [String: String] = [:]
        for statement in text.components(separatedBy: " ;") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let eq = trimmed.range(of: " = ") ?? trimmed.range(of: "= ") else { continue }
            let name = trimmed[..<eq.lowerBound].trimmingCharacters(in: .whitespaces)
            rules[name] = fold(String(trimmed[eq.upperBound...]))
        }
        return rules
    }

    /// Rules written as comments in the syntax sources: `/// name = rhs`, `// name = rhs`, with
    /// continuation lines that start with `|`.
    static func sourceRules() throws -> [String: String] {
        let folder = Fixtures.repository.appendingPathComponent("Sources/CoopQL/Syntax")
        var rules: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
            var i = 0
            while i < lines.count {
                let comment = commentText(lines[i])
                if let comment, let match = comment.firstMatch(of: /^([a-z][A-Za-z]*)\s+=\s+(.+)$/) {
                    var rhs = String(match.2)
                    while i + 1 < lines.count, let next = commentText(lines[i + 1]), next.hasPrefix("|") {
                        rhs += " " + next
                        i += 1
                    }
                    rules[String(match.1)] = fold(rhs)
                }
                i += 1
            }
        }
        return rules
    }

    static func commentText(_ line: String) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        for prefix in ["///", "//"] where t.hasPrefix(prefix) {
            return t.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    static func fold(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func parserRulesMatchTheGrammar() throws {
        let grammar = try Self.grammarRules(), source = try Self.sourceRules()
        #expect(source.count >= 40, "found only \(source.count) rule comments in the parser")
        for (name, rhs) in source.sorted(by: { $0.key < $1.key }) {
            #expect(grammar[name] == rhs, "rule `\(name)`: parser says `\(rhs)`, grammar says `\(grammar[name] ?? "nothing")`")
        }
    }

    @Test func everyGrammarRuleIsImplemented() throws {
        let grammar = try Self.grammarRules(), source = try Self.sourceRules()
        // Character classes are described, not parsed by a method of their own.
        let characters: Set = ["newline", "end", "letter", "digit", "hex", "char", "any", "parameter"]
        for name in grammar.keys.sorted() where !characters.contains(name) {
            #expect(source[name] != nil, "grammar rule `\(name)` has no parser method that names it")
        }
    }

    /// Every `.coop` file under Grammar/ and examples/ parses, and so does every fenced CoopQL block
    /// in their Markdown files and in README.md.
    @Test func everySampleParses() throws {
        var samples: [(String, String)] = []
        for folder in ["Grammar", "examples"] {
            let root = Fixtures.repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let path as String in walker {
                let url = root.appendingPathComponent(path)
                if path.hasSuffix(".coop") {
                    samples.append(("\(folder)/\(path)", try String(contentsOf: url, encoding: .utf8)))
                } else if path.hasSuffix(".md") && !path.hasSuffix(".coop.md") {
                    let text = try String(contentsOf: url, encoding: .utf8)
                    for (i, block) in Self.codeBlocks(text).enumerated() { samples.append(("\(folder)/\(path) block \(i + 1)", block)) }
                }
            }
        }
        // The README's tour is code too.
        let readme = Fixtures.repository.appendingPathComponent("README.md")
        if let text = try? String(contentsOf: readme, encoding: .utf8) {
            for (i, block) in Self.codeBlocks(text).enumerated() { samples.append(("README.md block \(i + 1)", block)) }
        }
        #expect(samples.count >= 10, "expected code samples in Grammar/, examples/ and README.md")
        for (name, text) in samples {
            do { _ = try Parser.parse(SourceText(name: name, text: text)) }
            catch { Issue.record("\(name) does not parse:\n\(error)") }
        }
    }

    /// Fenced blocks tagged `coopql` in Markdown.
    static func codeBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = [], current: [String]? = nil
        for line in markdown.components(separatedBy: "\n") {
            if current == nil, line.hasPrefix("```coopql") { current = [] }
            else if current != nil, line.hasPrefix("```") { blocks.append(current!.joined(separator: "\n")); current = nil }
            else { current?.append(line) }
        }
        return blocks
    }

    /// Every report template in Grammar/ and examples/ parses, and the sample that uses every
    /// construct of Grammar/templates.ebnf renders on the sample data.
    @Test func everyTemplateParses() throws {
        var found = 0
        for folder in ["Grammar", "examples"] {
            let root = Fixtures.repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".coop.md") {
                found += 1
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                do { _ = try TemplateParser.parse(SourceText(name: path, text: text)) }
                catch { Issue.record("\(folder)/\(path) does not parse:\n\(error)") }
            }
        }
        #expect(found >= 5)
        let sample = try String(contentsOf: Fixtures.repository.appendingPathComponent("Grammar/samples/template.coop.md"), encoding: .utf8)
        let document = try SampleFixture.session().renderTemplate(SourceText(name: "template.coop.md", text: sample))
        let text = writeReport(document, format: .markdown, options: RenderOptions(labels: true, localDates: true))
        #expect(text.hasPrefix("# Bắc Kạn: 149 HTX\n"))
        #expect(text.contains("1/3. trung bình: 94 (63,1%) — nhiều nhất\n2/3. hiệu quả: 43 (28,9%)\n3/3. yếu, kém: 12 (8,1%)\n"))
        #expect(text.contains("Nhiều hợp tác xã.") && !text.contains("Khá nhiều") && !text.contains("comment"))
        #expect(text.contains("{{ this is written as it is }}"))
    }
}
