import Foundation
import CoopQLBase

/// Checks made before a large allocation rather than after it: a stage that can tell how many
/// rows it is about to make (a join, a pivot) asks first, so a query past the memory limit stops
/// with an error instead of the process being killed for the memory it asked for.
extension RunBudget {
    /// Whether `rows` more rows of about `bytesPerRow` bytes each fit the run's row and memory
    /// limits; throws the limit's error when they do not. Counts nothing: the stage's output is
    /// counted as usual once it exists.
    func admit(rows newRows: Int, bytesPerRow: Int, what: String, unit: String = "rows") throws {
        if let max = limits.maxRows, newRows > max - min(rows, max) {
            throw LimitExceeded(limit: "row", message: "\(what) would give \(newRows) \(unit), over the limit of \(max) rows",
                                beforeAllocation: true)
        }
        guard let max = limits.maxBytes else { return }
        let (size, overflow) = newRows.multipliedReportingOverflow(by: bytesPerRow)
        if overflow || size > max - min(bytes, max) {
            let needed = overflow ? "more than any memory" : "about \(ByteSize.describe(size))"
            throw LimitExceeded(limit: "memory",
                                message: "\(what) would give \(newRows) \(unit), \(needed), over the memory limit of \(ByteSize.describe(max))",
                                beforeAllocation: true)
        }
    }
}

/// Sizes in bytes as people write them: `512MB`, `4GB`, `1.5GB`, `800KB`, or a plain number of
/// bytes; units are powers of 1024, as memory is counted.
public enum ByteSize {
    static let units: [(String, Int)] = [("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]

    /// The number of bytes `text` names, or nil when it is not a size.
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for (unit, scale) in units where t.hasSuffix(unit) {
            let number = t.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite, value > 0, value * Double(scale) < 9e18 else { return nil }
            return Int(value * Double(scale))
        }
        guard let value = Int(t), value > 0 else { return nil }
        return value
    }

    /// A size for people: `512 MB`, `7.8 GB`.
    public static func describe(_ bytes: Int) -> String {
        for (unit, scale) in units where bytes >= scale && scale > 1 {
            let value = Double(bytes) / Double(scale)
            let rounded = (value * 10).rounded() / 10
            return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + unit
        }
        return "\(bytes) bytes"
    }
}

/// What one row of a join's output holds: a row number of each side while it is matched, then a
/// cell of every column of both sides.
enum JoinBytes {
    static func perRow(_ left: Table, _ right: Table) -> Int {
        8 + (left.columns + right.columns).reduce(0) { $0 + $1.bytesPerCell }
    }
}

extension Column {
    /// The bytes one cell takes in its storage (a text cell is a code into the dictionary).
    var bytesPerCell: Int {
        switch storage {
        case .int, .decimal: return 8
        case .date, .text: return 4
        case .bool: return 1
        }
    }
}
