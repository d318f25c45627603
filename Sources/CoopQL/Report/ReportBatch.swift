import Foundation

/// `coopql report TEMPLATE --each province|district`: the template rendered once per value, one
/// file each, named from the value, with an index page.
public enum ReportBatch {
    /// What a batch runs over.
    public enum Unit: String, Sendable, CaseIterable {
        case province, district
    }

    /// One report of a batch: the parameters it is rendered with and the file it goes to.
    public struct Item: Sendable, Equatable {
        /// What the index page shows (`Bắc Ninh`, `Từ Sơn (Bắc Ninh)`).
        public var title: String
        /// `province` (and `district`) for the template.
        public var parameters: [String: String]
        /// The file name without extension: `bac-ninh`; a district whose name is found in two
        /// provinces takes its province too: `chau-thanh-tien-giang`.
        public var stem: String
    }

    /// More reports than this are not written without `--yes` or `--limit`: thousands of files
    /// are rarely what was meant.
    public static let confirmationThreshold = 100

    /// The reports of a batch over the session's `cooperatives`: every province (or
    /// province-and-district pair) found there, provinces in their usual order.
    public static func items(_ unit: Unit, in session: Session) throws(Diagnostic) -> [Item] {
        guard let table = session.tables["cooperatives"],
              let p = table.schema.index(of: "province") else {
            throw Diagnostic(.usage, "--each needs a `cooperatives` table with a `province` column",
                             suggestion: "load the data with --data DIR")
        }
        let provinces = table.columns[p]
        switch unit {
        case .province:
            var seen = Set<String>()
            for row in 0..<table.rowCount { if case .text(let s) = provinces[row] { seen.insert(s) } }
            return orderedProvinces(seen).map { Item(title: $0, parameters: ["province": $0], stem: slug($0)) }
        case .district:
            guard let d = table.schema.index(of: "district") else {
                throw Diagnostic(.usage, "--each district needs a `district` column in `cooperatives`")
            }
            let districts = table.columns[d]
            var byProvince: [String: Set<String>] = [:]
            for row in 0..<table.rowCount {
                guard case .text(let province) = provinces[row], case .text(let district) = districts[row] else { continue }
                byProvince[province, default: []].insert(district)
            }
            var provincesOfDistrict: [String: Int] = [:]
            for names in byProvince.values { for n in names { provincesOfDistrict[slug(n), default: 0] += 1 } }
            return orderedProvinces(Set(byProvince.keys)).flatMap { province in
                byProvince[province]!.sorted { vietnameseOrder($0, $1) }.map { district in
                    let repeated = provincesOfDistrict[slug(district)]! > 1
                    return Item(title: "\(district) (\(province))", parameters: ["province": province, "district": district],
                                stem: repeated ? slug(district) + "-" + slug(province) : slug(district))
                }
            }
        }
    }

    /// Provinces in the usual order (north to south) where known, the rest after them by name.
    static func orderedProvinces(_ names: Set<String>) -> [String] {
        let known = (Provinces.all.map(\.name) + Provinces.mergedNames).reduce(into: [String]()) { list, n in
            if names.contains(n), !list.contains(n) { list.append(n) }
        }
        return known + names.subtracting(known).sorted { vietnameseOrder($0, $1) }
    }

    static func vietnameseOrder(_ a: String, _ b: String) -> Bool {
        let fa = foldForSearch(a), fb = foldForSearch(b)
        return fa != fb ? fa < fb : a < b
    }

    /// A file name from a value: `Bắc Ninh` → `bac-ninh`, `Thành phố Hồ Chí Minh` →
    /// `thanh-pho-ho-chi-minh`: diacritics dropped, đ as d, anything but letters and digits a dash.
    public static func slug(_ value: String) -> String {
        var out = ""
        for ch in foldForSearch(value).unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "report" : out
    }

    /// The index page: a self-contained HTML page linking every report.
    public static func indexPage(title: String, items: [Item], fileExtension: String, language: Language,
                                 note: String?) -> String {
        var body = "<h1>\(HTMLPage.escape(title))</h1>\n"
        if let note { body += "<p>\(HTMLPage.escape(note))</p>\n" }
        body += "<ul>\n"
        for item in items {
            body += "<li><a href=\"\(HTMLPage.escape(item.stem)).\(fileExtension)\">\(HTMLPage.escape(item.title))</a></li>\n"
        }
        body += "</ul>\n"
        return HTMLPage.page(title: title, language: language, body: body)
    }
}

extension ReportDocument {
    /// The note a report rolled up to the provinces of 1 July 2025 carries, saying what its
    /// province now takes in: "tỉnh Bắc Ninh (mới) gồm tỉnh Bắc Ninh và tỉnh Bắc Giang cũ".
    public static func mergerNote(province: String?, language: Language) -> String {
        let vi = language == .vi
        guard let province, !Provinces.formerProvinces(of: province).isEmpty else {
            return vi ? "Số liệu tính theo 34 tỉnh, thành phố sau sắp xếp đơn vị hành chính từ ngày 01/07/2025."
                      : "Figures are for the 34 provinces and cities formed on 1 July 2025."
        }
        let parts = Provinces.formerProvinces(of: province)
        if parts.count == 1 {
            return vi ? "Số liệu tính theo đơn vị hành chính từ ngày 01/07/2025; tỉnh \(province) không sáp nhập."
                      : "Figures follow the provinces of 1 July 2025; \(province) was not merged."
        }
        let joined = parts.dropLast().joined(separator: ", ") + (vi ? " và " : " and ") + parts.last!
        return vi ? "Số liệu tính theo đơn vị hành chính từ ngày 01/07/2025: tỉnh \(province) gồm các tỉnh \(joined) cũ."
                  : "Figures follow the provinces of 1 July 2025: \(province) takes in the former provinces of \(joined)."
    }

    /// The document with `note` as a paragraph of its own after its first heading line (or at
    /// the top when it has none), so whoever reads any page of it sees it.
    public func withNote(_ note: String) -> ReportDocument {
        var copy = self
        let paragraph: [Piece] = [.template("\n\n*"), .data(note), .template("*\n")]
        for (i, piece) in pieces.enumerated() {
            guard case .template(let text) = piece else { continue }
            if i == 0, !text.hasPrefix("#") { break }
            guard let newline = text.firstIndex(of: "\n") else { continue }
            copy.pieces.replaceSubrange(i...i, with: [.template(String(text[..<newline]))] + paragraph
                                                    + [.template(String(text[text.index(after: newline)...]))])
            return copy
        }
        copy.pieces.insert(contentsOf: [.data(note), .template("\n\n")], at: 0)
        return copy
    }
}
