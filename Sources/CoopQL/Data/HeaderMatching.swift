import Foundation

/// Matches the headers of an office's file to the data model's columns, and its values to the
/// codes of an enumeration.
///
/// A header names a column when, once case, accents (đ as d), spaces and punctuation are set
/// aside, it is the column's code name, one of its labels (`ColumnLabels`), or a header the user
/// mapped to it (`HeaderMap`); a trailing unit in brackets is ignored (`Vốn điều lệ (đồng)`).
/// So `Tên HTX`, `ten htx` and `TÊN_HTX` all name `cooperatives.name`.
enum HeaderMatching {
    /// The form headers and labels are compared in: folded for search, letters and digits only.
    static func key(_ text: String) -> String {
        String(foldForSearch(text).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    /// The header without a trailing bracketed part: `Vốn điều lệ (triệu đồng)` → `Vốn điều lệ`.
    static func withoutUnit(_ header: String) -> String? {
        guard header.hasSuffix(")"), let open = header.lastIndex(of: "("), open != header.startIndex else { return nil }
        return String(header[..<open])
    }

    /// The declared column each header names, as the code name, or nil for a header kept as it
    /// is (an extra column). Throws the positions of two headers that name one column.
    static func columns(for headers: [String], schema: SchemaTable?, map: HeaderMap) throws(HeaderClash) -> [String?] {
        guard let schema else { return headers.map { _ in nil } }
        var byKey: [String: String] = [:]
        for column in schema.columns {
            for label in [column.name] + schema.labels(of: column.name) where byKey[key(label)] == nil {
                byKey[key(label)] = column.name
            }
        }
        var result: [String?] = []
        var firstHeader: [String: Int] = [:]
        for (index, header) in headers.enumerated() {
            var column = map.column(for: header, table: schema.name) ?? byKey[key(header)]
            if column == nil, let bare = withoutUnit(header) { column = byKey[key(bare)] }
            if let column {
                if let earlier = firstHeader[column] {
                    throw HeaderClash(column: column, first: earlier, second: index)
                }
                firstHeader[column] = index
            }
            result.append(column)
        }
        return result
    }
}

/// Two headers of one file that name the same column (`Tỉnh` and `province`).
struct HeaderClash: Error {
    let column: String
    /// The headers' positions, from 0.
    let first: Int
    let second: Int
}

/// Headers the user maps to columns: lines `header = column`, or `table: header = column` for
/// one table only; `#` starts a comment. Read from a `headers.map` file in a data folder, or given
/// with `--map FILE`. A mapped header is compared as labels are (case, accents, spacing aside).
public struct HeaderMap: Sendable {
    struct Entry: Sendable {
        let table: String?
        let headerKey: String
        let column: String
    }

    var entries: [Entry] = []

    /// No mapping.
    public init() {}

    /// Parses a map's text; `name` is what errors call it.
    public init(text: String, name: String) throws(Diagnostic) {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]).trimmingCharacters(in: .whitespaces) }
            if line.isEmpty { continue }
            guard let equals = line.lastIndex(of: "=") else {
                throw Diagnostic(.data, "line \(number + 1) of the header map has no `=`",
                                 in: SourceText(name: name, text: ""),
                                 hint: "write `header = column` or `table: header = column`, e.g. `Tên đơn vị = name`",
                                 fallbackLocation: (number + 1, 1))
            }
            var header = String(line[..<equals]).trimmingCharacters(in: .whitespaces)
            let column = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            var table: String? = nil
            if let colon = header.firstIndex(of: ":") {
                table = String(header[..<colon]).trimmingCharacters(in: .whitespaces)
                header = String(header[header.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
            guard !header.isEmpty, !column.isEmpty else {
                throw Diagnostic(.data, "line \(number + 1) of the header map needs a header before `=` and a column after it",
                                 in: SourceText(name: name, text: ""), fallbackLocation: (number + 1, 1))
            }
            entries.append(Entry(table: table, headerKey: HeaderMatching.key(header), column: column))
        }
    }

    /// The column a header is mapped to in a table, if any: an entry for that table first.
    func column(for header: String, table: String) -> String? {
        let k = HeaderMatching.key(header)
        return entries.first { $0.table == table && $0.headerKey == k }?.column
            ?? entries.first { $0.table == nil && $0.headerKey == k }?.column
    }

    /// This map's entries, then another's.
    func adding(_ other: HeaderMap) -> HeaderMap {
        var merged = self
        merged.entries += other.entries
        return merged
    }
}

/// The codes of an enumeration and every way an office writes them: the code or a label, in any
/// case, with or without accents (`HTX`, `Nông nghiệp`, `dang hoat dong`). A label listing two
/// words (`yếu, kém`) accepts each.
struct CodeLookup: Sendable {
    private var codeOfKey: [String: String] = [:]
    let codes: Set<String>

    init(_ enumeration: Enumeration) {
        codes = Set(enumeration.codes)
        for v in enumeration.values {
            for text in [v.code, v.vi, v.en] where codeOfKey[HeaderMatching.key(text)] == nil {
                codeOfKey[HeaderMatching.key(text)] = v.code
            }
        }
        for v in enumeration.values {
            for part in (v.vi.split(separator: ",") + v.en.split(separator: ",")) {
                let k = HeaderMatching.key(String(part))
                if !k.isEmpty && codeOfKey[k] == nil { codeOfKey[k] = v.code }
            }
        }
    }

    /// The code a written value stands for, or nil when it is none of them.
    func code(for value: String) -> String? {
        if codes.contains(value) { return value }
        let k = HeaderMatching.key(value)
        return k.isEmpty ? nil : codeOfKey[k]
    }
}

extension CodeLookup {
    /// A loaded column of codes with every label replaced by its code (`Nông nghiệp` →
    /// `agriculture`), so queries compare codes whatever the file wrote. Works on the dictionary:
    /// one lookup per distinct value, then one pass over the cells.
    func canonical(_ column: Column) -> Column {
        guard case .text(let codes, let dictionary) = column.storage else { return column }
        let mapped = dictionary.strings.map { self.code(for: $0) ?? $0 }
        guard mapped != dictionary.strings else { return column }
        var strings: [String] = []
        var index: [String: Int32] = [:]
        let remap: [Int32] = mapped.map { s in
            if let i = index[s] { return i }
            let i = Int32(strings.count)
            strings.append(s)
            index[s] = i
            return i
        }
        let recoded = codes.map { remap[Int($0)] }
        return Column(.text(codes: recoded, dictionary: StringDictionary(strings)), validity: column.validity)
    }
}
