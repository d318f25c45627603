import Testing
@testable import CoopQL

@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceText(name: "t", text: text)).tokens.map(\.kind)
    }

    func errors(_ text: String) -> [Diagnostic] {
        Lexer.tokenize(SourceText(name: "t", text: text)).diagnostics
    }

    @Test func numbers() {
        #expect(kinds("1915 3.5 1_456_000_000 2e3") == [.integer(1915), .decimal(3.5), .integer(1_456_000_000), .decimal(2000), .end])
        // `1..5` is a range, not the decimal 1. followed by .5
        #expect(kinds("1..5") == [.integer(1), .symbol(.dotDot), .integer(5), .end])
        #expect(kinds("-9223372036854775807") == [.symbol(.minus), .integer(9_223_372_036_854_775_807), .end])
    }

    @Test func vietnameseIdentifiersAndKeywords() {
        #expect(kinds("số_htx and tỉnh") == [.identifier("số_htx"), .keyword(.and), .identifier("tỉnh"), .end])
        #expect(kinds("$province") == [.parameter("province"), .end])
    }

    @Test func stringsWithEscapesAndTripleQuotes() {
        #expect(kinds(#""a\"b\n\u{1EA1}""#) == [.string("a\"b\nạ"), .end])
        #expect(kinds("'Bạc Liêu'") == [.string("Bạc Liêu"), .end])
        #expect(kinds("\"\"\"\nhai\ndòng\"\"\"") == [.string("hai\ndòng"), .end])
    }

    @Test func sourceIsNFCNormalised() {
        // "hoà" typed with a combining grave accent equals the precomposed "hoà".
        let decomposed = "ho\u{0061}\u{0300}"
        // A string also gets the tone mark where the built-in lists put it: "hòa".
        #expect(kinds("\"\(decomposed)\"") == [.string("hòa"), .end])
        #expect(kinds(decomposed) == [.identifier("hoà"), .end])
    }

    @Test func operators() {
        #expect(kinds("== != <= >= ~ !~ =~ ?? .. | =") == [
            .symbol(.equal), .symbol(.notEqual), .symbol(.lessEqual), .symbol(.greaterEqual), .symbol(.contains),
            .symbol(.notContains), .symbol(.foldedEqual), .symbol(.coalesce), .symbol(.dotDot), .symbol(.pipe),
            .symbol(.assign), .end,
        ])
    }

    @Test func newlinesCountOnlyOutsideParenthesesAndBrackets() {
        #expect(kinds("a\nb") == [.identifier("a"), .newline, .identifier("b"), .end])
        #expect(kinds("(a\nb)") == [.symbol(.leftParen), .identifier("a"), .identifier("b"), .symbol(.rightParen), .end])
        #expect(kinds("{a\nb}") == [.symbol(.leftBrace), .identifier("a"), .newline, .identifier("b"), .symbol(.rightBrace), .end])
    }

    @Test func commentsAndShebang() {
        #expect(kinds("#!/usr/bin/env coopql\nx # note") == [.newline, .identifier("x"), .end])
    }

    @Test func columnsCountCharactersAsPeopleSeeThem() {
        let source = SourceText(name: "t", text: "\"Bạc Liêu\" @")
        let (tokens, diagnostics, _) = Lexer.tokenize(source)
        #expect(tokens.count == 2)
        let at = try! #require(diagnostics.first)
        // "Bạc Liêu" is 10 characters with its quotes but 14 bytes: the column counts characters.
        #expect(at.location! == (1, 12))
    }

    @Test func problems() {
        #expect(errors("\"open").first?.message == "unterminated string")
        #expect(errors("a & b").first?.message == "unexpected character `&`")
        #expect(errors("a && b").map(\.message) == ["`&&` is not an operator in CoopQL"])
        #expect(errors("a <> b").map(\.message) == ["`<>` is not an operator in CoopQL"])
        #expect(errors("a || b").first?.message == "`||` is not an operator in CoopQL")
        #expect(errors("12abc").first?.message == "a number cannot run into letters: `12abc`")
        #expect(errors(#""\q""#).first?.message == "unknown escape `\\q` in a string")
        #expect(errors("99999999999999999999").first?.message == "the integer 99999999999999999999 does not fit in 64 bits")
    }

    @Test func backquotedNames() {
        #expect(kinds("`Số HTX` = count") == [.identifier("Số HTX"), .symbol(.assign), .identifier("count"), .end])
        #expect(errors("`open").first?.message == "unterminated quoted name")
        #expect(errors("``").first?.message == "an empty quoted name")
    }

    /// Only an open triple-quoted string leaves the text waiting for more; an ordinary string
    /// left open ends at its line and is an error.
    @Test func textEndingInsideATripleQuotedStringIsMarked() {
        #expect(Lexer.tokenize(SourceText(name: "t", text: "let s = \"\"\"\nopen")).endsInsideString)
        #expect(!Lexer.tokenize(SourceText(name: "t", text: "let s = \"open")).endsInsideString)
        #expect(!Lexer.tokenize(SourceText(name: "t", text: "let s = \"\"\"closed\"\"\"")).endsInsideString)
    }
}
