import Foundation

/// Precomputed canonical decompositions of the precomposed Latin letters in U+00C0…U+1EF9.
///
/// Folding and collation both need to know, for a letter such as "ặ", its ASCII base letter and
/// its combining marks. Asking Foundation for a decomposition on every character is far too slow
/// for per-row work, so the answers are computed once, on first use, and kept in flat arrays.
enum LatinDecomposition {
    /// The first scalar value covered by the tables.
    static let first: UInt32 = 0x00C0
    /// The last scalar value covered by the tables (ỹ, the last Vietnamese letter).
    static let last: UInt32 = 0x1EF9
    /// The first combining diacritical mark; marks are stored relative to it.
    static let firstMark: UInt32 = 0x0300
    /// The last combining diacritical mark in the basic block.
    static let lastMark: UInt32 = 0x036F

    /// One packed entry per scalar in `first...last`, or 0 when the scalar does not decompose into
    /// an ASCII letter followed only by basic combining marks.
    ///
    /// Bits 0–7 hold the ASCII base letter with its case; bits 8–15, 16–23 and 24–31 hold up to
    /// three marks in canonical order, each stored as `mark - 0x2FF` so that 0 means "no mark".
    /// Packing into one `UInt32` keeps the table small and the lookup a single load.
    static let packed: [UInt32] = {
        var table = [UInt32](repeating: 0, count: Int(last - first + 1))
        for value in first...last {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let parts = Array(String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard parts.count >= 2, parts.count <= 4, parts[0].isASCII,
                  parts[0].properties.isAlphabetic,
                  parts.dropFirst().allSatisfy({ (firstMark...lastMark).contains($0.value) })
            else { continue }
            var entry = parts[0].value
            for (index, mark) in parts.dropFirst().enumerated() {
                entry |= (mark.value - (firstMark - 1)) << (8 * UInt32(index + 1))
            }
            table[Int(value - first)] = entry
        }
        return table
    }()

    /// The scalars in `first...last` whose canonical decomposition the packed table does not
    /// hold, such as "ǿ" (ø + acute) or Greek "ά"; text containing them needs a full NFD.
    static let otherDecompositions: Set<UInt32> = {
        var result = Set<UInt32>()
        for value in first...last where packed[Int(value - first)] == 0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            if decomposed.count != 1 || decomposed.first != scalar { result.insert(value) }
        }
        return result
    }()

    /// The packed decomposition of `value`, or 0 when there is none (see `packed`).
    @inline(__always)
    static func entry(_ value: UInt32) -> UInt32 {
        guard value >= first, value <= last else { return 0 }
        return packed[Int(value &- first)]
    }

    /// The ASCII base letter, with its case, of a non-zero packed entry.
    @inline(__always)
    static func base(of entry: UInt32) -> UInt8 {
        UInt8(truncatingIfNeeded: entry)
    }

    /// Calls `body` with each combining mark of a non-zero packed entry, in canonical order.
    /// A callback rather than an array, because collation calls this for every accented letter.
    @inline(__always)
    static func forEachMark(of entry: UInt32, _ body: (UInt32) -> Void) {
        var rest = entry >> 8
        while rest != 0 {
            body((rest & 0xFF) + (firstMark - 1))
            rest >>= 8
        }
    }
}
