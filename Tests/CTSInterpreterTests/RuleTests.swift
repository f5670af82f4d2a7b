import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// hours(), compliant(), applies(), exemptions and day-hours, on the workshop records.
///
/// Completed: c1 k1 300 (2009-04-24, off-job), c1 k2 90 (2009-05-22, short-term),
/// c3 k1 300, c2 k3 3 (2010-06-01, lecture). c2 was absent from k2.
@Suite struct RuleTests {
    let h = Harness.workshop()

    func hours(_ argument: String, _ cadre: String) -> Value? {
        h.value("hours(\(argument)) of cadre \(cadre)")
    }

    @Test func hoursOfAYearCountOnlyCompletedEnrollmentsDatedInIt() {
        #expect(hours("2009", "c1") == .number(390))
        #expect(hours("2009", "c2") == .number(0), "absent from k2; k3 is in 2010")
        #expect(hours("2010", "c2") == .number(3))
        #expect(hours("2009", "c3") == .number(300))
        #expect(hours("2008..2012", "c1") == .number(390))
        #expect(hours("2010..2011", "c1") == .number(0))
        #expect(hours("2009-04-24..2009-05-21", "c1") == .number(300))
        #expect(hours("2009-04-25..2009-05-22", "c1") == .number(90))
    }

    /// A rule's condition is compiled once and kept; `under` in it must still follow the tree
    /// when units are added or moved after that.
    @Test func underInAKeptConditionFollowsUnitsAddedAndMoved() {
        h.run(
            """
            unit add sz "Suzhou" kind=locality level=city parent=js
            unit add sz.fin "Suzhou Finance Bureau" kind=department level=city parent=sz
            cadre add c9 "Zhou Jie" unit=sz.fin rank=staff category=civil-servant
            rule add rnj "Nanjing cadres" for=(unit under nj) period=2009 hours=10
            """)
        #expect(h.value("count(cadres where applies(rnj))") == .number(2))
        h.run("unit set sz parent=nj")
        #expect(h.value("count(cadres where applies(rnj))") == .number(3), "Suzhou moved under Nanjing")
        h.run("unit add nj.edu \"Nanjing Education Bureau\" kind=department level=city parent=nj")
        h.run("cadre set c9 unit=nj.edu")
        #expect(h.value("count(cadres where applies(rnj))") == .number(3))
        h.run("unit set sz parent=js")
        #expect(h.value("count(cadres where applies(rnj))") == .number(3), "c9 is in nj.edu now")
        #expect(h.value("count(cadres where unit under sz)") == .number(0))
    }

    @Test func yearEdgesAreInclusive() {
        h.run(
            """
            course add e1 "Dec 31" kind=lecture provider=js.ps start=2008-12-31 end=2008-12-31 hours=1
            course add e2 "Jan 1" kind=lecture provider=js.ps start=2009-01-01 end=2009-01-01 hours=10
            course add e3 "Dec 31" kind=lecture provider=js.ps start=2009-12-31 end=2009-12-31 hours=100
            course add e4 "Jan 1" kind=lecture provider=js.ps start=2010-01-01 end=2010-01-01 hours=1000
            enroll c2 in e1
            enroll c2 in e2
            enroll c2 in e3
            enroll c2 in e4
            complete c2 in e1
            complete c2 in e2
            complete c2 in e3
            complete c2 in e4
            """)
        #expect(hours("2009", "c2") == .number(110))
        #expect(hours("2008", "c2") == .number(1))
        #expect(hours("2010", "c2") == .number(1003))
        #expect(hours("2008..2009", "c2") == .number(111))
    }

    @Test func completionDateNotCourseStartDecidesTheYear() {
        h.run(
            """
            course add x "Winter school" kind=rotation provider=js.ps start=2009-12-20 end=2010-01-10 hours=40
            enroll c3 in x
            complete c3 in x
            """)
        #expect(hours("2009", "c3") == .number(300))
        #expect(hours("2010", "c3") == .number(40))
        h.run(
            """
            enroll c1 in x
            complete c1 in x date=2009-12-31 hours=20
            """)
        #expect(hours("2009", "c1") == .number(410))
    }

    @Test func hoursOfARuleUseItsPeriodAndKinds() {
        // lead5y: 2008..2012, off-job/rotation/short-term. k3 is a lecture, so c2 has 0.
        #expect(hours("lead5y", "c1") == .number(390))
        #expect(hours("lead5y", "c2") == .number(0))
        #expect(hours("lead5y", "c3") == .number(300))
        // yearly: 2009 only, every kind.
        #expect(hours("yearly", "c2") == .number(0))
        h.run("rule add y2010 \"2010\" for=(status = active) period=2010..2010 hours=3")
        #expect(hours("y2010", "c2") == .number(3))
        #expect(h.value("compliant(y2010) of cadre c2") == .bool(true))
    }

    @Test func compliantMeansAtLeastTheMinimum() {
        #expect(h.count("cadres", where: "compliant(lead5y)") == 0)
        #expect(h.ids("list cadres where compliant(yearly) columns id") == ["c1", "c3"])
        // Exactly the minimum counts: 390 needed, c1 has 390.
        h.run("rule add exact \"390\" for=(status = active) period=2009..2009 hours=390")
        #expect(h.ids("list cadres where compliant(exact) columns id") == ["c1"])
        h.run("rule set exact hours=390.5")
        #expect(h.count("cadres", where: "compliant(exact)") == 0)
        // compliant() does not ask whether the rule applies: c2 is compliant with a rule
        // that does not apply to it once it has the hours.
        h.run("rule add tiny \"3\" for=(rank >= bureau) period=2010..2010 hours=3")
        #expect(h.ids("list cadres where compliant(tiny) columns id") == ["c2"])
        #expect(h.ids("list cadres where applies(tiny) columns id") == ["c3"])
    }

    @Test func appliesIsTheConditionWithoutExemptions() {
        #expect(h.ids("list cadres where applies(lead5y) columns id") == ["c1", "c3"])
        #expect(h.ids("list cadres where applies(yearly) columns id") == ["c1", "c2", "c3"])
        h.run("exempt c3 from lead5y reason=\"Seconded abroad\"")
        #expect(h.ids("list cadres where applies(lead5y) columns id") == ["c1"])
        #expect(h.ids("list cadres where applies(yearly) columns id") == ["c1", "c2", "c3"])
        #expect(h.rows("list exemptions") == [[.ref(.cadre, "c3"), .ref(.rule, "lead5y"), .text("Seconded abroad")]])
        // The rule's condition follows changes to the cadre.
        h.run("cadre set c2 category=leading rank=county")
        #expect(h.ids("list cadres where applies(lead5y) columns id") == ["c1", "c2"])
        h.run("cadre set c1 status=left")
        #expect(h.ids("list cadres where applies(yearly) columns id") == ["c2", "c3"])
    }

    @Test func exemptingTwiceIsRefused() {
        h.run("exempt c1 from lead5y reason=\"Retiring\"")
        let d = h.failure("exempt c1 from lead5y reason=\"Again\"")
        #expect(d?.is(.alreadyExempt(cadre: "c1", rule: "lead5y")) == true)
        #expect(h.session.count(.exemption) == 1)
        let unknown = h.failure("exempt c1 from lead6y reason=\"x\"")
        #expect(unknown?.is(BindProblem.unknownRecord(.rule, "lead6y", suggestion: "lead5y")) == true)
        #expect(h.text(at: unknown?.range) == "lead6y")
    }

    @Test func ruleConditionIsCheckedWhenTheRuleIsAdded() {
        let d = h.failure("rule add bad \"x\" for=(rnak >= county) period=2009..2009 hours=1")
        #expect(d?.is(BindProblem.noSuchField(.cadre, "rnak", suggestion: "rank")) == true)
        #expect(h.text(at: d?.range) == "rnak")
        #expect(h.session.count(.rule) == 2)
    }

    /// A rule's condition names ids: removing a record it names is refused (the rule would
    /// break, or quietly mean whatever record takes the slot next), and changes nothing.
    @Test func ruleConditionKeepsTheUnitItNames() {
        let g = Harness()
        g.run(
            """
            unit add a "A" kind=locality level=province
            unit add b "B" kind=locality level=province
            cadre add x1 "X" unit=b rank=staff category=leading
            rule add r "R" for=(unit under b) period=2009 hours=1
            """)
        #expect(g.count("cadres", where: "applies(r)") == 1)
        let d = g.failure("unit remove b cascade")
        #expect(d?.is(RunProblem.ruleNamedInCondition(rule: "r", condition: "unit under b")) == true)
        #expect(d?.notes == ["unknown unit 'b' (did you mean 'a'?)"])
        #expect(g.session.slot(.unit, id: "b") == 1)
        #expect(g.session.slot(.cadre, id: "x1") != nil)
        // Once the rule no longer names it, the unit can go.
        g.run("rule set r for=(unit under a)")
        g.run("unit remove b cascade")
        #expect(g.session.slot(.unit, id: "b") == nil)
        #expect(g.count("cadres", where: "applies(r)") == 0)
    }

    /// r3 uses applies(yearly): changing yearly's condition changes whom r3 applies to.
    @Test func rulesUsingOtherRulesFollowTheirChanges() {
        h.run("rule add r3 \"x\" for=(applies(yearly) and rank >= county) period=2009 hours=1")
        #expect(h.ids("list cadres where applies(r3) columns id") == ["c1", "c3"])
        h.run("rule set yearly for=(rank = bureau)")
        #expect(h.ids("list cadres where applies(yearly) columns id") == ["c3"])
        #expect(h.ids("list cadres where applies(r3) columns id") == ["c3"])
        h.run("exempt c3 from yearly reason=\"x\"")
        #expect(h.ids("list cadres where applies(r3) columns id") == [])
        h.run("undo 2")
        #expect(h.ids("list cadres where applies(r3) columns id") == ["c1", "c3"])
    }

    @Test func aRuleMayNotDependOnItself() {
        let d = h.failure("rule set lead5y for=(applies(lead5y))")
        #expect(d?.is(RunProblem.ruleDependsOnItself(rule: "lead5y")) == true)
        h.run("rule add r3 \"x\" for=(applies(yearly)) period=2009 hours=1")
        let loop = h.failure("rule set yearly for=(applies(r3) or rank = staff)")
        #expect(loop?.is(RunProblem.ruleDependsOnItself(rule: "yearly")) == true)
        // Both refusals left the rules as they were.
        #expect(
            h.rows("list rules columns for") == [
                [.text("category = leading and rank >= county")],
                [.text("status = active")], [.text("applies(yearly)")],
            ])
        #expect(h.count("cadres", where: "applies(r3)") == 3)
        #expect(h.count("cadres", where: "applies(lead5y)") == 2)
    }

    @Test func daysUseSevenAndAHalfHoursByDefault() {
        #expect(h.value("hours of course k2") == .number(90))
        #expect(
            h.rows("list rules columns id, hours") == [
                [.text("lead5y"), .number(550)], [.text("yearly"), .number(90)],
            ])
        h.run(
            """
            course add k4 "Two days" kind=short-term provider=js.ps start=2010-03-01 end=2010-03-02 days=2
            enroll c3 in k4
            complete c3 in k4 days=1
            """)
        #expect(h.value("hours of course k4") == .number(15))
        #expect(hours("2010", "c3") == .number(7.5))
    }

    @Test func dayHoursAffectsOnlyTheCommandsAfterIt() {
        h.run(
            """
            course add k4 "Before" kind=short-term provider=js.ps start=2010-03-01 end=2010-03-02 days=2
            set day-hours 8
            course add k5 "After" kind=short-term provider=js.ps start=2010-03-01 end=2010-03-02 days=2
            rule add r8 "Eight" for=(status = active) period=2010..2010 days=12
            """)
        #expect(h.value("hours of course k2") == .number(90), "k2 keeps the hours it got with 7.5")
        #expect(h.value("hours of course k4") == .number(15))
        #expect(h.value("hours of course k5") == .number(16))
        #expect(h.value("hours of rule r8") == .number(96))
        h.run("course set k4 days=3")
        #expect(h.value("hours of course k4") == .number(22.5), "k4 was entered with 7.5 hours a day")
        h.run("set day-hours 6")
        h.run("enroll c1 in k5\ncomplete c1 in k5 days=2")
        #expect(hours("2010", "c1") == .number(16), "a day of k5 is 8 hours, whatever the setting now")
        let bad = h.failure("set day-hours 0")
        #expect(bad?.is(RunProblem.dayHoursSetting("0")) == true)
        #expect(h.interpreter.session.settings.dayHours == 6)
    }

    @Test func hoursAndDaysTogetherAreRefused() {
        let d = h.failure(
            "course add k9 \"x\" kind=lecture provider=js.ps start=2010-01-01 end=2010-01-01 hours=3 days=1")
        #expect(d?.is(RunProblem.hoursAndDays) == true)
        let none = h.failure("course add k9 \"x\" kind=lecture provider=js.ps start=2010-01-01 end=2010-01-01")
        #expect(
            none?.is(RunProblem.needsHours(command: "course add", usage: CommandTable.spec(named: "course add")!.usage))
                == true)
    }
}
