import CoopQLBase

extension ColumnBuilder {
    /// The type that covers the kinds several parts of one column were read as: unknown parts
    /// (all null) add nothing, int and decimal make decimal, int parts of only 0 and 1 with bool
    /// parts make bool, any other mix makes text. Declared parts all have the declared kind.
    static func combinedKind(_ parts: [ColumnBuilder]) -> Kind {
        if numberConflict(parts) != nil { return .text }
        var result = Kind.unknown
        for part in parts {
            let kind = part.kind == .skip ? .text : part.kind  // a part that gave up is text
            if kind == .unknown || kind == result { continue }
            if result == .unknown {
                result = kind
            } else if (kind == .int && result == .decimal) || (kind == .decimal && result == .int) {
                result = .decimal
            } else if (kind == .bool && result == .int) || (kind == .int && result == .bool) {
                // Bool only if every int part holds 0 and 1 alone; looked at only in this rare case.
                result = parts.allSatisfy { $0.kind != .int || $0.holdsOnlyBits } ? .bool : .text
                if result == .text { return .text }
            } else {
                result = .text
            }
        }
        return result
    }

    /// For an inferred column whose numbers disagree on what a dot means (`1.5` and `1.915`, or
    /// `1.5` and `8.879.000.000`), an example of each: the column then loads as text, not guessed.
    static func numberConflict(_ parts: [ColumnBuilder]) -> (point: String, grouping: String)? {
        guard let point = parts.lazy.compactMap(\.pointExample).first,
              let grouping = parts.lazy.compactMap(\.groupingExample).first else { return nil }
        return (point, grouping)
    }

    /// Whether an inferred column read every number with a dot like `1.500`, so that only the
    /// file's other numbers (or the user) can say what the dot means.
    static func onlyAmbiguous(_ parts: [ColumnBuilder]) -> Bool {
        parts.contains { !$0.isDeclared && !$0.ambiguous.isEmpty }
            && parts.allSatisfy { !$0.isDeclared && !$0.sawVietnamese && $0.pointExample == nil }
    }

    /// True when this part must be read again as text for the column to be `kind`.
    func needsRereading(as kind: Kind) -> Bool {
        kind == .text && self.kind != .text && self.kind != .unknown
    }

    /// Joins the parts of one column, read from consecutive stretches of rows, into the finished
    /// column of type `kind` (from `combinedKind`; a text column's parts must all be text or
    /// unknown). The parts' arrays are released as they are copied, to keep the peak memory down.
    /// A column that never saw a value is text, all null (or of its declared type).
    ///
    /// `vietnamese` says the file writes numbers the Vietnamese way: ambiguous decimals like
    /// `1.500` then take their grouped reading.
    static func merge(_ parts: inout [ColumnBuilder], as kind: Kind, vietnamese: Bool = false) -> Column {
        let rowCount = parts.reduce(0) { $0 + $1.rowCount }
        var validity: Bitmap? = nil
        if parts.contains(where: { !$0.nulls.isEmpty }) {
            var bits = Bitmap(count: rowCount, value: true)
            var first = 0
            for part in parts {
                for row in part.nulls { bits[first + row] = false }
                first += part.rowCount
            }
            validity = bits
        }
        /// Concatenates one array per part; an unknown part (all null) gives zeros.
        func join<T>(_ zero: T, _ take: (inout ColumnBuilder) -> [T]) -> [T] {
            if parts.count == 1, parts[0].kind != .unknown { return take(&parts[0]) }
            var all: [T] = []
            all.reserveCapacity(rowCount)
            for j in parts.indices {
                if parts[j].kind == .unknown {
                    all.append(contentsOf: repeatElement(zero, count: parts[j].rowCount))
                } else {
                    all.append(contentsOf: take(&parts[j]))
                }
            }
            return all
        }
        switch kind {
        case .unknown, .skip:
            return Column.nulls(.text, count: rowCount)
        case .int:
            return Column(.int(join(0) { $0.takeInts() }), validity: validity)
        case .decimal:
            // The ambiguous cells' rows, counted from the column's start, before the parts let go.
            var regrouped: [(row: Int, alternative: Double)] = []
            if vietnamese {
                var first = 0
                for part in parts {
                    regrouped += part.ambiguous.map { (first + $0.row, $0.alternative) }
                    first += part.rowCount
                }
            }
            let wholeOnly = vietnamese && parts.allSatisfy { !$0.isDeclared && !$0.sawCommaDecimal && $0.pointExample == nil }
            var values = join(0) { $0.takeDecimals() }
            for (row, alternative) in regrouped { values[row] = alternative }
            // An inferred column of numbers grouped the Vietnamese way (`95.035`, `8.879.000.000`)
            // with no decimal anywhere is a column of whole numbers.
            if wholeOnly, values.allSatisfy({ $0 == $0.rounded() && abs($0) < 9.0e15 }) {
                return Column(.int(values.map { Int64($0) }), validity: validity)
            }
            return Column(.decimal(values), validity: validity)
        case .date:
            return Column(.date(join(0) { $0.takeDays() }), validity: validity)
        case .bool:
            return Column(.bool(join(false) { $0.takeBools() }), validity: validity)
        case .text:
            return mergeText(&parts, rowCount: rowCount, validity: validity)
        }
    }

    /// The text case of `merge`: the first text part's dictionary is the column's. Its codes stay
    /// as they are, and each later part's strings are looked up (or added) there, in order of
    /// appearance.
    private static func mergeText(_ parts: inout [ColumnBuilder], rowCount: Int, validity: Bitmap?) -> Column {
        // A declared text column may have no value at all; a dictionary needs an entry for code 0.
        guard let lead = parts.firstIndex(where: { $0.kind == .text && !$0.interner.strings.isEmpty }) else {
            return Column.nulls(.text, count: rowCount)
        }
        var dictionary = parts[lead].interner
        parts[lead].interner = CSVTextInterner()
        var all: [Int32] = []
        if parts.count == 1 {
            all = parts[0].takeCodes()  // the lead
        } else {
            all.reserveCapacity(rowCount)
            for j in parts.indices {
                // (The lead's interner has moved into `dictionary`, so it looks empty here.)
                if j != lead && (parts[j].kind == .unknown || parts[j].interner.strings.isEmpty) {
                    all.append(contentsOf: repeatElement(0, count: parts[j].rowCount))  // all null
                    continue
                }
                var codes = parts[j].takeCodes()
                if j != lead {
                    let global = parts[j].interner.strings.map { dictionary.code(forNormalised: $0) }
                    parts[j].interner = CSVTextInterner()
                    global.withUnsafeBufferPointer { map in
                        codes.withUnsafeMutableBufferPointer { c in
                            for i in c.indices { c[i] = map[Int(c[i])] }
                        }
                    }
                }
                all.append(contentsOf: codes)
            }
        }
        return Column(.text(codes: all, dictionary: StringDictionary(dictionary.strings)), validity: validity)
    }
}
