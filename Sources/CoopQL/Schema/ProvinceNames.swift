/// The names a literal compared with `province` may take: the 63 provinces before the 2025
/// merger, the 34 since 1 July 2025, and the forms offices write (`Tỉnh Bắc Ninh`,
/// `TP. Hồ Chí Minh`, `TP HCM`, `Thành phố Hà Nội`). The built-in lists decide, never the loaded
/// data, so a misspelt name in a file does not make itself valid.
///
/// Source of the 34: Resolution 202/2025/QH15 of the National Assembly (12 June 2025), in force
/// from 1 July 2025 — the 11 provinces left unchanged and the 23 formed by merging the other 52.
/// They are the `mergedInto` names of `Provinces.all`, listed here once so a test can hold them
/// to the resolution's count.
public enum ProvinceNames {
    /// The 34 provinces and centrally run cities since 1 July 2025, in the usual order.
    public static let since2025: [String] = {
        var seen = Set<String>(), names: [String] = []
        for p in Provinces.all where seen.insert(p.mergedInto).inserted { names.append(p.mergedInto) }
        return names
    }()

    /// The 63 before the merger, then those of the 34 that are new names (Huế).
    public static let all: [String] = {
        let before = Provinces.all.map(\.name)
        let known = Set(before)
        return before + since2025.filter { !known.contains($0) }
    }()

    private static let byName: Set<String> = Set(all)

    /// Words offices put before a name: "Tỉnh Bắc Ninh", "Thành phố Hà Nội", "TP. Hồ Chí Minh".
    static let officePrefixes = ["tỉnh ", "thành phố ", "tp. ", "tp.", "tp "]

    /// Short forms in common use, written without the office word.
    static let shortForms: [String: String] = [
        "hcm": "TP. Hồ Chí Minh", "tphcm": "TP. Hồ Chí Minh", "tp.hcm": "TP. Hồ Chí Minh",
        "sài gòn": "TP. Hồ Chí Minh", "hn": "Hà Nội",
        "bà rịa vũng tàu": "Bà Rịa - Vũng Tàu", "bà rịa-vũng tàu": "Bà Rịa - Vũng Tàu",
        "bà rịa – vũng tàu": "Bà Rịa - Vũng Tàu", "thừa thiên - huế": "Thừa Thiên Huế",
    ]

    /// The built-in name `written` stands for: itself when it is one, the name an office form or
    /// short form stands for, else nil. Case and the tone-mark placement (`Hoà`/`Hòa`) do not
    /// matter; accents do (`Bac Ninh` is not a name: `=~` is the way to ignore them).
    public static func canonical(_ written: String) -> String? {
        let text = normalizedToneMarks(written.precomposedStringWithCanonicalMappingPortable)
            .trimmingCharacters(in: .whitespaces)
        if byName.contains(text) { return text }
        let lower = text.lowercased()
        if let short = shortForms[lower] { return short }
        var rest = lower
        for prefix in officePrefixes where rest.hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if let short = shortForms[rest] { return short }
        return lowercasedNames[rest] ?? lowercasedNames["tp. " + rest]
    }

    private static let lowercasedNames: [String: String] =
        Dictionary(all.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The built-in name closest to a name that is none: the one equal once accents are ignored,
    /// else the nearest by spelling.
    public static func closest(to written: String) -> String? {
        let folded = foldForSearch(written)
        if let same = all.first(where: { foldForSearch($0) == folded }) { return same }
        return suggestion(for: written, among: all)
    }
}
