/// A number as cts computes with it: an exact decimal with up to three places where it can be,
/// binary floating point where it cannot.
///
/// Class hours and money must add and compare exactly: 20.7 + 24.9 + 4.4 is 50, not
/// 49.99999999999999. So numbers written in a script, stored in a record or summed from records
/// are kept as whole thousandths in an `Int64` (`exact`). Arithmetic whose result has no exact
/// form — `1 / 3`, a product with six decimals, a sum past ±9.2 × 10¹⁵ — falls back to `Double`
/// (`binary`), which is what the rest of an expression may use.
///
///     Number(text: "20.7")! + Number(text: "24.9")! + Number(text: "4.4")!   // 50, exact
///     Number(1) / Number(3)                                                  // 0.3333333333333333
///
/// A `Double` that is the nearest one to some thousandths (`7.5`, `0.25`, `20.7`) is read back as
/// exact, so the two forms never disagree about equality, hashing or how a number prints.
public struct Number: Hashable, Comparable, Sendable, CustomStringConvertible {
    enum Storage: Hashable, Sendable {
        /// Whole thousandths.
        case exact(Int64)
        case binary(Double)
    }

    let storage: Storage

    /// Thousandths in one unit: the exact form has three decimal places.
    public static let scale: Int64 = 1000

    /// The exact number `thousandths / 1000`.
    public init(thousandths: Int64) { storage = .exact(thousandths) }

    public init(_ whole: Int) {
        let (t, overflow) = Int64(whole).multipliedReportingOverflow(by: Self.scale)
        storage = overflow ? .binary(Double(whole)) : .exact(t)
    }

    /// The exact form when `d` is the nearest double to some thousandths, else `d` itself.
    public init(_ d: Double) {
        if let t = Number.thousandths(exactly: d) { storage = .exact(t) } else { storage = .binary(d) }
    }

    /// The decimal `d` prints as (its shortest form), exact when that has at most three
    /// decimals and fits: past 2⁵⁰ thousandths a double is no longer within a thousandth of
    /// one value, and this is the one it stands for. How a session file's REALs are read as
    /// hours and money (`RowReader.amount`), so that `funds=2000000000000` reads back.
    public init(shortestDecimal d: Double) {
        if let t = Number.thousandths(exactly: d) {
            storage = .exact(t)
        } else if d.isFinite, let t = Number.thousandths(decimalText: String(d)) {
            storage = .exact(t)
        } else {
            storage = .binary(d)
        }
    }

    /// Reads decimal text exactly: `20.7`, `1_200_000`, `3.2e10`, `-0.25`. Text with more than
    /// three decimals, or too large to be exact, is read as a double; nil when it is no number.
    public init?(text: some StringProtocol) {
        if let t = Number.thousandths(decimalText: text) {
            self.init(thousandths: t)
        } else if let d = Double(String(text.filter { $0 != "_" })) {
            self.init(d)
        } else {
            return nil
        }
    }

    /// Thousandths of the exact form, nil for a binary number.
    public var thousandths: Int64? {
        if case .exact(let t) = storage { return t }
        return nil
    }

    public var isExact: Bool { thousandths != nil }

    public var double: Double {
        switch storage {
        case .exact(let t): Double(t) / Double(Self.scale)
        case .binary(let d): d
        }
    }

    public var isFinite: Bool { double.isFinite }

    /// The value as a whole number, nil when it has a fraction or does not fit an `Int`.
    public var integer: Int? {
        switch storage {
        case .exact(let t): t % Self.scale == 0 ? Int(t / Self.scale) : nil
        case .binary(let d): d == d.rounded() && abs(d) < 9e15 ? Int(d) : nil
        }
    }

    /// True when the number survives a trip through a `Double` exactly, as it must to be stored
    /// in a record: session files keep numbers as SQLite REALs, read back with
    /// ``init(shortestDecimal:)``. (Compared as doubles, every large number "survived", and
    /// `funds=12345678901234.567` made a file that no longer opened.)
    public var survivesDouble: Bool {
        guard case .exact(let t) = storage else { return true }
        guard case .exact(let back) = Number(shortestDecimal: double).storage else { return false }
        return back == t
    }

    public static let zero = Number(thousandths: 0)

    // MARK: Arithmetic

    public static func + (a: Number, b: Number) -> Number {
        if case .exact(let x) = a.storage, case .exact(let y) = b.storage {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return Number(thousandths: sum) }
        }
        return Number(a.double + b.double)
    }

    public static func - (a: Number, b: Number) -> Number {
        if case .exact(let x) = a.storage, case .exact(let y) = b.storage {
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if !overflow { return Number(thousandths: difference) }
        }
        return Number(a.double - b.double)
    }

    public static func * (a: Number, b: Number) -> Number {
        if case .exact(let x) = a.storage, case .exact(let y) = b.storage {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow, product % scale == 0 { return Number(thousandths: product / scale) }
        }
        return Number(a.double * b.double)
    }

    /// a / b; the caller decides what division by zero means.
    public static func / (a: Number, b: Number) -> Number {
        if case .exact(let x) = a.storage, case .exact(let y) = b.storage, y != 0 {
            let (scaled, overflow) = x.multipliedReportingOverflow(by: scale)
            if !overflow, scaled % y == 0 { return Number(thousandths: scaled / y) }
        }
        return Number(a.double / b.double)
    }

    public static prefix func - (a: Number) -> Number {
        if case .exact(let x) = a.storage, x != .min { return Number(thousandths: -x) }
        return Number(-a.double)
    }

    public static func += (a: inout Number, b: Number) { a = a + b }

    public var isZero: Bool { double == 0 }

    /// Rounded half away from zero to `places` decimals (0 to 15); exact numbers stay exact.
    public func rounded(places: Int) -> Number {
        if case .exact(let t) = storage {
            guard places < 3 else { return self }
            var unit: Int64 = 1
            for _ in places..<3 { unit *= 10 }
            let half = unit / 2, remainder = t % unit
            var down = t - remainder
            if remainder >= half { down += unit } else if remainder <= -half { down -= unit }
            return Number(thousandths: down)
        }
        var scale = 1.0
        for _ in 0..<max(0, min(15, places)) { scale *= 10 }
        return Number((double * scale).rounded() / scale)
    }

    // MARK: Comparison

    public static func < (a: Number, b: Number) -> Bool {
        if case .exact(let x) = a.storage, case .exact(let y) = b.storage { return x < y }
        return a.double < b.double
    }

    public static func == (a: Number, b: Number) -> Bool {
        switch (a.storage, b.storage) {
        case (.exact(let x), .exact(let y)): x == y
        default: a.double == b.double
        }
    }

    /// By the double value, so that an exact and a binary number that are equal (possible for
    /// whole numbers past 2⁵⁰ thousandths) hash alike; two exact numbers that share a double
    /// only collide.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(double)
    }

    // MARK: Text

    /// Shortest form (spec §3): `390`, `7.5`, `0.25`, `32000000000`; never a trailing `.0`.
    public var description: String {
        switch storage {
        case .exact(let t):
            let whole = t / Self.scale, fraction = (t % Self.scale).magnitude
            let sign = t < 0 && whole == 0 ? "-" : ""
            guard fraction != 0 else { return "\(sign)\(whole)" }
            var digits = String(fraction)
            digits = String(repeating: "0", count: 3 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            return "\(sign)\(whole).\(digits)"
        case .binary(let d):
            return formatNumber(d)
        }
    }

    // MARK: Conversions

    /// Thousandths whose nearest double is exactly `d`, or nil.
    static func thousandths(exactly d: Double) -> Int64? {
        let scaled = (d * Double(scale)).rounded()
        // 2⁵⁰: below it the scaled value is exact to well within one thousandth.
        guard scaled.isFinite, abs(scaled) < 1_125_899_906_842_624 else { return nil }
        let t = Int64(scaled)
        return Double(t) / Double(scale) == d ? t : nil
    }

    /// Exact thousandths of decimal text (`D(_D)*[.D+][e[+-]D+]`), or nil when it has more than
    /// three decimals, does not fit, or is not such text.
    static func thousandths(decimalText text: some StringProtocol) -> Int64? {
        var mantissa: Int64 = 0
        var fractionDigits = 0
        var exponent = 0
        var negative = false
        var sawDigit = false
        var sawDot = false
        var iterator = text.utf8.makeIterator()
        var byte = iterator.next()
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            byte = iterator.next()
        }
        while let b = byte {
            if b >= 48 && b <= 57 {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(Int64(b - 48))
                guard !o1, !o2 else { return nil }
                mantissa = m2
                sawDigit = true
                if sawDot { fractionDigits += 1 }
            } else if b == UInt8(ascii: "_"), sawDigit {
                // digit separators: 1_200_000
            } else if b == UInt8(ascii: "."), !sawDot, sawDigit {
                sawDot = true
            } else if b | 0x20 == UInt8(ascii: "e"), sawDigit {
                var rest = ""
                while let c = iterator.next() { rest.unicodeScalars.append(Unicode.Scalar(c)) }
                guard let e = Int(rest), abs(e) < 40 else { return nil }
                exponent = e
                break
            } else {
                return nil
            }
            byte = iterator.next()
        }
        guard sawDigit else { return nil }
        // value = mantissa × 10^(exponent − fractionDigits); thousandths = value × 10³.
        var shift = exponent - fractionDigits + 3
        var t = mantissa
        while shift > 0 {
            let (next, overflow) = t.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            t = next
            shift -= 1
        }
        while shift < 0 {
            guard t % 10 == 0 else { return nil }
            t /= 10
            shift += 1
        }
        return negative ? -t : t
    }
}

extension Number: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
    public init(floatLiteral value: Double) { self.init(value) }
}

/// Doubles in shortest form: integral values below 2⁵³ as plain digits (`1000000000000000`),
/// anything else as Swift's shortest round-trip text.
public func formatNumber(_ n: Double) -> String {
    if n.isNaN { return "NaN" }
    if n.isInfinite { return n < 0 ? "-inf" : "inf" }
    if n == n.rounded(), abs(n) < 9_007_199_254_740_992 {
        return String(Int64(n))
    }
    return "\(n)"
}
