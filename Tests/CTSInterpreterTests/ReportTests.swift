import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// The five reports on the workshop data. Expected numbers are worked out from the records:
/// lead5y needs 550 off-job/rotation/short-term hours in 2008..2012 of leading cadres of
/// county rank or above: c1 (nj.fin) has 300 + 90 = 390, c3 (js.org) has 300.
@Suite struct ReportTests {
    let h = Harness.workshop()

    func medium() -> Value { severity(.medium) }

    @Test func complianceByUnit() {
        let t = h.table("report compliance lead5y by unit")
        #expect(t?.columns == ["unit", "cadres", "compliant", "compliant-%", "hours-short"])
        #expect(
            t?.rows == [
                [unitRef("js.org"), .number(1), .number(0), .number(0), .number(250)],
                [unitRef("nj.fin"), .number(1), .number(0), .number(0), .number(160)],
            ])
        #expect(t?.notes == ["2 cadres under the rule, 0 compliant (0%), 410 hours short in all"])
        #expect(h.rows("report compliance lead5y") == [[.number(2), .number(0), .number(0), .number(410)]])
        #expect(
            h.rows("report compliance lead5y by rank") == [
                [rank(.county), .number(1), .number(0), .number(0), .number(160)],
                [rank(.bureau), .number(1), .number(0), .number(0), .number(250)],
            ])
    }

    @Test func complianceCountsExactlyEnoughAndLeavesOutExemptions() {
        h.run(
            """
            course add k4 "Rotation" kind=rotation provider=js.ps start=2010-09-01 end=2010-10-31 hours=160
            enroll c1 in k4
            complete c1 in k4
            """)
        // c1 now has exactly 550.
        #expect(
            h.rows("report compliance lead5y by unit") == [
                [unitRef("js.org"), .number(1), .number(0), .number(0), .number(250)],
                [unitRef("nj.fin"), .number(1), .number(1), .number(100), .number(0)],
            ])
        #expect(h.rows("report compliance lead5y") == [[.number(2), .number(1), .number(50), .number(250)]])
        h.run("exempt c3 from lead5y reason=\"Seconded\"")
        #expect(h.rows("report compliance lead5y") == [[.number(1), .number(1), .number(100), .number(0)]])
    }

    @Test func complianceWithEveryCadre() {
        // yearly: 90 hours in 2009 for every active cadre; c1 390, c3 300, c2 0.
        #expect(h.rows("report compliance yearly") == [[.number(3), .number(2), .number(66.7), .number(90)]])
        #expect(
            h.rows("report compliance yearly by category") == [
                [.enumeration(CTSDomain.Category.leading.enumValue), .number(2), .number(2), .number(100), .number(0)],
                [
                    .enumeration(CTSDomain.Category.civilServant.enumValue), .number(1), .number(0), .number(0),
                    .number(90),
                ],
            ])
        #expect(
            h.rows("report compliance yearly by level") == [
                [.enumeration(Level.province.enumValue), .number(1), .number(1), .number(100), .number(0)],
                [.enumeration(Level.city.enumValue), .number(2), .number(1), .number(50), .number(90)],
            ])
        // Only the cadres of nj.fin (under nj): c1 compliant, c2 short by 90.
        let nj = h.table("report compliance yearly under nj")
        #expect(nj?.rows == [[.number(2), .number(1), .number(50), .number(90)]])
        #expect(nj?.notes == ["2 cadres under the rule, 1 compliant (50%), 90 hours short in all"])
        let d = h.failure("report compliance yearly by name")
        #expect(d?.is(RunProblem.complianceGrouping("name", groupings: ReportKind.compliance.groupings)) == true)
    }

    @Test func budgetGrowthAndLagging() {
        let t = h.table("report budget 2009..2010")
        #expect(
            t?.columns == [
                "unit", "year", "funds", "revenue", "spent", "funds-growth-%", "revenue-growth-%", "lagging",
            ])
        // (1260000 - 1200000) / 1200000 = 5 %; (36e9 - 32e9) / 32e9 = 12.5 %.
        #expect(
            t?.rows == [
                [unitRef("nj.fin"), .number(2009), .number(1_200_000), .number(32e9), .null, .null, .null, .null],
                [
                    unitRef("nj.fin"), .number(2010), .number(1_260_000), .number(36e9), .null, .number(5),
                    .number(12.5), .bool(true),
                ],
            ])
        #expect(t?.notes == ["funds grew slower than revenue: nj.fin 2010"])
        // Growth looks at the year before even when that year is outside the span.
        #expect(
            h.rows("report budget 2010")
                == [
                    [
                        unitRef("nj.fin"), .number(2010), .number(1_260_000), .number(36e9), .null, .number(5),
                        .number(12.5), .bool(true),
                    ]
                ])
    }

    @Test func budgetOfSeveralUnitsUnderOne() {
        h.run(
            """
            budget set js.org 2009 funds=100 revenue=1000 spent=90
            budget set js.org 2010 funds=150 revenue=1100
            """)
        let rows = h.rows("report budget 2009..2010")
        #expect(rows.map { $0[0] } == [unitRef("js.org"), unitRef("js.org"), unitRef("nj.fin"), unitRef("nj.fin")])
        #expect(rows[0][4] == .number(90))
        #expect(rows[1][5...] == [.number(50), .number(10), .bool(false)])
        let nj = h.table("report budget 2009..2010 under nj")
        #expect(nj?.rows.map { $0[0] } == [unitRef("nj.fin"), unitRef("nj.fin")])
        h.run("budget set nj.fin 2010 funds=1500000 revenue=36000000000")
        #expect(h.table("report budget 2009..2010")?.notes == ["funds kept pace with revenue everywhere"])
    }

    /// f1 (nj.fin, medium, due 2010-08-31) is open; today is 2010-12-01.
    @Test func inspectionsOverdue() {
        let t = h.table("report inspections overdue")
        #expect(t?.columns == ["unit", "severity", "findings", "open", "overdue"])
        #expect(t?.rows == [[unitRef("nj.fin"), medium(), .number(1), .number(1), .number(1)]])
        #expect(
            t?.notes == [
                "overdue:",
                "  f1 (nj.fin, medium) was due 2010-08-31, 92 days ago: Training records incomplete for 2009",
            ])
        h.run("set today 2010-08-31")
        #expect(h.rows("report inspections overdue") == [], "due today is not overdue yet")
        h.run("set today 2010-09-01")
        #expect(h.rows("report inspections overdue").count == 1)
    }

    @Test func inspectionsAllOpenAndOverdue() {
        h.run(
            """
            finding add f2 inspection=i1 "Plan missing" severity=high due=2011-03-01
            finding add f3 inspection=i1 "Typo" severity=low due=2010-06-30
            finding resolve f3 date=2010-07-01
            inspection add i2 by=js.org unit=js.ps date=2010-06-01
            finding add f4 inspection=i2 "No teacher pool" severity=high due=2010-10-01
            """)
        let high = severity(.high), low = severity(.low)
        #expect(
            h.rows("report inspections") == [
                [unitRef("js.ps"), high, .number(1), .number(1), .number(1)],
                [unitRef("nj.fin"), high, .number(1), .number(1), .number(0)],
                [unitRef("nj.fin"), medium(), .number(1), .number(1), .number(1)],
                [unitRef("nj.fin"), low, .number(1), .number(0), .number(0)],
            ])
        #expect(
            h.rows("report inspections open") == [
                [unitRef("js.ps"), high, .number(1), .number(1), .number(1)],
                [unitRef("nj.fin"), high, .number(1), .number(1), .number(0)],
                [unitRef("nj.fin"), medium(), .number(1), .number(1), .number(1)],
            ])
        #expect(
            h.rows("report inspections overdue") == [
                [unitRef("js.ps"), high, .number(1), .number(1), .number(1)],
                [unitRef("nj.fin"), medium(), .number(1), .number(1), .number(1)],
            ])
        let d = h.failure("report inspections overdeu")
        #expect(d?.is(RunProblem.inspectionFilter("overdeu", filters: ReportKind.inspectionFilters)) == true)
    }

    @Test func resolvingAFindingTakesItOffTheOverdueList() {
        let early = h.failure("finding resolve f1 date=2010-05-01")
        #expect(
            early?.is(.resolvedBeforeInspection(finding: "f1", date: day(2010, 5, 1), inspected: day(2010, 5, 12)))
                == true)
        h.run("finding resolve f1 date=2010-11-30")
        #expect(h.rows("report inspections overdue") == [])
        #expect(h.rows("report inspections") == [[unitRef("nj.fin"), medium(), .number(1), .number(0), .number(0)]])
        #expect(
            h.failure("finding resolve f1 date=2010-12-01")?.is(.alreadyResolved(finding: "f1", on: day(2010, 11, 30)))
                == true)
    }

    /// k1 off-job: c1, c3 completed (600 h). k2 short-term: c1 completed (90), c2 absent.
    /// k3 lecture (2010): c2 completed (3). All from js.ps.
    @Test func coursesByKindAndProvider() {
        let t = h.table("report courses 2009..2010")
        #expect(t?.columns == ["kind", "provider", "courses", "enrolled", "completed", "fill-%", "hours"])
        let off = Value.enumeration(CourseKind.offJob.enumValue)
        let short = Value.enumeration(CourseKind.shortTerm.enumValue)
        let lecture = Value.enumeration(CourseKind.lecture.enumValue)
        #expect(
            t?.rows == [
                [off, unitRef("js.ps"), .number(1), .number(2), .number(2), .null, .number(600)],
                [short, unitRef("js.ps"), .number(1), .number(2), .number(1), .null, .number(90)],
                [lecture, unitRef("js.ps"), .number(1), .number(1), .number(1), .null, .number(3)],
            ])
        #expect(h.rows("report courses 2009..2009").map { $0[0] } == [off, short])
        h.run(
            """
            course set k1 capacity=4
            course set k2 capacity=3
            """)
        #expect(h.rows("report courses 2009..2009").map { $0[5] } == [.number(50), .number(66.7)])
        // A withdrawn cadre is not counted as enrolled; an absent one is (c2 in k2 above).
        h.run("enroll c3 in k3\nwithdraw c3 in k3")
        #expect(
            h.rows("report courses 2010") == [
                [lecture, unitRef("js.ps"), .number(1), .number(1), .number(1), .null, .number(3)]
            ])
    }

    @Test func planAgainstActual() {
        h.run(
            """
            plan set nj 2009 participants=3 hours=400
            plan set js 2009 participants=4 hours=1000
            plan set nj 2010 participants=2 hours=10
            """)
        let t = h.table("report plan 2009")
        #expect(
            t?.columns == [
                "unit", "planned-participants", "participants", "participants-%", "planned-hours",
                "hours", "hours-%",
            ])
        // js: c1 (390) and c3 (300) trained in 2009; nj: only c1 (c2's 3 hours are in 2010).
        #expect(
            t?.rows == [
                [unitRef("js"), .number(4), .number(2), .number(50), .number(1000), .number(690), .number(69)],
                [unitRef("nj"), .number(3), .number(1), .number(33.3), .number(400), .number(390), .number(97.5)],
            ])
        #expect(
            h.rows("report plan 2010") == [
                [unitRef("nj"), .number(2), .number(1), .number(50), .number(10), .number(3), .number(30)]
            ])
        #expect(h.rows("report plan 2011") == [])
    }

    @Test func reportArgumentsAreChecked() {
        #expect(
            h.failure("report compliance lead6y")?.is(BindProblem.unknownRecord(.rule, "lead6y", suggestion: "lead5y"))
                == true)
        #expect(h.failure("report budget 2009..2010 by unit")?.is(RunProblem.reportTakesNoBy(.budget)) == true)
        #expect(h.failure("report courses 2009 under js")?.is(RunProblem.reportTakesNoUnder(.courses)) == true)
        #expect(h.failure("report courses x")?.is(RunProblem.expectedPeriod) == true)
    }
}
