/// Column widths for a box table that has to fit a terminal.
///
/// First the widest text columns are cut, but no narrower than `readableTextWidth`; when that is
/// not enough, trailing columns are dropped (the renderer names them in a note) rather than
/// cutting names to a few letters. Only a table whose first column alone is too wide has text cut
/// further, down to `minimumTextWidth`. Numbers, dates and bools are never cut: a cut number is
/// a wrong number.
enum BoxTableLayout {
    /// Narrowest a text column is cut to while columns can still be dropped instead: every
    /// province name ("Bà Rịa - Vũng Tàu") and the start of a cooperative's name stay whole.
    static let readableTextWidth = 18
    /// Narrowest a text column is ever cut to, when nothing is left to drop.
    static let minimumTextWidth = 6

    /// Columns drawn with the given content widths: "│ " before each, " │" after the last.
    static func drawnWidth(_ widths: some Collection<Int>) -> Int {
        widths.reduce(0, +) + 3 * widths.count + 1
    }

    /// The widths of the columns to draw: a prefix of `natural` (the others are dropped), each
    /// column no wider than its natural width. Without a limit, the natural widths.
    static func fit(natural: [Int], text: [Bool], limit: Int?) -> [Int] {
        guard let limit, drawnWidth(natural) > limit else { return natural }
        var floor = natural.indices.map { text[$0] ? min(natural[$0], readableTextWidth) : natural[$0] }
        var kept = natural.count
        // Always keep the first column: an empty table would tell less than a too-wide one.
        while kept > 1 && drawnWidth(floor.prefix(kept)) > limit { kept -= 1 }
        if drawnWidth(floor.prefix(kept)) > limit {
            floor = natural.indices.map { text[$0] ? min(natural[$0], minimumTextWidth) : natural[$0] }
        }
        var widths = Array(natural.prefix(kept))
        shrink(&widths, floor: floor, by: drawnWidth(widths) - limit)
        return widths
    }

    /// Takes `excess` columns off the widest columns that are above their floor, so that long
    /// text loses width before short text does.
    private static func shrink(_ widths: inout [Int], floor: [Int], by excess: Int) {
        var excess = excess
        while excess > 0 {
            let candidates = widths.indices.filter { widths[$0] > floor[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
            // Cut straight down to the next widest column, rather than one column at a time.
            let next = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let step = max(1, min(excess, widths[widest] - max(next, floor[widest])))
            widths[widest] -= step
            excess -= step
        }
    }
}
