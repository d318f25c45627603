import Foundation

extension StringProtocol {
    /// The text in Unicode NFC. Text that cannot hold a combining mark (every scalar below U+0300, or
    /// precomposed Vietnamese letters in U+1E00…U+1EFF) is returned as it is without calling
    /// Foundation, which is slow on hot paths such as loading data.
    /// Inlinable so that callers in other targets get it specialised for their string type.
    @inlinable package var precomposedStringWithCanonicalMappingPortable: String {
        var needsWork = false
        for scalar in unicodeScalars where scalar.value >= 0x300 && !(0x1E00...0x1EFF).contains(scalar.value) {
            needsWork = true
            break
        }
        return needsWork ? String(self).precomposedStringWithCanonicalMapping : String(self)
    }
}
