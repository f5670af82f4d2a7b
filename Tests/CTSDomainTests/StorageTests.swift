@testable import CTSDomain
import Testing

/// How records are kept: keys found without an index of their own, indexes left alone by
/// changes that do not touch them, and the checks made on the fast paths.
@Suite struct StorageTests {
    let s: Session
    let b: Builder
    let c1 = 0, c2 = 1, c3 = 2, k1 = 0, k2 = 1, k3 = 2

    init() throws {
        s = try workshopSession()
        b = Builder(session: s)
    }

    @Test func anEnrollmentIsFoundAmongItsCadresEnrollments() throws {
        try b.enroll(c3, k2)
        try b.enroll(c3, k3)
        for e in s.enrollments.slots {
            let r = s.enrollments[e]!
            #expect(s.enrollmentSlot(cadre: Int(r.cadre), course: Int(r.course)) == e)
            #expect(s.enrollmentsByCadre[Int(r.cadre)].contains(Int32(e)))
        }
        #expect(s.enrollmentSlot(cadre: c2, course: k1) == nil)
        #expect(s.enrollmentSlot(cadre: 999, course: k1) == nil)
        #expect(integrityProblems(s).isEmpty)
    }

    @Test func completingLeavesTheReverseListsAsTheyWere() throws {
        try b.enroll(c3, k2)
        let byCadre = s.enrollmentsByCadre, byCourse = s.enrollmentsByCourse
        try b.complete(c3, k2)
        #expect(s.enrollmentsByCadre == byCadre)
        #expect(s.enrollmentsByCourse == byCourse)
        #expect(integrityProblems(s).isEmpty)
    }

    @Test func restoringWholeTablesIndexesThemAsAddingTheirRecordsDid() throws {
        try b.enroll(c3, k2)
        try b.enroll(c3, k3)
        var changes = ChangeSet()
        try s.remove(.enrollment, s.enrollmentSlot(cadre: c3, course: k2)!, cascade: false, &changes)
        let copy = Session()
        copy.restore(settings: s.settings)
        func restore<R: EntityRecord>(_ type: R.Type) {
            let rows = s.store(R.self).table.rows
            copy.restore(rows: rows, count: rows.count { $0 != nil })
        }
        for kind in EntityKind.dependencyOrder {
            switch kind {
            case .unit: restore(Unit.self)
            case .cadre: restore(Cadre.self)
            case .course: restore(Course.self)
            case .enrollment: restore(Enrollment.self)
            default: for slot in s.slots(kind).sorted() { copy.restore(s.record(kind, slot)!, at: slot) }
            }
        }
        #expect(Snapshot(copy) == Snapshot(s))
        #expect(copy.enrollmentsByCadre[c3] == s.enrollmentsByCadre[c3].sorted())
        #expect(integrityProblems(copy).isEmpty)
    }

    @Test func aChangedReferenceMovesTheRecordBetweenReverseLists() throws {
        let slot = s.slot(.cadre, id: "c1")!
        let from = s.cadres[slot]!.unit
        let to = s.slot(.unit, id: "js.ps")!
        var changes = ChangeSet()
        try s.update(.cadre, slot, with: [("unit", .text("js.ps"))], &changes)
        #expect(!s.cadresByUnit[from].contains(Int32(slot)))
        #expect(s.cadresByUnit[to].contains(Int32(slot)))
        s.revert(changes)
        #expect(s.cadresByUnit[from].contains(Int32(slot)))
        #expect(integrityProblems(s).isEmpty)
    }

    @Test func versionsAndIDLogsArePerKind() throws {
        let cadres = s.version(of: .cadre), units = s.version(of: .unit)
        let logged = s.idLog(.cadre).end
        _ = try b.cadre("c9", unit: "js.org")
        #expect(s.version(of: .cadre) == cadres + 1)
        #expect(s.version(of: .unit) == units)
        #expect(s.idLog(.cadre).end == logged + 1)
        #expect(s.idLog(.cadre).entries.last?.id == "c9")
        try b.enroll(s.slot(.cadre, id: "c9")!, k2)
        #expect(s.idLog(.enrollment).end == 0)
    }

    @Test func idsWithWhitespaceOfAnyKindAreRefused() {
        #expect(FieldReader.hasWhitespace("a b"))
        #expect(FieldReader.hasWhitespace("a\tb"))
        #expect(FieldReader.hasWhitespace("a\u{3000}b"))
        #expect(FieldReader.hasWhitespace("江南\u{00A0}省"))
        #expect(!FieldReader.hasWhitespace("c.000001"))
        #expect(!FieldReader.hasWhitespace("江南省"))
    }

    @Test func wordsOfAnEnumAreReadInAnyCase() {
        #expect(Rank(word: "county") == .county)
        #expect(Rank(word: "County") == .county)
        #expect(Category(word: "CIVIL-SERVANT") == .civilServant)
        #expect(Rank(word: "count") == nil)
    }

    @Test func kindOrdinalsFollowAllCases() {
        for (i, kind) in EntityKind.allCases.enumerated() {
            #expect(kind.ordinal == i)
            #expect(kind.declaration.ordinal == i)
            #expect(kind.fieldNames == kind.fields.map(\.name))
        }
    }
}
