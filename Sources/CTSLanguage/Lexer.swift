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
    /// The text. What only reads it is a method of ``SourceBytes``, not of the lexer: a
    /// non-mutating method of the whole lexer, called from a mutating one, is handed a copy
    /// of the whole lexer (a `memcpy` at every word, measured), one of this `let` is not.
    let source: SourceBytes
    let fileID: Int
    /// Where scanning starts (after a byte order mark, if any).
    let startOffset: Int
    /// The line and column of `bytes[0]` in its source (a part of one starts further on).
    let startLine: UInt32
    let startColumn: UInt32

    var bytes: [UInt8] { source.bytes }
    /// Whether all of the text is UTF-8 (checked once, fast): then no byte needs checking as
    /// it is scanned.
    var isValidUTF8: Bool { source.isValidUTF8 }

    var pos = 0
    /// Tokens scanned but not yet handed out by `next()`; while the parser scans, its own buffer
    /// (``scan(into:)``).
    var buffer = LexemeBuffer()
    var bufferIndex = 0
    var started = false
    var finished = false
    var endToken: Token?
    var parenDepth = 0
    /// True when a non-`endOfCommand` token was emitted since the last command end.
    var commandHasTokens = false

    // The location cursor: tokens are produced in order, so locations are computed by
    // walking forward from the last one (linear overall, even on very long lines). Kept in
    // the 32 bits a ``SourceLocation`` stores (the source is at most 4 GiB, checked at init).
    var cursorOffset = 0
    var cursorLine: UInt32 = 1
    var cursorColumn: UInt32 = 1
    /// How many `.endOfCommand` tokens were emitted: ``scan(into:)`` reads to the next one
    /// (or ``maxTokensPerScan`` tokens).
    var commandEnds = 0
    /// The index after the last newline outside parentheses or `;` (see ``Parser/lastBoundary``).
    var lastBoundary = 0

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
        precondition(bytes.count <= SourceLocation.maxSourceBytes, "a source is at most 4 GiB")
        source = SourceBytes(bytes: bytes, isValidUTF8: isValidUTF8)
        self.fileID = fileID
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            startOffset = 3
        } else {
            startOffset = 0
        }
        startLine = 1
        startColumn = 1
    }

    /// A lexer over a part of a source that starts at `start`, a command boundary after its
    /// beginning (so no byte order mark is looked for): ranges are given in the whole source.
    init(part bytes: [UInt8], fileID: Int, at start: SourceLocation) {
        precondition(start.utf8Offset + bytes.count <= SourceLocation.maxSourceBytes, "a source is at most 4 GiB")
        source = SourceBytes(bytes: bytes, isValidUTF8: Lexer.isValidUTF8(bytes), base: start.utf8Offset)
        self.fileID = fileID
        startOffset = 0
        startLine = UInt32(start.line)
        startColumn = UInt32(start.column)
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
        while bufferIndex >= buffer.count {
            buffer.removeAll()
            bufferIndex = 0
            if finished { return endToken! }
            scanStep()
        }
        bufferIndex += 1
        let lexeme = buffer[bufferIndex - 1]
        return Token(buffer.kind(of: lexeme, in: source), lexeme.range)
    }

    /// Appends the next tokens of the text to `out`: those up to and including the next
    /// `.endOfCommand`, or to the end of the text. After the end it appends nothing
    /// (`finished` says so); the last token appended was `.endOfFile`.
    ///
    /// What a parser calls instead of ``next()``: the tokens go straight into its buffer, not
    /// through the lexer's own. A command at a time, because the parser reads each command
    /// to its end: one call per command costs less than one per token.
    /// The most tokens one ``scan(into:)`` reads: a command at a time, but a 50 MB command (a
    /// list that never closes) is not tokenized whole before the parser can refuse it.
    static let maxTokensPerScan = 4096

    mutating func scan(into out: inout LexemeBuffer) {
        if !started {
            reset()
            started = true
        }
        guard !finished else { return }
        // `scanStep` emits into `buffer`; lend it `out` for the call.
        swap(&buffer, &out)
        scanStep(wholeCommand: true)
        swap(&buffer, &out)
    }

    /// Reads input until at least one token is emitted (with `wholeCommand`, until an
    /// `.endOfCommand` is or ``maxTokensPerScan`` are), or the end of the text.
    mutating func scanStep(wholeCommand: Bool = false) {
        let n = bytes.count
        let before = buffer.count
        let endsBefore = commandEnds
        let most = before + (wholeCommand ? Self.maxTokensPerScan : 1)
        while pos < n && buffer.count < most && (!wholeCommand || commandEnds == endsBefore) {
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
                let end = source.endOfLine(from: pos)
                // A comment is skipped, but it is text too: bytes that are not UTF-8 are an
                // error, and so is a NUL (spec: nowhere in a script), whichever comes first.
                let bad = isValidUTF8 ? nil : source.firstInvalidUTF8(from: pos, to: end)
                if let nulAt = bytes[pos..<(bad ?? end)].firstIndex(of: 0) {
                    pos = nulAt
                    nul()
                } else if let bad {
                    pos = bad
                    invalidUTF8()
                }
                pos = max(pos, end)
            case Byte.semicolon:
                endCommand(pos, pos + 1)
                parenDepth = 0
                pos += 1
                lastBoundary = pos
            case Byte.backslash:
                backslash()
            case Byte.quote:
                string()
            case Byte.dollar:
                variable()
            case Byte.digit0...Byte.digit9:
                numeric()
            case Byte.dot:
                emit(.unexpectedDot, pos, pos + 1)
                pos += 1
            case Byte.leftParen:
                parenDepth += 1
                symbol(.leftParen, 1)
            case Byte.rightParen:
                if parenDepth > 0 { parenDepth -= 1 }
                symbol(.rightParen, 1)
            case Byte.comma: symbol(.comma, 1)
            case Byte.plus: symbol(.plus, 1)
            case Byte.minus: symbol(.minus, 1)
            case Byte.star: symbol(.star, 1)
            case Byte.slash: symbol(.slash, 1)
            case Byte.equals: symbol(.equals, 1)
            case Byte.less:
                if peek(1) == Byte.equals { symbol(.lessOrEqual, 2) } else { symbol(.less, 1) }
            case Byte.greater:
                if peek(1) == Byte.equals {
                    symbol(.greaterOrEqual, 2)
                } else if peek(1) == Byte.greater {
                    symbol(.append, 2)
                } else {
                    symbol(.greater, 1)
                }
            case Byte.bang:
                if peek(1) == Byte.equals { symbol(.notEqual, 2) } else { unexpectedCharacter() }
            default:
                if b < 0x80 {
                    if Lexer.isASCIIWordStart(b) { word() } else if b == 0 { nul() } else { unexpectedCharacter() }
                } else if !isValidUTF8, Lexer.sequenceLength(bytes, at: pos) == nil {
                    invalidUTF8()
                } else {
                    let (scalar, _) = source.decodeScalar(at: pos)
                    if scalar.properties.isAlphabetic { word() } else { unexpectedCharacter() }
                }
            }
        }
        if pos >= n && buffer.count == before {
            let range = self.range(n, n)
            endToken = Token(.endOfFile, range)
            finished = true
            buffer.append(.endOfFile, range)
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
        buffer = LexemeBuffer()
        bufferIndex = 0
        finished = false
        parenDepth = 0
        commandHasTokens = false
        cursorOffset = startOffset
        cursorLine = startLine
        cursorColumn = startColumn
        lastBoundary = 0
        pendingContinuation = false
        endedInString = false
        sawStringCutByNewline = false
    }

    func peek(_ ahead: Int) -> UInt8? {
        pos + ahead < bytes.count ? bytes[pos + ahead] : nil
    }

    /// The range `[start, end)`; ranges must be asked for in source order. `ascii`: the
    /// bytes of the range are ASCII without a newline (a word, a symbol), so each is a column
    /// and they need not be looked at again.
    mutating func range(_ start: Int, _ end: Int, ascii: Bool = false) -> SourceRange {
        let fileID = Int32(truncatingIfNeeded: fileID)
        moveCursor(to: start)
        let base = source.base
        let first = SourceLocation(
            fileID: fileID, line: cursorLine, column: cursorColumn, offset: UInt32(truncatingIfNeeded: base + start))
        if ascii {
            cursorOffset = end
            cursorColumn &+= UInt32(truncatingIfNeeded: end - start)
        } else {
            moveCursor(to: end)
        }
        let last = SourceLocation(
            fileID: fileID, line: cursorLine, column: cursorColumn, offset: UInt32(truncatingIfNeeded: base + end))
        return SourceRange(first, last)
    }

    /// Moves the location cursor forward to `offset`, counting lines and columns on the way.
    @inline(__always) mutating func moveCursor(to offset: Int) {
        guard offset > cursorOffset else { return }
        var line = cursorLine, column = cursorColumn
        // Over a buffer pointer: this loop sees every byte of the source once, and indexing
        // the array would check bounds at each.
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer[cursorOffset..<offset] {
                if b == Byte.newline {
                    line &+= 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column &+= 1
                }
            }
        }
        cursorOffset = offset
        cursorLine = line
        cursorColumn = column
    }

    /// Emits a token whose value is its text (see ``Lexeme/value``); `ascii` as for ``range(_:_:ascii:)``.
    mutating func emit(_ kind: Lexeme.Kind, _ start: Int, _ end: Int, ascii: Bool = false) {
        buffer.append(kind, range(start, end, ascii: ascii))
        commandHasTokens = true
        pendingContinuation = false
    }

    /// Emits a token with its decoded value: an error, a number, a date, a period, a string
    /// with escapes (or a word, which has none).
    mutating func emit(decoded kind: Token.Kind, _ start: Int, _ end: Int) {
        let lexemeKind: Lexeme.Kind
        switch kind {
        case .word: return emit(.word, start, end)
        case .string: lexemeKind = .string
        case .number: lexemeKind = .number
        case .date: lexemeKind = .date
        case .period: lexemeKind = .period
        case .error: lexemeKind = .error
        case .variable, .symbol, .endOfCommand, .endOfFile: preconditionFailure("\(kind) is emitted as its text")
        }
        buffer.append(lexemeKind, range(start, end), decoded: kind)
        commandHasTokens = true
        pendingContinuation = false
    }

    /// Emits an error token.
    mutating func emit(_ problem: LexProblem, _ start: Int, _ end: Int) {
        emit(decoded: .error(problem), start, end)
    }

    mutating func symbol(_ symbol: Symbol, _ length: Int) {
        emit(.symbol(symbol), pos, pos + length, ascii: true)
        pos += length
    }

    /// Emits `.endOfCommand` for `[start, end)` unless the command is empty.
    mutating func endCommand(_ start: Int, _ end: Int) {
        pendingContinuation = false
        guard commandHasTokens else { return }
        buffer.append(.endOfCommand, range(start, end))
        commandHasTokens = false
        commandEnds += 1
    }

    mutating func newline(length: Int) {
        if parenDepth > 0 {
            pendingContinuation = false
        } else {
            endCommand(pos, pos + length)
            lastBoundary = pos + length
        }
        pos += length
    }

    // MARK: - Pieces

    /// `\` followed by optional blanks, an optional comment and a line end (or the end of the
    /// text) continues the command; anywhere else it is an error.
    mutating func backslash() {
        var p = pos + 1
        let n = bytes.count
        while p < n, bytes[p] == Byte.space || bytes[p] == Byte.tab { p += 1 }
        if p < n, bytes[p] == Byte.hash { p = source.endOfLine(from: p) }
        let length = source.newlineLength(at: p)
        if p == n || length > 0 {
            // At the end of the text the continuation leads nowhere; `isIncomplete` says so.
            pos = p + length
            pendingContinuation = true
        } else {
            emit(.strayBackslash, pos, pos + 1)
            pos += 1
        }
    }

    mutating func unexpectedCharacter() {
        let (scalar, length) = source.decodeScalar(at: pos)
        emit(.unexpectedCharacter(scalar), pos, pos + length)
        pos += length
    }

    mutating func word() {
        let start = pos
        pos = source.asciiWordEnd(from: pos)
        if pos < bytes.count, bytes[pos] >= 0x80 {
            pos = source.scanNonASCIIWordChars(from: pos)
            emit(.word, start, pos)
        } else {
            emit(.word, start, pos, ascii: true)
        }
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
                let (scalar, length) = source.decodeScalar(at: i)
                guard Lexer.isIdentifierContinuation(scalar) else { break }
                i += length
            }
        }
        if i == start + 1 {
            emit(.missingVariableName, start, start + 1)
            pos = start + 1
        } else {
            emit(.variable, start, i)
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
                emit(.unterminatedString, start, n)
                pos = n
                return
            }
            let b = bytes[p]
            if b == Byte.quote { break }
            if source.newlineLength(at: p) > 0 {
                sawStringCutByNewline = true
                emit(.unterminatedString, start, p)
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
                let (scalar, next, error) = source.unicodeEscape(at: e)
                if let scalar {
                    UTF8.encode(scalar) { decoded!.append($0) }
                } else if problem == nil {
                    problem = error
                }
                p = next
            default:
                if source.newlineLength(at: e) > 0 {
                    // `\` at the end of a line inside a string: the string is cut there.
                    p = e
                } else {
                    let (scalar, length) = source.decodeScalar(at: e)
                    if problem == nil { problem = .unknownEscape(scalar) }
                    p = e + length
                }
            }
            segmentStart = p
        }
        // `p` is at the closing quote.
        pos = p + 1
        if let badText {
            emit(badText.problem, badText.start, badText.end)
            return
        }
        if let problem {
            emit(problem, start, pos)
            return
        }
        if var decoded {
            decoded.append(contentsOf: bytes[segmentStart..<p])
            emit(decoded: .string(String(decoding: decoded, as: UTF8.self)), start, pos)
        } else {
            emit(.string, start, pos)  // the text between the quotes, as it is
        }
    }
}
