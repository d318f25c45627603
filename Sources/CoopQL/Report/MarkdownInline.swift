/// The inline part of the report Markdown converter: emphasis, code, links and hard breaks
/// inside one block's text.
///
/// The text holds data values only as markers (`MarkdownHTML.dataMarker`), so whatever a value
/// contains, it is one opaque piece here: it can sit inside `**…**` or a link's text, but its
/// own `*`, `[` or `<` are never read. Works on Unicode scalars because every piece of syntax is
/// ASCII, and because a combining mark after a marker must not glue onto it.
struct MarkdownInline {
    enum Node {
        case text(String)
        case data(Int)
        case code([Node])
        case strong([Node])
        case emphasis([Node])
        case link(url: String, [Node])
        case lineBreak
    }

    let data: [String]
    private var s: [Unicode.Scalar] = []

    init(data: [String]) { self.data = data }

    /// The nodes of one block's text.
    mutating func parse(_ text: String) -> [Node] {
        s = Array(text.unicodeScalars)
        return parse(0, s.count)
    }

    /// Text in which nothing is syntax (a fenced code block) as HTML: escaped, with data
    /// values filled in.
    mutating func literalHTML(_ text: String) -> String {
        s = Array(text.unicodeScalars)
        return html(codeNodes(0, s.count, keepNewlines: true))
    }

    // MARK: Output

    /// Nodes as HTML; text and data escaped.
    func html(_ nodes: [Node]) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let t): return HTMLPage.escape(t)
            case .data(let i): return HTMLPage.escape(data[i])
            case .code(let inner): return "<code>" + html(inner) + "</code>"
            case .strong(let inner): return "<strong>" + html(inner) + "</strong>"
            case .emphasis(let inner): return "<em>" + html(inner) + "</em>"
            case .link(let url, let inner): return "<a href=\"\(HTMLPage.escape(url))\">" + html(inner) + "</a>"
            case .lineBreak: return "<br>\n"
            }
        }.joined()
    }

    /// Nodes as plain text, for the page title.
    func plain(_ nodes: [Node]) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let t): return t
            case .data(let i): return data[i]
            case .code(let inner), .strong(let inner), .emphasis(let inner), .link(_, let inner): return plain(inner)
            case .lineBreak: return " "
            }
        }.joined()
    }

    // MARK: Parsing

    private func parse(_ start: Int, _ end: Int) -> [Node] {
        var nodes: [Node] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { nodes.append(.text(String(text))) }
            text = String.UnicodeScalarView()
        }
        var i = start
        while i < end {
            let c = s[i]
            switch c {
            case "\\" where i + 1 < end && s[i + 1] == "\n":
                // A backslash before a line end is the other spelling of a hard break.
                flush()
                nodes.append(.lineBreak)
                i += 2
            case "\\" where i + 1 < end && isASCIIPunctuation(s[i + 1]):
                text.append(s[i + 1])
                i += 2
            case MarkdownHTML.dataOpen:
                guard let (index, next) = dataMarker(at: i, end) else { i += 1; continue }
                flush()
                nodes.append(.data(index))
                i = next
            case "`":
                let run = runLength(at: i, end)
                guard let close = closingBackticks(run, from: i + run, end) else {
                    text.append(contentsOf: s[i..<(i + run)])
                    i += run
                    continue
                }
                flush()
                var (a, b) = (i + run, close)
                // "`` `x` ``": one space inside each end lets code start or end with a backtick.
                if b - a >= 2 && s[a] == " " && s[b - 1] == " " { (a, b) = (a + 1, b - 1) }
                nodes.append(.code(codeNodes(a, b, keepNewlines: false)))
                i = close + run
            case "*", "_":
                if let (node, next) = emphasis(at: i, end) {
                    flush()
                    nodes.append(node)
                    i = next
                } else {
                    let run = runLength(at: i, end)
                    text.append(contentsOf: s[i..<(i + run)])
                    i += run
                }
            case "[":
                guard let (label, url, next) = link(at: i, end) else { text.append(c); i += 1; continue }
                flush()
                let inner = parse(label.lowerBound, label.upperBound)
                // An unsafe link keeps its words but loses the link.
                if MarkdownInline.isSafeURL(url) { nodes.append(.link(url: url, inner)) } else { nodes.append(contentsOf: inner) }
                i = next
            case "\n":
                // Two spaces before a line end make a hard break; other trailing spaces go.
                var spaces = 0
                while let last = text.last, last == " " { text.removeLast(); spaces += 1 }
                if spaces >= 2 { flush(); nodes.append(.lineBreak) } else { text.append("\n") }
                i += 1
            default:
                text.append(c)
                i += 1
            }
        }
        flush()
        return nodes
    }

    /// Inside code nothing is syntax, but a data value is still a value. A code span is one
    /// line, so its line ends become spaces.
    private func codeNodes(_ start: Int, _ end: Int, keepNewlines: Bool) -> [Node] {
        var nodes: [Node] = []
        var text = String.UnicodeScalarView()
        var i = start
        while i < end {
            if s[i] == MarkdownHTML.dataOpen, let (index, next) = dataMarker(at: i, end) {
                if !text.isEmpty { nodes.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                nodes.append(.data(index))
                i = next
            } else {
                text.append(s[i] == "\n" && !keepNewlines ? " " : s[i])
                i += 1
            }
        }
        if !text.isEmpty { nodes.append(.text(String(text))) }
        return nodes
    }

    /// `**strong**`, `__strong__`, `*emphasis*` or `_emphasis_` starting at `i`, and where it ends.
    private func emphasis(at i: Int, _ end: Int) -> (Node, Int)? {
        let mark = s[i]
        let run = runLength(at: i, end)
        for width in (run >= 2 ? [2, 1] : [1]) {
            guard canOpen(i, width: width, end) else { continue }
            var j = i + width
            while j < end {
                if s[j] == "\\" { j += 2; continue }
                guard s[j] == mark else { j += 1; continue }
                let closeRun = runLength(at: j, end)
                // In "***", the closer is the last `width` marks, so "**a *b***" nests.
                if closeRun >= width, j > i + width {
                    let at = width == 2 ? j + closeRun - 2 : (closeRun == 1 ? j : -1)
                    if at >= 0 && canClose(at, width: width, end) {
                        let inner = parse(i + width, at)
                        return (width == 2 ? .strong(inner) : .emphasis(inner), at + width)
                    }
                }
                j += closeRun
            }
        }
        return nil
    }

    /// An opener must not be followed by a space; `_` must also not sit inside a word, so that
    /// `so_luong_htx` stays as it is.
    private func canOpen(_ i: Int, width: Int, _ end: Int) -> Bool {
        guard i + width < end, !isSpace(s[i + width]) else { return false }
        return s[i] != "_" || i == 0 || !isWordScalar(s[i - 1])
    }

    private func canClose(_ j: Int, width: Int, _ end: Int) -> Bool {
        guard j > 0, !isSpace(s[j - 1]) else { return false }
        return s[j] != "_" || j + width >= end || !isWordScalar(s[j + width])
    }

    /// `[label](url)` at `i`: the label's range, the URL (data values filled in), and the end.
    private func link(at i: Int, _ end: Int) -> (Range<Int>, String, Int)? {
        var depth = 0, j = i
        var close: Int?
        while j < end {
            switch s[j] {
            case "\\": j += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { close = j }
            default: break
            }
            if close != nil { break }
            j += 1
        }
        guard let close, close + 1 < end, s[close + 1] == "(" else { return nil }
        var k = close + 2, parens = 1
        var url = String.UnicodeScalarView()
        while k < end {
            if s[k] == "(" { parens += 1 }
            if s[k] == ")" { parens -= 1; if parens == 0 { break } }
            if s[k] == MarkdownHTML.dataOpen, let (index, next) = dataMarker(at: k, end) {
                url.append(contentsOf: data[index].unicodeScalars)
                k = next
                continue
            }
            url.append(s[k])
            k += 1
        }
        guard k < end else { return nil }
        var target = MarkdownHTML.trimSpaces(String(url))
        // `(url "title")`: the title is dropped; `(<url>)`: the brackets are not part of it.
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
        if target.hasPrefix("<") && target.hasSuffix(">") && target.count >= 2 { target = String(target.dropFirst().dropLast()) }
        return ((i + 1)..<close, target, k + 1)
    }

    /// Whether a link may point at `url`: http(s) and mailto, or a relative URL (no scheme).
    /// Anything else — `javascript:`, `data:`, `vbscript:` — could run code, so it is refused;
    /// so is any whitespace or control character, which browsers strip to rebuild a scheme.
    static func isSafeURL(_ url: String) -> Bool {
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return false
        }
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return true }
        let beforePath = lower.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }

    // MARK: Scanning helpers

    private func dataMarker(at i: Int, _ end: Int) -> (Int, Int)? {
        var j = i + 1, index = 0
        while j < end, (0x30...0x39).contains(s[j].value), index < 1_000_000 {
            index = index * 10 + Int(s[j].value - 0x30)
            j += 1
        }
        guard j > i + 1, j < end, s[j] == MarkdownHTML.dataClose, index < data.count else { return nil }
        return (index, j + 1)
    }

    private func closingBackticks(_ run: Int, from start: Int, _ end: Int) -> Int? {
        var j = start
        while j < end {
            guard s[j] == "`" else { j += 1; continue }
            let length = runLength(at: j, end)
            if length == run { return j }
            j += length
        }
        return nil
    }

    private func runLength(at i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && s[j] == s[i] { j += 1 }
        return j - i
    }

    private func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" }

    private func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }

    private func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (0x21...0x2F ~= c.value || 0x3A...0x40 ~= c.value || 0x5B...0x60 ~= c.value || 0x7B...0x7E ~= c.value)
    }
}
