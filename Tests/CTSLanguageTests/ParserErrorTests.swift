import Testing
@testable import CTSLanguage
import CTSDomain

/// Syntax errors: exact message, exact position (1️⃣ marks the start, 2️⃣ the end), and recovery.
@Suite("Parser: errors")
struct ParserErrorTests {
    static let unitAddUsage = #"usage: unit add ID "NAME" kind=K level=L [parent=UNIT]"#
    static let enrollUsage = "usage: enroll CADRE[,CADRE...] in COURSE   or   enroll (cadres where COND) in COURSE"
    static let collections =
        "units, cadres, courses, enrollments, rules, exemptions, budgets, plans, inspections, findings, practices"
    static let reports = "compliance, budget, inspections, courses, plan"

    // MARK: Commands

    @Test func unknownCommandWithSuggestion() {
        expectError("1️⃣lisst2️⃣ cadres", "unknown command 'lisst' (did you mean 'list'?)")
        expectError("1️⃣Reprot2️⃣ compliance r1", "unknown command 'Reprot' (did you mean 'report'?)")
        expectError("  1️⃣enrol2️⃣ c1 in k1", "unknown command 'enrol' (did you mean 'enroll'?)")
    }

    @Test func unknownCommandWithoutSuggestion() {
        expectError("1️⃣xyzzy2️⃣", "unknown command 'xyzzy'")
        expectError("1️⃣frobnicate2️⃣ cadres", "unknown command 'frobnicate'")
    }

    @Test func collectionWordAsCommand() {
        expectError("1️⃣cadres2️⃣", "unknown command 'cadres'; to see cadres type 'list cadres'")
    }

    @Test func notACommandWord() {
        expectError("1️⃣422️⃣ cadres", "expected a command, found '42'")
        expectError(#"1️⃣"list"2️⃣"#, "expected a command, found a string")
        expectError("1️⃣(2️⃣list cadres)", "expected a command, found '('")
        expectError("1️⃣'2️⃣list'", #"unexpected character ''' (strings use plain double quotes ")"#)
    }

    @Test func unknownSubcommand() {
        expectError(
            #"unit 1️⃣ad2️⃣ js "J""#, "unknown command 'unit ad' (did you mean 'add'?); 'unit' takes add, set, remove, show"
        )
        expectError("cadre 1️⃣list2️⃣", "unknown command 'cadre list'; 'cadre' takes add, set, remove, show")
        expectError("budget 1️⃣add2️⃣ nj 2009", "unknown command 'budget add'; 'budget' takes set, remove, show")
        expectError("1️⃣finding2️⃣", "'finding' needs one of: add, resolve, set, remove, show")
        expectError("1️⃣unit2️⃣ 42", "'unit' needs one of: add, set, remove, show")
    }

    // MARK: Options

    @Test func unknownOptionWithSuggestion() {
        expectError(
            #"unit add js "J" 1️⃣knd2️⃣=locality level=province"#,
            "unknown option 'knd=' for 'unit add' (did you mean 'kind='?)")
        expectError("cadre set c1 1️⃣rnak2️⃣=bureau", "unknown option 'rnak=' for 'cadre set' (did you mean 'rank='?)")
    }

    @Test func unknownOptionWithoutSuggestion() {
        expectError(
            #"unit add js "J" kind=locality 1️⃣colour2️⃣=red level=province"#,
            "unknown option 'colour=' for 'unit add'; 'unit add' takes kind=, level=, parent=")
        expectError("enroll c1 in k1 1️⃣hours2️⃣=3", "unknown option 'hours=' for 'enroll'; 'enroll' takes no options")
        expectError(
            "unit set js 1️⃣id2️⃣=x", "unknown option 'id=' for 'unit set'; 'unit set' takes name=, kind=, level=, parent=")
    }

    @Test func optionGivenTwice() {
        expectError(#"unit add js "J" kind=locality 1️⃣KIND2️⃣=department level=province"#, "kind= is given twice")
        expectError("complete c1 in k1 date=2009-01-01 1️⃣date2️⃣=2009-01-02", "date= is given twice")
    }

    @Test func optionWithoutValue() {
        expectError(#"unit add js "J" level=province kind1️⃣=2️⃣"#, "expected a value after 'kind='")
    }

    @Test func missingRequiredOption() {
        expectError(#"1️⃣unit add2️⃣ js "J" kind=locality"#, "'unit add' needs level=…; \(Self.unitAddUsage)")
        expectError(#"1️⃣unit add2️⃣ js "J""#, "'unit add' needs kind=…; \(Self.unitAddUsage)")
        expectError("1️⃣exempt2️⃣ c1 from r1", #"'exempt' needs reason=…; usage: exempt CADRE from RULE reason="TEXT""#)
        expectError("1️⃣finding resolve2️⃣ f1", "'finding resolve' needs date=…; usage: finding resolve ID date=DATE")
    }

    // MARK: Positionals

    @Test func missingPositional() {
        expectError("unit add js kind=locality level=province1️⃣", #"'unit add' needs "NAME"; \#(Self.unitAddUsage)"#)
        expectError("cadre show1️⃣", "'cadre show' needs ID; usage: cadre show ID")
        expectError("budget remove nj.fin1️⃣  ", "'budget remove' needs YEAR; usage: budget remove UNIT YEAR")
        expectError("include1️⃣ # no file", #"'include' needs FILE; usage: include "FILE.cts""#)
        expectError("set format1️⃣", "'set' needs VALUE; usage: set [OPTION VALUE]")
    }

    @Test func extraPositional() {
        expectError(
            #"unit add js "J" 1️⃣extra2️⃣ kind=locality level=province"#,
            "unexpected argument 'extra'; \(Self.unitAddUsage)")
        expectError("cadre show c1 1️⃣c22️⃣", "unexpected argument 'c2'; usage: cadre show ID")
        expectError("quit 1️⃣now2️⃣", "unexpected argument 'now'; usage: quit")
        expectError(#"help unit add 1️⃣"x y"2️⃣"#, #"unexpected argument '"x y"'; usage: help [COMMAND|TOPIC]"#)
        expectError("cadre remove c1 1️⃣casade2️⃣", "unexpected argument 'casade'; usage: cadre remove ID [cascade]")
    }

    @Test func wrongKeyword() {
        expectError(
            #"exempt c1 1️⃣form2️⃣ r1 reason="x""#,
            #"expected 'from', found 'form'; usage: exempt CADRE from RULE reason="TEXT""#)
        expectError(
            #"import cadres 1️⃣in2️⃣ "c.csv""#, #"expected 'from', found 'in'; usage: import COLLECTION from "FILE.csv""#)
        expectError(#"exempt c1 reason="x"1️⃣"#, #"expected 'from'; usage: exempt CADRE from RULE reason="TEXT""#)
    }

    // MARK: Enrollment

    @Test func enrollmentErrors() {
        expectError("enroll c1 1️⃣k12️⃣", "expected 'in COURSE', found 'k1'; \(Self.enrollUsage)")
        expectError("enroll c1 in1️⃣", "expected a course id after 'in'")
        expectError("enroll1️⃣", "'enroll' needs the cadres; \(Self.enrollUsage)")
        expectError(
            "enroll (1️⃣cadre2️⃣ where rank > staff) in k1", "expected 'cadres', found 'cadre'; \(Self.enrollUsage)")
        expectError("enroll (cadres 1️⃣rank2️⃣ > staff) in k1", "expected 'where' after 'cadres', found 'rank'")
        expectError(
            "enroll (cadres where rank > staff 1️⃣in2️⃣ k1", "expected ')' to close '(cadres where ...', found 'in'")
        expectError(
            "complete c1 in k1 1️⃣k22️⃣",
            "unexpected 'k2'; usage: complete CADRE[,CADRE...] in COURSE [hours=N|days=N] [date=DATE]")
    }

    // MARK: Queries

    @Test func unknownCollection() {
        expectError("list 1️⃣cadre2️⃣", "unknown collection 'cadre' (did you mean 'cadres'?)")
        expectError("count 1️⃣cadrs2️⃣ by unit", "unknown collection 'cadrs' (did you mean 'cadres'?)")
        expectError("list 1️⃣people2️⃣", "unknown collection 'people'; collections are \(Self.collections)")
        expectError("list1️⃣", "expected a collection (\(Self.collections)), found the end of the command")
        expectError("print count(1️⃣course2️⃣)", "unknown collection 'course' (did you mean 'courses'?)")
    }

    @Test func unknownClause() {
        expectError(
            "list cadres 1️⃣wher2️⃣ rank > staff",
            "unexpected 'wher' (did you mean 'where'?); usage: list COLLECTION [where COND] [sort FIELD [desc], ...] "
                + "[limit N] [columns F1, F2, ...] [as FORMAT] [> FILE]")
        expectError(
            "count cadres 1️⃣sort2️⃣ name",
            "unexpected 'sort'; usage: count COLLECTION [where COND] [by FIELD] [as FORMAT] [> FILE]")
        expectError("list cadres where a = 1 1️⃣where2️⃣ b = 2", "'where' is given twice")
        expectError(
            "list cadres 1️⃣42️⃣",
            "unexpected '4'; usage: list COLLECTION [where COND] [sort FIELD [desc], ...] "
                + "[limit N] [columns F1, F2, ...] [as FORMAT] [> FILE]")
    }

    @Test func badLimit() {
        expectError("list cadres limit 1️⃣x2️⃣", "expected a whole number after 'limit', found 'x'")
        expectError("list cadres limit 1️⃣2.52️⃣", "expected a whole number after 'limit', found '2.5'")
        expectError("list cadres limit 1️⃣-2️⃣1", "expected a whole number after 'limit', found '-'")
        expectError("list cadres limit1️⃣", "expected a whole number after 'limit', found the end of the command")
        // Too large for an Int: an error, not a crash.
        expectError(
            "list cadres limit 1️⃣999999999999999999992️⃣",
            "expected a whole number after 'limit', found '99999999999999999999'")
        expectError("list cadres limit 1️⃣1e302️⃣", "expected a whole number after 'limit', found '1e30'")
    }

    @Test func badOutputClause() {
        expectError(
            "list cadres as1️⃣",
            "expected a format after 'as' (table, csv, tsv, json, ndjson, markdown), found the end of the command")
        expectError("list cadres >1️⃣", "expected a file name after '>'")
        expectError("count cadres as csv >>1️⃣", "expected a file name after '>>'")
    }

    @Test func statsErrors() {
        expectError(
            "stats hours(2009) 1️⃣cadres2️⃣",
            "expected 'of COLLECTION' after the expression, found 'cadres'; usage: stats EXPR of COLLECTION "
                + "[where COND] [by FIELD] [as FORMAT] [> FILE]")
        expectError(
            "stats hours(2009) of cadres 1️⃣sort2️⃣ rank",
            "unexpected 'sort'; usage: stats EXPR of COLLECTION [where COND] [by FIELD] [as FORMAT] [> FILE]")
    }

    @Test func unknownReport() {
        expectError(
            "report 1️⃣complance2️⃣ lead5y",
            "unknown report 'complance' (did you mean 'compliance'?); reports are \(Self.reports)")
        expectError("report 1️⃣people2️⃣", "unknown report 'people'; reports are \(Self.reports)")
        expectError("report1️⃣", "'report' needs one of: \(Self.reports)")
        expectError(#"report 1️⃣"budget"2️⃣"#, "expected a report, found a string; reports are \(Self.reports)")
        expectError(
            "report compliance r1 by1️⃣",
            "expected a field after 'by' (unit, level, category, rank), found the end of the command")
        expectError("report compliance r1 by unit 1️⃣by2️⃣ rank", "'by' is given twice")
        expectError("report budget 2009..2010 under js 1️⃣UNDER2️⃣ nj", "'under' is given twice")
        expectError("report budget 2009..2010 under1️⃣", "expected a value, found the end of the command")
    }

    // MARK: Expressions

    @Test func unclosedParenthesis() {
        // A `(` still open when the command ends: the error points at the `(`.
        let neverClosed = "this '(' is never closed; add ')' to close it"
        expectError("list cadres where 1️⃣(2️⃣rank >= county", neverClosed)
        expectError("print hours1️⃣(2️⃣2009", neverClosed)
        expectError("print count1️⃣(2️⃣cadres where x = 1\n", neverClosed)
        expectError("print rank in 1️⃣(2️⃣county, bureau", neverClosed)
        expectError(#"rule add r1 "T" for=1️⃣(2️⃣rank >= county"#, neverClosed)
        expectError("enroll 1️⃣(2️⃣cadres where rank > staff", neverClosed)
        // An open parenthesis continues the command onto the next line, so the next line is
        // read as part of it; a note says where the `(` is.
        expectError(
            "list cadres where (rank >= county\n1️⃣count2️⃣ cadres", "expected ')', found 'count'",
            notes: ["the '(' at 1:19 is still open"])
        expectError(
            "print hours(2009\n\n   1️⃣quit2️⃣", "expected ')' to close hours(, found 'quit'",
            notes: ["the '(' at 1:12 is still open"])
        expectError(
            #"rule add r1 "T" for=(rank >= county 1️⃣period2️⃣=2009 days=1"#,
            "expected ')' to close the condition, found 'period'")
    }

    @Test func expressionErrors() {
        expectError("print 1 +1️⃣", "expected a value, found the end of the command")
        expectError("print1️⃣", "expected a value, found the end of the command")
        expectError("print rank in 1️⃣county2️⃣", "expected '(' after 'in', as in rank in (county, bureau), found 'county'")
        expectError(
            "print sum(hours 1️⃣courses2️⃣)", "expected 'of COLLECTION' in sum(EXPR of COLLECTION), found 'courses'")
        expectError("print x of cadre1️⃣", "expected a cadre id after 'of cadre'")
        expectError("print a = b 1️⃣=2️⃣ c", "unexpected '='; usage: print EXPR")
        expectError("print (1️⃣)2️⃣", "expected a value, found ')'")
        expectError("let 1️⃣=2️⃣ 3", "expected a variable name after 'let', found '='")
        expectError("let x 1️⃣32️⃣", "expected '=' after the variable name, found '3'")
    }

    @Test func nestingIsLimited() throws {
        // 100 levels (the command's expression counts as one) parse; one more is an error, not
        // a stack overflow, and a thousand levels are refused just the same.
        func parens(_ n: Int) -> String { String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) }
        #expect(try expr(parens(99)) == "1")
        expectError(
            "print " + String(repeating: "(", count: 100) + "1️⃣1" + String(repeating: ")", count: 100),
            "expression nested too deeply (more than 100 levels)")
        #expect(try expr(String(repeating: "- ", count: 99) + "1").hasPrefix("(neg (neg "))
        expectError(
            "print " + String(repeating: "- ", count: 99) + "1️⃣-2️⃣ 1",
            "expression nested too deeply (more than 100 levels)")
        expectError(
            "print " + String(repeating: "not ", count: 99) + "1️⃣not2️⃣ x",
            "expression nested too deeply (more than 100 levels)")
        let items = Parser.parse("print " + parens(1000) + "\nquit\nprint " + parens(50), fileID: 0)
        #expect(
            items.map(describe) == [
                "error 1:107: expression nested too deeply (more than 100 levels)", "quit: simple", "print: print 1",
            ])
    }

    // MARK: Lexer errors surface with their own message and position

    @Test func lexerErrors() {
        expectError(#"unit add js 1️⃣"Jiangsu kind=locality level=province2️⃣"#, "unterminated string")
        expectError(
            "course add k1 \"T\" kind=off-job provider=p start=1️⃣2009-02-302️⃣ end=2009-03-01 hours=1",
            "'2009-02-30' is not a real date")
        expectError("list courses where start > 1️⃣2009-13-012️⃣", "'2009-13-01' is not a real date")
        expectError(#"echo 1️⃣"abc2️⃣"#, "unterminated string")
        expectError(#"echo 1️⃣"a\q"2️⃣"#, #"unknown escape '\q' in string"#)
        expectError(
            #"echo 1️⃣"a\u{zz}"2️⃣"#, #"malformed unicode escape in string: write it as \u{4E2D} with 1 to 6 hex digits"#)
        expectError(#"assert x = 1 1️⃣"msg2️⃣"#, "unterminated string")
        expectError("print 1 1️⃣'2️⃣ 2", #"unexpected character ''' (strings use plain double quotes ")"#)
        expectError("report budget 1️⃣2010..20092️⃣", "empty period 2010..2009: the first year is after the last")
        expectError("list cadres >> 1️⃣$2️⃣", "expected a variable name after '$'")
        expectError("cadre show c1 1️⃣\\2️⃣ c2", #"stray '\'"#)
    }

    @Test func lexerErrorOnALaterLine() {
        expectError("# c\n\n  set today 1️⃣2009-02-292️⃣", "'2009-02-29' is not a real date")
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
