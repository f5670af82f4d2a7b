import CTSDomain

/// What parsing a source produced, in source order: commands, and errors where a command could
/// not be read. The parser recovers at the next command, so every syntax error is reported.
public enum ParsedItem: Hashable, Sendable {
    case command(Command)
    /// Boxed (errors are rare): an item is then one reference, cheap to hand between threads.
    indirect case error(Diagnostic)
}

/// A hand-written recursive-descent parser for the cts command language.
///
/// Each method is named after the grammar rule it reads and carries its EBNF production.
/// Cursor vocabulary: `peek`, `advance`, `check`, `match`, `expect`.
///
///     var parser = Parser(text: "count cadres where rank >= county", fileID: 0)
///     let items = parser.parseScript()
public struct Parser {
    private var lexer: Lexer
    /// Tokens of the command being read (from its first token) plus lookahead. Only one
    /// command's tokens are kept, so a script of millions of lines parses in bounded memory.
    private(set) var tokens = LexemeBuffer()
    /// The text (the lexer's own bytes: a source is held once).
    let source: SourceBytes
    /// Index of the current token in `tokens`.
    var position = 0
    /// How deeply the expression being read nests (parentheses, `not`, unary `-`); see `enterNesting`.
    var nesting = 0
    /// The most items a list or a run may hold (see ``maxListItems``); tests lower it.
    var listItemLimit = Parser.maxListItems
    /// Completion mode: what the parser would accept at the end of the text (see
    /// Parser+Completion.swift); nil when parsing for real.
    var completion: CompletionState?

    public init(text: String, fileID: Int) {
        lexer = Lexer(text: text, fileID: fileID)
        source = lexer.source
    }

    /// A parser over the bytes of a file, which may hold invalid UTF-8 (it is reported).
    public init(bytes: [UInt8], fileID: Int) {
        lexer = Lexer(bytes: bytes, fileID: fileID)
        source = lexer.source
    }

    /// A parser over a part of a source that starts at `start` (a command boundary): its
    /// locations are those in the whole source (see ``StreamParser``).
    init(part bytes: [UInt8], fileID: Int, at start: SourceLocation) {
        lexer = Lexer(part: bytes, fileID: fileID, at: start)
        source = lexer.source
    }

    /// Whether the text ended inside a command: after a `\` continuation, or with a `(` open.
    var endedInsideCommand: Bool { lexer.parenDepth > 0 || lexer.pendingContinuation }

    /// The index in the text after the last command boundary at its top level (a newline
    /// outside parentheses, or a `;`): where a command that the text ended inside began.
    var lastBoundary: Int { lexer.lastBoundary }

    /// The text the parser reads.
    var partBytes: [UInt8] { source.bytes }

    /// Where the text ends, once ``nextItem()`` has returned nil.
    var endLocation: SourceLocation {
        lexer.endToken?.range.start ?? SourceLocation(fileID: 0, line: 1, column: 1, utf8Offset: 0)
    }

    /// The source offset of the first token of the item ``nextItem()`` returned last.
    private(set) var itemStart = 0

    /// Parses a whole source.
    ///
    /// script := (command? END)* EOF
    public mutating func parseScript() -> [ParsedItem] {
        var items: [ParsedItem] = []
        while let item = nextItem() { items.append(item) }
        return items
    }

    /// The next command of the source (or the error that stood in its place); nil at the end.
    public mutating func nextItem() -> ParsedItem? {
        while check(.endOfCommand) { advance() }
        beginCommand()
        offerCommand()
        if check(.endOfFile) { return nil }
        itemStart = peek().range.start.utf8Offset
        discardReadTokens()
        do {
            return .command(try parseCommand())
        } catch {
            synchronize()
            return .error(error)
        }
    }

    /// Parses a whole source: its commands, and an error in place of each command that could not
    /// be read (see ``parseScript()``).
    public static func parse(_ text: String, fileID: Int) -> [ParsedItem] {
        var parser = Parser(text: text, fileID: fileID)
        return parser.parseScript()
    }

    // MARK: - Commands

    /// command := NAME NAME? arguments END
    mutating func parseCommand() throws(Diagnostic) -> Command {
        let first = peek()
        guard first.kind == .word else {
            if case .error(let problem) = decoded(first) { throw .error(problem, at: first.range) }
            throw .error(ParseProblem.expectedCommand(found: describe(first)), at: first.range)
        }
        var spec: CommandSpec?
        var nameRange = first.range
        let second = peek(1)
        offerSubcommands(of: first)
        let group = CommandTable.group(startingWith: lowercasedBytes(of: first))
        // The second word is read only where a command has one (not after `enroll`).
        if let group, !group.subcommands.isEmpty, second.kind == .word,
            let s = group.subcommand(lowercasedBytes(of: second))
        {
            spec = s
            nameRange = first.range.through(second.range)
            advance()
            advance()
        } else if let s = group?.single {
            spec = s
            advance()
        }
        guard let spec else { throw unknownCommand(first, second) }
        noteCommand(spec)
        let body: Command.Body
        switch spec.form {
        case .arguments:
            let args = try parseArguments(for: spec, nameRange: nameRange)
            body = spec.action.changesRecords || spec.action.isShow ? .record(args) : .simple(args)
        case .enrollment: body = try parseEnrollment(spec, nameRange: nameRange)
        case .list: body = .list(try parseQuery(spec), try parseOutputClause())
        case .count: body = .count(try parseQuery(spec), try parseOutputClause())
        case .stats: body = try parseStats(spec)
        case .report: body = try parseReport()
        case .print: body = .print(try parseExpression(in: .value), try parseOutputClause())
        case .letBinding: body = try parseLet()
        case .echo: body = try parseEcho()
        case .assert: body = try parseAssert(spec)
        }
        let last = tokens[max(position - 1, 0)]
        try expectEndOfCommand(spec)
        return Command(spec: spec, body: body, range: first.range.through(last.range), nameRange: nameRange)
    }

    private func unknownCommand(_ first: Lexeme, _ second: Lexeme) -> Diagnostic {
        let word = text(of: first).lowercased()
        let subcommands = CommandTable.subcommands(of: word)
        if !subcommands.isEmpty {
            if second.kind == .word {
                let sub = text(of: second)
                return .error(ParseProblem.unknownSubcommand(word, sub, subcommands: subcommands), at: second.range)
            }
            return .error(ParseProblem.needsSubcommand(word, subcommands: subcommands), at: first.range)
        }
        if let kind = EntityKind(plural: word) {
            return .error(ParseProblem.collectionAsCommand(text(of: first), kind), at: first.range)
        }
        return .error(
            ParseProblem.unknownCommand(text(of: first), candidates: CommandTable.firstWords), at: first.range)
    }

    /// arguments := (OPTION | value)*      OPTION := WORD "=" value   (no space before "=")
    mutating func parseArguments(for spec: CommandSpec, nameRange: SourceRange) throws(Diagnostic) -> Arguments {
        var args = Arguments()
        // As many as the command takes, so that the arrays grow once, not at every other argument.
        args.positionals.reserveCapacity(spec.positionals.count)
        args.options.reserveCapacity(spec.options.count)
        while !isAtEndOfCommand {
            if let option = try parseOptionIfPresent() {
                args.options.append(option)
            } else {
                args.positionals.append(try parseValue())
            }
        }
        offerArguments(args, spec, nameRange: nameRange)
        try validate(args, against: spec, nameRange: nameRange)
        return args
    }

    /// Reads `key=value` when the cursor is at a word directly followed by `=`.
    mutating func parseOptionIfPresent() throws(Diagnostic) -> Option? {
        let key = peek(), eq = peek(1)
        guard key.kind == .word, eq.kind == .symbol(.equals), key.range.end.utf8Offset == eq.range.start.utf8Offset
        else {
            return nil
        }
        advance()
        advance()
        let outer = enterOption(key)
        defer { leave(outer) }
        offerOptionValue(key)
        // `unit= rank=staff`: the next option is no value of this one.
        if isAtEndOfCommand || peek().range.start.utf8Offset > eq.range.end.utf8Offset && isOptionAhead() {
            throw .error(ParseProblem.missingOptionValue(key: text(of: key)), at: eq.range)
        }
        return Option(key: Located(lowercasedText(of: key), key.range), value: try parseValue())
    }

    /// Whether the cursor is at `key=`: a word with `=` right after it.
    private mutating func isOptionAhead() -> Bool {
        let key = peek(), eq = peek(1)
        return key.kind == .word && eq.kind == .symbol(.equals)
            && key.range.end.utf8Offset == eq.range.start.utf8Offset
    }

    /// value := atom ("," atom)* | "(" expression ")"
    mutating func parseValue() throws(Diagnostic) -> Argument {
        if check(.symbol(.leftParen)) {
            let open = advance()
            let outer = enterParenthesizedValue()
            defer { leave(outer) }
            let first = position
            let expression = try parseExpression()
            let last = position
            let close = try expectClose(open, "expected ')' to close the condition")
            return Argument(
                .condition(expression, source: canonicalText(first..<last)), open.range.through(close.range))
        }
        let first = try parseAtom()
        guard check(.symbol(.comma)) else { return first }
        var items = [first]
        while match(.symbol(.comma)) {
            offerListItem(after: items)
            try checkListLength(items.count)
            items.append(try parseAtom())
        }
        return Argument(.list(items), first.range.through(items.last!.range))
    }

    /// atom := WORD | STRING | NUMBER | DATE | PERIOD | VARIABLE
    mutating func parseAtom() throws(Diagnostic) -> Argument {
        let token = peek()
        // Each case makes its argument where it returns it: built in a variable first, every
        // argument was copied once more and the variable destroyed.
        if token.kind == .word {
            advance()
            return Argument(.word(text(of: token)), token.range)
        }
        switch decoded(token) {
        case .string(let s):
            advance()
            return Argument(.string(s), token.range)
        case .number(let n):
            advance()
            return Argument(.number(n), token.range, written: text(of: token))
        case .date(let d):
            advance()
            return Argument(.date(d), token.range)
        case .period(let p):
            advance()
            return Argument(.period(p), token.range)
        case .variable(let v):
            advance()
            return Argument(.variable(v), token.range)
        case .error(let problem): throw .error(problem, at: token.range)
        default:
            // `hours=-3`: a negative number, so that the field says what it takes.
            if token.kind == .symbol(.minus), case .number(let n) = decoded(peek(1)),
                peek(1).range.start.utf8Offset == token.range.end.utf8Offset
            {
                advance()
                let number = advance()
                return Argument(.number(-n), token.range.through(number.range), written: "-" + text(of: number))
            }
            // `unit =nj.fin`, `for=rank = county`.
            if token.kind == .symbol(.equals) { throw .error(ParseProblem.strayEquals, at: token.range) }
            throw .error(ParseProblem.expectedValue(found: describe(token)), at: errorRange(token))
        }
    }

    /// Checks arguments against the command's slots: known options, each once, required ones
    /// present, and the right number of positional arguments with keywords in place.
    /// `positionals` replaces the spec's own (an enrollment reads its positionals itself).
    func validate(
        _ args: Arguments, against spec: CommandSpec, positionals: [Slot]? = nil, nameRange: SourceRange
    ) throws(Diagnostic) {
        try Self.validate(
            args, against: spec, positionals: positionals, nameRange: nameRange, endRange: endRange, source: source)
    }

    /// ``validate(_:against:positionals:nameRange:)`` itself. Static, given what it reads of
    /// the parser: a method of the whole parser would be handed a copy of it at each command.
    private static func validate(
        _ args: Arguments, against spec: CommandSpec, positionals: [Slot]?, nameRange: SourceRange,
        endRange: SourceRange, source: SourceBytes
    ) throws(Diagnostic) {
        // Which of the spec's option slots were given, one bit per slot: a command has a handful
        // of options (fewer than 64, CommandTableTests checks), so this does what a Set of keys
        // would without hashing or allocating.
        var given: UInt64 = 0
        for option in args.options {
            let key = option.key.value
            guard let slot = spec.options.firstIndex(where: { $0.key == key }) else {
                throw .error(
                    ParseProblem.unknownOption(key: key, command: spec.name, known: spec.options.map(\.key)),
                    at: option.key.range)
            }
            guard given & 1 << slot == 0 else {
                throw .error(ParseProblem.optionGivenTwice(key: key), at: option.key.range)
            }
            given |= 1 << slot
        }
        var index = 0
        for slot in positionals ?? spec.positionals {
            let arg = index < args.positionals.count ? args.positionals[index] : nil
            if case .keyword(let word) = slot.kind {
                if let arg, arg.word?.lowercased() == word {
                    index += 1
                } else if !slot.optional {
                    throw .error(
                        ParseProblem.expectedKeyword(word, found: arg.map { source.text($0.range) }, usage: spec.usage),
                        at: arg?.range ?? endRange)
                }
                continue
            }
            if arg == nil {
                // An optional positional left out leaves out the ones after it too:
                // `set` alone lists the settings, `set format` still needs its VALUE.
                if slot.optional { break }
                throw .error(
                    ParseProblem.missingArgument(slot.placeholder, command: spec.name, usage: spec.usage), at: endRange)
            }
            index += 1
        }
        if index < args.positionals.count {
            let extra = args.positionals[index]
            throw .error(ParseProblem.unexpectedArgument(source.text(extra.range), usage: spec.usage), at: extra.range)
        }
        // After the positionals, which come first in the usage: `unit add` alone needs its ID
        // before its kind=.
        for (i, slot) in spec.options.enumerated() where slot.required && given & 1 << i == 0 {
            throw .error(
                ParseProblem.missingOption(key: slot.key, command: spec.name, usage: spec.usage), at: nameRange)
        }
    }

    /// enrollment := VERB (ids | "(" COLLECTION "where" expression ")") "in" atom arguments
    mutating func parseEnrollment(_ spec: CommandSpec, nameRange: SourceRange) throws(Diagnostic) -> Command.Body {
        let selection: CadreSelection
        if check(.symbol(.leftParen)) {
            let open = advance()
            offer(.word(EntityKind.cadre.plural), final: true)
            let word = try expect(.word, "expected 'cadres where CONDITION' inside the parentheses")
            guard text(of: word).lowercased() == "cadres" else {
                throw .error(ParseProblem.expectedCadres(found: text(of: word), usage: spec.usage), at: word.range)
            }
            try expectKeyword("where", "expected 'where' after 'cadres'")
            let condition = try parseExpression(in: .condition(over: .cadre))
            let close = try expectClose(open, "expected ')' to close '(cadres where ...'")
            selection = .matching(condition, range: open.range.through(close.range))
        } else {
            offerSlot(0)
            guard !isAtEndOfCommand else {
                throw .error(ParseProblem.missingCadres(command: spec.name, usage: spec.usage), at: endRange)
            }
            // `enroll in k1`: the cadres are left out, not a cadre named `in` (`enroll in in k1`).
            if checkKeyword("in"), peek(1).kind != .endOfFile, !checkKeyword("in", offset: 1) {
                throw .error(ParseProblem.missingCadres(command: spec.name, usage: spec.usage), at: peek().range)
            }
            let outer = enterValue(spec.positionals.first?.kind)
            defer { leave(outer) }
            let value = try parseValue()
            if case .list(let items) = value.kind { selection = .ids(items) } else { selection = .ids([value]) }
        }
        try expectKeyword("in", "expected 'in COURSE'", usage: spec.usage)
        offerSlot(2)
        guard !isAtEndOfCommand else { throw .error(ParseProblem.missingCourse, at: endRange) }
        let course = try parseAtom()
        var rest = Arguments()
        while !isAtEndOfCommand {
            guard let option = try parseOptionIfPresent() else {
                let token = peek()
                throw .error(ParseProblem.unexpected(found: describe(token), usage: spec.usage), at: token.range)
            }
            rest.options.append(option)
        }
        if completion != nil {
            let optionsOnly = CommandSpec(
                spec.name, spec.action, group: spec.group, usage: spec.usage,
                summary: spec.summary, example: spec.example, options: spec.options)
            offerArguments(rest, optionsOnly, nameRange: nameRange)
        }
        try validate(rest, against: spec, positionals: [], nameRange: nameRange)
        return .enrollment(enrollmentAction(spec), selection, course: course, rest)
    }

    private func enrollmentAction(_ spec: CommandSpec) -> EnrollmentAction {
        if case .enrollment(let action) = spec.action { return action }
        return .enroll
    }

    /// let := "let" WORD "=" expression
    mutating func parseLet() throws(Diagnostic) -> Command.Body {
        let name = try expect(.word, "expected a variable name after 'let'")
        _ = try expect(.symbol(.equals), "expected '=' after the variable name")
        return .letBinding(Located(text(of: name), name.range), try parseExpression(in: .value))
    }

    /// assert := "assert" expression STRING?
    mutating func parseAssert(_ spec: CommandSpec) throws(Diagnostic) -> Command.Body {
        // Said as for any command's argument, not "expected a value, found the end".
        if isAtEndOfCommand && completion == nil {
            throw .error(ParseProblem.missingArgument("COND", command: spec.name, usage: spec.usage), at: endRange)
        }
        let condition = try parseExpression(in: .assertion)
        var message: Argument?
        if case .string(let s) = decoded(peek()) {
            message = Argument(.string(s), advance().range)
        }
        return .assert(condition, message: message)
    }

    /// echo := "echo" ANYTHING*  — strings lose their quotes, `$name` expands, the rest is kept
    /// as written with runs of spaces folded to one.
    mutating func parseEcho() throws(Diagnostic) -> Command.Body {
        var parts: [EchoPart] = []
        var previousEnd: Int?
        while !isAtEndOfCommand {
            let token = advance()
            if let end = previousEnd, end < token.range.start.utf8Offset { parts.append(.text(" ")) }
            previousEnd = token.range.end.utf8Offset
            switch decoded(token) {
            case .string(let s): parts.append(.text(s))
            case .variable(let v): parts.append(.variable(Located(v, token.range)))
            case .error(let problem) where text(of: token).hasPrefix("\"") || problem.isInvalidText:
                // A string with a bad escape or no end; bytes that are not UTF-8 text.
                throw .error(problem, at: token.range)
            default: parts.append(.text(text(of: token)))
            }
        }
        return .echo(parts)
    }

    // MARK: - Cursor

    /// Inlined: the parser peeks a dozen times a line, and a call cost more than the peek.
    @inline(__always) mutating func peek(_ offset: Int = 0) -> Lexeme {
        fill(position + offset)
        return tokens[min(position + offset, tokens.count - 1)]
    }

    /// Reads tokens from the lexer until index `i` exists (or the end of the text).
    @inline(__always) private mutating func fill(_ i: Int) {
        if tokens.count <= i { scan(through: i) }
    }

    private mutating func scan(through i: Int) {
        while tokens.count <= i && !lexer.finished { lexer.scan(into: &tokens) }
    }

    /// Forgets the tokens before the cursor (the commands already read), keeping the lookahead.
    /// The buffer keeps its storage: this runs once per command.
    private mutating func discardReadTokens() {
        guard position > 0 else { return }
        tokens.removeFirst(position)
        position = 0
    }

    @discardableResult
    mutating func advance() -> Lexeme {
        fill(position)
        let token = tokens[position]
        if token.kind != .endOfFile { position += 1 }
        return token
    }

    @inline(__always) mutating func check(_ kind: Lexeme.Kind) -> Bool { peek().kind == kind }

    mutating func match(_ kind: Lexeme.Kind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    mutating func expect(_ kind: Lexeme.Kind, _ message: String) throws(Diagnostic) -> Lexeme {
        if completion != nil, case .symbol(let symbol) = kind { offer(.symbol(symbol.rawValue)) }
        guard check(kind) else {
            let token = peek()
            if case .error(let problem) = decoded(token) { throw .error(problem, at: token.range) }
            throw .error(ParseProblem.expected(message, found: describe(token)), at: errorRange(token))
        }
        return advance()
    }

    /// True when the current token is the keyword `word` (case-insensitive). At the cursor in
    /// completion mode, records `word` where `offered` says completion offers it.
    @inline(__always)
    mutating func checkKeyword(_ word: String, offset: Int = 0, offered: Offer = .always) -> Bool {
        let token = peek(offset)
        if token.kind == .word { return spells(token, word) }
        if completion != nil, offset == 0, token.kind == .endOfFile { offerKeyword(word, offered) }
        return false
    }

    mutating func matchKeyword(_ word: String, offered: Offer = .always) -> Bool {
        guard checkKeyword(word, offered: offered) else { return false }
        advance()
        return true
    }

    mutating func expectKeyword(_ word: String, _ message: String, usage: String? = nil) throws(Diagnostic) {
        guard matchKeyword(word) else {
            let token = peek()
            throw .error(ParseProblem.expected(message, found: describe(token), usage: usage), at: errorRange(token))
        }
    }

    var isAtEndOfCommand: Bool {
        @inline(__always) mutating get {
            switch peek().kind {
            case .endOfCommand, .endOfFile: true
            default: false
            }
        }
    }

    mutating func expectEndOfCommand(_ spec: CommandSpec) throws(Diagnostic) {
        guard isAtEndOfCommand else {
            let token = peek()
            if case .error(let problem) = decoded(token) { throw .error(problem, at: token.range) }
            throw .error(ParseProblem.unexpected(found: describe(token), usage: spec.usage), at: token.range)
        }
    }

    /// An empty range where the current command ends, for "missing ..." errors.
    var endRange: SourceRange {
        let previous = tokens[max(position - 1, 0)]
        return SourceRange(previous.range.end, previous.range.end)
    }

    /// Skips to the start of the next command after an error.
    mutating func synchronize() {
        // What is skipped is dropped as it is read, not kept to the end of the command: after
        // a never-closed list on a 50 MB line, that was 12M tokens, a gigabyte.
        while !isAtEndOfCommand {
            advance()
            if position >= 4096 { discardReadTokens() }
        }
        if check(.endOfCommand) { advance() }
    }

    // MARK: - Text

    /// The token's kind with its value (a string's text, a number, an error's problem).
    func decoded(_ token: Lexeme) -> Token.Kind { tokens.kind(of: token, in: source) }

    // What reads the source is a method of `source` (see ``SourceBytes``): these forward to it.

    func text(of token: Lexeme) -> String { source.text(token.range) }

    func lowercasedText(of token: Lexeme) -> String { source.lowercasedText(token.range) }

    func lowercasedBytes(of token: Lexeme) -> ArraySlice<UInt8> { source.lowercasedBytes(token.range) }

    func spells(_ token: Lexeme, _ word: String) -> Bool { source.spells(token.range, word) }

    func source(_ range: SourceRange) -> String { source.text(range) }

    func describe(_ token: Lexeme) -> String {
        switch token.kind {
        case .endOfCommand, .endOfFile: "the end of the command"
        case .string: "a string"
        case .error:
            if case .error(let problem) = decoded(token) { problem.message } else { "" }
        default: "'\(text(of: token))'"
        }
    }

    func describe(_ argument: Argument) -> String {
        source(argument.range)
    }

    /// The tokens in `indices` as text, one space wherever the source had any gap (spaces, a
    /// continuation, a newline inside parentheses, a comment): how a rule's condition is kept.
    func canonicalText(_ indices: Range<Int>) -> String {
        var out = ""
        var previousEnd: Int?
        for i in indices {
            let token = tokens[i]
            if let end = previousEnd, end < token.range.start.utf8Offset { out += " " }
            out += text(of: token)
            previousEnd = token.range.end.utf8Offset
        }
        return out
    }
}
