import Testing
@testable import CTSLanguage
import CTSDomain

/// Expressions and conditions: precedence, the special forms, and the ranges of their nodes.
@Suite("Parser: expressions")
struct ExpressionParserTests {
    // MARK: Precedence: or < and < not < comparison < + - < * / < unary < of

    @Test func andBindsTighterThanOr() throws {
        #expect(try expr("a or b and c") == "(or a (and b c))")
        #expect(try expr("a and b or c") == "(or (and a b) c)")
        #expect(try expr("a or b or c") == "(or (or a b) c)")
        #expect(try expr("a and b and c") == "(and (and a b) c)")
    }

    @Test func notBindsTighterThanAndButLooserThanComparison() throws {
        #expect(try expr("not a = b and c") == "(and (not (= a b)) c)")
        #expect(try expr("not not a") == "(not (not a))")
        #expect(try expr("a and not b or c") == "(or (and a (not b)) c)")
        #expect(try expr("NOT status = left") == "(not (= status left))")
    }

    @Test func comparisonBindsLooserThanArithmetic() throws {
        #expect(try expr("a + b * c = d - e / f") == "(= (+ a (* b c)) (- d (/ e f)))")
        #expect(try expr("hours(2009) >= 12 * 7.5") == "(>= hours(2009) (* 12 7.5))")
        for op in ["=", "!=", "<", "<=", ">", ">="] {
            #expect(try expr("x \(op) 1 + 2") == "(\(op) x (+ 1 2))")
        }
    }

    @Test func arithmeticIsLeftAssociative() throws {
        #expect(try expr("a - b - c") == "(- (- a b) c)")
        #expect(try expr("a / b / c") == "(/ (/ a b) c)")
        #expect(try expr("a - b + c") == "(+ (- a b) c)")
        #expect(try expr("a * b / c * d") == "(* (/ (* a b) c) d)")
    }

    @Test func unaryMinusBindsTighterThanMultiplication() throws {
        #expect(try expr("-a * b") == "(* (neg a) b)")
        #expect(try expr("- 5") == "(neg 5)")
        #expect(try expr("-5 + 2") == "(+ (neg 5) 2)")
        #expect(try expr("2 - -3") == "(- 2 (neg 3))")
        #expect(try expr("- - x") == "(neg (neg x))")
        #expect(try expr("-(a + b)") == "(neg (+ a b))")
    }

    @Test func minusInsideAWordBelongsToTheWord() throws {
        #expect(try expr("kind = off-job") == "(= kind off-job)")
        #expect(try expr("c-0001") == "c-0001")
        #expect(try expr("end - start") == "(- end start)")
    }

    @Test func ofBindsTighterThanUnaryAndEverythingElse() throws {
        #expect(try expr("hours(2009) of cadre c1 = 390") == "(= (of hours(2009) cadre word:c1) 390)")
        #expect(try expr("- hours(2009) of cadre c1") == "(neg (of hours(2009) cadre word:c1))")
        #expect(try expr("2 * hours of course k1") == "(* 2 (of hours course word:k1))")
        #expect(try expr("name of cadre $who") == "(of name cadre var:$who)")
        #expect(try expr("compliant(r1) of CADRE c1") == "(of compliant(r1) cadre word:c1)")
        #expect(try expr("kind of unit js.org") == "(of kind unit word:js.org)")
    }

    @Test func parenthesesOverridePrecedenceAndKeepTheInnerKind() throws {
        #expect(try expr("(a or b) and c") == "(and (or a b) c)")
        #expect(try expr("(a + b) * c") == "(* (+ a b) c)")
        #expect(try expr("((x))") == "x")
        #expect(try expr("not (a and b)") == "(not (and a b))")
        let (text, marks) = unmark("print 1️⃣(2️⃣a or b3️⃣)4️⃣ and c5️⃣")
        let e = try printExpr(text)
        guard case .binary(.and, let left, _) = e.kind, case .binary(.or, let a, _) = left.kind else {
            Issue.record("wrong shape: \(describe(e))")
            return
        }
        #expect(span(left.range) == span(marks, "1️⃣", "4️⃣"))
        #expect(span(a.range) == "\(marks["2️⃣"]!)-1:9@8")
        #expect(span(e.range) == span(marks, "1️⃣", "5️⃣"))
    }

    // MARK: Special forms

    @Test func inList() throws {
        #expect(try expr("rank in (county, bureau)") == "(in rank [county bureau])")
        #expect(try expr("kind in (off-job)") == "(in kind [off-job])")
        #expect(try expr("year(start) in (2009, 2010 + 1)") == "(in year(start) [2009 (+ 2010 1)])")
        #expect(try expr("rank in (county) and status IN (active)") == "(and (in rank [county]) (in status [active]))")
        #expect(try expr("not rank in (staff)") == "(not (in rank [staff]))")
    }

    @Test func containsAndUnder() throws {
        #expect(try expr(#"name contains "Wang""#) == #"(contains name "Wang")"#)
        #expect(try expr("unit under js") == "(under unit js)")
        #expect(
            try expr("provider under js.ps and title CONTAINS $t") == "(and (under provider js.ps) (contains title $t))"
        )
        #expect(try expr("unit under js or unit under nj") == "(or (under unit js) (under unit nj))")
    }

    @Test func dottedWords() throws {
        #expect(try expr("unit.level = province") == "(= unit.level province)")
        #expect(try expr("course.kind in (off-job, rotation)") == "(in course.kind [off-job rotation])")
        #expect(try expr("inspection.unit under js") == "(under inspection.unit js)")
        #expect(try expr("js.org/x") == "js.org/x")
    }

    @Test func literals() throws {
        #expect(try expr("42") == "42")
        #expect(try expr("1_200_000") == "1200000")
        #expect(try expr("3.2e10") == "32000000000")
        #expect(try expr("0.25") == "0.25")
        #expect(try expr("2009-03-02") == "2009-03-02")
        #expect(try expr("2009-01-01..2009-06-30") == "2009-01-01..2009-06-30")
        #expect(try expr(#""张敏 \u{4E2D}\n""#) == "\"张敏 中\n\"")
        #expect(try expr("$x") == "$x")
        #expect(try expr("today - due") == "(- today due)")
    }

    @Test func calls() throws {
        #expect(try expr("hours(2009)") == "hours(2009)")
        #expect(try expr("hours(2008..2012)") == "hours(2008..2012)")
        #expect(try expr("compliant(lead5y)") == "compliant(lead5y)")
        #expect(try expr("APPLIES(lead5y)") == "applies(lead5y)")
        #expect(try expr("year(due) = 2010") == "(= year(due) 2010)")
        #expect(try expr("f()") == "f()")
        #expect(try expr("round(hours / 7.5, 1)") == "round((/ hours 7.5) 1)")
        #expect(try expr("hours (2009)") == "hours(2009)")
    }

    @Test func callNameRange() throws {
        let (text, marks) = unmark("print 1️⃣Hours2️⃣(2009)3️⃣")
        let e = try printExpr(text)
        guard case .call(let name, _) = e.kind else { Issue.record("not a call"); return }
        #expect(name.value == "hours")
        #expect(span(name.range) == span(marks, "1️⃣", "2️⃣"))
        #expect(span(e.range) == span(marks, "1️⃣", "3️⃣"))
    }

    @Test func aggregates() throws {
        #expect(try expr("count(cadres)") == "count(cadres)")
        #expect(
            try expr("count(cadres where rank >= county and compliant(r1))")
                == "count(cadres where (and (>= rank county) compliant(r1)))")
        #expect(
            try expr("sum(hours of courses where kind = off-job)") == "sum(hours of courses where (= kind off-job))")
        #expect(try expr("avg(hours(2009) of cadres)") == "avg(hours(2009) of cadres)")
        #expect(try expr("MIN(born of cadres)") == "min(born of cadres)")
        #expect(try expr("max(end - start of courses)") == "max((- end start) of courses)")
        #expect(
            try expr("count(cadres) - count(cadres where status = left) > 0")
                == "(> (- count(cadres) count(cadres where (= status left))) 0)")
        #expect(
            try expr("count(cadres where count(enrollments where cadre = c1) > 0)")
                == "count(cadres where (> count(enrollments where (= cadre c1)) 0))")
    }

    @Test func aggregateOfASingleRecordInside() throws {
        // `of cadre c1` inside an aggregate's expression is the one-record form; the
        // aggregate's own `of` comes after it.
        #expect(try expr("sum(hours(2009) of cadre c1 of courses)") == "sum((of hours(2009) cadre word:c1) of courses)")
    }

    @Test func aggregateRanges() throws {
        let (text, marks) = unmark("print 1️⃣sum(2️⃣hours3️⃣ of 4️⃣courses5️⃣ where 6️⃣kind = off-job7️⃣)8️⃣")
        let e = try printExpr(text)
        guard case .aggregate(let a) = e.kind else { Issue.record("not an aggregate"); return }
        #expect(span(e.range) == span(marks, "1️⃣", "8️⃣"))
        #expect(span(a.expression!.range) == span(marks, "2️⃣", "3️⃣"))
        #expect(span(a.collection.range) == span(marks, "4️⃣", "5️⃣"))
        #expect(span(a.condition!.range) == span(marks, "6️⃣", "7️⃣"))
    }

    @Test func singularOfIsOneRecordPluralOfIsACollection() throws {
        // `EXPR of cadre c1`: one record (print, assert, let, conditions).
        #expect(try body("print hours(2009) of cadre c1") == "print (of hours(2009) cadre word:c1)")
        // `stats EXPR of cadres`: many.
        #expect(try body("stats hours(2009) of cadres") == "stats hours(2009) of cadres")
        // In stats, a singular `of` inside the expression is still one record.
        #expect(
            try body("stats hours(2009) - hours(2008) of cadre c1 of cadres")
                == "stats (- hours(2009) (of hours(2008) cadre word:c1)) of cadres")
    }

    @Test func ofRanges() throws {
        let (text, marks) = unmark("assert 1️⃣hours(2009) of 2️⃣cadre3️⃣ 4️⃣c15️⃣ = 390")
        guard case .assert(let e, nil) = try parseCommand(text).body,
            case .binary(.equal, let of, _) = e.kind,
            case .of(_, let kind, let id) = of.kind
        else { Issue.record("wrong shape"); return }
        #expect(kind.value == .cadre)
        #expect(span(kind.range) == span(marks, "2️⃣", "3️⃣"))
        #expect(span(id.range) == span(marks, "4️⃣", "5️⃣"))
        #expect(span(of.range) == span(marks, "1️⃣", "5️⃣"))
    }

    // MARK: Ranges

    @Test func binaryRangesCoverBothOperands() throws {
        let (text, marks) = unmark("list cadres where 1️⃣rank2️⃣ >= 3️⃣county4️⃣ and 5️⃣not 6️⃣status = left7️⃣ sort rank")
        guard case .list(let query, _) = try parseCommand(text).body, let condition = query.condition,
            case .binary(.and, let left, let right) = condition.kind,
            case .binary(.greaterOrEqual, let rank, let county) = left.kind,
            case .not(let inner) = right.kind
        else {
            Issue.record("wrong shape")
            return
        }
        #expect(span(condition.range) == span(marks, "1️⃣", "7️⃣"))
        #expect(span(left.range) == span(marks, "1️⃣", "4️⃣"))
        #expect(span(rank.range) == span(marks, "1️⃣", "2️⃣"))
        #expect(span(county.range) == span(marks, "3️⃣", "4️⃣"))
        #expect(span(right.range) == span(marks, "5️⃣", "7️⃣"))
        #expect(span(inner.range) == span(marks, "6️⃣", "7️⃣"))
        #expect(span(condition.range) == "1:19@18-1:55@54")
    }

    @Test func rangesAfterCJKTextCountScalars() throws {
        // Columns count Unicode scalars; offsets count UTF-8 bytes (3 per CJK character).
        let (text, marks) = unmark(#"cadre add c3 "张敏" 1️⃣unit2️⃣=3️⃣js.org4️⃣ rank=bureau category=leading"#)
        guard case .record(let args) = try parseCommand(text).body, let unit = args.option("unit") else {
            Issue.record("no unit option")
            return
        }
        #expect(span(unit.key.range) == span(marks, "1️⃣", "2️⃣"))
        #expect(span(unit.value.range) == span(marks, "3️⃣", "4️⃣"))
        #expect(span(unit.key.range) == "1:19@22-1:23@26")
        #expect(span(args.positionals[1].range) == "1:14@13-1:18@21")
    }

    @Test func rangesAfterCJKInAnExpression() throws {
        let (text, marks) = unmark(#"list cadres where name = "张敏" and 1️⃣rank >= county2️⃣"#)
        guard case .list(let query, _) = try parseCommand(text).body,
            case .binary(.and, _, let right) = query.condition?.kind
        else { Issue.record("wrong shape"); return }
        #expect(span(right.range) == span(marks, "1️⃣", "2️⃣"))
        #expect(span(right.range) == "1:35@38-1:49@52")
    }

    @Test func rangesOnContinuationLines() throws {
        // A `\` continues the command; so does an open parenthesis.
        let (text, marks) = unmark(
            "list cadres \\\n  where 1️⃣(rank >= county\n    and 2️⃣category = leading3️⃣)4️⃣ \\\n  5️⃣sort6️⃣ rank")
        let command = try parseCommand(text)
        guard case .list(let query, _) = command.body, let condition = query.condition,
            case .binary(.and, _, let right) = condition.kind
        else { Issue.record("wrong shape"); return }
        #expect(span(condition.range) == span(marks, "1️⃣", "4️⃣"))
        #expect(span(right.range) == span(marks, "2️⃣", "3️⃣"))
        #expect(span(right.range) == "3:9@46-3:27@64")
        #expect(Mark(query.sort[0].expression.range.start).line == 4)
        #expect(Mark(command.range.end) == Mark(line: 4, column: 12, offset: text.utf8.count))
        #expect(marks["5️⃣"]!.line == 4)
    }

    @Test func rangesInScriptsCountLinesAcrossCommands() throws {
        let (text, marks) = unmark("# header\n\nquit\n  print 1️⃣x2️⃣ + 1\n")
        let items = Parser.parse(text, fileID: 4)
        guard items.count == 2, case .command(let print) = items[1], case .print(let e, _) = print.body,
            case .binary(.add, let x, _) = e.kind
        else { Issue.record("wrong items: \(items.map(describe))"); return }
        #expect(span(x.range) == span(marks, "1️⃣", "2️⃣"))
        #expect(span(x.range) == "4:9@23-4:10@24")
        #expect(x.range.fileID == 4)
        #expect(print.range.fileID == 4)
    }

    @Test func argumentRanges() throws {
        let (text, marks) = unmark(
            #"rule add r1 "T" for=1️⃣(rank >= county)2️⃣ period=2008..2012 days=12 kinds=3️⃣off-job,online4️⃣"#)
        guard case .record(let args) = try parseCommand(text).body else { Issue.record("not a record"); return }
        #expect(span(args.option("for")!.value.range) == span(marks, "1️⃣", "2️⃣"))
        #expect(span(args.option("kinds")!.value.range) == span(marks, "3️⃣", "4️⃣"))
    }

    @Test func queryClauseRanges() throws {
        let (text, marks) = unmark("list 1️⃣cadres2️⃣ sort rank desc limit 4️⃣105️⃣ as 6️⃣csv7️⃣")
        guard case .list(let query, let out) = try parseCommand(text).body else { Issue.record("not a list"); return }
        #expect(span(query.collection.range) == span(marks, "1️⃣", "2️⃣"))
        #expect(query.limit?.value == 10)
        #expect(span(query.limit!.range) == span(marks, "4️⃣", "5️⃣"))
        #expect(span(out.format!.range) == span(marks, "6️⃣", "7️⃣"))
    }

    /// `Expr.all` visits every expression once, in source order, however long the chain.
    @Test func allVisitsEveryExpressionInSourceOrder() throws {
        let e = try printExpr("print hours(r1) >= 10 and not (x of rule r2 in (1, 2))")
        let words = e.all.compactMap { node -> String? in
            switch node.kind {
            case .word(let w): w
            case .number(let n): n.description
            case .call(let name, _): name.value + "("
            default: nil
            }
        }
        #expect(words == ["hours(", "r1", "10", "x", "1", "2"])
        let long = try printExpr("print " + Array(repeating: "id = a", count: 5_000).joined(separator: " or "))
        #expect(long.all.count == 1 + 5_000 * 3)
    }

    /// `Parser.condition` reads a condition on its own as `for=(…)` does, and nothing after it.
    @Test func aConditionOnItsOwn() throws {
        let (e, source) = try Parser.condition("rank>=county   and status = active", fileID: 0)
        #expect(source == "rank>=county and status = active")
        #expect(describe(e) == "(and (>= rank county) (= status active))")
        #expect(throws: Diagnostic.self) { try Parser.condition("rank >= county x", fileID: 0) }
        do {
            _ = try Parser.condition("rank >= county x", fileID: 0)
        } catch {
            #expect(error.is(ParseProblem.expectedEndOfCondition(found: "'x'"), at: 1, 16))
        }
    }
}
