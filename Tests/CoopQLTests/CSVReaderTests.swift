import Foundation
import Testing
@testable import CoopQL

/// Parses CSV text held in memory.
private func csvLoad(_ text: String, name: String = "t.csv") throws -> Table {
    try CSVReader.read(bytes: Array(text.utf8), name: name, tableName: "t")
}

private func csvLoad(bytes: [UInt8], name: String = "t.csv") throws -> Table {
    try CSVReader.read(bytes: bytes, name: name, tableName: "t")
}

/// The diagnostic that reading these bytes throws, or nil when they load.
private func csvFailure(_ bytes: [UInt8], name: String = "t.csv") -> Diagnostic? {
    do {
        _ = try CSVReader.read(bytes: bytes, name: name, tableName: "t")
        return nil
    } catch {
        return error
    }
}

private func csvFailure(_ text: String, name: String = "t.csv") -> Diagnostic? {
    csvFailure(Array(text.utf8), name: name)
}

/// One column's cells as values.
private func csvCells(_ table: Table, _ column: Int) -> [Value] {
    (0..<table.rowCount).map { table.columns[column][$0] }
}

private func csvDay(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(Day(year: y, month: m, day: d)!) }

private var csvFixtures: URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("csv")
}

/// A fresh empty folder under the temporary directory.
private func csvTemporaryFolder() throws -> URL {
    let url = TemporaryFolders.url("csv")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("CSV reader: parsing")
struct CSVParsingTests {
    @Test func headerNamesColumnsAndQualifier() throws {
        let t = try csvLoad("id,name\n1,An\n2,Bình\n")
        #expect(t.schema.names == ["id", "name"])
        #expect(t.schema.columns.allSatisfy { $0.qualifier == "t" })
        #expect(t.rowCount == 2)
        #expect(t.columns[0][1] == .int(2))
        #expect(t.columns[1][1] == .text("Bình"))
    }

    @Test func headerNamesAreTrimmedAndNormalised() throws {
        // "tên" with a combining circumflex (NFD), and spaces around names.
        let t = try csvLoad(" id , te\u{0302}n \n1,x\n")
        #expect(t.schema.names == ["id", "t\u{00EA}n"])
        #expect(t.schema.columns[1].name.unicodeScalars.count == 3)
    }

    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let t = try csvLoad("id,note,n\n1,\"a, b\",1\n2,\"say \"\"hi\"\"\",2\n3,\"two\nlines\",3\n4,\"\",4\n")
        #expect(csvCells(t, 1) == [.text("a, b"), .text("say \"hi\""), .text("two\nlines"), .null])
        #expect(csvCells(t, 2) == [.int(1), .int(2), .int(3), .int(4)])
    }

    @Test func quotedNumbersAreStillNumbers() throws {
        let t = try csvLoad("a,b\n\"12\",\"2024-01-31\"\n")
        #expect(t.columns[0][0] == .int(12))
        #expect(t.columns[1][0] == csvDay(2024, 1, 31))
    }

    @Test func quotedCRLFInsideAFieldIsKept() throws {
        let t = try csvLoad("a,b\r\n\"x\r\ny\",1\r\n")
        #expect(t.columns[0][0] == .text("x\r\ny"))
        #expect(t.columns[1][0] == .int(1))
    }

    @Test func semicolonSeparator() throws {
        let t = try csvLoad("id;name;shares\n1;Lê, Hoàng;2\n2;An;3\n")
        #expect(t.schema.names == ["id", "name", "shares"])
        #expect(csvCells(t, 1) == [.text("Lê, Hoàng"), .text("An")])
        #expect(csvCells(t, 2) == [.int(2), .int(3)])
    }

    @Test func semicolonSeparatorWithQuotedCommaInHeader() throws {
        let t = try csvLoad("\"a,b\";c\n1;2\n")
        #expect(t.schema.names == ["a,b", "c"])
    }

    @Test func commaWinsWhenHeaderHasBoth() throws {
        let t = try csvLoad("a;x,b\n1,2\n")
        #expect(t.schema.names == ["a;x", "b"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let t = try csvLoad(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,An\n".utf8))
        #expect(t.schema.names == ["id", "name"])
        #expect(t.columns[0][0] == .int(1))
    }

    @Test func crlfLineEndings() throws {
        let t = try csvLoad("id,name\r\n1,An\r\n2,\r\n")
        #expect(csvCells(t, 0) == [.int(1), .int(2)])
        #expect(csvCells(t, 1) == [.text("An"), .null])
    }

    @Test func lastLineWithoutLineBreak() throws {
        let t = try csvLoad("id,name\n1,An\n2,Bình")
        #expect(csvCells(t, 1) == [.text("An"), .text("Bình")])
        let crlf = try csvLoad("id,name\r\n1,An\r\n2,Bình\r")
        #expect(csvCells(crlf, 1) == [.text("An"), .text("Bình")])
        let quoted = try csvLoad("id,name\n1,\"An\"")
        #expect(csvCells(quoted, 1) == [.text("An")])
    }

    @Test func trailingSeparatorAtEndOfFileIsAnEmptyField() throws {
        let t = try csvLoad("a,b\n1,")
        #expect(csvCells(t, 1) == [.null])
    }

    @Test func blankLinesAreSkipped() throws {
        let t = try csvLoad("a,b\n1,2\n\n3,4\r\n\r\n\n")
        #expect(csvCells(t, 0) == [.int(1), .int(3)])
    }

    @Test func loneCarriageReturnIsData() throws {
        let t = try csvLoad("a,b\nx\ry,1\n")
        #expect(t.columns[0][0] == .text("x\ry"))
    }

    @Test func quoteInsideUnquotedFieldIsKept() throws {
        let t = try csvLoad("a\n5\"4\n")
        #expect(t.columns[0][0] == .text("5\"4"))
    }

    @Test func headerOnlyGivesEmptyTextColumns() throws {
        let t = try csvLoad("id,name\n")
        #expect(t.rowCount == 0)
        #expect(t.schema.names == ["id", "name"])
        #expect(t.columns.allSatisfy { $0.type == .text && $0.count == 0 })
        let noBreak = try csvLoad("id,name")
        #expect(noBreak.rowCount == 0 && noBreak.columns.count == 2)
    }

    @Test func nfdTextIsNormalisedAndSharesACode() throws {
        let composed = "Ho\u{00E0} B\u{00ED}nh"                 // Hoà Bình, precomposed
        let decomposed = "Hoa\u{0300} Bi\u{0301}nh"            // the same, with combining marks
        // Both come out as the built-in lists write it: NFC, the tone mark on the `o`.
        let listed = "H\u{00F2}a B\u{00ED}nh"
        let t = try csvLoad("x\n\(decomposed)\n\(composed)\n\(decomposed)\nkhác\n")
        #expect(csvCells(t, 0) == [.text(listed), .text(listed), .text(listed), .text("khác")])
        guard case .text(let codes, let dictionary) = t.columns[0].storage else {
            Issue.record("not a text column"); return
        }
        #expect(dictionary.strings == [listed, "khác"])
        #expect(codes == [0, 0, 0, 1])
    }

    @Test func composedFirstThenDecomposedSharesACode() throws {
        let t = try csvLoad("x\nNgh\u{1EC7}\nNghe\u{0323}\u{0302}\n")
        guard case .text(let codes, let dictionary) = t.columns[0].storage else {
            Issue.record("not a text column"); return
        }
        #expect(dictionary.strings == ["Ngh\u{1EC7}"])
        #expect(codes == [0, 0])
    }

    @Test func manyDistinctStringsGrowTheDictionary() throws {
        var text = "name,n\n"
        for i in 0..<5_000 { text += "Nguyễn Văn \(i % 1_500),\(i)\n" }
        let t = try csvLoad(text)
        guard case .text(let codes, let dictionary) = t.columns[0].storage else {
            Issue.record("not a text column"); return
        }
        #expect(dictionary.strings.count == 1_500)
        #expect(Set(dictionary.strings).count == 1_500)
        for row in stride(from: 0, to: 5_000, by: 97) {
            #expect(t.columns[0][row] == .text("Nguyễn Văn \(row % 1_500)"))
            #expect(codes[row] == Int32(row % 1_500))
        }
    }

    @Test(arguments: [",", ";"], ["\n", "\r\n"])
    func randomTextRoundTrips(separator: String, lineBreak: String) throws {
        // Fields built from the characters that matter to the scanner, at lengths around the
        // eight-byte steps of the field search, written the way a spreadsheet would quote them.
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "b", ",", ";", "\"", "\n", "\r", "\r\n", " ", "ệ", "Đ", "1", "-", "xxxxxxx"]
        let width = 4
        var expected: [[Value]] = []
        var text = (0..<width).map { "c\($0)" }.joined(separator: separator) + lineBreak
        for _ in 0..<400 {
            var row: [Value] = []
            var fields: [String] = []
            for column in 0..<width {
                let length = Int.random(in: 0...12, using: &rng)
                var value = (0..<length).map { _ in pieces.randomElement(using: &rng)! }.joined()
                // The first column is never empty, so no row is blank; "s" keeps every column text.
                if column == 0 || !value.isEmpty { value = "s" + value }
                row.append(value.isEmpty ? .null : .text(value))
                let needsQuotes = value.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                    || value.contains(separator) || Bool.random(using: &rng) && !value.isEmpty
                fields.append(needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value)
            }
            expected.append(row)
            text += fields.joined(separator: separator) + lineBreak
        }
        if Bool.random(using: &rng) { text.removeLast(lineBreak.count) }
        let t = try csvLoad(text)
        #expect(t.rowCount == expected.count)
        #expect(t.rows == expected)
    }

    @Test func fixtureFileWithBomCrlfSemicolonsAndQuotes() throws {
        // Read without the schema: this file's columns are not those of `cooperatives`.
        let path = csvFixtures.appendingPathComponent("coop/cooperatives.csv").path
        let t = try CSVReader.read(path: path, options: LoadOptions(schema: []))
        #expect(t.schema.names == ["id", "tên", "tỉnh", "thành_lập"])
        #expect(t.schema.columns.allSatisfy { $0.qualifier == "cooperatives" })
        #expect(csvCells(t, 0) == [.int(1), .int(2), .int(3)])
        #expect(csvCells(t, 1) == [.text("HTX Nông nghiệp Yên Phong"), .text("HTX \"Dịch vụ\"; Tiên Du"), .text("HTX Thủy sản")])
        #expect(csvCells(t, 3) == [csvDay(2018, 3, 15), csvDay(2020, 10, 1), .null])
        let renamed = try CSVReader.read(path: path, tableName: "htx")
        #expect(renamed.schema.columns[0].qualifier == "htx")
    }
}

@Suite("CSV reader: type inference")
struct CSVInferenceTests {
    @Test func eachScalarType() throws {
        let t = try csvLoad("""
            i,d,iso,vn,b,s
            1,1.5,2024-02-29,29/02/2024,true,An
            -42,-0.25,1999-12-31,1/2/2023,FALSE,Bình
            9223372036854775807,1e3,2000-01-01,01/12/2000,True,Hoà
            -9223372036854775808,2.5E-2,1970-01-01,9/9/1970,fAlSe,x
            """)
        #expect(t.columns.map(\.type) == [.int, .decimal, .date, .date, .bool, .text])
        #expect(csvCells(t, 0) == [.int(1), .int(-42), .int(Int64.max), .int(Int64.min)])
        #expect(csvCells(t, 1) == [.decimal(1.5), .decimal(-0.25), .decimal(1000), .decimal(0.025)])
        #expect(csvCells(t, 2) == [csvDay(2024, 2, 29), csvDay(1999, 12, 31), csvDay(2000, 1, 1), csvDay(1970, 1, 1)])
        #expect(csvCells(t, 3) == [csvDay(2024, 2, 29), csvDay(2023, 2, 1), csvDay(2000, 12, 1), csvDay(1970, 9, 9)])
        #expect(csvCells(t, 4) == [.bool(true), .bool(false), .bool(true), .bool(false)])
        // (`Hoà` is read as the built-in lists write it, `Hòa`.)
        #expect(csvCells(t, 5) == [.text("An"), .text("Bình"), .text("Hòa"), .text("x")])
    }

    @Test func emptyFieldsAreNullInEveryType() throws {
        let t = try csvLoad("i,d,dt,b,s\n,,,,\n1,1.5,2024-01-01,true,x\n,,,,\n")
        #expect(t.columns.map(\.type) == [.int, .decimal, .date, .bool, .text])
        for c in 0..<5 {
            #expect(t.columns[c][0] == .null)
            #expect(t.columns[c][1] != .null)
            #expect(t.columns[c][2] == .null)
            #expect(t.columns[c].validity?.setCount == 1)
        }
    }

    @Test func columnWithoutNullsHasNoBitmap() throws {
        let t = try csvLoad("i\n1\n2\n")
        #expect(t.columns[0].validity == nil)
    }

    @Test func allNullColumnIsText() throws {
        let t = try csvLoad("a,b\n1,\n2,\"\"\n")
        #expect(t.columns[1].type == .text)
        #expect(csvCells(t, 1) == [.null, .null])
    }

    @Test func intThenDecimalWidensToDecimal() throws {
        // A one-column file writes a null as "": a blank line is skipped, not a null row.
        let t = try csvLoad("x\n1\n\"\"\n\n2.5\n-3\n")
        #expect(t.columns[0].type == .decimal)
        #expect(csvCells(t, 0) == [.decimal(1), .null, .decimal(2.5), .decimal(-3)])
    }

    @Test func intTooBigForInt64IsAnErrorNotARoundedDecimal() throws {
        // Read as a decimal it would be rounded (99999999999999999999 → 1e20) without a word.
        #expect(throws: Diagnostic.self) { try csvLoad("x\n9223372036854775808\n1\n") }
        #expect(throws: Diagnostic.self) { try csvLoad("x\n1\n99999999999999999999\n") }
        // A column already holding decimals reads it as one.
        let decimals = try csvLoad("x\n1.5\n99999999999999999999\n")
        #expect(csvCells(decimals, 0) == [.decimal(1.5), .decimal(1e20)])
    }

    @Test func mixedValuesBecomeTextKeepingTheOriginalSpelling() throws {
        let t = try csvLoad("code,n\n007,1\n1.50,2\n,3\nabc,4\n2024-01-01,5\n")
        #expect(t.columns[0].type == .text)
        #expect(csvCells(t, 0) == [.text("007"), .text("1.50"), .null, .text("abc"), .text("2024-01-01")])
        #expect(csvCells(t, 1) == [.int(1), .int(2), .int(3), .int(4), .int(5)])
    }

    @Test func mixedTypesOtherThanIntAndDecimalAreText() throws {
        let t = try csvLoad("a,b,c,d\n1,2024-01-01,true,1.5\n2024-01-02,true,2,x\n")
        #expect(t.columns.map(\.type) == [.text, .text, .text, .text])
        #expect(csvCells(t, 0) == [.text("1"), .text("2024-01-02")])
        #expect(csvCells(t, 1) == [.text("2024-01-01"), .text("true")])
        #expect(csvCells(t, 2) == [.text("true"), .text("2")])
        #expect(csvCells(t, 3) == [.text("1.5"), .text("x")])
    }

    @Test func yesNoValuesMixWithZerosAndOnes() throws {
        // 1/0 and có/không are yes/no values too, so a column of them is bool whichever comes
        // first; 0s and 1s alone stay int.
        let t = try csvLoad("a,b,c,d\ntrue,1,có,0\n1,không,0,1\nKHÔNG,0,Co\u{0301},1\n")
        #expect(t.columns.map(\.type) == [.bool, .bool, .bool, .int])
        #expect(csvCells(t, 0) == [.bool(true), .bool(true), .bool(false)])
        #expect(csvCells(t, 1) == [.bool(true), .bool(false), .bool(false)])
        #expect(csvCells(t, 2) == [.bool(true), .bool(false), .bool(true)])
        #expect(csvCells(t, 3) == [.int(0), .int(1), .int(1)])
        let notBits = try csvLoad("a\n2\ntrue\n")
        #expect(csvCells(notBits, 0) == [.text("2"), .text("true")])
    }

    @Test func textColumnAfterQuotedValuesOfAnotherType() throws {
        // The text pass must read quoted and doubled-quote fields of the retyped column too.
        let t = try csvLoad("a,b\n\"5\",x\n\"say \"\"hi\"\"\",y\n\"Nghe\u{0323}\u{0302}\",z\n")
        #expect(csvCells(t, 0) == [.text("5"), .text("say \"hi\""), .text("Ngh\u{1EC7}")])
        #expect(csvCells(t, 1) == [.text("x"), .text("y"), .text("z")])
    }

    @Test func impossibleDatesAreText() throws {
        let t = try csvLoad("d\n31/02/2024\n2024-01-01\n")
        #expect(t.columns[0].type == .text)
        #expect(csvCells(t, 0) == [.text("31/02/2024"), .text("2024-01-01")])
        let twoDigitYear = try csvLoad("d\n01/02/24\n")
        #expect(twoDigitYear.columns[0].type == .text)
    }

    @Test func nearNumbersAreText() throws {
        // (`1,5` is a Vietnamese decimal now: see the office-file tests.)
        for value in ["+5", " 12", "12 ", "1.2.3", "-", ".", "1e", "e5", "0x10", "1_000", "٣"] {
            let t = try csvLoad("x\n\(value.contains(",") ? "\"\(value)\"" : value)\n")
            #expect(t.columns[0].type == .text, "\(value)")
            #expect(t.columns[0][0] == .text(value), "\(value)")
        }
    }

    @Test func decimalsParseLikeTheStandardLibrary() throws {
        var rng = SystemRandomNumberGenerator()
        var samples = ["0.1", "0.3", "123456789012345.678", "1.7976931348623157e308", "4.9e-324", "1e-400", "1e400",
                       "-0.0", "0.000000000000000000000000001", "12345678901234567890.5", "9007199254740993",
                       ".5", "5.", "1E+5", "1e-5", "3.14159265358979323846264338327950288"]
        for _ in 0..<2_000 {
            let digits = Int.random(in: 1...20, using: &rng)
            var s = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            let dot = Int.random(in: 0...digits, using: &rng)
            s.insert(".", at: s.index(s.startIndex, offsetBy: dot))
            if Bool.random(using: &rng) { s += "e\(Int.random(in: -30...30, using: &rng))" }
            if s == "." || s.hasPrefix(".e") { continue }
            samples.append(s)
        }
        for s in samples {
            let bytes = Array(s.utf8)
            let parsed = bytes.withUnsafeBufferPointer { CSVValueParser.decimal($0.baseAddress!, $0.count) }
            let expected = Double(s)
            #expect(parsed == expected, "\(s)")
            if let parsed, let expected { #expect(parsed.sign == expected.sign, "\(s)") }
        }
    }

    @Test func datesAgreeWithDayParse() throws {
        let samples = ["2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2024-13-01", "2024-00-10", "2024-1-01",
                       "1/1/2024", "01/01/2024", "1/01/2024", "31/12/1999", "32/01/2024", "29/02/2023", "29/02/2000",
                       "001/01/2024", "1/1/24", "1//2024", "/1/2024", "1/1/2024/", "a1/01/2024", "2024/01/01",
                       "12-31-2024", "2024-01-0x", "10/10/10000"]
        for s in samples {
            let bytes = Array(s.utf8)
            let fast = bytes.withUnsafeBufferPointer { CSVValueParser.date($0.baseAddress!, $0.count) }
            #expect(fast == Day.parse(s)?.number, "\(s)")
        }
    }

    @Test func intsAgreeWithTheStandardLibrary() throws {
        let samples = ["0", "-0", "7", "-7", "007", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                       "-9223372036854775809", "99999999999999999999", "0000000000000000001", "12a", "-", "--1", ""]
        for s in samples where !s.isEmpty {
            let bytes = Array(s.utf8)
            let fast = bytes.withUnsafeBufferPointer { CSVValueParser.int($0.baseAddress!, $0.count) }
            #expect(fast == Int64(s), "\(s)")
        }
    }
}

@Suite("CSV reader: errors")
struct CSVErrorTests {
    @Test func rowWithTooFewFields() throws {
        let d = try #require(csvFailure("a,b,c\n1,2,3\n4,5\n"))
        #expect(d.kind == .data)
        #expect(d.message == "line 3 has 2 fields, but the header has 3")
        #expect(d.location?.line == 3 && d.location?.column == 1)
        #expect(d.source?.name == "t.csv")
        #expect(d.hint != nil)
    }

    @Test func rowWithTooManyFields() throws {
        let d = try #require(csvFailure("a,b\n1,2\n3,4,5,6\n", name: "data/members.csv"))
        #expect(d.message == "line 3 has 4 fields, but the header has 2")
        #expect(d.location?.line == 3 && d.location?.column == 1)
    }

    @Test func lineNumbersCountNewlinesInsideQuotes() throws {
        let d = try #require(csvFailure("a,b\n1,\"x\ny\nz\"\n2\n"))
        #expect(d.message == "line 5 has 1 field, but the header has 2")
        #expect(d.location?.line == 5)
    }

    @Test func lineNumbersSkipBlankLinesAndCountCRLF() throws {
        let d = try #require(csvFailure("a,b\r\n1,2\r\n\r\n3\r\n"))
        #expect(d.location?.line == 4 && d.location?.column == 1)
    }

    @Test func unterminatedQuotePointsAtTheOpeningQuote() throws {
        let d = try #require(csvFailure("id,name\n1,An\n2,\"Bình\n3,Hoà\n"))
        #expect(d.message == "the quoted field opened at line 3, column 3 is never closed")
        #expect(d.location?.line == 3 && d.location?.column == 3)
    }

    @Test func unterminatedQuoteColumnCountsCharactersNotBytes() throws {
        let d = try #require(csvFailure("tên,ghi chú\nHoà,\"x\n"))
        #expect(d.location?.line == 2 && d.location?.column == 5)
    }

    @Test func textAfterClosingQuote() throws {
        let d = try #require(csvFailure("a,b\n\"x\"y,1\n"))
        #expect(d.message == "line 2, column 4 has `y` right after a closing quote")
        #expect(d.location?.line == 2 && d.location?.column == 4)
    }

    @Test func invalidUTF8InATextColumn() throws {
        let bytes = Array("name,n\nAn,1\nB".utf8) + [0xFF] + Array("nh,2\n".utf8)
        let d = try #require(csvFailure(bytes))
        #expect(d.message == "line 3, column 2 holds a byte that is not UTF-8")
        #expect(d.location?.line == 3 && d.location?.column == 2)
    }

    @Test func invalidUTF8InAColumnRetypedAsText() throws {
        // Row 2 is an int, so the column is text only from row 3 and is read again in a second pass.
        let bytes = Array("n,x\n1,a\nHo".utf8) + [0xC3] + Array(",b\n".utf8)
        let d = try #require(csvFailure(bytes))
        #expect(d.location?.line == 3 && d.location?.column == 3)
    }

    @Test func invalidUTF8InsideQuotesAfterEscapedQuote() throws {
        let bytes = Array("a\n\"x\"\"y".utf8) + [0xE1, 0x41] + Array("\"\n".utf8)
        let d = try #require(csvFailure(bytes))
        #expect(d.location?.line == 2 && d.location?.column == 6)
    }

    @Test func invalidUTF8InTheHeader() throws {
        let d = try #require(csvFailure([0x61, 0x2C, 0x80, 0x0A, 0x31, 0x2C, 0x32]))
        #expect(d.location?.line == 1 && d.location?.column == 3)
    }

    @Test func emptyFile() throws {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n  \n".utf8)] {
            let d = try #require(csvFailure(bytes, name: "empty.csv"))
            #expect(d.message == "the file is empty")
            #expect(d.location?.line == 1 && d.location?.column == 1)
        }
    }

    @Test func blankFirstLine() throws {
        let d = try #require(csvFailure("\na,b\n1,2\n"))
        #expect(d.message == "line 1 is blank, but it should name the columns")
    }

    @Test func duplicateColumnName() throws {
        let d = try #require(csvFailure("id,name,id\n1,2,3\n"))
        #expect(d.message == "the header names column `id` twice (columns 1 and 3)")
        #expect(d.location?.line == 1 && d.location?.column == 9)
    }

    @Test func duplicateAfterTrimmingAndNormalising() throws {
        let d = try #require(csvFailure("t\u{00EA}n, te\u{0302}n \n1,2\n"))
        #expect(d.message.contains("twice (columns 1 and 2)"))
        #expect(d.location?.column == 5)
    }

    @Test func unnamedColumn() throws {
        let d = try #require(csvFailure("id,name,\n1,2,3\n"))
        #expect(d.message == "column 3 of the header has no name")
        #expect(d.location?.line == 1 && d.location?.column == 9)
    }

    @Test func errorsRenderWithLocationAndFileName() throws {
        let d = try #require(csvFailure("a,b\n1\n", name: "members.csv"))
        #expect(d.description.hasPrefix("members.csv:2:1: error: line 2 has 1 field, but the header has 2"))
    }

    @Test func missingFile() throws {
        do {
            _ = try CSVReader.read(path: "/nonexistent/coopql/x.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .data)
            #expect(error.message.contains("/nonexistent/coopql/x.csv"))
        }
    }
}

@Suite("CSV reader: reading in stretches")
struct CSVStretchTests {
    /// A CSV file whose columns change type at random rows, with nulls, quoted line breaks,
    /// decomposed text and, when `strayQuotes`, quotes inside unquoted fields.
    static func randomFile(rows: Int, strayQuotes: Bool, seed: UInt64) -> [UInt8] {
        var rng = SplitMix(seed: seed)
        let names = ["Nguyễn Văn An", "Trần Thị Bình", "Hoa\u{0300}ng", "Ho\u{00E0}ng", "Lê \"Tư\"", "Phạm,Hùng", "dòng\nhai"]
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        let turnDecimal = Int(rng.next() % UInt64(rows)), turnText = Int(rng.next() % UInt64(rows))
        let firstValue = Int(rng.next() % UInt64(rows))
        var text = "id;amount;code;late;joined;name;flag;note\r\n"
        for r in 0..<rows {
            var f: [String] = []
            f.append(String(r))
            f.append(chance(5) ? "" : r >= turnDecimal && chance(50) ? "\(r).25" : String(r * 3))
            f.append(r >= turnText && chance(20) ? "x\(r % 7)" : String(r % 11))
            f.append(r < firstValue || chance(30) ? "" : String(r))
            f.append(chance(10) ? "" : "\(1 + r % 28)/\(1 + r % 12)/20\(10 + r % 15)")
            let name = pick(names)
            let quoted = name.contains { $0 == "\"" || $0 == ";" || $0 == "\n" } || chance(10)
            f.append(quoted ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name)
            f.append(pick(["true", "FALSE", "", "True"]))
            f.append(strayQuotes && chance(3) ? "5\"4" : chance(5) ? "\"a\r\nb\"" : "n\(r % 50)")
            text += f.joined(separator: ";") + (chance(50) ? "\n" : "\r\n")
        }
        return Array(text.utf8)
    }

    /// A small deterministic generator, so a failure can be replayed from its seed.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func expectSame(_ a: Table, _ b: Table, _ comment: Comment) {
        #expect(a.schema == b.schema, comment)
        #expect(a.rowCount == b.rowCount, comment)
        #expect(a.rows == b.rows, comment)
        for (x, y) in zip(a.columns, b.columns) {
            #expect(x.validity == y.validity, comment)
            if case .text(let cx, let dx) = x.storage, case .text(let cy, let dy) = y.storage {
                #expect(cx == cy, comment)
                #expect(dx.strings == dy.strings, comment)
            }
        }
    }

    @Test(arguments: [false, true])
    func stretchesGiveTheSameTableAsOneRead(strayQuotes: Bool) throws {
        for seed in UInt64(1)...6 {
            let bytes = Self.randomFile(rows: 1_500, strayQuotes: strayQuotes, seed: seed)
            let whole = try CSVReader.parse(bytes, tableName: "t", parts: 1).table
            #expect(whole.rowCount == 1_500)
            for parts in [2, 3, 7, 16] {
                let split = try CSVReader.parse(bytes, tableName: "t", parts: parts).table
                Self.expectSame(whole, split, "seed \(seed), \(parts) parts")
            }
        }
    }

    @Test func typesChangeAcrossStretches() throws {
        // Ints in the first half, decimals in the second; ints, then text; nulls, then dates.
        var text = "a,b,c\n"
        for r in 0..<400 { text += r < 200 ? "\(r),\(r),\n" : "\(r).5,t\(r),2024-01-0\(1 + r % 9)\n" }
        let whole = try CSVReader.parse(Array(text.utf8), tableName: "t", parts: 1).table
        #expect(whole.columns.map(\.type) == [.decimal, .text, .date])
        #expect(whole.columns[1][5] == .text("5"))
        for parts in [2, 4, 9] {
            let split = try CSVReader.parse(Array(text.utf8), tableName: "t", parts: parts).table
            Self.expectSame(whole, split, "\(parts) parts")
        }
    }

    @Test func aQuoteInAnUnquotedFieldFallsBackToOneRead() throws {
        // The stray quote makes every later line look quoted, so the split points are wrong.
        var text = "a,b\n1,5\"4\n"
        for r in 0..<300 { text += "\(r),x\(r)\n" }
        let split = try CSVReader.parse(Array(text.utf8), tableName: "t", parts: 4).table
        #expect(split.rowCount == 301)
        #expect(split.columns[1][0] == .text("5\"4"))
        #expect(split.columns[1][300] == .text("x299"))
    }

    @Test func theFirstErrorInTheFileIsReported() throws {
        func file(badRowAt: Int, badUTF8At: Int) -> [UInt8] {
            var bytes = Array("id,name\n".utf8)
            for r in 0..<600 {
                if r == badRowAt { bytes += Array("\(r),a,b\n".utf8); continue }
                bytes += Array("\(r),".utf8) + (r == badUTF8At ? [0x61, 0xFF] : Array("tên\(r % 9)".utf8)) + [0x0A]
            }
            return bytes
        }
        for parts in [1, 2, 5, 12] {
            do {
                _ = try CSVReader.parse(file(badRowAt: 450, badUTF8At: 100), tableName: "t", parts: parts)
                Issue.record("expected an error")
            } catch {
                guard case .csv(.invalidUTF8(let at)) = error else { Issue.record("\(error)"); continue }
                #expect(CSVFault.location(of: at, in: file(badRowAt: 450, badUTF8At: 100)) == (102, 6))
            }
            do {
                _ = try CSVReader.parse(file(badRowAt: 90, badUTF8At: 500), tableName: "t", parts: parts)
                Issue.record("expected an error")
            } catch {
                guard case .row(let problem, _) = error, case .fieldCount(let found, let expected) = problem.reason else {
                    Issue.record("\(error)"); continue
                }
                #expect(found == 3 && expected == 2)
            }
        }
    }

    @Test func moreStretchesThanRows() throws {
        let whole = try CSVReader.parse(Array("a,b\n1,x\n2,y\n".utf8), tableName: "t", parts: 1).table
        let split = try CSVReader.parse(Array("a,b\n1,x\n2,y\n".utf8), tableName: "t", parts: 32).table
        Self.expectSame(whole, split, "32 parts")
        let empty = try CSVReader.parse(Array("a,b\n".utf8), tableName: "t", parts: 8).table
        #expect(empty.rowCount == 0)
    }
}

@Suite("CSV reader: data folders")
struct CSVDataDirectoryTests {
    @Test func loadsEveryCSVFileSortedByName() throws {
        // Without the schema: these files' columns are not those of `cooperatives` and `members`.
        let tables = try loadDataDirectory(csvFixtures.appendingPathComponent("coop").path, options: LoadOptions(schema: [])).tables
        #expect(tables.map(\.name) == ["cooperatives", "members"])
        let members = tables[1].table
        #expect(members.schema.names == ["member_id", "cooperative_id", "name", "shares", "active"])
        #expect(members.schema.columns.allSatisfy { $0.qualifier == "members" })
        #expect(members.columns.map(\.type) == [.int, .int, .text, .decimal, .bool])
        #expect(csvCells(members, 2) == [.text("Nguyễn Văn An"), .text("Trần Thị Bình"), .text("Lê, Hoàng")])
        #expect(csvCells(members, 3) == [.decimal(12.5), .decimal(3), .null])
        #expect(csvCells(members, 4) == [.bool(true), .bool(false), .bool(true)])
    }

    @Test func skipsHiddenAndOtherFilesAndNormalisesTableNames() throws {
        let folder = try csvTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a\n1\n".utf8).write(to: folder.appendingPathComponent("z.csv"))
        try Data("a\n2\n".utf8).write(to: folder.appendingPathComponent("ho\u{0300}a.CSV"))
        try Data([0x00, 0x05, 0x16, 0x07]).write(to: folder.appendingPathComponent("._z.csv"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let tables = try loadDataDirectory(folder.path + "/").tables
        #expect(Set(tables.map(\.name)) == ["z", "h\u{00F2}a"])
        #expect(tables.map(\.name) == tables.map(\.name).sorted())
        let hoa = try #require(tables.first { $0.name == "hòa" })
        #expect(hoa.table.schema.columns[0].qualifier == "hòa")
    }

    @Test func emptyFolderGivesNoTables() throws {
        let folder = try csvTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try loadDataDirectory(folder.path).tables.isEmpty)
    }

    @Test func missingFolder() throws {
        do {
            _ = try loadDataDirectory("/nonexistent/coopql-data")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .data)
            #expect(error.message == "the data folder `/nonexistent/coopql-data` does not exist")
        }
    }

    @Test func aFileIsNotAFolder() throws {
        // A data file loads as a folder holding only it; another file is refused.
        let path = csvFixtures.appendingPathComponent("coop/members.csv").path
        #expect(try loadDataDirectory(path).tables.map(\.name) == ["members"])
        let other = TemporaryFolders.path("notdata") + ".txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: other))
        do {
            _ = try loadDataDirectory(other)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("is a file, not a data folder"))
        }
    }

    @Test func oneBrokenFileFailsTheWholeLoad() throws {
        let folder = try csvTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a\n1\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data("a,b\n1,2\n3\n".utf8).write(to: folder.appendingPathComponent("b.csv"))
        do {
            _ = try loadDataDirectory(folder.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "line 3 has 1 field, but the header has 2")
            #expect(error.location?.line == 3)
        }
    }

    @Test func unreadableEntryNamesThePath() throws {
        let folder = try csvTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub.csv"), withIntermediateDirectories: false)
        do {
            _ = try loadDataDirectory(folder.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("\(folder.path)/sub.csv"))
        }
    }

    @Test func twoFilesForOneTableName() throws {
        let folder = try csvTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a\n1\n".utf8).write(to: folder.appendingPathComponent("x.csv"))
        try Data("a\n1\n".utf8).write(to: folder.appendingPathComponent("x.CSV"))
        do {
            _ = try loadDataDirectory(folder.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("would both load as table `x`"))
        }
    }
}
