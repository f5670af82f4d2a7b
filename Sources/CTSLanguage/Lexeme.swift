/// A token as the lexer hands it to the parser: its kind and range, and where its decoded
/// value is kept, if it has one.
///
/// Unlike ``Token``, whose kind may hold a `String`, a lexeme holds no reference: it is
/// trivially copyable, so peeking at one, copying it and dropping it are plain moves of 40
/// bytes. (With `Token`, every `peek` and `advance` copied and destroyed through value
/// witnesses: most of what parsing a big script cost.) The decoded values that cannot be
/// read back from the source cheaply — numbers, dates, periods, lexer errors, strings with
/// escapes — live beside the lexemes in a ``LexemeBuffer``.
struct Lexeme {
    enum Kind: Equatable {
        case word
        case string
        case number
        case date
        case period
        case variable
        case symbol(Symbol)
        case endOfCommand
        case endOfFile
        case error

        /// Written out (the derived one is a call per comparison): the parser compares kinds
        /// at nearly every token.
        @inline(__always) static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case (.symbol(let x), .symbol(let y)): x == y
            case (.word, .word), (.string, .string), (.number, .number), (.date, .date), (.period, .period),
                (.variable, .variable), (.endOfCommand, .endOfCommand), (.endOfFile, .endOfFile), (.error, .error):
                true
            default: false
            }
        }
    }

    var kind: Kind
    /// The index of the decoded value in the buffer's `values`, or ``noValue`` for a kind
    /// whose value is its text: a word, a symbol, a variable (the name after `$`), a string
    /// without escapes (the bytes between the quotes).
    var value: Int32
    var range: SourceRange

    static let noValue: Int32 = -1

    init(_ kind: Kind, _ range: SourceRange, value: Int32 = Lexeme.noValue) {
        self.kind = kind
        self.range = range
        self.value = value
    }

    var hasValue: Bool { value != Lexeme.noValue }
}

/// Punctuation and operators; the raw value is the text, as ``Token/Kind/symbol(_:)`` has it.
enum Symbol: String {
    case equals = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case append = ">>"
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case leftParen = "("
    case rightParen = ")"
    case comma = ","
}

/// Lexemes in source order with the decoded values some of them point at.
struct LexemeBuffer {
    var lexemes: [Lexeme] = []
    var values: [Token.Kind] = []

    var count: Int { lexemes.count }

    subscript(i: Int) -> Lexeme { lexemes[i] }

    mutating func append(_ kind: Lexeme.Kind, _ range: SourceRange) {
        lexemes.append(Lexeme(kind, range))
    }

    /// Appends a lexeme whose value is kept decoded.
    mutating func append(_ kind: Lexeme.Kind, _ range: SourceRange, decoded: Token.Kind) {
        lexemes.append(Lexeme(kind, range, value: Int32(values.count)))
        values.append(decoded)
    }

    mutating func removeAll() {
        lexemes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// Forgets the first `n` lexemes and the values only they point at. Values are appended
    /// in lexeme order, so the values of the lexemes kept are the tail from the first one's.
    mutating func removeFirst(_ n: Int) {
        guard n > 0 else { return }
        let firstKept = lexemes[n...].first(where: \.hasValue)?.value ?? Int32(values.count)
        lexemes.removeFirst(n)
        guard firstKept > 0 else { return }
        values.removeFirst(Int(firstKept))
        for i in lexemes.indices where lexemes[i].hasValue { lexemes[i].value -= firstKept }
    }

    /// The token's kind as ``Token`` has it, with its value decoded from `source`.
    func kind(of lexeme: Lexeme, in source: SourceBytes) -> Token.Kind {
        if lexeme.hasValue { return values[Int(lexeme.value)] }
        let bytes = source.bytes
        let start = lexeme.range.start.utf8Offset - source.base, end = lexeme.range.end.utf8Offset - source.base
        switch lexeme.kind {
        case .word: return .word
        case .string: return .string(String(decoding: bytes[(start + 1)..<(end - 1)], as: UTF8.self))
        case .variable: return .variable(String(decoding: bytes[(start + 1)..<end], as: UTF8.self))
        case .symbol(let symbol): return .symbol(symbol.rawValue)
        case .endOfCommand: return .endOfCommand
        case .endOfFile: return .endOfFile
        case .number, .date, .period, .error: preconditionFailure("a \(lexeme.kind) lexeme without its value")
        }
    }
}
