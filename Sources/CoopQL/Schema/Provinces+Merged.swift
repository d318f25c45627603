/// The 2025 merger seen from queries and reports: which new province an old one belongs to, and
/// the data rolled up so that a province name means the new province.
extension Provinces {
    /// Old name → the province it belongs to since 1 July 2025.
    private static let mergedByName: [String: String] =
        Dictionary(all.map { ($0.name, $0.mergedInto) }, uniquingKeysWith: { first, _ in first })

    /// The province `name` belongs to since 1 July 2025 (`Bắc Giang` → `Bắc Ninh`); a name that
    /// is no old province (already a new one, or unknown) stays as it is.
    public static func merged(_ name: String) -> String { mergedByName[name] ?? name }

    /// The 34 provinces since 1 July 2025, in the order of their first old province.
    public static var mergedNames: [String] {
        var seen = Set<String>()
        return all.compactMap { seen.insert($0.mergedInto).inserted ? $0.mergedInto : nil }
    }

    /// The old provinces that make up the new province `name`, itself first when it kept its name
    /// (`Bắc Ninh` → [`Bắc Ninh`, `Bắc Giang`]).
    public static func formerProvinces(of name: String) -> [String] {
        let parts = all.filter { $0.mergedInto == name }.map(\.name)
        return parts.filter { $0 == name } + parts.filter { $0 != name }
    }
}

extension Session {
    /// Rolls every loaded table with a text `province` column up to the provinces of 1 July 2025:
    /// each old name is replaced by the new province's, so `where province == "Bắc Ninh"` takes
    /// in old Bắc Ninh and Bắc Giang together. The `provinces` table itself is left as it is (it
    /// is the map between the two). Used by `coopql report --merged`.
    public func rollUpToMergedProvinces() {
        for (name, table) in tables where name != "provinces" {
            guard let i = table.schema.index(of: "province"), table.schema.columns[i].type == .text else { continue }
            let column = table.columns[i]
            var rolled = table
            rolled.columns[i] = Column.from((0..<table.rowCount).map { row in
                if case .text(let s) = column[row] { return .text(Provinces.merged(s)) }
                return column[row]
            }, type: .text)
            addTable(name, rolled)
        }
    }
}
