@testable import CTSDomain
import Testing

/// The enrollment state machine: enrolled → completed | absent | withdrawn, withdrawn → enrolled.
@Suite struct EnrollmentTests {
    let s: Session
    let b: Builder
    // Slots in the workshop session.
    let c1 = 0, c2 = 1, c3 = 2, k1 = 0, k2 = 1, k3 = 2

    init() throws {
        s = try workshopSession()
        b = Builder(session: s)
    }

    func status(_ cadre: Int, _ course: Int) -> EnrollmentStatus? {
        s.enrollmentSlot(cadre: cadre, course: course).flatMap { s.enrollments[$0]?.status }
    }

    @Test func enrollThenCompleteCreditsTheCourseHoursOnItsEndDate() throws {
        try b.enroll(c3, k2)
        #expect(status(c3, k2) == .enrolled)
        #expect(s.enrollments[s.enrollmentSlot(cadre: c3, course: k2)!]!.hours == nil)
        try b.complete(c3, k2)
        let e = s.enrollments[s.enrollmentSlot(cadre: c3, course: k2)!]!
        #expect(e.status == .completed)
        #expect(e.hours == 90)
        #expect(e.date == day(2009, 5, 22))
    }

    @Test func enrollingTwiceIsRefused() throws {
        try b.enroll(c3, k2)
        let e = domainError { try b.enroll(c3, k2) }
        #expect(e?.kind == .alreadyEnrolled(cadre: "c3", status: .enrolled, course: "k2"))
        let done = domainError { try b.enroll(c1, k1) }
        #expect(done?.kind == .alreadyCompleted(cadre: "c1", course: "k1"))
    }

    @Test func completingWithoutEnrollingIsRefused() {
        let e = domainError { try b.complete(c2, k1) }
        #expect(e?.kind == .neverEnrolled(.complete, cadre: "c2", course: "k1"))
        #expect(s.enrollmentSlot(cadre: c2, course: k1) == nil)
    }

    @Test func completingTwiceIsRefused() {
        let e = domainError { try b.complete(c1, k1) }
        #expect(e?.kind == .enrollmentClosed(.complete, cadre: "c1", course: "k1", status: .completed))
        let absent = domainError { try b.complete(c2, k2) }
        #expect(absent?.kind == .enrollmentClosed(.complete, cadre: "c2", course: "k2", status: .absent))
    }

    @Test func absentAndWithdrawNeedAnEnrolledCadre() throws {
        var changes = ChangeSet()
        let never = domainError { try s.mark(cadre: c3, course: k3, .absent, &changes) }
        #expect(never?.kind == .neverEnrolled(.markAbsent, cadre: "c3", course: "k3"))
        let done = domainError { try s.mark(cadre: c1, course: k1, .withdrawn, &changes) }
        #expect(done?.kind == .enrollmentClosed(.withdraw, cadre: "c1", course: "k1", status: .completed))
        try b.enroll(c3, k3)
        try s.mark(cadre: c3, course: k3, .absent, &changes)
        #expect(status(c3, k3) == .absent)
    }

    @Test func withdrawnCadreMayEnrollAgainInTheSameSlot() throws {
        var changes = ChangeSet()
        try b.enroll(c3, k3)
        let slot = s.enrollmentSlot(cadre: c3, course: k3)!
        try s.mark(cadre: c3, course: k3, .withdrawn, &changes)
        #expect(status(c3, k3) == .withdrawn)
        try b.enroll(c3, k3)
        #expect(status(c3, k3) == .enrolled)
        #expect(s.enrollmentSlot(cadre: c3, course: k3) == slot)
        #expect(s.count(.enrollment) == 6)
        // An absent cadre is not withdrawn and may not simply enroll again.
        let e = domainError { try b.enroll(c2, k2) }
        #expect(e?.kind == .alreadyEnrolled(cadre: "c2", status: .absent, course: "k2"))
    }

    @Test func fullCourseRefusesAndWithdrawnPlacesAreFreed() throws {
        let k = try b.course(
            "k9", kind: "rotation", provider: "js.ps", start: day(2010, 3, 1), end: day(2010, 3, 5),
            hours: 40, capacity: 2)
        try b.enroll(c1, k)
        try b.enroll(c2, k)
        #expect(s.activeEnrollments(course: k) == 2)
        let e = domainError { try b.enroll(c3, k) }
        #expect(e?.kind == .courseFull(course: "k9", capacity: 2))
        var changes = ChangeSet()
        try s.mark(cadre: c2, course: k, .withdrawn, &changes)
        #expect(s.activeEnrollments(course: k) == 1)
        try b.enroll(c3, k)
        // A completed cadre still holds the place.
        try b.complete(c1, k)
        let again = domainError { try b.enroll(c2, k) }
        #expect(again?.kind == .courseFull(course: "k9", capacity: 2))
    }

    @Test func capacityCannotDropBelowTheEnrolled() throws {
        var changes = ChangeSet()
        let e = domainError { try s.update(.course, k1, with: [("capacity", .number(1))], &changes) }
        #expect(e?.kind == .capacityBelowEnrolled(course: "k1", enrolled: 2, capacity: 1))
        #expect(e?.field == "capacity")
        try s.update(.course, k1, with: [("capacity", .number(2))], &changes)
        #expect(s.courses[k1]!.capacity == 2)
    }

    @Test func cadreWhoLeftCannotBeEnrolled() throws {
        var changes = ChangeSet()
        try s.update(.cadre, c3, with: [("status", .text("left"))], &changes)
        let e = domainError { try b.enroll(c3, k2) }
        #expect(e?.kind == .cadreLeft(cadre: "c3"))
        #expect(s.enrollmentSlot(cadre: c3, course: k2) == nil)
    }

    @Test func partialCreditUpToTheCourseHours() throws {
        try b.enroll(c3, k2)
        let over = domainError { try b.complete(c3, k2, hours: 90.5) }
        #expect(over?.kind == .creditOverCourse(course: "k2", worth: 90, credited: 90.5))
        #expect(over?.field == "hours")
        let zero = domainError { try b.complete(c3, k2, hours: 0) }
        #expect(zero?.kind == .nonPositiveHours)
        #expect(status(c3, k2) == .enrolled)
        try b.complete(c3, k2, hours: 90)
        #expect(s.hours(cadre: c3, in: Period(years: 2009, 2009)!) == 390)
    }

    @Test func completionDateMayNotPrecedeTheStart() throws {
        try b.enroll(c3, k2)
        let e = domainError { try b.complete(c3, k2, date: day(2009, 5, 10)) }
        #expect(e?.kind == .completedBeforeStart(date: day(2009, 5, 10), course: "k2", start: day(2009, 5, 11)))
        #expect(e?.field == "date")
        // The start day itself is fine, and so is a date after the end.
        try b.complete(c3, k2, hours: 45, date: day(2009, 5, 11))
        #expect(s.enrollments[s.enrollmentSlot(cadre: c3, course: k2)!]!.date == day(2009, 5, 11))
        try b.enroll(c3, k3)
        try b.complete(c3, k3, date: day(2011, 1, 5))
        #expect(s.hours(cadre: c3, in: Period(years: 2011, 2011)!) == 3)
    }

    /// The size Enrollment.swift gives: a province keeps millions of enrollments in one array.
    @Test func anEnrollmentTakes32BytesInItsTable() {
        #expect(MemoryLayout<Enrollment>.size == 28)
        #expect(MemoryLayout<Enrollment>.stride == 32)
        #expect(MemoryLayout<Enrollment?>.stride == 32)
    }
}
