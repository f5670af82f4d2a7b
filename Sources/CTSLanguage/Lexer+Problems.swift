import CTSDomain

/// What the lexer cannot read, with the text of each message. The lexer never throws: a
/// problem becomes an `.error` token at the bad characters, and the parser reports it.
///
///     Lexer.tokens("echo \"abc")   // [word, error(.unterminatedString) at 1:6, ...]
public enum LexProblem: Problem {
    /// A `.` on its own (not in a word or a number).
    case unexpectedDot
    /// A `\` that does not end its line.
    case strayBackslash
    /// A character no token starts with; quotes other than `"` get a hint.
    case unexpectedCharacter(Unicode.Scalar)
    /// `$` with no name after it.
    case missingVariableName
    /// A string that reaches the end of its line or of the text.
    case unterminatedString
    /// `\x` in a string where `x` is not `"`, `\`, `n`, `t` or `u`.
    case unknownEscape(Unicode.Scalar)
    /// `\u` not followed by `{` 1 to 6 hex digits `}`.
    case malformedUnicodeEscape
    /// `\u{D800}`: hex digits that name no scalar.
    case invalidUnicodeScalar(hex: String)
    /// Bytes that are not UTF-8; `byte` is the first bad one.
    case invalidUTF8(byte: UInt8)
    /// A raw NUL byte.
    case nul
    /// A number too large to be finite.
    case numberTooLarge(String)
    /// `2009-02-30`: the shape of a date but no such day.
    case notARealDate(String)
    /// `2012..2008` or `2009-06-30..2009-01-01`.
    case emptyPeriod(String, byDays: Bool)
    /// A period of years outside 0001...9999.
    case notARealPeriod(String)
    /// `2008..12`.
    case malformedPeriod(String)
    /// `2009-3-2`.
    case malformedDate(String)
    /// `1.2.3`; `arithmetic` when it holds a `-` or `/` the user probably meant as an operator.
    case malformedNumber(String, arithmetic: Bool)

    public var phase: Phase { .lexing }

    public var message: String {
        switch self {
        case .unexpectedDot: "unexpected '.'"
        case .strayBackslash: "stray '\\'"
        case .unexpectedCharacter(let scalar):
            switch scalar {
            case "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}":
                "unexpected character '\(Lexer.display(scalar))' (strings use plain double quotes \")"
            default:
                "unexpected character '\(Lexer.display(scalar))'"
            }
        case .missingVariableName: "expected a variable name after '$'"
        case .unterminatedString: "unterminated string"
        case .unknownEscape(let scalar): "unknown escape '\\\(Lexer.display(scalar))' in string"
        case .malformedUnicodeEscape:
            "malformed unicode escape in string: write it as \\u{4E2D} with 1 to 6 hex digits"
        case .invalidUnicodeScalar(let hex): "'\\u{\(hex)}' is not a valid unicode scalar"
        case .invalidUTF8(let byte):
            "invalid UTF-8 (byte 0x\(Self.hex(byte))): a script is UTF-8 text; save the file as UTF-8"
        case .nul: "a NUL byte cannot be in a script; write \\u{0} in a string if it is meant"
        case .numberTooLarge(let text): "number '\(text)' is too large"
        case .notARealDate(let text): "'\(text)' is not a real date"
        case .emptyPeriod(let text, let byDays):
            "empty period \(text): the first \(byDays ? "day" : "year") is after the last"
        case .notARealPeriod(let text): "'\(text)' is not a real period: years run from 0001 to 9999"
        case .malformedPeriod(let text): "malformed period '\(text)': write 2008..2012 or 2009-01-01..2009-06-30"
        case .malformedDate(let text): "malformed date '\(text)': write dates as YYYY-MM-DD"
        case .malformedNumber(let text, let arithmetic):
            arithmetic
                ? "malformed number '\(text)': put spaces around - and / to do arithmetic, as in 1 / 3"
                : "malformed number '\(text)'"
        }
    }

    /// Whether this is text that cannot be kept intact (spec §1): such bytes are refused
    /// everywhere, also where other odd characters pass (`echo`).
    public var isInvalidText: Bool {
        switch self {
        case .invalidUTF8, .nul: true
        default: false
        }
    }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return hex.count == 1 ? "0" + hex : hex
    }
}
