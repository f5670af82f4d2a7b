import CTSDomain

/// Dates as the file stores them, `YYYY-MM-DD`, converted without the intermediate strings and
/// arrays of `Day.description` and `Day(iso:)`: a session file holds millions of them.
///
///     DayText.format(Day(year: 2009, month: 3, day: 2)!)   // "2009-03-02"
///     DayText.parse("2009-03-02")                          // Day(2009-03-02)
enum DayText {
    static func format(_ day: Day) -> String {
        let (y, m, d) = day.parts
        return String(unsafeUninitializedCapacity: 10) { b in
            b[0] = UInt8(48 + y / 1000 % 10)
            b[1] = UInt8(48 + y / 100 % 10)
            b[2] = UInt8(48 + y / 10 % 10)
            b[3] = UInt8(48 + y % 10)
            b[4] = 45
            b[5] = UInt8(48 + m / 10)
            b[6] = UInt8(48 + m % 10)
            b[7] = 45
            b[8] = UInt8(48 + d / 10)
            b[9] = UInt8(48 + d % 10)
            return 10
        }
    }

    /// The day of exactly `YYYY-MM-DD`, or nil for anything else or an impossible date.
    static func parse(_ text: String) -> Day? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    static func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let digit = Int(b[i]) &- 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
