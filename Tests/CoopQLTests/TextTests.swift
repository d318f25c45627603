import Foundation
import Testing
@testable import CoopQL

// MARK: - Folding

@Test func foldingStripsVietnameseTonesAndCase() {
    #expect(foldForSearch("Bạc Liêu") == "bac lieu")
    #expect(foldForSearch("Đồng Tháp") == "dong thap")
    #expect(foldForSearch("HTX Tân Thành") == "htx tan thanh")
    #expect(foldForSearch("Thừa Thiên Huế") == "thua thien hue")
    #expect(foldForSearch("Bà Rịa–Vũng Tàu") == "ba ria–vung tau")
}

@Test func foldingMapsBothCasesOfDStroke() {
    #expect(foldForSearch("ĐẮK LẮK") == "dak lak")
    #expect(foldForSearch("đắk nông") == "dak nong")
    #expect(foldForSearch("Đ") == "d")
}

@Test func foldingTreatsNFDLikePrecomposed() {
    let names = ["Bạc Liêu", "Đồng Tháp", "Quảng Ngãi", "Ượt", "Kiên Giang"]
    for name in names {
        let decomposed = name.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > name.unicodeScalars.count)
        #expect(foldForSearch(decomposed) == foldForSearch(name))
    }
    #expect(foldForSearch("Qua\u{0309}ng Nga\u{0303}i") == "quang ngai")
}

@Test func foldingCoversEveryVietnameseVowel() {
    let vowels = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ"
    let expected = String(repeating: "a", count: 18) + String(repeating: "e", count: 12)
        + String(repeating: "i", count: 6) + String(repeating: "o", count: 18)
        + String(repeating: "u", count: 12) + String(repeating: "y", count: 6)
    #expect(foldForSearch(vowels) == expected)
    #expect(foldForSearch(vowels.uppercased()) == expected)
}

@Test func foldingHandlesASCIIAndEmpty() {
    #expect(foldForSearch("") == "")
    #expect(foldForSearch("already lowercase 123") == "already lowercase 123")
    #expect(foldForSearch("MiXeD Case!") == "mixed case!")
}

@Test func foldingLowercasesOtherScriptsWithoutDroppingThem() {
    #expect(foldForSearch("Crème Brûlée") == "creme brulee")
    #expect(foldForSearch("ΑΒΓ") == "αβγ")
    #expect(foldForSearch("Hà Nội 河内") == "ha noi 河内")
    #expect(foldForSearch("Øresund Łódź") == "oresund lodz")
    #expect(foldForSearch("İstanbul") == "istanbul")
    #expect(foldForSearch("\u{212B}ngström") == "angstrom")  // Ångström sign lowercases to å
}

@Test func foldedContainsIgnoresAccentsAndCase() {
    #expect(foldedContains("HTX Nông nghiệp Tân Thành", "nong nghiep"))
    #expect(foldedContains("Đồng Tháp", "DONG"))
    #expect(foldedContains("Đồng Tháp", "tháp"))
    #expect(foldedContains("Đồng Tháp", ""))
    #expect(!foldedContains("Đồng Tháp", "dong thap moi"))
    #expect(!foldedContains("", "a"))
    #expect(!foldedContains("Bạc Liêu", "bac ninh"))
}

@Test func foldedEqualsComparesFoldedForms() {
    #expect(foldedEquals("Bắc Ninh", "bac ninh"))
    #expect(foldedEquals("ĐÀ NẴNG", "Đa\u{0300} Na\u{0306}\u{0303}ng"))
    #expect(!foldedEquals("Bắc Ninh", "Bắc Giang"))
    #expect(foldedEquals("", ""))
}

// MARK: - Collation

@Test func collationSortsProvincesInVietnameseOrder() {
    let names = ["Bắc Ninh", "Bạc Liêu", "Bắc Kạn", "An Giang", "Đà Nẵng", "Dương", "Ân", "Ăn", "Cà Mau"]
    let sorted = names.sorted(by: vietnameseLess)
    #expect(sorted == ["An Giang", "Ăn", "Ân", "Bạc Liêu", "Bắc Kạn", "Bắc Ninh", "Cà Mau", "Dương", "Đà Nẵng"])
}

@Test func collationOrdersTonesAsInDictionaries() {
    let tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    #expect(tones.reversed().sorted(by: vietnameseLess) == tones)
    #expect(["mạ", "má", "mã", "mả", "mà", "ma"].shuffled().sorted(by: vietnameseLess) == tones)
}

@Test func collationOrdersTheVietnameseAlphabet() {
    let alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
                    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
    #expect(alphabet.reversed().sorted(by: vietnameseLess) == alphabet)
}

@Test func collationPutsBaseLettersBeforeTonesBeforeCase() {
    // Primary beats secondary: the tone on the first "a" does not outweigh b < c later.
    #expect(vietnameseLess("àb", "ac"))
    // Secondary beats tertiary: an uppercase untoned letter sorts before a lowercase toned one.
    #expect(vietnameseLess("Ma", "mà"))
    // Tertiary: lowercase first.
    #expect(vietnameseLess("ma", "Ma"))
    #expect(!vietnameseLess("Ma", "ma"))
    #expect(vietnameseLess("đà", "Đà"))
}

@Test func collationPutsSpacesAndPunctuationBeforeDigitsBeforeLetters() {
    let items = ["a", "9", "0", "-", " "]
    #expect(items.sorted(by: vietnameseLess) == [" ", "-", "0", "9", "a"])
    #expect(vietnameseLess("Ba Vì", "Bac"))
    #expect(vietnameseLess("HTX 2", "HTX A"))
}

@Test func collationKeyIsTheSameForNFCAndNFD() {
    for name in ["Đà Nẵng", "Bắc Kạn", "Thừa Thiên Huế", "Ượt", "Crème"] {
        let decomposed = name.decomposedStringWithCanonicalMapping
        #expect(vietnameseCollationKey(decomposed) == vietnameseCollationKey(name))
        #expect(!vietnameseLess(decomposed, name) && !vietnameseLess(name, decomposed))
    }
    // Marks of an NFD "ặ" arrive dot-below first; the letter must still be ă with nặng.
    #expect(vietnameseCollationKey("a\u{0323}\u{0306}") == vietnameseCollationKey("ặ"))
    #expect(vietnameseLess("ạ", "a\u{0306}"))
    #expect(vietnameseCollationKey("ά") == vietnameseCollationKey("α\u{0301}"))
    #expect(vietnameseCollationKey("ǿ") == vietnameseCollationKey("ø\u{0301}"))
    // Cedilla and diaeresis may come in either order (different combining classes).
    #expect(vietnameseCollationKey("c\u{0308}\u{0327}") == vietnameseCollationKey("ç\u{0308}"))
    #expect(vietnameseCollationKey("c\u{0327}\u{0308}") == vietnameseCollationKey("c\u{0308}\u{0327}"))
}

@Test func collationHandlesEmptyAndPrefixes() {
    #expect(vietnameseLess("", "a"))
    #expect(!vietnameseLess("", ""))
    #expect(vietnameseLess("An", "An Giang"))
    #expect(vietnameseCollationKey("").weights == [0, 0])
}

// MARK: - Display width

@Test func displayWidthCountsColumns() {
    #expect(displayWidth("") == 0)
    #expect(displayWidth("Hà Nội") == 6)
    #expect(displayWidth("Ha\u{0300} No\u{0323}\u{0302}i") == 6)
    #expect(displayWidth("河内") == 4)
    #expect(displayWidth("ＡＢ") == 4)
    #expect(displayWidth("한국") == 4)
    #expect(displayWidth("a\tb\u{7}") == 2)
    #expect(displayWidth("zero\u{200B}width") == 9)
}

@Test func displayWidthCountsEmojiAsTwo() {
    #expect(displayWidth("🌾") == 2)
    #expect(displayWidth("👨‍👩‍👧") == 2)
    #expect(displayWidth("🇻🇳") == 2)
    #expect(displayWidth("👍🏽") == 2)
    #expect(displayWidth("❤️ lúa") == 6)
    #expect(displayWidth("1️⃣") == 2)
}

@Test func padDisplayPadsToColumns() {
    #expect(padDisplay("Huế", to: 5, alignRight: false) == "Huế  ")
    #expect(padDisplay("Huế", to: 5, alignRight: true) == "  Huế")
    #expect(padDisplay("河内", to: 5, alignRight: false) == "河内 ")
    #expect(padDisplay("Bạc Liêu", to: 3, alignRight: true) == "Bạc Liêu")
    #expect(padDisplay("", to: 2, alignRight: false) == "  ")
}

@Test func truncateDisplayCutsBetweenCharacters() {
    #expect(truncateDisplay("Thừa Thiên Huế", to: 8) == "Thừa Th…")
    #expect(truncateDisplay("Thừa Thiên Huế", to: 14) == "Thừa Thiên Huế")
    #expect(truncateDisplay("Thừa", to: 0) == "")
    #expect(truncateDisplay("Thừa", to: 1) == "…")
    // NFD: the tone marks stay on their letter.
    let decomposed = "Thừa Thiên".decomposedStringWithCanonicalMapping
    let cut = truncateDisplay(decomposed, to: 4)
    #expect(cut == "Thừ…".decomposedStringWithCanonicalMapping)
    #expect(cut.unicodeScalars.count == 6)
    // A wide character that does not fit is dropped whole.
    #expect(truncateDisplay("河内市", to: 4) == "河…")
    #expect(displayWidth(truncateDisplay("河内市", to: 4)) == 3)
    #expect(truncateDisplay("👨‍👩‍👧👨‍👩‍👧", to: 3) == "👨‍👩‍👧…")
}

// MARK: - Suggestions

@Test func suggestionFindsNearMisses() {
    #expect(suggestion(for: "provnce", among: ["province", "district", "name"]) == "province")
    #expect(suggestion(for: "wher", among: ["where", "select", "extend", "summarize"]) == "where")
    #expect(suggestion(for: "Bac Ninh", among: ["Bắc Ninh", "Bạc Liêu"]) == "Bắc Ninh")
    #expect(suggestion(for: "xyz", among: ["province"]) == nil)
}

@Test func suggestionCountsTranspositionAsOneEdit() {
    #expect(optimalStringAlignmentDistance(Array("wehre"), Array("where")) == 1)
    #expect(optimalStringAlignmentDistance(Array("ca"), Array("abc")) == 3)
    #expect(optimalStringAlignmentDistance(Array(""), Array("abc")) == 3)
    #expect(optimalStringAlignmentDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(suggestion(for: "wehre", among: ["select", "where"]) == "where")
    #expect(suggestion(for: "tkae", among: ["take", "top"]) == "take")
}

@Test func suggestionRespectsTheDistanceLimit() {
    // Four letters allow one edit: "sumr" → "sum" (one deletion) but not "sort" (two edits).
    #expect(suggestion(for: "sumr", among: ["sort", "sum"]) == "sum")
    #expect(suggestion(for: "abcd", among: ["abxy"]) == nil)
    // Nine letters allow three edits, never more.
    #expect(suggestion(for: "sumarizee", among: ["summarize"]) == "summarize")
    #expect(suggestion(for: "xxxxxxxxx", among: ["summarize"]) == nil)
}

@Test func suggestionAcceptsLongPrefixes() {
    #expect(suggestion(for: "summ", among: ["select", "summarize"]) == "summarize")
    #expect(suggestion(for: "su", among: ["summarize"]) == nil)
    #expect(suggestion(for: "districtname", among: ["district"]) == "district")
}

@Test func suggestionBreaksTiesByCandidateOrder() {
    #expect(suggestion(for: "cot", among: ["cat", "cut"]) == "cat")
    #expect(suggestion(for: "cot", among: ["cut", "cat"]) == "cut")
    #expect(suggestion(for: "HA NOI", among: ["Hà Nội", "ha noi"]) == "Hà Nội")
}

@Test func suggestionHandlesEmptyInput() {
    #expect(suggestion(for: "", among: ["a", "b"]) == nil)
    #expect(suggestion(for: "a", among: []) == nil)
    #expect(suggestion(for: "a", among: ["", "b"]) == "b")
}
