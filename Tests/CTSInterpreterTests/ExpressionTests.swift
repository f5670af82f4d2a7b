import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// Arithmetic, dates, `today`, variables, `of`, and the aggregates.
@Suite struct ExpressionTests {
    let h = Harness.workshop()

    @Test func arithmetic() {
        #expect(h.value("7 + 3 * 2") == .number(13))
        #expect(h.value("(7 + 3) * 2") == .number(20))
        #expect(h.value("10 - 4 - 3") == .number(3))
        #expect(h.value("10 / 4") == .number(2.5))
        #expect(h.value("1 / 0") == .null)
        #expect(h.value("1_200_000 * 2") == .number(2_400_000))
        #expect(h.value("-3 + 5") == .number(2))
        #expect(h.value("2 - -3") == .number(5))
        #expect(h.value("3.2e10 / 32000000000") == .number(1))
        let d = h.failure("print 1 + \"a\"")
        #expect(d?.is(BindProblem.needsType("'+'", "a number", found: "text")) == true)
    }

    @Test func dates() {
        #expect(h.value("2010-12-01 - 2010-08-31") == .number(92))
        #expect(h.value("2009-03-01 - 2009-02-28") == .number(1))
        #expect(h.value("2008-03-01 - 2008-02-28") == .number(2))
        #expect(h.value("2009-12-31 + 1") == .date(Day(year: 2010, month: 1, day: 1)!))
        #expect(h.value("year(2009-12-31)") == .number(2009))
        #expect(h.count("courses", where: "year(start) = 2010") == 1)
        #expect(h.count("courses", where: "end - start >= 11") == 2)
        #expect(
            h.rows("list courses columns id, end - start") == [
                [.text("k1"), .number(53)], [.text("k2"), .number(11)], [.text("k3"), .number(0)],
            ])
    }

    @Test func todayIsTheSystemDateUntilFixed() {
        let fresh = Harness(today: Day(year: 2011, month: 1, day: 15)!)
        #expect(fresh.value("today") == .date(Day(year: 2011, month: 1, day: 15)!))
        fresh.run("set today 2010-12-01")
        #expect(fresh.value("today") == .date(Day(year: 2010, month: 12, day: 1)!))
        #expect(fresh.value("today - 2010-08-31") == .number(92))
        fresh.run("set today system")
        #expect(fresh.value("today") == .date(Day(year: 2011, month: 1, day: 15)!))
        // The workshop fixed today at 2010-12-01: f1 (due 2010-08-31) is 92 days overdue.
        #expect(h.rows("list findings columns id, today - due") == [[.text("f1"), .number(92)]])
        #expect(h.count("findings", where: "due < today and status = open") == 1)
    }

    @Test func aWordThatIsAFieldAndAValueOfTheEnumBesideItIsTheValue() {
        // A finding's `resolved` is its date and one of its statuses: `status = resolved` means the status.
        let h = Harness.workshop()
        h.run("finding resolve f1 date=2010-09-30")
        #expect(h.count("findings", where: "status = resolved") == 1)
        #expect(h.count("findings", where: "resolved = status") == 1)
        #expect(h.count("findings", where: "status != resolved") == 0)
        #expect(h.count("findings", where: "status in (open, resolved)") == 1)
        // Where no enum stands beside it, the word is still the field.
        #expect(h.count("findings", where: "resolved > 2010-09-01") == 1)
    }

    @Test func perCadreFunctionsOnOneRecord() {
        #expect(h.value("hours(2009) of cadre c1") == .number(390))
        #expect(h.value("hours(2010) of cadre c2") == .number(3))
        #expect(h.value("hours(lead5y) of cadre c3") == .number(300))
        #expect(h.value("compliant(yearly) of cadre c3") == .bool(true))
        #expect(h.value("applies(lead5y) of cadre c2") == .bool(false))
        #expect(h.value("rank of cadre c3") == rank(.bureau))
        #expect(h.value("unit.parent of cadre c1") == unitRef("nj"))
        #expect(h.value("hours of course k2") == .number(90))
        let d = h.failure("print hours(2009) of cadre c9")
        #expect(d?.is(BindProblem.unknownRecord(.cadre, "c9", suggestion: "c1")) == true)
        #expect(h.text(at: d?.range) == "c9")
        let outside = h.failure("print hours(2009)")
        #expect(outside?.is(BindProblem.aboutOneCadre("hours")) == true)
    }

    @Test func variables() {
        h.run(
            """
            let y = 2009
            let who = "c1"
            let top = nj
            let span = 2008..2012
            """)
        #expect(h.value("hours($y) of cadre $who") == .number(390))
        #expect(h.count("cadres", where: "hours($y) > 100") == 2)
        #expect(h.count("cadres", where: "unit under $top") == 2)
        #expect(h.count("cadres", where: "hours($span) >= 300") == 2)
        #expect(h.value("$y + 1") == .number(2010))
        h.run("let total = sum(hours of courses)")
        #expect(h.interpreter.variables["total"] == .number(393))
        // A variable holds the value computed when it was defined.
        h.run("course set k3 hours=4")
        #expect(h.value("$total") == .number(393))
        #expect(h.value("sum(hours of courses)") == .number(394))
        let echo = h.run("echo year $y: $total hours")
        #expect(echo == [.text("year 2009: 393 hours")])
    }

    @Test func aggregates() {
        #expect(h.value("count(cadres)") == .number(3))
        #expect(h.value("count(cadres where rank >= county)") == .number(2))
        #expect(h.value("sum(hours of courses)") == .number(393))
        #expect(h.value("avg(hours of courses)") == .number(131))
        #expect(h.value("min(hours of courses)") == .number(3))
        #expect(h.value("max(hours of courses where kind != off-job)") == .number(90))
        #expect(h.value("sum(hours(2009) of cadres)") == .number(690))
        #expect(h.value("avg(born of cadres)") == .number(1966), "absent values are left out")
        #expect(h.count("cadres", where: "hours(2009) > avg(hours(2009) of cadres)") == 2)
    }

    @Test func aggregatesOverNothing() {
        let none = "courses where kind = overseas"
        #expect(h.value("count(\(none))") == .number(0))
        #expect(h.value("sum(hours of \(none))") == .number(0))
        #expect(h.value("avg(hours of \(none))") == .null)
        #expect(h.value("min(hours of \(none))") == .null)
        #expect(h.value("max(hours of \(none))") == .null)
        #expect(h.value("count(practices)") == .number(0))
    }

    @Test func roundAndTheFunctionList() {
        #expect(h.value("round(2 / 3, 2)") == .number(0.67))
        #expect(h.value("round(2.5)") == .number(3))
        #expect(h.value("round(131.456, 1)") == .number(131.5))
    }
}
