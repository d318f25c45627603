import CoopQLBase

/// Turns source text into tokens.
///
/// Works on the UTF-8 bytes of the (NFC-normalised) source. A line break inside `( )` or `[ ]` is
/// white space; elsewhere it becomes a `.newline` token that the parser treats as the end of a
/// statement. Problems are collected, not thrown, so one run reports every bad token.
struct Lexer {
    let source: SourceText
    let bytes: [UInt8]
    var index = 0
    var tokens: [Token] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Open brackets, innermost last: newlines count only when the innermost is `{` or none.
    var brackets: [UInt8] = []
    /// Set when the text ends inside a `"""` string: the REPL then waits for the closing quotes.
    private(set) var endsInsideString = false

    init(_ source: SourceText) {
        self.source = source
        self.bytes = source.bytes
    }

    /// All tokens of the source, ending with `.end`, the problems found, and whether the text
    /// ended inside a triple-quoted string.
    static func tokenize(_ source: SourceText) -> (tokens: [Token], diagnostics: [Diagnostic], endsInsideString: Bool) {
        var lexer = Lexer(source)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics, lexer.endsInsideString)
    }

    mutating func run() {
        while true {
            skipSpaceAndComments()
            guard index < bytes.count else { break }
            let start = index
            let c = bytes[index]
            switch c {
            case UInt8(ascii: "\n"):
                index += 1
                if brackets.last.map({ $0 == UInt8(ascii: "{") }) ?? true { add(.newline, start) }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                lexString(quote: c)
            case 0xE2 where peek(1) == 0x80 && peek(2) == 0x9C:
                lexCurlyQuotedString()
            case UInt8(ascii: "`"):
                lexQuotedIdentifier()
            case UInt8(ascii: "$"):
                index += 1
                let nameStart = index
                scanIdentifierBody()
                if index == nameStart {
                    error("`$` must be followed by a parameter name, as in `$province`", Span(start, index))
                } else {
                    add(.parameter(text(nameStart, index)), start)
                }
            default:
                if isIdentifierStart(at: index) {
                    scanIdentifierBody()
                    let word = text(start, index)
                    if let keyword = Keyword(rawValue: word) { add(.keyword(keyword), start) }
                    else { add(.identifier(word), start) }
                } else {
                    lexSymbol()
                }
            }
        }
        tokens.append(Token(.end, Span(bytes.count, bytes.count)))
    }

    // MARK: - Pieces

    mutating func skipSpaceAndComments() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\n") where !(brackets.last.map({ $0 == UInt8(ascii: "{") }) ?? true):
                index += 1
            default:
                return
            }
        }
    }

    /// number = digit { digit | "_" } [ "." digit { digit | "_" } ] [ ( "e" | "E" ) [ "+" | "-" ] digit { digit } ]
    mutating func lexNumber() {
        let start = index
        var digits = ""
        var isDecimal = false
        func scanDigits(_ lexer: inout Lexer, into digits: inout String) {
            while lexer.index < lexer.bytes.count {
                let b = lexer.bytes[lexer.index]
                if b >= 48 && b <= 57 { digits.append(Character(UnicodeScalar(b))) }
                else if b != UInt8(ascii: "_") { break }
                lexer.index += 1
            }
        }
        scanDigits(&self, into: &digits)
        // A dot is a decimal point only when a digit follows: `1..5` is a range.
        if peek(0) == UInt8(ascii: "."), let next = peek(1), next >= 48, next <= 57 {
            isDecimal = true
            index += 1
            digits.append(".")
            scanDigits(&self, into: &digits)
        }
        if let e = peek(0), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var look = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { look = 2 }
            if let d = peek(look), d >= 48, d <= 57 {
                isDecimal = true
                digits.append("e")
                if look == 2 { digits.append(Character(UnicodeScalar(bytes[index + 1]))) }
                index += look
                scanDigits(&self, into: &digits)
            }
        }
        if isIdentifierStart(at: index) {
            let wordStart = index
            scanIdentifierBody()
            error("a number cannot run into letters: `\(text(start, index))`", Span(start, index),
                  suggestion: "put a space between `\(text(start, wordStart))` and `\(text(wordStart, index))`")
            return
        }
        if isDecimal {
            guard let value = Double(digits), value.isFinite else {
                error("the number \(text(start, index)) is too large to be a decimal (past about 1.8e308)", Span(start, index),
                      suggestion: "decimals run up to about 1.8e308; check the exponent")
                return
            }
            add(.decimal(value), start)
        } else if let value = Int64(digits) {
            add(.integer(value), start)
        } else {
            error("the integer \(text(start, index)) does not fit in 64 bits", Span(start, index),
                  suggestion: "integers run from -9223372036854775808 to 9223372036854775807; write it with a decimal point to get a decimal number")
            add(.integer(0), start)
        }
    }

    /// string = '"' { char | escape } '"' | "'" { char | escape } "'" | '"""' { any } '"""'
    mutating func lexString(quote: UInt8) {
        let start = index
        let triple = quote == UInt8(ascii: "\"") && peek(1) == quote && peek(2) == quote
        index += triple ? 3 : 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                unterminated(start, triple: triple, quote: quote)
                return
            }
            let b = bytes[index]
            if triple {
                if b == quote && peek(1) == quote && peek(2) == quote { index += 3; break }
            } else if b == quote {
                index += 1
                break
            } else if b == UInt8(ascii: "\n") {
                unterminated(start, triple: false, quote: quote)
                return
            }
            if b == UInt8(ascii: "\\") {
                lexEscape(into: &value)
                continue
            }
            value.append(b)
            index += 1
        }
        var string = String(decoding: value, as: UTF8.self)
        if triple {
            // A triple-quoted string that starts with a line break drops it, so the text can begin
            // on its own line.
            if string.hasPrefix("\r\n") { string.removeFirst(1) }
            if string.hasPrefix("\n") { string.removeFirst() }
        }
        add(.string(string.normalizedVietnamese), start)
    }

    /// quotedIdentifier = "`" { char } "`"
    /// (a name with spaces or other signs, such as a column made for people: `Số HTX`)
    mutating func lexQuotedIdentifier() {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "`"), bytes[index] != UInt8(ascii: "\n") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "`") else {
            error("unterminated quoted name", Span(start, index), suggestion: "add a closing ` before the end of the line")
            return
        }
        index += 1
        let name = text(start + 1, index - 1)
        if name.isEmpty { error("an empty quoted name", Span(start, index)) }
        add(.identifier(name), start)
    }

    /// “text”: typed by word processors instead of "text". Read as a string so the rest of the line
    /// makes sense, and reported so the script does not run with it.
    mutating func lexCurlyQuotedString() {
        let start = index
        index += 3
        let contentStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"),
              !(bytes[index] == 0xE2 && peek(1) == 0x80 && peek(2) == 0x9D) { index += 1 }
        let content = text(contentStart, index)
        if index < bytes.count, bytes[index] == 0xE2 { index += 3 }
        error("curly quotes do not make a string", Span(start, index),
              suggestion: "use straight quotes: \"\(content)\"")
        add(.string(content), start)
    }

    mutating func unterminated(_ start: Int, triple: Bool, quote: UInt8) {
        let q = triple ? "\"\"\"" : String(UnicodeScalar(quote))
        let lineEnd = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        error("unterminated string", Span(start, triple ? start + 3 : lineEnd),
              suggestion: "add a closing \(q)" + (triple ? "" : " before the end of the line"),
              hint: triple ? nil : "a string that spans lines is written between triple quotes: \"\"\"…\"\"\"")
        if triple { endsInsideString = true } else { index = lineEnd }
        tokens.append(Token(.string(""), Span(start, index)))
    }

    /// escape = "\" ( "n" | "t" | "r" | "\" | '"' | "'" | "0" | "u{" hex { hex } "}" )
    mutating func lexEscape(into value: inout [UInt8]) {
        let start = index
        index += 1
        guard let e = peek(0) else { return }
        index += 1
        switch e {
        case UInt8(ascii: "n"): value.append(10)
        case UInt8(ascii: "t"): value.append(9)
        case UInt8(ascii: "r"): value.append(13)
        case UInt8(ascii: "0"): value.append(0)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(e)
        case UInt8(ascii: "u") where peek(0) == UInt8(ascii: "{"):
            let hexStart = index + 1
            var end = hexStart
            while end < bytes.count, end - hexStart <= 8, bytes[end] != UInt8(ascii: "}") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "}"),
               let code = UInt32(text(hexStart, end), radix: 16), let scalar = UnicodeScalar(code) {
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = end + 1
            } else {
                error("bad unicode escape", Span(start, min(end + 1, bytes.count)),
                      suggestion: "write a code point in hex between braces, as in \\u{1EA1}")
            }
        default:
            let scalarEnd = scalarEnd(from: index - 1)
            error("unknown escape `\\\(text(index - 1, scalarEnd))` in a string", Span(start, scalarEnd),
                  suggestion: "write \\\\ for a backslash",
                  hint: "escapes are \\n \\t \\r \\\\ \\\" \\' \\0 and \\u{…}")
            index = scalarEnd
        }
    }

    mutating func lexSymbol() {
        let start = index
        let c = bytes[index]
        let n = peek(1)
        func two(_ second: Character, _ symbol: Symbol) -> Symbol? {
            n == UInt8(ascii: second.unicodeScalars.first!) ? symbol : nil
        }
        var symbol: Symbol?
        switch UnicodeScalar(c) {
        case "|":
            if n == UInt8(ascii: "|") {
                substitute(.keyword(.or), for: "||", at: start)
                return
            }
            symbol = .pipe
        case "(": symbol = .leftParen
        case ")": symbol = .rightParen
        case "[": symbol = .leftBracket
        case "]": symbol = .rightBracket
        case "{": symbol = .leftBrace
        case "}": symbol = .rightBrace
        case ",": symbol = .comma
        case ":": symbol = .colon
        case ".": symbol = two(".", .dotDot) ?? .dot
        case "=": symbol = two("=", .equal) ?? two("~", .foldedEqual) ?? .assign
        case "!": symbol = two("=", .notEqual) ?? two("~", .notContains)
        case "<": symbol = two("=", .lessEqual) ?? (n == UInt8(ascii: ">") ? nil : .less)
        case ">": symbol = two("=", .greaterEqual) ?? .greater
        case "~": symbol = .contains
        case "+": symbol = .plus
        case "-": symbol = .minus
        case "*": symbol = .star
        case "/": symbol = .slash
        case "%": symbol = .percent
        case "?": symbol = two("?", .coalesce)
        default: break
        }
        guard let symbol else {
            strayCharacter(at: start)
            return
        }
        index += symbol.rawValue.utf8.count
        switch symbol {
        case .leftParen, .leftBracket, .leftBrace: brackets.append(c)
        case .rightParen, .rightBracket, .rightBrace: if !brackets.isEmpty { brackets.removeLast() }
        default: break
        }
        add(.symbol(symbol), start)
    }

    /// An operator from another language (`&&`, `||`, `<>`): reported once, and read as the
    /// CoopQL operator it stands for, so the rest of the line parses and no second error follows.
    mutating func substitute(_ kind: TokenKind, for written: String, at start: Int) {
        let habit = Habit.foreignOperator(written, meaning: kind)
        error(habit.message, Span(start, start + written.utf8.count), suggestion: habit.suggestion)
        index = start + written.utf8.count
        add(kind, start)
    }

    mutating func strayCharacter(at start: Int) {
        let end = scalarEnd(from: start)
        let ch = text(start, end)
        var suggestion: String?
        switch ch {
        case "&": suggestion = "write `and`"
        case "!": suggestion = "write `not`, or `!=` for not equal"
        case "<": suggestion = "write `!=` for not equal"
        case "?": suggestion = "write `??` to give a default for null"
        case ";": suggestion = "end a statement with a line break"
        case "“", "”", "‘", "’": suggestion = "use straight quotes \" for strings"
        default: break
        }
        if ch == "<", peek(1) == UInt8(ascii: ">") { return substitute(.symbol(.notEqual), for: "<>", at: start) }
        if ch == "&", peek(1) == UInt8(ascii: "&") { return substitute(.keyword(.and), for: "&&", at: start) }
        let shown = ch.unicodeScalars.first.map { $0.value < 32 || $0.value == 127 ? "U+\(String($0.value, radix: 16, uppercase: true))" : ch } ?? ch
        error("unexpected character `\(shown)`", Span(start, end), suggestion: suggestion)
        index = end
    }

    // MARK: - Helpers

    func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// The end of the UTF-8 scalar starting at `i`.
    func scalarEnd(from i: Int) -> Int {
        var j = i + 1
        while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    func scalar(at i: Int) -> UnicodeScalar? {
        let end = scalarEnd(from: i)
        return String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first
    }

    /// identifier = letter { letter | digit | "_" } | quotedIdentifier
    /// (a letter is any Unicode letter, so Vietnamese names need no quotes)
    func isIdentifierStart(at i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_") }
        return scalar(at: i)?.properties.isAlphabetic ?? false
    }

    mutating func scanIdentifierBody() {
        while index < bytes.count {
            let b = bytes[index]
            if b < 0x80 {
                guard (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == UInt8(ascii: "_")
                else { return }
                index += 1
            } else {
                guard let s = scalar(at: index),
                      s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark else { return }
                index = scalarEnd(from: index)
            }
        }
    }

    mutating func add(_ kind: TokenKind, _ start: Int) {
        tokens.append(Token(kind, Span(start, index)))
    }

    mutating func error(_ message: String, _ span: Span, suggestion: String? = nil, hint: String? = nil) {
        diagnostics.append(Diagnostic(.syntax, message, at: span, in: source, suggestion: suggestion, hint: hint))
    }
}
