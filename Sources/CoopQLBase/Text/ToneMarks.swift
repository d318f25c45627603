/// Vietnamese writes the tone mark of the open syllables `oa`, `oe` and `uy` in two places:
/// on the second vowel in the older style (`Hoà Bình`, `Thanh Hoá`, `thuỷ`) and on the first in
/// the style of the built-in lists (`Hòa Bình`, `Thanh Hóa`, `thủy`). Text read from files and
/// queries is brought to the lists' placement, as it is brought to NFC, so `==` matches a name
/// whichever way it was typed.
///
/// Only a syllable that ends with the pair moves its mark: in `hoàng` or `quỳnh` a consonant
/// follows and the mark belongs on the second vowel in both styles; in `quý` the `u` belongs to
/// `qu`, so the mark stays on `y`.
public func normalizedToneMarks(_ text: String) -> String {
    // Most text has none of the marked second vowels: return it untouched without copying.
    guard text.unicodeScalars.contains(where: { ToneMarks.moved[$0.value] != nil }) else { return text }
    var scalars = Array(text.unicodeScalars)
    var changed = false
    for i in scalars.indices.dropFirst() {
        guard let (bare, tone) = ToneMarks.moved[scalars[i].value] else { continue }
        let first = scalars[i - 1].value
        let lowerBase = bare | 0x20
        // The pair is o+a, o+e or u+y (either case), the first vowel unmarked.
        let expectedFirst: UInt32 = lowerBase == 0x79 ? 0x75 : 0x6F
        guard first | 0x20 == expectedFirst else { continue }
        // The syllable ends here: no letter follows.
        if i + 1 < scalars.count, scalars[i + 1].properties.isAlphabetic { continue }
        // `qu` + `y`: the u is part of the consonant.
        if expectedFirst == 0x75, i >= 2, scalars[i - 2].value | 0x20 == 0x71 { continue }
        guard let marked = ToneMarks.marked[first]?[tone] else { continue }
        scalars[i - 1] = Unicode.Scalar(marked)!
        scalars[i] = Unicode.Scalar(bare)!
        changed = true
    }
    guard changed else { return text }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
}

enum ToneMarks {
    /// Grave, acute, hook above, tilde, dot below: the order of each row below.
    static let toneCount = 5

    /// The precomposed a, e, y (both cases) with each tone, in the order above.
    static let rows: [(bare: UInt32, marked: [UInt32])] = [
        (0x61, [0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1]), (0x41, [0xC0, 0xC1, 0x1EA2, 0xC3, 0x1EA0]),
        (0x65, [0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9]), (0x45, [0xC8, 0xC9, 0x1EBA, 0x1EBC, 0x1EB8]),
        (0x79, [0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5]), (0x59, [0x1EF2, 0xDD, 0x1EF6, 0x1EF8, 0x1EF4]),
    ]

    /// A marked second vowel → its bare letter and which tone it carries.
    static let moved: [UInt32: (UInt32, Int)] = {
        var map: [UInt32: (UInt32, Int)] = [:]
        for row in rows { for (tone, m) in row.marked.enumerated() { map[m] = (row.bare, tone) } }
        return map
    }()

    /// A bare first vowel (o, O, u, U) → the same vowel with each tone, in the order above.
    static let marked: [UInt32: [UInt32]] = [
        0x6F: [0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD], 0x4F: [0xD2, 0xD3, 0x1ECE, 0xD5, 0x1ECC],
        0x75: [0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5], 0x55: [0xD9, 0xDA, 0x1EE6, 0x168, 0x1EE4],
    ]
}

extension StringProtocol {
    /// The text as CoopQL keeps it: NFC, tone marks placed as the built-in lists place them.
    package var normalizedVietnamese: String {
        normalizedToneMarks(precomposedStringWithCanonicalMappingPortable)
    }
}
