import Foundation

/// Where the table lies in a CSV file as an office exports it: title rows may stand above the
/// header ("DANH SÁCH HỢP TÁC XÃ…", "Đơn vị tính: triệu đồng") and a totals row ("Tổng cộng",
/// "Cộng") below the last data row. Both are left out, with a notice naming them.
///
/// The header is the first of the file's first 30 lines that holds two or more non-empty fields
/// and, for a table of the data model, names at least two of its columns; every line above it
/// must hold at most one non-empty field (a title), or the header is line 1 as in any CSV file.
/// The totals row is the last non-blank line when its first non-empty field is `Tổng cộng`,
/// `Cộng`, `Tổng`, `Tổng số` or `Total` (any case, accents optional).
struct OfficeLayout {
    /// Where the header line starts.
    var headerStart: Int
    /// Where the data ends: the end of the bytes, or the start of the totals row.
    var dataEnd: Int
    /// What was left out, for the user.
    var titleLines: [(line: Int, text: String)] = []
    var totalsLine: (line: Int, text: String)?

    static let totalsWords: Set<String> = ["tongcong", "cong", "tong", "tongso", "total", "totals", "grandtotal"]

    static func find(_ base: UnsafePointer<UInt8>, count: Int, start: Int, schema: SchemaTable?,
                     map: HeaderMap) -> OfficeLayout {
        var layout = OfficeLayout(headerStart: start, dataEnd: count)
        // The first lines, each with its start and fields.
        var lines: [(start: Int, fields: [String])] = []
        var i = start
        while i < count && lines.count < 30 {
            let lineStart = i
            guard let fields = Self.fields(base, count: count, from: &i) else { return layout }
            lines.append((lineStart, fields))
        }
        func nonEmpty(_ fields: [String]) -> [String] { fields.filter { !$0.isEmpty } }
        func isHeader(_ fields: [String]) -> Bool {
            let named = nonEmpty(fields)
            guard named.count >= 2 else { return false }
            guard let schema else { return true }
            let matched = (try? HeaderMatching.columns(for: named, schema: schema, map: map))?.compactMap { $0 }.count ?? 2
            return matched >= 2
        }
        guard let header = lines.firstIndex(where: { isHeader($0.fields) }), header > 0 else { return layout }
        // Above the header: titles, one text a line, and at least one of them (a blank line 1
        // alone stays the error it always was).
        guard lines[..<header].allSatisfy({ nonEmpty($0.fields).count <= 1 }),
              lines[..<header].contains(where: { !nonEmpty($0.fields).isEmpty }) else { return layout }
        layout.headerStart = lines[header].start
        for (n, line) in lines[..<header].enumerated() {
            if let text = nonEmpty(line.fields).first { layout.titleLines.append((n + 1, text)) }
        }
        return layout
    }

    /// Finds a totals row at the end of the data (from `dataStart`): the last non-blank line.
    mutating func findTotals(_ base: UnsafePointer<UInt8>, count: Int, dataStart: Int, lineOf: (Int) -> Int) {
        // Back over trailing line breaks and blanks, then to the start of the last line.
        var end = dataEnd
        while end > dataStart, [0x0A, 0x0D, 0x20, 0x09].contains(base[end - 1]) { end -= 1 }
        guard end > dataStart else { return }
        var lineStart = end
        while lineStart > dataStart, base[lineStart - 1] != 0x0A { lineStart -= 1 }
        var i = lineStart
        guard let fields = Self.fields(base, count: end, from: &i),
              let first = fields.first(where: { !$0.isEmpty }),
              Self.totalsWords.contains(HeaderMatching.key(first)) else { return }
        dataEnd = lineStart
        totalsLine = (lineOf(lineStart), first)
    }

    /// The trimmed fields of the line at `i` (separator told from the line itself), leaving `i`
    /// at the next line; nil at a quote left open or text that is not UTF-8.
    private static func fields(_ base: UnsafePointer<UInt8>, count: Int, from i: inout Int) -> [String]? {
        var parser = CSVParser(base: base, count: count, start: i)
        var fields: [String] = []
        repeat {
            guard let field = try? parser.scanField(&i) else { return nil }
            let text = parser.withBytes(of: field) { p, n in String(validating: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
            guard let text else { return nil }
            fields.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
        } while parser.passFieldEnd(&i)
        return fields
    }

    /// The notices for what was left out.
    func notices(path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if !titleLines.isEmpty {
            let shown = titleLines.map { "line \($0.line) “\(ProblemWriter.shown($0.text))”" }.joined(separator: ", ")
            out.append(fileNotice(path, "left out \(titleLines.count) title line\(titleLines.count == 1 ? "" : "s") above the header: \(shown)",
                                  line: titleLines[0].line))
        }
        if let totalsLine {
            out.append(fileNotice(path, "left out the totals row at line \(totalsLine.line) (“\(ProblemWriter.shown(totalsLine.text))”)",
                                  hint: "totals are worked out by queries; a totals row would count twice", line: totalsLine.line))
        }
        return out
    }
}
