import CoopQLBase

/// Numbers too large for their column: `99999999999999999999999` where a whole number belongs
/// (past Int64), `1e400` anywhere a number belongs (past the largest Double). Read as they were,
/// the first would be rounded to 1e+23 and the second would be ∞ or null; instead the cell is
/// refused at its place, so no value is changed or lost without a word.
extension ColumnBuilder {
    /// Whether the bytes are a number that this column, as it stands, cannot hold.
    func isOversized(_ p: UnsafePointer<UInt8>, _ n: Int, _ notation: Notation) -> Bool {
        guard n > 0, notation != .jsonString || isDeclared else { return false }
        switch kind {
        case .int, .unknown:
            if ColumnBuilder.isWholeNumber(p, n) { return CSVValueParser.int(p, n) == nil }
            return CSVValueParser.decimal(p, n).map { !$0.isFinite } ?? false
        case .decimal:
            return CSVValueParser.decimal(p, n).map { !$0.isFinite } ?? false
        default:
            return false
        }
    }

    /// An optional `-` and digits only: a whole number, whatever its size.
    static func isWholeNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let start = p[0] == UInt8(ascii: "-") ? 1 : 0
        guard n > start else { return false }
        for i in start..<n where p[i] &- UInt8(ascii: "0") > 9 { return false }
        return true
    }
}
