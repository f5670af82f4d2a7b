@testable import CTSDomain
import Testing

/// `makeRecord` and `updating`: every check a field's type or the record implies.
@Suite struct RecordBuildingTests {
    let s: Session
    let b: Builder

    init() throws {
        s = try workshopSession()
        b = Builder(session: s)
    }

    func cadreFields(_ changes: [String: Value] = [:]) -> [String: Value] {
        var f: [String: Value] = [
            "id": .text("c9"), "name": .text("New"), "unit": .text("nj.fin"),
            "rank": .text("county"), "category": .text("leading"),
        ]
        for (k, v) in changes { f[k] = v }
        return f
    }

    @Test func buildsATypedRecordWithDefaults() throws {
        let r = try s.makeRecord(.cadre, cadreFields(["rank": .text("BUREAU"), "born": .text("1970")]))
        guard case .cadre(let c) = r else { Issue.record("not a cadre: \(r)"); return }
        #expect(
            c == Cadre(id: "c9", name: "New", unit: 4, rank: .bureau, category: .leading, born: 1970, status: .active))
    }

    @Test func duplicateIDIsRefused() throws {
        let e = domainError { try b.cadre("c1", unit: "js.org") }
        #expect(e?.kind == .alreadyExists(.cadre, name: "c1"))
        #expect(e?.field == "id")
        #expect(s.count(.cadre) == 3)
    }

    @Test func unknownReferenceSuggestsTheClosestID() {
        let e = domainError { _ = try s.makeRecord(.cadre, cadreFields(["unit": .text("nj.fim")])) }
        #expect(e?.kind == .unknownID(.unit, id: "nj.fim", suggestion: "nj.fin"))
        #expect(e?.field == "unit")
        let far = domainError { _ = try s.makeRecord(.cadre, cadreFields(["unit": .text("beijing")])) }
        #expect(far?.kind == .unknownID(.unit, id: "beijing", suggestion: nil))
    }

    @Test func enumValuesAreCheckedWithASuggestion() {
        let e = domainError { _ = try s.makeRecord(.cadre, cadreFields(["rank": .text("conty")])) }
        #expect(e?.kind == .unknownWord(.rank, word: "conty", suggestion: "county"))
        #expect(e?.field == "rank")
        let none = domainError { _ = try s.makeRecord(.cadre, cadreFields(["category": .text("xyzzy")])) }
        #expect(none?.kind == .unknownWord(.category, word: "xyzzy", suggestion: nil))
    }

    /// Issue 11: an id is a word, so a quoted one may not bring in a control, separator or
    /// bidi character (named by its code point, not quoted); a name may not be blank. Other
    /// text in a name is kept as written (the terminal output escapes it).
    @Test func idsHoldVisibleCharactersAndNamesAreNotBlank() throws {
        for (id, scalar): (String, Unicode.Scalar) in [
            ("c\u{1B}9", "\u{1B}"), ("c\n9", "\n"), ("\u{202E}c9", "\u{202E}"), ("c\u{2028}9", "\u{2028}"),
            ("c\u{85}9", "\u{85}"),
        ] {
            let e = domainError { _ = try s.makeRecord(.cadre, cadreFields(["id": .text(id)])) }
            #expect(e?.kind == .invisibleCharacter(field: "id", scalar: scalar), "\(id.debugDescription)")
        }
        #expect(
            DomainError.Kind.invisibleCharacter(field: "id", scalar: "\u{1B}").message
                == "an id is one word of visible characters; it cannot hold U+001B")
        for name in ["", "  ", "\t\n"] {
            let e = domainError { _ = try s.makeRecord(.cadre, cadreFields(["name": .text(name)])) }
            #expect(e?.kind == .blankText(field: "name") && e?.field == "name", "\(name.debugDescription)")
        }
        let kept = try s.makeRecord(.cadre, cadreFields(["name": .text("Li\u{1B}[31m\nWei\u{202E}")]))
        guard case .cadre(let c) = kept else { Issue.record("not a cadre: \(kept)"); return }
        #expect(c.name == "Li\u{1B}[31m\nWei\u{202E}")
    }

    /// Amounts of 1e15 or more are refused also when thousandths could hold them exactly.
    @Test func amountsStayBelowFifteenDigits() {
        let e = domainError {
            try b.course("k9", provider: "js.ps", start: day(2009, 5, 2), end: day(2009, 5, 2), hours: 1e15)
        }
        #expect(e?.kind == .amountTooLarge(field: "hours", Number(1e15)))
    }

    @Test func unknownFieldIsRefusedWithASuggestion() {
        let e = domainError { _ = try s.makeRecord(.cadre, cadreFields(["rnak": .text("county")])) }
        #expect(e?.kind == .noSuchField(.cadre, field: "rnak", suggestion: "rank"))
        #expect(e?.field == "rnak")
    }

    @Test func missingRequiredFieldIsNamed() {
        var f = cadreFields()
        f["category"] = nil
        let e = domainError { _ = try s.makeRecord(.cadre, f) }
        #expect(e?.kind == .missingField(.cadre, field: "category"))
        #expect(e?.field == "category")
    }

    @Test func courseEndingBeforeItStartsIsRefused() {
        let e = domainError {
            try b.course("k9", provider: "js.ps", start: day(2009, 5, 2), end: day(2009, 5, 1), hours: 10)
        }
        #expect(e?.kind == .endsBeforeStart(course: "k9", end: day(2009, 5, 1), start: day(2009, 5, 2)))
        #expect(e?.field == "end")
        // A one-day course (start = end) is fine.
        #expect(throws: Never.self) {
            try b.course("k9", provider: "js.ps", start: day(2009, 5, 2), end: day(2009, 5, 2), hours: 3)
        }
    }

    @Test(arguments: [0.0, -1.5])
    func hoursMustBePositive(_ value: Double) {
        let hours = Number(value)
        let e = domainError {
            try b.course("k9", provider: "js.ps", start: day(2009, 5, 2), end: day(2009, 5, 2), hours: hours)
        }
        #expect(e?.kind == .hoursNotPositive(hours))
        #expect(e?.field == "hours")
        let r = domainError { try b.rule("r9", period: Period(years: 2009, 2009)!, hours: hours) }
        #expect(r?.field == "hours")
        #expect(s.count(.course) == 3 && s.count(.rule) == 2)
    }

    @Test func capacityMustBeAWholePositiveNumber() {
        let zero = domainError {
            try b.course("k9", provider: "js.ps", start: day(2009, 5, 2), end: day(2009, 5, 2), hours: 3, capacity: 0)
        }
        #expect(zero?.kind == .capacityBelowOne)
        let half = domainError {
            _ = try s.makeRecord(
                .course,
                [
                    "id": .text("k9"), "title": .text("T"), "kind": .text("lecture"),
                    "provider": .text("js.ps"), "start": .text("2009-05-02"),
                    "end": .text("2009-05-02"), "hours": .number(3), "capacity": .number(2.5),
                ])
        }
        #expect(half?.kind == .notACount(field: "capacity", 2.5))
    }

    @Test func datesGivenAsTextMustBeReal() {
        let e = domainError {
            _ = try s.makeRecord(
                .inspection,
                [
                    "id": .text("i9"), "by": .text("js.org"), "unit": .text("nj"),
                    "date": .text("2009-02-30"),
                ])
        }
        #expect(e?.kind == .notADate(field: "date", text: "2009-02-30"))
        #expect(e?.field == "date")
    }

    @Test func periodsAndCourseKindsAreRead() throws {
        let r = try s.makeRecord(
            .rule,
            [
                "id": .text("r9"), "title": .text("T"), "for": .text("rank >= county"),
                "period": .text("2008..2012"), "hours": .number(100),
                "kinds": .text("off-job, rotation,off-job"),
            ])
        guard case .rule(let rule) = r else { Issue.record("not a rule"); return }
        #expect(rule.period == Period(years: 2008, 2012)!)
        #expect(rule.kinds == [.offJob, .rotation])
        let bad = domainError {
            _ = try s.makeRecord(
                .rule,
                [
                    "id": .text("r9"), "title": .text("T"), "for": .text("x"),
                    "period": .text("2012..2008"), "hours": .number(1),
                ])
        }
        #expect(bad?.field == "period")
        let kind = domainError {
            _ = try s.makeRecord(
                .rule,
                [
                    "id": .text("r9"), "title": .text("T"), "for": .text("x"),
                    "period": .number(2009), "hours": .number(1), "kinds": .text("lectur"),
                ])
        }
        #expect(kind?.kind == .unknownWord(.courseKind, word: "lectur", suggestion: "lecture"))
    }

    @Test func unitCannotBeItsOwnAncestor() throws {
        let js = s.slot(.unit, id: "js")!, nj = s.slot(.unit, id: "nj")!, fin = s.slot(.unit, id: "nj.fin")!
        var changes = ChangeSet()
        let own = domainError { try s.update(.unit, fin, with: [("parent", .text("nj.fin"))], &changes) }
        #expect(own?.kind == .unitUnderItself(unit: "nj.fin", parent: "nj.fin"))
        #expect(own?.field == "parent")
        let loop = domainError { try s.update(.unit, js, with: [("parent", .text("nj.fin"))], &changes) }
        #expect(loop?.kind == .unitUnderItself(unit: "js", parent: "nj.fin"))
        #expect(changes.isEmpty)
        #expect(s.units[js]!.parent == nil)
        // Moving a unit sideways is fine, and the child index follows it.
        try s.update(.unit, fin, with: [("parent", .text("js.org"))], &changes)
        let org = s.slot(.unit, id: "js.org")!
        #expect(s.units[fin]!.parent == org)
        #expect(s.childUnits[org] == [Int32(fin)])
        #expect(s.childUnits[nj].isEmpty)
        #expect(integrityProblems(s) == [])
    }

    @Test func idsAndKeysCannotBeChanged() throws {
        let c1 = s.slot(.cadre, id: "c1")!
        var changes = ChangeSet()
        let e = domainError { try s.update(.cadre, c1, with: [("id", .text("c100"))], &changes) }
        #expect(e?.kind == .fieldNotSettable(.cadre, field: "id"))
        let budget = s.budgetSlot(unit: 4, year: 2009)!
        let key = domainError { try s.update(.budget, budget, with: [("year", .number(2011))], &changes) }
        #expect(key?.field == "year")
        let required = domainError { try s.update(.cadre, c1, with: [("rank", .null)], &changes) }
        #expect(required?.kind == .fieldRequired(.cadre, field: "rank"))
        #expect(changes.isEmpty)
    }

    @Test func optionalFieldsCanBeCleared() throws {
        let c1 = s.slot(.cadre, id: "c1")!
        var changes = ChangeSet()
        try s.update(.cadre, c1, with: [("born", .null)], &changes)
        #expect(s.cadres[c1]!.born == nil)
        #expect(changes.changes.count == 1)
        // Setting a field to the value it has changes nothing and records nothing.
        var none = ChangeSet()
        try s.update(.cadre, c1, with: [("rank", .text("county"))], &none)
        #expect(none.isEmpty)
    }

    @Test func findingStatusAndResolvedDateGoTogether() {
        let e = domainError {
            _ = try s.makeRecord(
                .finding,
                [
                    "id": .text("f9"), "inspection": .text("i1"), "text": .text("t"),
                    "severity": .text("low"), "due": .text("2010-09-01"),
                    "status": .text("resolved"),
                ])
        }
        #expect(e?.kind == .resolvedWithoutDate)
    }

    @Test func negativeMoneyIsRefused() {
        let e = domainError {
            try b.add(
                .budget, ["unit": .text("nj"), "year": .number(2009), "funds": .number(-1), "revenue": .number(0)])
        }
        #expect(e?.kind == .negative(field: "funds"))
        #expect(e?.field == "funds")
    }
}
