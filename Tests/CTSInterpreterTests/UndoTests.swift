import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import CTSTestSupport
import Testing

/// undo / redo, and the all-or-nothing rule for commands that fail.
@Suite struct UndoTests {
    let h = Harness.workshop()

    @Test func undoTakesBackOneCommandAndRedoReplaysIt() {
        let before = h.snapshot()
        h.run("cadre add c4 \"New\" unit=js.org rank=staff category=technical")
        let after = h.snapshot()
        #expect(h.run("undo") == [.confirmation("undid: added cadre c4")])
        #expect(h.snapshot() == before)
        #expect(h.run("redo") == [.confirmation("redid: added cadre c4")])
        #expect(h.snapshot() == after)
    }

    @Test func undoOfACascadeRestoresEveryRecordInItsSlot() {
        let before = h.snapshot()
        let effects = h.run("unit remove js cascade")
        #expect(
            effects == [
                .text(
                    "removed unit js and 4 units, 3 cadres, 3 courses, 5 enrollments, 2 budgets, "
                        + "1 inspection, 1 finding")
            ])
        #expect(h.rows("count units") == [[.number(0)]])
        h.run("undo")
        #expect(h.snapshot() == before)
        #expect(h.value("hours(2009) of cadre c1") == .number(390))
        h.run("redo")
        #expect(h.rows("count enrollments") == [[.number(0)]])
        #expect(h.rows("count rules") == [[.number(2)]])
    }

    @Test func removeRefusedWhileReferredTo() {
        let before = h.snapshot()
        let d = h.failure("unit remove nj.fin")
        #expect(
            d?.is(.referredTo(.unit, name: "nj.fin", by: [.init(.cadre, 2), .init(.budget, 2), .init(.inspection, 1)]))
                == true)
        #expect(h.snapshot() == before)
        #expect(h.run("finding remove f1") == [.confirmation("removed finding f1")])
        #expect(h.run("budget remove nj.fin 2009") == [.confirmation("removed budget nj.fin 2009")])
        #expect(
            h.failure("budget remove nj.fin 2008")?.is(RunProblem.noRecordForYear(unit: "nj.fin", .budget, year: 2008))
                == true)
    }

    @Test func severalStepsBackAndForth() {
        let s0 = h.snapshot()
        h.run("cadre set c1 rank=bureau")
        let s1 = h.snapshot()
        h.run("enroll c3 in k2")
        let s2 = h.snapshot()
        h.run("complete c3 in k2 hours=10")
        let s3 = h.snapshot()
        #expect(h.run("undo 2") == [.confirmation("undid: completed c3 in k2; enrolled c3 in k2")])
        #expect(h.snapshot() == s1)
        h.run("redo")
        #expect(h.snapshot() == s2)
        h.run("redo")
        #expect(h.snapshot() == s3)
        #expect(h.run("redo") == [.text("nothing to redo")])
        h.run("undo 3")
        #expect(h.snapshot() == s0)
        #expect(
            h.failure("undo 0")?.is(RunProblem.expectedWholeNumber("how many commands", lower: 1, upper: 1_000_000))
                == true)
    }

    @Test func aNewChangeClearsTheRedoStack() {
        h.run("cadre set c1 rank=bureau")
        h.run("undo")
        h.run("cadre set c2 rank=township")
        #expect(h.run("redo") == [.text("nothing to redo")])
        #expect(h.rows("list cadres where id = c1 columns rank") == [[rank(.county)]])
    }

    @Test func undoEverythingGivesAnEmptySession() {
        let fresh = Harness()
        let empty = fresh.snapshot()
        fresh.run(Workshop.setup)
        fresh.run("undo 1000")
        #expect(fresh.snapshot() == empty)
        #expect(fresh.run("undo") == [.text("nothing to undo")])
        fresh.run("redo 1000")
        #expect(fresh.snapshot() == Harness.workshop().snapshot())
    }

    @Test func failedCommandsAreNotOnTheUndoStack() {
        let depth = h.interpreter.undoStack.count
        _ = h.failure("cadre add c1 \"Dup\" unit=js rank=staff category=leading")
        _ = h.failure("course add k9 \"x\" kind=lecture provider=js.ps start=2010-01-02 end=2010-01-01 hours=3")
        #expect(h.interpreter.undoStack.count == depth)
        // Queries and settings are not undone either.
        h.run("list cadres\nset format csv\ncount units")
        #expect(h.interpreter.undoStack.count == depth)
        h.run("undo")
        #expect(h.rows("count findings") == [[.number(0)]], "undo took back the last change, finding add")
    }

    @Test func changesReportedFieldByField() {
        #expect(h.run("cadre set c2 rank=township born=1980") == [.confirmation("changed cadre c2: rank, born")])
        #expect(h.run("course set k2 days=10") == [.confirmation("changed course k2: hours")])
        #expect(h.value("hours of course k2") == .number(75))
        let d = h.failure("course set k2 hours=80 end=2009-05-01")
        #expect(d?.is(.endsBeforeStart(course: "k2", end: day(2009, 5, 1), start: day(2009, 5, 11))) == true)
        #expect(h.text(at: d?.range) == "2009-05-01")
        #expect(h.value("hours of course k2") == .number(75))
    }

    @Test func unitMovesAreCheckedForCycles() {
        let d = h.failure("unit set js parent=nj.fin")
        #expect(d?.is(.unitUnderItself(unit: "js", parent: "nj.fin")) == true)
        #expect(h.text(at: d?.range) == "nj.fin")
        #expect(h.failure("unit set nj parent=nj")?.is(.unitUnderItself(unit: "nj", parent: "nj")) == true)
        h.run("unit set nj.fin parent=js.org")
        #expect(h.ids("list cadres where unit under nj columns id") == [])
        #expect(h.ids("list cadres where unit under js.org columns id") == ["c1", "c2", "c3"])
    }
}
