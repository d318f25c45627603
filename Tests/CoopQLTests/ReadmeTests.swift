import Foundation
import Testing
@testable import CoopQL

/// Every output shown in README.md is what `coopql` prints for it, run by this test on
/// `examples/data`, so the README cannot drift from the program:
///
/// - a ```coopql block is run with `coopql -c BLOCK --data examples/data`, and the plain ``` block
///   right after it must be its output (a ```coopql block without one fails);
/// - a plain ``` block whose first line is `$ coopql …` is run as that command line, from the
///   repository's folder, and the lines after it must be what it writes (standard output, then
///   standard error); a command that writes `error:` must exit with status 1, any other with 0.
///
/// Other blocks (shell commands without output, a template, the Swift and C snippets, which
/// `EmbedExampleTests` checks) show no output and are left alone.
@Suite struct ReadmeTests {
    /// One fenced block of a Markdown file.
    struct Fence {
        /// What follows the opening backquotes (`coopql`, `sh`, or empty).
        var info: String
        /// The lines between the fences.
        var lines: [String]
        /// The line of the opening fence, counted from 1.
        var line: Int
        /// Whether only blank lines stand between this block and the one before it.
        var followsPrevious: Bool
    }

    /// The fenced blocks of a Markdown text, in order.
    static func fences(in markdown: String) -> [Fence] {
        var fences: [Fence] = []
        var open: Fence?
        var sinceLastFence: [String] = []
        for (index, line) in markdown.components(separatedBy: "\n").enumerated() {
            if var block = open {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    fences.append(block)
                    open = nil
                    sinceLastFence = []
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if line.hasPrefix("```") {
                let follows = !fences.isEmpty && sinceLastFence.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
                open = Fence(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), lines: [],
                             line: index + 1, followsPrevious: follows)
            } else {
                sinceLastFence.append(line)
            }
        }
        return fences
    }

    /// A command line split into words as a POSIX shell would for the README's simple commands:
    /// single quotes keep everything, double quotes keep all but `\` escapes, spaces part words.
    static func words(_ command: String) -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character?
        var escaped = false
        for c in command {
            if escaped { word.append(c); escaped = false; continue }
            if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { word.append(c) }
                continue
            }
            switch c {
            case "'", "\"": quote = c; inWord = true
            case "\\": escaped = true; inWord = true
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            default: word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// What the README shows being run, and what it says comes out.
    struct Example: CustomStringConvertible {
        var arguments: [String]
        var expected: String
        var line: Int
        var description: String { "README.md:\(line)" }
    }

    /// The examples of the README, and a problem for each ```coopql block with no output after it.
    static func examples(in markdown: String) -> (examples: [Example], missing: [Int]) {
        let fences = fences(in: markdown)
        var examples: [Example] = [], missing: [Int] = []
        for (i, fence) in fences.enumerated() {
            if fence.info == "coopql" {
                guard i + 1 < fences.count, fences[i + 1].info.isEmpty, fences[i + 1].followsPrevious else {
                    missing.append(fence.line)
                    continue
                }
                examples.append(Example(arguments: ["-c", fence.lines.joined(separator: "\n"), "--data", "examples/data"],
                                        expected: fences[i + 1].lines.joined(separator: "\n") + "\n", line: fence.line))
            } else if fence.info.isEmpty, let first = fence.lines.first, first.hasPrefix("$ coopql ") {
                let arguments = Array(words(String(first.dropFirst(2))).dropFirst())
                examples.append(Example(arguments: arguments, expected: fence.lines.dropFirst().joined(separator: "\n") + "\n",
                                        line: fence.line))
            }
        }
        return (examples, missing)
    }

    static var readme: String {
        get throws { try String(contentsOf: Fixtures.repository.appendingPathComponent("README.md"), encoding: .utf8) }
    }

    @Test func everyOutputInTheReadmeIsWhatCoopqlPrints() throws {
        let (examples, missing) = Self.examples(in: try Self.readme)
        for line in missing {
            Issue.record("README.md:\(line): a ```coopql block with no output block right after it")
        }
        // The tour's queries and script, and the error example.
        #expect(examples.count >= 6)
        #expect(examples.contains { $0.expected.contains("error: unknown column") })
        for example in examples {
            let result = try CLI.run(example.arguments, directory: Fixtures.repository.path)
            let shown = result.stdout + result.stderr
            #expect(shown == example.expected, "\(example): README shows\n\(example.expected)\ncoopql prints\n\(shown)")
            let status: Int32 = example.expected.contains("error:") ? 1 : 0
            #expect(result.status == status, "\(example): status \(result.status)")
        }
    }

    /// The parsing above, on a small Markdown text: pairs, commands, and a block left without output.
    @Test func readingTheReadme() {
        let markdown = """
            Text.

            ```coopql
            a | count
            ```
            ```
            3
            ```

            ```coopql
            b | count
            ```
            Prose in between: not an output.
            ```
            9
            ```

            ```
            $ coopql -c 'x | where y == "Bắc Ninh"' --data "my data"
            oops
            ```
            """
        let (examples, missing) = Self.examples(in: markdown)
        #expect(examples.map(\.line) == [3, 18])
        #expect(examples.first?.arguments == ["-c", "a | count", "--data", "examples/data"])
        #expect(examples.first?.expected == "3\n")
        #expect(examples.last?.arguments == ["-c", "x | where y == \"Bắc Ninh\"", "--data", "my data"])
        #expect(examples.last?.expected == "oops\n")
        #expect(missing == [10])
    }
}
