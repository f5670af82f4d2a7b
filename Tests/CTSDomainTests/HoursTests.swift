@testable import CTSDomain
import Testing

/// Credited hours in a period: completed enrollments only, dated inside the period (both ends).
@Suite struct HoursTests {
    let s = Session()
    let c = 0

    /// One cadre and a course per completion date, each worth `hours`, of `kind`.
    func complete(_ id: String, on date: Day, hours: Number, kind: String = "off-job") throws {
        let b = Builder(session: s)
        if s.count(.unit) == 0 {
            try b.unit("js", kind: "institution")  // a course's provider is an institution
            try b.cadre("c1", unit: "js")
        }
        let k = try b.course(id, kind: kind, provider: "js", start: date.adding(days: -3)!, end: date, hours: hours)
        try b.enroll(c, k)
        try b.complete(c, k)
    }

    @Test func yearEdgesAreInclusiveAndTheDayBeforeIsNot() throws {
        try complete("prev", on: day(2008, 12, 31), hours: 1)
        try complete("first", on: day(2009, 1, 1), hours: 10)
        try complete("mid", on: day(2009, 7, 1), hours: 100)
        try complete("last", on: day(2009, 12, 31), hours: 1000)
        try complete("next", on: day(2010, 1, 1), hours: 10000)
        #expect(s.hours(cadre: c, in: Period(years: 2009, 2009)!) == 1110)
        #expect(s.hours(cadre: c, in: Period(years: 2008, 2009)!) == 1111)
        #expect(s.hours(cadre: c, in: Period(years: 2009, 2010)!) == 11110)
        #expect(s.hours(cadre: c, in: Period(years: 2011, 2012)!) == 0)
        #expect(s.hours(cadre: c, in: Period(first: day(2009, 1, 2), last: day(2009, 12, 30))) == 100)
    }

    @Test func onlyCompletedEnrollmentsCount() throws {
        try complete("done", on: day(2009, 3, 1), hours: 8)
        let b = Builder(session: s)
        let k = try b.course("open", provider: "js", start: day(2009, 4, 1), end: day(2009, 4, 2), hours: 16)
        try b.enroll(c, k)
        #expect(s.hours(cadre: c, in: Period(years: 2009, 2009)!) == 8)
        var changes = ChangeSet()
        try s.mark(cadre: c, course: k, .absent, &changes)
        #expect(s.hours(cadre: c, in: Period(years: 2009, 2009)!) == 8)
    }

    @Test func kindsLimitWhatCounts() throws {
        try complete("a", on: day(2009, 3, 1), hours: 8, kind: "off-job")
        try complete("b", on: day(2009, 3, 2), hours: 4, kind: "lecture")
        try complete("d", on: day(2009, 3, 3), hours: 2, kind: "online")
        let year = Period(years: 2009, 2009)!
        #expect(s.hours(cadre: c, in: year, kinds: nil) == 14)
        #expect(s.hours(cadre: c, in: year, kinds: [.offJob, .online]) == 10)
        #expect(s.hours(cadre: c, in: year, kinds: [.rotation]) == 0)
        let r = try Builder(session: s).rule("r", period: year, hours: 10, kinds: ["lecture", "online"])
        #expect(s.hours(cadre: c, rule: r) == 6)
    }

    @Test func exemptionsAreRecordedOnceWithAReason() throws {
        let s = try workshopSession()
        var changes = ChangeSet()
        #expect(!s.isExempt(cadre: 0, rule: 0))
        let empty = domainError { try s.exempt(cadre: 0, rule: 0, reason: "", &changes) }
        #expect(empty?.kind == .exemptionNeedsReason)
        try s.exempt(cadre: 0, rule: 0, reason: "seconded abroad", &changes)
        #expect(s.isExempt(cadre: 0, rule: 0))
        #expect(!s.isExempt(cadre: 0, rule: 1))
        let twice = domainError { try s.exempt(cadre: 0, rule: 0, reason: "again", &changes) }
        #expect(twice?.kind == .alreadyExempt(cadre: "c1", rule: "lead5y"))
        #expect(s.count(.exemption) == 1)
    }
}
