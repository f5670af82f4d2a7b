import CTSDomain

/// A lexical token. It stores its kind and its range; its text is read from the source
/// through the range, never copied unless the kind needs a decoded value (strings, numbers).
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A word: letters (any Unicode letter), digits, `_`, `-`, `.`, `/`, not starting with a
        /// digit. Ids, keywords, enum values, field names and dotted paths are all words.
        case word
        /// A `"..."` string; the payload is the decoded text (escapes applied).
        case string(String)
        /// `42`, `1.5`, `1_200_000`, `3.2e10`.
        case number(Number)
        /// `2009-03-02`; the day is valid.
        case date(Day)
        /// `2008..2012` (inclusive years) or `2009-01-01..2009-06-30`.
        case period(Period)
        /// `$name`; the payload is the name without `$`.
        case variable(String)
        /// Punctuation and operators: `=` `!=` `<` `<=` `>` `>=` `+` `-` `*` `/` `(` `)` `,` `>>`.
        case symbol(String)
        /// The end of one command (a newline that does not continue, or `;`).
        case endOfCommand
        case endOfFile
        /// Text the lexer could not read; the payload says why. The parser reports it.
        case error(LexProblem)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

extension Token {
    /// Whether this is the error for bytes that are not text (invalid UTF-8, a NUL): such
    /// bytes are refused everywhere, also where other odd characters pass (`echo`).
    public var isInvalidText: Bool {
        guard case .error(let problem) = kind else { return false }
        return problem.isInvalidText
    }
}
