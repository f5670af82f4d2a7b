/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
///
/// Dates in cts are plain days: no time of day, no time zone. Arithmetic on them
/// is exact (`DATE - DATE` is a whole number of days).
///
///     let d = Day(year: 2009, month: 3, day: 2)!   // 2009-03-02
///     d.year                                        // 2009
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int32

    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// A date from its parts, or nil when it is not a real date (2009-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Parses `YYYY-MM-DD` exactly; nil for anything else or an impossible date.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The civil parts (year, month, day) of this date.
    public var parts: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { parts.year }

    /// First and last day of a year.
    public static func first(ofYear year: Int) -> Day? { Day(year: year, month: 1, day: 1) }
    public static func last(ofYear year: Int) -> Day? { Day(year: year, month: 12, day: 31) }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// The date `days` later (earlier when negative), or nil outside the years 1 to 9999.
    public func adding(days: Int) -> Day? {
        guard days.magnitude <= UInt(Day.last.daysSinceEpoch - Day.first.daysSinceEpoch) else { return nil }
        let result = Int(daysSinceEpoch) + days
        guard result >= Int(Day.first.daysSinceEpoch), result <= Int(Day.last.daysSinceEpoch) else { return nil }
        return Day(daysSinceEpoch: Int32(result))
    }

    /// The first and last dates cts knows: 0001-01-01 and 9999-12-31.
    public static let first = Day(year: 1, month: 1, day: 1)!
    public static let last = Day(year: 9999, month: 12, day: 31)!

    /// True for dates in the years 1 to 9999 (a date read from elsewhere may lie outside).
    public var isInRange: Bool { Day.first <= self && self <= Day.last }

    /// ISO form, `2009-03-02`.
    public var description: String {
        let (y, m, d) = parts
        return "\(Day.fourDigits(y))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    static func fourDigits(_ year: Int) -> String { pad(year, 4) }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// An inclusive span of days: `2009-01-01..2009-06-30`, or a span of whole years `2008..2012`.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public let first: Day
    public let last: Day
    /// True when written as whole years (`2008..2012`); it prints back the same way.
    public let isYears: Bool

    public init(first: Day, last: Day, isYears: Bool = false) {
        self.first = first
        self.last = last
        self.isYears = isYears
    }

    /// Whole years `from...to`, or nil when a year is out of range.
    public init?(years from: Int, _ to: Int) {
        guard let a = Day.first(ofYear: from), let b = Day.last(ofYear: to) else { return nil }
        self.init(first: a, last: b, isYears: true)
    }

    public func contains(_ day: Day) -> Bool { first <= day && day <= last }

    public var firstYear: Int { first.year }
    public var lastYear: Int { last.year }

    /// `Y1..Y2` for whole years, even when they are one year (`2009..2009`); `DATE..DATE`
    /// otherwise. Years are four digits, as the lexer reads them (`0999..2000`).
    public var spanText: String {
        isYears ? "\(Day.fourDigits(firstYear))..\(Day.fourDigits(lastYear))" : "\(first)..\(last)"
    }

    /// `2008..2012`, `2009`, `0999..2000` (years always in four digits, as the lexer reads them),
    /// or `2009-01-01..2009-06-30`.
    public var description: String {
        guard isYears else { return "\(first)..\(last)" }
        let a = Day.fourDigits(firstYear), b = Day.fourDigits(lastYear)
        return firstYear == lastYear ? a : "\(a)..\(b)"
    }
}
