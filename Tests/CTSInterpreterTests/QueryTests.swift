import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// list, count and stats: the result tables, not their rendering.
@Suite struct QueryTests {
    let h = Harness.workshop()

    /// Two more cadres, so sorting has ties to break: c4 nj.fin bureau, c5 js.org staff.
    func addCadres() {
        h.run(
            """
            cadre add c4 "Chen Jie" unit=nj.fin rank=bureau category=leading born=1970
            cadre add c5 "Peña Núñez" unit=js.org rank=staff category=technical born=1980
            """)
    }

    @Test func defaultColumnsAreTheSpecFieldsInOrder() {
        h.run(
            """
            plan set nj 2010 participants=2 hours=100
            practice add p1 unit=nj year=2010 "Evening classes" promoted=yes
            exempt c2 from yearly reason="Sick leave"
            """)
        // Spec §2, table of entities, field by field.
        let expected: [(String, [String])] = [
            ("units", ["id", "name", "kind", "level", "parent"]),
            ("cadres", ["id", "name", "unit", "rank", "category", "born", "status"]),
            ("courses", ["id", "title", "kind", "provider", "organizer", "start", "end", "hours", "capacity"]),
            ("enrollments", ["cadre", "course", "status", "hours", "date"]),
            ("rules", ["id", "title", "for", "period", "hours", "kinds"]),
            ("budgets", ["unit", "year", "funds", "revenue", "spent"]),
            ("plans", ["unit", "year", "participants", "hours"]),
            ("inspections", ["id", "by", "unit", "date", "scope"]),
            ("findings", ["id", "inspection", "text", "severity", "due", "status", "resolved"]),
            ("practices", ["id", "unit", "text", "year", "promoted"]),
            ("exemptions", ["cadre", "rule", "reason"]),
        ]
        for (collection, columns) in expected {
            let t = h.table("list \(collection)")
            #expect(t?.columns == columns, "\(collection)")
            #expect(t?.rows.allSatisfy { $0.count == columns.count } == true, "\(collection)")
        }
    }

    @Test func defaultRowsHoldTypedValues() {
        let rows = h.rows("list cadres")
        #expect(rows.count == 3)
        #expect(
            rows.first == [
                .text("c1"), .text("Li Wei"), unitRef("nj.fin"), rank(.county),
                .enumeration(CTSDomain.Category.leading.enumValue), .number(1966),
                .enumeration(CadreStatus.active.enumValue),
            ])
        #expect(rows.last?[1] == .text("Zhang Min – 张敏"))
        #expect(rows.last?[5] == .null)
        let rule = h.rows("list rules where id = lead5y").first
        #expect(rule?[2] == .text("category = leading and rank >= county"))
        #expect(rule?[3] == .period(Period(years: 2008, 2012)!))
        #expect(
            rule?[5]
                == .list([
                    .enumeration(CourseKind.offJob.enumValue), .enumeration(CourseKind.rotation.enumValue),
                    .enumeration(CourseKind.shortTerm.enumValue),
                ]))
        #expect(h.rows("list rules where id = yearly").first?[5] == .null)
        #expect(
            h.rows("list courses where id = k2").first?[3...] == [
                unitRef("js.ps"), .null, .date(Day(year: 2009, month: 5, day: 11)!),
                .date(Day(year: 2009, month: 5, day: 22)!), .number(90), .null,
            ])
    }

    @Test func withoutSortRecordsComeInTheOrderAdded() {
        addCadres()
        #expect(h.ids("list cadres") == ["c1", "c2", "c3", "c4", "c5"])
        h.run("cadre remove c2 cascade")
        h.run("cadre add c0 \"Zero\" unit=js rank=staff category=trainer")
        #expect(h.ids("list cadres") == ["c1", "c3", "c4", "c5", "c0"])
        // A changed record keeps its place.
        h.run("cadre set c1 name=\"Li Wei (acting)\"")
        #expect(h.ids("list cadres") == ["c1", "c3", "c4", "c5", "c0"])
        h.run("undo 2")
        #expect(h.ids("list cadres") == ["c1", "c3", "c4", "c5"])
        h.run("undo")
        #expect(h.ids("list cadres") == ["c1", "c2", "c3", "c4", "c5"])
    }

    @Test func sortByOneKeyKeepsTiesInInsertionOrder() {
        addCadres()
        // Units compare by id: js.org (c3, c5) before nj.fin (c1, c2, c4).
        #expect(h.ids("list cadres sort unit") == ["c3", "c5", "c1", "c2", "c4"])
        #expect(h.ids("list cadres sort unit desc") == ["c1", "c2", "c4", "c3", "c5"])
        #expect(h.ids("list cadres sort rank") == ["c2", "c5", "c1", "c3", "c4"])
        #expect(h.ids("list cadres sort rank desc") == ["c3", "c4", "c1", "c2", "c5"])
        // Absent values sort first.
        #expect(h.ids("list cadres sort born") == ["c2", "c3", "c1", "c4", "c5"])
        #expect(h.ids("list cadres sort name") == ["c4", "c1", "c5", "c2", "c3"])
    }

    @Test func sortByManyKeys() {
        addCadres()
        #expect(h.ids("list cadres sort unit, rank desc") == ["c3", "c5", "c4", "c1", "c2"])
        #expect(h.ids("list cadres sort unit desc, rank") == ["c2", "c1", "c4", "c5", "c3"])
        #expect(h.ids("list cadres sort category, born desc") == ["c4", "c1", "c3", "c2", "c5"])
        #expect(h.ids("list cadres sort hours(2009) desc, id") == ["c1", "c3", "c2", "c4", "c5"])
    }

    @Test func limitCutsAfterSorting() {
        addCadres()
        #expect(h.ids("list cadres sort rank desc limit 2") == ["c3", "c4"])
        #expect(h.ids("list cadres limit 2") == ["c1", "c2"])
        #expect(h.ids("list cadres limit 0") == [])
        #expect(h.ids("list cadres where unit under nj limit 10") == ["c1", "c2", "c4"])
    }

    @Test func columnsAreExpressionsHeadedAsWritten() {
        let t = h.table(
            "list cadres where rank >= county sort id columns id, hours(2009), unit.level, hours(2009) / 7.5, name")
        #expect(t?.columns == ["id", "hours(2009)", "unit.level", "hours(2009) / 7.5", "name"])
        #expect(
            t?.rows == [
                [.text("c1"), .number(390), .enumeration(Level.city.enumValue), .number(52), .text("Li Wei")],
                [
                    .text("c3"), .number(300), .enumeration(Level.province.enumValue), .number(40),
                    .text("Zhang Min – 张敏"),
                ],
            ])
        let d = h.failure("list cadres columns id, nmae")
        #expect(d?.is(BindProblem.noSuchField(.cadre, "nmae", suggestion: "name")) == true)
        #expect(h.text(at: d?.range) == "nmae")
    }

    @Test func countAndCountBy() {
        addCadres()
        #expect(h.table("count cadres")?.columns == ["count"])
        #expect(h.rows("count cadres") == [[.number(5)]])
        #expect(h.rows("count cadres where rank = national") == [[.number(0)]])
        let byRank = h.table("count cadres by rank")
        #expect(byRank?.columns == ["rank", "count"])
        #expect(
            byRank?.rows == [[rank(.staff), .number(2)], [rank(.county), .number(1)], [rank(.bureau), .number(2)]])
        #expect(h.rows("count cadres by unit") == [[unitRef("js.org"), .number(2)], [unitRef("nj.fin"), .number(3)]])
        #expect(
            h.rows("count cadres where category = leading by unit.level") == [
                [.enumeration(Level.province.enumValue), .number(1)], [.enumeration(Level.city.enumValue), .number(2)],
            ])
        #expect(
            h.rows("count cadres by born") == [
                [.null, .number(2)], [.number(1966), .number(1)], [.number(1970), .number(1)],
                [.number(1980), .number(1)],
            ])
        #expect(h.rows("count cadres where rank = national by unit") == [])
        #expect(h.table("count enrollments by course.kind")?.columns == ["course.kind", "count"])
    }

    @Test func statsColumns() {
        // Completed: 300 (c1 k1), 300 (c3 k1), 90 (c1 k2), 3 (c2 k3).
        let t = h.table("stats hours of enrollments where status = completed")
        #expect(t?.columns == ["count", "sum", "avg", "min", "max"])
        #expect(t?.rows == [[.number(4), .number(693), .number(173.25), .number(3), .number(300)]])
        let by = h.table("stats hours of enrollments by status")
        #expect(by?.columns == ["status", "count", "sum", "avg", "min", "max"])
        #expect(
            by?.rows == [
                [
                    .enumeration(EnrollmentStatus.completed.enumValue), .number(4), .number(693), .number(173.25),
                    .number(3), .number(300),
                ],
                [.enumeration(EnrollmentStatus.absent.enumValue), .number(0), .number(0), .null, .null, .null],
            ])
        #expect(
            h.rows("stats hours(2009) of cadres by unit") == [
                [unitRef("js.org"), .number(1), .number(300), .number(300), .number(300), .number(300)],
                [unitRef("nj.fin"), .number(2), .number(390), .number(195), .number(0), .number(390)],
            ])
        #expect(
            h.rows("stats hours of courses where kind = overseas") == [[.number(0), .number(0), .null, .null, .null]])
        let d = h.failure("stats name of cadres")
        #expect(d?.is(BindProblem.needsType("stats", "a number", found: "text")) == true)
    }

    @Test func outputClauseIsCarriedNotApplied() {
        let effects = h.run("list units as csv > out.csv")
        guard case .table(let t, let format, let redirect)? = effects.first else {
            Issue.record("no table: \(effects)")
            return
        }
        #expect(t.rows.count == 5)
        #expect(format == "csv")
        #expect(redirect?.path == "out.csv")
        #expect(redirect?.append == false)
        let d = h.failure("list units as cvs")
        #expect(d?.is(RunProblem.unknownFormat("cvs", formats: Settings.formats)) == true)
    }
}

@Suite struct ChartQueryTests {
    let h = Harness.workshop()

    /// `as chart` on a result without groups fails at the column of `chart`, before running.
    @Test func chartNeedsAGroupedResult() {
        #expect(h.failure("list units as chart")?.is(RunProblem.chartNeedsGroups, at: 1, 15) == true)
        #expect(h.failure("count cadres as chart")?.is(RunProblem.chartNeedsGroups, at: 1, 17) == true)
        #expect(h.failure("report inspections as chart")?.is(RunProblem.chartNeedsGroups, at: 1, 23) == true)
        #expect(
            h.failure("set format chart")?.is(RunProblem.unknownFormat("chart", formats: OutputFormat.sessionNames))
                == true)
    }

    @Test func groupedResultsSayWhatToChart() {
        guard case .table(let t, let spec, _)? = h.run("count cadres by unit as chart").first else {
            Issue.record("no table")
            return
        }
        #expect(spec.format == .chart)
        #expect(t.chart == ChartShape(labels: [0], value: 1))
        guard case .table(let s, _, _)? = h.run("stats hours(2009) of cadres by rank as chart").first else { return }
        #expect(s.chart == ChartShape(labels: [0], value: 3))
        guard case .table(let c, _, _)? = h.run("report compliance lead5y by unit as chart").first else { return }
        #expect(c.chart == ChartShape(labels: [0], value: 3, percent: true))
        guard case .table(let b, _, _)? = h.run("report budget 2008..2012 as chart").first else { return }
        #expect(b.chart == ChartShape(labels: [0], value: 1, series: [2, 3]))
    }
}
