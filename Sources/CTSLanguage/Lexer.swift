import CTSDomain

/// Turns source text into tokens (spec §1).
///
/// The lexer works over the UTF-8 bytes of the text and decodes scalars only where it must
/// (non-ASCII letters, strings with escapes). Words carry no payload: their text is read back
/// through the token's range. Bad input never throws; it becomes `.error` tokens that the
/// parser reports.
///
///     var lexer = Lexer(text: "unit add js.org kind=organization", fileID: 0)
///     let tokens = lexer.tokenize()   // word word word word symbol("=") word endOfFile
///
/// Commands end at a newline or `;` (`.endOfCommand`, never two in a row, never first).
/// A newline does not end a command after a `\` continuation or while a `(` is open.
public struct Lexer {
    let bytes: [UInt8]
    let fileID: Int
    /// Where scanning starts (after a byte order mark, if any).
    let startOffset: Int
    /// Whether all of the text is UTF-8 (checked once, fast): then no byte needs checking as
    /// it is scanned.
    let isValidUTF8: Bool

    var pos = 0
    /// Tokens scanned but not yet handed out by `next()`.
    var tokens: [Token] = []
    var bufferIndex = 0
    var started = false
    var finished = false
    var endToken: Token?
    var parenDepth = 0
    /// True when a non-`endOfCommand` token was emitted since the last command end.
    var commandHasTokens = false

    // The location cursor: tokens are produced in order, so locations are computed by
    // walking forward from the last one (linear overall, even on very long lines).
    var cursorOffset = 0
    var cursorLine = 1
    var cursorColumn = 1

    // State that `isIncomplete` reads after tokenizing.
    /// A `\` continuation was consumed and nothing has followed it yet.
    var pendingContinuation = false
    /// The text ended inside a string.
    var endedInString = false
    /// Some string was cut short by a newline (an error whatever follows).
    var sawStringCutByNewline = false

    public init(text: String, fileID: Int) {
        self.init(bytes: Array(text.utf8), fileID: fileID, isValidUTF8: true)
    }

    /// A lexer over the bytes of a file. They need not be UTF-8: bytes that are not are
    /// reported where they are, with the rest of the text read as usual.
    public init(bytes: [UInt8], fileID: Int) {
        self.init(bytes: bytes, fileID: fileID, isValidUTF8: Lexer.isValidUTF8(bytes))
    }

    private init(bytes: [UInt8], fileID: Int, isValidUTF8: Bool) {
        self.bytes = bytes
        self.fileID = fileID
        self.isValidUTF8 = isValidUTF8
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            startOffset = 3
        } else {
            startOffset = 0
        }
    }

    /// All tokens of the text, ending with exactly one .endOfFile. Never throws: bad input gives .error tokens.
    public mutating func tokenize() -> [Token] {
        started = false
        var all: [Token] = []
        all.reserveCapacity(max(16, bytes.count / 16))
        while true {
            let token = next()
            all.append(token)
            if token.kind == .endOfFile { return all }
        }
    }

    /// The next token; `.endOfFile` at the end, and again on every call after it.
    ///
    /// Tokens are produced on demand, so a parser can read a long script a command at a
    /// time in bounded memory.
    public mutating func next() -> Token {
        if !started {
            reset()
            started = true
        }
        while bufferIndex >= tokens.count {
            tokens.removeAll(keepingCapacity: true)
            bufferIndex = 0
            if finished { return endToken! }
            scanStep()
        }
        bufferIndex += 1
        return tokens[bufferIndex - 1]
    }

    /// Appends the next tokens of the text to `out`: at least one, fewer than a line's worth.
    /// After the end it appends nothing (`finished` says so); the last token appended was
    /// `.endOfFile`.
    ///
    /// What a parser calls instead of ``next()``: the tokens go straight into its buffer, not
    /// through the lexer's own.
    mutating func scan(into out: inout [Token]) {
        if !started {
            reset()
            started = true
        }
        guard !finished else { return }
        // `scanStep` emits into `tokens`; lend it `out` for the call.
        swap(&tokens, &out)
        scanStep()
        swap(&tokens, &out)
    }

    /// Reads input until at least one token is emitted, or the end of the text.
    mutating func scanStep() {
        let n = bytes.count
        let before = tokens.count
        while pos < n && tokens.count == before {
            let b = bytes[pos]
            switch b {
            case Byte.space, Byte.tab:
                pos += 1
            case Byte.newline:
                newline(length: 1)
            case Byte.carriageReturn:
                if pos + 1 < n, bytes[pos + 1] == Byte.newline {
                    newline(length: 2)
                } else {
                    unexpectedCharacter()
                }
            case Byte.hash:
                let end = endOfLine(from: pos)
                // A comment is skipped, but it is text too: bytes that are not UTF-8 are an error.
                if !isValidUTF8, let bad = firstInvalidUTF8(from: pos, to: end) {
                    pos = bad
                    invalidUTF8()
                }
                pos = max(pos, end)
            case Byte.semicolon:
                endCommand(pos, pos + 1)
                parenDepth = 0
                pos += 1
            case Byte.backslash:
                backslash()
            case Byte.quote:
                string()
            case Byte.dollar:
                variable()
            case Byte.digit0...Byte.digit9:
                numeric()
            case Byte.dot:
                emit(.error(.unexpectedDot), pos, pos + 1)
                pos += 1
            case Byte.leftParen:
                parenDepth += 1
                symbol("(", 1)
            case Byte.rightParen:
                if parenDepth > 0 { parenDepth -= 1 }
                symbol(")", 1)
            case Byte.comma: symbol(",", 1)
            case Byte.plus: symbol("+", 1)
            case Byte.minus: symbol("-", 1)
            case Byte.star: symbol("*", 1)
            case Byte.slash: symbol("/", 1)
            case Byte.equals: symbol("=", 1)
            case Byte.less:
                if peek(1) == Byte.equals { symbol("<=", 2) } else { symbol("<", 1) }
            case Byte.greater:
                if peek(1) == Byte.equals {
                    symbol(">=", 2)
                } else if peek(1) == Byte.greater {
                    symbol(">>", 2)
                } else {
                    symbol(">", 1)
                }
            case Byte.bang:
                if peek(1) == Byte.equals { symbol("!=", 2) } else { unexpectedCharacter() }
            default:
                if b < 0x80 {
                    if Lexer.isASCIIWordStart(b) { word() } else if b == 0 { nul() } else { unexpectedCharacter() }
                } else if !isValidUTF8, Lexer.sequenceLength(bytes, at: pos) == nil {
                    invalidUTF8()
                } else {
                    let (scalar, _) = decodeScalar(at: pos)
                    if scalar.properties.isAlphabetic { word() } else { unexpectedCharacter() }
                }
            }
        }
        if pos >= n && tokens.count == before {
            let end = Token(.endOfFile, SourceRange(location(n), location(n)))
            endToken = end
            finished = true
            tokens.append(end)
        }
    }

    /// True when the text ends inside an unfinished command: a trailing `\` continuation or an
    /// open `(`. The interactive shell uses it to show a continuation prompt.
    ///
    /// Strings cannot span lines (spec §1), so text that ends inside a string, or has a string
    /// cut by a newline, is already wrong and more lines cannot fix it: then the answer is
    /// false, and the shell reports the unterminated string at once.
    public static func isIncomplete(_ text: String) -> Bool {
        var lexer = Lexer(text: text, fileID: 0)
        _ = lexer.tokenize()
        if lexer.sawStringCutByNewline || lexer.endedInString { return false }
        return lexer.pendingContinuation || lexer.parenDepth > 0
    }

    // MARK: - State and emission

    mutating func reset() {
        pos = startOffset
        tokens = []
        bufferIndex = 0
        finished = false
        parenDepth = 0
        commandHasTokens = false
        cursorOffset = startOffset
        cursorLine = 1
        cursorColumn = 1
        pendingContinuation = false
        endedInString = false
        sawStringCutByNewline = false
    }

    func peek(_ ahead: Int) -> UInt8? {
        pos + ahead < bytes.count ? bytes[pos + ahead] : nil
    }

    /// The location of a byte offset; offsets must be asked for in non-decreasing order.
    mutating func location(_ offset: Int) -> SourceLocation {
        var line = cursorLine, column = cursorColumn
        // Over a buffer pointer: this loop sees every byte of the source once, and indexing
        // the array would check bounds at each.
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer[cursorOffset..<offset] {
                if b == Byte.newline {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
        cursorOffset = offset
        cursorLine = line
        cursorColumn = column
        return SourceLocation(fileID: fileID, line: line, column: column, utf8Offset: offset)
    }

    mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int) {
        let range = SourceRange(location(start), location(end))
        tokens.append(Token(kind, range))
        commandHasTokens = true
        pendingContinuation = false
    }

    mutating func symbol(_ text: String, _ length: Int) {
        emit(.symbol(text), pos, pos + length)
        pos += length
    }

    /// Emits `.endOfCommand` for `[start, end)` unless the command is empty.
    mutating func endCommand(_ start: Int, _ end: Int) {
        pendingContinuation = false
        guard commandHasTokens else { return }
        tokens.append(Token(.endOfCommand, SourceRange(location(start), location(end))))
        commandHasTokens = false
    }

    mutating func newline(length: Int) {
        if parenDepth > 0 {
            pendingContinuation = false
        } else {
            endCommand(pos, pos + length)
        }
        pos += length
    }

    /// The length of the line end at `p` (1 for `\n`, 2 for `\r\n`), or 0 if there is none.
    func newlineLength(at p: Int) -> Int {
        guard p < bytes.count else { return 0 }
        if bytes[p] == Byte.newline { return 1 }
        if bytes[p] == Byte.carriageReturn, p + 1 < bytes.count, bytes[p + 1] == Byte.newline { return 2 }
        return 0
    }

    /// The offset of the line end (or the end of the text) at or after `p`.
    func endOfLine(from p: Int) -> Int {
        var i = p
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == Byte.newline { return i }
            if b == Byte.carriageReturn, i + 1 < n, bytes[i + 1] == Byte.newline { return i }
            i += 1
        }
        return n
    }

    // MARK: - Pieces

    /// `\` followed by optional blanks, an optional comment and a line end (or the end of the
    /// text) continues the command; anywhere else it is an error.
    mutating func backslash() {
        var p = pos + 1
        let n = bytes.count
        while p < n, bytes[p] == Byte.space || bytes[p] == Byte.tab { p += 1 }
        if p < n, bytes[p] == Byte.hash { p = endOfLine(from: p) }
        let length = newlineLength(at: p)
        if p == n || length > 0 {
            // At the end of the text the continuation leads nowhere; `isIncomplete` says so.
            pos = p + length
            pendingContinuation = true
        } else {
            emit(.error(.strayBackslash), pos, pos + 1)
            pos += 1
        }
    }

    mutating func unexpectedCharacter() {
        let (scalar, length) = decodeScalar(at: pos)
        emit(.error(.unexpectedCharacter(scalar)), pos, pos + length)
        pos += length
    }

    mutating func word() {
        let start = pos
        pos = scanWordChars(from: pos)
        emit(.word, start, pos)
    }

    /// The end of the run of word characters starting at `p`.
    func scanWordChars(from p: Int) -> Int {
        var i = p
        let n = bytes.count
        // Most words are ASCII: skip those bytes without bounds checks.
        bytes.withUnsafeBufferPointer { buffer in
            while i < n, buffer[i] < 0x80, Lexer.isASCIIWordChar(buffer[i]) { i += 1 }
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                guard Lexer.isASCIIWordChar(b) else { break }
                i += 1
            } else {
                guard isValidUTF8 || Lexer.sequenceLength(bytes, at: i) != nil else { break }
                let (scalar, length) = decodeScalar(at: i)
                guard Lexer.isWordContinuation(scalar) else { break }
                i += length
            }
        }
        return i
    }

    mutating func variable() {
        let start = pos
        var i = pos + 1
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                guard Lexer.isASCIILetterOrDigit(b) || b == Byte.underscore else { break }
                i += 1
            } else {
                guard isValidUTF8 || Lexer.sequenceLength(bytes, at: i) != nil else { break }
                let (scalar, length) = decodeScalar(at: i)
                guard Lexer.isIdentifierContinuation(scalar) else { break }
                i += length
            }
        }
        if i == start + 1 {
            emit(.error(.missingVariableName), start, start + 1)
            pos = start + 1
        } else {
            emit(.variable(String(decoding: bytes[(start + 1)..<i], as: UTF8.self)), start, i)
            pos = i
        }
    }

    // MARK: Strings

    mutating func string() {
        let start = pos
        let n = bytes.count
        var p = pos + 1
        var segmentStart = p
        var decoded: [UInt8]? = nil
        var problem: LexProblem? = nil
        // Text that cannot be kept intact (spec §1): bytes that are not UTF-8, a NUL. Reported
        // at the bytes themselves.
        var badText: (problem: LexProblem, start: Int, end: Int)? = nil

        while true {
            if p >= n {
                endedInString = true
                emit(.error(.unterminatedString), start, n)
                pos = n
                return
            }
            let b = bytes[p]
            if b == Byte.quote { break }
            if newlineLength(at: p) > 0 {
                sawStringCutByNewline = true
                emit(.error(.unterminatedString), start, p)
                pos = p
                return
            }
            guard b == Byte.backslash else {
                if b >= 0x80, !isValidUTF8 {
                    if let length = Lexer.sequenceLength(bytes, at: p) {
                        p += length
                    } else {
                        var e = p + 1
                        while e < n, bytes[e] & 0xC0 == 0x80 { e += 1 }
                        if problem == nil && badText == nil { badText = (.invalidUTF8(byte: b), p, e) }
                        p = e
                    }
                    continue
                }
                if b == 0, problem == nil && badText == nil { badText = (.nul, p, p + 1) }
                p += 1
                continue
            }
            // An escape.
            if decoded == nil { decoded = [] }
            decoded!.append(contentsOf: bytes[segmentStart..<p])
            let e = p + 1
            guard e < n else {
                p = e
                continue
            }
            switch bytes[e] {
            case Byte.quote: decoded!.append(Byte.quote); p = e + 1
            case Byte.backslash: decoded!.append(Byte.backslash); p = e + 1
            case UInt8(ascii: "n"): decoded!.append(Byte.newline); p = e + 1
            case UInt8(ascii: "t"): decoded!.append(Byte.tab); p = e + 1
            case UInt8(ascii: "u"):
                // `\u{0}` is allowed: written out, a NUL is deliberate (dump writes it so).
                let (scalar, next, error) = unicodeEscape(at: e)
                if let scalar {
                    UTF8.encode(scalar) { decoded!.append($0) }
                } else if problem == nil {
                    problem = error
                }
                p = next
            default:
                if newlineLength(at: e) > 0 {
                    // `\` at the end of a line inside a string: the string is cut there.
                    p = e
                } else {
                    let (scalar, length) = decodeScalar(at: e)
                    if problem == nil { problem = .unknownEscape(scalar) }
                    p = e + length
                }
            }
            segmentStart = p
        }
        // `p` is at the closing quote.
        pos = p + 1
        if let badText {
            emit(.error(badText.problem), badText.start, badText.end)
            return
        }
        if let problem {
            emit(.error(problem), start, pos)
            return
        }
        let text: String
        if var decoded {
            decoded.append(contentsOf: bytes[segmentStart..<p])
            text = String(decoding: decoded, as: UTF8.self)
        } else {
            text = String(decoding: bytes[(start + 1)..<p], as: UTF8.self)
        }
        emit(.string(text), start, pos)
    }

    /// Reads `\u{XXXX}` whose `u` is at `u`. Returns the scalar (or the problem) and the
    /// offset after what it consumed.
    func unicodeEscape(at u: Int) -> (Unicode.Scalar?, Int, LexProblem?) {
        let n = bytes.count
        let malformed = LexProblem.malformedUnicodeEscape
        var i = u + 1
        guard i < n, bytes[i] == UInt8(ascii: "{") else { return (nil, i, malformed) }
        i += 1
        let digitsStart = i
        var value: UInt32 = 0
        while i < n, let digit = Lexer.hexValue(bytes[i]) {
            if i - digitsStart < 6 { value = value << 4 | UInt32(digit) }
            i += 1
        }
        let count = i - digitsStart
        guard count >= 1, count <= 6, i < n, bytes[i] == UInt8(ascii: "}") else { return (nil, i, malformed) }
        i += 1
        guard let scalar = Unicode.Scalar(value) else {
            let hex = String(decoding: bytes[digitsStart..<(i - 1)], as: UTF8.self)
            return (nil, i, .invalidUnicodeScalar(hex: hex))
        }
        return (scalar, i, nil)
    }
}
