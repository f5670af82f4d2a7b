/// Which characters make words, digits and escapes, and the ASCII bytes the lexer looks for
/// by name.
extension Lexer {
    /// How a scalar is shown in a message: itself, or `\u{7}` when it would not be visible.
    static func display(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .privateUse, .surrogate, .unassigned, .nonspacingMark, .spacingMark, .enclosingMark:
            if scalar == " " { return " " }
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default:
            return String(scalar)
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= Byte.digit0 && b <= Byte.digit9 }

    static func isASCIILetter(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    static func isASCIILetterOrDigit(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) }

    static func isASCIIWordStart(_ b: UInt8) -> Bool { isASCIILetter(b) || b == Byte.underscore }

    /// Letters, digits and `_ - . /`; false for any byte of 0x80 or more.
    ///
    /// A bit set rather than a chain of comparisons: words are most of a script's bytes, and
    /// the test is a shift here against a dozen comparisons (LexerTests checks the sets).
    @inline(__always) static func isASCIIWordChar(_ b: UInt8) -> Bool {
        b < 64 ? wordCharsBelow64 &>> b & 1 != 0 : b < 128 && wordCharsFrom64 &>> (b - 64) & 1 != 0
    }

    /// Bit `b` set for each word byte `b` below 64: `-` `.` `/` (0x2D–0x2F), `0`–`9` (0x30–0x39).
    static let wordCharsBelow64: UInt64 = 0x03FF_E000_0000_0000
    /// Bit `b - 64` set for each word byte `b` in 64..<128: `A`–`Z` (0x41–0x5A), `_` (0x5F),
    /// `a`–`z` (0x61–0x7A).
    static let wordCharsFrom64: UInt64 = 0x07FF_FFFE_87FF_FFFE

    /// Non-ASCII scalars that continue a word or a variable name: letters, plus combining
    /// marks (a decomposed `é`) and decimal digits of any script.
    static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return false
        }
    }

    static func isWordContinuation(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierContinuation(scalar)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case Byte.digit0...Byte.digit9: return b - Byte.digit0
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// ASCII bytes the lexer looks for, by name.
enum Byte {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let hash = UInt8(ascii: "#")
    static let semicolon = UInt8(ascii: ";")
    static let backslash = UInt8(ascii: "\\")
    static let quote = UInt8(ascii: "\"")
    static let dollar = UInt8(ascii: "$")
    static let digit0 = UInt8(ascii: "0")
    static let digit9 = UInt8(ascii: "9")
    static let dot = UInt8(ascii: ".")
    static let leftParen = UInt8(ascii: "(")
    static let rightParen = UInt8(ascii: ")")
    static let comma = UInt8(ascii: ",")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let star = UInt8(ascii: "*")
    static let slash = UInt8(ascii: "/")
    static let equals = UInt8(ascii: "=")
    static let less = UInt8(ascii: "<")
    static let greater = UInt8(ascii: ">")
    static let bang = UInt8(ascii: "!")
    static let underscore = UInt8(ascii: "_")
}

extension SourceBytes {
    /// The scalar starting at `p` and its length in bytes. Callers have checked that the bytes
    /// there are UTF-8 (`sequenceLength`).
    func decodeScalar(at p: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[p])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let n = bytes.count
        func cont(_ k: Int) -> UInt32 { p + k < n ? UInt32(bytes[p + k] & 0x3F) : 0 }
        let value: UInt32
        let length: Int
        if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | cont(1)
            length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | cont(1) << 6 | cont(2)
            length = 3
        } else {
            value = (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, n - p))
    }
}
