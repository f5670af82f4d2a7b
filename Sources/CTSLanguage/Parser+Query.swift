import CTSDomain

extension Parser {
    /// query := COLLECTION clause*
    /// clause := "where" expression | "sort" sortKey ("," sortKey)* | "limit" NUMBER
    ///         | "columns" expression ("," expression)* | "by" expression
    mutating func parseQuery(_ spec: CommandSpec) throws(Diagnostic) -> Query {
        var query = Query(collection: try parseCollection())
        var seen = Set<String>()
        let allowed = Set(Grammar.queryClauses(spec.form))
        // Whether the last thing read was a sort key without `asc`/`desc` (which may follow it).
        var afterSortKey = false
        while peek().kind == .word {
            let token = peek()
            let word = text(of: token).lowercased()
            guard allowed.contains(word) else { break }
            guard seen.insert(word).inserted else { throw .error(ParseProblem.clauseGivenTwice(word), at: token.range) }
            advance()
            afterSortKey = false
            let kind = query.collection.value
            let outer = enter(word == Grammar.whereKeyword ? .condition(over: kind) : .value(over: kind))
            defer { leave(outer) }
            // `list cadres columns`: say which clause wants what (not "expected a value").
            if isAtEndOfCommand && completion == nil && word != "limit" {
                let what = word == Grammar.whereKeyword ? "a condition" : "a field"
                throw .error(
                    ParseProblem.expected(
                        "expected \(what) after '\(word)'", found: describe(peek()), usage: spec.usage),
                    at: peek().range)
            }
            switch word {
            case "where": query.condition = try parseExpression()
            case "sort":
                repeat {
                    try checkListLength(query.sort.count)
                    let key = try parseExpression()
                    var descending = false
                    if matchKeyword("desc") { descending = true } else { afterSortKey = !matchKeyword("asc") }
                    query.sort.append(SortKey(expression: key, descending: descending))
                } while match(.symbol(.comma))
            case "limit":
                let n = peek()
                // `integer` also refuses numbers too large for an Int (`limit 1e30`), which Int() traps on.
                guard case .number(let value) = decoded(n), let count = value.integer, count >= 0 else {
                    throw .error(ParseProblem.expectedLimit(found: describe(n)), at: n.range)
                }
                advance()
                query.limit = Located(count, n.range)
            case "columns":
                repeat {
                    try checkListLength(query.columns.count)
                    let first = position
                    let expression = try parseExpression()
                    query.columns.append(Column(expression: expression, header: canonicalText(first..<position)))
                } while match(.symbol(.comma))
            default:
                query.groupBy = try parseExpression()
            }
        }
        offerClauses(spec.form, seen: seen)
        if !isAtEndOfCommand, peek().kind == .word, !checkKeyword("as") {
            let token = peek()
            let word = text(of: token)
            // First the words that may come here: `asc`/`desc` right after a sort key, the
            // clauses not given yet, `as`; then any clause.
            let valid = (afterSortKey ? ["asc", "desc"] : []) + allowed.subtracting(seen).sorted() + ["as"]
            let suggestion = Suggestion.closest(to: word, preferring: valid, else: allowed.sorted())
            throw .error(ParseProblem.unexpectedWord(word, suggestion: suggestion, usage: spec.usage), at: token.range)
        }
        return query
    }

    /// stats := "stats" additive "of" query
    mutating func parseStats(_ spec: CommandSpec) throws(Diagnostic) -> Command.Body {
        let outer = enter(.statistic)
        let expression = try parseAdditive()
        leave(outer)
        try expectKeyword("of", "expected 'of COLLECTION' after the expression", usage: spec.usage)
        let query = try parseQuery(spec)
        return .stats(expression, query, try parseOutputClause())
    }

    /// outputClause := ("as" FORMAT)? ((">" | ">>") (STRING | WORD))?
    mutating func parseOutputClause() throws(Diagnostic) -> OutputClause {
        var clause = OutputClause()
        if matchKeyword("as") {
            offer(.value(.choice(CommandTable.outputFormats)))
            let token = try expect(
                .word, "expected a format after 'as' (\(CommandTable.outputFormats.joined(separator: ", ")))")
            clause.format = Located(text(of: token).lowercased(), token.range)
        }
        if check(.symbol(.greater)) || check(.symbol(.append)) {
            let append = advance().kind == .symbol(.append)
            offer(.value(.file))
            guard !isAtEndOfCommand else {
                throw .error(ParseProblem.missingFileName(append: append), at: endRange)
            }
            clause.redirect = Redirect(path: try parsePath(), append: append)
        }
        return clause
    }

    /// path := STRING | (any tokens written without spaces between them)
    ///
    /// So `> /tmp/out.csv` and `> ../out.csv` work unquoted after a redirection.
    mutating func parsePath() throws(Diagnostic) -> Argument {
        switch peek().kind {
        case .string: return try parseAtom()
        case .variable:  // `> $file`: variables work in any argument (spec §1)
            let next = peek(1)
            if next.kind == .endOfCommand || next.kind == .endOfFile
                || next.range.start.utf8Offset != peek().range.end.utf8Offset
            {
                return try parseAtom()
            }
        case .error where text(of: peek()).hasPrefix("$") || text(of: peek()).hasPrefix("\""):
            return try parseAtom()  // a bad variable or string reports its lexer error
        default: break
        }
        let first = advance()
        var last = first
        while !isAtEndOfCommand, peek().range.start.utf8Offset == last.range.end.utf8Offset { last = advance() }
        let range = first.range.through(last.range)
        return Argument(.word(source(range)), range)
    }

    /// report := "report" KIND atom* ("by" WORD | "under" atom)* outputClause
    mutating func parseReport() throws(Diagnostic) -> Command.Body {
        let token = peek()
        offerSlot(0)
        guard token.kind == .word, let kind = ReportKind(rawValue: text(of: token).lowercased()) else {
            let names = ReportKind.allCases.map(\.rawValue)
            if isAtEndOfCommand {
                throw .error(ParseProblem.needsReport(reports: names), at: endRange)
            }
            let problem =
                token.kind == .word
                ? ParseProblem.unknownReport(text(of: token), reports: names)
                : .expectedReport(found: describe(token), reports: names)
            throw .error(problem, at: token.range)
        }
        advance()
        var arguments: [Argument] = []
        var under: Argument?
        var groupBy: Located<String>?
        while !isAtEndOfCommand, !checkKeyword("as"), !check(.symbol(.greater)), !check(.symbol(.append)) {
            if checkKeyword("by") || checkKeyword("under") {
                let keyword = advance()
                let word = text(of: keyword).lowercased()
                if word == "by" ? groupBy != nil : under != nil {
                    throw .error(ParseProblem.clauseGivenTwice(word), at: keyword.range)
                }
                if word == "under" {
                    offer(.value(.ref(.unit)))
                    under = try parseAtom()
                    continue
                }
                offer(.value(.choice(kind.groupings)))
                let field = try expect(.word, "expected a field after 'by' (unit, level, category, rank)")
                groupBy = Located(text(of: field).lowercased(), field.range)
            } else {
                arguments.append(try parseAtom())
            }
        }
        offerReportRest(kind, arguments: arguments.count, by: groupBy != nil, under: under != nil)
        let report = Report(kind: Located(kind, token.range), arguments: arguments, under: under, groupBy: groupBy)
        return .report(report, try parseOutputClause())
    }
}
