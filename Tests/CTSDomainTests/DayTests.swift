@testable import CTSDomain
import Testing

@Suite struct DayTests {
    @Test func parsesISODates() throws {
        let d = try #require(Day(iso: "2009-03-02"))
        #expect(d.parts == (2009, 3, 2))
        #expect(d.year == 2009)
        #expect(d == day(2009, 3, 2))
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "1970-01-02")?.daysSinceEpoch == 1)
        #expect(Day(iso: "1969-12-31")?.daysSinceEpoch == -1)
        #expect(Day(iso: "2000-01-01")?.daysSinceEpoch == 10_957)
    }

    @Test(arguments: [
        "2009-02-30", "2009-13-01", "2009-00-10", "2009-04-31", "2009-01-00", "2009-01-32",
        "2100-02-29", "1900-02-29", "2009-02-29", "0000-01-01",
    ])
    func refusesImpossibleDates(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(Day(iso: "2000-02-29")?.description == "2000-02-29")
        #expect(Day(iso: "2008-02-29")?.description == "2008-02-29")
        #expect(Day(iso: "2000-02-29") == Day(iso: "2000-03-01")?.adding(days: -1))
        #expect(Day(iso: "2400-02-29") != nil)
        #expect(Day.daysIn(month: 2, year: 2000) == 29)
        #expect(Day.daysIn(month: 2, year: 2100) == 28)
        #expect(Day.daysIn(month: 2, year: 2012) == 29)
        #expect(Day.daysIn(month: 2, year: 2011) == 28)
    }

    @Test(arguments: [
        "2009-3-02", "2009/03/02", "20090302", " 2009-03-02", "2009-03-02 ", "2009-03-0a",
        "２００９-03-02", "", "2009-03-002", "+009-03-02",
    ])
    func refusesMalformedText(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: [
        "0001-01-01", "1969-12-31", "1970-01-01", "2000-02-29", "2009-03-02", "2010-12-31",
        "2100-03-01", "9999-12-31",
    ])
    func printsBackWhatItParsed(_ text: String) throws {
        let d = try #require(Day(iso: text))
        #expect(d.description == text)
        #expect(Day(daysSinceEpoch: d.daysSinceEpoch) == d)
    }

    @Test func roundTripsEveryDayOfALeapAndACommonYear() throws {
        var d = day(2007, 1, 1)
        var seen = 0
        while d.year < 2009 {
            let again = try #require(Day(iso: d.description), "\(d)")
            #expect(again == d)
            let (y, m, dd) = d.parts
            #expect(Day(year: y, month: m, day: dd) == d)
            d = d.adding(days: 1)!
            seen += 1
        }
        #expect(seen == 365 + 366)
        #expect(d == day(2009, 1, 1))
    }

    @Test func arithmeticIsInWholeDays() {
        #expect(day(2009, 2, 28).adding(days: 1) == day(2009, 3, 1))
        #expect(day(2008, 2, 28).adding(days: 1) == day(2008, 2, 29))
        #expect(day(2009, 12, 31).adding(days: 1) == day(2010, 1, 1))
        #expect(day(2010, 1, 1).adding(days: -1) == day(2009, 12, 31))
        #expect(day(2010, 12, 1).daysSinceEpoch - day(2010, 8, 31).daysSinceEpoch == 92)
        #expect(day(2009, 1, 1).daysSinceEpoch - day(2008, 1, 1).daysSinceEpoch == 366)
        #expect(day(2009, 3, 2) < day(2009, 4, 24))
        #expect(!(day(2009, 4, 24) < day(2009, 4, 24)))
    }

    @Test func yearOfTheFirstAndLastDay() {
        #expect(Day.first(ofYear: 2009) == day(2009, 1, 1))
        #expect(Day.last(ofYear: 2009) == day(2009, 12, 31))
        #expect(day(2009, 12, 31).year == 2009)
        #expect(day(2010, 1, 1).year == 2010)
        #expect(Day.first(ofYear: 0) == nil)
        #expect(Day.last(ofYear: 10_000) == nil)
    }
}

@Suite struct PeriodTests {
    @Test func wholeYearsSpanFirstToLastDay() throws {
        let p = try #require(Period(years: 2008, 2012))
        #expect(p.first == day(2008, 1, 1))
        #expect(p.last == day(2012, 12, 31))
        #expect(p.isYears)
        #expect(p.firstYear == 2008 && p.lastYear == 2012)
        #expect(p.description == "2008..2012")
        #expect(Period(years: 2009, 2009)?.description == "2009")
    }

    @Test func containsBothEdgesAndNothingPast() throws {
        let p = try #require(Period(years: 2008, 2012))
        #expect(p.contains(day(2008, 1, 1)))
        #expect(p.contains(day(2012, 12, 31)))
        #expect(p.contains(day(2010, 6, 15)))
        #expect(!p.contains(day(2007, 12, 31)))
        #expect(!p.contains(day(2013, 1, 1)))
    }

    @Test func datePeriodsAreInclusiveToo() {
        let p = Period(first: day(2009, 1, 1), last: day(2009, 6, 30))
        #expect(!p.isYears)
        #expect(p.description == "2009-01-01..2009-06-30")
        #expect(p.contains(day(2009, 1, 1)))
        #expect(p.contains(day(2009, 6, 30)))
        #expect(!p.contains(day(2009, 7, 1)))
        #expect(!p.contains(day(2008, 12, 31)))
    }

    @Test func yearsOutOfRangeGiveNoPeriod() {
        #expect(Period(years: 0, 2009) == nil)
        #expect(Period(years: 2009, 10_000) == nil)
        #expect(Period(years: 1, 9999) != nil)
    }
}
