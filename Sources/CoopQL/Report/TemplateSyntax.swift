import CoopQLBase

/// Report templates: Markdown (or plain text) with embedded CoopQL.
///
///     ---                                   front matter: param, let, fn and import statements
///     param province = "Bắc Ninh"
///     ---
///     Tỉnh {{ $province }} có {{ htx | count }} HTX.      {{ expression }} inserts a value
///     {{ htx | count by sector | table }}                 | table and | chart show a result
///     {% for s in … %}…{{ loop.index }}…{% end %}         repeats (loop.index, loop.first, loop.last)
///     {% if … %}…{% elif … %}…{% else %}…{% end %}        chooses
///     {% let n = htx | count %}                            names a value for the rest of the block
///     {% raw %}{{ written as it is }}{% end %}             writes braces literally
///     {# a comment #}
///
/// Expressions are parsed by the language's own parser, over the template's source with
/// everything else blanked out, so every error points at the template's own line and column.
struct Template: Sendable {
    var source: SourceText
    /// The statements between the `---` lines at the top.
    var frontMatter: [Statement]
    var body: [TemplateNode]
}

indirect enum TemplateNode: Sendable {
    /// Text written by the author, copied out as it is.
    case text(String)
    /// `{{ expression }}`.
    case value(Expr)
    /// `{% for name in expression %} … {% end %}`.
    case loop(name: String, nameSpan: Span, items: Expr, body: [TemplateNode])
    /// `{% if c %} … {% elif c %} … {% else %} … {% end %}`.
    case choice([(condition: Expr, body: [TemplateNode])], otherwise: [TemplateNode]?)
    /// `{% let name = expression %}`: a value for the rest of the enclosing block.
    case bind(name: String, nameSpan: Span, value: Expr)
}

/// Splits a template into text and tags, and parses each tag's CoopQL with the language's parser.
struct TemplateParser {
    let source: SourceText
    let bytes: [UInt8]
    var index = 0
    var diagnostics: [Diagnostic] = []

    init(_ source: SourceText) {
        self.source = source
        self.bytes = source.bytes
    }

    static func parse(_ source: SourceText) throws(DiagnosticList) -> Template {
        var parser = TemplateParser(source)
        let frontMatter = parser.parseFrontMatter()
        var stack: [Block] = [Block(kind: .top, openSpan: Span(0, 0))]
        parser.parseBody(&stack)
        while stack.count > 1 {
            let open = stack.removeLast()
            parser.error("this `{% \(open.kind.word) %}` is never closed", open.openSpan, suggestion: "add `{% end %}` where it should stop")
        }
        if !parser.diagnostics.isEmpty { throw DiagnosticList(parser.diagnostics) }
        return Template(source: source, frontMatter: frontMatter, body: stack[0].nodes)
    }

    // MARK: - Front matter

    /// `---` on the first line opens front matter; the next line that is just `---` closes it.
    mutating func parseFrontMatter() -> [Statement] {
        guard startsLine("---", at: 0) else { return [] }
        var lineStart = lineEnd(after: 0)
        while lineStart < bytes.count {
            if startsLine("---", at: lineStart) {
                let statements = parseStatements(Span(lineEnd(after: 0), lineStart))
                index = lineEnd(after: lineStart)
                return statements
            }
            lineStart = lineEnd(after: lineStart)
        }
        error("the front matter opened on line 1 is never closed", Span(0, 3), suggestion: "end it with a line holding only ---")
        index = bytes.count
        return []
    }

    func startsLine(_ marker: String, at i: Int) -> Bool {
        let m = Array(marker.utf8)
        guard i + m.count <= bytes.count, Array(bytes[i..<i + m.count]) == m else { return false }
        var j = i + m.count
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\r") { j += 1 }
        return j == bytes.count || bytes[j] == UInt8(ascii: "\n")
    }

    /// The index just past the end of the line holding `i`.
    func lineEnd(after i: Int) -> Int {
        var j = i
        while j < bytes.count, bytes[j] != UInt8(ascii: "\n") { j += 1 }
        return min(j + 1, bytes.count)
    }

    mutating func parseStatements(_ span: Span) -> [Statement] {
        let (script, problems) = Parser.parseRecovering(isolate(span))
        diagnostics.append(contentsOf: problems.map(rehome))
        for s in script.statements {
            switch s.kind {
            case .param, .let, .function, .import: continue
            default:
                error("front matter holds param, let, fn and import statements; put this in the text as {{ … }}", s.span)
            }
        }
        return script.statements
    }

    // MARK: - Body

    struct Block {
        enum Kind {
            case top, loop(String, Span, Expr), choice
            var word: String {
                switch self { case .top: return ""; case .loop: return "for"; case .choice: return "if" }
            }
        }
        var kind: Kind
        var openSpan: Span
        var nodes: [TemplateNode] = []
        /// For `if`: the branches so far, the condition of the one being read, and the `else`.
        var branches: [(condition: Expr, body: [TemplateNode])] = []
        var condition: Expr?
        var inElse = false
    }

    mutating func parseBody(_ stack: inout [Block]) {
        var textStart = index
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count,
                  [UInt8(ascii: "{"), UInt8(ascii: "%"), UInt8(ascii: "#")].contains(bytes[index + 1]) else {
                index += 1
                continue
            }
            let tagStart = index
            let opener = bytes[index + 1]
            let closer: [UInt8] = opener == UInt8(ascii: "{") ? Array("}}".utf8) : (opener == UInt8(ascii: "%") ? Array("%}".utf8) : Array("#}".utf8))
            guard let tagEnd = findClose(closer, from: index + 2) else {
                error("this `{\(Character(UnicodeScalar(opener)))` is never closed", Span(tagStart, tagStart + 2),
                      suggestion: "close it with `\(String(decoding: closer, as: UTF8.self))`")
                index = bytes.count
                break
            }
            // A block tag alone on its line takes the whole line with it, so it leaves no blank line.
            var (cutStart, cutEnd) = (tagStart, tagEnd)
            if opener != UInt8(ascii: "{") { (cutStart, cutEnd) = standaloneLine(tagStart, tagEnd) }
            append(text(textStart, cutStart), to: &stack)
            index = cutEnd
            let inner = Span(tagStart + 2, tagEnd - 2)
            switch opener {
            case UInt8(ascii: "{"):
                if let e = parseExpression(inner) { stack[stack.count - 1].nodes.append(.value(e)) }
            case UInt8(ascii: "%"):
                blockTag(inner, Span(tagStart, tagEnd), &stack)
            default:
                break  // a comment
            }
            textStart = index
        }
        append(text(textStart, bytes.count), to: &stack)
    }

    /// `}}`, `%}` or `#}` after `from`, skipping over string literals so `{{ "}}" }}` works.
    func findClose(_ closer: [UInt8], from: Int) -> Int? {
        var i = from
        var quote: UInt8?
        while i + 1 < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == closer[0] && bytes[i + 1] == closer[1] {
                return i + 2
            }
            i += 1
        }
        return nil
    }

    /// When only spaces share the tag's line, the cut covers the line's indent and its line break.
    func standaloneLine(_ start: Int, _ end: Int) -> (Int, Int) {
        var s = start
        while s > 0, bytes[s - 1] == UInt8(ascii: " ") || bytes[s - 1] == UInt8(ascii: "\t") { s -= 1 }
        guard s == 0 || bytes[s - 1] == UInt8(ascii: "\n") else { return (start, end) }
        var e = end
        while e < bytes.count, bytes[e] == UInt8(ascii: " ") || bytes[e] == UInt8(ascii: "\t") || bytes[e] == UInt8(ascii: "\r") { e += 1 }
        guard e == bytes.count || bytes[e] == UInt8(ascii: "\n") else { return (start, end) }
        return (s, min(e + 1, bytes.count))
    }

    func text(_ start: Int, _ end: Int) -> String {
        end > start ? String(decoding: bytes[start..<end], as: UTF8.self) : ""
    }

    func append(_ text: String, to stack: inout [Block]) {
        guard !text.isEmpty else { return }
        stack[stack.count - 1].nodes.append(.text(text))
    }

    /// `for x in e`, `if e`, `elif e`, `else`, `end`, `raw`.
    mutating func blockTag(_ inner: Span, _ whole: Span, _ stack: inout [Block]) {
        // Line breaks before the tag are blanked text, not part of it.
        let tokens = Lexer.tokenize(isolate(inner)).tokens.filter { $0.kind != .newline }
        guard let first = tokens.first, first.kind != .end else {
            error("an empty `{% %}` tag", whole, suggestion: "write {% for … %}, {% if … %}, {% else %} or {% end %}")
            return
        }
        let rest = tokens.count > 1 ? Span(tokens[1].span.start, inner.end) : Span(inner.end, inner.end)
        switch first.kind {
        case .keyword(.for):
            guard tokens.count > 3, case .identifier(let name) = tokens[1].kind, tokens[2].kind == .keyword(.in) else {
                error("expected `for name in expression`", whole, suggestion: "write {% for s in htx | count by sector %}")
                return
            }
            guard let items = parseExpression(Span(tokens[3].span.start, inner.end)) else { return }
            stack.append(Block(kind: .loop(name, tokens[1].span, items), openSpan: whole))
        case .keyword(.if):
            guard let c = parseExpression(rest) else { return }
            var block = Block(kind: .choice, openSpan: whole)
            block.condition = c
            stack.append(block)
        case .keyword(.elif), .keyword(.else):
            guard stack.count > 1, case .choice = stack[stack.count - 1].kind, !stack[stack.count - 1].inElse else {
                error("`{% \(first.kind == .keyword(.elif) ? "elif" : "else") %}` without an `{% if %}` to belong to", whole)
                return
            }
            var block = stack.removeLast()
            if let c = block.condition { block.branches.append((c, block.nodes)) }
            block.nodes = []
            block.condition = nil
            if first.kind == .keyword(.elif) {
                block.condition = parseExpression(rest)
            } else {
                block.inElse = true
            }
            stack.append(block)
        case .identifier("end"):
            guard stack.count > 1 else { error("`{% end %}` without a `{% for %}` or `{% if %}` to close", whole); return }
            let block = stack.removeLast()
            switch block.kind {
            case .loop(let name, let nameSpan, let items):
                stack[stack.count - 1].nodes.append(.loop(name: name, nameSpan: nameSpan, items: items, body: block.nodes))
            case .choice:
                var branches = block.branches
                if let c = block.condition { branches.append((c, block.nodes)) }
                stack[stack.count - 1].nodes.append(.choice(branches, otherwise: block.inElse ? block.nodes : nil))
            case .top:
                break
            }
        case .keyword(.let):
            let (script, problems) = Parser.parseRecovering(isolate(inner))
            diagnostics.append(contentsOf: problems.map(rehome))
            guard problems.isEmpty else { return }
            guard script.statements.count == 1, case .let(let name, let value) = script.statements[0].kind else {
                error("expected `let name = expression`", whole)
                return
            }
            stack[stack.count - 1].nodes.append(.bind(name: name, nameSpan: script.statements[0].nameSpan ?? whole, value: value))
        case .identifier("raw"):
            // Everything up to the next {% end %} is written as it is.
            guard let endTag = find(Array("{% end %}".utf8), from: index) else {
                error("this `{% raw %}` is never closed", whole, suggestion: "add `{% end %}` after the literal text")
                index = bytes.count
                return
            }
            append(text(index, endTag), to: &stack)
            index = standaloneLine(endTag, endTag + 9).1
        default:
            let word = source.slice(first.span)
            error("unknown template tag `{% \(word) %}`", first.span,
                  suggestion: suggestion(for: word, among: ["for", "if", "elif", "else", "end", "let", "raw"]).map { "did you mean `\($0)`?" },
                  hint: "the tags are {% for x in … %}, {% if … %}, {% elif … %}, {% else %}, {% end %}, {% let x = … %} and {% raw %}")
        }
    }

    func find(_ needle: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// Parses one expression written inside a tag.
    mutating func parseExpression(_ span: Span) -> Expr? {
        let (script, problems) = Parser.parseRecovering(isolate(span))
        if !problems.isEmpty {
            diagnostics.append(contentsOf: problems.map(rehome))
            return nil
        }
        guard script.statements.count == 1, case .expression(let e) = script.statements[0].kind else {
            error(script.statements.isEmpty ? "an empty tag: write an expression inside" : "a tag holds one expression",
                  script.statements.first?.span ?? Span(span.start, max(span.start + 1, span.end)))
            return nil
        }
        return e
    }

    /// The template's text up to the end of `span`, with everything before it turned into spaces
    /// (line breaks kept), so byte offsets, and with them lines and columns, stay the template's.
    func isolate(_ span: Span) -> SourceText {
        // What follows the span is dropped, so running out of it reads as the end of input.
        var copy = Array(bytes[..<span.end])
        for i in 0..<span.start where copy[i] != UInt8(ascii: "\n") {
            copy[i] = UInt8(ascii: " ")
        }
        return SourceText(name: source.name, text: String(decoding: copy, as: UTF8.self))
    }

    /// A diagnostic found in an isolated copy, pointed back at the real template text.
    func rehome(_ d: Diagnostic) -> Diagnostic {
        var d = d
        if d.source != nil { d.source = source }
        return d
    }

    mutating func error(_ message: String, _ span: Span, suggestion: String? = nil, hint: String? = nil) {
        diagnostics.append(Diagnostic(.syntax, message, at: span, in: source, suggestion: suggestion, hint: hint))
    }
}
