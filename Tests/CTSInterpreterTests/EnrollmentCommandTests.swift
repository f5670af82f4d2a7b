import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// enroll / complete / absent / withdraw as commands: options, messages, and all-or-nothing.
@Suite struct EnrollmentCommandTests {
    let h = Harness.workshop()

    func enrollment(_ cadre: String, _ course: String) -> [Value]? {
        h.rows("list enrollments where cadre = \(cadre) and course = \(course)").first
    }

    let enrolled = Value.enumeration(EnrollmentStatus.enrolled.enumValue)
    let completed = Value.enumeration(EnrollmentStatus.completed.enumValue)
    let withdrawn = Value.enumeration(EnrollmentStatus.withdrawn.enumValue)

    @Test func enrollAndCompleteWithDefaults() {
        #expect(h.run("enroll c3 in k2") == [.confirmation("enrolled c3 in k2")])
        #expect(enrollment("c3", "k2") == [.ref(.cadre, "c3"), .ref(.course, "k2"), enrolled, .null, .null])
        #expect(h.run("complete c3 in k2") == [.confirmation("completed c3 in k2")])
        #expect(
            enrollment("c3", "k2") == [
                .ref(.cadre, "c3"), .ref(.course, "k2"), completed, .number(90),
                .date(Day(year: 2009, month: 5, day: 22)!),
            ])
    }

    @Test func partialCreditAndDate() {
        h.run(
            """
            enroll c3 in k2
            complete c3 in k2 hours=45 date=2009-05-15
            """)
        #expect(enrollment("c3", "k2")?[3...] == [.number(45), .date(Day(year: 2009, month: 5, day: 15)!)])
        h.run("enroll c2 in k1")
        let over = h.failure("complete c2 in k1 hours=301")
        #expect(over?.is(.creditOverCourse(course: "k1", worth: 300, credited: 301)) == true)
        #expect(h.text(at: over?.range) == "301")
        let early = h.failure("complete c2 in k1 date=2009-03-01")
        #expect(early?.is(.completedBeforeStart(date: day(2009, 3, 1), course: "k1", start: day(2009, 3, 2))) == true)
        #expect(h.text(at: early?.range) == "2009-03-01")
        let badDate = h.failure("complete c2 in k1 date=2009-02-30")
        #expect(badDate?.is(LexProblem.notARealDate("2009-02-30")) == true)
        #expect(h.text(at: badDate?.range) == "2009-02-30")
        #expect(enrollment("c2", "k1")?[2] == enrolled)
    }

    @Test func refusedTransitionsSayWhy() {
        #expect(h.failure("enroll c1 in k1")?.is(.alreadyCompleted(cadre: "c1", course: "k1")) == true)
        #expect(h.failure("complete c3 in k3")?.is(.neverEnrolled(.complete, cadre: "c3", course: "k3")) == true)
        #expect(
            h.failure("complete c1 in k1")?.is(
                .enrollmentClosed(.complete, cadre: "c1", course: "k1", status: .completed)) == true)
        #expect(
            h.failure("absent c1 in k1")?.is(
                .enrollmentClosed(.markAbsent, cadre: "c1", course: "k1", status: .completed)) == true)
        #expect(
            h.failure("withdraw c2 in k2")?.is(.enrollmentClosed(.withdraw, cadre: "c2", course: "k2", status: .absent))
                == true)
        let unknown = h.failure("enroll c1 in k4")
        #expect(unknown?.is(BindProblem.unknownRecord(.course, "k4", suggestion: "k1")) == true)
        #expect(h.text(at: unknown?.range) == "k4")
    }

    @Test func withdrawThenEnrollAgain() {
        h.run(
            """
            enroll c3 in k3
            withdraw c3 in k3
            """)
        #expect(enrollment("c3", "k3")?[2] == withdrawn)
        #expect(
            h.failure("complete c3 in k3")?.is(
                .enrollmentClosed(.complete, cadre: "c3", course: "k3", status: .withdrawn)) == true)
        #expect(h.run("enroll c3 in k3") == [.confirmation("enrolled c3 in k3")])
        #expect(enrollment("c3", "k3")?[2] == enrolled)
        #expect(h.session.count(.enrollment) == 6)
    }

    @Test func capacityAndLeftCadres() {
        h.run(
            """
            course add k9 "Small class" kind=rotation provider=js.ps start=2010-03-01 end=2010-03-05 hours=40 capacity=2
            enroll c1,c2 in k9
            """)
        let full = h.failure("enroll c3 in k9")
        #expect(full?.is(.courseFull(course: "k9", capacity: 2)) == true)
        #expect(h.text(at: full?.range) == "c3")
        h.run("cadre set c3 status=left")
        #expect(h.failure("enroll c3 in k3")?.is(.cadreLeft(cadre: "c3")) == true)
        let raise = h.failure("course set k9 capacity=1")
        #expect(raise?.is(.capacityBelowEnrolled(course: "k9", enrolled: 2, capacity: 1)) == true)
        #expect(h.text(at: raise?.range) == "1")
    }

    @Test func unknownCadreInAListEnrollsNobody() {
        let before = h.snapshot()
        let undoDepth = h.interpreter.undoStack.count
        let d = h.failure("enroll c1,c3,zzz in k3")
        #expect(d?.is(BindProblem.unknownRecord(.cadre, "zzz", suggestion: nil)) == true)
        #expect(h.text(at: d?.range) == "zzz")
        #expect(h.snapshot() == before)
        #expect(h.interpreter.undoStack.count == undoDepth)
    }

    @Test func aRefusalPartWayTakesBackTheEarlierCadres() {
        h.run(
            "course add k9 \"Small\" kind=rotation provider=js.ps start=2010-03-01 end=2010-03-05 hours=40 capacity=2")
        let before = h.snapshot()
        let undoDepth = h.interpreter.undoStack.count
        let d = h.failure("enroll c1,c2,c3 in k9")
        #expect(d?.is(.courseFull(course: "k9", capacity: 2)) == true)
        #expect(h.text(at: d?.range) == "c3")
        #expect(h.snapshot() == before)
        #expect(h.interpreter.undoStack.count == undoDepth)
        // The same for complete: c1 completes, then c2 (absent) is refused.
        let before2 = h.snapshot()
        h.run("enroll c3 in k2")
        let e = h.failure("complete c3,c2 in k2")
        #expect(e?.is(.enrollmentClosed(.complete, cadre: "c2", course: "k2", status: .absent)) == true)
        #expect(enrollment("c3", "k2")?[2] == enrolled)
        h.run("undo")
        #expect(h.snapshot() == before2)
    }

    @Test func bulkEnrollSkipsThoseAlreadyEnrolled() {
        let effects = h.run("enroll (cadres where unit under nj) in k3")
        #expect(effects == [.confirmation("enrolled 1 cadre in k3 (1 already enrolled)")])
        #expect(enrollment("c1", "k3")?[2] == enrolled)
        // Completing many at once.
        h.run("enroll c3 in k3")
        #expect(h.run("complete c1,c3 in k3") == [.confirmation("completed c1, c3 in k3")])
        #expect(h.value("hours(2010) of cadre c3") == .number(3))
    }
}
