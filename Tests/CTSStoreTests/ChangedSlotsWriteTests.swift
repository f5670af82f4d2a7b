import CTSDomain
@testable import CTSStore
import Foundation
import Testing

/// Writing a batch run's changes from the slots they touched (``ChangedSlots``) rather than
/// from the change sets: the file must end up exactly as replaying the change sets leaves it.
@Suite struct ChangedSlotsWriteTests {
    /// The slots a builder's change sets touched.
    private func changed(_ sets: [ChangeSet]) -> ChangedSlots {
        var changed = ChangedSlots()
        for set in sets { changed.formUnion(set) }
        return changed
    }

    @Test func aNewFileGetsTheWholeSessionFromItsSlots() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let built = try SessionBuilder.province()
        let store = try SQLiteBackend.open(dir.file("new.ctsdb"))
        defer { store.close() }
        try store.write(changed(built.takeChangeSets()), of: built.session)
        expectSameSession(built.session, try store.load())
    }

    @Test func aBigNewFileIsWrittenWithoutItsIndexesAndGetsThemBack() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let built = try SessionBuilder.large(units: 20, cadres: 5_000, enrollments: BulkLoad.threshold)
        let path = dir.file("big.ctsdb")
        let store = try SQLiteBackend.open(path)
        try store.write(changed(built.takeChangeSets()), of: built.session)
        store.close()
        let fresh = dir.file("fresh.ctsdb")
        try SQLiteBackend.open(fresh).close()
        let schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        #expect(try sqlite(path, schema) == sqlite(fresh, schema))
        let reopened = try SQLiteBackend.open(path, create: false)
        defer { reopened.close() }
        expectSameSession(built.session, try reopened.load())
    }

    /// Updates, removals, an id removed and added again in a later slot, an undo that puts a
    /// record back into its old slot, and a change of settings, over a file that has rows.
    @Test func anExistingFileCatchesUpWithChangesOfEveryKind() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let built = try SessionBuilder.province()
        let store = try SQLiteBackend.open(dir.file("old.ctsdb"))
        defer { store.close() }
        try store.write(built.takeChangeSets())
        let s = built.session
        try built.run { s, c in try s.update(.cadre, s.slot(.cadre, id: "c2")!, with: [("rank", .text("county"))], &c) }
        try built.run { s, c in _ = try s.remove(.practice, s.slot(.practice, id: "p2")!, cascade: false, &c) }
        let c3 = s.slot(.cadre, id: "c3")!
        let old = s.cadres[c3]!
        try built.run { s, c in _ = try s.remove(.cadre, c3, cascade: true, &c) }
        try built.run { s, c in _ = try s.add(.cadre(old), &c) }
        var removed = ChangeSet()
        _ = try s.remove(.unit, s.slot(.unit, id: "late")!, cascade: true, &removed)
        s.revert(removed)
        try built.run { s, c in s.change(settings: SessionSettings(today: day(2010, 1, 1), dayHours: 8), in: &c) }
        var sets = built.takeChangeSets()
        sets.append(removed)
        try store.write(changed(sets), of: s)
        expectSameSession(s, try store.load())
        #expect(try store.load().settings == s.settings)
    }

    @Test func nothingChangedWritesNothing() throws {
        let store = try SQLiteBackend.inMemory(recordingSQL: true)
        try store.write(ChangedSlots(), of: Session())
        #expect(store.executedSQL.isEmpty)
    }

    @Test func aFailedWriteLeavesTheFileAsItWas() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("kept.ctsdb")
        let built = try SessionBuilder.province()
        let store = try SQLiteBackend.open(path)
        defer { store.close() }
        try store.write(built.takeChangeSets())
        let before = bytes(path)
        // A changed cadre whose unit is in the session but not in the file: the foreign key
        // fails at the commit, after the rows were written.
        let s = Session()
        var c = ChangeSet()
        for i in 0..<40 { _ = try s.add(.unit(Unit(id: "u\(i)", name: "U", kind: .workplace, level: .county)), &c) }
        _ = try s.add(.cadre(Cadre(id: "x", name: "X", unit: 39, rank: .staff, category: .technical)), &c)
        var changed = ChangedSlots()
        changed.insert(.cadre, 0)
        changed.insert(.cadre, 50)
        #expect(throws: StoreError.self) { try store.write(changed, of: s) }
        #expect(bytes(path) == before)
    }
}
