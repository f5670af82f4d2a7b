import Testing
@testable import CTSLanguage
import CTSDomain

/// Every command form of spec §3 parses into the right body, spec, positionals and options.
@Suite("Parser: commands")
struct ParserTests {
    // MARK: Setup commands

    @Test func unitAdd() throws {
        let command = try parseCommand(#"unit add js "Jiangsu" kind=locality level=province"#)
        #expect(command.spec.name == "unit add")
        #expect(command.spec.action == .add(.unit))
        #expect(describe(command.body) == #"record word:js str:"Jiangsu" ; kind=word:locality level=word:province"#)
        guard case .record(let args) = command.body else { Issue.record("not a record"); return }
        #expect(args.option("kind")?.value.word == "locality")
        #expect(args.option("parent") == nil)
    }

    @Test func unitAddWithParent() throws {
        #expect(
            try body(
                #"unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js"#)
                == #"record word:js.org str:"Organization Department of Jiangsu" ; kind=word:organization level=word:province parent=word:js"#
        )
    }

    @Test func cadreAddKeepsUnicodeText() throws {
        #expect(
            try body(#"cadre add c3 "Zhang Min – 张敏" unit=js.org rank=bureau category=leading born=1966"#)
                == #"record word:c3 str:"Zhang Min – 张敏" ; unit=word:js.org rank=word:bureau category=word:leading born=num:1966"#
        )
    }

    @Test func courseAddWithDates() throws {
        let text =
            #"course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12 capacity=40 organizer=js.org"#
        #expect(
            try body(text) == #"record word:k2 str:"Public Finance Basics" ; kind=word:short-term provider=word:js.ps "#
                + "start=date:2009-05-11 end=date:2009-05-22 days=num:12 capacity=num:40 organizer=word:js.org")
    }

    @Test func ruleAddKeepsTheConditionAsCanonicalText() throws {
        let command = try parseCommand(
            #"rule add lead5y "Leading cadres" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation"#
        )
        #expect(command.spec.name == "rule add")
        #expect(
            describe(command.body) == #"record word:lead5y str:"Leading cadres" ; "#
                + "for=cond(category = leading and rank >= county) = (and (= category leading) (>= rank county)) "
                + "period=period:2008..2012 hours=num:550 kinds=list[word:off-job, word:rotation]")
        guard case .record(let args) = command.body, let period = args.option("period"),
            case .period(let p) = period.value.kind
        else { Issue.record("no period"); return }
        #expect(p.isYears)
        #expect(p.first == Day(year: 2008, month: 1, day: 1))
        #expect(p.last == Day(year: 2012, month: 12, day: 31))
    }

    @Test func conditionTextFoldsGapsToOneSpace() throws {
        // Runs of spaces, a `\` continuation, newlines and comments inside the parentheses all
        // become one space; tokens written together stay together.
        let text =
            "rule add r1 \"T\" for=(category   =  leading \\\n   and\n rank>=county # senior\n  ) period=2009 days=12"
        guard case .record(let args) = try parseCommand(text).body,
            case .condition(let e, let source) = args.option("for")?.value.kind
        else {
            Issue.record("no condition")
            return
        }
        #expect(source == "category = leading and rank>=county")
        #expect(describe(e) == "(and (= category leading) (>= rank county))")
    }

    @Test func conditionSourceKeepsStringsAsWritten() throws {
        guard
            case .record(let args) = try parseCommand(
                #"rule add r1 "T" for=(name contains "a \"b\"") period=2009..2009 days=1"#
            ).body,
            case .condition(_, let source) = args.option("for")?.value.kind
        else {
            Issue.record("no condition")
            return
        }
        #expect(source == #"name contains "a \"b\"""#)
    }

    @Test func exempt() throws {
        let command = try parseCommand(#"exempt c1 from r1 reason="x""#)
        #expect(command.spec.name == "exempt")
        #expect(command.spec.action == .exempt)
        #expect(describe(command.body) == #"record word:c1 word:from word:r1 ; reason=str:"x""#)
    }

    @Test func keywordsAreCaseInsensitive() throws {
        let command = try parseCommand(#"UNIT Add js "J" KIND=locality Level=province"#)
        #expect(command.spec.name == "unit add")
        // Option keys are folded; values (ids, names) are kept as written.
        #expect(describe(command.body) == #"record word:js str:"J" ; kind=word:locality level=word:province"#)
        #expect(try body(#"exempt c1 FROM r1 reason="x""#) == #"record word:c1 word:FROM word:r1 ; reason=str:"x""#)
    }

    // MARK: Records

    @Test func budgetSet() throws {
        let command = try parseCommand("budget set nj.fin 2009 funds=1200000 revenue=3.2e10")
        #expect(command.spec.name == "budget set")
        #expect(command.spec.action == .upsert(.budget))
        #expect(describe(command.body) == "record word:nj.fin num:2009 ; funds=num:1200000 revenue=num:32000000000")
        #expect(
            try body("budget set nj.fin 2010 funds=1_260_000 revenue=36000000000 spent=1.5")
                == "record word:nj.fin num:2010 ; funds=num:1260000 revenue=num:36000000000 spent=num:1.5")
    }

    @Test func planSet() throws {
        let command = try parseCommand("plan set nj.fin 2010 participants=40 hours=3600")
        #expect(command.spec.action == .upsert(.plan))
        #expect(describe(command.body) == "record word:nj.fin num:2010 ; participants=num:40 hours=num:3600")
    }

    @Test func inspectionAdd() throws {
        #expect(
            try body(#"inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files""#)
                == #"record word:i1 ; by=word:js.org unit=word:nj.fin date=date:2010-05-12 scope=str:"Training files""#)
    }

    @Test func findingAddWithPositionalAfterOption() throws {
        let command = try parseCommand(#"finding add f1 inspection=i1 "TEXT" severity=medium due=2010-08-31"#)
        #expect(command.spec.name == "finding add")
        #expect(
            describe(command.body)
                == #"record word:f1 str:"TEXT" ; inspection=word:i1 severity=word:medium due=date:2010-08-31"#)
    }

    @Test func findingResolve() throws {
        let command = try parseCommand("finding resolve f1 date=2010-08-15")
        #expect(command.spec.action == .resolveFinding)
        #expect(describe(command.body) == "record word:f1 ; date=date:2010-08-15")
    }

    @Test func practiceAdd() throws {
        #expect(
            try body(#"practice add p1 unit=nj.fin year=2010 "Evening classes" promoted=yes"#)
                == #"record word:p1 str:"Evening classes" ; unit=word:nj.fin year=num:2010 promoted=word:yes"#)
    }

    @Test func variablesAreArguments() throws {
        #expect(try body("budget set $u $y funds=$f revenue=1") == "record var:$u var:$y ; funds=var:$f revenue=num:1")
    }

    static let kindsWithIDs: [EntityKind] = [.unit, .cadre, .course, .rule, .inspection, .finding, .practice]

    @Test(arguments: kindsWithIDs)
    func setRemoveShowForEveryKind(_ kind: EntityKind) throws {
        let s = kind.singular
        let field = kind.fields.first { $0.settable }!.name
        let set = try parseCommand("\(s) set x1 \(field)=v")
        #expect(set.spec.name == "\(s) set")
        #expect(set.spec.action == .update(kind))
        #expect(describe(set.body) == "record word:x1 ; \(field)=word:v")

        let remove = try parseCommand("\(s) remove x1")
        #expect(remove.spec.action == .remove(kind))
        #expect(describe(remove.body) == "record word:x1")

        let cascade = try parseCommand("\(s) remove x1 cascade")
        #expect(cascade.spec.name == "\(s) remove")
        #expect(describe(cascade.body) == "record word:x1 word:cascade")

        let show = try parseCommand("\(s) show x1")
        #expect(show.spec.action == .show(kind))
        #expect(describe(show.body) == "record word:x1")
    }

    @Test(arguments: [EntityKind.budget, .plan])
    func removeAndShowByUnitAndYear(_ kind: EntityKind) throws {
        let remove = try parseCommand("\(kind.singular) remove nj.fin 2009")
        #expect(remove.spec.action == .remove(kind))
        #expect(describe(remove.body) == "record word:nj.fin num:2009")
        let show = try parseCommand("\(kind.singular) show nj.fin 2009")
        #expect(show.spec.action == .show(kind))
        #expect(describe(show.body) == "record word:nj.fin num:2009")
    }

    @Test func setTakesSeveralFieldsAndDays() throws {
        #expect(
            try body(#"course set k1 title="New" capacity=40 days=3"#)
                == #"record word:k1 ; title=str:"New" capacity=num:40 days=num:3"#)
        #expect(
            try body("rule set r1 for=(rank >= bureau) kinds=online")
                == "record word:r1 ; for=cond(rank >= bureau) = (>= rank bureau) kinds=word:online")
    }

    // MARK: Enrollment

    @Test func enrollIDs() throws {
        let command = try parseCommand("enroll c1,c3 in k1")
        #expect(command.spec.name == "enroll")
        #expect(command.spec.action == .enrollment(.enroll))
        #expect(describe(command.body) == "enroll ids[word:c1, word:c3] in word:k1")
        #expect(try body("enroll c2 in k3") == "enroll ids[word:c2] in word:k3")
    }

    @Test func enrollMatching() throws {
        let command = try parseCommand("enroll (cadres where rank >= county) in k1")
        #expect(describe(command.body) == "enroll (cadres where (>= rank county)) in word:k1")
        guard case .enrollment(_, .matching(_, let range), _, _) = command.body else {
            Issue.record("not a matching selection")
            return
        }
        #expect(span(range) == "1:8@7-1:37@36")
    }

    @Test func completeWithOptions() throws {
        let command = try parseCommand("complete c1 in k1 hours=10 date=2009-05-01")
        #expect(command.spec.action == .enrollment(.complete))
        #expect(describe(command.body) == "complete ids[word:c1] in word:k1 ; hours=num:10 date=date:2009-05-01")
        #expect(try body("complete c1,c3 in k1") == "complete ids[word:c1, word:c3] in word:k1")
        #expect(try body("complete c1 in k2 days=2") == "complete ids[word:c1] in word:k2 ; days=num:2")
    }

    @Test func absentAndWithdraw() throws {
        #expect(try body("absent c2 in k2") == "absent ids[word:c2] in word:k2")
        #expect(try body("withdraw c2,c4 in k3") == "withdraw ids[word:c2, word:c4] in word:k3")
        #expect(try body("ENROLL C1 IN K1") == "enroll ids[word:C1] in word:K1")
    }

    // MARK: Queries

    @Test func listWithEveryClause() throws {
        let command = try parseCommand(
            #"list cadres where unit under js sort rank desc, name limit 5 columns id, name, hours(r1) as csv > "out.csv""#
        )
        #expect(command.spec.name == "list")
        #expect(
            describe(command.body) == "list cadres where (under unit js) sort rank desc, name limit 5 "
                + #"columns id 'id', name 'name', hours(r1) 'hours(r1)' as csv > str:"out.csv""#)
    }

    @Test func listClausesInAnyOrder() throws {
        #expect(try body("list courses limit 2 where kind = off-job") == "list courses where (= kind off-job) limit 2")
        #expect(try body("list units") == "list units")
        #expect(try body("list units limit 0") == "list units limit 0")
        #expect(try body("list units limit 1e2") == "list units limit 100")
        #expect(try body("list cadres sort rank asc") == "list cadres sort rank")
        #expect(
            try body("LIST Cadres WHERE rank >= county SORT rank DESC")
                == "list cadres where (>= rank county) sort rank desc")
    }

    @Test func columnHeadersAreAsWritten() throws {
        #expect(
            try body("list cadres columns id,name, unit.level ,hours(2008..2012),  hours(2009) + 1")
                == "list cadres columns id 'id', name 'name', unit.level 'unit.level', "
                + "hours(2008..2012) 'hours(2008..2012)', (+ hours(2009) 1) 'hours(2009) + 1'")
    }

    @Test func everyCollection() throws {
        let words = [
            "units", "cadres", "courses", "enrollments", "rules", "budgets", "plans", "inspections",
            "findings", "practices",
        ]
        for word in words {
            #expect(try body("list \(word)") == "list \(word)")
            #expect(try body("count \(word)") == "count \(word)")
        }
    }

    @Test func outputClauses() throws {
        #expect(try body("list cadres as json") == "list cadres as json")
        #expect(try body("list cadres as TSV") == "list cadres as tsv")
        #expect(try body("list cadres > out.csv") == "list cadres > word:out.csv")
        #expect(
            try body(#"list cadres as markdown >> "all cadres.md""#)
                == #"list cadres as markdown >> str:"all cadres.md""#)
        #expect(try body("count cadres >> $file") == "count cadres >> var:$file")
        // Unquoted paths: tokens written together are one path.
        #expect(try body("list cadres > /tmp/out.csv") == "list cadres > word:/tmp/out.csv")
        #expect(try body("list cadres > ../out-1.csv") == "list cadres > word:../out-1.csv")
    }

    @Test func countBy() throws {
        let command = try parseCommand("count cadres by unit")
        #expect(command.spec.action == .count)
        #expect(describe(command.body) == "count cadres by unit")
        #expect(
            try body("count cadres where rank >= county by unit.level as csv")
                == "count cadres where (>= rank county) by unit.level as csv")
        #expect(try body("count findings") == "count findings")
    }

    @Test func stats() throws {
        let command = try parseCommand("stats hours(2009) of cadres where category = leading by rank")
        #expect(command.spec.action == .stats)
        #expect(describe(command.body) == "stats hours(2009) of cadres where (= category leading) by rank")
        #expect(try body("stats hours * 2 + 1 of courses as json") == "stats (+ (* hours 2) 1) of courses as json")
        #expect(try body("stats end - start of courses") == "stats (- end start) of courses")
    }

    // MARK: Reports

    @Test func reports() throws {
        #expect(try body("report compliance lead5y") == "report compliance word:lead5y")
        #expect(try body("report compliance lead5y by unit") == "report compliance word:lead5y by unit")
        #expect(
            try body("report compliance lead5y by RANK as csv > r.csv")
                == "report compliance word:lead5y by rank as csv > word:r.csv")
        #expect(try body("report budget 2009..2010") == "report budget period:2009..2010")
        #expect(
            try body("report budget 2009..2010 under js as json")
                == "report budget period:2009..2010 under word:js as json")
        #expect(try body("report inspections") == "report inspections")
        #expect(try body("report inspections open") == "report inspections word:open")
        #expect(try body("report inspections overdue by unit") == "report inspections word:overdue by unit")
        #expect(try body("report courses 2009..2010 as markdown") == "report courses period:2009..2010 as markdown")
        #expect(try body(#"report plan 2010 >> "plan.txt""#) == #"report plan num:2010 >> str:"plan.txt""#)
        #expect(try body("REPORT Compliance lead5y") == "report compliance word:lead5y")
    }

    @Test func reportKindRange() throws {
        let command = try parseCommand("report  budget 2009..2010")
        guard case .report(let report, _) = command.body else { Issue.record("not a report"); return }
        #expect(span(report.kind.range) == "1:9@8-1:15@14")
        #expect(span(report.arguments[0].range) == "1:16@15-1:26@25")
    }

    // MARK: Script and session commands

    @Test func letBinding() throws {
        let command = try parseCommand("let x = 1 + 2")
        #expect(command.spec.action == .letBinding)
        #expect(describe(command.body) == "let x = (+ 1 2)")
        #expect(try body(#"let name = "Li Wei""#) == #"let name = "Li Wei""#)
        #expect(
            try body("let n = count(cadres where rank >= county)") == "let n = count(cadres where (>= rank county))")
        #expect(try body("let p = 2008..2012") == "let p = 2008..2012")
    }

    @Test func echoParts() throws {
        let command = try parseCommand(#"echo a $x "b c""#)
        #expect(command.spec.action == .echo)
        #expect(describe(command.body) == "echo ['a' ' ' $x ' ' 'b c']")
        // Runs of spaces fold to one; tokens written together stay together; a string keeps its spaces.
        #expect(
            try body(#"echo   Total:   $n,  "  two  spaces  "x"#)
                == "echo ['Total' ':' ' ' $n ',' ' ' '  two  spaces  ' 'x']")
        #expect(try body("echo") == "echo []")
        #expect(try body("echo hours(2009) >= 12 # not printed") == "echo ['hours' '(' '2009' ')' ' ' '>=' ' ' '12']")
        #expect(try body("echo 张敏 says $greeting!") == "echo ['张敏' ' ' 'says' ' ' $greeting '!']")
    }

    @Test func echoVariableRange() throws {
        guard case .echo(let parts) = try parseCommand("echo 张敏 $who").body,
            case .variable(let v) = parts.last
        else { Issue.record("no variable"); return }
        #expect(v.value == "who")
        #expect(span(v.range) == "1:9@12-1:13@16")
    }

    @Test func assertWithAndWithoutMessage() throws {
        let command = try parseCommand(#"assert X = 390 "msg""#)
        #expect(command.spec.action == .assert)
        #expect(describe(command.body) == #"assert (= X 390) str:"msg""#)
        #expect(
            try body("assert count(cadres where compliant(lead5y)) = 0")
                == "assert (= count(cadres where compliant(lead5y)) 0)")
        #expect(
            try body(#"assert hours(2009) of cadre c1 = 390 "c1 has k1 (300) and k2 (90)""#)
                == #"assert (= (of hours(2009) cadre word:c1) 390) str:"c1 has k1 (300) and k2 (90)""#)
        // A string right of a comparison is its operand, not the message.
        #expect(try body(#"assert name = "Li Wei""#) == #"assert (= name "Li Wei")"#)
        #expect(try body(#"assert name = "Li Wei" "wrong name""#) == #"assert (= name "Li Wei") str:"wrong name""#)
    }

    @Test func include() throws {
        let command = try parseCommand(#"include "x.cts""#)
        #expect(command.spec.action == .include)
        #expect(describe(command.body) == #"simple str:"x.cts""#)
    }

    @Test func set() throws {
        let command = try parseCommand("set format csv")
        #expect(command.spec.name == "set")
        #expect(command.spec.action == .setOption)
        #expect(describe(command.body) == "simple word:format word:csv")
        #expect(try body("set today 2010-12-01") == "simple word:today date:2010-12-01")
        #expect(try body("set day-hours 7.5") == "simple word:day-hours num:7.5")
        #expect(try body("set errors continue") == "simple word:errors word:continue")
    }

    @Test func helpAndQuit() throws {
        let help = try parseCommand("help enroll")
        #expect(help.spec.action == .help)
        #expect(describe(help.body) == "simple word:enroll")
        #expect(try body("help") == "simple")
        #expect(try body("help unit add") == "simple word:unit word:add")
        let quit = try parseCommand("quit")
        #expect(quit.spec.action == .quit)
        #expect(describe(quit.body) == "simple")
        #expect(try parseCommand("exit").spec.action == .quit)
    }

    @Test func sessionCommands() throws {
        #expect(try parseCommand(#"save "a.ctsdb""#).spec.action == .save)
        #expect(try body("save") == "simple")
        #expect(try body(#"open "a.ctsdb""#) == #"simple str:"a.ctsdb""#)
        #expect(try body("new") == "simple")
        #expect(try body("dump out.cts") == "simple word:out.cts")
        #expect(try body("undo 3") == "simple num:3")
        #expect(try body("redo") == "simple")
        #expect(try body(#"pause "next""#) == #"simple str:"next""#)
        let imported = try parseCommand(#"import cadres from "cadres.csv""#)
        #expect(imported.spec.action == .importRecords)
        #expect(describe(imported.body) == #"record word:cadres word:from str:"cadres.csv""#)
        #expect(
            try body(#"export cadres to "c.json" as json"#)
                == #"simple word:cadres word:to str:"c.json" word:as word:json"#)
    }

    @Test func printOfOneRecord() throws {
        let command = try parseCommand("print hours(2009) of cadre c1")
        #expect(command.spec.action == .print)
        #expect(describe(command.body) == "print (of hours(2009) cadre word:c1)")
        #expect(try body("print 1 + 2 as csv") == "print (+ 1 2) as csv")
    }

    // MARK: Command ranges

    @Test func commandAndNameRanges() throws {
        let (text, marks) = unmark("1️⃣unit add2️⃣ js \"张敏\" kind=locality level=province3️⃣  # comment")
        let command = try parseCommand(text)
        #expect(span(command.nameRange) == span(marks, "1️⃣", "2️⃣"))
        #expect(span(command.range) == span(marks, "1️⃣", "3️⃣"))
    }

    @Test func commandRangeSpansContinuationLines() throws {
        let (text, marks) = unmark(
            "\n  1️⃣rule add r1 \"T\" \\\n    5️⃣for6️⃣=(rank >= county\n      and status = active2️⃣)3️⃣ \\\n    period=2009 days=124️⃣ \n"
        )
        let command = try parseCommand(text)
        #expect(Mark(command.range.start) == marks["1️⃣"])
        #expect(Mark(command.range.end) == marks["4️⃣"])
        #expect(marks["1️⃣"] == Mark(line: 2, column: 3, offset: 3))
        #expect(marks["4️⃣"]!.line == 5)
        guard case .record(let args) = command.body, let option = args.option("for") else {
            Issue.record("no for"); return
        }
        #expect(span(option.key.range) == span(marks, "5️⃣", "6️⃣"))
        #expect(span(option.key.range) == "3:5@25-3:8@28")
        #expect(Mark(option.value.range.end) == marks["3️⃣"])
        #expect(span(option.range) == span(marks, "5️⃣", "3️⃣"))
        guard case .condition(let e, _) = option.value.kind else { Issue.record("no condition"); return }
        #expect(Mark(e.range.end) == marks["2️⃣"])
        #expect(marks["2️⃣"]!.line == 4)
    }

    @Test func semicolonsSeparateCommands() throws {
        let items = Parser.parse("quit; exit ;help", fileID: 0)
        #expect(items.map(describe) == ["quit: simple", "exit: simple", "help: simple"])
    }
}
