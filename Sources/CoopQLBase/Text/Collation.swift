import Foundation

/// A sort key whose order is Vietnamese dictionary order; build one per string with
/// `vietnameseCollationKey(_:)` and compare keys rather than strings when sorting many values.
///
/// The weights follow the multi-level scheme of the Unicode Collation Algorithm: every primary
/// weight, a 0 separator, every secondary weight, a 0 separator, every tertiary weight. Because
/// real weights are never 0, comparing the arrays lexicographically compares base letters first,
/// then tones, then case, exactly as the three levels should.
public struct CollationKey: Comparable, Hashable, Sendable {
    /// The primary weights, 0, the secondary weights, 0, the tertiary weights.
    public let weights: [UInt32]

    /// Vietnamese alphabetical order.
    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        lhs.weights.lexicographicallyPrecedes(rhs.weights)
    }
}

/// The sort key of `s` in Vietnamese dictionary order.
///
/// - Primary level: characters in the order whitespace < punctuation and symbols (by code point)
///   < digits < letters. Letters follow the Vietnamese alphabet, in which ă â đ ê ô ơ ư are
///   letters of their own: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y
///   (z), with f j w z in their Latin places. Other letters (ø, ß, Greek, CJK…) come after z by
///   code point. Spaces count, so "Ba Vì" sorts before "Bac", as in syllable-by-syllable
///   dictionaries. Digits compare one by one, so "10" sorts before "9".
/// - Secondary level: tones, in the order of the common Vietnamese dictionaries: no tone
///   (ngang) < huyền (grave) < hỏi (hook) < ngã (tilde) < sắc (acute) < nặng (dot below).
///   Other diacritics (such as the diaeresis in "ü") sort after a tone on the same letter.
/// - Tertiary level: lowercase before uppercase.
///
/// Precomposed (NFC) and decomposed (NFD) spellings give the same key.
public func vietnameseCollationKey(_ s: String) -> CollationKey {
    var builder = CollationKeyBuilder(expectedCount: s.utf8.count)
    // Vietnamese text needs only the precomputed Latin table; anything else (Greek, Hangul, a
    // stray canonical singleton) is decomposed by Foundation first so that NFC and NFD agree.
    if s.unicodeScalars.contains(where: CollationKeyBuilder.needsFoundationDecomposition) {
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            builder.add(scalar)
        }
    } else {
        for scalar in s.unicodeScalars {
            builder.add(scalar)
        }
    }
    return builder.finish()
}

/// Whether `a` sorts before `b` in Vietnamese dictionary order (see `vietnameseCollationKey`).
///
/// This builds both keys on every call; to sort many strings, build each key once instead.
public func vietnameseLess(_ a: String, _ b: String) -> Bool {
    vietnameseCollationKey(a) < vietnameseCollationKey(b)
}

/// Accumulates the three weight levels of one string, one collation unit (a base character
/// with its combining marks) at a time.
struct CollationKeyBuilder {
    /// Primary weight ranges, chosen so that each class sorts as a block and never reaches 0.
    static let whitespaceWeight: UInt32 = 1
    static let symbolBase: UInt32 = 0x100  // + code point, which is below 0x110000
    static let digitBase: UInt32 = 0x20_0000
    static let letterBase: UInt32 = 0x30_0000
    static let otherLetterBase: UInt32 = 0x40_0000
    /// Secondary weights of diacritics that are not Vietnamese tones: above every tone.
    static let extraMarkBase: UInt32 = 0x100

    /// Tone weights on the secondary level.
    static let noTone: UInt32 = 1
    static let huyen: UInt32 = 2
    static let hoi: UInt32 = 3
    static let nga: UInt32 = 4
    static let sac: UInt32 = 5
    static let nang: UInt32 = 6

    /// The marks that turn a base letter into another letter of the Vietnamese alphabet.
    enum Modifier: UInt32 {
        case none = 0, breve, circumflex, horn, stroke
    }

    /// Whether a scalar may have a canonical decomposition that the Latin table does not cover,
    /// so that the whole string must go through Foundation's NFD first.
    static func needsFoundationDecomposition(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0xC0 { return false }
        if value < 0x340 || (0x1E00...0x1EFF).contains(value) {
            // Latin: the table covers almost all; the rest, such as "ǿ" (ø + acute), are listed.
            return LatinDecomposition.entry(value) == 0
                && LatinDecomposition.otherDecompositions.contains(value)
        }
        if value <= 0x344 { return value != 0x342 }  // singletons such as U+0341 → U+0301
        return value >= 0x370
    }

    private var primary: [UInt32] = []
    private var secondary: [UInt32] = []
    private var tertiary: [UInt32] = []

    // The unit being built; marks that follow its base character still change it.
    private var hasPending = false
    private var pendingLetter: UInt8 = 0  // lowercase ASCII base of a Latin letter, or 0
    private var pendingPrimary: UInt32 = 0  // primary weight when the unit is not a Latin letter
    private var pendingModifier = Modifier.none
    private var pendingTone: UInt32 = 1
    private var pendingTertiary: UInt32 = 1
    private var pendingExtras: [UInt32] = []

    init(expectedCount: Int) {
        // The primary array becomes the whole key, so it gets room for all three levels up front.
        primary.reserveCapacity(3 * expectedCount + 2)
        secondary.reserveCapacity(expectedCount)
        tertiary.reserveCapacity(expectedCount)
    }

    /// Adds the next scalar of the string.
    mutating func add(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            if byte &- 0x61 < 26 {
                startLatinLetter(byte, uppercase: false)
            } else if byte &- 0x41 < 26 {
                startLatinLetter(byte | 0x20, uppercase: true)
            } else if byte &- 0x30 < 10 {
                startOther(primary: Self.digitBase + value - 0x30, tertiary: 1)
            } else if byte == 0x20 || byte &- 0x09 < 5 {
                startOther(primary: Self.whitespaceWeight, tertiary: 1)
            } else {
                startOther(primary: Self.symbolBase + value, tertiary: 1)
            }
            return
        }
        if SearchFolding.isBasicCombiningMark(value) {
            apply(mark: value)
            return
        }
        let entry = LatinDecomposition.entry(value)
        if entry != 0 {
            let base = LatinDecomposition.base(of: entry)
            startLatinLetter(base | 0x20, uppercase: base < 0x61)
            LatinDecomposition.forEachMark(of: entry) { apply(mark: $0) }
            return
        }
        if value == 0x110 || value == 0x111 {  // Đ đ: a letter of its own, with no decomposition
            startLatinLetter(0x64, uppercase: value == 0x110)
            pendingModifier = .stroke
            return
        }
        addGeneral(scalar)
    }

    /// Everything outside ASCII, the Latin table and the basic combining marks.
    private mutating func addGeneral(_ scalar: Unicode.Scalar) {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            apply(mark: scalar.value)
            return
        default:
            break
        }
        if properties.isWhitespace {
            startOther(primary: Self.whitespaceWeight, tertiary: 1)
        } else if properties.numericType == .decimal, let digit = properties.numericValue {
            startOther(primary: Self.digitBase + UInt32(digit), tertiary: 1)
        } else if properties.isAlphabetic {
            let lowered = properties.lowercaseMapping.unicodeScalars.first ?? scalar
            startOther(primary: Self.otherLetterBase + lowered.value,
                       tertiary: properties.changesWhenLowercased ? 2 : 1)
        } else {
            startOther(primary: Self.symbolBase + scalar.value, tertiary: 1)
        }
    }

    private mutating func startLatinLetter(_ lowercase: UInt8, uppercase: Bool) {
        flush()
        hasPending = true
        pendingLetter = lowercase
        pendingTertiary = uppercase ? 2 : 1
    }

    private mutating func startOther(primary weight: UInt32, tertiary: UInt32) {
        flush()
        hasPending = true
        pendingPrimary = weight
        pendingTertiary = tertiary
    }

    /// Applies a combining mark to the pending unit: a tone, a letter-making modifier, or
    /// otherwise an extra secondary weight.
    private mutating func apply(mark: UInt32) {
        guard hasPending else {
            // A mark with nothing before it counts only on the secondary level.
            secondary.append(Self.extraMarkBase + mark)
            return
        }
        let tone: UInt32? = switch mark {
        case 0x300: Self.huyen
        case 0x309: Self.hoi
        case 0x303: Self.nga
        case 0x301: Self.sac
        case 0x323: Self.nang
        default: nil
        }
        if let tone, pendingTone == Self.noTone {
            pendingTone = tone
            return
        }
        if pendingModifier == .none {
            switch (mark, pendingLetter) {
            case (0x306, 0x61):  // ă
                pendingModifier = .breve
                return
            case (0x302, 0x61), (0x302, 0x65), (0x302, 0x6F):  // â ê ô
                pendingModifier = .circumflex
                return
            case (0x31B, 0x6F), (0x31B, 0x75):  // ơ ư
                pendingModifier = .horn
                return
            default:
                break
            }
        }
        pendingExtras.append(Self.extraMarkBase + mark)
    }

    /// Emits the weights of the pending unit, if any.
    private mutating func flush() {
        guard hasPending else { return }
        if pendingLetter != 0 {
            primary.append(Self.letterBase + Self.rank(of: pendingLetter, pendingModifier))
        } else {
            primary.append(pendingPrimary)
        }
        secondary.append(pendingTone)
        if !pendingExtras.isEmpty {
            // Sorted so that canonically equivalent mark orders give the same key.
            secondary.append(contentsOf: pendingExtras.sorted())
            pendingExtras.removeAll(keepingCapacity: true)
        }
        tertiary.append(pendingTertiary)
        hasPending = false
        pendingLetter = 0
        pendingPrimary = 0
        pendingModifier = .none
        pendingTone = Self.noTone
        pendingTertiary = 1
    }

    /// The alphabet position of a lowercase ASCII letter as changed by a modifier.
    ///
    /// Plain letters leave gaps for the letters a modifier makes from them: ă â after a, đ after
    /// d, ê after e, ô ơ after o, ư after u. So a = 1, b = 4, d = 6, e = 8, o = 19, u = 27,
    /// z = 33. Computed rather than looked up, as this runs for every letter of every key.
    @inline(__always)
    private static func rank(of letter: UInt8, _ modifier: Modifier) -> UInt32 {
        var plain = UInt32(letter - 0x61) + 1
        if letter > 0x61 { plain += 2 }  // after ă â
        if letter > 0x64 { plain += 1 }  // after đ
        if letter > 0x65 { plain += 1 }  // after ê
        if letter > 0x6F { plain += 2 }  // after ô ơ
        if letter > 0x75 { plain += 1 }  // after ư
        switch (modifier, letter) {
        case (.breve, _), (.circumflex, 0x65), (.circumflex, 0x6F), (.horn, 0x75), (.stroke, _):
            return plain + 1  // ă ê ô ư đ
        case (.circumflex, _), (.horn, _):
            return plain + 2  // â ơ
        case (.none, _):
            return plain
        }
    }

    /// The finished key.
    mutating func finish() -> CollationKey {
        flush()
        primary.append(0)
        primary.append(contentsOf: secondary)
        primary.append(0)
        primary.append(contentsOf: tertiary)
        return CollationKey(weights: primary)
    }
}

/// The position of each string in Vietnamese alphabetical order (what sorting a text column
/// compares instead of the strings).
package func vietnameseCollationRanks(_ strings: [String]) -> [Int32] {
    let keys = strings.map(vietnameseCollationKey)
    let order = strings.indices.sorted { keys[$0] < keys[$1] }
    var rank = [Int32](repeating: 0, count: strings.count)
    for (position, index) in order.enumerated() { rank[index] = Int32(position) }
    return rank
}
