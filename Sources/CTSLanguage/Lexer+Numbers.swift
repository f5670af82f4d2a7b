import CTSDomain

/// Tokens that start with a digit: numbers, dates, years and periods.
extension Lexer {
    // MARK: Numbers, dates, periods

    /// A token that starts with a digit: the maximal run of word characters (plus a `+` in an
    /// exponent, `3.2e+10`), classified as a number, date, period, word or error.
    mutating func numeric() {
        let start = pos
        var i = pos
        let n = bytes.count
        while true {
            i = source.scanWordChars(from: i)
            // `+` directly after an `e`/`E` that follows a digit, and before a digit.
            if i < n, bytes[i] == Byte.plus, i - start >= 2,
                bytes[i - 1] | 0x20 == UInt8(ascii: "e"), Lexer.isDigit(bytes[i - 2]),
                i + 1 < n, Lexer.isDigit(bytes[i + 1])
            {
                i += 1
                continue
            }
            break
        }
        pos = i
        emit(decoded: source.classify(start, i), start, i)
    }
}

extension SourceBytes {
    func classify(_ s: Int, _ e: Int) -> Token.Kind {
        // Most numbers are a few plain digits (`born=1966`, `hours=40`): read them directly,
        // exactly as `Number(text:)` does (fifteen digits are whole thousandths in an Int64).
        if e - s <= 15, bytes[s..<e].allSatisfy(Lexer.isDigit) {
            let value = bytes[s..<e].reduce(Int64(0)) { $0 * 10 + Int64($1 - Byte.digit0) }
            return .number(Number(thousandths: value * 1000))
        }
        if isNumberSyntax(s, e) {
            // Exact when it has at most three decimals (class hours and money add exactly).
            if let value = Number(text: text(s, e)), value.isFinite { return .number(value) }
            return .error(.numberTooLarge(text(s, e)))
        }
        if isDateShape(s, e) {
            if let day = day(s) { return .date(day) }
            return .error(.notARealDate(text(s, e)))
        }
        if let dots = findDotDot(s, e) {
            let l = (s, dots), r = (dots + 2, e)
            if isYearShape(l.0, l.1), isYearShape(r.0, r.1) {
                let a = integer(l.0, l.1), b = integer(r.0, r.1)
                if a > b {
                    return .error(.emptyPeriod(text(s, e), byDays: false))
                }
                if let period = Period(years: a, b) { return .period(period) }
                return .error(.notARealPeriod(text(s, e)))
            }
            if isDateShape(l.0, l.1), isDateShape(r.0, r.1) {
                guard let a = day(l.0) else { return .error(.notARealDate(text(l.0, l.1))) }
                guard let b = day(r.0) else { return .error(.notARealDate(text(r.0, r.1))) }
                if a > b {
                    return .error(.emptyPeriod(text(s, e), byDays: true))
                }
                return .period(Period(first: a, last: b, isYears: false))
            }
        }
        if containsLetter(s, e) { return .word }
        if findDotDot(s, e) != nil {
            return .error(.malformedPeriod(text(s, e)))
        }
        if looksLikeDate(s, e) {
            return .error(.malformedDate(text(s, e)))
        }
        let written = text(s, e)
        return .error(.malformedNumber(written, arithmetic: written.contains("/") || written.contains("-")))
    }

    /// `D(_?D)*(.D(_?D)*)?([eE][+-]?D+)?` over `[s, e)`.
    func isNumberSyntax(_ s: Int, _ e: Int) -> Bool {
        var i = s
        func digits(_ i: inout Int, underscores: Bool) -> Bool {
            guard i < e, Lexer.isDigit(bytes[i]) else { return false }
            i += 1
            while i < e {
                if Lexer.isDigit(bytes[i]) {
                    i += 1
                } else if underscores, bytes[i] == Byte.underscore, i + 1 < e, Lexer.isDigit(bytes[i + 1]) {
                    i += 2
                } else {
                    break
                }
            }
            return true
        }
        guard digits(&i, underscores: true) else { return false }
        if i < e, bytes[i] == Byte.dot {
            i += 1
            guard digits(&i, underscores: true) else { return false }
        }
        if i < e, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < e, bytes[i] == Byte.plus || bytes[i] == Byte.minus { i += 1 }
            guard digits(&i, underscores: false) else { return false }
        }
        return i == e
    }

    /// `DDDD-DD-DD`.
    func isDateShape(_ s: Int, _ e: Int) -> Bool {
        guard e - s == 10 else { return false }
        for k in 0..<10 {
            let b = bytes[s + k]
            if k == 4 || k == 7 {
                if b != Byte.minus { return false }
            } else if !Lexer.isDigit(b) {
                return false
            }
        }
        return true
    }

    func isYearShape(_ s: Int, _ e: Int) -> Bool {
        e - s == 4 && (s..<e).allSatisfy { Lexer.isDigit(bytes[$0]) }
    }

    /// Digits and exactly two `-` (`2009-3-2`): meant as a date.
    func looksLikeDate(_ s: Int, _ e: Int) -> Bool {
        var dashes = 0, slashes = 0
        for i in s..<e {
            let b = bytes[i]
            if b == Byte.minus {
                dashes += 1
            } else if b == Byte.slash {
                slashes += 1
            } else if !Lexer.isDigit(b) {
                return false
            }
        }
        if dashes == 2 && slashes == 0 { return true }
        // `2010/01/01`, `01/02/2010`: a date with slashes, not a division to space out.
        guard slashes == 2 && dashes == 0 else { return false }
        let groups = text(s, e).split(separator: "/")
        return groups.first?.count == 4 || groups.last?.count == 4
    }

    func day(_ s: Int) -> Day? {
        Day(year: integer(s, s + 4), month: integer(s + 5, s + 7), day: integer(s + 8, s + 10))
    }

    func integer(_ s: Int, _ e: Int) -> Int {
        var value = 0
        for i in s..<e { value = value * 10 + Int(bytes[i] - Byte.digit0) }
        return value
    }

    func findDotDot(_ s: Int, _ e: Int) -> Int? {
        var i = s
        while i + 1 < e {
            if bytes[i] == Byte.dot, bytes[i + 1] == Byte.dot { return i }
            i += 1
        }
        return nil
    }

    func containsLetter(_ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            let b = bytes[i]
            if b < 0x80 {
                if Lexer.isASCIILetter(b) { return true }
                i += 1
            } else {
                let (scalar, length) = decodeScalar(at: i)
                if scalar.properties.isAlphabetic { return true }
                i += length
            }
        }
        return false
    }
}
