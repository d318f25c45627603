/// The number of terminal columns `s` occupies.
///
/// Combining marks, format and control characters take no column, East Asian wide and fullwidth
/// characters and emoji take two, everything else one. Emoji sequences (ZWJ families, flags,
/// skin tones, keycaps, text symbols with U+FE0F) count as one two-column picture.
public func displayWidth(_ s: String) -> Int {
    var source = s
    let asciiWidth: Int? = source.withUTF8 { bytes in
        var width = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            // Printable ASCII is 0x20…0x7E; the rest is control characters.
            if byte &- 0x20 < 0x5F { width += 1 }
        }
        return width
    }
    if let asciiWidth { return asciiWidth }
    // Summing scalar widths is right for everything except emoji sequences, whose scalars join
    // into one picture; only text that contains one pays for grapheme breaking.
    var width = 0
    for scalar in s.unicodeScalars {
        if DisplayWidth.joinsEmoji(scalar) {
            return s.reduce(0) { $0 + DisplayWidth.width(of: $1) }
        }
        width += DisplayWidth.width(of: scalar)
    }
    return width
}

/// `s` padded with spaces to `width` columns, on the left when `alignRight` is true.
///
/// Text already at least `width` columns wide is returned unchanged; use `truncateDisplay`
/// first when the column must not grow.
public func padDisplay(_ s: String, to width: Int, alignRight: Bool) -> String {
    let missing = width - displayWidth(s)
    guard missing > 0 else { return s }
    let padding = String(repeating: " ", count: missing)
    return alignRight ? padding + s : s + padding
}

/// `s` cut to at most `width` columns, ending in "…" when anything was cut.
///
/// The cut falls between Characters, so a letter never loses its tone mark and an emoji
/// sequence is never split; when a wide character does not fit, the result is one column short.
public func truncateDisplay(_ s: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if displayWidth(s) <= width { return s }
    let budget = width - 1  // one column for "…"
    var used = 0
    var end = s.startIndex
    for index in s.indices {
        let next = used + DisplayWidth.width(of: s[index])
        if next > budget { break }
        used = next
        end = s.index(after: index)
    }
    return s[..<end] + "…"
}

/// Column widths of single scalars and Characters.
enum DisplayWidth {
    /// The columns of one Character (grapheme cluster).
    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.contains(where: joinsEmoji) {
            let first = scalars.first!
            if first.properties.isEmoji || first.properties.isEmojiPresentation { return 2 }
        }
        return scalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Whether a scalar glues emoji into a sequence that displays as a single picture:
    /// ZWJ, the emoji variation selector, regional indicators, skin-tone modifiers, the keycap
    /// mark, and tag characters.
    static func joinsEmoji(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0F, 0x20E3, 0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F:
            return true
        default:
            return false
        }
    }

    /// The columns of one scalar on its own.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }  // DEL and C1 controls
        if value < 0x300 { return value == 0xAD ? 0 : 1 }  // soft hyphen is invisible
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return 0  // Hangul medial vowels and final consonants join the initial into one block
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks, in ascending order for the binary search.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility jamo, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut
        0x1B000...0x1B2FF,  // kana supplement and extensions, Nüshu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G, H
    ]

    /// Whether a scalar is in one of the wide blocks.
    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count
        while low < high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
