/// A small Markdown-to-HTML converter for report templates: ATX headings, paragraphs, bullet and
/// ordered lists (one level of nesting), block quotes, fenced code, horizontal rules, and the
/// inline syntax of `MarkdownInline`. Raw HTML is not supported: every `<` comes out escaped.
///
/// Data values and blocks (tables, charts) enter the text as markers made of private-use
/// characters, which template text cannot contain (`sanitize` replaces them), so the converter
/// can place them without ever reading their contents.
enum MarkdownHTML {
    static let dataOpen: Unicode.Scalar = "\u{E000}"
    static let dataClose: Unicode.Scalar = "\u{E001}"
    static let blockOpen: Unicode.Scalar = "\u{E002}"
    static let blockClose: Unicode.Scalar = "\u{E003}"

    /// Stands for data value `index` inside the text.
    static func dataMarker(_ index: Int) -> String { "\(dataOpen)\(index)\(dataClose)" }

    /// Stands for block `index`, on a line of its own between blank lines, so that it ends the
    /// paragraph or list before it even when the template put it mid-sentence.
    static func blockMarker(_ index: Int) -> String { "\n\n\(blockOpen)\(index)\(blockClose)\n\n" }

    /// Template text with line ends made LF and any marker character replaced by U+FFFD.
    static func sanitize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in s.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\r": out.append("\n")
            case "\n": if !afterCR { out.append("\n") }
            case dataOpen, dataClose, blockOpen, blockClose: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The HTML of `source`, and the plain text of its first level-1 heading.
    static func convert(_ source: String, data: [String], blocks: [String]) -> (html: String, title: String?) {
        var converter = MarkdownBlocks(inline: MarkdownInline(data: data), blocks: blocks)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        converter.convert(lines[...])
        return (converter.out, converter.title)
    }

    /// The text without leading and trailing spaces and tabs.
    static func trimSpaces(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}

/// The block level of the converter: reads lines and writes HTML blocks to `out`.
struct MarkdownBlocks {
    var inline: MarkdownInline
    let blocks: [String]
    var out = ""
    /// The first level-1 heading, as plain text.
    var title: String?

    mutating func convert(_ lines: ArraySlice<String>) {
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            if MarkdownLine.isBlank(line) {
                i += 1
            } else if let index = MarkdownLine.blockIndex(line), index < blocks.count {
                out += blocks[index]
                i += 1
            } else if let fence = MarkdownLine.fence(line) {
                i = codeBlock(lines, from: i, fence: fence)
            } else if let (level, text) = MarkdownLine.heading(line) {
                let nodes = inline.parse(text)
                if level == 1 && title == nil { title = MarkdownHTML.trimSpaces(inline.plain(nodes)) }
                out += "<h\(level)>" + inline.html(nodes) + "</h\(level)>\n"
                i += 1
            } else if MarkdownLine.isRule(line) {
                out += "<hr>\n"
                i += 1
            } else if MarkdownLine.quote(line) != nil {
                var inner: [String] = []
                while i < lines.endIndex, let rest = MarkdownLine.quote(lines[i]) {
                    inner.append(rest)
                    i += 1
                }
                var nested = MarkdownBlocks(inline: inline, blocks: blocks)
                nested.convert(inner[...])
                out += "<blockquote>\n" + nested.out + "</blockquote>\n"
            } else if MarkdownLine.listItem(line) != nil {
                i = list(lines, from: i)
            } else {
                var text: [String] = []
                while i < lines.endIndex, !MarkdownLine.isBlank(lines[i]), text.isEmpty || !MarkdownLine.interrupts(lines[i]) {
                    text.append(lines[i])
                    i += 1
                }
                out += "<p>" + inlineHTML(text) + "</p>\n"
            }
        }
    }

    /// Lines of one paragraph as inline HTML: indentation dropped, trailing spaces kept except
    /// on the last line, since two of them before a line end mean a hard break.
    private mutating func inlineHTML(_ lines: [String]) -> String {
        var text = lines.map { line in String(line.drop { $0 == " " || $0 == "\t" }) }.joined(separator: "\n")
        text = MarkdownHTML.trimSpaces(text)
        return inline.html(inline.parse(text))
    }

    /// A fenced code block: everything up to the closing fence, escaped. A table or chart
    /// placed inside one cannot go in a `<pre>`, so it splits the block in two around itself.
    private mutating func codeBlock(_ lines: ArraySlice<String>, from start: Int, fence: MarkdownLine.Fence) -> Int {
        var i = start + 1
        var body: [String] = []
        while i < lines.endIndex {
            if MarkdownLine.closesFence(lines[i], fence) { i += 1; break }
            if let index = MarkdownLine.blockIndex(lines[i]), index < blocks.count {
                // The blank lines that set the block apart are not the author's code.
                while body.last.map(MarkdownLine.isBlank) == true { body.removeLast() }
                writeCode(body)
                out += blocks[index]
                body = []
                i += 1
                while i < lines.endIndex, MarkdownLine.isBlank(lines[i]) { i += 1 }
                continue
            }
            // Drop as much indentation as the opening fence had.
            var line = Substring(lines[i])
            var dropped = 0
            while dropped < fence.indent, line.first == " " { line = line.dropFirst(); dropped += 1 }
            body.append(String(line))
            i += 1
        }
        writeCode(body)
        return i
    }

    private mutating func writeCode(_ body: [String]) {
        guard !body.isEmpty else { return }
        out += "<pre><code>" + inline.literalHTML(body.map { $0 + "\n" }.joined()) + "</code></pre>\n"
    }

    /// One list item: its paragraphs, then its nested items.
    private struct Item {
        var paragraphs: [[String]]
        var children: [Item] = []
        /// The marker of the first nested item, which decides the nested list's kind and start.
        var childMarker: MarkdownLine.ListMarker?
    }

    /// A bullet or ordered list starting at `start`, with items indented two columns or more
    /// further in as a nested list; returns the first line after it.
    private mutating func list(_ lines: ArraySlice<String>, from start: Int) -> Int {
        let first = MarkdownLine.listItem(lines[start])!
        var items: [Item] = []
        var i = start
        var blankBefore = false
        while i < lines.endIndex {
            let line = lines[i]
            if MarkdownLine.isBlank(line) {
                blankBefore = true
                i += 1
                continue
            }
            let marker = MarkdownLine.listItem(line)
            if marker == nil && MarkdownLine.interrupts(line) { break }
            let last = items.count - 1
            if let marker {
                if marker.indent < first.indent + 2 {
                    // A bullet after numbers (or the reverse) starts a new list.
                    guard marker.ordered == first.ordered else { break }
                    items.append(Item(paragraphs: [[marker.content]]))
                } else {
                    if items[last].childMarker == nil { items[last].childMarker = marker }
                    items[last].children.append(Item(paragraphs: [[marker.content]]))
                }
            } else {
                // Text after a blank line belongs to the list only when indented under an item.
                let indent = MarkdownLine.indent(line)
                if blankBefore && indent < first.indent + 2 { break }
                if let child = items[last].childMarker, !blankBefore || indent >= child.indent + 2 {
                    Self.add(line, to: &items[last].children[items[last].children.count - 1], newParagraph: blankBefore)
                } else {
                    Self.add(line, to: &items[last], newParagraph: blankBefore)
                }
            }
            blankBefore = false
            i += 1
        }
        out += listHTML(items, marker: first)
        return i
    }

    private static func add(_ line: String, to item: inout Item, newParagraph: Bool) {
        if newParagraph { item.paragraphs.append([line]) } else { item.paragraphs[item.paragraphs.count - 1].append(line) }
    }

    /// `<ul>` or `<ol>` (with `start` when it is not 1); an item of several paragraphs gets a
    /// `<p>` for each, a single one stays bare as in a tight list.
    private mutating func listHTML(_ items: [Item], marker: MarkdownLine.ListMarker) -> String {
        let tag = marker.ordered ? "ol" : "ul"
        var html = marker.ordered && marker.number != 1 ? "<ol start=\"\(marker.number)\">\n" : "<\(tag)>\n"
        for item in items {
            html += "<li>"
            if item.paragraphs.count == 1 {
                html += inlineHTML(item.paragraphs[0])
            } else {
                for paragraph in item.paragraphs { html += "<p>" + inlineHTML(paragraph) + "</p>" }
            }
            if let child = item.childMarker {
                html += "\n" + listHTML(item.children, marker: child)
            }
            html += "</li>\n"
        }
        return html + "</\(tag)>\n"
    }
}
