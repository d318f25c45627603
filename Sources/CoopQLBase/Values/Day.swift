/// A calendar date, stored as the number of days since 1970-01-01 (proleptic Gregorian), so a date
/// column is a plain array of Int32 and comparing dates is comparing integers.
public struct Day: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01 (negative before).
    public var number: Int32
    /// The day with this number.
    public init(number: Int32) { self.number = number }

    /// The day for a year, month (1–12) and day of month, or nil when no such day exists (31/02).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              (-9999...9999).contains(year) else { return nil }
        // Days from civil: count from 1 March so the leap day falls at the end of a cycle year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(number) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether a year of the Gregorian calendar has 29 February.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// How many days a month of a year has.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `YYYY-MM-DD` (ISO) or `dd/mm/yyyy` (the Vietnamese way); nil for anything else,
    /// including impossible days such as 31/02/2022. Two-digit years are refused, not guessed.
    public static func parse(_ text: some StringProtocol) -> Day? {
        parse(utf8: Array(text.utf8)[...])
    }

    /// A date from UTF-8 bytes (as `parse(_:)`), without making a String.
    public static func parse(utf8 b: ArraySlice<UInt8>) -> Day? {
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            guard !slice.isEmpty else { return nil }
            var n = 0
            for c in slice {
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        let s = b.startIndex
        if b.count == 10, b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-") {
            guard let y = number(b[s..<s + 4]), let m = number(b[s + 5..<s + 7]), let d = number(b[s + 8..<s + 10])
            else { return nil }
            return Day(year: y, month: m, day: d)
        }
        // dd/mm/yyyy, or dd-mm-yyyy as some offices write it.
        let separator = b.contains(UInt8(ascii: "/")) ? UInt8(ascii: "/") : UInt8(ascii: "-")
        let parts = b.split(separator: separator, omittingEmptySubsequences: false)
        if parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
           let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2]) {
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    package static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Earlier days come first.
    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }
}
