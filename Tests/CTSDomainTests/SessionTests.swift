@testable import CTSDomain
import Testing

/// Adding, changing and removing records keeps the id index and the reverse indexes right.
@Suite struct SessionTests {
    @Test func workshopSessionIsConsistent() throws {
        let s = try workshopSession()
        #expect(integrityProblems(s) == [])
        #expect(s.count(.unit) == 5 && s.count(.cadre) == 3 && s.count(.course) == 3)
        #expect(s.count(.enrollment) == 5 && s.count(.budget) == 2 && s.count(.finding) == 1)
        #expect(s.slot(.unit, id: "nj.fin") == 4)
        #expect(s.slot(.unit, id: "NJ.FIN") == nil, "ids are case-sensitive")
        #expect(s.cadresByUnit[4].sorted() == [0, 1])
        #expect(s.childUnits[0].sorted() == [1, 2, 3])
        #expect(s.enrollmentsByCadre[0].count == 2)
        #expect(s.name(of: .enrollment, 0) == "c1 in k1")
        #expect(s.name(of: .budget, 1) == "nj.fin 2010")
    }

    @Test func addAppendsInOrderAndRecordsTheChange() throws {
        let s = Session()
        var changes = ChangeSet()
        let a = try s.add(
            s.makeRecord(
                .unit,
                [
                    "id": .text("a"), "name": .text("A"), "kind": .text("locality"),
                    "level": .text("province"),
                ]), &changes)
        let b = try s.add(
            s.makeRecord(
                .unit,
                [
                    "id": .text("b"), "name": .text("B"), "kind": .text("locality"),
                    "level": .text("city"), "parent": .text("a"),
                ]), &changes)
        #expect((a, b) == (0, 1))
        #expect(s.slots(.unit) == [0, 1])
        #expect(changes.changes.count == 2)
        #expect(changes.counts[.unit]?.added == 2)
        #expect(s.childUnits[0] == [1])
    }

    @Test func updateMovesACadreBetweenUnitIndexes() throws {
        let s = try workshopSession()
        let c1 = s.slot(.cadre, id: "c1")!
        var changes = ChangeSet()
        try s.update(.cadre, c1, with: [("unit", .text("js.org")), ("rank", .text("bureau"))], &changes)
        #expect(s.cadres[c1]!.unit == 1)
        #expect(s.cadres[c1]!.rank == .bureau)
        #expect(s.cadresByUnit[1].sorted() == [0, 2])
        #expect(s.cadresByUnit[4] == [1])
        #expect(integrityProblems(s) == [])
    }

    @Test func removeIsRefusedWhileReferredToAndNamesTheCounts() throws {
        let s = try workshopSession()
        let before = Snapshot(s)
        var changes = ChangeSet()
        let e = domainError { try s.remove(.unit, 4, cascade: false, &changes) }
        #expect(
            e?.kind
                == .referredTo(.unit, name: "nj.fin", by: [.init(.cadre, 2), .init(.budget, 2), .init(.inspection, 1)]))
        let cadre = domainError { try s.remove(.cadre, 0, cascade: false, &changes) }
        #expect(cadre?.kind == .referredTo(.cadre, name: "c1", by: [.init(.enrollment, 2)]))
        let inspection = domainError { try s.remove(.inspection, 0, cascade: false, &changes) }
        #expect(inspection?.kind == .referredTo(.inspection, name: "i1", by: [.init(.finding, 1)]))
        #expect(changes.isEmpty)
        #expect(Snapshot(s) == before)
    }

    @Test func removeOfAnUnreferencedRecordLeavesATombstone() throws {
        let s = try workshopSession()
        var changes = ChangeSet()
        let f1 = s.slot(.finding, id: "f1")!
        let removed = try s.remove(.finding, f1, cascade: false, &changes)
        #expect(removed.map(\.kind) == [.finding] && removed.map(\.count) == [1])
        #expect(s.slot(.finding, id: "f1") == nil)
        // A removed cadre in the middle leaves the others in their slots.
        let c2 = s.slot(.cadre, id: "c2")!
        try s.remove(.cadre, c2, cascade: true, &changes)
        #expect(s.cadres.slots == [0, 2])
        #expect(s.slot(.cadre, id: "c3") == 2)
        #expect(s.cadres[c2] == nil)
        #expect(integrityProblems(s) == [])
    }

    @Test func cascadeRemovesTheWholeTreeAndCountsIt() throws {
        let s = try workshopSession()
        var changes = ChangeSet()
        let removed = try s.remove(.unit, s.slot(.unit, id: "js")!, cascade: true, &changes)
        // Five units, three cadres, the three courses js.ps provides, their five enrollments,
        // nj.fin's two budgets, the inspection (by js.org of nj.fin) and its finding.
        #expect(removed.map(\.kind) == [.unit, .cadre, .course, .enrollment, .budget, .inspection, .finding])
        #expect(removed.map(\.count) == [5, 3, 3, 5, 2, 1, 1])
        for kind in [EntityKind.unit, .cadre, .course, .enrollment, .budget, .inspection, .finding] {
            #expect(s.count(kind) == 0, "\(kind)")
        }
        #expect(s.count(.rule) == 2, "rules hold conditions as text, not references")
        #expect(changes.changes.count == 20)
        #expect(changes.counts[.enrollment]?.removed == 5)
        #expect(integrityProblems(s) == [])
    }

    @Test func cascadeOfACourseTakesOnlyItsEnrollments() throws {
        let s = try workshopSession()
        var changes = ChangeSet()
        let removed = try s.remove(.course, s.slot(.course, id: "k2")!, cascade: true, &changes)
        #expect(removed.map(\.kind) == [.course, .enrollment])
        #expect(removed.map(\.count) == [1, 2])
        #expect(s.count(.enrollment) == 3)
        #expect(s.enrollmentSlot(cadre: 0, course: 1) == nil)
        #expect(s.hours(cadre: 0, in: Period(years: 2009, 2009)!) == 300)
        #expect(integrityProblems(s) == [])
    }

    @Test func cadreCascadeRemovesExemptions() throws {
        let s = try workshopSession()
        var changes = ChangeSet()
        try s.exempt(cadre: 2, rule: 0, reason: "retiring", &changes)
        let removed = try s.remove(.cadre, 2, cascade: true, &changes)
        #expect(removed.map(\.kind) == [.cadre, .exemption, .enrollment])
        #expect(removed.map(\.count) == [1, 1, 1])
        #expect(s.exemptionSlot(cadre: 2, rule: 0) == nil)
        #expect(integrityProblems(s) == [])
    }

    @Test func upsertAddsThenChangesTheSameLine() throws {
        let s = try workshopSession()
        var changes = ChangeSet()
        try s.upsert(.plan(Plan(unit: 3, year: 2009, participants: 3, hours: 400)), &changes)
        try s.upsert(.plan(Plan(unit: 3, year: 2009, participants: 4, hours: 400)), &changes)
        try s.upsert(.plan(Plan(unit: 3, year: 2009, participants: 4, hours: 400)), &changes)
        #expect(s.count(.plan) == 1)
        #expect(s.plans[0]!.participants == 4)
        #expect(changes.counts[.plan]?.added == 1 && changes.counts[.plan]?.changed == 1)
    }

    @Test func unitUnderFollowsTheParentChain() throws {
        let s = try workshopSession()
        #expect(s.unit(4, isUnder: 0))
        #expect(s.unit(4, isUnder: 3))
        #expect(s.unit(4, isUnder: 4))
        #expect(!s.unit(3, isUnder: 4))
        #expect(!s.unit(1, isUnder: 3))
    }

    @Test func referrersAreListedBySlot() throws {
        let s = try workshopSession()
        let refs = s.referrers(of: .unit, 2)
        #expect(refs.map(\.kind) == [.course])
        #expect(refs.first?.slots == [0, 1, 2])
        #expect(s.referrers(of: .rule, 0).isEmpty)
    }
}
