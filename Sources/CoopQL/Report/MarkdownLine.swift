/// What one line of report Markdown is: the line-level tests of the block converter.
///
/// Indentation counts a tab as four columns. Headings, rules, quotes and fences may be indented
/// up to three columns, as in CommonMark; there are no indented code blocks, because templates
/// indent text freely and would not expect it to turn into code.
enum MarkdownLine {
    /// `- item`, `* item`, `+ item`, `1. item`, `1) item`.
    struct ListMarker {
        let indent: Int
        let ordered: Bool
        let number: Int
        let content: String
    }

    /// An opening code fence: ``` or ~~~, three or more.
    struct Fence {
        let character: Character
        let length: Int
        let indent: Int
    }

    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Columns of leading spaces and tabs.
    static func indent(_ line: String) -> Int {
        var columns = 0
        for ch in line {
            if ch == " " { columns += 1 } else if ch == "\t" { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// The line after its indentation, or nil when that is more than three columns.
    private static func shallow(_ line: String) -> Substring? {
        indent(line) <= 3 ? line.drop { $0 == " " || $0 == "\t" } : nil
    }

    /// Whether a line starts a block of its own, ending a paragraph that came before it.
    static func interrupts(_ line: String) -> Bool {
        blockIndex(line) != nil || fence(line) != nil || heading(line) != nil || isRule(line)
            || quote(line) != nil || listItem(line) != nil
    }

    /// The index of a block marker standing alone on the line.
    static func blockIndex(_ line: String) -> Int? {
        let scalars = Array(MarkdownHTML.trimSpaces(line).unicodeScalars)
        guard scalars.count >= 3, scalars.first == MarkdownHTML.blockOpen, scalars.last == MarkdownHTML.blockClose else {
            return nil
        }
        let digits = scalars.dropFirst().dropLast()
        guard digits.count <= 9, digits.allSatisfy({ (0x30...0x39).contains($0.value) }) else { return nil }
        return Int(String(String.UnicodeScalarView(digits)))
    }

    /// `## Title ##` → (2, "Title").
    static func heading(_ line: String) -> (Int, String)? {
        guard let rest = shallow(line) else { return nil }
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        var text = rest.dropFirst(level)
        guard text.isEmpty || text.first == " " || text.first == "\t" else { return nil }
        text = Substring(MarkdownHTML.trimSpaces(String(text)))
        // A closing run of `#` is decoration, unless it is glued to a word ("C#").
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = text.dropLast(closing)
            if before.isEmpty || before.last == " " || before.last == "\t" { text = before }
        }
        return (level, MarkdownHTML.trimSpaces(String(text)))
    }

    /// `---`, `***`, `___`, also with spaces between: three or more of one character.
    static func isRule(_ line: String) -> Bool {
        guard let rest = shallow(line), let mark = rest.first, mark == "-" || mark == "*" || mark == "_" else {
            return false
        }
        var count = 0
        for ch in rest {
            if ch == mark { count += 1 } else if ch != " " && ch != "\t" { return false }
        }
        return count >= 3
    }

    /// The rest of a `> quoted` line.
    static func quote(_ line: String) -> String? {
        guard let rest = shallow(line), rest.first == ">" else { return nil }
        let inner = rest.dropFirst()
        return String(inner.first == " " ? inner.dropFirst() : inner)
    }

    static func fence(_ line: String) -> Fence? {
        guard let rest = shallow(line), let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let length = rest.prefix { $0 == mark }.count
        guard length >= 3 else { return nil }
        // A backtick fence's info string cannot hold a backtick, or "```a```" would be a fence.
        if mark == "`" && rest.dropFirst(length).contains("`") { return nil }
        return Fence(character: mark, length: length, indent: indent(line))
    }

    static func closesFence(_ line: String, _ fence: Fence) -> Bool {
        guard let rest = shallow(line) else { return false }
        let length = rest.prefix { $0 == fence.character }.count
        return length >= fence.length && isBlank(String(rest.dropFirst(length)))
    }

    static func listItem(_ line: String) -> ListMarker? {
        let columns = indent(line)
        let rest = line.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first else { return nil }
        var ordered = false, number = 1
        var body: Substring
        if first == "-" || first == "*" || first == "+" {
            body = rest.dropFirst()
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), let n = Int(digits) else { return nil }
            body = rest.dropFirst(digits.count)
            guard body.first == "." || body.first == ")" else { return nil }
            body = body.dropFirst()
            (ordered, number) = (true, n)
        }
        // The marker must be followed by a space, or end the line (an empty item).
        guard body.isEmpty || body.first == " " || body.first == "\t" else { return nil }
        return ListMarker(indent: columns, ordered: ordered, number: number,
                          content: MarkdownHTML.trimSpaces(String(body)))
    }
}
