@testable import CTSDomain
import Testing

/// Change sets: reverting one restores the session exactly; applying it again redoes it; and no
/// sequence of operations, successful or refused, leaves a reference dangling.
@Suite struct ChangeSetTests {
    @Test func revertRestoresEveryTableAndIndex() throws {
        let s = try workshopSession()
        let before = Snapshot(s)
        var changes = ChangeSet()
        let b = Builder(session: s)
        try s.add(
            s.makeRecord(
                .unit,
                [
                    "id": .text("sz"), "name": .text("Suzhou"), "kind": .text("locality"),
                    "level": .text("city"), "parent": .text("js"),
                ]), &changes)
        try s.update(.cadre, 0, with: [("unit", .text("sz")), ("born", .null)], &changes)
        try s.exempt(cadre: 1, rule: 1, reason: "maternity leave", &changes)
        try s.remove(.course, 1, cascade: true, &changes)
        try s.remove(.cadre, 2, cascade: true, &changes)
        try s.enroll(cadre: 0, course: 2, &changes)
        try s.complete(cadre: 0, course: 2, hours: 2, date: nil, &changes)
        try s.resolve(finding: 0, on: day(2010, 9, 1), &changes)
        try s.upsert(.budget(Budget(unit: 4, year: 2010, funds: 1, revenue: 2)), &changes)
        #expect(integrityProblems(s) == [])
        let after = Snapshot(s)
        #expect(after != before)

        s.revert(changes)
        #expect(Snapshot(s) == before)
        #expect(integrityProblems(s) == [])
        // Redo gives back exactly the state after, in the same slots.
        s.apply(changes)
        #expect(Snapshot(s) == after)
        s.revert(changes)
        #expect(Snapshot(s) == before)
        // The builder still works on the restored session: next slots are where they were.
        #expect(try b.unit("wx", parent: "js") == 5)
    }

    /// Removing records so that trailing slots empty out, then taking the removals back one at
    /// a time (as `undo` does), must give every record its old slot.
    @Test func revertingRemovalsAfterTrailingSlotsWereDroppedRestoresSlots() throws {
        let s = Session()
        let b = Builder(session: s)
        try b.unit("a"); try b.unit("b"); try b.unit("c")
        let before = Snapshot(s)
        var first = ChangeSet(), second = ChangeSet(), third = ChangeSet()
        try s.remove(.unit, 1, cascade: false, &first)
        try s.remove(.unit, 2, cascade: false, &second)
        #expect(s.units.rows.count == 1, "trailing empty slots are dropped")
        try s.remove(.unit, 0, cascade: false, &third)
        #expect(s.units.rows.isEmpty)
        s.revert(third)
        s.revert(second)
        #expect(s.slot(.unit, id: "c") == 2)
        #expect(s.units[1] == nil)
        s.revert(first)
        #expect(Snapshot(s) == before)
        #expect(integrityProblems(s) == [])
    }

    @Test func inverseOfAnInverseIsTheChange() {
        let u = Record.unit(Unit(id: "a", name: "A", kind: .locality, level: .city))
        let v = Record.unit(Unit(id: "a", name: "B", kind: .locality, level: .city))
        for change in [Change.insert(slot: 3, u), .delete(slot: 3, u), .update(slot: 3, old: u, new: v)] {
            #expect(change.inverse.inverse == change)
            #expect(change.inverse != change)
        }
    }

    /// A fixed pseudo-random walk of adds, changes, removals (with and without cascade),
    /// enrollments and reverts. After every step every reference points at a live record and
    /// every index agrees with the records; at the end, reverting everything gives the start back.
    @Test(arguments: [1, 7, 42, 2009])
    func randomOperationsNeverBreakIntegrity(seed: Int) throws {
        let s = try workshopSession()
        let start = Snapshot(s)
        var rng = SplitMix(seed: UInt64(seed))
        var history: [ChangeSet] = []
        var counter = 0
        var removals = 0
        func pick(_ kind: EntityKind) -> Int? {
            let slots = s.slots(kind)
            return slots.isEmpty ? nil : slots[rng.next(slots.count)]
        }
        func unitID() -> String { pick(.unit).map { s.name(of: .unit, $0) } ?? "none" }
        /// A course's provider must be an institution.
        func institutionID() -> String {
            let slots = s.slots(.unit).filter { s.units[$0]!.kind == .institution }
            return slots.isEmpty ? "none" : s.name(of: .unit, slots[rng.next(slots.count)])
        }
        for step in 0..<400 {
            var changes = ChangeSet()
            counter += 1
            do {
                switch rng.next(12) {
                case 0:
                    var f: [String: Value] = [
                        "id": .text("u\(counter)"), "name": .text("U"),
                        "kind": .text(counter % 2 == 0 ? "institution" : "department"),
                        "level": .text("county"),
                    ]
                    if rng.next(3) > 0 { f["parent"] = .text(unitID()) }
                    try s.add(s.makeRecord(.unit, f), &changes)
                case 1:
                    try s.add(
                        s.makeRecord(
                            .cadre,
                            [
                                "id": .text("c\(counter)"), "name": .text("C"), "unit": .text(unitID()),
                                "rank": .text("staff"), "category": .text("technical"),
                            ]), &changes)
                case 2:
                    try s.add(
                        s.makeRecord(
                            .course,
                            [
                                "id": .text("k\(counter)"), "title": .text("K"), "kind": .text("online"),
                                "provider": .text(institutionID()), "start": .date(day(2009, 1, 1)),
                                "end": .date(day(2009, 2, 1)), "hours": .number(10),
                                "capacity": .number(Number(1 + rng.next(3))),
                            ]), &changes)
                case 3:
                    if let c = pick(.cadre), let k = pick(.course) { try s.enroll(cadre: c, course: k, &changes) }
                case 4:
                    if let e = pick(.enrollment) {
                        let x = s.enrollments[e]!
                        try s.complete(cadre: Int(x.cadre), course: Int(x.course), hours: nil, date: nil, &changes)
                    }
                case 5:
                    if let e = pick(.enrollment) {
                        let x = s.enrollments[e]!
                        try s.mark(cadre: Int(x.cadre), course: Int(x.course), .withdrawn, &changes)
                    }
                case 6:
                    if let u = pick(.unit) { try s.update(.unit, u, with: [("parent", .text(unitID()))], &changes) }
                case 7:
                    if let c = pick(.cadre) { try s.update(.cadre, c, with: [("unit", .text(unitID()))], &changes) }
                case 8:
                    let kinds: [EntityKind] = [.unit, .cadre, .course, .enrollment, .inspection, .budget]
                    let kind = kinds[rng.next(kinds.count)]
                    if let x = pick(kind) { try s.remove(kind, x, cascade: rng.next(2) == 0, &changes) }
                case 9:
                    if let c = pick(.cadre), let r = pick(.rule) {
                        try s.exempt(cadre: c, rule: r, reason: "r", &changes)
                    }
                case 10:
                    try s.upsert(
                        s.makeRecord(
                            .budget,
                            [
                                "unit": .text(unitID()), "year": .number(Number(2009 + rng.next(3))),
                                "funds": .number(1), "revenue": .number(2),
                            ]), &changes)
                default:
                    // Take back the last successful step, as undo does.
                    if let last = history.popLast() { s.revert(last) }
                    #expect(integrityProblems(s) == [], "after revert at step \(step)")
                    continue
                }
            } catch {
                // A refused operation must leave no trace once its partial changes are reverted.
                s.revert(changes)
                changes = ChangeSet()
            }
            if !changes.isEmpty {
                history.append(changes)
                removals += changes.counts.values.reduce(0) { $0 + $1.removed }
            }
            let problems = integrityProblems(s)
            #expect(problems == [], "step \(step)")
            if !problems.isEmpty { return }
        }
        // The walk did real work: many steps succeeded and removals (cascades among them) happened.
        #expect(history.count > 20 && removals > 20)
        while let last = history.popLast() { s.revert(last) }
        #expect(Snapshot(s) == start)
    }
}

/// A small deterministic generator, so a failing walk can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
