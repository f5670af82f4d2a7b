import Testing
@testable import CTSLanguage
import CTSDomain

/// Syntax errors: exact problem (case and arguments), exact position (1️⃣ marks the start, 2️⃣ the end), and recovery.
@Suite("Parser: errors")
struct ParserErrorTests {
    // MARK: Commands

    @Test func unknownCommandWithSuggestion() {
        expectError("1️⃣lisst2️⃣ cadres", ParseProblem.unknownCommand("lisst", candidates: CommandTable.firstWords))
        expectError(
            "1️⃣Reprot2️⃣ compliance r1", ParseProblem.unknownCommand("Reprot", candidates: CommandTable.firstWords))
        expectError("  1️⃣enrol2️⃣ c1 in k1", ParseProblem.unknownCommand("enrol", candidates: CommandTable.firstWords))
    }

    @Test func unknownCommandWithoutSuggestion() {
        expectError("1️⃣xyzzy2️⃣", ParseProblem.unknownCommand("xyzzy", candidates: CommandTable.firstWords))
        expectError(
            "1️⃣frobnicate2️⃣ cadres", ParseProblem.unknownCommand("frobnicate", candidates: CommandTable.firstWords))
    }

    @Test func collectionWordAsCommand() {
        expectError("1️⃣cadres2️⃣", ParseProblem.collectionAsCommand("cadres", .cadre))
    }

    @Test func notACommandWord() {
        expectError("1️⃣422️⃣ cadres", ParseProblem.expectedCommand(found: "'42'"))
        expectError(#"1️⃣"list"2️⃣"#, ParseProblem.expectedCommand(found: "a string"))
        expectError("1️⃣(2️⃣list cadres)", ParseProblem.expectedCommand(found: "'('"))
        expectError("1️⃣'2️⃣list'", LexProblem.unexpectedCharacter("'"))
    }

    @Test func unknownSubcommand() {
        expectError(
            #"unit 1️⃣ad2️⃣ js "J""#,
            ParseProblem.unknownSubcommand("unit", "ad", subcommands: ["add", "set", "remove", "show"]))
        expectError(
            "cadre 1️⃣list2️⃣",
            ParseProblem.unknownSubcommand("cadre", "list", subcommands: ["add", "set", "remove", "show"]))
        expectError(
            "budget 1️⃣add2️⃣ nj 2009",
            ParseProblem.unknownSubcommand("budget", "add", subcommands: ["set", "remove", "show"]))
        expectError(
            "1️⃣finding2️⃣",
            ParseProblem.needsSubcommand("finding", subcommands: ["add", "resolve", "set", "remove", "show"]))
        expectError("1️⃣unit2️⃣ 42", ParseProblem.needsSubcommand("unit", subcommands: ["add", "set", "remove", "show"]))
    }

    // MARK: Options

    @Test func unknownOptionWithSuggestion() {
        expectError(
            #"unit add js "J" 1️⃣knd2️⃣=locality level=province"#,
            ParseProblem.unknownOption(key: "knd", command: "unit add", known: ["kind", "level", "parent"]))
        expectError(
            "cadre set c1 1️⃣rnak2️⃣=bureau",
            ParseProblem.unknownOption(
                key: "rnak", command: "cadre set", known: ["name", "unit", "rank", "category", "born", "status"]))
    }

    @Test func unknownOptionWithoutSuggestion() {
        expectError(
            #"unit add js "J" kind=locality 1️⃣colour2️⃣=red level=province"#,
            ParseProblem.unknownOption(key: "colour", command: "unit add", known: ["kind", "level", "parent"]))
        expectError("enroll c1 in k1 1️⃣hours2️⃣=3", ParseProblem.unknownOption(key: "hours", command: "enroll", known: []))
        expectError(
            "unit set js 1️⃣id2️⃣=x",
            ParseProblem.unknownOption(key: "id", command: "unit set", known: ["name", "kind", "level", "parent"]))
    }

    @Test func optionGivenTwice() {
        expectError(
            #"unit add js "J" kind=locality 1️⃣KIND2️⃣=department level=province"#,
            ParseProblem.optionGivenTwice(key: "kind"))
        expectError("complete c1 in k1 date=2009-01-01 1️⃣date2️⃣=2009-01-02", ParseProblem.optionGivenTwice(key: "date"))
    }

    @Test func optionWithoutValue() {
        expectError(#"unit add js "J" level=province kind1️⃣=2️⃣"#, ParseProblem.missingOptionValue(key: "kind"))
        expectError(#"unit add js "J" kind1️⃣=2️⃣ level=province"#, ParseProblem.missingOptionValue(key: "kind"))
        expectError(#"unit add js "J" kind 1️⃣=2️⃣locality level=province"#, ParseProblem.strayEquals)
        expectError("rule add r1 \"R\" for=rank 1️⃣=2️⃣ county period=2009..2010 hours=1", ParseProblem.strayEquals)
    }

    @Test func missingRequiredOption() {
        expectError(
            #"1️⃣unit add2️⃣ js "J" kind=locality"#,
            ParseProblem.missingOption(key: "level", command: "unit add", usage: usage("unit add")))
        expectError(
            #"1️⃣unit add2️⃣ js "J""#,
            ParseProblem.missingOption(key: "kind", command: "unit add", usage: usage("unit add")))
        expectError(
            "1️⃣exempt2️⃣ c1 from r1", ParseProblem.missingOption(key: "reason", command: "exempt", usage: usage("exempt")))
        expectError(
            "1️⃣finding resolve2️⃣ f1",
            ParseProblem.missingOption(key: "date", command: "finding resolve", usage: usage("finding resolve")))
    }

    // MARK: Positionals

    @Test func missingPositional() {
        expectError(
            "unit add js kind=locality level=province1️⃣",
            ParseProblem.missingArgument("\"NAME\"", command: "unit add", usage: usage("unit add")))
        expectError(
            "cadre show1️⃣", ParseProblem.missingArgument("ID", command: "cadre show", usage: usage("cadre show")))
        expectError(
            "budget remove nj.fin1️⃣  ",
            ParseProblem.missingArgument("YEAR", command: "budget remove", usage: usage("budget remove")))
        expectError(
            "include1️⃣ # no file", ParseProblem.missingArgument("FILE", command: "include", usage: usage("include")))
        expectError("set format1️⃣", ParseProblem.missingArgument("VALUE", command: "set", usage: usage("set")))
        // The positionals before the options, as the usage has them.
        expectError("unit add1️⃣", ParseProblem.missingArgument("ID", command: "unit add", usage: usage("unit add")))
        expectError("assert1️⃣", ParseProblem.missingArgument("COND", command: "assert", usage: usage("assert")))
    }

    @Test func extraPositional() {
        expectError(
            #"unit add js "J" 1️⃣extra2️⃣ kind=locality level=province"#,
            ParseProblem.unexpectedArgument("extra", usage: usage("unit add")))
        expectError("cadre show c1 1️⃣c22️⃣", ParseProblem.unexpectedArgument("c2", usage: usage("cadre show")))
        expectError("quit 1️⃣now2️⃣", ParseProblem.unexpectedArgument("now", usage: usage("quit")))
        expectError(#"help unit add 1️⃣"x y"2️⃣"#, ParseProblem.unexpectedArgument("\"x y\"", usage: usage("help")))
        expectError("cadre remove c1 1️⃣casade2️⃣", ParseProblem.unexpectedArgument("casade", usage: usage("cadre remove")))
    }

    @Test func wrongKeyword() {
        expectError(
            #"exempt c1 1️⃣form2️⃣ r1 reason="x""#,
            ParseProblem.expectedKeyword("from", found: "form", usage: usage("exempt")))
        expectError(
            #"import cadres 1️⃣in2️⃣ "c.csv""#, ParseProblem.expectedKeyword("from", found: "in", usage: usage("import")))
        expectError(#"exempt c1 reason="x"1️⃣"#, ParseProblem.expectedKeyword("from", found: nil, usage: usage("exempt")))
    }

    // MARK: Enrollment

    @Test func enrollmentErrors() {
        expectError(
            "enroll c1 1️⃣k12️⃣", ParseProblem.expected("expected 'in COURSE'", found: "'k1'", usage: usage("enroll")))
        expectError("enroll c1 in1️⃣", ParseProblem.missingCourse)
        expectError("enroll1️⃣", ParseProblem.missingCadres(command: "enroll", usage: usage("enroll")))
        expectError("enroll 1️⃣in2️⃣ k1", ParseProblem.missingCadres(command: "enroll", usage: usage("enroll")))
        expectError(
            "enroll (1️⃣cadre2️⃣ where rank > staff) in k1",
            ParseProblem.expectedCadres(found: "cadre", usage: usage("enroll")))
        expectError(
            "enroll (cadres 1️⃣rank2️⃣ > staff) in k1",
            ParseProblem.expected("expected 'where' after 'cadres'", found: "'rank'"))
        expectError(
            "enroll (cadres where rank > staff 1️⃣in2️⃣ k1",
            ParseProblem.expected("expected ')' to close '(cadres where ...'", found: "'in'"))
        expectError(
            "complete c1 in k1 1️⃣k22️⃣",
            ParseProblem.unexpected(found: "'k2'", usage: usage("complete")))
    }

    // MARK: Queries

    @Test func unknownCollection() {
        expectError("list 1️⃣cadre2️⃣", ParseProblem.unknownCollection("cadre"))
        expectError("count 1️⃣cadrs2️⃣ by unit", ParseProblem.unknownCollection("cadrs"))
        expectError("list 1️⃣people2️⃣", ParseProblem.unknownCollection("people"))
        expectError("list1️⃣", ParseProblem.expectedCollection(found: "the end of the command"))
        expectError("print count(1️⃣course2️⃣)", ParseProblem.unknownCollection("course"))
    }

    @Test func unknownClause() {
        expectError(
            "list cadres 1️⃣wher2️⃣ rank > staff",
            ParseProblem.unexpectedWord("wher", suggestion: "where", usage: usage("list")))
        expectError(
            "count cadres 1️⃣sort2️⃣ name",
            ParseProblem.unexpectedWord("sort", suggestion: nil, usage: usage("count")))
        expectError("list cadres where a = 1 1️⃣where2️⃣ b = 2", ParseProblem.clauseGivenTwice("where"))
        expectError(
            "list cadres 1️⃣42️⃣",
            ParseProblem.unexpected(found: "'4'", usage: usage("list")))
    }

    @Test func clauseWithNothingAfterIt() {
        expectError(
            "list cadres columns1️⃣",
            ParseProblem.expected(
                "expected a field after 'columns'", found: "the end of the command", usage: usage("list")))
        expectError(
            "count cadres where1️⃣",
            ParseProblem.expected(
                "expected a condition after 'where'", found: "the end of the command", usage: usage("count")))
    }

    @Test func badLimit() {
        expectError("list cadres limit 1️⃣x2️⃣", ParseProblem.expectedLimit(found: "'x'"))
        expectError("list cadres limit 1️⃣2.52️⃣", ParseProblem.expectedLimit(found: "'2.5'"))
        expectError("list cadres limit 1️⃣-2️⃣1", ParseProblem.expectedLimit(found: "'-'"))
        expectError("list cadres limit1️⃣", ParseProblem.expectedLimit(found: "the end of the command"))
        // Too large for an Int: an error, not a crash.
        expectError(
            "list cadres limit 1️⃣999999999999999999992️⃣",
            ParseProblem.expectedLimit(found: "'99999999999999999999'"))
        expectError("list cadres limit 1️⃣1e302️⃣", ParseProblem.expectedLimit(found: "'1e30'"))
    }

    @Test func badOutputClause() {
        expectError(
            "list cadres as1️⃣",
            ParseProblem.expected(
                "expected a format after 'as' (table, csv, tsv, json, ndjson, markdown, chart, html, xlsx)",
                found: "the end of the command"))
        expectError("list cadres >1️⃣", ParseProblem.missingFileName(append: false))
        expectError("count cadres as csv >>1️⃣", ParseProblem.missingFileName(append: true))
    }

    @Test func statsErrors() {
        expectError(
            "stats hours(2009) 1️⃣cadres2️⃣",
            ParseProblem.expected(
                "expected 'of COLLECTION' after the expression", found: "'cadres'", usage: usage("stats")))
        expectError(
            "stats hours(2009) of cadres 1️⃣sort2️⃣ rank",
            ParseProblem.unexpectedWord("sort", suggestion: nil, usage: usage("stats")))
    }

    @Test func unknownReport() {
        expectError(
            "report 1️⃣complance2️⃣ lead5y",
            ParseProblem.unknownReport(
                "complance", reports: ["compliance", "budget", "inspections", "courses", "plan"]))
        expectError(
            "report 1️⃣people2️⃣",
            ParseProblem.unknownReport("people", reports: ["compliance", "budget", "inspections", "courses", "plan"]))
        expectError(
            "report1️⃣", ParseProblem.needsReport(reports: ["compliance", "budget", "inspections", "courses", "plan"]))
        expectError(
            #"report 1️⃣"budget"2️⃣"#,
            ParseProblem.expectedReport(
                found: "a string", reports: ["compliance", "budget", "inspections", "courses", "plan"]))
        expectError(
            "report compliance r1 by1️⃣",
            ParseProblem.expected(
                "expected a field after 'by' (unit, level, category, rank)", found: "the end of the command"))
        expectError("report compliance r1 by unit 1️⃣by2️⃣ rank", ParseProblem.clauseGivenTwice("by"))
        expectError("report budget 2009..2010 under js 1️⃣UNDER2️⃣ nj", ParseProblem.clauseGivenTwice("under"))
        expectError("report budget 2009..2010 under1️⃣", ParseProblem.expectedValue(found: "the end of the command"))
    }

    // MARK: Expressions

    @Test func unclosedParenthesis() {
        // A `(` still open when the command ends: the error points at the `(`.
        #expect(ParseProblem.neverClosed.message == "this '(' is never closed; add ')' to close it")
        expectError("list cadres where 1️⃣(2️⃣rank >= county", ParseProblem.neverClosed)
        expectError("print hours1️⃣(2️⃣2009", ParseProblem.neverClosed)
        expectError("print count1️⃣(2️⃣cadres where x = 1\n", ParseProblem.neverClosed)
        expectError("print rank in 1️⃣(2️⃣county, bureau", ParseProblem.neverClosed)
        expectError(#"rule add r1 "T" for=1️⃣(2️⃣rank >= county"#, ParseProblem.neverClosed)
        expectError("enroll 1️⃣(2️⃣cadres where rank > staff", ParseProblem.neverClosed)
        // An open parenthesis continues the command onto the next line, so the next line is
        // read as part of it; a note says where the `(` is.
        expectError(
            "list cadres where (rank >= county\n1️⃣count2️⃣ cadres",
            ParseProblem.expected("expected ')'", found: "'count'"),
            notes: ["the '(' at 1:19 is still open"])
        expectError(
            "print hours(2009\n\n   1️⃣quit2️⃣", ParseProblem.expected("expected ')' to close hours(", found: "'quit'"),
            notes: ["the '(' at 1:12 is still open"])
        expectError(
            #"rule add r1 "T" for=(rank >= county 1️⃣period2️⃣=2009 days=1"#,
            ParseProblem.expected("expected ')' to close the condition", found: "'period'"))
    }

    @Test func expressionErrors() {
        expectError("print 1 +1️⃣", ParseProblem.expectedValue(found: "the end of the command"))
        expectError("print1️⃣", ParseProblem.expectedValue(found: "the end of the command"))
        expectError(
            "print rank in 1️⃣county2️⃣",
            ParseProblem.expected("expected '(' after 'in', as in rank in (county, bureau)", found: "'county'"))
        expectError(
            "print sum(hours 1️⃣courses2️⃣)",
            ParseProblem.expected("expected 'of COLLECTION' in sum(EXPR of COLLECTION)", found: "'courses'"))
        expectError("print x of cadre1️⃣", ParseProblem.missingIDAfterOf(.cadre))
        expectError("print a = b 1️⃣=2️⃣ c", ParseProblem.unexpected(found: "'='", usage: usage("print")))
        expectError("print (1️⃣)2️⃣", ParseProblem.expectedValue(found: "')'"))
        expectError("let 1️⃣=2️⃣ 3", ParseProblem.expected("expected a variable name after 'let'", found: "'='"))
        expectError("let x 1️⃣32️⃣", ParseProblem.expected("expected '=' after the variable name", found: "'3'"))
    }

    @Test func nestingIsLimited() throws {
        // 100 levels (the command's expression counts as one) parse; one more is an error, not
        // a stack overflow, and a thousand levels are refused just the same.
        func parens(_ n: Int) -> String { String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) }
        #expect(try expr(parens(99)) == "1")
        expectError(
            "print " + String(repeating: "(", count: 100) + "1️⃣1" + String(repeating: ")", count: 100),
            ParseProblem.nestedTooDeeply(limit: 100))
        #expect(try expr(String(repeating: "- ", count: 99) + "1").hasPrefix("(neg (neg "))
        expectError(
            "print " + String(repeating: "- ", count: 99) + "1️⃣-2️⃣ 1",
            ParseProblem.nestedTooDeeply(limit: 100))
        expectError(
            "print " + String(repeating: "not ", count: 99) + "1️⃣not2️⃣ x",
            ParseProblem.nestedTooDeeply(limit: 100))
        let items = Parser.parse("print " + parens(1000) + "\nquit\nprint " + parens(50), fileID: 0)
        #expect(
            items.map(describe) == [
                "error 1:107: expression nested too deeply (more than 100 levels)", "quit: simple", "print: print 1",
            ])
    }

    // MARK: Lexer errors surface with their own message and position

    @Test func lexerErrors() {
        expectError(#"unit add js 1️⃣"Jiangsu kind=locality level=province2️⃣"#, LexProblem.unterminatedString)
        expectError(
            "course add k1 \"T\" kind=off-job provider=p start=1️⃣2009-02-302️⃣ end=2009-03-01 hours=1",
            LexProblem.notARealDate("2009-02-30"))
        expectError("list courses where start > 1️⃣2009-13-012️⃣", LexProblem.notARealDate("2009-13-01"))
        expectError(#"echo 1️⃣"abc2️⃣"#, LexProblem.unterminatedString)
        expectError(#"echo 1️⃣"a\q"2️⃣"#, LexProblem.unknownEscape("q"))
        expectError(
            #"echo 1️⃣"a\u{zz}"2️⃣"#, LexProblem.malformedUnicodeEscape)
        expectError(#"assert x = 1 1️⃣"msg2️⃣"#, LexProblem.unterminatedString)
        expectError("print 1 1️⃣'2️⃣ 2", LexProblem.unexpectedCharacter("'"))
        expectError("report budget 1️⃣2010..20092️⃣", LexProblem.emptyPeriod("2010..2009", byDays: false))
        expectError("list cadres >> 1️⃣$2️⃣", LexProblem.missingVariableName)
        expectError("cadre show c1 1️⃣\\2️⃣ c2", LexProblem.strayBackslash)
    }

    @Test func lexerErrorOnALaterLine() {
        expectError("# c\n\n  set today 1️⃣2009-02-292️⃣", LexProblem.notARealDate("2009-02-29"))
    }

    // MARK: Recovery

    @Test func recoveryKeepsGoodCommandsInOrder() {
        let script = """
            unit add js "Jiangsu" kind=locality level=province
            lisst cadres
            cadre add c1 "Li" unit=js rank=county category=leading
            unit add x "X" knd=locality level=city
            list cadres where (rank >= county
                and category = leading)
            exempt c1 form r1 reason="x"
            quit
            """
        let items = Parser.parse(script, fileID: 0)
        #expect(
            items.map(describe) == [
                #"unit add: record word:js str:"Jiangsu" ; kind=word:locality level=word:province"#,
                "error 2:1: unknown command 'lisst' (did you mean 'list'?)",
                #"cadre add: record word:c1 str:"Li" ; unit=word:js rank=word:county category=word:leading"#,
                "error 4:16: unknown option 'knd=' for 'unit add' (did you mean 'kind='?)",
                "list: list cadres where (and (>= rank county) (= category leading))",
                #"error 7:11: expected 'from', found 'form'; usage: exempt CADRE from RULE reason="TEXT""#,
                "quit: simple",
            ])
        #expect(items.filter { if case .error = $0 { true } else { false } }.count == 3)
    }

    @Test func oneErrorPerBadCommand() {
        // Panic mode: the rest of a bad command is skipped, however many other problems it has.
        let items = Parser.parse("unit add js \"J knd=\nlisst 'x' \"y\" )\nquit; lisst; exit\n", fileID: 0)
        #expect(
            items.map(describe) == [
                "error 1:13: unterminated string",
                "error 2:1: unknown command 'lisst' (did you mean 'list'?)",
                "quit: simple",
                "error 3:7: unknown command 'lisst' (did you mean 'list'?)",
                "exit: simple",
            ])
    }

    @Test func recoveryAfterAnUnclosedParenthesisResumesAfterTheCommandEnds() {
        // The open parenthesis runs to the end of the text: nothing after it is a command.
        let items = Parser.parse("print (1 + 2\nquit\nexit", fileID: 0)
        #expect(items.map(describe) == ["error 2:1: expected ')', found 'quit'"])
        guard case .error(let diagnostic) = items.first else { return }
        #expect(diagnostic.notes == ["the '(' at 1:7 is still open"])
        // A `;` ends the command even inside parentheses.
        let items2 = Parser.parse("print (1 + 2; quit", fileID: 0)
        #expect(items2.map(describe) == ["error 1:7: this '(' is never closed; add ')' to close it", "quit: simple"])
    }

    @Test func crlfLineEnds() {
        let items = Parser.parse("quit\r\nlisst\r\nexit\r\n", fileID: 0)
        #expect(
            items.map(describe) == [
                "quit: simple", "error 2:1: unknown command 'lisst' (did you mean 'list'?)", "exit: simple",
            ])
    }

    @Test func blankLinesCommentsAndShebang() {
        let items = Parser.parse("#!/usr/bin/env cts\n\n   \n# comment\nquit # bye\n\n", fileID: 0)
        #expect(items.map(describe) == ["quit: simple"])
        #expect(Parser.parse("", fileID: 0).isEmpty)
    }
}

@Suite struct ListLimitTests {
    /// A list or a run of one operator past the limit is an error at the first item too many,
    /// however the list goes on: the command is not kept whole in memory until it ends.
    @Test func listsAndRunsAreLimited() {
        func parse(_ source: String) -> [String] {
            var parser = Parser(text: source, fileID: 0)
            parser.listItemLimit = 3
            return parser.parseScript().map(describe)
        }
        let ok = [
            "count cadres where id in (c1, c2, c3)", "enroll c1,c2,c3 in k1", "list cadres sort a, b, c",
            "list cadres columns a, b, c", "print round(1, 2, 3)", "count cadres where a or b or c",
            "count cadres where a and b and c", "print 1 + 2 - 3", "print 1 * 2 / 3",
        ]
        for source in ok { #expect(!parse(source)[0].hasPrefix("error"), "\(source)") }
        let tooMany = [
            ("count cadres where id in (c1, c2, c3, c4, c5", "1:39: more than 3 items in one list"),
            ("enroll c1,c2,c3,c4 in k1", "1:17: more than 3 items in one list"),
            ("list cadres sort a, b, c, d", "1:27: more than 3 items in one list"),
            ("list cadres columns a, b, c, d", "1:30: more than 3 items in one list"),
            ("print round(1, 2, 3, 4)", "1:22: more than 3 items in one list"),
            ("count cadres where a or b or c or d", "1:35: more than 3 terms joined by 'or'"),
            ("count cadres where a and b and c and d", "1:38: more than 3 terms joined by 'and'"),
            ("print 1 + 2 - 3 + 4", "1:19: more than 3 terms joined by '+'"),
            ("print 1 * 2 / 3 / 4", "1:19: more than 3 terms joined by '/'"),
        ]
        for (source, error) in tooMany {
            #expect(parse(source) == ["error \(error); split the command into several"], "\(source)")
        }
    }

    /// The real limit: a list of a million items parses, one more is refused.
    @Test func aListHoldsAMillionItems() {
        let items = String(repeating: "c1,", count: Parser.maxListItems - 1) + "c1"
        #expect(!describe(Parser.parse("enroll \(items) in k1", fileID: 0)[0]).hasPrefix("error"))
        expectError("enroll \(items),1️⃣c1 in k1", ParseProblem.tooManyItems(limit: Parser.maxListItems, joinedBy: nil))
    }
}
