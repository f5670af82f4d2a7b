import CTSDomain

extension Parser {
    /// expression := or
    public mutating func parseExpression() throws(Diagnostic) -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        return try parseOr()
    }

    /// A condition on its own — a rule's `for` read from a CSV cell — read exactly as
    /// `for=(…)` reads it: the expression and the text a rule keeps (its tokens, one space
    /// between those that were apart).
    ///
    /// condition := expression EOF
    ///
    ///     let (e, source) = try Parser.condition("rank>=county  and status = active", fileID: 0)
    ///     // source == "rank>=county and status = active"
    public static func condition(_ text: String, fileID: Int) throws(Diagnostic) -> (expression: Expr, source: String) {
        var parser = Parser(text: text, fileID: fileID)
        let first = parser.position
        let expression = try parser.parseExpression()
        let last = parser.position
        guard parser.check(.endOfFile) else {
            let extra = parser.peek()
            throw .error(ParseProblem.expectedEndOfCondition(found: parser.describe(extra)), at: extra.range)
        }
        return (expression, parser.canonicalText(first..<last))
    }

    /// Deeper nesting than this is refused: the recursive descent (and the interpreter's
    /// walk of the tree) would otherwise run out of stack and crash on a line of 1000 `(`.
    static let maxNesting = 100

    /// A list (`in (…)`, `c1, c2, …`, sort keys, columns, a function's arguments) or a run of
    /// one operator (`… or …`, `… + …`) holds at most this many items: a command is kept whole
    /// while it is read, some 200 bytes an item, and a never-closed list on a 50 MB line took
    /// 2.5 GB before it was refused. A million is every cadre of a big province.
    static let maxListItems = 1_000_000

    /// Refuses the item about to be read when `count` items are there already; `op` names the
    /// operator of a run.
    mutating func checkListLength(_ count: Int, joinedBy op: String? = nil) throws(Diagnostic) {
        guard count >= listItemLimit else { return }
        throw .error(ParseProblem.tooManyItems(limit: listItemLimit, joinedBy: op), at: peek().range)
    }

    /// Counts one more level of nesting; the caller undoes it with `defer { nesting -= 1 }`.
    mutating func enterNesting(at range: SourceRange? = nil) throws(Diagnostic) {
        nesting += 1
        guard nesting <= Self.maxNesting else {
            nesting -= 1
            throw .error(ParseProblem.nestedTooDeeply(limit: Self.maxNesting), at: range ?? peek().range)
        }
    }

    /// or := and ("or" and)*
    ///
    /// A run of one operator is read in a loop into one flat node (see `Expr.joined`), so
    /// `id = a or id = b or …` over thousands of ids needs no recursion here or later.
    mutating func parseOr() throws(Diagnostic) -> Expr {
        let first = try parseAnd()
        var links: [ChainLink] = []
        while matchKeyword("or", offered: .inConditions) {
            try checkListLength(links.count + 1, joinedBy: "or")
            links.append(ChainLink(.or, try parseAnd()))
        }
        return .joined(first, links)
    }

    /// and := not ("and" not)*
    mutating func parseAnd() throws(Diagnostic) -> Expr {
        let first = try parseNot()
        var links: [ChainLink] = []
        while matchKeyword("and", offered: .inConditions) {
            try checkListLength(links.count + 1, joinedBy: "and")
            links.append(ChainLink(.and, try parseNot()))
        }
        return .joined(first, links)
    }

    /// not := "not" not | comparison
    mutating func parseNot() throws(Diagnostic) -> Expr {
        if checkKeyword("not", offered: .inConditions) {
            let keyword = advance()
            try enterNesting(at: keyword.range)
            defer { nesting -= 1 }
            let operand = try parseNot()
            return Expr(.not(operand), keyword.range.through(operand.range))
        }
        return try parseComparison()
    }

    /// comparison := additive (COMPARE additive | "in" "(" expression ("," expression)* ")"
    ///               | "contains" additive | "under" additive)?
    mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parseAdditive()
        noteLeftSide(left)
        if case .symbol(let s) = peek().kind, let op = Self.comparison(s), !isRedirectionAhead {
            advance()
            expectOperand(.compared(left.plainWord))
            let right = try parseAdditive()
            return Expr(.binary(op, left, right), left.range.through(right.range))
        }
        if checkKeyword("in", offered: .comparison) {
            advance()
            let open = try expect(.symbol(.leftParen), "expected '(' after 'in', as in rank in (county, bureau)")
            let outer = enter(derived: { $0.argument })
            defer { leave(outer) }
            expectOperand(.compared(left.plainWord))
            var items: [Expr] = [try parseExpression()]
            while match(.symbol(.comma)) {
                expectOperand(.compared(left.plainWord))
                try checkListLength(items.count)
                items.append(try parseExpression())
            }
            let close = try expectClose(open, "expected ')' to close the list")
            return Expr(.isIn(left, items), left.range.through(close.range))
        }
        for (word, op) in [("contains", BinaryOperator.contains), ("under", .under)]
        where checkKeyword(word, offered: .comparison) {
            advance()
            expectOperand(op == .under ? .under : .contains)
            let right = try parseAdditive()
            return Expr(.binary(op, left, right), left.range.through(right.range))
        }
        return left
    }

    /// `> "FILE"` that ends the command: the output clause a query may end with (spec §3),
    /// not a comparison with text, so that `count cadres by rank > "r.csv"` and `list cadres
    /// sort name > "s.csv"` write the file. (Compare with text there as `"M" < name`, or in
    /// parentheses.)
    var isRedirectionAhead: Bool {
        mutating get {
            guard peek().kind == .symbol(.greater), peek(1).kind == .string else { return false }
            switch peek(2).kind {
            case .endOfCommand, .endOfFile: return true
            default: return false
            }
        }
    }

    /// The comparison a symbol writes, if it writes one.
    static func comparison(_ symbol: Symbol) -> BinaryOperator? {
        switch symbol {
        case .equals: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    /// additive := term (("+" | "-") term)*
    mutating func parseAdditive() throws(Diagnostic) -> Expr {
        let first = try parseTerm()
        var links: [ChainLink] = []
        while true {
            let op: BinaryOperator
            if check(.symbol(.plus)) { op = .add } else if check(.symbol(.minus)) { op = .subtract } else { break }
            let symbol = advance()
            try checkListLength(links.count + 1, joinedBy: text(of: symbol))
            links.append(ChainLink(op, try parseTerm()))
        }
        return .joined(first, links)
    }

    /// term := unary (("*" | "/") unary)*
    mutating func parseTerm() throws(Diagnostic) -> Expr {
        let first = try parseUnary()
        var links: [ChainLink] = []
        while true {
            let op: BinaryOperator
            if check(.symbol(.star)) { op = .multiply } else if check(.symbol(.slash)) { op = .divide } else { break }
            let symbol = advance()
            try checkListLength(links.count + 1, joinedBy: text(of: symbol))
            links.append(ChainLink(op, try parseUnary()))
        }
        return .joined(first, links)
    }

    /// unary := "-" unary | single
    mutating func parseUnary() throws(Diagnostic) -> Expr {
        if check(.symbol(.minus)) {
            let minus = advance()
            try enterNesting(at: minus.range)
            defer { nesting -= 1 }
            let operand = try parseUnary()
            return Expr(.negate(operand), minus.range.through(operand.range))
        }
        return try parseSingle()
    }

    /// single := primary ("of" ENTITY atom)?     — `hours(2009) of cadre c1`
    ///
    /// Only a singular entity word after `of` makes this form; `of cadres` belongs to `stats`
    /// and the aggregates, and is left for them.
    mutating func parseSingle() throws(Diagnostic) -> Expr {
        let primary = try parsePrimary()
        offerEntityOf()
        guard checkKeyword("of", offered: .entityOf), peek(1).kind == .word,
            let kind = EntityKind(singular: text(of: peek(1)))
        else { return primary }
        advance()
        let kindToken = advance()
        offer(.value(.ref(kind)))
        guard !isAtEndOfCommand else {
            throw .error(ParseProblem.missingIDAfterOf(kind), at: endRange)
        }
        let id = try parseAtom()
        return Expr(.of(primary, Located(kind, kindToken.range), id), primary.range.through(id.range))
    }

    /// primary := NUMBER | STRING | DATE | PERIOD | VARIABLE | "(" expression ")"
    ///          | WORD "(" arguments ")" | WORD
    mutating func parsePrimary() throws(Diagnostic) -> Expr {
        offerOperand()
        let token = peek()
        switch decoded(token) {
        case .number(let n): advance(); return Expr(.number(n), token.range, written: text(of: token))
        case .string(let s): advance(); return Expr(.string(s), token.range)
        case .date(let d): advance(); return Expr(.date(d), token.range)
        case .period(let p): advance(); return Expr(.period(p), token.range)
        case .variable(let v): advance(); return Expr(.variable(v), token.range)
        case .symbol("("):
            advance()
            let inner = try parseExpression(derived: { $0.grouped })
            let close = try expectClose(token, "expected ')'")
            return Expr(inner.kind, token.range.through(close.range), written: inner.written)
        case .word:
            advance()
            let name = text(of: token)
            guard check(.symbol(.leftParen)) else { return Expr(.word(name), token.range) }
            if let function = AggregateFunction(rawValue: name.lowercased()) {
                return try parseAggregate(function, token)
            }
            return try parseCall(Located(name.lowercased(), token.range))
        case .error(let problem):
            throw .error(problem, at: token.range)
        default:
            throw .error(ParseProblem.expectedValue(found: describe(token)), at: errorRange(token))
        }
    }

    /// call := WORD "(" (expression ("," expression)*)? ")"
    mutating func parseCall(_ name: Located<String>) throws(Diagnostic) -> Expr {
        let open = advance()
        var arguments: [Expr] = []
        if !check(.symbol(.rightParen)) {
            expectOperand(.argument(name.value))
            arguments.append(try parseExpression(derived: { $0.argument }))
            while match(.symbol(.comma)) {
                try checkListLength(arguments.count)
                arguments.append(try parseExpression(derived: { $0.argument }))
            }
        }
        let close = try expectClose(open, "expected ')' to close \(name.value)(")
        return Expr(.call(name, arguments), name.range.through(close.range))
    }

    /// aggregate := "count" "(" COLLECTION ("where" expression)? ")"
    ///            | ("sum" | "avg" | "min" | "max") "(" expression "of" COLLECTION ("where" expression)? ")"
    mutating func parseAggregate(_ function: AggregateFunction, _ nameToken: Lexeme) throws(Diagnostic) -> Expr {
        let open = advance()
        var expression: Expr?
        if function != .count {
            expression = try parseExpression(in: .aggregated)
            try expectKeyword("of", "expected 'of COLLECTION' in \(function.rawValue)(EXPR of COLLECTION)")
        }
        let collection = try parseCollection()
        var condition: Expr?
        if matchKeyword("where") { condition = try parseExpression(in: .condition(over: collection.value)) }
        let close = try expectClose(open, "expected ')' to close \(function.rawValue)(")
        let aggregate = Aggregate(
            function: function, expression: expression, collection: collection, condition: condition)
        return Expr(.aggregate(aggregate), nameToken.range.through(close.range))
    }

    /// COLLECTION := "units" | "cadres" | "courses" | ...
    mutating func parseCollection() throws(Diagnostic) -> Located<EntityKind> {
        let token = peek()
        offer(.value(.collection))
        guard token.kind == .word else {
            throw .error(ParseProblem.expectedCollection(found: describe(token)), at: errorRange(token))
        }
        let word = text(of: token)
        guard let kind = EntityKind(plural: word) else {
            throw .error(ParseProblem.unknownCollection(word), at: token.range)
        }
        advance()
        return Located(kind, token.range)
    }

    static var collectionList: String { EntityKind.allCases.map(\.plural).joined(separator: ", ") }

    /// Expects the `)` that closes `open`. When the command ends first (a `(` left open runs
    /// on to the end of the file), the error points at that `(`, not at an empty last line.
    mutating func expectClose(_ open: Lexeme, _ message: String) throws(Diagnostic) -> Lexeme {
        if isAtEndOfCommand, case .symbol(.leftParen) = open.kind {
            throw .error(ParseProblem.neverClosed, at: open.range)
        }
        do {
            return try expect(.symbol(.rightParen), message)
        } catch {
            var diagnostic = error
            if case .symbol(.leftParen) = open.kind, open.range.start.line != diagnostic.range?.start.line {
                diagnostic.notes.append("the '(' at \(open.range.start.line):\(open.range.start.column) is still open")
            }
            throw diagnostic
        }
    }

    /// Where an error about `token` points: the token itself, or, at the end of the file, just
    /// after the last token read (not at the start of the empty line after a final newline).
    func errorRange(_ token: Lexeme) -> SourceRange {
        token.kind == .endOfFile ? endRange : token.range
    }
}
